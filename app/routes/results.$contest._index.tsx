import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrganisationStandings } from "~/components/leaderboard-table";
import { useT } from "~/i18n";
import { contestStandings, findBoardContest, withheldEventIds } from "~/models/leaderboard.server";
import { getUser, managesContest, notFound } from "~/http/session.server";
import { cached } from "~/http/leaderboard-cache.server";
import stylesHref from "~/styles/leaderboard.css";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";
import { UserText } from "~/components/user-text";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.results", data?.contest.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.contest ?? "";
  if (code.length > 64) throw notFound();
  const contest = await findBoardContest(code);
  if (!contest) throw notFound();
  const user = await getUser(request);
  // Organisers of this contest see its unpublished and frozen events as they are.
  const withheld = withheldEventIds(contest.events, await managesContest(user, contest.id));
  // Summed over every event of the contest: computed at most once a second, and again as
  // soon as any of its events' results change.
  const standings = await cached(
    `contest|${contest.id}|${withheld.join(",")}`,
    contest.events.map((e) => e.id),
    () => contestStandings(contest.id, withheld),
  );
  return { contest, standings };
}

export default function ContestBoard() {
  const { contest, standings } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article aria-labelledby="contest-title">
      <p className="eyebrow">{t("leaderboard.index.title")}</p>
      <h1 id="contest-title">
        <UserText text={contest.name} />
      </h1>
      <section className="section" aria-labelledby="events-title">
        <h2 id="events-title">{t("leaderboard.events")}</h2>
        <ul className="card-grid lb-event-list">
          {contest.events.map((event) => (
            <li key={event.id} className="card">
              <h3>
                <Link to={publicPaths.eventResults(contest.code, event.code)}>
                  <UserText text={event.name} />
                </Link>
              </h3>
              <p className="muted small">
                {t(`leaderboard.mode.${event.mode === "team" ? "team" : "individual"}`)} ·{" "}
                <Link to={`${publicPaths.eventResults(contest.code, event.code)}/standings`}>
                  {t("leaderboard.standings")}
                </Link>{" "}
                ·{" "}
                <Link to={`${publicPaths.eventResults(contest.code, event.code)}/screen`}>
                  {t("leaderboard.bigScreen")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="medals-title">
        <h2 id="medals-title">
          {t("leaderboard.standings")} · {t("leaderboard.medals")}
        </h2>
        <p className="muted small">{t("leaderboard.standings.contestLead")}</p>
        {standings.length === 0 ? (
          <p className="muted">{t("leaderboard.standings.empty")}</p>
        ) : (
          <OrganisationStandings
            rows={standings}
            orgHref={(id) => publicPaths.organisationResults(contest.code, id)}
          />
        )}
      </section>
    </article>
  );
}
