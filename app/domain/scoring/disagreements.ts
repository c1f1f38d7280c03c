import type { JudgeMark, JudgeNo } from "./aggregate";
import {
  BASIS_POINTS_TOTAL,
  formatCentimarks,
  ratioRoundHalfUp,
  type BasisPoints,
} from "./centimarks";
import { problem, type ScoringProblem } from "./problems";
import {
  resolveAggregation,
  type AggregationRule,
  type Criterion,
  type MarkingScheme,
} from "./scheme";

export interface DisagreementOptions {
  /**
   * For judgement rules other than WorldSkills: flag when the spread (highest −
   * lowest) exceeds this share of the criterion's maximum. Default 3000 = 30%.
   */
  readonly spreadThresholdBp?: BasisPoints;
}

export const DEFAULT_SPREAD_THRESHOLD_BP = 3000;
/** WorldSkills: judges more than one point apart must confer and re-mark. */
export const WORLDSKILLS_MAX_SPREAD = 1;

export interface Disagreement {
  readonly criterionId: string;
  readonly code: string;
  readonly rule: AggregationRule;
  /** Points under worldskills, centimarks otherwise. */
  readonly spread: number;
  /** The largest spread that is still acceptable, same unit as `spread`. */
  readonly threshold: number;
  readonly highJudge: JudgeNo;
  readonly lowJudge: JudgeNo;
  /** Ready-to-display description for the chief judge's list. */
  readonly problem: ScoringProblem;
}

/**
 * Whether one sheet needs the chief judge. Only judgement criteria are checked
 * (a single measurement cannot disagree with itself); missing and invalid marks
 * are ignored here because validation reports them separately.
 */
export function checkDisagreement(
  criterion: Criterion,
  marks: readonly JudgeMark[],
  rule: AggregationRule,
  options: DisagreementOptions = {},
): Disagreement | null {
  if (criterion.type !== "judgement" || rule === "single") return null;
  let hi = -1;
  let lo = -1;
  marks.forEach((m, i) => {
    if (typeof m !== "number" || !Number.isFinite(m)) return;
    if (hi < 0 || m > (marks[hi] as number)) hi = i;
    if (lo < 0 || m < (marks[lo] as number)) lo = i;
  });
  if (hi < 0 || lo < 0 || hi === lo) return null;
  const spread = (marks[hi] as number) - (marks[lo] as number);
  const base = {
    criterionId: criterion.id,
    code: criterion.code,
    rule,
    highJudge: hi + 1,
    lowJudge: lo + 1,
  };

  if (rule === "worldskills") {
    if (spread <= WORLDSKILLS_MAX_SPREAD) return null;
    return {
      ...base,
      spread,
      threshold: WORLDSKILLS_MAX_SPREAD,
      problem: problem("disagreement_worldskills", {
        criterion: criterion.code,
        spread,
        high: hi + 1,
        low: lo + 1,
      }),
    };
  }

  const bp = options.spreadThresholdBp ?? DEFAULT_SPREAD_THRESHOLD_BP;
  // Compare spread/max against bp/10000 in integers: no rounding at the edge.
  if (spread * BASIS_POINTS_TOTAL <= bp * criterion.maxMark) return null;
  const threshold = ratioRoundHalfUp([bp, criterion.maxMark], [BASIS_POINTS_TOTAL]);
  return {
    ...base,
    spread,
    threshold,
    problem: problem("disagreement_spread", {
      criterion: criterion.code,
      spread: formatCentimarks(spread),
      threshold: formatCentimarks(threshold),
      high: hi + 1,
      low: lo + 1,
    }),
  };
}

/** Every flagged sheet of one entry on one part's scheme, in scheme order. */
export function findDisagreements(
  scheme: MarkingScheme,
  marks: Readonly<Record<string, readonly JudgeMark[] | undefined>>,
  options: DisagreementOptions & { readonly eventDefault?: AggregationRule } = {},
): Disagreement[] {
  const found: Disagreement[] = [];
  for (const c of scheme.criteria) {
    const m = marks[c.id];
    if (!m) continue;
    const rule = resolveAggregation(c, scheme.aggregation, options.eventDefault ?? "mean");
    const d = checkDisagreement(c, m, rule, options);
    if (d) found.push(d);
  }
  return found;
}
