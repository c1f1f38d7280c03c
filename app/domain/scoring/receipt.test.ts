import { describe, expect, it } from "vitest";
import { buildReceipt } from "./receipt";
import { computeEventResults, type RankedEvent } from "./results";
import { input } from "./results.fixture.test-helper";

const computed = computeEventResults(input);
if (!computed.ok) throw new Error("fixture must be valid");
const results: RankedEvent = computed.value;

describe("buildReceipt", () => {
  it("shows every judge's mark, what was dropped and why, and the formula", () => {
    const r = buildReceipt(results, "E1")!;
    const p1 = r.parts[1]!.criteria[0]!;
    expect(p1).toMatchObject({
      code: "P1",
      rule: "trimmed_mean",
      maxMark: 4000,
      subCriterion: "A",
      value: 3700,
    });
    expect(p1.judges).toEqual([
      { judge: 1, mark: 3600, status: "used", dropReason: null },
      { judge: 2, mark: 3800, status: "used", dropReason: null },
      { judge: 3, mark: 3500, status: "dropped", dropReason: "lowest" },
      { judge: 4, mark: 3700, status: "used", dropReason: null },
      { judge: 5, mark: 3900, status: "dropped", dropReason: "highest" },
    ]);
    expect(p1.formula).toEqual({ rule: "trimmed_mean", sum: 11100, count: 3 });

    const p2 = r.parts[1]!.criteria[1]!;
    // 30.00 × 8 / 9 = 26.666… → 26.67
    expect(p2).toMatchObject({
      rule: "worldskills",
      value: 2667,
      numerator: 24000,
      denominator: 9,
    });
    expect(p2.formula).toEqual({ rule: "worldskills", maxMark: 3000, points: 8, divisor: 9 });
  });

  it("parts, weights and contributions add up to the total", () => {
    const r = buildReceipt(results, "E1")!;
    expect(r.parts.map((p) => [p.code, p.weightBp, p.fullMark, p.total, p.contribution])).toEqual([
      ["T", 3000, 10000, 8500, 2550],
      ["P", 7000, 10000, 9117, 6382],
    ]);
    expect(r.total).toBe(8932);
    expect(r.parts.reduce((s, p) => s + p.contribution!, 0)).toBe(r.total);
    expect(r.eventFullMark).toBe(10000);
  });

  it("rank, how the tie was broken, prize and standardised score", () => {
    const r = buildReceipt(results, "E1")!;
    expect(r).toMatchObject({
      rank: 2,
      rankedCount: 4,
      prize: "second",
      standardised: 767,
      status: "complete",
    });
    expect(r.tieBreak).toEqual({
      tiedOnTotal: 1,
      sharedWith: 0,
      applied: [{ key: { kind: "part", partId: "practical" }, value: 9117 }],
    });
    // E5's total was decisive on its own: no tie-break lines on its receipt
    expect(buildReceipt(results, "E5")!.tieBreak).toEqual({
      tiedOnTotal: 0,
      sharedWith: 0,
      applied: [],
    });
  });

  it("an incomplete entry shows which judge is missing and is not ranked", () => {
    const r = buildReceipt(results, "E3")!;
    expect(r).toMatchObject({
      status: "incomplete",
      rank: null,
      unrankedReason: "incomplete",
      total: null,
    });
    expect(r.parts[1]!.criteria[0]!.judges.map((j) => j.status)).toEqual([
      "not_counted",
      "missing",
      "not_counted",
      "not_counted",
      "not_counted",
    ]);
    expect(r.parts[1]!.contribution).toBeNull();
    expect(r.problems).toEqual([{ code: "mark_missing", params: { criterion: "P1", judge: 2 } }]);
  });

  it("carries the disagreement on the criterion it concerns", () => {
    const r = buildReceipt(results, "E7")!;
    expect(r.parts[1]!.criteria[1]!.disagreement?.problem.code).toBe("disagreement_worldskills");
    expect(r.parts[1]!.criteria[0]!.disagreement).toBeNull();
  });

  it("is plain, serialisable data", () => {
    const r = buildReceipt(results, "E1");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("returns null for an unknown entry", () => {
    expect(buildReceipt(results, "nobody")).toBeNull();
  });
});
