import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT, codeLabel } from "~/i18n";
import { listJudgeAssignments } from "~/models/judging.server";
import { listMyRechecks } from "~/models/recheck.server";
import { requireJudge } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.judge");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireJudge(request);
  return {
    assignments: await listJudgeAssignments(user.id),
    rechecks: await listMyRechecks(user.id),
  };
}

export default function JudgeHome() {
  const { assignments, rechecks } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="judge-title">
      <h1 id="judge-title">{t("dashboard.judge.title")}</h1>
      <p className="muted">{t("dashboard.judge.intro")}</p>
      {rechecks.length > 0 ? (
        <section className="section" aria-labelledby="recheck-tasks-title">
          <h2 id="recheck-tasks-title">{t("recheck.tasks.title")}</h2>
          <ul className="worklist">
            {rechecks.map((r) => (
              <li key={r.id}>
                {/* The action is visible text, not only an aria-label: a link's accessible
                    name must contain what sighted users read (axe label-content-name-mismatch). */}
                <Link to={`/judge/rechecks/${r.id}`}>
                  <span>
                    {t(r.status === "done" ? "recheck.tasks.view" : "recheck.tasks.open")}
                  </span>{" "}
                  <span className="blind-code">{r.registration.blindCode}</span>{" "}
                  <span className="small">{r.event.name}</span>{" "}
                  <span className={`badge badge--${r.status === "done" ? "approved" : "scoring"}`}>
                    {codeLabel(t, "recheck.state", r.status)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {assignments.length === 0 ? (
        <p>{t("dashboard.judge.empty")}</p>
      ) : (
        <ul className="card-grid">
          {assignments.map(({ event, isChief }) => (
            <li key={event.id} className="card">
              <p className="card__eyebrow">{event.contest.name}</p>
              <h2 className="card__title">
                <Link to={`/judge/events/${event.id}`}>{event.name}</Link>
              </h2>
              {isChief ? (
                <span className="badge badge--approved">{t("dashboard.judge.chief")}</span>
              ) : null}
              <p className="card__foot">
                {t("event.entries", { count: event._count.registrations })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
