import { describe, expect, it } from "vitest";
import { retryTimeOf, rosterCapWindow } from "./roster-cap";

describe("roster cap", () => {
  it("counts in clock hours", () => {
    const w = rosterCapWindow(new Date("2026-11-30T05:59:59.999Z"));
    expect(w.start.toISOString()).toBe("2026-11-30T05:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-11-30T06:00:00.000Z");
    expect(rosterCapWindow(new Date("2026-11-30T06:00:00.000Z")).start.toISOString()).toBe(
      "2026-11-30T06:00:00.000Z",
    );
    expect(retryTimeOf(w.end)).toBe("14:00");
  });
});
