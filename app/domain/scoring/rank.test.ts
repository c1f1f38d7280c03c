import { describe, expect, it } from "vitest";
import { rankEntries, type RankedEntry, type RankInput, type TieBreakKey } from "./rank";
import { randomInt, seededRandom } from "./seeded-random.test-helper";

const entry = (
  entryId: string,
  total: number | null,
  practical?: number,
  a1?: number,
  extra: Partial<RankInput> = {},
): RankInput => ({
  entryId,
  total,
  partTotals: practical === undefined ? {} : { practical },
  criterionValues: a1 === undefined ? {} : { a1 },
  ...extra,
});

const byPractical: TieBreakKey = { kind: "part", partId: "practical" };
const byA1: TieBreakKey = { kind: "criterion", criterionId: "a1" };

function summary(entries: readonly RankedEntry[]) {
  return entries.map((e) => [e.entryId, e.rank]);
}

describe("competition ranking", () => {
  it("90, 85, 85, 80 → 1, 2, 2, 4", () => {
    const r = rankEntries([entry("d", 8000), entry("b", 8500), entry("a", 9000), entry("c", 8500)]);
    expect(summary(r.entries)).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
    expect(r.entries[1]?.tieBreak).toEqual({ tiedOnTotal: 1, keysApplied: 0, sharedWith: 1 });
    expect(r.entries[0]?.tieBreak).toEqual({ tiedOnTotal: 0, keysApplied: 0, sharedWith: 0 });
    expect(r.rankedCount).toBe(4);
  });

  it("three-way tie at the top: 1, 1, 1, 4", () => {
    const r = rankEntries([entry("a", 9000), entry("b", 9000), entry("c", 9000), entry("d", 8000)]);
    expect(r.entries.map((e) => e.rank)).toEqual([1, 1, 1, 4]);
  });
});

describe("tie-breaks", () => {
  it("equal totals 85.00: higher practical (62.00 > 60.00) ranks first", () => {
    const r = rankEntries(
      [entry("top", 9000, 70), entry("a", 8500, 6000), entry("b", 8500, 6200)],
      [byPractical],
    );
    expect(summary(r.entries)).toEqual([
      ["top", 1],
      ["b", 2],
      ["a", 3],
    ]);
    expect(r.entries[1]?.tieBreak).toEqual({ tiedOnTotal: 1, keysApplied: 1, sharedWith: 0 });
    // The leader needed no tie-break at all.
    expect(r.entries[0]?.tieBreak?.keysApplied).toBe(0);
  });

  it("equal total and practical: the criterion key decides (A1 9.00 > 8.00)", () => {
    const r = rankEntries(
      [entry("a", 8500, 6000, 800), entry("b", 8500, 6000, 900)],
      [byPractical, byA1],
    );
    expect(summary(r.entries)).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
    expect(r.entries[0]?.tieBreak).toEqual({ tiedOnTotal: 1, keysApplied: 2, sharedWith: 0 });
  });

  it("only the keys needed are counted: a/b split by practical, b/c need A1 too", () => {
    const r = rankEntries(
      [entry("a", 8500, 6500, 100), entry("b", 8500, 6000, 900), entry("c", 8500, 6000, 800)],
      [byPractical, byA1],
    );
    expect(summary(r.entries)).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(r.entries.map((e) => e.tieBreak?.keysApplied)).toEqual([1, 2, 2]);
    expect(r.entries.map((e) => e.tieBreak?.tiedOnTotal)).toEqual([2, 2, 2]);
  });

  it("still equal after every tie-break: the rank is shared and the next one skips", () => {
    const r = rankEntries(
      [entry("a", 8500, 6000, 800), entry("b", 8500, 6000, 800), entry("c", 8400, 6000, 800)],
      [byPractical, byA1],
    );
    expect(summary(r.entries)).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 3],
    ]);
    expect(r.entries[0]?.tieBreak).toEqual({ tiedOnTotal: 1, keysApplied: 2, sharedWith: 1 });
  });

  it("prefer: lower (e.g. a measured time) reverses a key", () => {
    const r = rankEntries(
      [entry("slow", 8500, 6000), entry("fast", 8500, 5900)],
      [{ kind: "part", partId: "practical", prefer: "lower" }],
    );
    expect(summary(r.entries)).toEqual([
      ["fast", 1],
      ["slow", 2],
    ]);
  });

  it("a missing tie-break value counts as worse than any value", () => {
    const r = rankEntries([entry("none", 8500), entry("zero", 8500, 0)], [byPractical]);
    expect(summary(r.entries)).toEqual([
      ["zero", 1],
      ["none", 2],
    ]);
  });

  it("a tie-break never overrides the total", () => {
    const r = rankEntries([entry("a", 8501, 0), entry("b", 8500, 10000)], [byPractical]);
    expect(summary(r.entries)).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });
});

describe("unranked entries", () => {
  it("entries without a total or marked absent are listed after the ranking with a reason", () => {
    const r = rankEntries([
      entry("z-missing", null),
      entry("b", 7000),
      entry("a-absent", 9900, undefined, undefined, { unrankedReason: "absent" }),
      entry("c-nan", Number.NaN),
      entry("a", 8000),
    ]);
    expect(r.entries.map((e) => [e.entryId, e.rank, e.unrankedReason])).toEqual([
      ["a", 1, null],
      ["b", 2, null],
      ["a-absent", null, "absent"],
      ["c-nan", null, "incomplete"],
      ["z-missing", null, "incomplete"],
    ]);
    expect(r.rankedCount).toBe(2);
    expect(r.entries[2]?.tieBreak).toBeNull();
  });

  it("handles an empty field", () => {
    expect(rankEntries([])).toEqual({ entries: [], rankedCount: 0 });
  });
});

describe("property: ranks agree with totals and tie-break keys (seeded)", () => {
  for (const seed of [1, 42, 2024]) {
    it(`seed ${seed}: 1500 entries with many ties`, () => {
      const rand = seededRandom(seed);
      const inputs: RankInput[] = [];
      for (let i = 0; i < 1500; i++) {
        const total = rand() < 0.05 ? null : randomInt(rand, 9000, 9040); // narrow band → ties
        inputs.push(entry(`e${i}`, total, randomInt(rand, 0, 3), randomInt(rand, 0, 2)));
      }
      const keys = [byPractical, byA1];
      const r = rankEntries(inputs, keys);
      const byId = new Map(inputs.map((e) => [e.entryId, e]));
      const key = (id: string) => {
        const e = byId.get(id)!;
        return [e.total!, e.partTotals!["practical"]!, e.criterionValues!["a1"]!];
      };
      const cmp = (a: number[], b: number[]) => {
        for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return b[j]! - a[j]!;
        return 0;
      };

      const ranked = r.entries.filter((e) => e.rank !== null);
      expect(ranked.length).toBe(inputs.filter((e) => e.total !== null).length);
      expect(r.entries.slice(ranked.length).every((e) => e.rank === null && e.total === null)).toBe(
        true,
      );

      const keyList = ranked.map((e) => key(e.entryId));
      for (let i = 0; i < ranked.length; i++) {
        const mine = keyList[i]!;
        // rank = 1 + number of entries strictly better on (total, practical, a1)
        let better = 0;
        let same = 0;
        for (const other of keyList) {
          const c = cmp(other, mine);
          if (c < 0) better++;
          else if (c === 0) same++;
        }
        expect(ranked[i]!.rank).toBe(better + 1);
        expect(ranked[i]!.tieBreak!.sharedWith).toBe(same - 1);
        if (i > 0) {
          expect(ranked[i - 1]!.total!).toBeGreaterThanOrEqual(ranked[i]!.total!);
          expect(ranked[i - 1]!.rank!).toBeLessThanOrEqual(ranked[i]!.rank!);
        }
      }
    });
  }

  it("wide or fractional keys take the comparison-sort path and rank the same way", () => {
    const rand = seededRandom(11);
    // one in five entries lacks the A1 value, so missing keys are compared too
    const base = Array.from({ length: 3000 }, (_, i) =>
      entry(
        `e${i}`,
        randomInt(rand, 0, 300),
        randomInt(rand, 0, 3),
        rand() < 0.2 ? undefined : randomInt(rand, 0, 3),
      ),
    );
    const ranksOf = (inputs: RankInput[]) =>
      rankEntries(inputs, [byPractical, byA1]).entries.map((e) => [e.entryId, e.rank, e.tieBreak]);
    const expected = ranksOf(base);
    // × 10^7 spreads totals over 3·10^9 centimarks: too wide to bucket
    expect(ranksOf(base.map((e) => ({ ...e, total: e.total! * 10_000_000 })))).toEqual(expected);
    // fractional tie-break values cannot be bucketed either
    expect(
      ranksOf(
        base.map((e) => ({
          ...e,
          criterionValues: { a1: (e.criterionValues!["a1"] ?? Number.NaN) / 3 },
        })),
      ),
    ).toEqual(expected);
  });

  it("input order does not change the result", () => {
    const rand = seededRandom(7);
    const inputs = Array.from({ length: 400 }, (_, i) =>
      entry(`e${i}`, randomInt(rand, 50, 60), randomInt(rand, 0, 2)),
    );
    const shuffled = [...inputs];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = randomInt(rand, 0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(rankEntries(shuffled, [byPractical])).toEqual(rankEntries(inputs, [byPractical]));
  });
});
