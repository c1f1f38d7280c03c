import type { EventDefinition } from "~/domain/contest/events";
import { meetsSkillLevel, type SkillLevel } from "~/domain/contest/skill-levels";
import { ageOn, isIsoDate, type IsoDate } from "~/domain/identity/dates";
import type { Gender } from "~/domain/identity/id-number";
import type { Problem } from "~/domain/identity/result";

export interface WorkerProfile {
  /** Normally derived from the ID number so it cannot be typed in differently. */
  readonly birthDate: IsoDate;
  readonly gender: Gender;
  readonly skillLevel: SkillLevel | null;
  readonly unionMember: boolean;
  readonly tradeCode?: string | null;
}

export type EligibilityProblem =
  | Problem<"age_out_of_range", { min: number; max: number; age: number }>
  | Problem<"age_below_minimum", { min: number; age: number }>
  | Problem<"age_above_maximum", { max: number; age: number }>
  | Problem<"birth_date_invalid", { date: string }>
  | Problem<"skill_level_missing", { required: SkillLevel }>
  | Problem<"skill_level_too_low", { required: SkillLevel; actual: SkillLevel }>
  | Problem<"not_union_member", Record<string, never>>
  | Problem<"gender_not_allowed", { required: Gender }>
  | Problem<"trade_missing", Record<string, never>>
  | Problem<"trade_mismatch", { actual: string }>;

export const ELIGIBILITY_PROBLEM_CODES = Object.keys({
  age_out_of_range: true,
  age_below_minimum: true,
  age_above_maximum: true,
  birth_date_invalid: true,
  skill_level_missing: true,
  skill_level_too_low: true,
  not_union_member: true,
  gender_not_allowed: true,
  trade_missing: true,
  trade_mismatch: true,
} satisfies Record<EligibilityProblem["code"], true>) as EligibilityProblem["code"][];

function ageProblem(
  worker: WorkerProfile,
  min: number | null,
  max: number | null,
  contestDate: IsoDate,
): EligibilityProblem | null {
  if (min === null && max === null) return null;
  if (!isIsoDate(worker.birthDate))
    return { code: "birth_date_invalid", params: { date: worker.birthDate } };
  const age = ageOn(worker.birthDate, contestDate);
  const tooYoung = min !== null && age < min;
  const tooOld = max !== null && age > max;
  if (!tooYoung && !tooOld) return null;
  // With both bounds known, one message naming the whole range reads better than two.
  if (min !== null && max !== null) return { code: "age_out_of_range", params: { min, max, age } };
  if (min !== null) return { code: "age_below_minimum", params: { min, age } };
  return { code: "age_above_maximum", params: { max: max ?? 0, age } };
}

/**
 * Every reason the worker may not enter the event, so an organiser fixes them all in one
 * go. Age is taken on the contest (start) date, not the registration date, because that is
 * how contest rules phrase their limits ("比赛当日年满 18 周岁").
 */
export function checkEligibility(
  worker: WorkerProfile,
  event: Pick<EventDefinition, "eligibility" | "tradeCodes">,
  contestDate: IsoDate,
): EligibilityProblem[] {
  if (!isIsoDate(contestDate)) throw new RangeError(`Invalid contest date: ${contestDate}`);
  const rules = event.eligibility;
  const problems: EligibilityProblem[] = [];

  const age = ageProblem(worker, rules.minAge ?? null, rules.maxAge ?? null, contestDate);
  if (age) problems.push(age);

  const minLevel = rules.minSkillLevel ?? null;
  if (minLevel !== null && !meetsSkillLevel(worker, minLevel)) {
    problems.push(
      worker.skillLevel === null
        ? { code: "skill_level_missing", params: { required: minLevel } }
        : {
            code: "skill_level_too_low",
            params: { required: minLevel, actual: worker.skillLevel },
          },
    );
  }

  if (rules.unionMemberRequired && !worker.unionMember)
    problems.push({ code: "not_union_member", params: {} });

  if (rules.gender != null && worker.gender !== rules.gender) {
    problems.push({ code: "gender_not_allowed", params: { required: rules.gender } });
  }

  if (rules.tradeMustMatch) {
    const trade = worker.tradeCode?.trim() ?? "";
    if (trade === "") problems.push({ code: "trade_missing", params: {} });
    else if (!(event.tradeCodes ?? []).includes(trade))
      problems.push({ code: "trade_mismatch", params: { actual: trade } });
  }
  return problems;
}
