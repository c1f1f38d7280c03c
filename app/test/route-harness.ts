// Calls route loaders and actions the way Remix does, as a given user, and classifies what
// came back. Used by the authorisation matrix and the hostile-input suite.
import { signedInCookie } from "~/http/session.server";
import { subscribeSessionsChanged } from "~/utils/live-events.server";

export type Outcome =
  | "ok"
  | "login"
  | "redirect"
  | "bad-request"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "too-many"
  | "error";

type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;
export type RouteModule = { loader?: RouteFn; action?: RouteFn; default?: unknown };

export const BASE = "http://jiangxin.test";

// Signing in is a committed write (a new session row). The suites that call every route as
// every role made one per request, thousands per file, and those commits were most of their
// database time. After reuseSignIns() each user signs in once and keeps the cookie, as a
// browser does; a session that ends (sign-out, a password or account change) is announced on
// the change bus, as the app's own session cache relies on, and the user signs in again.
let signIns: Map<number, Promise<string>> | null = null;

/** From now on in this test file, each user's requests share one session (see above). */
export function reuseSignIns(): void {
  if (signIns) return;
  const cookies = new Map<number, Promise<string>>();
  subscribeSessionsChanged(() => cookies.clear());
  signIns = cookies;
}

export async function cookieFor(userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  if (!signIns) return signedInCookie(userId);
  let cookie = signIns.get(userId);
  if (!cookie) {
    cookie = signedInCookie(userId);
    signIns.set(userId, cookie);
    cookie.catch(() => signIns?.delete(userId));
  }
  return cookie;
}

export async function makeRequest(
  path: string,
  options: {
    method?: string;
    userId?: number | null;
    body?: FormData | string;
    headers?: Record<string, string>;
  } = {},
): Promise<Request> {
  const headers = new Headers(options.headers);
  const cookie = await cookieFor(options.userId ?? null);
  if (cookie) headers.set("Cookie", cookie);
  const method = options.method ?? "GET";
  if (method !== "GET") headers.set("Origin", BASE);
  return new Request(`${BASE}${path}`, { method, headers, body: options.body });
}

function classifyStatus(status: number, location: string | null): Outcome {
  if (status >= 300 && status < 400) return location?.startsWith("/login") ? "login" : "redirect";
  if (status === 400 || status === 422 || status === 413 || status === 415) return "bad-request";
  if (status === 401 || status === 403) return "forbidden";
  if (status === 404 || status === 405) return "not-found";
  if (status === 409) return "conflict";
  if (status === 429) return "too-many";
  if (status >= 500) return "error";
  return "ok";
}

/** Runs a loader or action and reduces the result to an Outcome (plus the raw value). */
export async function run(fn: RouteFn, request: Request, params: Record<string, string> = {}) {
  try {
    const value = await fn({ request, params, context: {} });
    if (value instanceof Response) {
      return { outcome: classifyStatus(value.status, value.headers.get("Location")), value };
    }
    // Single-fetch `data(value, { status })` results carry their status in `init`.
    const init = (value as { type?: string; init?: { status?: number } } | null)?.init;
    if (value && (value as { type?: string }).type === "DataWithResponseInit" && init?.status) {
      return { outcome: classifyStatus(init.status, null), value };
    }
    return { outcome: "ok" as Outcome, value };
  } catch (thrown) {
    if (thrown instanceof Response) {
      return {
        outcome: classifyStatus(thrown.status, thrown.headers.get("Location")),
        value: thrown,
      };
    }
    return { outcome: "error" as Outcome, value: thrown };
  }
}
