import { describe, expect, it } from "vitest";
import type { ReceiptCriterion } from "~/domain/scoring";
import { makeT } from "~/i18n";
import { meanFormulaText, worldskillsPointsText } from "./score-receipt";

const zh = makeT("zh");
const en = makeT("en");

function criterion(
  rule: "mean" | "trimmed_mean",
  marks: [number, "used" | "dropped"][],
): ReceiptCriterion {
  const used = marks.filter(([, s]) => s === "used").map(([m]) => m);
  const sum = used.reduce((a, b) => a + b, 0);
  return {
    criterionId: "1",
    code: "P3",
    subCriterion: null,
    type: "judgement",
    maxMark: 3000,
    rule,
    judges: marks.map(([mark, status], i) => ({
      judge: i + 1,
      mark,
      status,
      dropReason: status === "dropped" ? (i === 0 ? "highest" : "lowest") : null,
    })),
    value: Math.round(sum / used.length),
    formula: { rule, sum, count: used.length },
    numerator: sum,
    denominator: used.length,
    problems: [],
    disagreement: null,
  } as ReceiptCriterion;
}

describe("the receipt's mean", () => {
  it("lists the marks it was taken of", () => {
    const c = criterion("trimmed_mean", [
      [2600, "dropped"],
      [2400, "used"],
      [2500, "used"],
      [2000, "dropped"],
    ]);
    expect(meanFormulaText(zh, c)).toBe("去掉最高分和最低分后 (24.00 + 25.00) ÷ 2 = 24.50");
    expect(meanFormulaText(en, c)).toBe("Highest and lowest dropped: (24.00 + 25.00) ÷ 2 = 24.50");
  });

  it("names a single mark left after trimming as such, without ÷ 1", () => {
    const c = criterion("trimmed_mean", [
      [2600, "dropped"],
      [2400, "used"],
      [2000, "dropped"],
    ]);
    expect(meanFormulaText(zh, c)).toBe("去掉最高分和最低分后只剩一个评分：24.00");
    expect(meanFormulaText(en, c)).toBe("Highest and lowest dropped, one mark is left: 24.00");
    expect(meanFormulaText(zh, criterion("mean", [[1850, "used"]]))).toBe("只有一个评分：18.50");
  });
});

describe("the receipt's WorldSkills points", () => {
  it("are added up as the judges gave them", () => {
    const c = {
      ...criterion("mean", [
        [3, "used"],
        [2, "used"],
        [2, "used"],
      ]),
      rule: "worldskills",
      formula: { rule: "worldskills", maxMark: 3000, points: 7, divisor: 9 },
    } as ReceiptCriterion;
    expect(worldskillsPointsText(c)).toBe("(3 + 2 + 2)");
    expect(
      zh("scoring.formula.worldskills", {
        maxMark: "30.00",
        points: "(3 + 2 + 2)",
        value: "23.33",
      }),
    ).toBe("30.00 × (3 + 2 + 2) ÷ 9 = 23.33");
  });
});
