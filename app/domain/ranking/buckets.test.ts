import { describe, expect, it } from "vitest";
import { packRankKey } from "./rank-key";
import {
  BUCKET_LEVEL_COARSE,
  BUCKET_LEVEL_TOTAL,
  coarseBucketOfTotal,
  firstKeyOfTotal,
  isZeroDelta,
  rankKeyDeltas,
  standingDelta,
  totalOfKey,
} from "./buckets";

describe("rank key buckets", () => {
  it("reads the total back out of a key with tie-breaks", () => {
    expect(totalOfKey(packRankKey(8765, [4321, 12]))).toBe(8765);
    expect(coarseBucketOfTotal(8765)).toBe(87);
    expect(firstKeyOfTotal(8765)).toBe(packRankKey(8765, [0, 0]));
    expect(firstKeyOfTotal(8766) > packRankKey(8765, [(1 << 20) - 1, (1 << 20) - 1])).toBe(true);
  });

  it("writes one key and both bucket levels for a new result", () => {
    const key = packRankKey(9050, [10]);
    const d = rankKeyDeltas(null, key);
    expect(d.keys).toEqual([{ rankKey: key, delta: 1 }]);
    expect(d.buckets).toEqual([
      { level: BUCKET_LEVEL_TOTAL, bucket: 9050, delta: 1 },
      { level: BUCKET_LEVEL_COARSE, bucket: 90, delta: 1 },
    ]);
  });

  it("cancels out buckets that a tie-break change leaves untouched", () => {
    const d = rankKeyDeltas(packRankKey(9050, [10]), packRankKey(9050, [11]));
    expect(d.keys).toHaveLength(2);
    expect(d.buckets).toEqual([]);
    const sameCoarse = rankKeyDeltas(packRankKey(9050), packRankKey(9099));
    expect(sameCoarse.buckets.map((b) => [b.level, b.bucket, b.delta])).toEqual([
      [BUCKET_LEVEL_TOTAL, 9050, -1],
      [BUCKET_LEVEL_TOTAL, 9099, 1],
    ]);
  });

  it("writes nothing when the key does not change", () => {
    const key = packRankKey(7000);
    expect(rankKeyDeltas(key, key)).toEqual({ keys: [], buckets: [] });
    expect(rankKeyDeltas(null, null)).toEqual({ keys: [], buckets: [] });
  });
});

describe("organisation standing deltas", () => {
  it("counts a newly ranked entry and moves prizes between tiers", () => {
    expect(standingDelta(null, { rankKey: 5n, prize: null })).toMatchObject({
      entries: 1,
      prizes: 0,
    });
    const moved = standingDelta({ rankKey: 5n, prize: "second" }, { rankKey: 6n, prize: "first" });
    expect(moved).toEqual({ entries: 0, prizes: 0, first: 1, second: -1, third: 0, merit: 0 });
    expect(isZeroDelta(moved)).toBe(false);
  });

  it("ignores unknown prize labels and unchanged results", () => {
    expect(
      isZeroDelta(standingDelta({ rankKey: 5n, prize: "gold" }, { rankKey: 9n, prize: "gold" })),
    ).toBe(true);
    expect(standingDelta({ rankKey: 5n, prize: "merit" }, null)).toMatchObject({
      entries: -1,
      prizes: -1,
      merit: -1,
    });
  });
});
