import { describe, expect, it } from "vitest";
import { formatDescriptors, isBlankRow, parseSchemeRow } from "./scheme-rows";

describe("marking scheme rows", () => {
  it("reads a judgement aspect with a WorldSkills rule and level descriptors", () => {
    const parsed = parseSchemeRow(
      {
        code: "P2",
        name: "表面质量",
        subCriterion: "B",
        type: "评价",
        maxMark: "20",
        aggregation: "worldskills",
        descriptors: "0: 未达标；3: 超出行业标准",
      },
      2,
    );
    expect(parsed).toEqual({
      row: {
        code: "P2",
        name: "表面质量",
        subCriterion: "B",
        type: "judgement",
        maxMark: 2000,
        aggregation: "worldskills",
        descriptors: [
          { level: 0, text: "未达标" },
          { level: 3, text: "超出行业标准" },
        ],
      },
    });
    if ("row" in parsed)
      expect(formatDescriptors(parsed.row.descriptors)).toBe("0: 未达标; 3: 超出行业标准");
  });

  it("accepts rule names in Chinese and leaves an empty rule to the event default", () => {
    const a = parseSchemeRow(
      {
        code: "P3",
        name: "规范",
        type: "judgement",
        maxMark: "12.5",
        aggregation: "去掉一个最高分和一个最低分",
      },
      3,
    );
    expect("row" in a && a.row.aggregation).toBe("trimmed_mean");
    const b = parseSchemeRow({ code: "T1", name: "理论", type: "measurement", maxMark: "100" }, 4);
    expect("row" in b && b.row.aggregation).toBeNull();
  });

  it("reports every problem of a row with its line", () => {
    const parsed = parseSchemeRow(
      { code: "", name: "", type: "x", maxMark: "-3", aggregation: "vote", descriptors: "good" },
      7,
    );
    expect("problems" in parsed && parsed.problems.map((p) => p.code)).toEqual([
      "judging.scheme.code_required",
      "judging.scheme.name_required",
      "judging.scheme.type_invalid",
      "judging.scheme.max_invalid",
      "judging.scheme.rule_invalid",
      "judging.scheme.descriptor_invalid",
    ]);
    expect("problems" in parsed && parsed.problems[0]!.params).toEqual({ line: 7, code: "?" });
  });

  it("recognises blank rows", () => {
    expect(isBlankRow({ code: " ", name: "" })).toBe(true);
    expect(isBlankRow({ code: "A" })).toBe(false);
  });
});
