import { describe, expect, it } from "vitest";
import { beijingYear, contestYear } from "./year";

describe("contest year", () => {
  it("is the Beijing calendar year", () => {
    // 31 December 2025, 17:00 UTC is already 1 January 2026 in Beijing.
    expect(beijingYear(new Date("2025-12-31T17:00:00Z"))).toBe(2026);
    expect(beijingYear(new Date("2025-12-31T15:59:59Z"))).toBe(2025);
  });
  it("follows the start, then the registration opening, then the creation", () => {
    const created = new Date("2024-06-01T00:00:00Z");
    const opens = new Date("2025-11-01T00:00:00Z");
    const starts = new Date("2026-01-10T00:00:00Z");
    expect(contestYear({ startsAt: starts, registrationOpensAt: opens }, created)).toBe(2026);
    expect(contestYear({ startsAt: null, registrationOpensAt: opens }, created)).toBe(2025);
    expect(contestYear({ startsAt: null, registrationOpensAt: null }, created)).toBe(2024);
  });
});
