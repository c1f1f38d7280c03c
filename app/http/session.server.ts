// Sessions and authorisation. Every protected loader and action calls one of the
// require* helpers; hiding a link in the UI is never the only check.
import { redirect } from "@remix-run/node";
import { getSessionUser, type SessionUser } from "~/models/user.server";
import { safeRedirect } from "~/utils/safe-redirect";
import type { Role } from "~/domain/roles";
import { env } from "~/env.server";
import { USER_KEY, sessionStorage } from "~/http/session-storage.server";
import { assertSameOrigin } from "~/http/same-origin.server";

export type { SessionUser };

export function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export async function getUserId(request: Request): Promise<number | null> {
  const session = await getSession(request);
  const id = session.get(USER_KEY);
  return typeof id === "number" ? id : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const id = await getUserId(request);
  if (id === null) return null;
  return getSessionUser(id);
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
}

/**
 * The signed-in user, or a redirect to sign in that comes back here afterwards. Actions
 * (anything but GET/HEAD) from another site are refused here, before any work is done.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request);
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** The signed-in user if their role is one of `roles`; 403 otherwise. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  return requireRole(request, "admin");
}

/** An organisation manager together with the organisation they manage. */
export async function requireOrgManager(
  request: Request,
): Promise<SessionUser & { organisationId: number }> {
  const user = await requireRole(request, "org_manager");
  if (user.organisationId === null) throw forbidden();
  return { ...user, organisationId: user.organisationId };
}

export async function requireJudge(request: Request): Promise<SessionUser> {
  return requireRole(request, "judge");
}

export async function requireWorker(request: Request): Promise<SessionUser & { workerId: number }> {
  const user = await requireRole(request, "worker");
  if (user.workerId === null) throw forbidden();
  return { ...user, workerId: user.workerId };
}

export async function createUserSession(
  request: Request,
  userId: number,
  redirectTo: string,
): Promise<Response> {
  const session = await getSession(request);
  session.set(USER_KEY, userId);
  return redirect(safeRedirect(redirectTo, "/"), {
    headers: { "Set-Cookie": await sessionStorage.commitSession(session) },
  });
}

export async function logout(request: Request): Promise<Response> {
  const session = await getSession(request);
  return redirect("/", {
    headers: { "Set-Cookie": await sessionStorage.destroySession(session) },
  });
}

/**
 * The client's address for rate limiting. The Remix handler is not given the socket, so the
 * address is only known behind a reverse proxy that sets X-Forwarded-For (TRUST_PROXY=1).
 */
export function clientAddress(request: Request): string | null {
  if (env.TRUST_PROXY !== "1") return null;
  const forwarded = request.headers.get("X-Forwarded-For");
  const first = forwarded?.split(",")[0]?.trim();
  return first && first.length <= 64 ? first : null;
}
