import { describe, expect, it } from "vitest";
import { withIdCheckChar } from "./id-number";
import { IdNumberSeen, MapFirstSeen } from "./id-number-set";

/** Numbers that share most digits (one region, consecutive days and serials) and differ in few. */
function nth(n: number): string {
  const day = new Date(Date.UTC(1970, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll("-", "");
  return withIdCheckChar(`610113${birth}${String(n % 1000).padStart(3, "0")}`);
}

describe("IdNumberSeen", () => {
  it("answers as a Map of the numbers would, through many doublings", () => {
    const compact = new IdNumberSeen();
    const map = new MapFirstSeen();
    // 60,000 numbers, each third one seen again later, in an order that is not sorted.
    for (let i = 0; i < 90_000; i++) {
      const n = i < 60_000 ? (i * 7919) % 60_000 : (i - 60_000) * 2;
      const row = i + 2;
      expect(compact.firstRow(nth(n), row)).toBe(map.firstRow(nth(n), row));
    }
    expect(compact.size).toBe(60_000);
    expect(compact.firstRow(nth(0), 999_999)).toBe(2);
    // At most half full: 60,000 numbers in 131,072 slots of 12 bytes.
    expect(compact.bytes).toBe(131_072 * 12);
  });

  it("tells apart numbers that differ only in the last digits or only in the first", () => {
    const seen = new IdNumberSeen();
    const a = withIdCheckChar("11010119900101123");
    const b = withIdCheckChar("11010119900101124");
    const c = withIdCheckChar("21010119900101123");
    expect(seen.firstRow(a, 2)).toBeUndefined();
    expect(seen.firstRow(b, 3)).toBeUndefined();
    expect(seen.firstRow(c, 4)).toBeUndefined();
    expect(seen.firstRow(a, 5)).toBe(2);
    expect(seen.firstRow(c, 6)).toBe(4);
  });
});
