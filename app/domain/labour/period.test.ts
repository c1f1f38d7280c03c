import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, renderGaps } from "~/test/rule-messages";
import { roundHalfUp } from "./hundredths";
import type { IndicatorConfig } from "./indicators";
import { PERIOD_SCORING_PROBLEM_CODES, VETO_REASONS, scorePeriod } from "./period";

const indicators: IndicatorConfig[] = [
  { indicator: "output", weight: 40, method: "measurement" },
  { indicator: "safety", weight: 30, method: "panel" },
  { indicator: "participation", weight: 30, method: "measurement" },
];

describe("scorePeriod", () => {
  it("normalises measurements against the best unit and weights the indicators", () => {
    const { units, problems } = scorePeriod(indicators, [
      // output 500 (best) → 100.00; participation 90/100 = 0.9 per head (best) → 100.00
      {
        unitId: "A",
        headcount: 100,
        measurements: { output: 500, participation: 90 },
        panelMarks: { safety: 9000 },
      },
      // output 400 → 80.00; participation 120/200 = 0.6 → 66.67 (66.666… rounded half up)
      {
        unitId: "B",
        headcount: 200,
        measurements: { output: 400, participation: 120 },
        panelMarks: { safety: 9550 },
      },
    ]);
    expect(problems).toEqual([]);
    expect(units[0]).toEqual({
      unitId: "A",
      indicatorScores: { output: 10000, safety: 9000, participation: 10000 },
      // (10000·40 + 9000·30 + 10000·30) / 100 = 9700
      scoreBeforeVeto: 9700,
      score: 9700,
      vetoed: false,
      vetoReasons: [],
    });
    // (8000·40 + 9550·30 + 6667·30) / 100 = 8065.1 → 8065
    expect(units[1]).toMatchObject({
      indicatorScores: { output: 8000, safety: 9550, participation: 6667 },
      score: 8065,
    });
  });
  it("does not let a large unit win participation by size alone", () => {
    const { units } = scorePeriod(
      [{ indicator: "participation", weight: 100, method: "measurement" }],
      [
        { unitId: "big", headcount: 1000, measurements: { participation: 500 } },
        { unitId: "small", headcount: 50, measurements: { participation: 45 } },
      ],
    );
    expect(units.map((u) => u.score)).toEqual([5556, 10000]);
  });
  it("zeroes a vetoed unit and leaves it out when finding the best", () => {
    const { units } = scorePeriod(indicators, [
      {
        unitId: "A",
        headcount: 10,
        measurements: { output: 1000, participation: 10 },
        panelMarks: { safety: 10000 },
        vetoes: ["serious_safety_accident"],
      },
      {
        unitId: "B",
        headcount: 10,
        measurements: { output: 500, participation: 5 },
        panelMarks: { safety: 8000 },
      },
    ]);
    expect(units[0]).toMatchObject({
      vetoed: true,
      vetoReasons: ["serious_safety_accident"],
      scoreBeforeVeto: 10000,
      score: 0,
    });
    // B is the best of the rest, so it gets full marks on measured indicators.
    expect(units[1]).toMatchObject({
      indicatorScores: { output: 10000, participation: 10000, safety: 8000 },
      score: 9400,
    });
  });
  it("de-duplicates veto reasons", () => {
    const { units } = scorePeriod(
      [{ indicator: "safety", weight: 100, method: "panel" }],
      [
        {
          unitId: "A",
          panelMarks: { safety: 5000 },
          vetoes: ["serious_quality_accident", "serious_quality_accident"],
        },
      ],
    );
    expect(units[0]?.vetoReasons).toEqual(["serious_quality_accident"]);
  });
  it("scores gaps as 0 and reports them", () => {
    const { units, problems } = scorePeriod(indicators, [
      {
        unitId: "A",
        unitName: "一分公司",
        measurements: { output: 100 },
        panelMarks: { safety: 10001 },
      },
      { unitId: "B", headcount: 0, measurements: { output: -5, participation: 3 } },
    ]);
    // In indicator order: output, safety, participation.
    expect(problems).toEqual([
      { code: "labour_measurement_invalid", params: { unit: "B", indicator: "output" } },
      {
        code: "labour_panel_mark_invalid",
        params: { unit: "一分公司", indicator: "safety", mark: 10001 },
      },
      { code: "labour_panel_mark_missing", params: { unit: "B", indicator: "safety" } },
      {
        code: "labour_measurement_missing",
        params: { unit: "一分公司", indicator: "participation" },
      },
      { code: "labour_headcount_missing", params: { unit: "B", indicator: "participation" } },
    ]);
    expect(units.map((u) => u.score)).toEqual([4000, 0]);
  });
  it("gives everyone 0 when nobody has a positive measurement", () => {
    const { units } = scorePeriod(
      [{ indicator: "innovation", weight: 100, method: "measurement" }],
      [
        { unitId: "A", measurements: { innovation: 0 } },
        { unitId: "B", measurements: { innovation: 0 } },
      ],
    );
    expect(units.map((u) => u.score)).toEqual([0, 0]);
  });
  it("rounds half up in hundredths", () => {
    expect(roundHalfUp(8065.5)).toBe(8066);
    expect(roundHalfUp(8065.49)).toBe(8065);
    expect(roundHalfUp(0.145 * 100)).toBe(15);
  });
  it("has messages and display names", () => {
    expect(missingMessages(PERIOD_SCORING_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("veto_reason", VETO_REASONS)).toEqual([]);
    const { problems } = scorePeriod(indicators, [
      { unitId: "A", measurements: { output: 100 }, panelMarks: { safety: -1 } },
      { unitId: "B", headcount: 0, measurements: { output: Number.NaN, participation: 3 } },
    ]);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(PERIOD_SCORING_PROBLEM_CODES));
    expect(renderGaps(problems)).toEqual([]);
  });
});
