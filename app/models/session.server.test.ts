// Sessions are server-side records: every way a session can end is tried here, and after
// each the cookie the browser still holds must sign no one in.
import { describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { receiveChange } from "~/utils/live-events.server";
import { createOrganisation, createUser } from "~/test/factories";
import { changeAccount } from "~/models/user.server";
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  createSession,
  findSessionUser,
  sessionIdOf,
} from "./session.server";
import { SESSION_COOKIE } from "~/utils/http-names";
import { createUserSession, getUser, logout, signedInCookie } from "~/http/session.server";

const BASE = "http://jiangxin.test";
const withCookie = (cookie: string | null, method = "GET") =>
  new Request(`${BASE}/me`, {
    method,
    headers: { ...(cookie ? { Cookie: cookie } : {}), Origin: BASE },
  });
const cookiePair = (setCookie: string | null) => (setCookie ?? "").split(";")[0] ?? "";
const signedIn = async (cookie: string) => (await getUser(withCookie(cookie)))?.id ?? null;

describe("sessions", () => {
  it("issues a new, unguessable id at each sign-in and ends the one the browser brought", async () => {
    const user = await createUser({ role: "admin" });
    const first = await createUserSession(withCookie(null, "POST"), user.id, "/admin");
    const firstCookie = cookiePair(first.headers.get("Set-Cookie"));
    const second = await createUserSession(withCookie(firstCookie, "POST"), user.id, "/admin");
    const secondCookie = cookiePair(second.headers.get("Set-Cookie"));
    expect(secondCookie).not.toBe(firstCookie);
    expect(await signedIn(secondCookie)).toBe(user.id);
    expect(await signedIn(firstCookie)).toBeNull();
    // The table holds a hash of the token, never the token itself.
    const token = decodeURIComponent(secondCookie.slice(SESSION_COOKIE.length + 1));
    const stored = await prisma.session.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(token.includes(stored[0]!.id)).toBe(false);
  });

  it("keeps the cookie's flags", async () => {
    const user = await createUser({ role: "admin" });
    const response = await createUserSession(withCookie(null, "POST"), user.id, "/admin");
    const header = response.headers.get("Set-Cookie") ?? "";
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//);
    expect(header).toMatch(new RegExp(`Max-Age=${SESSION_ABSOLUTE_MS / 1000}`));
  });

  it("ends the session on the server at sign-out", async () => {
    const user = await createUser({ role: "worker" });
    const cookie = await signedInCookie(user.id);
    const other = await signedInCookie(user.id);
    expect(await signedIn(cookie)).toBe(user.id);
    const response = await logout(withCookie(cookie, "POST"));
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    // Replaying the old cookie does not sign in; the user's other device stays signed in.
    expect(await signedIn(cookie)).toBeNull();
    expect(await signedIn(other)).toBe(user.id);
  });

  const changes = [
    ["password", () => ({ password: "a new password" })],
    ["role", () => ({ role: "judge" as const })],
    ["deactivation", () => ({ active: false })],
    ["organisation", async () => ({ organisationId: (await createOrganisation()).id })],
  ] as const;
  for (const [name, change] of changes) {
    it(`ends every session of the user on a ${name} change, and no one else's`, async () => {
      const user = await createUser({ role: "org_manager" });
      const bystander = await createUser({ role: "org_manager" });
      const phone = await signedInCookie(user.id);
      const laptop = await signedInCookie(user.id);
      const theirs = await signedInCookie(bystander.id);
      expect(await changeAccount(user.id, await change())).toBe(true);
      expect(await signedIn(phone)).toBeNull();
      expect(await signedIn(laptop)).toBeNull();
      expect(await signedIn(theirs)).toBe(bystander.id);
    });
  }

  // Each process keeps a session it read for a second; another process's sign-out or account
  // change reaches it over the change bus (receiveChange is what the transport calls).
  it("forgets a session it read when the bus says another process ended it", async () => {
    const user = await createUser({ role: "judge" });
    const { token } = await createSession(user.id);
    expect((await findSessionUser(token))?.id).toBe(user.id);
    await write((tx) => tx.session.deleteMany({ where: { id: sessionIdOf(token) } }));
    receiveChange({ sessions: { ids: [sessionIdOf(token)] }, at: Date.now() });
    expect(await findSessionUser(token)).toBeNull();
  });

  it("forgets the sessions of a user the bus says changed elsewhere", async () => {
    const user = await createUser({ role: "judge" });
    const bystander = await createUser({ role: "judge" });
    const { token } = await createSession(user.id);
    const theirs = await createSession(bystander.id);
    expect((await findSessionUser(token))?.id).toBe(user.id);
    expect((await findSessionUser(theirs.token))?.id).toBe(bystander.id);
    await write((tx) => tx.user.updateMany({ where: { id: user.id }, data: { active: false } }));
    receiveChange({ sessions: { users: [user.id] }, at: Date.now() });
    expect(await findSessionUser(token)).toBeNull();
    expect((await findSessionUser(theirs.token))?.id).toBe(bystander.id);
  });

  it("times out after the idle limit and at the absolute limit, however active", async () => {
    const user = await createUser({ role: "judge" });
    const t0 = new Date("2026-06-01T08:00:00Z");
    const idle = await createSession(user.id, t0);
    expect(
      await findSessionUser(idle.token, new Date(t0.getTime() + SESSION_IDLE_MS - 1000)),
    ).not.toBeNull();
    const later = new Date(t0.getTime() + SESSION_IDLE_MS - 1000 + SESSION_IDLE_MS);
    expect(await findSessionUser(idle.token, later)).toBeNull();
    // Ended, not just refused: the row is gone.
    expect(await findSessionUser(idle.token, new Date(t0.getTime() + 1000))).toBeNull();

    const busy = await createSession(user.id, t0);
    let now = t0.getTime();
    while (now + SESSION_IDLE_MS / 2 < t0.getTime() + SESSION_ABSOLUTE_MS) {
      now += SESSION_IDLE_MS / 2;
      expect(await findSessionUser(busy.token, new Date(now))).not.toBeNull();
    }
    expect(
      await findSessionUser(busy.token, new Date(t0.getTime() + SESSION_ABSOLUTE_MS)),
    ).toBeNull();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const user = await createUser({ role: "judge" });
    const t0 = new Date("2026-06-01T08:00:00Z");
    const { token } = await createSession(user.id, t0);
    const seen = async () =>
      (await prisma.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt.getTime();
    await findSessionUser(token, new Date(t0.getTime() + SESSION_TOUCH_MS / 2));
    expect(await seen()).toBe(t0.getTime());
    await findSessionUser(token, new Date(t0.getTime() + SESSION_TOUCH_MS));
    expect(await seen()).toBe(t0.getTime() + SESSION_TOUCH_MS);
  });

  it("ignores forged and tampered cookies", async () => {
    const user = await createUser({ role: "admin" });
    const cookie = await signedInCookie(user.id);
    // Change one character of the signature for certain: the replacement is chosen by the
    // character it replaces (choosing it by another one left the cookie as it was once in 64 runs).
    const at = cookie.length - 3;
    const tampered = `${cookie.slice(0, at)}${cookie[at] === "A" ? "B" : "A"}${cookie.slice(at + 1)}`;
    expect(tampered).not.toBe(cookie);
    // Asked twice each (a process remembers what a header's signature said): the same answers.
    for (let i = 0; i < 2; i++) {
      expect(await signedIn(cookie)).toBe(user.id);
      expect(await signedIn(tampered)).toBeNull();
    }
    expect(
      await signedIn(
        `${SESSION_COOKIE}=${encodeURIComponent(btoa(JSON.stringify({ userId: user.id })))}`,
      ),
    ).toBeNull();
  });
});
