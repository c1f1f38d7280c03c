// Problems are data, not sentences: the UI looks up `scoring.<code>` in
// app/i18n/messages/scoring.ts and substitutes {param}s. Params are strings or
// numbers only so a plain interpolator can print them; marks are passed already
// formatted ("7.25") because digits and the decimal point read the same in zh
// and en. Params named `tier` or `rule` hold codes — translate them with
// `scoring.prize.<tier>` / `scoring.rule.<rule>` before interpolating.

type NoParams = Record<string, never>;

export interface ScoringProblemParams {
  // Marking scheme
  scheme_no_criteria: NoParams;
  scheme_full_mark_invalid: { fullMark: string };
  scheme_total_mismatch: { total: string; fullMark: string };
  criterion_id_empty: { code: string };
  criterion_code_empty: { id: string };
  criterion_duplicate_id: { id: string };
  criterion_duplicate_code: { code: string };
  criterion_max_invalid: { code: string; maxMark: string };
  criterion_rule_unknown: { code: string; rule: string };
  criterion_worldskills_on_measurement: { code: string };
  criterion_descriptor_level_invalid: { code: string; level: string };
  criterion_descriptor_level_duplicate: { code: string; level: number };

  // Event, parts, tie-breaks, prizes
  event_full_mark_invalid: { fullMark: string };
  event_no_parts: NoParams;
  event_default_rule_invalid: { rule: string };
  part_duplicate_id: { part: string };
  part_weight_invalid: { part: string; weight: string };
  part_weights_sum: { sum: string };
  tiebreak_unknown_part: { part: string };
  tiebreak_unknown_criterion: { criterion: string };
  prize_tier_unknown: { tier: string };
  prize_tier_duplicate: { tier: string };
  prize_count_invalid: { tier: string; count: string };
  prize_share_invalid: { tier: string; share: string };
  prize_shares_exceed_total: { share: string };
  prize_min_total_invalid: { tier: string; minTotal: string };
  prize_count_over_field: { tier: string; count: number; field: number };
  prize_places_over_field: { places: number; field: number };
  prize_min_total_over_full: { tier: string; minTotal: string; fullMark: string };
  entry_duplicate_id: { entry: string };

  // Marks for one entry
  marks_none: { criterion: string };
  mark_missing: { criterion: string; judge: number };
  mark_not_a_number: { criterion: string; judge: number };
  mark_negative: { criterion: string; judge: number; mark: string };
  mark_not_integer: { criterion: string; judge: number; mark: string };
  mark_above_max: { criterion: string; judge: number; mark: string; max: string };
  worldskills_point_invalid: { criterion: string; judge: number; mark: string };
  trimmed_mean_needs_three: { criterion: string; judges: number };
  worldskills_needs_three: { criterion: string; judges: number };
  single_needs_one: { criterion: string; judges: number };
  marks_unknown_criterion: { criterion: string };

  // Judges disagree (flagged for the chief judge, blocks locking)
  disagreement_worldskills: { criterion: string; spread: number; high: number; low: number };
  disagreement_spread: {
    criterion: string;
    spread: string;
    threshold: string;
    high: number;
    low: number;
  };
}

export type ProblemCode = keyof ScoringProblemParams;

export type ScoringProblem = {
  [K in ProblemCode]: { readonly code: K; readonly params: Readonly<ScoringProblemParams[K]> };
}[ProblemCode];

export type ProblemOf<K extends ProblemCode> = Extract<ScoringProblem, { code: K }>;

export function problem<K extends ProblemCode>(
  code: K,
  params: ScoringProblemParams[K],
): ProblemOf<K> {
  return { code, params } as ProblemOf<K>;
}

/** The i18n key for a problem: `scoring.<code>`. */
export function problemMessageKey(p: ScoringProblem): `scoring.${ProblemCode}` {
  return `scoring.${p.code}`;
}

// Kept in step with ScoringProblemParams by the compiler (every code must be listed,
// every name must be a real param) so the i18n test can check placeholders.
export const PROBLEM_PARAM_NAMES: {
  readonly [K in ProblemCode]: readonly (keyof ScoringProblemParams[K])[];
} = {
  scheme_no_criteria: [],
  scheme_full_mark_invalid: ["fullMark"],
  scheme_total_mismatch: ["total", "fullMark"],
  criterion_id_empty: ["code"],
  criterion_code_empty: ["id"],
  criterion_duplicate_id: ["id"],
  criterion_duplicate_code: ["code"],
  criterion_max_invalid: ["code", "maxMark"],
  criterion_rule_unknown: ["code", "rule"],
  criterion_worldskills_on_measurement: ["code"],
  criterion_descriptor_level_invalid: ["code", "level"],
  criterion_descriptor_level_duplicate: ["code", "level"],
  event_full_mark_invalid: ["fullMark"],
  event_no_parts: [],
  event_default_rule_invalid: ["rule"],
  part_duplicate_id: ["part"],
  part_weight_invalid: ["part", "weight"],
  part_weights_sum: ["sum"],
  tiebreak_unknown_part: ["part"],
  tiebreak_unknown_criterion: ["criterion"],
  prize_tier_unknown: ["tier"],
  prize_tier_duplicate: ["tier"],
  prize_count_invalid: ["tier", "count"],
  prize_share_invalid: ["tier", "share"],
  prize_shares_exceed_total: ["share"],
  prize_min_total_invalid: ["tier", "minTotal"],
  prize_count_over_field: ["tier", "count", "field"],
  prize_places_over_field: ["places", "field"],
  prize_min_total_over_full: ["tier", "minTotal", "fullMark"],
  entry_duplicate_id: ["entry"],
  marks_none: ["criterion"],
  mark_missing: ["criterion", "judge"],
  mark_not_a_number: ["criterion", "judge"],
  mark_negative: ["criterion", "judge", "mark"],
  mark_not_integer: ["criterion", "judge", "mark"],
  mark_above_max: ["criterion", "judge", "mark", "max"],
  worldskills_point_invalid: ["criterion", "judge", "mark"],
  trimmed_mean_needs_three: ["criterion", "judges"],
  worldskills_needs_three: ["criterion", "judges"],
  single_needs_one: ["criterion", "judges"],
  marks_unknown_criterion: ["criterion"],
  disagreement_worldskills: ["criterion", "spread", "high", "low"],
  disagreement_spread: ["criterion", "spread", "threshold", "high", "low"],
};

export const PROBLEM_CODES = Object.keys(PROBLEM_PARAM_NAMES) as ProblemCode[];
