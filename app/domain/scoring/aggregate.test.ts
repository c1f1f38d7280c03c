import { describe, expect, it } from "vitest";
import {
  aggregateCriterion,
  validateMarks,
  type AggregateOutcome,
  type CriterionResult,
} from "./aggregate";
import type { Criterion } from "./scheme";

const crit = (maxMark = 1000, extra: Partial<Criterion> = {}): Criterion => ({
  id: "c1",
  code: "A1",
  maxMark,
  type: "judgement",
  ...extra,
});

function ok(outcome: AggregateOutcome): CriterionResult {
  if (!outcome.ok) throw new Error(`expected ok, got ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

describe("mean", () => {
  it("(7.00 + 8.00 + 9.00) / 3 = 8.00", () => {
    const r = ok(aggregateCriterion(crit(), [700, 800, 900], "mean"));
    expect(r.value).toBe(800);
    expect(r.formula).toEqual({ rule: "mean", sum: 2400, count: 3 });
    expect(r.used.map((u) => u.judge)).toEqual([1, 2, 3]);
    expect(r.dropped).toEqual([]);
  });

  it("(7.00 + 7.01) / 2 = 7.005 → 7.01 (half-up)", () => {
    const r = ok(aggregateCriterion(crit(), [700, 701], "mean"));
    expect(r.value).toBe(701);
    expect([r.numerator, r.denominator]).toEqual([1401, 2]);
  });

  it("(7.00 + 7.00 + 7.01) / 3 = 7.0033 → 7.00", () => {
    expect(ok(aggregateCriterion(crit(), [700, 700, 701], "mean")).value).toBe(700);
  });
});

describe("trimmed_mean (去掉一个最高分和一个最低分)", () => {
  it("8.50 9.00 7.80 8.20 8.80: drop 9.00 (judge 2) and 7.80 (judge 3); (8.50+8.20+8.80)/3 = 8.50", () => {
    const r = ok(aggregateCriterion(crit(), [850, 900, 780, 820, 880], "trimmed_mean"));
    expect(r.value).toBe(850);
    expect(r.dropped).toEqual([
      { judge: 2, mark: 900, reason: "highest" },
      { judge: 3, mark: 780, reason: "lowest" },
    ]);
    expect(r.used).toEqual([
      { judge: 1, mark: 850 },
      { judge: 4, mark: 820 },
      { judge: 5, mark: 880 },
    ]);
    expect(r.formula).toEqual({ rule: "trimmed_mean", sum: 2550, count: 3 });
  });

  it("two judges share the top mark: only one 9.00 is dropped; (9.00+8.50)/2 = 8.75", () => {
    const r = ok(aggregateCriterion(crit(), [900, 900, 800, 850], "trimmed_mean"));
    expect(r.value).toBe(875);
    // the later of the tied top marks is the one shown as dropped
    expect(r.dropped).toEqual([
      { judge: 2, mark: 900, reason: "highest" },
      { judge: 3, mark: 800, reason: "lowest" },
    ]);
    expect(r.used.map((u) => u.judge)).toEqual([1, 4]);
  });

  it("three judges share the bottom mark: only one 7.00 is dropped; (7.00+7.00)/2 = 7.00", () => {
    const r = ok(aggregateCriterion(crit(), [700, 700, 700, 900], "trimmed_mean"));
    expect(r.value).toBe(700);
    expect(r.dropped).toEqual([
      { judge: 4, mark: 900, reason: "highest" },
      { judge: 1, mark: 700, reason: "lowest" },
    ]);
  });

  it("all three equal: the lowest is judge 1, the highest judge 3, judge 2's 8.00 counts", () => {
    const r = ok(aggregateCriterion(crit(), [800, 800, 800], "trimmed_mean"));
    expect(r.value).toBe(800);
    expect(r.used).toEqual([{ judge: 2, mark: 800 }]);
    expect(r.dropped.map((d) => d.judge).sort()).toEqual([1, 3]);
  });

  it("(8.01 + 8.02) / 2 = 8.015 → 8.02 after dropping 9.99 and 0.00", () => {
    expect(ok(aggregateCriterion(crit(), [801, 999, 802, 0], "trimmed_mean")).value).toBe(802);
  });

  it("needs at least three judges", () => {
    const outcome = aggregateCriterion(crit(), [800, 900], "trimmed_mean");
    expect(outcome).toEqual({
      ok: false,
      problems: [{ code: "trimmed_mean_needs_three", params: { criterion: "A1", judges: 2 } }],
    });
  });
});

describe("median", () => {
  it("odd panel 6.00 9.00 7.50 → 7.50 (judge 3); others shown as outside the middle", () => {
    const r = ok(aggregateCriterion(crit(), [600, 900, 750], "median"));
    expect(r.value).toBe(750);
    expect(r.used).toEqual([{ judge: 3, mark: 750 }]);
    expect(r.dropped).toEqual([
      { judge: 1, mark: 600, reason: "outside_middle" },
      { judge: 2, mark: 900, reason: "outside_middle" },
    ]);
  });

  it("even panel 6.00 9.00 7.50 8.05 → (7.50 + 8.05) / 2 = 7.775 → 7.78", () => {
    const r = ok(aggregateCriterion(crit(), [600, 900, 750, 805], "median"));
    expect(r.value).toBe(778);
    expect(r.formula).toEqual({ rule: "median", middle: [750, 805] });
    expect(r.used.map((u) => u.judge)).toEqual([3, 4]);
  });

  it("a single judge is its own median", () => {
    expect(ok(aggregateCriterion(crit(), [640], "median")).value).toBe(640);
  });
});

describe("worldskills (three judges, 0–3 points, max × sum / 9)", () => {
  it("max 2.00, points 2+3+2 = 7: 200 × 7 / 9 = 155.56 → 1.56", () => {
    const r = ok(aggregateCriterion(crit(200), [2, 3, 2], "worldskills"));
    expect(r.value).toBe(156);
    expect([r.numerator, r.denominator]).toEqual([1400, 9]);
    expect(r.formula).toEqual({ rule: "worldskills", maxMark: 200, points: 7, divisor: 9 });
  });

  it("max 2.50, points 1+2+2 = 5: 250 × 5 / 9 = 138.89 → 1.39", () => {
    expect(ok(aggregateCriterion(crit(250), [1, 2, 2], "worldskills")).value).toBe(139);
  });

  it("max 1.00, points 1+1+2 = 4: 100 × 4 / 9 = 44.44 → 0.44 (rounds down)", () => {
    expect(ok(aggregateCriterion(crit(100), [1, 1, 2], "worldskills")).value).toBe(44);
  });

  it("3+3+3 earns the full mark and 0+0+0 earns nothing", () => {
    expect(ok(aggregateCriterion(crit(300), [3, 3, 3], "worldskills")).value).toBe(300);
    expect(ok(aggregateCriterion(crit(300), [0, 0, 0], "worldskills")).value).toBe(0);
  });

  it("points 3, 1, 2 are two points apart: computed, but findDisagreements flags it (see disagreements.test)", () => {
    expect(ok(aggregateCriterion(crit(300), [3, 1, 2], "worldskills")).value).toBe(200);
  });

  it("rejects points that are not integers 0–3", () => {
    const outcome = aggregateCriterion(crit(300), [4, 1.5, -1], "worldskills");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      { code: "worldskills_point_invalid", params: { criterion: "A1", judge: 1, mark: "4" } },
      { code: "worldskills_point_invalid", params: { criterion: "A1", judge: 2, mark: "1.5" } },
      { code: "worldskills_point_invalid", params: { criterion: "A1", judge: 3, mark: "-1" } },
    ]);
  });

  it("needs exactly three judges", () => {
    expect(validateMarks(crit(300), [3, 3], "worldskills")).toEqual([
      { code: "worldskills_needs_three", params: { criterion: "A1", judges: 2 } },
    ]);
    expect(validateMarks(crit(300), [3, 3, 3, 3], "worldskills")).toEqual([
      { code: "worldskills_needs_three", params: { criterion: "A1", judges: 4 } },
    ]);
  });
});

describe("single (measurement)", () => {
  const m = crit(3000, { type: "measurement" });
  it("takes the one value as is: 27.50", () => {
    const r = ok(aggregateCriterion(m, [2750], "single"));
    expect(r.value).toBe(2750);
    expect(r.formula).toEqual({ rule: "single", value: 2750 });
  });
  it("refuses two values", () => {
    expect(validateMarks(m, [2750, 2760], "single")).toEqual([
      { code: "single_needs_one", params: { criterion: "A1", judges: 2 } },
    ]);
  });
});

describe("mark validation", () => {
  it("names every judge whose mark is missing", () => {
    expect(validateMarks(crit(), [700, null, undefined], "mean")).toEqual([
      { code: "mark_missing", params: { criterion: "A1", judge: 2 } },
      { code: "mark_missing", params: { criterion: "A1", judge: 3 } },
    ]);
  });

  it("rejects NaN, infinities, negatives, fractions of a centimark and marks above the maximum", () => {
    expect(validateMarks(crit(), [Number.NaN, Infinity, -5, 700.5, 1100], "mean")).toEqual([
      { code: "mark_not_a_number", params: { criterion: "A1", judge: 1 } },
      { code: "mark_not_a_number", params: { criterion: "A1", judge: 2 } },
      { code: "mark_negative", params: { criterion: "A1", judge: 3, mark: "-0.05" } },
      { code: "mark_not_integer", params: { criterion: "A1", judge: 4, mark: "700.5" } },
      {
        code: "mark_above_max",
        params: { criterion: "A1", judge: 5, mark: "11.00", max: "10.00" },
      },
    ]);
  });

  it("accepts 0 and exactly the maximum", () => {
    expect(validateMarks(crit(), [0, 1000, 500], "trimmed_mean")).toEqual([]);
  });

  it("reports a criterion nobody has marked", () => {
    expect(aggregateCriterion(crit(), [], "mean")).toEqual({
      ok: false,
      problems: [{ code: "marks_none", params: { criterion: "A1" } }],
    });
  });

  it("reports missing marks and a too-small panel together", () => {
    expect(validateMarks(crit(), [800, null], "trimmed_mean")).toEqual([
      { code: "mark_missing", params: { criterion: "A1", judge: 2 } },
      { code: "trimmed_mean_needs_three", params: { criterion: "A1", judges: 2 } },
    ]);
  });
});
