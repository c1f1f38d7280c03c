import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime, formatMark, useLocale, useT } from "~/i18n";
import { requestNow } from "~/http/clock.server";
import { listOpenQuizzes } from "~/models/quiz.server";
import { requireWorker } from "~/http/session.server";
import quizStyles from "~/styles/quiz.css";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.quiz");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  return { quizzes: await listOpenQuizzes(requestNow(), user.workerId) };
}

export default function WorkerQuizzes() {
  const { quizzes } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="quizzes-title" className="quiz">
      <h1 id="quizzes-title">{t("quiz.worker.title")}</h1>
      {quizzes.length === 0 ? <p className="muted">{t("quiz.worker.empty")}</p> : null}
      <div className="card-grid">
        {quizzes.map((q) => {
          const minutes = Math.round(q.timeLimitSec / 6) / 10;
          return (
            <article key={q.id} className="card">
              <p className="card__eyebrow">
                {q.contestName} · {t(`rules.quiz_kind.${q.kind}`)}
              </p>
              <h2 className="card__title">
                <Link to={`/quiz/${q.id}`}>{q.name}</Link>
              </h2>
              <p className="card__meta">
                {q.kind === "campaign"
                  ? t("quiz.worker.campaignMeta", {
                      day: q.day ?? 0,
                      days: q.days,
                      attempts: q.attemptsAllowed,
                      minutes,
                    })
                  : t("quiz.worker.meta", {
                      minutes,
                      attempts: q.attemptsAllowed,
                      closes: formatDateTime(locale, q.closesAt),
                    })}
              </p>
              <p className="small">
                {q.last
                  ? q.last.status === "in_progress"
                    ? t("quiz.worker.inProgress")
                    : t(
                        q.kind === "campaign" ? "quiz.worker.todayScore" : "quiz.worker.lastScore",
                        {
                          score: formatMark(q.last.score),
                        },
                      )
                  : t(q.kind === "campaign" ? "quiz.worker.notToday" : "quiz.worker.notStarted")}
                {q.kind === "campaign" && q.totalPoints !== null
                  ? ` · ${t("quiz.worker.total", { points: formatMark(q.totalPoints) })}`
                  : null}
              </p>
            </article>
          );
        })}
      </div>
    </section>
  );
}
