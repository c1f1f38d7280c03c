import { describe, expect, it } from "vitest";
import { formatEntryNumber, parseEntryNumber } from "./entry-numbers";

describe("entry numbers", () => {
  it("formats contest, event and a four-digit sequence", () => {
    expect(formatEntryNumber("2026", "CNC", 42)).toBe("2026-CNC-0042");
    expect(formatEntryNumber("2026sz", "weld", 1)).toBe("2026SZ-WELD-0001");
    expect(formatEntryNumber("2026", "CNC", 12345)).toBe("2026-CNC-12345");
  });
  it("refuses invalid parts", () => {
    expect(() => formatEntryNumber("2026", "CNC", 0)).toThrow(RangeError);
    expect(() => formatEntryNumber("2026", "CNC", 1.5)).toThrow(RangeError);
    expect(() => formatEntryNumber("20-26", "CNC", 1)).toThrow(RangeError);
    expect(() => formatEntryNumber("2026", "", 1)).toThrow(RangeError);
  });
  it("parses its own output back", () => {
    expect(parseEntryNumber(" 2026-cnc-0042 ")).toEqual({
      contestCode: "2026",
      eventCode: "CNC",
      seq: 42,
    });
    expect(parseEntryNumber("2026-CNC-42")).toBeNull();
    expect(parseEntryNumber("2026-CNC-0000")).toBeNull();
  });
});
