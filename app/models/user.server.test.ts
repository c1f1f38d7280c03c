import { describe, expect, it } from "vitest";
import { createOrganisation, createUser } from "~/test/factories";
import { changeAccount, getSessionUser, verifyLogin, type LoginOutcome } from "./user.server";
import { checkPassword, hashPassword, passwordCheckCount } from "./password.server";
import { isMainThread, threadId } from "node:worker_threads";
import { ACCOUNT_SLOW_AFTER, ADDRESS_LIMIT, PAIR_LIMIT, SLOT_MS } from "~/domain/login-throttle";

const at = (iso: string) => new Date(iso);
const refusedWith = (o: LoginOutcome, code: string) =>
  !o.ok && o.problems.some((p) => p.code === code);

describe("password hashing", () => {
  it("runs on worker threads, never on the thread that serves requests", async () => {
    expect(isMainThread).toBe(true);
    const hash = await hashPassword("correct horse");
    const checks = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkPassword(i === 0 ? "correct horse" : `x${i}`, hash),
      ),
    );
    expect(checks.map((c) => c.matches)).toEqual([true, ...Array<boolean>(19).fill(false)]);
    expect(checks.every((c) => c.threadId !== threadId)).toBe(true);
  });
});

describe("verifyLogin", () => {
  it("accepts the right password and returns the session user", async () => {
    const org = await createOrganisation();
    const user = await createUser({
      username: "manager-a",
      role: "org_manager",
      organisationId: org.id,
      password: "s3cret-pass",
    });
    const outcome = await verifyLogin({
      username: "manager-a",
      password: "s3cret-pass",
      address: null,
    });
    expect(outcome).toMatchObject({
      ok: true,
      value: { id: user.id, role: "org_manager", organisationId: org.id },
    });
  });

  it("gives unknown, inactive and known names the same answer and the same one check", async () => {
    await createUser({ username: "judge-x", role: "judge", password: "right" });
    const sleeper = await createUser({ username: "judge-off", role: "judge", password: "right" });
    await changeAccount(sleeper.id, { active: false });
    for (const username of ["judge-x", "nobody", "judge-off"]) {
      const before = passwordCheckCount();
      const password = username === "judge-x" ? "wrong" : "right";
      expect(await verifyLogin({ username, password, address: "203.0.113.50" })).toEqual({
        ok: false,
        problems: [{ code: "login.invalid", params: {} }],
      });
      expect(passwordCheckCount() - before).toBe(1);
    }
  });

  it("checks at most the limit when many wrong passwords arrive at once", async () => {
    await createUser({ username: "parallel", role: "admin", password: "right" });
    const before = passwordCheckCount();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        verifyLogin({ username: "parallel", password: `guess-${i}`, address: "203.0.113.7" }),
      ),
    );
    // Every attempt took its count before any password was checked.
    expect(passwordCheckCount() - before).toBe(PAIR_LIMIT);
    expect(outcomes.filter((o) => refusedWith(o, "login.invalid"))).toHaveLength(PAIR_LIMIT);
    expect(outcomes.filter((o) => refusedWith(o, "login.locked"))).toHaveLength(40 - PAIR_LIMIT);
  });

  it("never lets a stranger lock the real user out", async () => {
    await createUser({ username: "target", role: "admin", password: "right" });
    for (let i = 0; i < PAIR_LIMIT * 3; i++) {
      await verifyLogin({ username: "target", password: `guess-${i}`, address: "203.0.113.66" });
    }
    // The stranger's own address is locked out of the account, even with the password...
    expect(
      await verifyLogin({ username: "target", password: "right", address: "203.0.113.66" }),
    ).toMatchObject({ ok: false, problems: [{ code: "login.locked" }] });
    // ...the real user, from anywhere else, is not.
    expect(
      await verifyLogin({ username: "target", password: "right", address: "198.51.100.20" }),
    ).toMatchObject({ ok: true });
  });

  it("only slows an account down under attack from many addresses", async () => {
    await createUser({ username: "famous", role: "admin", password: "right" });
    const now = at("2026-05-01T10:00:01Z");
    const outcomes = [];
    for (let i = 0; i < ACCOUNT_SLOW_AFTER + 10; i++) {
      outcomes.push(
        await verifyLogin({ username: "famous", password: "x", address: `192.0.2.${i}`, now }),
      );
    }
    expect(outcomes.filter((o) => refusedWith(o, "login.slow")).length).toBeGreaterThan(0);
    expect(outcomes.some((o) => refusedWith(o, "login.locked"))).toBe(false);
    const slow = outcomes.find((o) => refusedWith(o, "login.slow"));
    if (slow && !slow.ok)
      expect(slow.problems[0]?.params.seconds).toBeLessThanOrEqual(SLOT_MS / 1000);
    // A few seconds later the real user gets in.
    const later = new Date(now.getTime() + SLOT_MS);
    expect(
      await verifyLogin({
        username: "famous",
        password: "right",
        address: "198.51.100.30",
        now: later,
      }),
    ).toMatchObject({ ok: true });
  });

  it("locks an address that tries many accounts, and only that address", async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      await verifyLogin({ username: `spray-${i}`, password: "x", address: "203.0.113.9" });
    }
    await createUser({ username: "victim", role: "judge", password: "right" });
    const before = passwordCheckCount();
    expect(
      await verifyLogin({ username: "victim", password: "right", address: "203.0.113.9" }),
    ).toMatchObject({ ok: false, problems: [{ code: "login.locked" }] });
    // Refused before hashing: a locked address costs the server no bcrypt work.
    expect(passwordCheckCount()).toBe(before);
    expect(
      await verifyLogin({ username: "victim", password: "right", address: "198.51.100.1" }),
    ).toMatchObject({ ok: true });
  });

  it("hands successful sign-ins back, so a whole office behind one address gets in", async () => {
    await createUser({ username: "office", role: "worker", password: "right" });
    for (let i = 0; i < ADDRESS_LIMIT + 5; i++) {
      expect(
        await verifyLogin({ username: "office", password: "right", address: "203.0.113.88" }),
      ).toMatchObject({ ok: true });
    }
  });

  it("does not return inactive users", async () => {
    const user = await createUser({ role: "worker" });
    expect(await getSessionUser(user.id)).not.toBeNull();
    expect(await getSessionUser(999_999)).toBeNull();
  });
});
