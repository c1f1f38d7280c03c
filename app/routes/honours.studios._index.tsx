import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HonourLinks } from "~/components/honour-links";
import { useT } from "~/i18n";
import { listStudios } from "~/models/honour.server";
import honoursStyles from "~/styles/honours.css";
import { formatWan } from "~/utils/honours-format";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.studios");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public list of the named innovation studios. */
export async function loader() {
  return { studios: await listStudios() };
}

export default function Studios() {
  const { studios } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="studios-title" className="honours-page">
      <h1 id="studios-title">{t("honours.studios.title")}</h1>
      <p className="muted">{t("honours.studios.intro")}</p>
      <HonourLinks />
      {studios.length === 0 ? (
        <p className="muted">{t("honours.studios.empty")}</p>
      ) : (
        <ul className="card-grid studio-grid">
          {studios.map((s) => (
            <li key={s.id} className="card studio-card">
              <p className="card__eyebrow">
                {s.field}
                {s.namedYear ? ` · ${t("honours.studio.namedYear", { year: s.namedYear })}` : ""}
              </p>
              <h2 className="card__title">
                <Link to={`/honours/studios/${s.id}`}>{s.name}</Link>
              </h2>
              <p className="muted small">
                {s.hostOrganisation.name} ·{" "}
                {t("punct.labelled", { label: t("honours.studio.leader"), text: s.leaderName })} ·{" "}
                {t("honours.studio.memberCount", { count: s._count.members })}
              </p>
              <dl className="studio-figures">
                <div>
                  <dt>{t("honours.studio.kind.patent")}</dt>
                  <dd>{s.totals.patent}</dd>
                </div>
                <div>
                  <dt>{t("honours.studio.kind.innovation")}</dt>
                  <dd>{s.totals.innovation}</dd>
                </div>
                <div>
                  <dt>{t("honours.studio.kind.training")}</dt>
                  <dd>{s.totals.training}</dd>
                </div>
                <div>
                  <dt>{t("honours.studio.kind.savings")}</dt>
                  <dd>{formatWan(s.totals.savings)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
