// A competitor's score receipt (成绩回执) and appeal decisions, shared by the worker's and
// the organisation manager's pages. Judges appear only as 裁判1, 裁判2 …
import type { AppealDecisionRecord } from "~/domain/judging/appeal-decision";
import {
  formatStandardised,
  standardisedUnits,
  type Receipt,
  type ReceiptCriterion,
} from "~/domain/scoring";
import { stackTable } from "~/components/stack-table";
import { formatMark, useT, codeLabel, type T } from "~/i18n";

type Names = { criterionNames: Record<string, string>; partNames: Record<string, string> };

function markText(mark: number | null, rule: string): string {
  if (mark === null) return "—";
  return rule === "worldskills" ? String(mark) : formatMark(mark);
}

/**
 * A mean as a person writes it: the marks it was taken of, added and divided by their count
 * ("(8.00 + 9.00 + 7.00) ÷ 3 = 8.00"), or, when one mark is left, that mark itself, without
 * parentheses or "÷ 1".
 */
export function meanFormulaText(t: T, c: ReceiptCriterion): string | null {
  const formula = c.formula;
  if (c.value === null || (formula?.rule !== "mean" && formula?.rule !== "trimmed_mean"))
    return null;
  const value = formatMark(c.value);
  if (formula.count === 1) return t(`scoring.formula.${formula.rule}_one`, { value });
  const used = c.judges.flatMap((j) =>
    j.status === "used" && j.mark !== null ? [formatMark(j.mark)] : [],
  );
  // The receipt lists what the rule used; the sum stands in should the two ever differ.
  const marks = used.length === formula.count ? used.join(" + ") : formatMark(formula.sum);
  return t(`scoring.formula.${formula.rule}`, { marks, count: formula.count, value });
}

/** WorldSkills points as added up: "(3 + 2 + 2)", or the one figure when there is one. */
export function worldskillsPointsText(c: ReceiptCriterion): string {
  const points = c.formula?.rule === "worldskills" ? c.formula.points : 0;
  const used = c.judges.flatMap((j) => (j.status === "used" && j.mark !== null ? [j.mark] : []));
  const sum = used.reduce((a, b) => a + b, 0);
  return used.length > 1 && sum === points ? `(${used.join(" + ")})` : String(points);
}

export function ScoreReceipt({
  receipt,
  criterionNames,
  partNames,
  standardisation,
  recheck,
}: Names & {
  receipt: Receipt;
  standardisation: string;
  /** The recheck (复核) the entry had before the results were locked. */
  recheck?: { reason: string; differences: number } | null;
}) {
  const t = useT();
  return (
    <div className="section">
      {recheck ? (
        <p className="alert alert--info">
          {t("recheck.receipt.done", {
            reason: codeLabel(t, "recheck.reason", recheck.reason),
            n: recheck.differences,
          })}
        </p>
      ) : null}
      <div className="stat-cards receipt-stats">
        <div className="stat-card stat-card--wide">
          <div className="muted small">{t("scoring.receipt.total")}</div>
          <div className="receipt-total">
            {t("scoring.receipt.total_of", {
              total: formatMark(receipt.total),
              fullMark: formatMark(receipt.eventFullMark),
            })}
          </div>
        </div>
        <div className="stat-card stat-card--wide">
          <div className="muted small">{t("scoring.receipt.rank")}</div>
          <div className="receipt-total">
            {receipt.rank !== null
              ? t("scoring.receipt.rank_of", { rank: receipt.rank, count: receipt.rankedCount })
              : t(`scoring.unranked.${receipt.unrankedReason ?? "incomplete"}`)}
          </div>
        </div>
        <div className="stat-card">
          <div className="muted small">{t("scoring.receipt.prize")}</div>
          <div className="receipt-total">{t(`scoring.prize.${receipt.prize ?? "none"}`)}</div>
        </div>
        <div className="stat-card">
          <div className="muted small">{t("scoring.receipt.standardised")}</div>
          <div className="receipt-total">
            {formatStandardised(
              receipt.standardised === null ? null : standardisedUnits(receipt.standardised),
              receipt.standardisedDecimals,
            )}
          </div>
        </div>
      </div>
      <p className="receipt-plain">
        {receipt.rank !== null
          ? t("scoring.plain.summary", {
              total: formatMark(receipt.total),
              fullMark: formatMark(receipt.eventFullMark),
              rank: receipt.rank,
              count: receipt.rankedCount,
            })
          : t("scoring.plain.summary_unranked", {
              total: formatMark(receipt.total),
              fullMark: formatMark(receipt.eventFullMark),
            })}
      </p>
      {standardisation !== "none" ? (
        <p className="small">{t("scoring.plain.standardised")}</p>
      ) : null}
      <p className="muted small">
        {codeLabel(t, "scoring.standardisation", standardisation)}{" "}
        {receipt.standardisedDecimals > 0
          ? t("scoring.standardised_precision", { decimals: receipt.standardisedDecimals })
          : null}
      </p>
      {receipt.tieBreak ? (
        <p>
          {receipt.tieBreak.tiedOnTotal > 0
            ? t("scoring.receipt.tied_on_total", { n: receipt.tieBreak.tiedOnTotal })
            : t("judging.receipt.no_tie")}
          {receipt.tieBreak.applied.length > 0 ? (
            <>
              {" · "}
              {t("scoring.receipt.tie_breaks_applied")}
              {t("punct.colon")}
              {receipt.tieBreak.applied
                .map((a) =>
                  a.key.kind === "part"
                    ? `${t("scoring.tiebreak.part", { part: partNames[a.key.partId] ?? "" })}${t("punct.paren", { text: formatMark(a.value) })}`
                    : `${t("scoring.tiebreak.criterion", { criterion: criterionNames[a.key.criterionId] ?? "" })}${t("punct.paren", { text: formatMark(a.value) })}`,
                )
                .join(t("punct.comma"))}
            </>
          ) : null}
          {receipt.tieBreak.sharedWith > 0 ? (
            <> · {t("scoring.receipt.shared_rank", { n: receipt.tieBreak.sharedWith })}</>
          ) : null}
        </p>
      ) : null}
      {receipt.parts.map((part) => (
        <div key={part.partId} className="table-wrap section" tabIndex={0}>
          <table {...stackTable.table} className="table table--stack receipt-table">
            <caption>
              {partNames[part.partId]} · {t("scoring.receipt.weight")}{" "}
              {t("scoring.receipt.weight_value", { weight: part.weightBp / 100 })} ·{" "}
              {t("scoring.receipt.part_total")} {formatMark(part.total)} /{" "}
              {formatMark(part.fullMark)} · {t("scoring.receipt.contribution")}{" "}
              {formatMark(part.contribution)}
            </caption>
            <thead {...stackTable.rowgroup}>
              <tr {...stackTable.row}>
                <th {...stackTable.columnheader}>{t("scoring.receipt.criterion")}</th>
                <th {...stackTable.columnheader}>{t("scoring.receipt.max_mark")}</th>
                <th {...stackTable.columnheader}>{t("scoring.receipt.judge_marks")}</th>
                <th {...stackTable.columnheader}>{t("scoring.receipt.rule")}</th>
                <th {...stackTable.columnheader}>{t("scoring.receipt.result")}</th>
              </tr>
            </thead>
            <tbody {...stackTable.rowgroup}>
              {part.criteria.map((c) => (
                <tr key={c.criterionId} {...stackTable.row}>
                  <th {...stackTable.rowheader}>
                    {c.code} {criterionNames[c.criterionId]}
                    <div className="muted small">{t(`scoring.criterion_type.${c.type}`)}</div>
                  </th>
                  <td {...stackTable.cell(t("scoring.receipt.max_mark"))}>
                    {formatMark(c.maxMark)}
                  </td>
                  <td {...stackTable.cell(t("scoring.receipt.judge_marks"))}>
                    {c.type === "measurement"
                      ? markText(c.judges[0]?.mark ?? null, c.rule)
                      : c.judges.map((j) => (
                          <span key={j.judge} className="receipt-mark">
                            {t("scoring.judge_n", { n: j.judge })}{" "}
                            {/* Only the mark is struck out: the reason stays readable. */}
                            <span className={j.status === "dropped" ? "mark-dropped" : undefined}>
                              {markText(j.mark, c.rule)}
                            </span>
                            {j.dropReason ? (
                              <span className="small">
                                {t("punct.paren", { text: t(`scoring.drop.${j.dropReason}`) })}
                              </span>
                            ) : null}
                          </span>
                        ))}
                  </td>
                  <td {...stackTable.cell(t("scoring.receipt.rule"))}>
                    {t(`scoring.rule.${c.rule}`)}
                  </td>
                  <td {...stackTable.cell(t("scoring.receipt.result"))}>
                    <strong>{formatMark(c.value)}</strong>
                    {c.formula?.rule === "worldskills" ? (
                      <>
                        <div className="muted small">
                          {t("scoring.formula.worldskills", {
                            maxMark: formatMark(c.formula.maxMark),
                            points: worldskillsPointsText(c),
                            value: formatMark(c.value),
                          })}
                        </div>
                        <div className="small">
                          {t("scoring.plain.worldskills", {
                            maxMark: formatMark(c.formula.maxMark),
                            points: c.formula.points,
                            value: formatMark(c.value),
                          })}
                        </div>
                      </>
                    ) : c.formula?.rule === "trimmed_mean" || c.formula?.rule === "mean" ? (
                      <div className="muted small">{meanFormulaText(t, c)}</div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">
            {t("scoring.plain.part", {
              total: formatMark(part.total),
              fullMark: formatMark(part.fullMark),
              weight: part.weightBp / 100,
              contribution: formatMark(part.contribution),
            })}
          </p>
        </div>
      ))}
      <p className="muted small">{t("scoring.rounding_note")}</p>
    </div>
  );
}

export function AppealDecision({ decision }: { decision: AppealDecisionRecord }) {
  const t = useT();
  return (
    <div className="card">
      <p>{decision.note}</p>
      <p>
        {t("judging.appeal.rank_change", {
          before: decision.rankBefore ?? "—",
          after: decision.rankAfter ?? "—",
          totalBefore: formatMark(decision.totalBefore),
          totalAfter: formatMark(decision.totalAfter),
        })}
      </p>
      {decision.changedMarks.length > 0 ? (
        <ul>
          {decision.changedMarks.map((m, i) => (
            <li key={i}>
              {t("judging.appeal.changed_mark", {
                criterion: m.criterion,
                judge:
                  m.judgeNo === 0
                    ? t("judging.measurement")
                    : t("scoring.judge_n", { n: m.judgeNo }),
                before: m.before ?? "—",
                after: m.after ?? "—",
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("judging.appeal.no_mark_changes")}</p>
      )}
    </div>
  );
}
