import { describe, expect, it } from "vitest";
import { seededRng } from "~/domain/contest/random";
import {
  BLIND_CODE_ALPHABET,
  assignBlindCodes,
  generateBlindCodes,
  isValidBlindCode,
} from "./blind-codes";

describe("blind codes", () => {
  it("are six unambiguous symbols with a valid check symbol", () => {
    const codes = generateBlindCodes(200, seededRng(2026));
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
      expect(isValidBlindCode(code)).toBe(true);
    }
    expect(BLIND_CODE_ALPHABET).not.toMatch(/[01IO]/);
  });
  it("are reproducible from the seed", () => {
    expect(generateBlindCodes(5, seededRng(9))).toEqual(generateBlindCodes(5, seededRng(9)));
  });
  it("avoid codes already in use, case-insensitively", () => {
    const first = generateBlindCodes(3, seededRng(1));
    const again = generateBlindCodes(
      3,
      seededRng(1),
      first.map((c) => c.toLowerCase()),
    );
    expect(again.some((c) => first.includes(c))).toBe(false);
  });
  it("reject a mistyped character", () => {
    const [code = ""] = generateBlindCodes(1, seededRng(5));
    const last = code.at(-2) === "Z" ? "Y" : "Z";
    const typo = code.slice(0, 4) + last + code.slice(5);
    expect(isValidBlindCode(typo)).toBe(false);
    expect(isValidBlindCode(code.toLowerCase())).toBe(true);
    expect(isValidBlindCode("ABC")).toBe(false);
    expect(isValidBlindCode("O0I1AB")).toBe(false);
  });
  it("fail loudly with a generator that repeats itself", () => {
    expect(() => generateBlindCodes(2, () => 0.5)).toThrow();
  });
  it("are not assigned in entry order", () => {
    const entries = Array.from({ length: 50 }, (_, i) => `e${String(i).padStart(2, "0")}`);
    const assigned = assignBlindCodes(entries, seededRng(77));
    expect(assigned).toHaveLength(50);
    expect(new Set(assigned.map((a) => a.entryId))).toEqual(new Set(entries));
    // Sorted by code, so the printed list does not follow registration order.
    const codes = assigned.map((a) => a.blindCode);
    expect(codes).toEqual([...codes].sort());
    expect(assigned.map((a) => a.entryId)).not.toEqual(entries);
    expect(() => assignBlindCodes(["a", "a"], seededRng(1))).toThrow(RangeError);
  });
});
