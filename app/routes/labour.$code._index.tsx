import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FlagIcon, LabourTrendChart } from "~/components/labour-trend-chart";
import { formatMark, useT, codeLabel } from "~/i18n";
import { getLabourContest, labourBoard } from "~/models/labour.server";
import { getUser, managesContest, notFound } from "~/http/session.server";
import labourStyles from "~/styles/labour.css";
import { pageTitle } from "~/i18n/page-title";
import { stackTable } from "~/components/stack-table";
import { UserText } from "~/components/user-text";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: labourStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.contest.name);

// Results boards are public, like the contest pages: unions publish them on their sites.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [user, contest] = await Promise.all([
    getUser(request),
    getLabourContest(params.code ?? ""),
  ]);
  if (!contest) throw notFound();
  const board = await labourBoard(contest);
  return {
    contest: {
      code: contest.code,
      name: contest.name,
      description: contest.description,
      rules: contest.rules,
      indicators: contest.labourIndicators,
    },
    board,
    isAdmin: await managesContest(user, contest.id),
  };
}

export default function LabourBoard() {
  const { contest, board, isAdmin } = useLoaderData<typeof loader>();
  const t = useT();
  const unitNames = Object.fromEntries(board.cumulative.map((c) => [c.unitId, c.name]));
  const perHead = contest.indicators.filter((i) => i.perHead);
  const latest = board.periods[board.periods.length - 1];
  return (
    <article aria-labelledby="board-title" className="labour">
      <p className="eyebrow">{t("rules.contest_kind.labour_competition")}</p>
      <h1 id="board-title">
        <UserText text={contest.name} />
      </h1>
      {contest.description ? <p className="muted">{contest.description}</p> : null}
      {isAdmin ? (
        <p>
          <Link to={`/admin/labour/${encodeURIComponent(contest.code)}`}>
            {t("labour.board.manage")}
          </Link>
        </p>
      ) : null}
      {latest?.redFlagName ? (
        <p className="labour-flag">
          <FlagIcon />{" "}
          {t("labour.redFlag.current", { period: latest.name, name: latest.redFlagName })}
        </p>
      ) : null}

      <section className="section" aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t("labour.indicators.title")}</h2>
        <p>
          {contest.indicators
            .map((i) => `${codeLabel(t, "rules.labour_indicator", i.code)} ${i.weight}%`)
            .join(" · ")}
        </p>
        {perHead.length > 0 ? (
          <p className="muted small">
            {t("labour.board.perHeadNote", {
              names: perHead
                .map((i) => codeLabel(t, "rules.labour_indicator", i.code))
                .join(t("punct.list")),
            })}
          </p>
        ) : null}
        {contest.rules ? <p className="muted small">{contest.rules}</p> : null}
      </section>

      <section className="section" aria-labelledby="cumulative-title">
        <h2 id="cumulative-title">{t("labour.board.cumulative")}</h2>
        {board.cumulative.length === 0 ? (
          <p className="muted">{t("labour.board.noPeriods")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table {...stackTable.table}>
              <thead {...stackTable.rowgroup}>
                <tr {...stackTable.row}>
                  <th {...stackTable.columnheader}>{t("labour.ranking.rank")}</th>
                  <th {...stackTable.columnheader}>{t("labour.participants.unit")}</th>
                  <th {...stackTable.columnheader}>{t("labour.participants.headcount")}</th>
                  <th {...stackTable.columnheader}>{t("labour.board.average")}</th>
                  <th {...stackTable.columnheader}>{t("labour.board.total")}</th>
                  <th {...stackTable.columnheader}>{t("labour.board.redFlags")}</th>
                  <th {...stackTable.columnheader}>{t("labour.board.vetoes")}</th>
                </tr>
              </thead>
              <tbody {...stackTable.rowgroup}>
                {board.cumulative.map((c) => (
                  <tr key={c.unitId} {...stackTable.row}>
                    <td {...stackTable.cell(t("labour.ranking.rank"))}>{c.rank}</td>
                    <td {...stackTable.cell()} className="labour-unit-name stack-title">
                      <Link to={`/labour/${encodeURIComponent(contest.code)}/units/${c.unitId}`}>
                        <UserText text={c.name} />
                      </Link>
                    </td>
                    <td {...stackTable.cell(t("labour.participants.headcount"))}>{c.headcount}</td>
                    <td {...stackTable.cell(t("labour.board.average"))}>{formatMark(c.average)}</td>
                    <td {...stackTable.cell(t("labour.board.total"))}>{formatMark(c.total)}</td>
                    <td {...stackTable.cell(t("labour.board.redFlags"))}>
                      {c.redFlags > 0 ? (
                        <>
                          <FlagIcon /> {c.redFlags}
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td {...stackTable.cell(t("labour.board.vetoes"))}>
                      {c.vetoCount > 0 ? c.vetoCount : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="trend-title">
        <h2 id="trend-title">{t("labour.board.trend")}</h2>
        <LabourTrendChart
          series={board.series}
          periodNames={board.periods.map((p) => p.name)}
          unitNames={unitNames}
        />
      </section>

      <section className="section" aria-labelledby="periods-title">
        <h2 id="periods-title">{t("labour.board.periods")}</h2>
        {[...board.periods].reverse().map((p) => (
          <details key={p.id} className="card" open={p.id === latest?.id}>
            <summary>
              <strong>{p.name}</strong>{" "}
              {p.redFlagName ? (
                <span className="muted small">
                  <FlagIcon /> {p.redFlagName}
                </span>
              ) : (
                <span className="muted small">{t("labour.redFlag.none")}</span>
              )}
            </summary>
            <div className="table-wrap" tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">{p.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("labour.ranking.rank")}</th>
                    <th scope="col">{t("labour.participants.unit")}</th>
                    <th scope="col">{t("labour.ranking.score")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.ranking.map((r) => (
                    <tr key={r.unitId}>
                      <td>{r.rank}</td>
                      <td className="labour-unit-name">
                        <UserText text={r.name} />
                        {r.vetoed ? (
                          <span className="badge badge--rejected">{t("labour.veto.badge")}</span>
                        ) : null}
                        {r.vetoReason ? (
                          <div className="muted small">{t(`labour.veto.${r.vetoReason}`)}</div>
                        ) : null}
                      </td>
                      <td>{formatMark(r.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ))}
      </section>
    </article>
  );
}
