import type { Problem } from "~/domain/identity/result";

export const LABOUR_INDICATORS = [
  "quality",
  "safety",
  "schedule",
  "innovation",
  "output",
  "participation",
] as const;
export type LabourIndicator = (typeof LABOUR_INDICATORS)[number];

/**
 * measurement: a number entered per unit, higher is better, normalised against the best
 * unit of the period (best = 100.00). Enter rates the positive way round (pass rate, share
 * of milestones on time) so "higher is better" holds.
 * panel: a mark 0–100 given by the assessment panel, stored in hundredths.
 */
export const INDICATOR_METHODS = ["measurement", "panel"] as const;
export type IndicatorMethod = (typeof INDICATOR_METHODS)[number];

export interface IndicatorConfig {
  readonly indicator: LabourIndicator;
  /** Whole percent; a competition's indicators add up to 100. */
  readonly weight: number;
  readonly method: IndicatorMethod;
  /**
   * Divide the measurement by the unit's headcount before comparing, so a large unit does
   * not win participation simply by being large. Defaults to true for participation.
   */
  readonly perHeadcount?: boolean;
}

export type IndicatorConfigProblem =
  | Problem<"labour_no_indicators", Record<string, never>>
  | Problem<"labour_indicator_duplicate", { indicator: LabourIndicator }>
  | Problem<"labour_indicator_weight_invalid", { indicator: LabourIndicator; weight: number }>
  | Problem<"labour_indicator_weights_sum", { sum: number }>;

export const INDICATOR_CONFIG_PROBLEM_CODES = Object.keys({
  labour_no_indicators: true,
  labour_indicator_duplicate: true,
  labour_indicator_weight_invalid: true,
  labour_indicator_weights_sum: true,
} satisfies Record<IndicatorConfigProblem["code"], true>) as IndicatorConfigProblem["code"][];

export function usesHeadcount(config: IndicatorConfig): boolean {
  return config.perHeadcount ?? config.indicator === "participation";
}

export function validateIndicators(configs: readonly IndicatorConfig[]): IndicatorConfigProblem[] {
  if (configs.length === 0) return [{ code: "labour_no_indicators", params: {} }];
  const problems: IndicatorConfigProblem[] = [];
  const seen = new Set<LabourIndicator>();
  let sum = 0;
  for (const c of configs) {
    if (seen.has(c.indicator))
      problems.push({ code: "labour_indicator_duplicate", params: { indicator: c.indicator } });
    seen.add(c.indicator);
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > 100) {
      problems.push({
        code: "labour_indicator_weight_invalid",
        params: { indicator: c.indicator, weight: c.weight },
      });
    }
    sum += c.weight;
  }
  if (sum !== 100) problems.push({ code: "labour_indicator_weights_sum", params: { sum } });
  return problems;
}
