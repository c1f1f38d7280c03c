// Cross-site request forgery guard, shared by the HTTP server (which answers 403 before Remix
// sees the request: Remix's own check throws and answers 500) and the session module (which
// checks again in every action). Browsers send Origin on every cross-site POST.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginHeaders = { get(name: string): string | null };

/**
 * The host the request was addressed to: the first X-Forwarded-Host, else Host, as Remix
 * itself compares (so nothing this accepts is refused by Remix afterwards).
 */
export function addressedHost(headers: OriginHeaders, fallback: string | null): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host") || fallback;
}

function hostOf(candidate: string): string | null {
  try {
    return new URL(candidate).host;
  } catch {
    return null;
  }
}

export function isSameOriginRequest(
  method: string,
  headers: OriginHeaders,
  fallbackHost: string | null = null,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const host = addressedHost(headers, fallbackHost);
  const origin = headers.get("origin");
  if (origin !== null) return origin !== "null" && host !== null && hostOf(origin) === host;
  // No Origin (old browsers, scripts): fall back to Referer when present.
  const referer = headers.get("referer");
  return referer === null || (host !== null && hostOf(referer) === host);
}
