import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { formatDate, formatDateTime, useLocale, useT, codeLabel } from "~/i18n";
import { getPublicContest } from "~/models/contest.server";
import { notFound } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";
import { stackTable } from "~/components/stack-table";
import { SentenceWithUserText, UserText, dataLang } from "~/components/user-text";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.contest.name);

// Public, like the boards it leads to: everything but drafts.
export async function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (code.length > 64) throw notFound();
  const contest = await getPublicContest(code);
  if (!contest) throw notFound();
  return { contest };
}

type Contest = Awaited<ReturnType<typeof loader>>["contest"];

/** The places this contest's page leads to, by what the contest has. */
function Destinations({ contest }: { contest: Contest }) {
  const t = useT();
  const links: { to: string; label: string }[] = [];
  if (contest.events.length > 0)
    links.push({ to: publicPaths.results(contest.code), label: t("contest.page.board") });
  if (contest.kind === "labour_competition")
    links.push({ to: publicPaths.labourBoard(contest.code), label: t("contest.page.labourBoard") });
  for (const quiz of contest.quizzes)
    links.push({
      to: publicPaths.quizBoard(quiz.id),
      label: `${quiz.name} · ${t("contest.page.quiz.board")}`,
    });
  for (const notice of contest.notices)
    links.push({ to: publicPaths.notice(notice.id), label: notice.name });
  if (links.length === 0) return null;
  return (
    <nav className="section" aria-labelledby="leads-title">
      <h2 id="leads-title">{t("contest.page.leadsTo")}</h2>
      <ul className="link-list">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label} →</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function EventsSection({ contest }: { contest: Contest }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="section" aria-labelledby="events-title">
      <h2 id="events-title">{t("contest.events")}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table {...stackTable.table}>
          <thead {...stackTable.rowgroup}>
            <tr {...stackTable.row}>
              <th {...stackTable.columnheader}>{t("registration.event")}</th>
              <th {...stackTable.columnheader}>{t("event.category")}</th>
              <th {...stackTable.columnheader}>{t("event.trade")}</th>
              <th {...stackTable.columnheader}>{t("dashboard.counts.registrations")}</th>
              <th {...stackTable.columnheader}>{t("contest.page.eventResults")}</th>
            </tr>
          </thead>
          <tbody {...stackTable.rowgroup}>
            {contest.events.map((event) => (
              <tr key={event.id} {...stackTable.row}>
                <td {...stackTable.cell()}>
                  <UserText text={event.name} />{" "}
                  <span className="tag">{codeLabel(t, "rules.event_mode", event.mode)}</span>
                </td>
                <td {...stackTable.cell(t("event.category"))}>
                  <UserText text={event.category} />
                </td>
                <td {...stackTable.cell(t("event.trade"))}>
                  <UserText text={event.trade} />
                </td>
                <td {...stackTable.cell(t("dashboard.counts.registrations"))}>
                  {event._count.registrations}
                </td>
                <td {...stackTable.cell(t("contest.page.eventResults"))}>
                  {event.status === "published" ? (
                    <span className="small">
                      {event.noticeEndsAt
                        ? t("contest.page.published", {
                            date: formatDate(locale, event.noticeEndsAt),
                          })
                        : t("contest.page.publishedNoNotice")}
                    </span>
                  ) : (
                    // Only whether results are out: "open" and "scoring" differ by a judge's
                    // first save, even a draft, which must not show to anyone else.
                    <span className="muted small">
                      {t(event.status === "locked" ? "contest.page.locked" : "contest.page.notYet")}
                    </span>
                  )}{" "}
                  <Link
                    to={publicPaths.eventResults(contest.code, event.code)}
                    aria-label={`${t("contest.page.eventBoard")} · ${event.name}`}
                  >
                    {t("contest.page.eventBoard")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LabourSection({ contest }: { contest: Contest }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="section" aria-labelledby="periods-title">
      <h2 id="periods-title">{t("contest.page.periods")}</h2>
      <p className="muted">
        {t("contest.page.units", { count: contest._count.labourParticipants })}
      </p>
      {contest.labourPeriods.length === 0 ? (
        <p className="muted">{t("contest.page.periods.empty")}</p>
      ) : (
        <ul className="link-list">
          {contest.labourPeriods.map((p) => (
            <li key={p.id}>
              <UserText text={p.name} /> · {formatDate(locale, p.startsOn)} —{" "}
              {formatDate(locale, p.endsOn)}{" "}
              <span className={`badge badge--${p.status}`}>
                {codeLabel(t, "labour.period.status", p.status)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function QuizSection({ contest }: { contest: Contest }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="section" aria-labelledby="quizzes-title">
      <h2 id="quizzes-title">{t("contest.page.quizzes")}</h2>
      {contest.quizzes.length === 0 ? (
        <p className="muted">{t("contest.page.quizzes.empty")}</p>
      ) : (
        <ul className="card-grid">
          {contest.quizzes.map((q) => (
            <li key={q.id} className="card">
              <h3 className="card__title">
                <UserText text={q.name} />
              </h3>
              <p className="card__meta">
                {t("contest.page.quiz.window", {
                  from: formatDateTime(locale, q.opensAt),
                  to: formatDateTime(locale, q.closesAt),
                })}
              </p>
              <p className="card__meta">
                {t("contest.page.quiz.limit", { minutes: Math.round(q.timeLimitSec / 6) / 10 })}
              </p>
              <p className="card__foot">
                <Link to={publicPaths.quiz(q.id)}>{t("contest.page.quiz.take")}</Link> ·{" "}
                <Link to={publicPaths.quizBoard(q.id)}>{t("contest.page.quiz.board")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function ContestPage() {
  const { contest } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article aria-labelledby="contest-title">
      <p className="eyebrow">
        {codeLabel(t, "rules.contest_kind", contest.kind)}{" "}
        <StatusBadge status={contest.status} prefix="rules.contest_status" />
      </p>
      <h1 id="contest-title">
        <UserText text={contest.name} />
      </h1>
      <p className="muted">
        <SentenceWithUserText
          text={contest.organiser.name}
          sentence={(name) => t("home.organiser", { name })}
        />
      </p>
      {contest.startsAt ? (
        <p>
          {t("home.contest.dates", {
            from: formatDate(locale, contest.startsAt),
            to: formatDate(locale, contest.endsAt),
          })}
        </p>
      ) : null}
      {contest.registrationOpensAt ? (
        <p>
          {t("home.contest.window", {
            from: formatDate(locale, contest.registrationOpensAt),
            to: formatDate(locale, contest.registrationClosesAt),
          })}
        </p>
      ) : null}
      <Destinations contest={contest} />
      {contest.description ? (
        <section className="section" aria-labelledby="about-title">
          <h2 id="about-title">{t("contest.description")}</h2>
          <p className="prose" lang={dataLang(locale, contest.description)}>
            {contest.description}
          </p>
        </section>
      ) : null}
      {contest.rules ? (
        <section className="section" aria-labelledby="rules-title">
          <h2 id="rules-title">{t("contest.rules")}</h2>
          <p className="prose" lang={dataLang(locale, contest.rules)}>
            {contest.rules}
          </p>
        </section>
      ) : null}
      {contest.kind === "labour_competition" ? <LabourSection contest={contest} /> : null}
      {contest.kind === "knowledge_quiz" ? <QuizSection contest={contest} /> : null}
      {contest.events.length > 0 ? (
        <EventsSection contest={contest} />
      ) : contest.kind === "skills_contest" ? (
        <section className="section" aria-labelledby="events-title">
          <h2 id="events-title">{t("contest.events")}</h2>
          <p className="muted">{t("contest.events.empty")}</p>
        </section>
      ) : null}
      {contest.notices.length > 0 ? (
        <section className="section" aria-labelledby="notices-title">
          <h2 id="notices-title">{t("contest.page.notices")}</h2>
          <ul className="link-list">
            {contest.notices.map((n) => (
              <li key={n.id}>
                <Link to={publicPaths.notice(n.id)}>
                  <UserText text={n.name} />
                </Link>{" "}
                <span className="muted small">
                  {n.status === "conferred"
                    ? t("contest.page.notice.conferred")
                    : t("contest.page.notice.until", { date: formatDate(locale, n.noticeEndsAt) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to="/contests">← {t("contest.page.allContests")}</Link>
      </p>
    </article>
  );
}
