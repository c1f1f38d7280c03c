import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HonourLinks, Portrait } from "~/components/honour-links";
import { HonourTimeline } from "~/components/honour-list";
import { formatMark, useT, codeLabel } from "~/i18n";
import { getWorkerHonourPage } from "~/models/honour.server";
import { notFound } from "~/http/session.server";
import honoursStyles from "~/styles/honours.css";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.honours", data?.worker.name);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public: only people who hold an honour have a page; anyone else is simply not found. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = idParam(params.workerId);
  const page = await getWorkerHonourPage(id);
  if (!page) throw notFound();
  return page;
}

export default function WorkerHonours() {
  const { worker, results } = useLoaderData<typeof loader>();
  const t = useT();
  const studios = [
    ...worker.studiosLed.map((s) => ({ ...s, role: t("honours.person.leader") })),
    ...worker.studioMemberships.map((m) => ({ ...m.studio, role: m.role })),
  ];
  return (
    <section aria-labelledby="person-title" className="honours-page">
      <HonourLinks />
      <header className="person-head">
        <Portrait name={worker.name} size="lg" />
        <div>
          <h1 id="person-title">{worker.name}</h1>
          <p className="lead">
            <Link to={`/honours/organisations/${worker.organisation.id}`}>
              {worker.organisation.name}
            </Link>
          </p>
          {worker.position ? (
            <p className="muted">{t("honours.person.position", { position: worker.position })}</p>
          ) : null}
          {worker.trade ? (
            <p className="muted">{t("honours.person.trade", { trade: worker.trade })}</p>
          ) : null}
        </div>
      </header>
      <section className="section" aria-labelledby="person-honours">
        <h2 id="person-honours">{t("honours.person.honours")}</h2>
        <HonourTimeline awards={worker.honours} />
      </section>
      {studios.length > 0 ? (
        <section className="section" aria-labelledby="person-studios">
          <h2 id="person-studios">{t("honours.person.studios")}</h2>
          <ul className="plain-list">
            {studios.map((s) => (
              <li key={`${s.id}-${s.role}`}>
                <Link to={`/honours/studios/${s.id}`}>{s.name}</Link>{" "}
                <span className="muted small">
                  · {s.field} · {s.role}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="person-results">
        <h2 id="person-results">{t("honours.person.results")}</h2>
        {results.length === 0 ? (
          <p className="muted">{t("honours.person.results.empty")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("honours.result.event")}</th>
                  <th scope="col">{t("honours.result.rank")}</th>
                  <th scope="col">{t("honours.result.total")}</th>
                  <th scope="col">{t("honours.result.prize")}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.registrationId}>
                    <td>
                      <Link to={`/contests/${encodeURIComponent(r.event.contest.code)}`}>
                        {r.event.contest.name}
                      </Link>
                      <div className="muted small">{r.event.name}</div>
                    </td>
                    <td>{r.rank ? t("honours.result.rankValue", { rank: r.rank }) : "—"}</td>
                    <td>{formatMark(r.total)}</td>
                    <td>{r.prize ? codeLabel(t, "honours.prize", r.prize) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
