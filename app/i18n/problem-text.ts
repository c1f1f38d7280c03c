// Domain problems in the user's language. Some params carry codes (a skill level, a status)
// that are translated before they are put into the sentence; see the note in rules.ts.
import { isMessageKey, keyOr, translate, type Locale, type Params, type T } from "~/i18n";

const CODE_PARAMS: Record<string, Record<string, string>> = {
  skill_level_missing: { required: "rules.skill_level" },
  skill_level_too_low: { required: "rules.skill_level", actual: "rules.skill_level" },
  gender_not_allowed: { required: "rules.gender" },
  registration_transition_not_allowed: {
    from: "rules.registration_status",
    to: "rules.registration_status",
  },
  contest_transition_not_allowed: { from: "rules.contest_status", to: "rules.contest_status" },
  quiz_question_correct_count: { type: "rules.question_type" },
  quiz_category_type_too_few: { type: "rules.question_type" },
};

export type ShownProblem = {
  code: string;
  params?: Readonly<Record<string, unknown>>;
  subject?: string;
};

/**
 * A problem as a sentence. Its code is a model's keyed problem's message key
 * (`rules.gender_not_allowed`, `reg.problem.identity_same_quiz`) or a bare domain code
 * (`gender_not_allowed`, looked up under `rules.` then `reg.problem.`); a keyed problem about
 * a named thing carries the name in `params.subject`.
 */
export function problemText(locale: Locale, problem: ShownProblem): string {
  return sentence((key, params) => translate(locale, key, params), problem);
}

function sentence(tr: T, problem: ShownProblem): string {
  const params: Record<string, string | number> = {};
  const bare = problem.code.replace(/^(rules|reg\.problem)\./, "");
  const enums = CODE_PARAMS[bare] ?? {};
  for (const [k, v] of Object.entries(problem.params ?? {})) {
    if (v === null || v === undefined) continue;
    const value = typeof v === "number" ? v : String(v);
    const prefix =
      enums[k] ?? (k === "stage" ? "rules.round_stage" : k === "part" ? "rules.part_kind" : null);
    const named = prefix ? `${prefix}.${value}` : null;
    params[k] = isMessageKey(named) ? tr(named) : value;
  }
  // Codes come from the domain as strings, so the key is checked; an unknown code reads as a
  // generic sentence, never as a raw key.
  const rulesKey = `rules.${bare}`;
  const regKey = `reg.problem.${bare}`;
  const key = isMessageKey(problem.code)
    ? problem.code
    : isMessageKey(rulesKey)
      ? rulesKey
      : isMessageKey(regKey)
        ? regKey
        : "error.problem_unknown";
  const text = tr(key, params);
  const subject = problem.subject ?? problem.params?.subject;
  return typeof subject === "string" && subject !== "" ? `${subject}：${text}` : text;
}

/**
 * A model's refusal (message keys with their values) as one sentence, for a form's alert;
 * values that are codes (a question type, a round stage) in the user's words.
 */
export function refusalText(
  t: T,
  problems: readonly { code: string; params?: Params }[] | null | undefined,
): string {
  return (problems ?? []).map((p) => sentence(t, p)).join(t("punct.semicolon"));
}

/**
 * A refusal's problems and a form's field errors as sentences side by side, for a page that
 * answers every form in one alert (the honours pages): each is a sentence of its own.
 */
export function failureSentences(
  t: T,
  failure: {
    problems: readonly { code: string; params?: Params }[];
    errors?: Readonly<Record<string, string>>;
  },
): string {
  return [
    ...failure.problems.map((p) => sentence(t, p)),
    ...Object.values(failure.errors ?? {}).map((key) => t(keyOr(key))),
  ].join(" ");
}
