import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMark, useT, codeLabel } from "~/i18n";
import { workerEntries } from "~/models/leaderboard.server";
import { requireWorker } from "~/http/session.server";
import stylesHref from "~/styles/leaderboard.css";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.me.results");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  return { entries: await workerEntries(user.workerId) };
}

export default function MyResults() {
  const { entries } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article aria-labelledby="me-results-title">
      <h1 id="me-results-title">{t("leaderboard.me.title")}</h1>
      <p className="muted">{t("leaderboard.me.lead")}</p>
      <p>
        <Link to="/me/receipts">{t("judging.nav.receipts")} →</Link> ·{" "}
        <Link to="/me/certificates">{t("cert.seeAll")} →</Link>
      </p>
      {entries.length === 0 ? (
        <p className="muted">{t("leaderboard.me.empty")}</p>
      ) : (
        <ul className="card-grid">
          {entries.map((e) => {
            const board = publicPaths.eventResults(e.event.contest.code, e.event.code);
            return (
              <li key={e.key} className="card">
                <p className="eyebrow">{e.event.contest.name}</p>
                <h2>{e.event.name}</h2>
                <p>
                  {t("leaderboard.entryNumber")}:{" "}
                  <span className="lb-mono">{e.entryNumber ?? "—"}</span>
                </p>
                {e.rank ? (
                  <p className="lb-mine">
                    {t("leaderboard.me.rank", { rank: e.rank.rank, count: e.ranked })} ·{" "}
                    {t("leaderboard.total")} {formatMark(e.rank.total)}
                    {e.rank.prize ? ` · ${codeLabel(t, "leaderboard.prize", e.rank.prize)}` : ""}
                  </p>
                ) : (
                  <p className="muted">
                    {t(e.hidden ? "leaderboard.me.hidden" : "leaderboard.me.noRank")}
                  </p>
                )}
                <Link
                  className="btn btn--ghost btn--small"
                  to={e.entryNumber ? `${board}?entry=${encodeURIComponent(e.entryNumber)}` : board}
                >
                  {t("leaderboard.viewBoard")}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}
