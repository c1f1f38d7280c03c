// Sessions and authorisation. Every protected loader and action calls one of the
// require* helpers; hiding a link in the UI is never the only check.
import { redirect } from "@remix-run/node";
import {
  createSession,
  endSession,
  findSessionUser,
  type SessionUser,
} from "~/models/session.server";
import { safeRedirect } from "~/utils/safe-redirect";
import type { Organiser, Role } from "~/domain/roles";
import { contestInScope, eventInScope, organiserScopeOf } from "~/models/scope.server";
import { sessionCookie } from "~/http/session-storage.server";
import { assertSameOrigin } from "~/http/same-origin.server";

export type { SessionUser };

/** The session token in a Cookie header, if it carries a validly signed one. */
async function sessionToken(cookieHeader: string | null): Promise<string | null> {
  if (cookieHeader === null) return null;
  const known = tokensOfHeaders.get(cookieHeader);
  if (known !== undefined) return known;
  const value: unknown = await sessionCookie.parse(cookieHeader);
  const token = typeof value === "string" && value.length > 0 && value.length <= 128 ? value : null;
  if (cookieHeader.length <= MAX_REMEMBERED_HEADER) {
    if (tokensOfHeaders.size >= REMEMBERED_HEADERS)
      tokensOfHeaders.delete(tokensOfHeaders.keys().next().value!);
    tokensOfHeaders.set(cookieHeader, token);
  }
  return token;
}

// What a Cookie header says about the session (checking its signature, an HMAC, and decoding
// it) is the same every time for the same header and secret; the session itself is still
// looked up for every request as before. So a process remembers the token of the headers it
// saw lately, which can change no answer. Bounded in number and size (the oldest go first).
const REMEMBERED_HEADERS = 5_000;
const MAX_REMEMBERED_HEADER = 1_024;
const tokensOfHeaders = new Map<string, string | null>();

/** The signed-in user of a Cookie header (the server in front asks this; see shared-viewer). */
export async function userOfCookie(cookieHeader: string | null): Promise<SessionUser | null> {
  const token = await sessionToken(cookieHeader);
  return token ? findSessionUser(token) : null;
}

// Several loaders of one request ask for the user; the session is read once.
const usersOfRequest = new WeakMap<Request, Promise<SessionUser | null>>();

export function getUser(request: Request): Promise<SessionUser | null> {
  let user = usersOfRequest.get(request);
  if (!user) {
    user = userOfCookie(request.headers.get("Cookie"));
    usersOfRequest.set(request, user);
  }
  return user;
}

export async function getUserId(request: Request): Promise<number | null> {
  return (await getUser(request))?.id ?? null;
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

/**
 * An organiser (or the top administrator) with their scope: the union whose records they
 * manage. Every organiser page starts here and hands the scope to the models, which find
 * nothing outside it. An organiser account not attached to a union has no scope: 403.
 */
export async function requireOrganiser(request: Request): Promise<SessionUser & Organiser> {
  const user = await requireRole(request, "superadmin", "admin");
  const scope = await organiserScopeOf(user);
  if (!scope) throw forbidden();
  return { ...user, scope };
}

/** The organiser's scope if the visitor is one, for public pages that show organisers more. */
export async function organiserOf(user: SessionUser | null): Promise<Organiser | null> {
  if (!user) return null;
  const scope = await organiserScopeOf(user);
  return scope ? { ...user, scope } : null;
}

/** Whether the visitor is an organiser of this contest (public pages show them more). */
export async function managesContest(user: SessionUser | null, contestId: number) {
  const organiser = await organiserOf(user);
  return organiser !== null && (await contestInScope(organiser.scope, contestId));
}

export async function managesEvent(user: SessionUser | null, eventId: number) {
  const organiser = await organiserOf(user);
  return organiser !== null && (await eventInScope(organiser.scope, eventId));
}

/** The platform's top administrator, who manages unions and organisers. */
export async function requireTopAdmin(request: Request): Promise<SessionUser & Organiser> {
  const user = await requireRole(request, "superadmin");
  return { ...user, scope: { kind: "platform" } };
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

/** "Cookie" header value that signs a user in with a new session (tests, scripts). */
export async function signedInCookie(userId: number): Promise<string> {
  const { token } = await createSession(userId);
  return (await sessionCookie.serialize(token)).split(";")[0] ?? "";
}

/**
 * Signs the user in with a new session (a new token at every sign-in, so a token planted in
 * the browser before sign-in is worthless); the session the request came with, if any, ends.
 */
export async function createUserSession(
  request: Request,
  userId: number,
  redirectTo: string,
): Promise<Response> {
  const previous = await sessionToken(request.headers.get("Cookie"));
  if (previous) await endSession(previous);
  const { token } = await createSession(userId);
  return redirect(safeRedirect(redirectTo, "/"), {
    headers: { "Set-Cookie": await sessionCookie.serialize(token) },
  });
}

/** Ends the session on the server, not only in the browser. */
export async function logout(request: Request): Promise<Response> {
  const token = await sessionToken(request.headers.get("Cookie"));
  if (token) await endSession(token);
  return redirect("/", {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}
