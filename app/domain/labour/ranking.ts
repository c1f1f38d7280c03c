import { compareText, rankWithTies } from "~/domain/contest/ranking";
import { roundHalfUp, type Hundredths } from "./hundredths";
import type { LabourIndicator } from "./indicators";
import type { UnitPeriodScore } from "./period";

export interface PeriodRankingEntry extends UnitPeriodScore {
  readonly rank: number;
}

/**
 * Highest score first with shared ranks (1, 2, 2, 4). Vetoed units always come after every
 * other unit, even one that also scored 0, and share the last rank among themselves.
 */
export function rankPeriod(units: readonly UnitPeriodScore[]): PeriodRankingEntry[] {
  const ranked = rankWithTies(
    units,
    (a, b) => Number(a.vetoed) - Number(b.vetoed) || b.score - a.score,
    (a, b) => compareText(a.unitId, b.unitId),
  );
  return ranked.map(({ item, rank }) => ({ ...item, rank }));
}

export interface PeriodResult {
  readonly periodId: string;
  readonly ranking: readonly PeriodRankingEntry[];
}

export interface CumulativeEntry {
  readonly unitId: string;
  /** Sum of period scores; the ranking uses this exact figure. */
  readonly total: Hundredths;
  /** total ÷ number of periods, for display on the same 0–100 scale as a period. */
  readonly average: Hundredths;
  /** Periods in which the unit has a score. */
  readonly periodsScored: number;
  readonly vetoCount: number;
  readonly rank: number;
}

/**
 * Ranks units over several periods by the sum of their period scores. A period in which a
 * unit has no score counts as 0, so every unit is measured over the same periods and
 * skipping a bad month cannot help; ranking by the sum then orders units exactly as the
 * average over all periods would, without rounding ties.
 */
export function cumulativeRanking(periods: readonly PeriodResult[]): CumulativeEntry[] {
  const totals = new Map<string, { total: number; scored: number; vetoes: number }>();
  for (const period of periods) {
    for (const entry of period.ranking) {
      const t = totals.get(entry.unitId) ?? { total: 0, scored: 0, vetoes: 0 };
      totals.set(entry.unitId, {
        total: t.total + entry.score,
        scored: t.scored + 1,
        vetoes: t.vetoes + (entry.vetoed ? 1 : 0),
      });
    }
  }
  const rows = [...totals].map(([unitId, t]) => ({
    unitId,
    total: t.total,
    average: periods.length === 0 ? 0 : roundHalfUp(t.total / periods.length),
    periodsScored: t.scored,
    vetoCount: t.vetoes,
  }));
  return rankWithTies(
    rows,
    (a, b) => b.total - a.total,
    (a, b) => compareText(a.unitId, b.unitId),
  ).map(({ item, rank }) => ({ ...item, rank }));
}

export type RedFlagDecision =
  | {
      readonly kind: "winner";
      readonly unitId: string;
      readonly decidedBy: "score" | LabourIndicator;
    }
  | { readonly kind: "tie"; readonly unitIds: readonly string[] }
  | { readonly kind: "none" };

/** Safety first, then quality: the priorities unions state for 流动红旗 awards. */
export const RED_FLAG_TIE_BREAKERS: readonly LabourIndicator[] = ["safety", "quality"];

/**
 * The rotating red flag (流动红旗) goes to the top unit of the period. A vetoed unit can
 * never hold it. Equal top scores are separated by the safety score, then the quality
 * score; if units are still level the decision is returned as a tie for the committee to
 * settle, because any automatic pick (unit name, registration order) would be arbitrary.
 */
export function redFlagWinner(periodRanking: readonly PeriodRankingEntry[]): RedFlagDecision {
  const eligible = periodRanking.filter((e) => !e.vetoed);
  const topScore = Math.max(...eligible.map((e) => e.score));
  let leaders = eligible.filter((e) => e.score === topScore);
  if (leaders.length === 0) return { kind: "none" };
  if (leaders.length === 1 && leaders[0])
    return { kind: "winner", unitId: leaders[0].unitId, decidedBy: "score" };
  for (const indicator of RED_FLAG_TIE_BREAKERS) {
    const best = Math.max(...leaders.map((e) => e.indicatorScores[indicator] ?? 0));
    leaders = leaders.filter((e) => (e.indicatorScores[indicator] ?? 0) === best);
    if (leaders.length === 1 && leaders[0])
      return { kind: "winner", unitId: leaders[0].unitId, decidedBy: indicator };
  }
  return { kind: "tie", unitIds: leaders.map((e) => e.unitId).sort(compareText) };
}

export interface TrendPoint {
  readonly periodId: string;
  /** null where the unit has no score for the period, drawn as a gap rather than a drop to 0. */
  readonly score: Hundredths | null;
  readonly rank: number | null;
  readonly vetoed: boolean;
}

export interface TrendSeries {
  readonly unitId: string;
  readonly points: readonly TrendPoint[];
}

/** One series per unit, one point per period in the order given, ready for a line chart. */
export function trendSeries(
  periods: readonly PeriodResult[],
  unitIds?: readonly string[],
): TrendSeries[] {
  const ids =
    unitIds ??
    [...new Set(periods.flatMap((p) => p.ranking.map((e) => e.unitId)))].sort(compareText);
  return ids.map((unitId) => ({
    unitId,
    points: periods.map((p) => {
      const entry = p.ranking.find((e) => e.unitId === unitId);
      return {
        periodId: p.periodId,
        score: entry?.score ?? null,
        rank: entry?.rank ?? null,
        vetoed: entry?.vetoed ?? false,
      };
    }),
  }));
}
