import { describe, expect, it } from "vitest";
import {
  canRecheck,
  drawRechecks,
  fullReviewDue,
  planRechecks,
  recheckErrorRate,
  recheckLockProblems,
  sampleSize,
  topEntries,
  validateRecheckConfig,
  type RecheckConfig,
  type RecheckRecord,
} from "./recheck";

/** Twenty ranked entries "1" … "20" (rank = id), two tied at 10. */
const entries = Array.from({ length: 20 }, (_, i) => ({
  entryId: String(i + 1),
  rank: i + 1 === 11 ? 10 : i + 1,
}));
const top10: RecheckConfig = { topN: 10, shareBp: 1500, errorBp: 500 };
const done = (entryId: string, differences = 0, reason: RecheckRecord["reason"] = "top") => ({
  entryId,
  reason,
  status: "done" as const,
  differences,
});

describe("which entries are rechecked", () => {
  it("the top N includes everyone tied at N", () => {
    expect(topEntries(entries, 10)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
    ]);
    expect(topEntries([{ entryId: "a", rank: null }], 3)).toEqual([]);
  });

  it("'at least 15%' of the rest rounds up, and never beyond the rest", () => {
    expect(sampleSize(9, 1500)).toBe(2); // 1.35 → 2
    expect(sampleSize(20, 1500)).toBe(3);
    expect(sampleSize(2, 10000)).toBe(2);
    expect(sampleSize(0, 1500)).toBe(0);
    expect(sampleSize(9, 0)).toBe(0);
  });

  it("plans the top N by name and the share of the rest as a draw from the unchecked rest", () => {
    const plan = planRechecks(top10, entries, [], false);
    expect(plan.toSelect).toHaveLength(11);
    expect(plan).toMatchObject({ restCount: 9, sampleSize: 2, sampled: 0, toDraw: 2 });
    expect(plan.candidates).toEqual(["12", "13", "14", "15", "16", "17", "18", "19", "20"]);
    // Rechecks already in the rest count towards the share; selected top entries drop out.
    const later = planRechecks(top10, entries, [done("1"), done("15", 0, "random")], false);
    expect(later.toSelect).toHaveLength(10);
    expect(later).toMatchObject({ sampled: 1, toDraw: 1 });
    expect(later.candidates).not.toContain("15");
  });

  it("in a full re-review every entry without a recheck is selected by name", () => {
    const plan = planRechecks(top10, entries, [done("1"), done("15")], true);
    expect(plan).toMatchObject({ fullReview: true, toDraw: 0 });
    expect(plan.toSelect).toHaveLength(18);
  });

  it("a draw is repeatable from its seed and candidates, and another seed draws differently", () => {
    const candidates = Array.from({ length: 50 }, (_, i) => String(i + 100));
    const seed = "0123456789abcdef0123456789abcdef";
    const picks = drawRechecks(candidates, 8, seed);
    expect(drawRechecks(candidates, 8, seed)).toEqual(picks);
    expect(new Set(picks).size).toBe(8);
    expect(picks.every((p) => candidates.includes(p))).toBe(true);
    expect(drawRechecks(candidates, 8, "f".repeat(32))).not.toEqual(picks);
    expect(() => drawRechecks(candidates, 1, "not-hex")).toThrow(RangeError);
  });
});

describe("the error rate and the full re-review", () => {
  it("counts rechecks that found differences among those done, compared exactly with the threshold", () => {
    const records = [done("1", 2), ...Array.from({ length: 19 }, (_, i) => done(String(i + 2)))];
    // 1 of 20 = 5%: not above 5%.
    expect(recheckErrorRate(records, 500)).toEqual({
      done: 20,
      withDifferences: 1,
      rateBp: 500,
      exceeds: false,
    });
    expect(recheckErrorRate([...records, done("21", 1)], 500)).toMatchObject({ exceeds: true });
    expect(recheckErrorRate([], 500)).toEqual({
      done: 0,
      withDifferences: 0,
      rateBp: 0,
      exceeds: false,
    });
  });

  it("is judged once the sample is complete, not after the first error", () => {
    const small: RecheckConfig = { topN: 1, shareBp: 5000, errorBp: 500 };
    const four = entries.slice(0, 4);
    const first = [done("1", 1)];
    const halfway = planRechecks(small, four, first, false);
    expect(fullReviewDue(small, halfway, first)).toBe(false);
    const sample = [done("1", 1), done("3", 0, "random"), done("4", 0, "random")];
    const complete = planRechecks(small, four, sample, false);
    expect(complete).toMatchObject({ toDraw: 0, toSelect: [] });
    expect(fullReviewDue(small, complete, sample)).toBe(true);
    expect(recheckLockProblems(small, complete, sample)).toEqual([
      {
        code: "judging.lock.recheck_full_review",
        params: { rate: "33.33", threshold: "5", n: 1 },
      },
    ]);
  });

  it("refuses lock while rechecks are unselected or pending, and asks nothing without a rule", () => {
    const plan = planRechecks(top10, entries, [], false);
    expect(recheckLockProblems(top10, plan, [])).toEqual([
      { code: "judging.lock.recheck_unselected", params: { n: 13 } },
    ]);
    const pending: RecheckRecord[] = [
      { entryId: "1", reason: "top", status: "assigned", differences: 0 },
    ];
    expect(
      recheckLockProblems(top10, planRechecks(top10, entries, pending, false), pending).map(
        (p) => p.code,
      ),
    ).toEqual(["judging.lock.recheck_unselected", "judging.lock.recheck_pending"]);
    const off = { topN: 0, shareBp: 0, errorBp: 500 };
    expect(recheckLockProblems(off, planRechecks(off, entries, [], false), [])).toEqual([]);
  });
});

describe("who may recheck", () => {
  const entry = { organisation: { id: 30, parentId: 9 }, originalJudgeIds: [1, 2] };
  it("a judge who did not mark the entry and is not recused from it", () => {
    expect(canRecheck({ userId: 5, organisationId: 4 }, entry)).toBe(true);
    expect(canRecheck({ userId: 1, organisationId: 4 }, entry)).toBe(false);
    expect(canRecheck({ userId: 5, organisationId: 30 }, entry)).toBe(false);
    expect(canRecheck({ userId: 5, organisationId: 9 }, entry)).toBe(false);
  });
});

describe("configuration", () => {
  it("top N, share and threshold within range, each problem on its field", () => {
    expect(validateRecheckConfig(top10)).toEqual([]);
    expect(
      validateRecheckConfig({ topN: -1, shareBp: 10001, errorBp: 1.5 }).map((p) => p.field),
    ).toEqual(["topN", "share", "errorRate"]);
  });
});
