// Domain problems in the user's language. Some params carry codes (a skill level, a status)
// that are translated before they are put into the sentence; see the note in rules.ts.
import { messages, translate, type Locale, type Params } from "~/i18n";

const CODE_PARAMS: Record<string, Record<string, string>> = {
  skill_level_missing: { required: "rules.skill_level" },
  skill_level_too_low: { required: "rules.skill_level", actual: "rules.skill_level" },
  gender_not_allowed: { required: "rules.gender" },
  registration_transition_not_allowed: {
    from: "rules.registration_status",
    to: "rules.registration_status",
  },
  contest_transition_not_allowed: { from: "rules.contest_status", to: "rules.contest_status" },
};

export type ShownProblem = {
  code: string;
  params?: Readonly<Record<string, unknown>>;
  subject?: string;
};

export function problemText(locale: Locale, problem: ShownProblem): string {
  const params: Params = {};
  const enums = CODE_PARAMS[problem.code] ?? {};
  for (const [k, v] of Object.entries(problem.params ?? {})) {
    if (v === null || v === undefined) continue;
    const value = typeof v === "number" ? v : String(v);
    if (enums[k]) params[k] = translate(locale, `${enums[k]}.${value}`);
    else if (k === "stage") params[k] = translate(locale, `rules.round_stage.${value}`);
    else if (k === "part") params[k] = translate(locale, `rules.part_kind.${value}`);
    else params[k] = value;
  }
  const key =
    `rules.${problem.code}` in messages.zh
      ? `rules.${problem.code}`
      : `reg.problem.${problem.code}`;
  const text = translate(locale, key, params);
  return problem.subject ? `${problem.subject}：${text}` : text;
}
