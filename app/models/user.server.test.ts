import { describe, expect, it } from "vitest";
import { createOrganisation, createUser } from "~/test/factories";
import { getSessionUser, verifyLogin } from "./user.server";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "~/domain/login-throttle";

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
      user: { id: user.id, role: "org_manager", organisationId: org.id },
    });
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    await createUser({ username: "judge-x", role: "judge", password: "right" });
    expect(await verifyLogin({ username: "judge-x", password: "wrong", address: null })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyLogin({ username: "nobody", password: "wrong", address: null })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    await createUser({ username: "target", role: "admin", password: "right" });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await verifyLogin({ username: "target", password: `guess-${i}`, address: null });
    }
    const outcome = await verifyLogin({ username: "target", password: "right", address: null });
    expect(outcome).toMatchObject({ ok: false, reason: "locked" });
    if (!outcome.ok && outcome.reason === "locked")
      expect(outcome.retryAfterMinutes).toBeGreaterThan(0);
    // Another account is not affected.
    await createUser({ username: "bystander", role: "admin", password: "right" });
    expect(
      await verifyLogin({ username: "bystander", password: "right", address: null }),
    ).toMatchObject({ ok: true });
  });

  it("locks an address that tries many accounts", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await verifyLogin({ username: `spray-${i}`, password: "x", address: "203.0.113.9" });
    }
    await createUser({ username: "victim", role: "judge", password: "right" });
    expect(
      await verifyLogin({ username: "victim", password: "right", address: "203.0.113.9" }),
    ).toMatchObject({ ok: false, reason: "locked" });
    expect(
      await verifyLogin({ username: "victim", password: "right", address: "198.51.100.1" }),
    ).toMatchObject({ ok: true });
  });

  it("does not return inactive users", async () => {
    const user = await createUser({ role: "worker" });
    expect(await getSessionUser(user.id)).not.toBeNull();
    expect(await getSessionUser(999_999)).toBeNull();
  });
});
