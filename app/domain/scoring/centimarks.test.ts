import { describe, expect, it } from "vitest";
import {
  divRoundHalfUp,
  formatBasisPoints,
  formatCentimarks,
  parseCentimarks,
  percentToBasisPoints,
  ratioRoundHalfUp,
} from "./centimarks";

describe("divRoundHalfUp", () => {
  it.each([
    [5, 2, 3], // 2.5 → 3
    [7, 2, 4], // 3.5 → 4
    [7, 3, 2], // 2.33 → 2
    [8, 3, 3], // 2.67 → 3
    [-5, 2, -2], // −2.5 → −2 (half-up is towards +∞)
    [-7, 3, -2], // −2.33 → −2
    [-8, 3, -3], // −2.67 → −3
    [0, 9, 0],
    [1400, 9, 156], // 155.56 → 156
  ])("%i / %i = %i", (num, den, expected) => {
    expect(divRoundHalfUp(num, den)).toBe(expected);
  });

  it("stays exact beyond 2^53 by switching to BigInt", () => {
    // 3 × 107 × 28059810762433 = 2^53 + 1, not representable as a double;
    // (2^53 + 1) / 2 = 4503599627370496.5 → 4503599627370497
    expect(ratioRoundHalfUp([3, 107, 28059810762433], [2])).toBe(4503599627370497);
    expect(ratioRoundHalfUp([1_000_000, 500_000, 4_000_001], [12533, 3])).toBe(
      Number((2n * 1_000_000n * 500_000n * 4_000_001n + 12533n * 3n) / (2n * 12533n * 3n)),
    );
  });

  it("rejects non-integers and non-positive denominators", () => {
    expect(() => divRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe("centimarks text", () => {
  it("parses without float error", () => {
    expect(parseCentimarks("0.29")).toBe(29);
    expect(parseCentimarks("7.5")).toBe(750);
    expect(parseCentimarks("7.25")).toBe(725);
    expect(parseCentimarks(" 100 ")).toBe(10000);
    expect(parseCentimarks("7.")).toBe(700);
  });

  it("rejects what it would have to round or guess", () => {
    for (const bad of ["7.255", "-1", "1e2", "", "abc", "7,5"])
      expect(parseCentimarks(bad)).toBeNull();
  });

  it("formats", () => {
    expect(formatCentimarks(725)).toBe("7.25");
    expect(formatCentimarks(5)).toBe("0.05");
    expect(formatCentimarks(10000)).toBe("100.00");
    expect(formatCentimarks(-5)).toBe("-0.05");
    expect(formatBasisPoints(3000)).toBe("30");
    expect(formatBasisPoints(3333)).toBe("33.33");
    expect(formatBasisPoints(3350)).toBe("33.5");
    expect(percentToBasisPoints(33.33)).toBe(3333);
  });
});
