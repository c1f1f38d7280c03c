import { describe, expect, it } from "vitest";
import { randomInt, seededRng, seededRng128, shuffle } from "./random";

describe("seededRng", () => {
  it("repeats for the same seed and differs between seeds", () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const c = seededRng(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });
  it("stays in [0, 1)", () => {
    const rng = seededRng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = rng();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe("randomInt", () => {
  it("stays in range even if the generator returns 1", () => {
    expect(randomInt(() => 0.999999999, 6)).toBe(5);
    expect(randomInt(() => 1, 6)).toBe(5);
    expect(randomInt(() => 0, 6)).toBe(0);
  });
  it("refuses an empty range", () => {
    expect(() => randomInt(Math.random, 0)).toThrow(RangeError);
  });
});

describe("shuffle", () => {
  it("returns a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(input, seededRng(1));
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(out).toEqual(shuffle(input, seededRng(1)));
  });
  it("reaches every order of three items", () => {
    const rng = seededRng(3);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(shuffle(["a", "b", "c"], rng).join(""));
    expect(seen.size).toBe(6);
  });
});

describe("seededRng128", () => {
  it("repeats for the same 128-bit seed, differs for another, stays in [0, 1)", () => {
    const seed = "00112233445566778899aabbccddeeff";
    const a = Array.from({ length: 8 }, seededRng128(seed));
    expect(Array.from({ length: 8 }, seededRng128(seed))).toEqual(a);
    expect(Array.from({ length: 8 }, seededRng128("0".repeat(31) + "1"))).not.toEqual(a);
    const rng = seededRng128("0".repeat(32));
    for (let i = 0; i < 10_000; i++) {
      const x = rng();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
