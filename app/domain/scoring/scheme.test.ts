import { describe, expect, it } from "vitest";
import { resolveAggregation, validateScheme, type Criterion, type MarkingScheme } from "./scheme";

const judgement = (id: string, maxMark: number, extra: Partial<Criterion> = {}): Criterion => ({
  id,
  code: id.toUpperCase(),
  maxMark,
  type: "judgement",
  ...extra,
});

describe("validateScheme", () => {
  it("accepts a scheme whose maxima add up to the full mark", () => {
    const scheme: MarkingScheme = {
      criteria: [
        judgement("a1", 4000, { subCriterion: "A" }),
        judgement("a2", 3000, {
          aggregation: "worldskills",
          descriptors: [0, 1, 2, 3].map((level) => ({ level, text: `level ${level}` })),
        }),
        { id: "b1", code: "B1", maxMark: 3000, type: "measurement" },
      ],
    };
    expect(validateScheme(scheme, 10000)).toEqual([]);
  });

  it("reports the total of maxima against the full mark (40.00 + 50.00 ≠ 100.00)", () => {
    const problems = validateScheme(
      { criteria: [judgement("a1", 4000), judgement("a2", 5000)] },
      10000,
    );
    expect(problems).toEqual([
      { code: "scheme_total_mismatch", params: { total: "90.00", fullMark: "100.00" } },
    ]);
  });

  it("reports duplicate codes and ids, and non-positive maxima", () => {
    const problems = validateScheme(
      {
        criteria: [
          judgement("a1", 5000),
          { ...judgement("a2", 5000), code: "A1" },
          judgement("a1", 0),
          judgement("a3", -100),
          judgement("a4", 12.5),
        ],
      },
      10000,
    );
    expect(problems).toContainEqual({ code: "criterion_duplicate_code", params: { code: "A1" } });
    expect(problems).toContainEqual({ code: "criterion_duplicate_id", params: { id: "a1" } });
    expect(problems).toContainEqual({
      code: "criterion_max_invalid",
      params: { code: "A1", maxMark: "0.00" },
    });
    expect(problems).toContainEqual({
      code: "criterion_max_invalid",
      params: { code: "A3", maxMark: "-1.00" },
    });
    expect(problems).toContainEqual({
      code: "criterion_max_invalid",
      params: { code: "A4", maxMark: "12.5" },
    });
    // The total is meaningless while a maximum is invalid, so it is not reported too.
    expect(problems.some((p) => p.code === "scheme_total_mismatch")).toBe(false);
  });

  it("rejects the WorldSkills method on a measurement criterion", () => {
    const problems = validateScheme(
      {
        criteria: [
          { id: "m1", code: "M1", maxMark: 1000, type: "measurement", aggregation: "worldskills" },
        ],
      },
      1000,
    );
    expect(problems).toEqual([
      { code: "criterion_worldskills_on_measurement", params: { code: "M1" } },
    ]);
  });

  it("rejects WorldSkills descriptor levels outside 0–3 and duplicated levels", () => {
    const problems = validateScheme(
      {
        criteria: [
          judgement("a1", 1000, {
            aggregation: "worldskills",
            descriptors: [
              { level: 2, text: "good" },
              { level: 2, text: "also good" },
              { level: 4, text: "?" },
            ],
          }),
        ],
      },
      1000,
    );
    expect(problems).toEqual([
      { code: "criterion_descriptor_level_duplicate", params: { code: "A1", level: 2 } },
      { code: "criterion_descriptor_level_invalid", params: { code: "A1", level: "4" } },
    ]);
  });

  it("reports an empty scheme and an invalid full mark", () => {
    expect(validateScheme({ criteria: [] }, 0)).toEqual([
      { code: "scheme_full_mark_invalid", params: { fullMark: "0.00" } },
      { code: "scheme_no_criteria", params: {} },
    ]);
  });
});

describe("resolveAggregation", () => {
  const m: Criterion = { id: "m", code: "M", maxMark: 100, type: "measurement" };
  const j = judgement("j", 100);
  it("criterion rule beats scheme rule beats event default", () => {
    expect(resolveAggregation({ ...j, aggregation: "median" }, "worldskills", "mean")).toBe(
      "median",
    );
    expect(resolveAggregation(j, "worldskills", "mean")).toBe("worldskills");
    expect(resolveAggregation(j, undefined, "trimmed_mean")).toBe("trimmed_mean");
  });
  it("a measurement is a single reading unless it says otherwise", () => {
    expect(resolveAggregation(m, "trimmed_mean", "trimmed_mean")).toBe("single");
    expect(resolveAggregation({ ...m, aggregation: "mean" }, undefined, "trimmed_mean")).toBe(
      "mean",
    );
  });
});
