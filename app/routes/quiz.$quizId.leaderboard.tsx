import type {
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDate, formatMark, useLocale, useT } from "~/i18n";
import { formatDuration } from "~/i18n/duration";
import { requestNow } from "~/http/clock.server";
import { closeExpiredAttempts, getBoardQuiz } from "~/models/quiz.server";
import { quizOrgBoard, quizPeopleBoard } from "~/models/quiz-board.server";
import { getUser, managesContest, notFound } from "~/http/session.server";
import { shellTemplateOf } from "~/http/shared-viewer.server";
import quizStyles from "~/styles/quiz.css";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.quiz.leaderboard", data?.quiz.name);

/** ?day=N shows a campaign's day N; anything else (or a single paper) the overall board. */
function dayParam(url: URL, latest: number): number {
  const raw = url.searchParams.get("day");
  if (raw === null || !/^\d{1,4}$/.test(raw)) return 0;
  const day = Number(raw);
  return day >= 1 && day <= latest ? day : 0;
}

// The loader decides whether the board may be shared (anonymous visitors only); pass that on.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

// Public like other results boards; a signed-in worker also sees their own place.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const quizId = idParam(params.quizId);
  const now = requestNow();
  const quiz = await getBoardQuiz(quizId, now);
  if (!quiz) throw notFound();
  const user = await getUser(request);
  // Attempts whose time ran out are closed first, so the board never waits on a browser.
  await closeExpiredAttempts(quizId, now);
  const day = quiz.kind === "campaign" ? dayParam(new URL(request.url), quiz.latest) : 0;
  // Every anonymous visitor gets the same board: the app server's micro-cache (and any proxy)
  // may keep it for a second, so a crowd watching a quiz costs one render a second. It is
  // never rendered for a signed-in visitor's shell there (app/server/micro-cache.ts): their
  // board has their own place.
  const shared = user === null && !shellTemplateOf(context)?.viewer;
  return data(
    {
      quiz,
      day,
      people: await quizPeopleBoard(quizId, day, 50, user?.workerId ?? null),
      organisations: await quizOrgBoard(quizId, day, quiz.scope.path),
      isAdmin: await managesContest(user, quiz.contestId),
    },
    { headers: { "Cache-Control": shared ? "public, max-age=1" : "private, no-store" } },
  );
}

function DayPicker({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const t = useT();
  const locale = useLocale();
  const { quiz, day } = data;
  const recent = quiz.rounds.slice(0, 7);
  return (
    <nav className="quiz-days" aria-label={t("quiz.leaderboard.days.label")}>
      <ul className="quiz-day-tabs">
        <li>
          <Link to="?" aria-current={day === 0 ? "page" : undefined}>
            {t("quiz.leaderboard.overall")}
          </Link>
        </li>
        {recent.map((r) => (
          <li key={r.day}>
            <Link to={`?day=${r.day}`} aria-current={day === r.day ? "page" : undefined}>
              {t("quiz.leaderboard.dayTab", { day: r.day })}
            </Link>
          </li>
        ))}
      </ul>
      {quiz.rounds.length > recent.length ? (
        <Form method="get" className="quiz-day-form">
          <label>
            <span>{t("quiz.leaderboard.pickDay")}</span>{" "}
            <select name="day" defaultValue={day || undefined}>
              {quiz.rounds.map((r) => (
                <option key={r.day} value={r.day}>
                  {t("quiz.leaderboard.dayOf", { day: r.day, date: formatDate(locale, r.date) })}
                </option>
              ))}
            </select>
          </label>{" "}
          <button type="submit" className="btn btn--ghost btn--small">
            {t("quiz.leaderboard.show")}
          </button>
        </Form>
      ) : null}
    </nav>
  );
}

export default function QuizLeaderboard() {
  const data = useLoaderData<typeof loader>();
  const { quiz, people, organisations, isAdmin, day } = data;
  const t = useT();
  const locale = useLocale();
  const campaign = quiz.kind === "campaign";
  const shown = quiz.rounds.find((r) => r.day === day);
  return (
    <article aria-labelledby="board-title" className="quiz">
      <p className="eyebrow">{quiz.contestName}</p>
      <h1 id="board-title">{t("quiz.leaderboard.title", { name: quiz.name })}</h1>
      {isAdmin ? (
        <p>
          <Link to={`/admin/quiz/${encodeURIComponent(quiz.contestCode)}/${quiz.id}`}>
            {t("quiz.leaderboard.manage")}
          </Link>
        </p>
      ) : null}
      {campaign ? <DayPicker data={data} /> : null}
      {campaign ? (
        <h2 className="quiz-board-day">
          {shown
            ? t("quiz.leaderboard.dayOf", { day, date: formatDate(locale, shown.date) })
            : t("quiz.leaderboard.overall")}
        </h2>
      ) : null}
      {people.mine ? (
        <p className="alert alert--info">
          {t("quiz.leaderboard.mine", {
            rank: people.mine.rank,
            score: formatMark(people.mine.points),
          })}
        </p>
      ) : null}
      <section className="section" aria-labelledby="people-title">
        <h2 id="people-title">{t("quiz.leaderboard.people")}</h2>
        <p className="muted small">
          {t(campaign ? "quiz.leaderboard.tieRuleCampaign" : "quiz.leaderboard.tieRule")}{" "}
          {t("quiz.leaderboard.count", { n: people.participants })}
        </p>
        {people.top.length === 0 ? (
          <p className="muted">{t("quiz.leaderboard.empty")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table quiz-board" aria-labelledby="people-title">
              <thead>
                <tr>
                  <th scope="col">{t("quiz.leaderboard.rank")}</th>
                  <th scope="col">{t("quiz.leaderboard.nameAndOrganisation")}</th>
                  <th scope="col">{t("quiz.leaderboard.score")}</th>
                  <th scope="col">{t("quiz.leaderboard.time")}</th>
                  {campaign && day === 0 ? <th scope="col">{t("quiz.leaderboard.days")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {[
                  ...people.top,
                  ...(people.mine && !people.top.some((r) => r.workerId === people.mine?.workerId)
                    ? [people.mine]
                    : []),
                ].map((r) => (
                  <tr
                    key={r.workerId}
                    className={people.mine?.workerId === r.workerId ? "quiz-me" : undefined}
                  >
                    <td>{r.rank}</td>
                    <td>
                      <span className="quiz-board__name">{r.name}</span>
                      <span className="quiz-board__org">{r.organisation}</span>
                    </td>
                    <td>{formatMark(r.points)}</td>
                    <td>{formatDuration(locale, r.durationMs)}</td>
                    {campaign && day === 0 ? <td>{r.days}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="section" aria-labelledby="orgs-title">
        <h2 id="orgs-title">{t("quiz.leaderboard.organisations")}</h2>
        <p className="muted small">{t("quiz.leaderboard.rateRule")}</p>
        <div className="table-wrap" tabIndex={0}>
          <table className="table quiz-board" aria-labelledby="orgs-title">
            <thead>
              <tr>
                <th scope="col">{t("quiz.leaderboard.rank")}</th>
                <th scope="col">{t("quiz.leaderboard.organisation")}</th>
                <th scope="col">{t("quiz.leaderboard.rate")}</th>
                <th scope="col">{t("quiz.leaderboard.average")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.organisationId}>
                  <td>{o.rank}</td>
                  <td className="quiz-board__wrap">{o.name}</td>
                  <td>
                    <span className="quiz-board__name">
                      {o.participationRate === null
                        ? "—"
                        : `${(o.participationRate / 100).toFixed(2)}%`}
                    </span>
                    <span className="quiz-board__org">
                      {t("quiz.leaderboard.participantsOf", {
                        participants: o.participants,
                        workers: o.headcount,
                      })}
                    </span>
                  </td>
                  <td>{formatMark(o.averagePoints)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
