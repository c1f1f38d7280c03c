import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrgEventsChart } from "~/components/leaderboard-charts";
import { formatMark, useT } from "~/i18n";
import {
  findBoardContest,
  organisationAcrossEvents,
  withheldEventIds,
} from "~/models/leaderboard.server";
import { getUser, notFound } from "~/http/session.server";
import stylesHref from "~/styles/leaderboard.css";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.organisation.name, data?.contest.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const orgId = idParam(params.orgId);
  const contest = await findBoardContest(params.contest ?? "");
  if (!contest) throw notFound();
  const user = await getUser(request);
  const withheld = withheldEventIds(contest.events, user?.role === "admin");
  const found = await organisationAcrossEvents(contest.id, orgId, withheld);
  if (!found) throw notFound();
  return { contest: { code: contest.code, name: contest.name }, ...found };
}

export default function OrganisationResults() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/results/${encodeURIComponent(d.contest.code)}`;
  return (
    <article aria-labelledby="org-title">
      <p className="eyebrow">
        <Link to={base}>{t("leaderboard.backToContest")}</Link>
      </p>
      <h1 id="org-title">{t("leaderboard.org.title", { org: d.organisation.name })}</h1>
      {d.events.length === 0 ? (
        <p className="muted">{t("leaderboard.org.empty")}</p>
      ) : (
        <>
          <OrgEventsChart
            items={d.events.map((e) => ({
              label: e.event.name,
              value: e.bestNTotal,
              rank: e.rank,
            }))}
          />
          <div className="table-wrap">
            <table className="table lb-table">
              <thead>
                <tr>
                  <th scope="col">{t("leaderboard.events")}</th>
                  <th scope="col" className="lb-num">
                    {t("leaderboard.org.rank")}
                  </th>
                  <th scope="col" className="lb-num">
                    {t("leaderboard.standings.bestN")}
                  </th>
                  <th scope="col" className="lb-num">
                    {t("leaderboard.standings.entries")}
                  </th>
                  <th scope="col" className="lb-num">
                    {t("leaderboard.prize.first")}
                  </th>
                  <th scope="col" className="lb-num">
                    {t("leaderboard.prize.second")}
                  </th>
                  <th scope="col" className="lb-num">
                    {t("leaderboard.prize.third")}
                  </th>
                  <th scope="col" className="lb-num">
                    {t("leaderboard.prize.merit")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.events.map((e) => (
                  <tr key={e.eventId}>
                    <td>
                      <Link
                        to={`${base}/${encodeURIComponent(e.event.code)}?q=${encodeURIComponent(d.organisation.name)}`}
                      >
                        {e.event.name}
                      </Link>
                    </td>
                    <td className="lb-num">{e.rank}</td>
                    <td className="lb-num lb-mono">{formatMark(e.bestNTotal)}</td>
                    <td className="lb-num">{e.entries}</td>
                    <td className="lb-num">{e.firstPrizes}</td>
                    <td className="lb-num">{e.secondPrizes}</td>
                    <td className="lb-num">{e.thirdPrizes}</td>
                    <td className="lb-num">{e.meritPrizes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}
