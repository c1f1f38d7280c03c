import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrganisationStandings } from "~/components/leaderboard-table";
import { useT } from "~/i18n";
import { eventStandings } from "~/models/leaderboard.server";
import { resolveBoard } from "~/http/leaderboard-request.server";
import stylesHref from "~/styles/leaderboard.css";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

const PER_PAGE = 100;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.results.standings", data?.event.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, view } = await resolveBoard(request, params);
  const page = Math.max(
    0,
    Math.min(10_000, Number(new URL(request.url).searchParams.get("page")) || 0),
  );
  // Standings are maintained live: the public gets none while the board is frozen or unpublished.
  const rows = await eventStandings(event.id, view, page * PER_PAGE, PER_PAGE);
  return { event, rows, page, more: rows.length === PER_PAGE, hidden: view.hidden };
}

export default function EventStandings() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article aria-labelledby="standings-title">
      <p className="eyebrow">
        <Link to={publicPaths.eventResults(d.event.contest.code, d.event.code)}>
          {d.event.name}
        </Link>
      </p>
      <h1 id="standings-title">{t("leaderboard.standings")}</h1>
      <p className="muted">{t("leaderboard.standings.lead", { n: d.event.standingsBestN })}</p>
      {d.rows.length === 0 ? (
        <p className="muted">
          {t(d.hidden ? "leaderboard.hidden" : "leaderboard.standings.empty")}
        </p>
      ) : (
        <OrganisationStandings
          rows={d.rows}
          orgHref={(id) => publicPaths.organisationResults(d.event.contest.code, id)}
        />
      )}
      <nav className="lb-pager" aria-label={t("leaderboard.next")}>
        {d.page > 0 ? <Link to={`?page=${d.page - 1}`}>←</Link> : null}
        {d.more ? (
          <Link to={`?page=${d.page + 1}`} rel="next">
            {t("leaderboard.next")}
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
