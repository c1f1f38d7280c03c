import { formatCentimarks, isCentimarks, type Centimarks } from "./centimarks";
import { problem, type ScoringProblem } from "./problems";

export const AGGREGATION_RULES = [
  "mean",
  "trimmed_mean",
  "median",
  "worldskills",
  "single",
] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

export function isAggregationRule(value: unknown): value is AggregationRule {
  return typeof value === "string" && (AGGREGATION_RULES as readonly string[]).includes(value);
}

/**
 * measurement: an objective reading (dimension, time, pass/fail) — one value.
 * judgement: a panel's opinion of quality — several judges' marks aggregated.
 */
export type CriterionType = "measurement" | "judgement";

/** Organiser-written text describing what a level looks like (e.g. WorldSkills 0–3). */
export interface LevelDescriptor {
  readonly level: number;
  readonly text: string;
}

/** One aspect of a marking scheme (评分细则中的一项). */
export interface Criterion {
  readonly id: string;
  /** Short code printed on sheets and receipts, e.g. "A1". */
  readonly code: string;
  readonly maxMark: Centimarks;
  readonly type: CriterionType;
  /** Group label, e.g. the WorldSkills sub-criterion "A". */
  readonly subCriterion?: string;
  readonly descriptors?: readonly LevelDescriptor[];
  /** Overrides the scheme / event default for this criterion only. */
  readonly aggregation?: AggregationRule;
}

/** The marking scheme of one event part. */
export interface MarkingScheme {
  readonly criteria: readonly Criterion[];
  /** Overrides the event default for judgement criteria of this part. */
  readonly aggregation?: AggregationRule;
}

export const WORLDSKILLS_MAX_POINT = 3;

/**
 * Which rule applies: the criterion's own rule wins; otherwise a measurement
 * is a single reading (averaging a tape measure makes no sense), and a
 * judgement follows the scheme's rule, then the event default.
 */
export function resolveAggregation(
  criterion: Criterion,
  schemeRule: AggregationRule | undefined,
  eventDefault: AggregationRule,
): AggregationRule {
  if (criterion.aggregation) return criterion.aggregation;
  if (criterion.type === "measurement") return "single";
  return schemeRule ?? eventDefault;
}

/**
 * Checks a scheme against the full mark of its part. Returns every problem
 * found (empty = valid) so the editor can show them all at once.
 */
export function validateScheme(
  scheme: MarkingScheme,
  fullMark: Centimarks,
  eventDefault: AggregationRule = "mean",
): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  if (!isCentimarks(fullMark) || fullMark <= 0) {
    problems.push(problem("scheme_full_mark_invalid", { fullMark: formatCentimarks(fullMark) }));
  }
  if (scheme.criteria.length === 0) {
    problems.push(problem("scheme_no_criteria", {}));
    return problems;
  }

  const ids = new Set<string>();
  const codes = new Set<string>();
  let total = 0;
  let totalKnown = true;
  for (const c of scheme.criteria) {
    if (c.id.trim() === "") problems.push(problem("criterion_id_empty", { code: c.code }));
    else if (ids.has(c.id)) problems.push(problem("criterion_duplicate_id", { id: c.id }));
    ids.add(c.id);

    if (c.code.trim() === "") problems.push(problem("criterion_code_empty", { id: c.id }));
    else if (codes.has(c.code))
      problems.push(problem("criterion_duplicate_code", { code: c.code }));
    codes.add(c.code);

    if (!isCentimarks(c.maxMark) || c.maxMark <= 0) {
      problems.push(
        problem("criterion_max_invalid", { code: c.code, maxMark: formatCentimarks(c.maxMark) }),
      );
      totalKnown = false;
    } else {
      total += c.maxMark;
    }

    if (c.aggregation !== undefined && !isAggregationRule(c.aggregation)) {
      problems.push(
        problem("criterion_rule_unknown", { code: c.code, rule: String(c.aggregation) }),
      );
      continue;
    }
    const rule = resolveAggregation(c, scheme.aggregation, eventDefault);
    if (rule === "worldskills" && c.type === "measurement") {
      problems.push(problem("criterion_worldskills_on_measurement", { code: c.code }));
    }

    const levels = new Set<number>();
    for (const d of c.descriptors ?? []) {
      const maxLevel = rule === "worldskills" ? WORLDSKILLS_MAX_POINT : Number.MAX_SAFE_INTEGER;
      if (!Number.isInteger(d.level) || d.level < 0 || d.level > maxLevel) {
        problems.push(
          problem("criterion_descriptor_level_invalid", { code: c.code, level: String(d.level) }),
        );
      } else if (levels.has(d.level)) {
        problems.push(
          problem("criterion_descriptor_level_duplicate", { code: c.code, level: d.level }),
        );
      }
      levels.add(d.level);
    }
  }

  if (totalKnown && isCentimarks(fullMark) && total !== fullMark) {
    problems.push(
      problem("scheme_total_mismatch", {
        total: formatCentimarks(total),
        fullMark: formatCentimarks(fullMark),
      }),
    );
  }
  return problems;
}

/** Sum of the criteria maxima (the part's full mark when the scheme is valid). */
export function schemeTotal(scheme: MarkingScheme): Centimarks {
  return scheme.criteria.reduce((sum, c) => sum + c.maxMark, 0);
}
