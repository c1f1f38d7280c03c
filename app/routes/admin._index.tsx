import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { Link, useLoaderData } from "@remix-run/react";
import { StatCards } from "~/components/stat-cards";
import { stackTable } from "~/components/stack-table";
import { StatusBadge } from "~/components/status-badge";
import { formatDate, formatDateTime, useLocale, useT, codeLabel } from "~/i18n";
import { adminOverview } from "~/models/contest.server";
import { organiserTasks } from "~/models/organiser-tasks.server";
import { participationTotals } from "~/models/statistics.server";
import { scopeUnionName } from "~/models/scope.server";
import { requireOrganiser } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const [overview, year, tasks, union] = await Promise.all([
    adminOverview(organiser.scope),
    participationTotals(organiser.scope),
    organiserTasks(organiser.scope),
    scopeUnionName(organiser.scope),
  ]);
  return { ...overview, year, tasks, union };
}

function TaskSection({
  id,
  title,
  count,
  all,
  children,
}: {
  id: string;
  title: string;
  count: number;
  all?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <section className="task card" aria-labelledby={id}>
      <h3 id={id} className="card__title">
        {title} <span className="badge">{count}</span>
      </h3>
      <ul className="plain-list">{children}</ul>
      {all ? (
        <p className="small">
          <Link to={all.to}>{all.label} →</Link>
        </p>
      ) : null}
    </section>
  );
}

export default function AdminHome() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const { tasks } = data;
  const open =
    tasks.review.length +
    tasks.setup.length +
    tasks.readyToLock.length +
    tasks.notices.length +
    tasks.objections.length +
    tasks.labour.length +
    tasks.quizzes.length;
  // The task list counts every entry waiting for review in the scope: the figure below too.
  const waiting = tasks.review.reduce((n, r) => n + r.waiting, 0);
  const yearFigures = `/admin/statistics?year=${data.year.year}`;
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t("dashboard.admin.title")}</h1>
      <p className="muted">
        {t("federation.home.scope", { union: data.union ?? t("federation.organisers.platform") })}
      </p>

      <h2 id="tasks-title">{t("federation.tasks.title")}</h2>
      {open === 0 ? <p className="muted">{t("federation.tasks.none")}</p> : null}
      <div className="card-grid" aria-labelledby="tasks-title">
        {tasks.review.length > 0 ? (
          <TaskSection id="task-review" title={t("federation.tasks.review")} count={waiting}>
            {tasks.review.map((r) => (
              <li key={r.id}>
                <Link to={`/admin/contests/${r.id}/registrations?status=submitted`}>
                  {t("federation.tasks.reviewOne", { contest: r.name, count: r.waiting })}
                </Link>
                {r.flagged > 0 ? (
                  <>
                    {" "}
                    <Link
                      className="badge badge--rejected"
                      to={`/admin/contests/${r.id}/registrations?status=submitted&flag=problems`}
                    >
                      {t("federation.tasks.flagged", { count: r.flagged })}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </TaskSection>
        ) : null}
        {tasks.setup.length > 0 ? (
          <TaskSection
            id="task-setup"
            title={t("federation.tasks.setup")}
            count={tasks.setup.length}
            all={{ to: "/admin/judging?need=setup", label: t("federation.tasks.showAll") }}
          >
            {tasks.setup.map((e) => (
              <li key={e.id}>
                <Link
                  to={e.noScheme ? `/admin/events/${e.id}/scheme` : `/admin/events/${e.id}/judges`}
                >
                  {e.contest.name} · {e.name}
                </Link>
                <span className="muted small">
                  {" "}
                  {[
                    e.noJudges ? t("federation.tasks.noJudges") : null,
                    e.noChief ? t("federation.tasks.noChief") : null,
                    e.noScheme ? t("federation.tasks.noScheme") : null,
                  ]
                    .filter(Boolean)
                    .join(t("punct.list"))}
                </span>
              </li>
            ))}
          </TaskSection>
        ) : null}
        {tasks.readyToLock.length > 0 ? (
          <TaskSection
            id="task-lock"
            title={t("federation.tasks.readyToLock")}
            count={tasks.readyToLock.length}
            all={{ to: "/admin/judging?ready=lock", label: t("federation.tasks.showAll") }}
          >
            {tasks.readyToLock.map((e) => (
              <li key={e.id}>
                <Link to={`/admin/events/${e.id}/audit`}>
                  {e.contest.name} · {e.name}
                </Link>
                <span className="muted small">
                  {" "}
                  {t("federation.tasks.completeOf", { count: e.entries })}
                </span>
              </li>
            ))}
          </TaskSection>
        ) : null}
        {tasks.notices.length > 0 ? (
          <TaskSection
            id="task-notices"
            title={t("federation.tasks.notices")}
            count={tasks.notices.length}
            all={{ to: "/admin/honours?notice=ending", label: t("federation.tasks.showRounds") }}
          >
            {tasks.notices.map((n) => (
              <li key={`${n.kind}${n.id}`}>
                <Link to={n.href}>{n.name}</Link>
                <span className="muted small">
                  {" "}
                  {t("federation.tasks.noticeEnds", { date: formatDate(locale, n.endsAt) })}
                </span>
              </li>
            ))}
          </TaskSection>
        ) : null}
        {tasks.objections.length > 0 ? (
          <TaskSection
            id="task-objections"
            title={t("federation.tasks.objections")}
            count={tasks.objections.reduce((n, o) => n + o.open, 0)}
            all={{ to: "/admin/honours?objections=open", label: t("federation.tasks.showAll") }}
          >
            {tasks.objections.map((o) => (
              <li key={o.id}>
                <Link to={`/admin/honours/${o.id}`}>
                  {t("federation.tasks.objectionsOne", { round: o.name, count: o.open })}
                </Link>
              </li>
            ))}
          </TaskSection>
        ) : null}
        {tasks.labour.length > 0 ? (
          <TaskSection
            id="task-labour"
            title={t("federation.tasks.labour")}
            count={tasks.labour.length}
            all={{ to: "/admin/labour?missing=1", label: t("federation.tasks.showAll") }}
          >
            {tasks.labour.map((p) => (
              <li key={p.id}>
                <Link to={`/admin/labour/${encodeURIComponent(p.contestCode)}/periods/${p.id}`}>
                  {p.contestName} ·{" "}
                  {t("federation.tasks.labourMissingOne", {
                    period: p.name,
                    count: p.missing,
                    date: formatDate(locale, p.endsOn),
                  })}
                </Link>
              </li>
            ))}
          </TaskSection>
        ) : null}
        {tasks.quizzes.length > 0 ? (
          <TaskSection
            id="task-quizzes"
            title={t("federation.tasks.quizzes")}
            count={tasks.quizzes.length}
            all={{ to: "/admin/quiz?closing=week", label: t("federation.tasks.showAll") }}
          >
            {tasks.quizzes.map((q) => (
              <li key={q.id}>
                <Link to={`/admin/quiz/${encodeURIComponent(q.contest.code)}`}>
                  {q.contest.name} · {q.name}
                </Link>
                <span className="muted small">
                  {" "}
                  {t("federation.tasks.quizCloses", { date: formatDateTime(locale, q.closesAt) })}
                </span>
              </li>
            ))}
          </TaskSection>
        ) : null}
      </div>

      <h2>{t("federation.home.figures")}</h2>
      <StatCards
        items={[
          ["dashboard.counts.contests", data.contests, "/admin/contests"],
          ["dashboard.counts.events", data.events, "/admin/judging"],
          ["dashboard.counts.pending", waiting, waiting > 0 ? "#task-review" : undefined],
          ["dashboard.counts.honours", data.honours, "/honours"],
        ]}
      />
      <h3>{t("federation.home.year", { year: data.year.year })}</h3>
      <p className="muted small">{t("federation.home.yearNote")}</p>
      <StatCards
        items={[
          ["federation.stats.entries", data.year.entries, yearFigures],
          ["federation.stats.workers", data.year.workers, yearFigures],
          ["federation.stats.organisations", data.year.organisations, yearFigures],
        ]}
      />
      <p className="form-actions">
        <Link to="/admin/contests" className="btn btn--primary">
          {t("reg.dashboard.contests")}
        </Link>
        <Link to="/admin/statistics" className="btn btn--ghost">
          {t("federation.nav.statistics")}
        </Link>
      </p>
      <h2>{t("dashboard.contests")}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table {...stackTable.table}>
          <thead {...stackTable.rowgroup}>
            <tr {...stackTable.row}>
              <th {...stackTable.columnheader}>{t("registration.contest")}</th>
              <th {...stackTable.columnheader}>{t("registration.status")}</th>
              <th {...stackTable.columnheader}>{t("dashboard.counts.events")}</th>
            </tr>
          </thead>
          <tbody {...stackTable.rowgroup}>
            {data.recent.map((contest) => (
              <tr key={contest.id} {...stackTable.row}>
                <td {...stackTable.cell()}>
                  <Link to={`/admin/contests/${contest.id}`}>{contest.name}</Link>
                  <div className="muted small">
                    {codeLabel(t, "rules.contest_kind", contest.kind)}
                  </div>
                </td>
                <td {...stackTable.cell(t("registration.status"))}>
                  <StatusBadge status={contest.status} prefix="rules.contest_status" />
                </td>
                <td {...stackTable.cell(t("dashboard.counts.events"))}>{contest._count.events}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
