import { describe, expect, it } from "vitest";
import {
  allocatePrizes,
  tierPlaces,
  validatePrizeRules,
  type PrizeCandidate,
  type PrizeRules,
} from "./prizes";

/** Candidates from a list of ranks; totals fall with rank (100.00 − rank). */
function field(ranks: readonly (number | null)[]): PrizeCandidate[] {
  return ranks.map((rank, i) => ({
    entryId: `e${i + 1}`,
    rank,
    total: rank === null ? null : 10000 - rank * 100,
  }));
}

function tiersOf(candidates: readonly PrizeCandidate[], rules: PrizeRules): (string | null)[] {
  const awarded = new Map(
    allocatePrizes(candidates, rules).awards.map((a) => [a.entryId, a.tier] as const),
  );
  return candidates.map((c) => awarded.get(c.entryId) ?? null);
}

const counts123: PrizeRules = {
  tiers: [
    { tier: "first", quota: { kind: "count", count: 1 } },
    { tier: "second", quota: { kind: "count", count: 2 } },
    { tier: "third", quota: { kind: "count", count: 3 } },
  ],
};

describe("allocation by count", () => {
  it("1 / 2 / 3 places over ten distinct ranks: 1 | 2–3 | 4–6", () => {
    const result = allocatePrizes(field([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), counts123);
    expect(result.awards.map((a) => [a.rank, a.tier])).toEqual([
      [1, "first"],
      [2, "second"],
      [3, "second"],
      [4, "third"],
      [5, "third"],
      [6, "third"],
    ]);
    expect(result.tiers.map((t) => [t.tier, t.places, t.cutoffRank, t.awarded])).toEqual([
      ["first", 1, 1, 1],
      ["second", 2, 3, 2],
      ["third", 3, 6, 3],
    ]);
  });

  it("tie across the second/third boundary (ranks 3, 3): both get second prize", () => {
    expect(tiersOf(field([1, 2, 3, 3, 5, 6, 7]), counts123)).toEqual([
      "first",
      "second",
      "second",
      "second",
      "third",
      "third",
      null,
    ]);
  });

  it("tie at the last boundary (ranks 6, 6): both get third prize, four thirds in all", () => {
    const candidates = field([1, 2, 3, 4, 5, 6, 6, 8]);
    expect(tiersOf(candidates, counts123)).toEqual([
      "first",
      "second",
      "second",
      "third",
      "third",
      "third",
      "third",
      null,
    ]);
    expect(allocatePrizes(candidates, counts123).tiers[2]?.awarded).toBe(4);
  });

  it("three tied for first: all first prize, second is used up, third starts at rank 4", () => {
    const result = allocatePrizes(field([1, 1, 1, 4, 5, 6, 7]), counts123);
    expect(tiersOf(field([1, 1, 1, 4, 5, 6, 7]), counts123)).toEqual([
      "first",
      "first",
      "first",
      "third",
      "third",
      "third",
      null,
    ]);
    expect(result.tiers.map((t) => t.awarded)).toEqual([3, 0, 3]);
  });

  it("rule order in the input does not matter", () => {
    const reversed: PrizeRules = { tiers: [...counts123.tiers].reverse() };
    expect(tiersOf(field([1, 2, 3, 4]), reversed)).toEqual(["first", "second", "second", "third"]);
  });
});

describe("allocation by share", () => {
  const shares: PrizeRules = {
    tiers: [
      { tier: "first", quota: { kind: "share", shareBp: 1000 } },
      { tier: "second", quota: { kind: "share", shareBp: 2000 } },
      { tier: "third", quota: { kind: "share", shareBp: 3000 } },
    ],
  };

  it("25 entrants at 10/20/30%: floor(2.5)=2, floor(5)=5, floor(7.5)=7 → cut-offs 2, 7, 14", () => {
    const result = allocatePrizes(field(Array.from({ length: 25 }, (_, i) => i + 1)), shares);
    expect(result.tiers.map((t) => [t.places, t.cutoffRank, t.awarded])).toEqual([
      [2, 2, 2],
      [5, 7, 5],
      [7, 14, 7],
    ]);
  });

  it("a positive share always gives at least one place: 5 entrants × 10% = 0.5 → 1", () => {
    expect(tierPlaces({ kind: "share", shareBp: 1000 }, 5)).toBe(1);
    expect(tierPlaces({ kind: "share", shareBp: 0 }, 5)).toBe(0);
    expect(tierPlaces({ kind: "share", shareBp: 1000 }, 0)).toBe(0);
  });

  it("the share base counts ranked entrants only (10 ranked + 10 unranked, 20% → 2 places)", () => {
    const ranks = [
      ...Array.from({ length: 10 }, (_, i) => i + 1),
      ...Array.from({ length: 10 }, () => null),
    ];
    const result = allocatePrizes(field(ranks), {
      tiers: [{ tier: "first", quota: { kind: "share", shareBp: 2000 } }],
    });
    expect(result.awards.map((a) => a.entryId)).toEqual(["e1", "e2"]);
  });

  it("tie at a share boundary: 10 entrants, first 20% = 2 places, ranks 1, 2, 2 all first", () => {
    const result = allocatePrizes(field([1, 2, 2, 4, 5, 6, 7, 8, 9, 10]), {
      tiers: [
        { tier: "first", quota: { kind: "share", shareBp: 2000 } },
        { tier: "merit", quota: { kind: "share", shareBp: 3000 } },
      ],
    });
    expect(result.awards.map((a) => [a.rank, a.tier])).toEqual([
      [1, "first"],
      [2, "first"],
      [2, "first"],
      [4, "merit"],
      [5, "merit"],
    ]);
  });
});

describe("minimum totals", () => {
  it("first prize needs 95.00: the winner on 94.00 gets second, first stays vacant", () => {
    const candidates: PrizeCandidate[] = [
      { entryId: "a", rank: 1, total: 9400 },
      { entryId: "b", rank: 2, total: 9300 },
      { entryId: "c", rank: 3, total: 9200 },
      { entryId: "d", rank: 4, total: 9100 },
    ];
    const rules: PrizeRules = {
      tiers: [
        { tier: "first", quota: { kind: "count", count: 1 }, minTotal: 9500 },
        { tier: "second", quota: { kind: "count", count: 2 } },
        { tier: "third", quota: { kind: "count", count: 1 } },
      ],
    };
    const result = allocatePrizes(candidates, rules);
    expect(result.awards.map((a) => [a.entryId, a.tier])).toEqual([
      ["a", "second"],
      ["b", "second"],
      ["c", "second"],
      ["d", "third"],
    ]);
    expect(result.tiers[0]).toMatchObject({ tier: "first", awarded: 0, minTotal: 9500 });
  });

  it("merit needs 60.00: 59.99 gets nothing even inside the cut-off", () => {
    const candidates: PrizeCandidate[] = [
      { entryId: "a", rank: 1, total: 7000 },
      { entryId: "b", rank: 2, total: 6000 },
      { entryId: "c", rank: 3, total: 5999 },
    ];
    const rules: PrizeRules = {
      tiers: [{ tier: "merit", quota: { kind: "count", count: 3 }, minTotal: 6000 }],
    };
    expect(allocatePrizes(candidates, rules).awards.map((a) => a.entryId)).toEqual(["a", "b"]);
  });

  it("a tier with zero places never catches entries that failed a better tier's minimum", () => {
    const rules: PrizeRules = {
      tiers: [
        { tier: "first", quota: { kind: "count", count: 1 }, minTotal: 9999 },
        { tier: "second", quota: { kind: "count", count: 0 } },
      ],
    };
    expect(allocatePrizes(field([1, 2]), rules).awards).toEqual([]);
  });
});

describe("validatePrizeRules", () => {
  it("accepts sensible rules", () => {
    expect(validatePrizeRules(counts123)).toEqual([]);
  });

  it("reports duplicates, bad counts and shares, bad minimums and shares over 100%", () => {
    const problems = validatePrizeRules({
      tiers: [
        { tier: "first", quota: { kind: "share", shareBp: 6000 } },
        { tier: "first", quota: { kind: "share", shareBp: 5000 } },
        { tier: "second", quota: { kind: "count", count: 1.5 } },
        { tier: "third", quota: { kind: "share", shareBp: -1 }, minTotal: -100 },
      ],
    });
    expect(problems).toEqual([
      { code: "prize_tier_duplicate", params: { tier: "first" } },
      { code: "prize_count_invalid", params: { tier: "second", count: "1.5" } },
      { code: "prize_share_invalid", params: { tier: "third", share: "-0.01" } },
      { code: "prize_min_total_invalid", params: { tier: "third", minTotal: "-1.00" } },
      { code: "prize_shares_exceed_total", params: { share: "110" } },
    ]);
  });
});

describe("rules that cannot work, checked at save against the event", () => {
  const share = (tier: "first" | "second" | "third" | "merit", shareBp: number) => ({
    tier,
    quota: { kind: "share" as const, shareBp },
  });
  const count = (tier: "first" | "second" | "third" | "merit", n: number, minTotal?: number) => ({
    tier,
    quota: { kind: "count" as const, count: n },
    minTotal,
  });

  it("shares over 100% together (60% + 60%) are refused with or without a field", () => {
    const rules = { tiers: [share("first", 6000), share("second", 6000)] };
    expect(validatePrizeRules(rules).map((p) => p.code)).toEqual(["prize_shares_exceed_total"]);
    expect(validatePrizeRules(rules, { fieldSize: 40 }).map((p) => p.code)).toEqual([
      "prize_shares_exceed_total",
    ]);
  });

  it("a tier with more places than entrants, or all tiers together, is refused", () => {
    expect(validatePrizeRules({ tiers: [count("first", 5)] }, { fieldSize: 4 })).toEqual([
      { code: "prize_count_over_field", params: { tier: "first", count: 5, field: 4 } },
    ]);
    // 3 counted places and half of 10 entrants = 8 ≤ 10: fine; with 70% it is 10 > … 3 + 7 = 10.
    expect(
      validatePrizeRules({ tiers: [count("first", 3), share("second", 5000)] }, { fieldSize: 10 }),
    ).toEqual([]);
    expect(
      validatePrizeRules({ tiers: [count("first", 3), share("second", 8000)] }, { fieldSize: 10 }),
    ).toEqual([{ code: "prize_places_over_field", params: { places: 11, field: 10 } }]);
    // Without a known field (no entrants yet) counts cannot be over it.
    expect(validatePrizeRules({ tiers: [count("first", 5)] }, { fieldSize: 0 })).toEqual([]);
  });

  it("a minimum total above the full mark is refused; at the full mark it is allowed", () => {
    expect(validatePrizeRules({ tiers: [count("first", 1, 10001)] }, { fullMark: 10000 })).toEqual([
      {
        code: "prize_min_total_over_full",
        params: { tier: "first", minTotal: "100.01", fullMark: "100.00" },
      },
    ]);
    expect(validatePrizeRules({ tiers: [count("first", 1, 10000)] }, { fullMark: 10000 })).toEqual(
      [],
    );
    expect(validatePrizeRules({ tiers: [count("first", 1, -5)] }, { fullMark: 10000 })).toEqual([
      { code: "prize_min_total_invalid", params: { tier: "first", minTotal: "-0.05" } },
    ]);
  });
});
