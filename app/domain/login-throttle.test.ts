import { describe, expect, it } from "vitest";
import {
  ACCOUNT_SLOW_AFTER,
  ADDRESS_LIMIT,
  LOGIN_WINDOW_MS,
  PAIR_LIMIT,
  throttleKeys,
  throttleVerdict,
} from "./login-throttle";

const now = new Date("2026-05-01T10:05:00Z");
const keys = throttleKeys("Admin", "203.0.113.9", now);
const counts = { address: 1, pair: 1, account: 1, slot: null };

describe("throttleKeys", () => {
  it("counts names case-insensitively and pairs the account with the address", () => {
    expect(keys.pair).toBe(throttleKeys("admin", "203.0.113.9", now).pair);
    expect(keys.pair).not.toBe(throttleKeys("admin", "198.51.100.1", now).pair);
    expect(keys.account).toBe(throttleKeys("admin", "198.51.100.1", now).account);
  });
  it("uses fixed windows that end on the quarter hour", () => {
    expect(keys.windowEndsAt.toISOString()).toBe("2026-05-01T10:15:00.000Z");
    expect(throttleKeys("admin", null, new Date(now.getTime() + LOGIN_WINDOW_MS)).account).not.toBe(
      keys.account,
    );
  });
});

describe("throttleVerdict", () => {
  it("allows attempts up to each limit", () => {
    expect(throttleVerdict({ ...counts, address: ADDRESS_LIMIT }, keys, now)).toEqual({
      allowed: true,
    });
    expect(throttleVerdict({ ...counts, pair: PAIR_LIMIT }, keys, now)).toEqual({ allowed: true });
  });
  it("locks an address or a pair past its limit until the window ends", () => {
    const wait = 10 * 60 * 1000;
    expect(throttleVerdict({ ...counts, pair: PAIR_LIMIT + 1 }, keys, now)).toEqual({
      allowed: false,
      reason: "locked",
      retryAfterMs: wait,
    });
    expect(throttleVerdict({ ...counts, address: ADDRESS_LIMIT + 1 }, keys, now)).toMatchObject({
      reason: "locked",
    });
  });
  it("only slows an account down, one attempt per slot, however many failures it has", () => {
    const busy = { ...counts, account: ACCOUNT_SLOW_AFTER + 500 };
    expect(throttleVerdict({ ...busy, slot: 1 }, keys, now)).toEqual({ allowed: true });
    expect(throttleVerdict({ ...busy, slot: 2 }, keys, now)).toMatchObject({
      allowed: false,
      reason: "slow",
    });
  });
});
