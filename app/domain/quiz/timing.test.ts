import { describe, expect, it } from "vitest";
import { attemptDeadline, isLate, timeTakenMs } from "./timing";

const start = new Date("2026-05-01T09:00:00Z");

describe("attemptDeadline", () => {
  it("is the start plus the limit", () => {
    expect(attemptDeadline(start, 1800, null)).toEqual(new Date("2026-05-01T09:30:00Z"));
  });
  it("is cut short by the quiz closing", () => {
    const closes = new Date("2026-05-01T09:10:00Z");
    expect(attemptDeadline(start, 1800, closes)).toEqual(closes);
    expect(attemptDeadline(start, 1800, new Date("2026-05-01T12:00:00Z"))).toEqual(
      new Date("2026-05-01T09:30:00Z"),
    );
  });
  it("falls back to the closing time or nothing", () => {
    expect(attemptDeadline(start, null, new Date("2026-05-02T00:00:00Z"))).toEqual(
      new Date("2026-05-02T00:00:00Z"),
    );
    expect(attemptDeadline(start, null, null)).toBeNull();
    expect(() => attemptDeadline(start, 0, null)).toThrow(RangeError);
  });
});

describe("isLate", () => {
  const deadline = new Date("2026-05-01T09:30:00Z");
  it("allows the grace period inclusive and nothing after", () => {
    expect(isLate(deadline, deadline)).toBe(false);
    expect(isLate(new Date(deadline.getTime() + 1), deadline)).toBe(true);
    expect(isLate(new Date(deadline.getTime() + 10_000), deadline, 10)).toBe(false);
    expect(isLate(new Date(deadline.getTime() + 10_001), deadline, 10)).toBe(true);
    expect(isLate(new Date("2030-01-01"), null, 0)).toBe(false);
  });
});

describe("timeTakenMs", () => {
  it("stops counting at the deadline", () => {
    const deadline = new Date("2026-05-01T09:30:00Z");
    expect(timeTakenMs(start, new Date("2026-05-01T09:12:30Z"), deadline)).toBe(750_000);
    expect(timeTakenMs(start, new Date("2026-05-01T09:30:04Z"), deadline)).toBe(1_800_000);
    expect(timeTakenMs(start, new Date("2026-05-01T09:30:04Z"))).toBe(1_804_000);
  });
});
