import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HonourLinks } from "~/components/honour-links";
import { HonourTimeline } from "~/components/honour-list";
import { formatMark, useT, codeLabel } from "~/i18n";
import { getOrganisationHonourPage } from "~/models/honour.server";
import { notFound } from "~/http/session.server";
import honoursStyles from "~/styles/honours.css";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.honours", data?.organisation.name);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public page of a unit or collective that holds honours (its own or its people's). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = idParam(params.organisationId);
  const page = await getOrganisationHonourPage(id);
  if (!page) throw notFound();
  return page;
}

export default function OrganisationHonours() {
  const { organisation, own, people, studios, standings, results } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="org-title" className="honours-page">
      <HonourLinks />
      <h1 id="org-title">{organisation.name}</h1>
      {organisation.parent ? <p className="muted">{organisation.parent.name}</p> : null}
      {own.length > 0 ? (
        <section className="section" aria-labelledby="org-own">
          <h2 id="org-own">{t("honours.unit.own")}</h2>
          <HonourTimeline awards={own} />
        </section>
      ) : null}
      {people.length > 0 ? (
        <section className="section" aria-labelledby="org-people">
          <h2 id="org-people">{t("honours.unit.people")}</h2>
          <ul className="plain-list">
            {people.map((p) => (
              <li key={p.id}>
                {p.workerId ? (
                  <Link to={`/honours/workers/${p.workerId}`}>{p.recipientName}</Link>
                ) : (
                  p.recipientName
                )}{" "}
                <span className="muted small">
                  · {p.year} {codeLabel(t, "rules.honour_level", p.level)}
                  {codeLabel(t, "rules.honour_kind", p.kind)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {studios.length > 0 ? (
        <section className="section" aria-labelledby="org-studios">
          <h2 id="org-studios">{t("honours.unit.studios")}</h2>
          <ul className="plain-list">
            {studios.map((s) => (
              <li key={s.id}>
                <Link to={`/honours/studios/${s.id}`}>{s.name}</Link>{" "}
                <span className="muted small">
                  · {s.field} · {s.leaderName}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {standings.length > 0 || results.length > 0 ? (
        <section className="section" aria-labelledby="org-results">
          <h2 id="org-results">{t("honours.unit.standings")}</h2>
          <ul className="plain-list">
            {standings.map((s) => (
              <li key={s.event.id}>
                <Link to={`/contests/${encodeURIComponent(s.event.contest.code)}`}>
                  {s.event.contest.name}
                </Link>{" "}
                · {s.event.name}{" "}
                <span className="muted small">
                  · {formatMark(s.bestNTotal)} · {t("honours.unit.prizes", { count: s.prizes })}
                </span>
              </li>
            ))}
          </ul>
          {results.length > 0 ? (
            <>
              <h3>{t("honours.unit.prizeWinners")}</h3>
              <ul className="plain-list">
                {results.map((r) => (
                  <li key={r.registrationId}>
                    {r.registration.worker?.name ?? r.registration.team?.name} · {r.event.name} ·{" "}
                    {r.prize ? codeLabel(t, "honours.prize", r.prize) : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
