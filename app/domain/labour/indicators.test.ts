import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, renderGaps } from "~/test/rule-messages";
import {
  INDICATOR_CONFIG_PROBLEM_CODES,
  INDICATOR_METHODS,
  LABOUR_INDICATORS,
  usesHeadcount,
  validateIndicators,
} from "./indicators";

describe("validateIndicators", () => {
  it("accepts weights that add up to 100", () => {
    expect(
      validateIndicators([
        { indicator: "quality", weight: 30, method: "measurement" },
        { indicator: "safety", weight: 30, method: "panel" },
        { indicator: "output", weight: 40, method: "measurement" },
      ]),
    ).toEqual([]);
  });
  it("reports duplicates, bad weights and the wrong sum", () => {
    expect(
      validateIndicators([
        { indicator: "quality", weight: 50, method: "measurement" },
        { indicator: "quality", weight: 0, method: "panel" },
        { indicator: "safety", weight: 10.5, method: "panel" },
      ]),
    ).toEqual([
      { code: "labour_indicator_duplicate", params: { indicator: "quality" } },
      { code: "labour_indicator_weight_invalid", params: { indicator: "quality", weight: 0 } },
      { code: "labour_indicator_weight_invalid", params: { indicator: "safety", weight: 10.5 } },
      { code: "labour_indicator_weights_sum", params: { sum: 60.5 } },
    ]);
    expect(validateIndicators([])).toEqual([{ code: "labour_no_indicators", params: {} }]);
  });
  it("divides participation by headcount unless told otherwise", () => {
    expect(usesHeadcount({ indicator: "participation", weight: 10, method: "measurement" })).toBe(
      true,
    );
    expect(
      usesHeadcount({
        indicator: "participation",
        weight: 10,
        method: "measurement",
        perHeadcount: false,
      }),
    ).toBe(false);
    expect(usesHeadcount({ indicator: "output", weight: 10, method: "measurement" })).toBe(false);
    expect(
      usesHeadcount({ indicator: "output", weight: 10, method: "measurement", perHeadcount: true }),
    ).toBe(true);
  });
  it("has messages and display names", () => {
    expect(missingMessages(INDICATOR_CONFIG_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("labour_indicator", LABOUR_INDICATORS)).toEqual([]);
    expect(missingEnumNames("indicator_method", INDICATOR_METHODS)).toEqual([]);
    expect(
      renderGaps([
        ...validateIndicators([]),
        ...validateIndicators([
          { indicator: "safety", weight: 0, method: "panel" },
          { indicator: "safety", weight: 1, method: "panel" },
        ]),
      ]),
    ).toEqual([]);
  });
});
