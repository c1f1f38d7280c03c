import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { formatDate, useLocale, useT } from "~/i18n";
import { getPublicContest } from "~/models/contest.server";
import { notFound } from "~/http/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.contest.name} · 匠心` : "匠心" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (code.length > 64) throw notFound();
  const contest = await getPublicContest(code);
  if (!contest) throw notFound();
  return { contest };
}

export default function ContestPage() {
  const { contest } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article aria-labelledby="contest-title">
      <p className="eyebrow">
        {t(`rules.contest_kind.${contest.kind}`)}{" "}
        <StatusBadge status={contest.status} prefix="rules.contest_status" />
      </p>
      <h1 id="contest-title">{contest.name}</h1>
      <p className="muted">{t("home.organiser", { name: contest.organiser.name })}</p>
      {contest.startsAt ? (
        <p>
          {t("home.contest.dates", {
            from: formatDate(locale, contest.startsAt),
            to: formatDate(locale, contest.endsAt),
          })}
        </p>
      ) : null}
      {contest.description ? (
        <section className="section" aria-labelledby="about-title">
          <h2 id="about-title">{t("contest.description")}</h2>
          <p className="prose">{contest.description}</p>
        </section>
      ) : null}
      {contest.rules ? (
        <section className="section" aria-labelledby="rules-title">
          <h2 id="rules-title">{t("contest.rules")}</h2>
          <p className="prose">{contest.rules}</p>
        </section>
      ) : null}
      <section className="section" aria-labelledby="events-title">
        <h2 id="events-title">{t("contest.events")}</h2>
        {contest.events.length === 0 ? (
          <p className="muted">{t("contest.events.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("registration.event")}</th>
                  <th scope="col">{t("event.category")}</th>
                  <th scope="col">{t("event.trade")}</th>
                  <th scope="col">{t("dashboard.counts.registrations")}</th>
                </tr>
              </thead>
              <tbody>
                {contest.events.map((event) => (
                  <tr key={event.id}>
                    <td>
                      {event.name}{" "}
                      <span className="tag">{t(`rules.event_mode.${event.mode}`)}</span>
                    </td>
                    <td>{event.category}</td>
                    <td>{event.trade}</td>
                    <td>{event._count.registrations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <Link to="/">← {t("contest.back")}</Link>
      </p>
    </article>
  );
}
