import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrgEventsChart } from "~/components/leaderboard-charts";
import { StandingsTable } from "~/components/leaderboard-table";
import { useT } from "~/i18n";
import {
  findBoardContest,
  organisationAcrossEvents,
  withheldEventIds,
} from "~/models/leaderboard.server";
import { getUser, managesContest, notFound } from "~/http/session.server";
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
  const withheld = withheldEventIds(contest.events, await managesContest(user, contest.id));
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
          <StandingsTable
            rows={d.events}
            rowKey={(e) => e.eventId}
            rankHeader={t("leaderboard.org.rank")}
            label={{
              header: t("leaderboard.events"),
              cell: (e) => (
                <Link
                  to={`${base}/${encodeURIComponent(e.event.code)}?q=${encodeURIComponent(d.organisation.name)}`}
                >
                  {e.event.name}
                </Link>
              ),
            }}
          />
        </>
      )}
    </article>
  );
}
