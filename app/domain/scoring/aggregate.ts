import { divRoundHalfUp, formatCentimarks, type Centimarks } from "./centimarks";
import { problem, type ScoringProblem } from "./problems";
import { WORLDSKILLS_MAX_POINT, type AggregationRule, type Criterion } from "./scheme";
import { fail, ok, type Outcome } from "~/utils/outcome";

/**
 * The marks of one entry on one criterion, one slot per judge on the panel, in
 * panel order. null/undefined = that judge has not entered a mark yet. Values
 * are centimarks, except under `worldskills` where they are points 0–3.
 */
export type JudgeMark = number | null | undefined;

/** Judges are identified on results only by their 1-based position on the panel (裁判1, 裁判2 …). */
export type JudgeNo = number;

export const DROP_REASONS = ["highest", "lowest", "outside_middle"] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface UsedMark {
  readonly judge: JudgeNo;
  readonly mark: number;
}

export interface DroppedMark {
  readonly judge: JudgeNo;
  readonly mark: number;
  readonly reason: DropReason;
}

/** Rule-specific inputs of the formula, enough to print it on a receipt. */
export type AggregationFormula =
  | { readonly rule: "mean"; readonly sum: Centimarks; readonly count: number }
  | { readonly rule: "trimmed_mean"; readonly sum: Centimarks; readonly count: number }
  | { readonly rule: "median"; readonly middle: readonly Centimarks[] }
  | {
      readonly rule: "worldskills";
      readonly maxMark: Centimarks;
      readonly points: number;
      readonly divisor: 9;
    }
  | { readonly rule: "single"; readonly value: Centimarks };

export interface CriterionResult {
  readonly criterionId: string;
  readonly code: string;
  readonly rule: AggregationRule;
  readonly maxMark: Centimarks;
  /** The criterion's result in centimarks, rounded half-up from numerator/denominator. */
  readonly value: Centimarks;
  /** The unrounded result is exactly numerator / denominator (centimarks). */
  readonly numerator: number;
  readonly denominator: number;
  /** Every judge's mark as entered, in panel order. */
  readonly marks: readonly number[];
  readonly used: readonly UsedMark[];
  readonly dropped: readonly DroppedMark[];
  readonly formula: AggregationFormula;
}

export type AggregateOutcome = Outcome<CriterionResult, ScoringProblem>;

export const WORLDSKILLS_JUDGES = 3;
const WORLDSKILLS_DIVISOR = 9; // 3 judges × 3 points

/**
 * Validates the panel's marks for a criterion: every slot filled, every value
 * a non-negative integer within range, and a panel size the rule can work with.
 * All problems are returned, not just the first.
 */
export function validateMarks(
  criterion: Criterion,
  marks: readonly JudgeMark[],
  rule: AggregationRule,
): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  const criterionCode = criterion.code;
  if (marks.length === 0) {
    problems.push(problem("marks_none", { criterion: criterionCode }));
    return problems;
  }

  marks.forEach((m, i) => {
    const judge = i + 1;
    if (m === null || m === undefined) {
      problems.push(problem("mark_missing", { criterion: criterionCode, judge }));
    } else if (typeof m !== "number" || !Number.isFinite(m)) {
      problems.push(problem("mark_not_a_number", { criterion: criterionCode, judge }));
    } else if (rule === "worldskills") {
      if (!Number.isInteger(m) || m < 0 || m > WORLDSKILLS_MAX_POINT) {
        problems.push(
          problem("worldskills_point_invalid", {
            criterion: criterionCode,
            judge,
            mark: String(m),
          }),
        );
      }
    } else if (m < 0) {
      problems.push(
        problem("mark_negative", { criterion: criterionCode, judge, mark: showMark(m) }),
      );
    } else if (!Number.isInteger(m)) {
      problems.push(
        problem("mark_not_integer", { criterion: criterionCode, judge, mark: String(m) }),
      );
    } else if (m > criterion.maxMark) {
      problems.push(
        problem("mark_above_max", {
          criterion: criterionCode,
          judge,
          mark: formatCentimarks(m),
          max: formatCentimarks(criterion.maxMark),
        }),
      );
    }
  });

  const judges = marks.length;
  if (rule === "trimmed_mean" && judges < 3) {
    problems.push(problem("trimmed_mean_needs_three", { criterion: criterionCode, judges }));
  } else if (rule === "worldskills" && judges !== WORLDSKILLS_JUDGES) {
    problems.push(problem("worldskills_needs_three", { criterion: criterionCode, judges }));
  } else if (rule === "single" && judges !== 1) {
    problems.push(problem("single_needs_one", { criterion: criterionCode, judges }));
  }
  return problems;
}

function showMark(m: number): string {
  return Number.isInteger(m) ? formatCentimarks(m) : String(m);
}

/** Aggregates one criterion's marks with the given rule, or explains why it cannot. */
export function aggregateCriterion(
  criterion: Criterion,
  marks: readonly JudgeMark[],
  rule: AggregationRule,
): AggregateOutcome {
  const problems = validateMarks(criterion, marks, rule);
  if (problems.length > 0) return fail(...problems);
  const values = marks as readonly number[];
  const base = {
    criterionId: criterion.id,
    code: criterion.code,
    rule,
    maxMark: criterion.maxMark,
    marks: values,
  };
  switch (rule) {
    case "mean":
      return ok({ ...base, ...mean(values) });
    case "trimmed_mean":
      return ok({ ...base, ...trimmedMean(values) });
    case "median":
      return ok({ ...base, ...median(values) });
    case "worldskills":
      return ok({ ...base, ...worldskills(values, criterion.maxMark) });
    case "single":
      return ok({ ...base, ...single(values) });
  }
}

type Computed = Pick<
  CriterionResult,
  "value" | "numerator" | "denominator" | "used" | "dropped" | "formula"
>;

function usedAll(values: readonly number[]): UsedMark[] {
  return values.map((mark, i) => ({ judge: i + 1, mark }));
}

function sumOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function mean(values: readonly number[]): Computed {
  const sum = sumOf(values);
  const count = values.length;
  return {
    value: divRoundHalfUp(sum, count),
    numerator: sum,
    denominator: count,
    used: usedAll(values),
    dropped: [],
    formula: { rule: "mean", sum, count },
  };
}

/** Panel positions ordered by mark, ties by panel position, so drops are reproducible. */
function orderByMark(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
}

/**
 * 去掉一个最高分和一个最低分: exactly one highest and one lowest are dropped,
 * even when several judges share the top or bottom mark. When marks tie, the
 * lowest is taken from the earliest judge and the highest from the latest —
 * the value is the same either way, this only fixes what the receipt shows.
 */
function trimmedMean(values: readonly number[]): Computed {
  const order = orderByMark(values);
  const lowest = order[0]!;
  const highest = order[order.length - 1]!;
  const kept = order.slice(1, -1).sort((a, b) => a - b);
  const sum = kept.reduce((s, i) => s + values[i]!, 0);
  const count = kept.length;
  return {
    value: divRoundHalfUp(sum, count),
    numerator: sum,
    denominator: count,
    used: kept.map((i) => ({ judge: i + 1, mark: values[i]! })),
    dropped: [
      { judge: highest + 1, mark: values[highest]!, reason: "highest" },
      { judge: lowest + 1, mark: values[lowest]!, reason: "lowest" },
    ],
    formula: { rule: "trimmed_mean", sum, count },
  };
}

/** Even panels take the mean of the two middle marks, rounded half-up. */
function median(values: readonly number[]): Computed {
  const order = orderByMark(values);
  const n = order.length;
  const middleIdx = n % 2 === 1 ? [order[(n - 1) / 2]!] : [order[n / 2 - 1]!, order[n / 2]!];
  const middleSet = new Set(middleIdx);
  const middle = middleIdx.map((i) => values[i]!);
  const sum = sumOf(middle);
  return {
    value: divRoundHalfUp(sum, middle.length),
    numerator: sum,
    denominator: middle.length,
    used: [...middleIdx].sort((a, b) => a - b).map((i) => ({ judge: i + 1, mark: values[i]! })),
    dropped: values
      .map((mark, i) => ({ judge: i + 1, mark, reason: "outside_middle" as const }))
      .filter((d) => !middleSet.has(d.judge - 1)),
    formula: { rule: "median", middle },
  };
}

/**
 * WorldSkills judgement: three judges award 0–3 points each; the aspect earns
 * maxMark × (sum of points) / 9, rounded half-up to a centimark.
 */
function worldskills(values: readonly number[], maxMark: Centimarks): Computed {
  const points = sumOf(values);
  const numerator = maxMark * points;
  return {
    value: divRoundHalfUp(numerator, WORLDSKILLS_DIVISOR),
    numerator,
    denominator: WORLDSKILLS_DIVISOR,
    used: usedAll(values),
    dropped: [],
    formula: { rule: "worldskills", maxMark, points, divisor: WORLDSKILLS_DIVISOR },
  };
}

function single(values: readonly number[]): Computed {
  const value = values[0]!;
  return {
    value,
    numerator: value,
    denominator: 1,
    used: usedAll(values),
    dropped: [],
    formula: { rule: "single", value },
  };
}
