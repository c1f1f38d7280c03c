import type { RuleEvaluation } from "~/domain/honours";
import { translateProblem, useLocale, useT, codeLabel } from "~/i18n";

/** Evaluations arrive over the wire as plain data; only the fields shown are needed. */
type Evaluation = Pick<RuleEvaluation, "status" | "actual" | "required" | "count" | "total"> & {
  rule: RuleEvaluation["rule"];
  problems: readonly { code: string; params: Record<string, unknown> }[];
};

/** The round's quota and ratio rules with their current figures, warnings first in colour. */
export function RuleEvaluationList({
  evaluations,
  title,
}: {
  evaluations: readonly Evaluation[];
  title: string;
}) {
  const t = useT();
  const locale = useLocale();
  // Share problems name the attribute by its code; people read its name.
  const withAttributeName = (p: Evaluation["problems"][number]) =>
    typeof p.params.attribute === "string"
      ? {
          ...p,
          params: {
            ...p.params,
            attribute: codeLabel(t, "rules.nominee_attribute", p.params.attribute),
          },
        }
      : p;
  const label = (e: Evaluation) => {
    const rule = e.rule;
    switch (rule.kind) {
      case "max_total":
        return t("honours.round.rule.max_total", { required: e.required, count: e.count });
      case "max_per_organisation":
        return t("honours.round.rule.max_per_organisation", { required: rule.max ?? "—" });
      case "min_share":
      case "max_share":
        return t(`honours.round.rule.${rule.kind}`, {
          attribute: t(`rules.nominee_attribute.${rule.attribute}`),
          required: rule.percent,
          actual: (e.actual / 100).toFixed(1),
        });
    }
  };
  return (
    <section className="rule-panel" aria-label={title}>
      <h3>{title}</h3>
      <ul className="rule-list">
        {evaluations.map((e, i) => (
          <li key={i} className={`rule rule--${e.status}`}>
            <span className={`badge badge--${e.status === "pass" ? "accepted" : "rejected"}`}>
              {t(`honours.round.rule.${e.status}`)}
            </span>{" "}
            <span>{label(e)}</span>
            {e.problems.length > 0 ? (
              // The alert wraps the list: a role on the <ul> itself would hide its items'
              // list semantics.
              <div role="alert">
                <ul className="rule__problems">
                  {e.problems.map((p, j) => (
                    <li key={j}>{translateProblem(locale, "rules", withAttributeName(p))}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
