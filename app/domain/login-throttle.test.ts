import { describe, expect, it } from "vitest";
import { LOGIN_WINDOW_MS, throttleVerdict } from "./login-throttle";

const now = new Date("2026-05-01T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("throttleVerdict", () => {
  it("allows fewer failures than the limit", () => {
    expect(throttleVerdict([ago(1000), ago(2000)], 3, now)).toEqual({ locked: false });
  });
  it("locks at the limit until the oldest counted failure ages out", () => {
    const verdict = throttleVerdict([ago(60_000), ago(30_000), ago(10_000)], 3, now);
    expect(verdict).toEqual({ locked: true, retryAfterMs: LOGIN_WINDOW_MS - 60_000 });
  });
  it("ignores failures outside the window", () => {
    expect(throttleVerdict([ago(LOGIN_WINDOW_MS + 1), ago(5), ago(6)], 3, now)).toEqual({
      locked: false,
    });
  });
});
