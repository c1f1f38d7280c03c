// Where an event stands on recheck before lock (复核): the rule, the error rate, the sample,
// and every recheck with its reason and state. Shared by the organiser's and the chief
// judge's pages; the chief's page adds the select and assign forms around it.
import type { ReactNode } from "react";
import { formatBasisPoints } from "~/domain/scoring";
import { formatDateTime, useLocale, useT, codeLabel } from "~/i18n";

export type RecheckStatusData = {
  active: boolean;
  config: { topN: number; shareBp: number; errorBp: number };
  /** The plan by its sizes (entries in the top N now, still to select by name, to draw). */
  plan: {
    top: number;
    restCount: number;
    sampleSize: number;
    sampled: number;
    fullReview: boolean;
    toSelect: number;
    toDraw: number;
  };
  rate: { done: number; withDifferences: number; rateBp: number; exceeds: boolean };
  fullReviewAt: string | Date | null;
};

export type RecheckRowData = {
  id: number;
  blindCode: string;
  reason: string;
  status: string;
  differences: number;
  judgeName: string | null;
};

export function RecheckSummary({
  status,
  incomplete = 0,
}: {
  status: RecheckStatusData;
  /** Entries without a total yet: the top N is not known, so nothing can be selected. */
  incomplete?: number | null;
}) {
  const t = useT();
  const locale = useLocale();
  if (!status.active) return <p>{t("recheck.config.off")}</p>;
  const toSelect = status.plan.toSelect + status.plan.toDraw;
  return (
    <div className="card recheck-summary">
      <p>
        {t("recheck.config.summary", {
          top: status.config.topN,
          share: formatBasisPoints(status.config.shareBp),
          error: formatBasisPoints(status.config.errorBp),
        })}
      </p>
      <p>
        {t("recheck.status.rate", {
          done: status.rate.done,
          errors: status.rate.withDifferences,
          rate: formatBasisPoints(status.rate.rateBp),
          threshold: formatBasisPoints(status.config.errorBp),
        })}
      </p>
      <p>
        {t("recheck.status.sample", {
          top: status.config.topN,
          topCount: status.plan.top,
          rest: status.plan.restCount,
          sample: status.plan.sampleSize,
          sampled: status.plan.sampled,
        })}
      </p>
      {status.fullReviewAt ? (
        <p className="alert alert--info">
          {t("recheck.status.full_review", { date: formatDateTime(locale, status.fullReviewAt) })}
        </p>
      ) : null}
      <p>
        <strong>
          {incomplete
            ? t("recheck.select.incomplete", { n: incomplete })
            : toSelect > 0
              ? t("recheck.status.to_select", { n: toSelect })
              : t("recheck.status.all_selected")}
        </strong>
      </p>
    </div>
  );
}

/** The rechecks as a list of cards: readable on a phone without sideways scrolling. */
export function RecheckList({
  rows,
  action,
}: {
  rows: readonly RecheckRowData[];
  action?: (row: RecheckRowData) => ReactNode;
}) {
  const t = useT();
  if (rows.length === 0) return <p className="muted">{t("recheck.none_yet")}</p>;
  return (
    <ul className="recheck-list">
      {rows.map((r) => (
        <li key={r.id} className="card recheck-item">
          <div className="recheck-item__head">
            <span className="blind-code">{r.blindCode}</span>
            <span className={`badge badge--${r.status === "done" ? "approved" : "scoring"}`}>
              {codeLabel(t, "recheck.state", r.status)}
            </span>
          </div>
          <dl className="recheck-item__facts">
            <dt>{t("recheck.col.reason")}</dt>
            <dd>{codeLabel(t, "recheck.reason", r.reason)}</dd>
            <dt>{t("recheck.col.judge")}</dt>
            <dd>{r.judgeName ?? "—"}</dd>
            <dt>{t("recheck.col.differences")}</dt>
            <dd>{r.status === "done" || r.differences > 0 ? r.differences : "—"}</dd>
          </dl>
          {action ? action(r) : null}
        </li>
      ))}
    </ul>
  );
}

export function RecheckDraws({
  draws,
}: {
  /** Candidates as ids (the organiser's page) or as a count (the chief judge's). */
  draws: readonly {
    id: number;
    seed: string;
    candidates: readonly number[] | number;
    count: number;
  }[];
}) {
  const t = useT();
  if (draws.length === 0) return null;
  return (
    <section className="section">
      <h2>{t("recheck.draws.title")}</h2>
      <ul>
        {draws.map((d) => (
          <li key={d.id} className="small">
            {t("recheck.draws.row", {
              id: d.id,
              seed: d.seed,
              candidates: typeof d.candidates === "number" ? d.candidates : d.candidates.length,
              count: d.count,
            })}
          </li>
        ))}
      </ul>
      <p className="muted small">{t("recheck.draws.hint")}</p>
    </section>
  );
}
