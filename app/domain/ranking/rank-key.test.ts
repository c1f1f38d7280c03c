import { describe, expect, it } from "vitest";
import { packRankKey, unpackRankKey } from "./rank-key";

describe("rank keys", () => {
  it("order by total first, then by each tie-break", () => {
    expect(packRankKey(8000, [5000]) > packRankKey(7999, [7000, 9000])).toBe(true);
    expect(packRankKey(8000, [5001]) > packRankKey(8000, [5000, 9999])).toBe(true);
    expect(packRankKey(8000, [5000, 2]) > packRankKey(8000, [5000, 1])).toBe(true);
    expect(packRankKey(8000, [5000])).toBe(packRankKey(8000, [5000, 0]));
  });
  it("round-trips and fits a signed 64-bit integer", () => {
    const key = packRankKey(1_048_575, [1_048_575, 1_048_575]);
    expect(key < 2n ** 63n).toBe(true);
    expect(unpackRankKey(key)).toEqual({ total: 1_048_575, tieBreaks: [1_048_575, 1_048_575] });
  });
  it("refuses values that do not fit", () => {
    expect(() => packRankKey(-1)).toThrow(RangeError);
    expect(() => packRankKey(1.5)).toThrow(RangeError);
    expect(() => packRankKey(2 ** 20)).toThrow(RangeError);
    expect(() => packRankKey(1, [1, 2, 3])).toThrow(RangeError);
  });
});
