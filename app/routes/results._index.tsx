import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT, codeLabel } from "~/i18n";
import { listBoardContests } from "~/models/leaderboard.server";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";
import { UserText } from "~/components/user-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.results");

// Public: anyone may read results, no sign-in.
export async function loader(_: LoaderFunctionArgs) {
  return { contests: await listBoardContests() };
}

export default function ResultsIndex() {
  const { contests } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article aria-labelledby="results-title">
      <h1 id="results-title">{t("leaderboard.index.title")}</h1>
      <p className="muted">{t("leaderboard.index.lead")}</p>
      {contests.length === 0 ? (
        <p className="muted">{t("leaderboard.index.empty")}</p>
      ) : (
        <ul className="card-grid">
          {contests.map((c) => (
            <li key={c.code} className="card">
              <p className="eyebrow">{codeLabel(t, "rules.contest_kind", c.kind)}</p>
              <h2>
                <Link to={publicPaths.results(c.code)}>
                  <UserText text={c.name} />
                </Link>
              </h2>
              <p className="muted small">
                {t("leaderboard.eventCount", { count: c._count.events })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
