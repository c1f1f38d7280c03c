import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMark, useT } from "~/i18n";
import {
  closeExpiredAttempts,
  getQuiz,
  organisationLeaderboard,
  quizLeaderboard,
} from "~/models/quiz.server";
import { getUser, notFound } from "~/http/session.server";
import quizStyles from "~/styles/quiz.css";
import { idParam } from "~/utils/ids";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.quiz.name ?? ""} · 排行榜 · 匠心` },
];

// Public like other results boards; a signed-in worker also sees their own place.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const quizId = idParam(params.quizId);
  const [user, quiz] = await Promise.all([getUser(request), getQuiz(quizId)]);
  if (!quiz) throw notFound();
  // Attempts whose time ran out are closed first, so the board never waits on a browser.
  await closeExpiredAttempts(quizId, new Date());
  const [people, organisations] = await Promise.all([
    quizLeaderboard(quizId, 50, user?.workerId ?? null),
    organisationLeaderboard(quizId, quiz.contest.organiserId),
  ]);
  return {
    quiz,
    people,
    organisations: organisations.filter((o) => o.participants > 0 || o.headcount > 0),
    isAdmin: user?.role === "admin",
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export default function QuizLeaderboard() {
  const { quiz, people, organisations, isAdmin } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article aria-labelledby="board-title" className="quiz">
      <p className="eyebrow">{quiz.contest.name}</p>
      <h1 id="board-title">{t("quiz.leaderboard.title", { name: quiz.name })}</h1>
      {isAdmin ? (
        <p>
          <Link to={`/admin/quiz/${encodeURIComponent(quiz.contest.code)}`}>
            {t("quiz.leaderboard.manage")}
          </Link>
        </p>
      ) : null}
      {people.mine ? (
        <p className="alert alert--info">
          {t("quiz.leaderboard.mine", {
            rank: people.mine.rank,
            score: formatMark(people.mine.score),
          })}
        </p>
      ) : null}
      <section className="section" aria-labelledby="people-title">
        <h2 id="people-title">{t("quiz.leaderboard.people")}</h2>
        <p className="muted small">{t("quiz.leaderboard.tieRule")}</p>
        {people.top.length === 0 ? (
          <p className="muted">{t("quiz.leaderboard.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="people-title">
              <thead>
                <tr>
                  <th scope="col">{t("quiz.leaderboard.rank")}</th>
                  <th scope="col">{t("quiz.leaderboard.name")}</th>
                  <th scope="col">{t("quiz.leaderboard.organisation")}</th>
                  <th scope="col">{t("quiz.leaderboard.score")}</th>
                  <th scope="col">{t("quiz.leaderboard.time")}</th>
                </tr>
              </thead>
              <tbody>
                {people.top.map((r) => (
                  <tr
                    key={r.workerId}
                    className={people.mine?.workerId === r.workerId ? "quiz-me" : undefined}
                  >
                    <td>{r.rank}</td>
                    <td>{r.name}</td>
                    <td>{r.organisation}</td>
                    <td>{formatMark(r.score)}</td>
                    <td>{seconds(r.durationMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="section" aria-labelledby="orgs-title">
        <h2 id="orgs-title">{t("quiz.leaderboard.organisations")}</h2>
        <div className="table-wrap">
          <table className="table" aria-labelledby="orgs-title">
            <thead>
              <tr>
                <th scope="col">{t("quiz.leaderboard.organisation")}</th>
                <th scope="col">{t("quiz.leaderboard.participants")}</th>
                <th scope="col">{t("quiz.leaderboard.rate")}</th>
                <th scope="col">{t("quiz.leaderboard.average")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.organisationId}>
                  <td>{o.name}</td>
                  <td>
                    {o.participants} / {o.headcount}
                  </td>
                  <td>
                    {o.participationRate === null
                      ? "—"
                      : `${(o.participationRate / 100).toFixed(2)}%`}
                  </td>
                  <td>{formatMark(o.averageScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
