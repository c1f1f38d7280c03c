import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContestGrid } from "~/components/contest-card";
import { useT, codeLabel } from "~/i18n";
import { listPublicContests, platformStats } from "~/models/contest.server";
import { listFeaturedHonours } from "~/models/honour.server";
import { pageTitle } from "~/i18n/page-title";
import { UserText } from "~/components/user-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.home");

export async function loader(_args: LoaderFunctionArgs) {
  const [contests, stats, honours] = await Promise.all([
    listPublicContests(),
    platformStats(),
    listFeaturedHonours(6),
  ]);
  return { contests, stats, honours };
}

export default function Home() {
  const { contests, stats, honours } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <section className="hero">
        <h1 className="hero__title">{t("home.hero.title")}</h1>
        <p className="hero__body">{t("home.hero.body")}</p>
        <dl className="stats" aria-label={t("home.stats.title")}>
          <div>
            <dt>{t("home.stats.contests")}</dt>
            <dd>{stats.contests}</dd>
          </div>
          <div>
            <dt>{t("home.stats.events")}</dt>
            <dd>{stats.events}</dd>
          </div>
          <div>
            <dt>{t("home.stats.workers")}</dt>
            <dd>{stats.workers.toLocaleString()}</dd>
          </div>
          <div>
            <dt>{t("home.stats.honours")}</dt>
            <dd>{stats.honours}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="contests-title" className="section">
        <h2 id="contests-title">{t("home.contests")}</h2>
        <ContestGrid contests={contests} />
      </section>

      {honours.length > 0 ? (
        <section aria-labelledby="honours-title" className="section">
          <h2 id="honours-title">{t("home.honours")}</h2>
          <ul className="honour-strip">
            {honours.map((h) => (
              <li key={h.id} className="honour-chip">
                <span className="honour-chip__kind">
                  {codeLabel(t, "rules.honour_kind", h.kind)}
                </span>
                <span className="honour-chip__name">
                  <UserText text={h.recipientName} />
                </span>
                <span className="honour-chip__meta">
                  {h.year} · {codeLabel(t, "rules.honour_level", h.level)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="section">
        <Link to="/contests" className="btn btn--ghost">
          {t("nav.contests")} →
        </Link>
      </p>
    </>
  );
}
