import type { Gender } from "~/domain/identity/id-number";
import type { Problem } from "~/domain/identity/result";
import type { SkillLevel } from "./skill-levels";
import { theoryCapProblems } from "./theory-cap";

export const EVENT_MODES = ["individual", "team"] as const;
export type EventMode = (typeof EVENT_MODES)[number];

/** Stages in the order they are held. */
export const ROUND_STAGES = ["preliminary", "semi_final", "final"] as const;
export type RoundStage = (typeof ROUND_STAGES)[number];

export const PART_KINDS = ["theory", "practical"] as const;
export type PartKind = (typeof PART_KINDS)[number];

/** China's minimum working age (Labour Law art. 15); contests are for people in work. */
export const LEGAL_MINIMUM_AGE = 16;

export interface TeamRules {
  /** Starting members, substitutes excluded. */
  readonly minSize: number;
  readonly maxSize: number;
  /** Maximum number of substitutes a team may name (0 = none). */
  readonly substitutes: number;
}

export interface EligibilityRules {
  /** Inclusive bounds on age in whole years on the contest date. */
  readonly minAge?: number | null;
  readonly maxAge?: number | null;
  readonly minSkillLevel?: SkillLevel | null;
  readonly unionMemberRequired?: boolean;
  /** Only for events that are split by gender; null or absent = open to all. */
  readonly gender?: Gender | null;
  /** When true the worker's trade (工种) must be one of the event's `tradeCodes`. */
  readonly tradeMustMatch?: boolean;
}

export interface RoundPart {
  readonly kind: PartKind;
  /** Whole percent of the round's mark; a round's parts add up to 100. */
  readonly weight: number;
}

/**
 * Each round is marked on its own: its parts are weighted into the round mark, and the
 * preliminary and semi-final only decide who advances, so rounds carry no weight of their
 * own. The final decides the placings.
 */
export interface RoundDefinition {
  readonly stage: RoundStage;
  readonly parts: readonly RoundPart[];
  /** How many entries go through to the next round; required for every round but the final. */
  readonly advanceCount?: number | null;
}

export interface EventDefinition {
  /** Short upper-case code used in entry numbers, e.g. "CNC". */
  readonly code: string;
  readonly name: string;
  readonly mode: EventMode;
  /** Required in team mode, ignored for individual events. */
  readonly team?: TeamRules | null;
  /** Entries (people or teams) each organisation may send; null = no limit. */
  readonly quotaPerOrg?: number | null;
  /** Entries across all organisations; null = no limit. */
  readonly overallCap?: number | null;
  readonly tradeCodes?: readonly string[] | null;
  readonly eligibility: EligibilityRules;
  readonly rounds: readonly RoundDefinition[];
}

export type EventProblem =
  | Problem<"event_code_invalid", { code: string }>
  | Problem<"event_name_missing", Record<string, never>>
  | Problem<"event_team_rules_missing", Record<string, never>>
  | Problem<"event_team_size_invalid", { min: number; max: number }>
  | Problem<"event_team_substitutes_invalid", { substitutes: number }>
  | Problem<"event_quota_invalid", { quota: number }>
  | Problem<"event_cap_invalid", { cap: number }>
  | Problem<"event_quota_exceeds_cap", { quota: number; cap: number }>
  | Problem<"event_age_invalid", { age: number }>
  | Problem<"event_age_below_legal_minimum", { min: number; legal: number }>
  | Problem<"event_age_range_invalid", { min: number; max: number }>
  | Problem<"event_trade_codes_missing", Record<string, never>>
  | Problem<"event_no_rounds", Record<string, never>>
  | Problem<"event_round_duplicate", { stage: RoundStage }>
  | Problem<"event_round_order", { stage: RoundStage }>
  | Problem<"event_final_missing", Record<string, never>>
  | Problem<"event_round_advance_invalid", { stage: RoundStage }>
  | Problem<"event_round_no_parts", { stage: RoundStage }>
  | Problem<"event_part_duplicate", { stage: RoundStage; part: PartKind }>
  | Problem<"event_part_weight_invalid", { stage: RoundStage; part: PartKind; weight: number }>
  | Problem<"event_part_weights_sum", { stage: RoundStage; sum: number }>
  | Problem<"event_theory_over_cap", { stage: string; weight: number; cap: number }>;

export const EVENT_PROBLEM_CODES = Object.keys({
  event_code_invalid: true,
  event_name_missing: true,
  event_team_rules_missing: true,
  event_team_size_invalid: true,
  event_team_substitutes_invalid: true,
  event_quota_invalid: true,
  event_cap_invalid: true,
  event_quota_exceeds_cap: true,
  event_age_invalid: true,
  event_age_below_legal_minimum: true,
  event_age_range_invalid: true,
  event_trade_codes_missing: true,
  event_no_rounds: true,
  event_round_duplicate: true,
  event_round_order: true,
  event_final_missing: true,
  event_round_advance_invalid: true,
  event_round_no_parts: true,
  event_part_duplicate: true,
  event_part_weight_invalid: true,
  event_part_weights_sum: true,
  event_theory_over_cap: true,
} satisfies Record<EventProblem["code"], true>) as EventProblem["code"][];

// Letters and digits only, because the code is embedded in hyphen-separated entry numbers.
const EVENT_CODE = /^[A-Z0-9]{2,10}$/;

const isPositiveInt = (n: number) => Number.isInteger(n) && n > 0;

function teamProblems(event: EventDefinition): EventProblem[] {
  if (event.mode !== "team") return [];
  const team = event.team;
  if (!team) return [{ code: "event_team_rules_missing", params: {} }];
  const problems: EventProblem[] = [];
  if (
    !Number.isInteger(team.minSize) ||
    !Number.isInteger(team.maxSize) ||
    team.minSize < 2 ||
    team.maxSize < team.minSize
  ) {
    problems.push({
      code: "event_team_size_invalid",
      params: { min: team.minSize, max: team.maxSize },
    });
  }
  if (!Number.isInteger(team.substitutes) || team.substitutes < 0) {
    problems.push({
      code: "event_team_substitutes_invalid",
      params: { substitutes: team.substitutes },
    });
  }
  return problems;
}

function capacityProblems(event: EventDefinition): EventProblem[] {
  const problems: EventProblem[] = [];
  const quota = event.quotaPerOrg ?? null;
  const cap = event.overallCap ?? null;
  if (quota !== null && !isPositiveInt(quota))
    problems.push({ code: "event_quota_invalid", params: { quota } });
  if (cap !== null && !isPositiveInt(cap))
    problems.push({ code: "event_cap_invalid", params: { cap } });
  if (quota !== null && cap !== null && isPositiveInt(quota) && isPositiveInt(cap) && quota > cap) {
    problems.push({ code: "event_quota_exceeds_cap", params: { quota, cap } });
  }
  return problems;
}

function eligibilityProblems(event: EventDefinition): EventProblem[] {
  const problems: EventProblem[] = [];
  const { minAge, maxAge, tradeMustMatch } = event.eligibility;
  for (const age of [minAge, maxAge]) {
    if (age != null && (!Number.isInteger(age) || age < 0))
      problems.push({ code: "event_age_invalid", params: { age } });
  }
  if (problems.length === 0) {
    if (minAge != null && minAge < LEGAL_MINIMUM_AGE) {
      problems.push({
        code: "event_age_below_legal_minimum",
        params: { min: minAge, legal: LEGAL_MINIMUM_AGE },
      });
    }
    if (minAge != null && maxAge != null && maxAge < minAge) {
      problems.push({ code: "event_age_range_invalid", params: { min: minAge, max: maxAge } });
    }
  }
  if (tradeMustMatch && (event.tradeCodes ?? []).length === 0) {
    problems.push({ code: "event_trade_codes_missing", params: {} });
  }
  return problems;
}

function roundProblems(rounds: readonly RoundDefinition[]): EventProblem[] {
  if (rounds.length === 0) return [{ code: "event_no_rounds", params: {} }];
  const problems: EventProblem[] = [];
  const seen = new Set<RoundStage>();
  let lastIndex = -1;
  for (const round of rounds) {
    const index = ROUND_STAGES.indexOf(round.stage);
    if (seen.has(round.stage))
      problems.push({ code: "event_round_duplicate", params: { stage: round.stage } });
    else if (index < lastIndex)
      problems.push({ code: "event_round_order", params: { stage: round.stage } });
    seen.add(round.stage);
    lastIndex = Math.max(lastIndex, index);

    if (
      round.stage !== "final" &&
      (round.advanceCount == null || !isPositiveInt(round.advanceCount))
    ) {
      problems.push({ code: "event_round_advance_invalid", params: { stage: round.stage } });
    }
    problems.push(...partProblems(round));
  }
  if (!seen.has("final")) problems.push({ code: "event_final_missing", params: {} });
  return problems;
}

function partProblems(round: RoundDefinition): EventProblem[] {
  const { stage, parts } = round;
  if (parts.length === 0) return [{ code: "event_round_no_parts", params: { stage } }];
  const problems: EventProblem[] = [];
  const seen = new Set<PartKind>();
  let sum = 0;
  for (const part of parts) {
    if (seen.has(part.kind))
      problems.push({ code: "event_part_duplicate", params: { stage, part: part.kind } });
    seen.add(part.kind);
    if (!Number.isInteger(part.weight) || part.weight < 1 || part.weight > 100) {
      problems.push({
        code: "event_part_weight_invalid",
        params: { stage, part: part.kind, weight: part.weight },
      });
    }
    sum += part.weight;
  }
  if (sum !== 100) problems.push({ code: "event_part_weights_sum", params: { stage, sum } });
  return problems;
}

/** Contest-wide rules an event must also keep. */
export interface ContestRules {
  /** Largest theory share of a round, whole percent (theory-cap.ts); null = no cap. */
  readonly theoryCapPct?: number | null;
}

/** Every problem with an event definition; an empty list means it can be published. */
export function validateEvent(event: EventDefinition, rules: ContestRules = {}): EventProblem[] {
  const problems: EventProblem[] = [];
  if (!EVENT_CODE.test(event.code))
    problems.push({ code: "event_code_invalid", params: { code: event.code } });
  if (!event.name.trim()) problems.push({ code: "event_name_missing", params: {} });
  problems.push(...teamProblems(event), ...capacityProblems(event), ...eligibilityProblems(event));
  problems.push(...roundProblems(event.rounds));
  problems.push(
    ...theoryCapProblems(
      event.rounds.flatMap((r) => r.parts.map((p) => ({ ...p, round: r.stage }))),
      rules.theoryCapPct ?? null,
    ),
  );
  return problems;
}
