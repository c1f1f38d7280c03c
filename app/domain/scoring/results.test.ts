import { describe, expect, it } from "vitest";
import {
  computeEventResults,
  type EntryResult,
  type EventResults,
  type RankedEvent,
} from "./results";
import { entries, event, input, prizes, tieBreaks } from "./results.fixture.test-helper";
import { randomInt, seededRandom } from "./seeded-random.test-helper";

function ok(results: EventResults): RankedEvent {
  if (!results.ok) throw new Error(JSON.stringify(results.problems));
  return results.value;
}

function byId(results: RankedEvent, id: string): EntryResult {
  const e = results.entries.find((x) => x.entryId === id);
  if (!e) throw new Error(`no ${id}`);
  return e;
}

describe("computeEventResults", () => {
  const results = ok(computeEventResults(input));

  it("totals, ranks, prizes and standardised scores for the whole event", () => {
    expect(
      results.entries.map((e) => [e.entryId, e.total, e.rank, e.prize, e.standardised, e.status]),
    ).toEqual([
      // median of 50.00, 62.33, 89.32, 89.32 = 75.825; MAD = 13.495
      // 89.32: 700 + 100 × 13.495 / (1.4826 × 13.495) = 767.45 → 767
      ["E2", 8932, 1, "first", 767, "complete"],
      ["E1", 8932, 2, "second", 767, "complete"],
      // 62.33: 700 − 67.45 = 632.55 → 633 ; third needs 60.00 → third prize
      ["E5", 6233, 3, "third", 633, "complete"],
      // 50.00: 700 − 100 × 25.825 / (1.4826 × 13.495) = 570.93 → 571 ; below 60.00 → no prize
      ["E7", 5000, 4, null, 571, "complete"],
      ["E3", null, null, null, null, "incomplete"],
      ["E4", null, null, null, null, "absent"],
      ["E6", null, null, null, null, "incomplete"],
    ]);
    expect(results.rankedCount).toBe(4);
    expect(results.standardisation).toMatchObject({ median: 7582.5, mad: 1349.5 });
    // third prize: 4 ranked × 50% = 2 places, cut-off rank 4, only E5 reaches 60.00
    expect(results.prizes.map((t) => [t.tier, t.places, t.cutoffRank, t.awarded])).toEqual([
      ["first", 1, 1, 1],
      ["second", 1, 2, 1],
      ["third", 2, 4, 1],
    ]);
  });

  it("criterion results and part contributions for E1", () => {
    const e1 = byId(results, "E1");
    expect(e1.criteria.map((c) => [c.criterionId, c.rule, c.result?.value])).toEqual([
      ["t1", "single", 8500],
      ["p1", "trimmed_mean", 3700],
      ["p2", "worldskills", 2667],
      ["p3", "single", 2750],
    ]);
    expect(e1.parts.map((p) => [p.partId, p.total, p.contribution])).toEqual([
      ["theory", 8500, 2550],
      ["practical", 9117, 6382],
    ]);
    expect(e1.tieBreak).toEqual({ tiedOnTotal: 1, keysApplied: 1, sharedWith: 0 });
  });

  it("unranked entries carry the reason and the problems", () => {
    const e3 = byId(results, "E3");
    expect(e3.unrankedReason).toBe("incomplete");
    expect(e3.problems).toEqual([{ code: "mark_missing", params: { criterion: "P1", judge: 2 } }]);
    expect(e3.parts.map((p) => p.total)).toEqual([9000, null]);

    const e6 = byId(results, "E6");
    expect(e6.unrankedReason).toBe("invalid_marks");
    expect(e6.problems).toEqual([
      {
        code: "mark_above_max",
        params: { criterion: "P3", judge: 1, mark: "35.00", max: "30.00" },
      },
    ]);

    const e4 = byId(results, "E4");
    expect(e4.unrankedReason).toBe("absent");
    // an absent entry has no marks, but that is not a problem to chase
    expect(e4.problems).toEqual([]);
  });

  it("flags WorldSkills disagreements without holding back the ranking", () => {
    const e7 = byId(results, "E7");
    expect(e7.rank).toBe(4);
    expect(e7.disagreements.map((d) => [d.criterionId, d.spread, d.highJudge, d.lowJudge])).toEqual(
      [["p2", 2, 1, 2]],
    );
    expect(results.disagreementCount).toBe(1);
  });

  it("stored results can be checked by recomputation: shuffled input gives identical output", () => {
    const rand = seededRandom(99);
    const shuffled = [...entries];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = randomInt(rand, 0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(ok(computeEventResults({ ...input, entries: shuffled }))).toEqual(results);
  });

  it("marks for a criterion the event does not have are a warning, not a block", () => {
    const extra = { entryId: "E8", marks: { ...entries[0]!.marks, gone: [100] } };
    const r = ok(computeEventResults({ ...input, entries: [...entries, extra] }));
    const e8 = byId(r, "E8");
    expect(e8.status).toBe("complete");
    expect(e8.total).toBe(8932);
    expect(e8.problems).toEqual([
      { code: "marks_unknown_criterion", params: { criterion: "gone" } },
    ]);
    // E1, E8 tie on total and practical → they share rank 2 behind E2
    expect([byId(r, "E1").rank, e8.rank, byId(r, "E5").rank]).toEqual([2, 2, 4]);
  });

  it("refuses to compute from a broken configuration and says why", () => {
    const broken = computeEventResults({
      event: { ...event, parts: [{ ...event.parts[0]!, weightBp: 2000 }, event.parts[1]!] },
      entries: [...entries, entries[0]!],
      tieBreaks: [...tieBreaks, { kind: "criterion", criterionId: "nope" }],
      prizes: { tiers: [...prizes.tiers, prizes.tiers[0]!] },
    });
    expect(broken).toEqual({
      ok: false,
      problems: [
        { code: "part_weights_sum", params: { sum: "90" } },
        { code: "tiebreak_unknown_criterion", params: { criterion: "nope" } },
        { code: "prize_tier_duplicate", params: { tier: "first" } },
        { code: "entry_duplicate_id", params: { entry: "E1" } },
      ],
    });
  });

  it("works without tie-breaks or prizes", () => {
    const r = ok(computeEventResults({ event, entries }));
    expect(r.entries.slice(0, 2).map((e) => e.rank)).toEqual([1, 1]);
    expect(r.entries.every((e) => e.prize === null)).toBe(true);
    expect(r.prizes).toEqual([]);
  });
});

describe("property: recomputed totals match a hand-rolled calculation (seeded)", () => {
  it("200 random entries", () => {
    const rand = seededRandom(31337);
    const many = Array.from({ length: 200 }, (_, i) => ({
      entryId: `R${i}`,
      marks: {
        t1: [randomInt(rand, 0, 10000)],
        p1: Array.from({ length: 5 }, () => randomInt(rand, 0, 4000)),
        p2: Array.from({ length: 3 }, () => randomInt(rand, 0, 3)),
        p3: [randomInt(rand, 0, 3000)],
      },
    }));
    const r = ok(computeEventResults({ event, entries: many, tieBreaks }));
    for (const e of r.entries) {
      const m = many.find((x) => x.entryId === e.entryId)!.marks;
      const p1Sorted = [...m.p1].sort((a, b) => a - b).slice(1, -1);
      const p1 = Math.floor((2 * (p1Sorted[0]! + p1Sorted[1]! + p1Sorted[2]!) + 3) / 6); // half-up of sum/3
      const p2 = Math.floor((2 * 3000 * (m.p2[0]! + m.p2[1]! + m.p2[2]!) + 9) / 18); // half-up of 3000·pts/9
      const practical = p1 + p2 + m.p3[0]!;
      const expected =
        Math.floor((2 * 3 * m.t1[0]! + 10) / 20) + Math.floor((2 * 7 * practical + 10) / 20);
      expect(e.total).toBe(expected);
    }
    // ranks are consistent with totals
    for (let i = 1; i < r.entries.length; i++) {
      const [a, b] = [r.entries[i - 1]!, r.entries[i]!];
      expect(a.total!).toBeGreaterThanOrEqual(b.total!);
      if (a.total! > b.total!) expect(b.rank).toBe(i + 1);
    }
  });
});
