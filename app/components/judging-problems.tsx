// Judging and scoring problems ({ code, params }) as sentences. Some params carry codes (a
// prize tier, an aggregation rule, a round stage) that are translated before they go into
// the sentence, so "奖项 first" reads "奖项 一等奖".
import { codeLabel, keyOr, useT, type KeyPrefix, type T } from "~/i18n";

export type ShownJudgingProblem = {
  code: string;
  params?: Readonly<Record<string, string | number>>;
};

const CODE_PARAMS: Record<string, KeyPrefix> = {
  tier: "scoring.prize",
  rule: "scoring.rule",
  stage: "rules.round_stage",
};

export function judgingProblemText(t: T, problem: ShownJudgingProblem): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(problem.params ?? {}))
    params[k] = CODE_PARAMS[k] && typeof v === "string" ? codeLabel(t, CODE_PARAMS[k], v) : v;
  return t(keyOr(problem.code), params);
}

/** A list of problems; nothing when there are none. */
export function JudgingProblems({
  problems,
  title,
  tone = "error",
}: {
  problems: readonly ShownJudgingProblem[] | null | undefined;
  title?: string;
  tone?: "error" | "info";
}) {
  const t = useT();
  if (!problems || problems.length === 0) return null;
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : undefined}>
      {title ? <p>{title}</p> : null}
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={i}>{judgingProblemText(t, p)}</li>
        ))}
      </ul>
    </div>
  );
}
