import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/form-fields";
import { BarChart, ColumnChart, ShareBar } from "~/components/stat-charts";
import { StatCards } from "~/components/stat-cards";
import { UnionOptions } from "~/components/union-options";
import { codeLabel, formatShare, translate, useT } from "~/i18n";
import { localeOf, pageTitle } from "~/i18n/page-title";
import { notFound, requireOrganiser } from "~/http/session.server";
import { statsRequest } from "~/http/statistics-request.server";
import { statsUnionChoices, yearInNumbers } from "~/models/statistics.server";
import statisticsStyles from "~/styles/statistics.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: statisticsStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(
    matches,
    "title.admin.statistics",
    data ? (data.target.name ?? translate(localeOf(matches), "federation.stats.platform")) : null,
    data ? String(data.target.year) : null,
  );

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const target = await statsRequest(organiser.scope, request);
  if (!target) throw notFound();
  const [figures, unions] = await Promise.all([
    yearInNumbers(target),
    statsUnionChoices(organiser.scope),
  ]);
  return {
    target: { unionId: target.unionId, name: target.name, year: target.year },
    platform: organiser.scope.kind === "platform",
    unions,
    ...figures,
  };
}

const PRIZES = ["firstPrizes", "secondPrizes", "thirdPrizes", "meritPrizes"] as const;
const PRIZE_TIER = {
  firstPrizes: "first",
  secondPrizes: "second",
  thirdPrizes: "third",
  meritPrizes: "merit",
} as const;

export default function Statistics() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const { participation: p, honours, ratios, labour, quiz } = d;
  const unionName = d.target.name ?? t("federation.stats.platform");
  const query = `union=${d.target.unionId}&year=${d.target.year}`;
  const contests = (extra: string) => `/admin/contests?year=${d.target.year}&${extra}`;
  const prizeTotal = PRIZES.reduce((n, k) => n + p.total[k], 0);
  // A participation figure's rows: each one's counts, key and label, and its list of contests
  // filtered by it (kind=, category=, entrants=, trade=).
  const rowsOf = <R extends Counts>(
    rows: R[],
    of: (r: R) => [key: string, label: string, filter: string],
  ): FigureRow[] =>
    rows.map((r) => {
      const [key, label, filter] = of(r);
      return { ...r, key, label, href: contests(`${filter}=${encodeURIComponent(key)}`) };
    });
  return (
    <article aria-labelledby="stats-title" className="year-in-numbers">
      <p className="eyebrow">{t("federation.nav.statistics")}</p>
      <h1 id="stats-title">
        {t("federation.stats.title", { union: unionName, year: d.target.year })}
      </h1>
      <Form method="get" className="stats-filter">
        <SelectField
          id="stats-union"
          name="union"
          label={t("federation.stats.union")}
          defaultValue={String(d.target.unionId)}
        >
          {d.platform ? <option value="0">{t("federation.stats.platform")}</option> : null}
          <UnionOptions unions={d.unions} />
        </SelectField>
        <SelectField
          id="stats-year"
          name="year"
          label={t("federation.stats.year")}
          defaultValue={String(d.target.year)}
        >
          {d.years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn--ghost">
          {t("federation.stats.show")}
        </button>
        <a className="btn btn--ghost" href={`/admin/statistics.xlsx?${query}`} download>
          {t("federation.stats.xlsx")}
        </a>
        <a className="btn btn--primary" href={`/admin/statistics.pdf?${query}`} download>
          {t("federation.stats.pdf")}
        </a>
      </Form>

      <section aria-labelledby="stats-participation" className="section">
        <h2 id="stats-participation">{t("federation.stats.participation")}</h2>
        <StatCards
          items={[
            ["federation.stats.entries", p.total.entries, contests("")],
            ["federation.stats.workers", p.total.workers],
            ["federation.stats.organisations", p.total.organisations],
          ]}
        />
        {p.total.entries === 0 ? <p className="muted">{t("federation.stats.noEntries")}</p> : null}
        <FigureTable
          caption={t("federation.stats.byKind")}
          head={t("federation.stats.kind")}
          rows={rowsOf(p.byKind, (r) => [
            r.value,
            codeLabel(t, "rules.contest_kind", r.value),
            "kind",
          ])}
        />
        <FigurePair
          title={t("federation.stats.byCategory")}
          summaryKey="federation.stats.byCategorySummary"
          head={t("federation.stats.category")}
          rows={rowsOf(p.byCategory, (r) => [
            r.value,
            r.value || t("federation.stats.uncategorised"),
            "category",
          ])}
        />
        <FigurePair
          title={t("federation.stats.byBranch")}
          summaryKey="federation.stats.byBranchSummary"
          head={t("federation.stats.branch")}
          rows={rowsOf(p.byBranch, (r) => [String(r.id), r.name, "entrants"])}
        />
        {p.byTrade.length > 0 ? (
          <details className="stats-details">
            <summary>{t("federation.stats.byTradeCount", { count: p.byTrade.length })}</summary>
            <FigureTable
              caption={t("federation.stats.byTrade")}
              head={t("federation.stats.trade")}
              rows={rowsOf(p.byTrade, (r) => [
                r.value,
                r.value || t("federation.stats.noTrade"),
                "trade",
              ])}
            />
          </details>
        ) : null}
      </section>

      <section aria-labelledby="stats-honours" className="section">
        <h2 id="stats-honours">{t("federation.stats.prizesAndHonours")}</h2>
        <h3>{t("federation.stats.prizes")}</h3>
        <StatCards
          items={PRIZES.map((k) => [
            `honours.prize.${PRIZE_TIER[k]}`,
            p.total[k],
            contests("status=results_published"),
          ])}
        />
        {prizeTotal === 0 ? <p className="muted">{t("federation.stats.noPrizes")}</p> : null}
        <h3>{t("federation.stats.honours", { count: honours.total })}</h3>
        {honours.byKind.length === 0 ? (
          <p className="muted">{t("federation.stats.noHonours")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <caption>{t("federation.stats.honoursByKind", { year: d.target.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("federation.stats.honourKind")}</th>
                  {honours.levels.map((l) => (
                    <th scope="col" key={l}>
                      {t(`rules.honour_level.${l}`)}
                    </th>
                  ))}
                  <th scope="col">{t("federation.stats.total")}</th>
                </tr>
              </thead>
              <tbody>
                {honours.byKind.map((k) => (
                  <tr key={k.kind}>
                    <th scope="row">
                      <Link to={`/honours?kind=${k.kind}&year=${d.target.year}`}>
                        {t(`rules.honour_kind.${k.kind}`)}
                      </Link>
                    </th>
                    {k.byLevel.map((n, i) => (
                      <td key={honours.levels[i]}>
                        {n > 0 ? (
                          <Link
                            to={`/honours?kind=${k.kind}&level=${honours.levels[i]}&year=${d.target.year}`}
                          >
                            {n}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </td>
                    ))}
                    <td>{k.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ColumnChart
          title={t("federation.stats.honoursTrend")}
          summary={t("federation.stats.honoursTrendSummary", {
            from: honours.trend[0]!.year,
            to: d.target.year,
            total: honours.trend.reduce((n, y) => n + y.total, 0),
          })}
          columns={honours.trend.map((y) => ({
            label: String(y.year),
            value: y.total,
            current: y.year === d.target.year,
          }))}
        />
        <h3>{t("federation.stats.ratios", { count: ratios.people })}</h3>
        {ratios.people === 0 ? (
          <p className="muted">{t("federation.stats.noRatios")}</p>
        ) : (
          <ul className="stats-ratios">
            {ratios.shares.map((s) => {
              const check = ratios.checks.find(
                (c) =>
                  (c.rule.kind === "min_share" || c.rule.kind === "max_share") &&
                  c.rule.attribute === s.attribute,
              );
              const text = t("federation.stats.share", {
                attribute: t(`rules.nominee_attribute.${s.attribute}`),
                share: formatShare(s.share),
                count: s.count,
                total: s.total,
              });
              return (
                <li key={s.attribute}>
                  <span>{text}</span>
                  <ShareBar
                    label={text}
                    share={s.share}
                    threshold={check?.required}
                    status={check?.status}
                  />
                  {check ? (
                    <span
                      className={
                        check.status === "pass" ? "badge badge--approved" : "badge badge--rejected"
                      }
                    >
                      {t(
                        check.rule.kind === "min_share"
                          ? "federation.stats.ruleMin"
                          : "federation.stats.ruleMax",
                        { percent: formatShare(check.required) },
                      )}{" "}
                      {t(
                        check.status === "pass" ? "federation.stats.pass" : "federation.stats.warn",
                      )}
                    </span>
                  ) : s.total < ratios.people ? (
                    <span className="muted small">
                      {t("federation.stats.recordedFor", { count: s.total })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="stats-labour" className="section">
        <h2 id="stats-labour">{t("federation.stats.labour")}</h2>
        <StatCards
          items={[
            ["federation.stats.labourContests", labour.contests.length, "/admin/labour"],
            ["federation.stats.labourUnits", labour.units],
            ["federation.stats.labourWorkers", labour.workers],
            ["federation.stats.redFlags", labour.redFlags],
          ]}
        />
        {labour.contests.length === 0 ? (
          <p className="muted">{t("federation.stats.noLabour")}</p>
        ) : (
          <>
            <p>
              {t("federation.stats.coverage", {
                units: labour.units,
                enterprises: labour.enterprises,
                share: formatShare(
                  labour.enterprises === 0
                    ? 0
                    : Math.round((labour.units * 10000) / labour.enterprises),
                ),
              })}
            </p>
            <div className="table-wrap" tabIndex={0}>
              <table className="table">
                <caption>{t("federation.stats.labourTable")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("federation.stats.labourContest")}</th>
                    <th scope="col">{t("federation.stats.labourUnits")}</th>
                    <th scope="col">{t("federation.stats.labourWorkers")}</th>
                    <th scope="col">{t("federation.stats.periods")}</th>
                    <th scope="col">{t("federation.stats.redFlags")}</th>
                    <th scope="col">{t("federation.stats.vetoes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {labour.contests.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/admin/labour/${encodeURIComponent(c.code)}`}>{c.name}</Link>
                      </th>
                      <td>{c.units}</td>
                      <td>{c.workers.toLocaleString()}</td>
                      <td>
                        {t("federation.stats.periodsClosed", {
                          closed: c.closed,
                          total: c.periods,
                        })}
                      </td>
                      <td className="small">
                        {c.redFlags.length === 0
                          ? "—"
                          : c.redFlags.map((f, i) => (
                              <span key={f.organisationId}>
                                {i > 0 ? t("punct.list") : ""}
                                <Link
                                  to={`/labour/${encodeURIComponent(c.code)}/units/${f.organisationId}`}
                                >
                                  {f.name}
                                </Link>
                                {f.count > 1 ? ` ×${f.count}` : ""}
                              </span>
                            ))}
                      </td>
                      <td>{c.vetoes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="stats-quiz" className="section">
        <h2 id="stats-quiz">{t("federation.stats.quiz")}</h2>
        {quiz.quizzes.length === 0 ? (
          <p className="muted">{t("federation.stats.noQuiz")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <caption>{t("federation.stats.quizTable")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("federation.stats.quizName")}</th>
                  <th scope="col">{t("federation.stats.participants")}</th>
                  <th scope="col">{t("federation.stats.attempts")}</th>
                  <th scope="col">{t("federation.stats.headcount")}</th>
                  <th scope="col">{t("federation.stats.rate")}</th>
                </tr>
              </thead>
              <tbody>
                {quiz.quizzes.map((q) => {
                  const rate = t("federation.stats.rateOf", {
                    name: q.name,
                    share: formatShare(q.rate),
                  });
                  return (
                    <tr key={q.id}>
                      <th scope="row">
                        <Link to={`/quiz/${q.id}/leaderboard`}>{q.name}</Link>
                        <div className="muted small">
                          <Link to={`/admin/quiz/${encodeURIComponent(q.contest.code)}`}>
                            {q.contest.name}
                          </Link>
                        </div>
                      </th>
                      <td>{q.participants.toLocaleString()}</td>
                      <td>{q.attempts.toLocaleString()}</td>
                      <td>{q.headcount.toLocaleString()}</td>
                      <td>
                        {formatShare(q.rate)}
                        <ShareBar label={rate} share={q.rate} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}

type Counts = { entries: number; workers: number; organisations: number };

/** One row of the participation figures: what it counts, where its list is, and the counts. */
type FigureRow = Counts & { key: string; label: string; href: string };

/**
 * The same rows twice: a bar chart of their entries for the eye, and the table with every
 * count for reading and for screen readers. Nothing when there are no rows.
 */
function FigurePair({
  title,
  summaryKey,
  head,
  rows,
}: {
  title: string;
  /** A sentence for the chart: how many rows, and which is the largest. */
  summaryKey: "federation.stats.byCategorySummary" | "federation.stats.byBranchSummary";
  head: string;
  rows: FigureRow[];
}) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <div className="stats-pair">
      <BarChart
        title={title}
        summary={t(summaryKey, { count: rows.length, top: rows[0]!.label })}
        bars={rows.map((r) => ({ label: r.label, value: r.entries, href: r.href }))}
      />
      <FigureTable caption={title} head={head} rows={rows} />
    </div>
  );
}

/** Entries, workers and organisations per row, each row linking to its list. */
function FigureTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: FigureRow[];
}) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t("federation.stats.entries")}</th>
            <th scope="col">{t("federation.stats.workers")}</th>
            <th scope="col">{t("federation.stats.organisations")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <Link to={r.href}>{r.label}</Link>
              </th>
              <td>{r.entries.toLocaleString()}</td>
              <td>{r.workers.toLocaleString()}</td>
              <td>{r.organisations.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
