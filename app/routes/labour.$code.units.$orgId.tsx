import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FlagIcon, LabourTrendChart } from "~/components/labour-trend-chart";
import { formatMark, useT } from "~/i18n";
import { getLabourContest, labourUnit } from "~/models/labour.server";
import { notFound } from "~/http/session.server";
import labourStyles from "~/styles/labour.css";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: labourStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.unit.name);

// Public like the board it belongs to.
export async function loader({ params }: LoaderFunctionArgs) {
  const contest = await getLabourContest(params.code ?? "");
  const orgId = idParam(params.orgId);
  if (!contest) throw notFound();
  const unit = await labourUnit(contest, orgId);
  if (!unit) throw notFound();
  return { contest: { code: contest.code, name: contest.name }, unit, orgId };
}

export default function LabourUnitPage() {
  const { contest, unit, orgId } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article aria-labelledby="unit-title" className="labour">
      <p className="eyebrow">
        <Link to={`/labour/${encodeURIComponent(contest.code)}`}>{contest.name}</Link>
      </p>
      <h1 id="unit-title">{unit.name}</h1>
      {unit.redFlags.length > 0 ? (
        <section aria-labelledby="flags-title">
          <h2 id="flags-title" className="visually-hidden">
            {t("labour.redFlag.title")}
          </h2>
          <ul className="labour-flags">
            {unit.redFlags.map((name) => (
              <li key={name} className="labour-flag">
                <FlagIcon /> {t("labour.redFlag.holder", { period: name })}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="muted">{t("labour.redFlag.noneYet")}</p>
      )}
      <dl className="stat-cards">
        <div className="stat-card">
          <dt>{t("labour.unit.rank")}</dt>
          <dd>{unit.cumulative ? `${unit.cumulative.rank} / ${unit.units}` : "—"}</dd>
        </div>
        <div className="stat-card">
          <dt>{t("labour.board.average")}</dt>
          <dd>{formatMark(unit.cumulative?.average ?? null)}</dd>
        </div>
        <div className="stat-card">
          <dt>{t("labour.participants.headcount")}</dt>
          <dd>{unit.headcount}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="trend-title">
        <h2 id="trend-title">{t("labour.board.trend")}</h2>
        <LabourTrendChart
          series={unit.series}
          periodNames={unit.periods.map((p) => p.name)}
          unitNames={{ [String(orgId)]: unit.name }}
        />
      </section>
      <section className="section" aria-labelledby="record-title">
        <h2 id="record-title">{t("labour.unit.record")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("labour.periods.name")}</th>
                <th scope="col">{t("labour.ranking.rank")}</th>
                <th scope="col">{t("labour.ranking.score")}</th>
              </tr>
            </thead>
            <tbody>
              {unit.periods.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.name}{" "}
                    {p.redFlag ? (
                      <span title={t("labour.redFlag.title")}>
                        <FlagIcon />
                      </span>
                    ) : null}
                  </td>
                  <td>{p.entry?.rank ?? "—"}</td>
                  <td>
                    {formatMark(p.entry?.score ?? null)}
                    {p.entry?.vetoed ? (
                      <span className="badge badge--rejected">{t("labour.veto.badge")}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
