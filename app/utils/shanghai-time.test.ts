import { describe, expect, it } from "vitest";
import { fromShanghaiLocal, toShanghaiLocal } from "./shanghai-time";

describe("Shanghai wall-clock times", () => {
  it("reads a datetime-local value as UTC+8 and writes it back", () => {
    const date = fromShanghaiLocal("2026-05-01T09:30");
    expect(date.toISOString()).toBe("2026-05-01T01:30:00.000Z");
    expect(toShanghaiLocal(date.toISOString())).toBe("2026-05-01T09:30");
  });
  it("keeps explicit zones", () => {
    expect(fromShanghaiLocal("2026-05-01T09:30:00Z").toISOString()).toBe(
      "2026-05-01T09:30:00.000Z",
    );
  });
});
