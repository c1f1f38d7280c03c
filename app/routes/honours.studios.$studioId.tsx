import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HonourLinks } from "~/components/honour-links";
import { useT, codeLabel } from "~/i18n";
import { getStudio } from "~/models/honour.server";
import { notFound } from "~/http/session.server";
import honoursStyles from "~/styles/honours.css";
import { formatWan } from "~/utils/honours-format";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.name);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public page of one studio: people, and what it achieved year by year. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = idParam(params.studioId);
  const studio = await getStudio(id);
  if (!studio) throw notFound();
  return studio;
}

const KINDS = ["patent", "innovation", "training", "savings"] as const;

export default function StudioPage() {
  const studio = useLoaderData<typeof loader>();
  const t = useT();
  const show = (kind: (typeof KINDS)[number], value: number) =>
    kind === "savings" ? formatWan(value) : String(value);
  const peak = Math.max(1, ...studio.byYear.map((y) => y.totals.savings));
  const leaderHonoured = (studio.leader?.honours.length ?? 0) > 0;
  return (
    <section aria-labelledby="studio-title" className="honours-page">
      <HonourLinks />
      <p className="eyebrow">
        {studio.field}
        {studio.namedYear ? ` · ${t("honours.studio.namedYear", { year: studio.namedYear })}` : ""}
      </p>
      <h1 id="studio-title">{studio.name}</h1>
      <p className="lead">
        {t("honours.studio.host")}
        {t("punct.colon")}
        <Link to={`/honours/organisations/${studio.hostOrganisation.id}`}>
          {studio.hostOrganisation.name}
        </Link>
      </p>
      <p>
        {t("honours.studio.leader")}
        {t("punct.colon")}
        {leaderHonoured && studio.leaderWorkerId ? (
          <Link to={`/honours/workers/${studio.leaderWorkerId}`}>{studio.leaderName}</Link>
        ) : (
          studio.leaderName
        )}
      </p>
      {studio.description ? <p className="muted">{studio.description}</p> : null}
      <dl className="stat-cards">
        {KINDS.map((k) => (
          <div key={k} className="stat-card">
            <dt>{t(`honours.studio.kind.${k}`)}</dt>
            <dd>{show(k, studio.totals[k])}</dd>
          </div>
        ))}
      </dl>
      <section className="section" aria-labelledby="studio-years">
        <h2 id="studio-years">{t("honours.studio.achievements")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("honours.studio.year")}</th>
                {KINDS.map((k) => (
                  <th key={k} scope="col">
                    {t(`honours.studio.kind.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {studio.byYear.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  {KINDS.map((k) => (
                    <td key={k}>
                      {k === "savings" ? (
                        <span className="savings-bar">
                          <span
                            style={{ width: `${Math.round((y.totals.savings / peak) * 100)}%` }}
                          />
                          {show(k, y.totals[k])}
                        </span>
                      ) : (
                        show(k, y.totals[k])
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ol className="honour-timeline">
          {studio.achievements.map((a) => (
            <li key={a.id}>
              <p className="honour-timeline__year">{a.year}</p>
              <div>
                <p className="honour-timeline__title">{a.title}</p>
                <p className="muted small">
                  {codeLabel(t, "honours.studio.kind", a.kind)}
                  {t("punct.colon")}
                  {a.kind === "savings" ? formatWan(a.quantity) : a.quantity}
                </p>
                {a.description ? <p>{a.description}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      </section>
      <section className="section" aria-labelledby="studio-members">
        <h2 id="studio-members">{t("honours.studio.members")}</h2>
        <ul className="member-list">
          <li>
            <strong>{studio.leaderName}</strong>{" "}
            <span className="muted small">{t("honours.studio.leader")}</span>
          </li>
          {studio.members.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong> <span className="muted small">{m.role}</span>
            </li>
          ))}
        </ul>
      </section>
      {studio.honours.length > 0 ? (
        <section className="section" aria-labelledby="studio-honours">
          <h2 id="studio-honours">{t("honours.studio.honours")}</h2>
          <ul className="plain-list">
            {studio.honours.map((h) => (
              <li key={h.id}>
                {h.year} · {codeLabel(t, "rules.honour_level", h.level)}
                {codeLabel(t, "rules.honour_kind", h.kind)} · {h.conferringBody}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
