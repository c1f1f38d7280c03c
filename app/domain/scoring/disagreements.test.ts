import { describe, expect, it } from "vitest";
import { checkDisagreement, findDisagreements } from "./disagreements";
import type { Criterion, MarkingScheme } from "./scheme";

const judged: Criterion = { id: "a1", code: "A1", maxMark: 1000, type: "judgement" };
const ws: Criterion = {
  id: "a2",
  code: "A2",
  maxMark: 300,
  type: "judgement",
  aggregation: "worldskills",
};
const measured: Criterion = { id: "m1", code: "M1", maxMark: 1000, type: "measurement" };

describe("checkDisagreement", () => {
  it("worldskills: 2, 3, 2 is within one point — fine", () => {
    expect(checkDisagreement(ws, [2, 3, 2], "worldskills")).toBeNull();
  });

  it("worldskills: 3, 1, 2 is two points apart — judge 1 vs judge 2 flagged", () => {
    const d = checkDisagreement(ws, [3, 1, 2], "worldskills");
    expect(d).toMatchObject({
      criterionId: "a2",
      spread: 2,
      threshold: 1,
      highJudge: 1,
      lowJudge: 2,
    });
    expect(d?.problem).toEqual({
      code: "disagreement_worldskills",
      params: { criterion: "A2", spread: 2, high: 1, low: 2 },
    });
  });

  it("default 30% of max 10.00 = 3.00: a spread of exactly 3.00 is accepted", () => {
    expect(checkDisagreement(judged, [500, 800, 700], "trimmed_mean")).toBeNull();
  });

  it("default 30% of max 10.00 = 3.00: a spread of 3.01 is flagged", () => {
    const d = checkDisagreement(judged, [500, 801, 700], "trimmed_mean");
    expect(d).toMatchObject({ spread: 301, threshold: 300, highJudge: 2, lowJudge: 1 });
    expect(d?.problem).toEqual({
      code: "disagreement_spread",
      params: { criterion: "A1", spread: "3.01", threshold: "3.00", high: 2, low: 1 },
    });
  });

  it("threshold is configurable: 20% of 10.00 = 2.00, so a 2.50 spread is flagged", () => {
    expect(
      checkDisagreement(judged, [600, 850, 700], "mean", { spreadThresholdBp: 2000 }),
    ).toMatchObject({
      spread: 250,
      threshold: 200,
    });
    expect(checkDisagreement(judged, [600, 850, 700], "mean")).toBeNull();
  });

  it("ignores measurements and missing marks", () => {
    expect(checkDisagreement(measured, [0], "single")).toBeNull();
    expect(checkDisagreement(judged, [0, null, 1000], "median")).toMatchObject({
      highJudge: 3,
      lowJudge: 1,
    });
    expect(checkDisagreement(judged, [null, null, 1000], "median")).toBeNull();
  });
});

describe("findDisagreements", () => {
  it("lists every flagged sheet of an entry in scheme order", () => {
    const scheme: MarkingScheme = { criteria: [judged, ws, measured] };
    const found = findDisagreements(
      scheme,
      { a1: [0, 1000, 500], a2: [0, 3, 3], m1: [500] },
      { eventDefault: "mean" },
    );
    expect(found.map((d) => [d.code, d.rule])).toEqual([
      ["A1", "mean"],
      ["A2", "worldskills"],
    ]);
  });
});
