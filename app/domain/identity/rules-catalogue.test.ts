import { describe, expect, it } from "vitest";
import * as contest from "~/domain/contest";
import * as honours from "~/domain/honours";
import * as labour from "~/domain/labour";
import * as quiz from "~/domain/quiz";
import * as registration from "~/domain/registration";
import { placeholderNames } from "~/i18n";
import { rulesMessages } from "~/i18n/messages/rules";
import * as identity from "./index";

// Every `rules.*` key must belong to a problem code or enum value some module exports, so
// messages cannot silently outlive the rule they describe.
const problemCodes: readonly string[] = [
  ...identity.ID_NUMBER_PROBLEM_CODES,
  ...identity.CREDIT_CODE_PROBLEM_CODES,
  ...identity.MOBILE_PHONE_PROBLEM_CODES,
  ...contest.CONTEST_TRANSITION_PROBLEM_CODES,
  ...contest.EVENT_PROBLEM_CODES,
  ...registration.ELIGIBILITY_PROBLEM_CODES,
  ...registration.QUOTA_PROBLEM_CODES,
  ...registration.REVIEW_PROBLEM_CODES,
  ...registration.REGISTRATION_WINDOW_PROBLEM_CODES,
  ...registration.DUPLICATE_REGISTRATION_PROBLEM_CODES,
  ...registration.TEAM_PROBLEM_CODES,
  ...registration.REGISTRATION_TRANSITION_PROBLEM_CODES,
  ...registration.IMPORT_PROBLEM_CODES,
  ...registration.IMPORT_CELL_PROBLEM_CODES,
  ...honours.NOTICE_PERIOD_PROBLEM_CODES,
  ...honours.ROUND_RULE_PROBLEM_CODES,
  ...honours.ROUND_ADVANCE_PROBLEM_CODES,
  ...honours.NOMINATION_PROBLEM_CODES,
  ...honours.OBJECTION_PROBLEM_CODES,
  ...honours.SERIAL_PROBLEM_CODES,
  ...labour.INDICATOR_CONFIG_PROBLEM_CODES,
  ...labour.PERIOD_SCORING_PROBLEM_CODES,
  ...quiz.QUESTION_PROBLEM_CODES,
  ...quiz.DRAW_PROBLEM_CODES,
];

const enums: Record<string, readonly string[]> = {
  contest_kind: contest.CONTEST_KINDS,
  contest_status: contest.CONTEST_STATUSES,
  skill_level: contest.SKILL_LEVELS,
  event_mode: contest.EVENT_MODES,
  round_stage: contest.ROUND_STAGES,
  part_kind: contest.PART_KINDS,
  gender: identity.GENDERS,
  registration_status: registration.REGISTRATION_STATUSES,
  honour_kind: honours.HONOUR_KINDS,
  honour_level: honours.HONOUR_LEVELS,
  recipient_kind: honours.RECIPIENT_KINDS,
  round_state: honours.ROUND_STATES,
  nomination_state: honours.NOMINATION_STATES,
  objection_state: honours.OBJECTION_STATES,
  objection_outcome: honours.OBJECTION_OUTCOMES,
  notice_state: honours.NOTICE_STATES,
  nominee_attribute: honours.NOMINEE_ATTRIBUTES,
  labour_indicator: labour.LABOUR_INDICATORS,
  indicator_method: labour.INDICATOR_METHODS,
  veto_reason: labour.VETO_REASONS,
  question_type: quiz.QUESTION_TYPES,
  answer_outcome: ["correct", "partial", "wrong", "unanswered"] satisfies quiz.AnswerOutcome[],
  quiz_kind: quiz.QUIZ_KINDS,
  quiz_draw_mode: quiz.DRAW_MODES,
  quiz_review_policy: quiz.REVIEW_POLICIES,
  quiz_partial_credit: quiz.PARTIAL_CREDIT_RULES,
};

describe("rules message catalogue", () => {
  const expected = new Set([
    ...problemCodes.map((c) => `rules.${c}`),
    ...Object.entries(enums).flatMap(([name, values]) => values.map((v) => `rules.${name}.${v}`)),
  ]);

  it("problem codes are unique across modules", () => {
    expect(new Set(problemCodes).size).toBe(problemCodes.length);
  });
  it("has exactly the keys the modules need, in both languages", () => {
    expect(new Set(Object.keys(rulesMessages.zh))).toEqual(expected);
    expect(new Set(Object.keys(rulesMessages.en))).toEqual(expected);
  });
  it("uses the same placeholders in both languages", () => {
    const names = placeholderNames;
    const zh: Record<string, string> = rulesMessages.zh;
    const en: Record<string, string> = rulesMessages.en;
    for (const key of expected) expect(names(en[key] ?? ""), key).toEqual(names(zh[key] ?? ""));
  });
});
