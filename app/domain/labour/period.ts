import type { Problem } from "~/domain/identity/result";
import { FULL_MARKS, roundHalfUp, type Hundredths } from "./hundredths";
import { usesHeadcount, type IndicatorConfig, type LabourIndicator } from "./indicators";

/** 一票否决: any of these in a period zeroes the unit for that period, whatever else it achieved. */
export const VETO_REASONS = [
  "serious_safety_accident",
  "serious_quality_accident",
  "environmental_incident",
  "disciplinary_violation",
] as const;
export type VetoReason = (typeof VETO_REASONS)[number];

export interface UnitPeriodInput {
  readonly unitId: string;
  /** Shown in problems instead of the id when given. */
  readonly unitName?: string;
  readonly headcount?: number;
  /** Raw measurements, higher is better. */
  readonly measurements?: Readonly<Partial<Record<LabourIndicator, number>>>;
  /** Panel marks in hundredths, 0–10000. */
  readonly panelMarks?: Readonly<Partial<Record<LabourIndicator, Hundredths>>>;
  readonly vetoes?: readonly VetoReason[];
}

export interface UnitPeriodScore {
  readonly unitId: string;
  readonly indicatorScores: Readonly<Partial<Record<LabourIndicator, Hundredths>>>;
  /** Weighted score before any veto, kept so the effect of the veto can be shown. */
  readonly scoreBeforeVeto: Hundredths;
  /** The period score: 0 when vetoed. */
  readonly score: Hundredths;
  readonly vetoed: boolean;
  readonly vetoReasons: readonly VetoReason[];
}

export type PeriodScoringProblem =
  | Problem<"labour_measurement_missing", { unit: string; indicator: LabourIndicator }>
  | Problem<"labour_measurement_invalid", { unit: string; indicator: LabourIndicator }>
  | Problem<"labour_headcount_missing", { unit: string; indicator: LabourIndicator }>
  | Problem<"labour_panel_mark_missing", { unit: string; indicator: LabourIndicator }>
  | Problem<
      "labour_panel_mark_invalid",
      { unit: string; indicator: LabourIndicator; mark: number }
    >;

export const PERIOD_SCORING_PROBLEM_CODES = Object.keys({
  labour_measurement_missing: true,
  labour_measurement_invalid: true,
  labour_headcount_missing: true,
  labour_panel_mark_missing: true,
  labour_panel_mark_invalid: true,
} satisfies Record<PeriodScoringProblem["code"], true>) as PeriodScoringProblem["code"][];

export interface PeriodScores {
  readonly units: UnitPeriodScore[];
  /** Data gaps. The affected indicator scores 0 so the period can still be scored, but the gaps should be fixed first. */
  readonly problems: PeriodScoringProblem[];
}

/** A measurement ready for comparison (per head where configured), or the problem with it. */
function comparableValue(
  config: IndicatorConfig,
  unit: UnitPeriodInput,
): { value: number } | { problem: PeriodScoringProblem } {
  const where = { unit: unit.unitName ?? unit.unitId, indicator: config.indicator };
  const raw = unit.measurements?.[config.indicator];
  if (raw === undefined) return { problem: { code: "labour_measurement_missing", params: where } };
  if (!Number.isFinite(raw) || raw < 0)
    return { problem: { code: "labour_measurement_invalid", params: where } };
  if (!usesHeadcount(config)) return { value: raw };
  const headcount = unit.headcount;
  if (headcount === undefined || !Number.isFinite(headcount) || headcount <= 0) {
    return { problem: { code: "labour_headcount_missing", params: where } };
  }
  return { value: raw / headcount };
}

/**
 * Scores every unit for one period.
 * Measurements are normalised against the best unit (best = 100.00, others pro rata),
 * which keeps the competition about beating each other rather than about how targets
 * were set. Vetoed units are left out when finding the best, so a unit that had a
 * serious accident does not push everyone else's marks down.
 */
export function scorePeriod(
  indicators: readonly IndicatorConfig[],
  units: readonly UnitPeriodInput[],
): PeriodScores {
  const problems: PeriodScoringProblem[] = [];
  const scores = new Map<string, Partial<Record<LabourIndicator, Hundredths>>>(
    units.map((u) => [u.unitId, {}]),
  );
  const isVetoed = (u: UnitPeriodInput) => (u.vetoes ?? []).length > 0;

  for (const config of indicators) {
    if (config.method === "panel") {
      for (const unit of units) {
        const mark = unit.panelMarks?.[config.indicator];
        const where = { unit: unit.unitName ?? unit.unitId, indicator: config.indicator };
        let score = 0;
        if (mark === undefined) problems.push({ code: "labour_panel_mark_missing", params: where });
        else if (!Number.isInteger(mark) || mark < 0 || mark > FULL_MARKS) {
          problems.push({ code: "labour_panel_mark_invalid", params: { ...where, mark } });
        } else score = mark;
        (scores.get(unit.unitId) ?? {})[config.indicator] = score;
      }
      continue;
    }
    const values = new Map<string, number>();
    for (const unit of units) {
      const v = comparableValue(config, unit);
      if ("problem" in v) problems.push(v.problem);
      else values.set(unit.unitId, v.value);
    }
    const best = Math.max(
      0,
      ...units.filter((u) => !isVetoed(u)).map((u) => values.get(u.unitId) ?? 0),
    );
    for (const unit of units) {
      const v = values.get(unit.unitId);
      // A vetoed unit may beat the best of the rest; its own display mark is capped at full marks.
      const score =
        v === undefined || best <= 0
          ? 0
          : Math.min(FULL_MARKS, roundHalfUp((v / best) * FULL_MARKS));
      (scores.get(unit.unitId) ?? {})[config.indicator] = score;
    }
  }

  const results = units.map((unit): UnitPeriodScore => {
    const indicatorScores = scores.get(unit.unitId) ?? {};
    const weighted = indicators.reduce(
      (sum, c) => sum + (indicatorScores[c.indicator] ?? 0) * c.weight,
      0,
    );
    const scoreBeforeVeto = roundHalfUp(weighted / 100);
    const vetoReasons = [...new Set(unit.vetoes ?? [])];
    const vetoed = vetoReasons.length > 0;
    return {
      unitId: unit.unitId,
      indicatorScores,
      scoreBeforeVeto,
      score: vetoed ? 0 : scoreBeforeVeto,
      vetoed,
      vetoReasons,
    };
  });
  return { units: results, problems };
}
