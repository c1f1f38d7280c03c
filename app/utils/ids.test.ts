import { describe, expect, it } from "vitest";
import { idField, parseId } from "./ids";

describe("parseId", () => {
  it("accepts positive 32-bit integers written as digits", () => {
    expect(parseId("42")).toBe(42);
    expect(parseId(" 7 ")).toBe(7);
    expect(parseId("2147483647")).toBe(2147483647);
  });
  it.each([
    "",
    "0",
    "-1",
    "1e3",
    "4.2",
    "2147483648",
    "99999999999999999999",
    "abc",
    "0x10",
    null,
    undefined,
    NaN,
  ])("refuses %s", (value) => {
    expect(parseId(value)).toBeNull();
  });
  it("makes a form field that refuses what parseId refuses", () => {
    expect(idField("bad").safeParse("12").data).toBe(12);
    expect(idField("bad").safeParse("99999999999").success).toBe(false);
  });
});
