// Cross-site request forgery guard. Browsers send Origin on every cross-site POST; a form
// posted from another site is refused before the action does anything. SameSite=Lax on the
// session cookie is the second line: such a post would arrive signed out anyway.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameHost(candidate: string, request: Request): boolean {
  try {
    const origin = new URL(candidate);
    const target = new URL(request.url);
    const forwardedHost = request.headers.get("X-Forwarded-Host");
    return origin.host === target.host || (forwardedHost !== null && origin.host === forwardedHost);
  } catch {
    return false;
  }
}

export function isSameOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("Origin");
  if (origin !== null) return origin !== "null" && sameHost(origin, request);
  // No Origin (old browsers, scripts): fall back to Referer when present.
  const referer = request.headers.get("Referer");
  return referer === null || sameHost(referer, request);
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw new Response("Cross-site request refused", { status: 403, statusText: "Forbidden" });
  }
}
