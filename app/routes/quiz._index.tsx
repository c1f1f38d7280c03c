import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime, formatMark, useLocale, useT } from "~/i18n";
import { listOpenQuizzes } from "~/models/quiz.server";
import { requireWorker } from "~/http/session.server";
import quizStyles from "~/styles/quiz.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction = () => [{ title: "线上答题 · 匠心" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  return { quizzes: await listOpenQuizzes(new Date(), user.workerId) };
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
          const last = q.attempts[0];
          return (
            <article key={q.id} className="card">
              <p className="card__eyebrow">{q.contest.name}</p>
              <h2 className="card__title">
                <Link to={`/quiz/${q.id}`}>{q.name}</Link>
              </h2>
              <p className="card__meta">
                {t("quiz.worker.meta", {
                  minutes: Math.round(q.timeLimitSec / 6) / 10,
                  attempts: q.attemptsAllowed,
                  closes: formatDateTime(locale, q.closesAt),
                })}
              </p>
              <p className="small">
                {last
                  ? last.status === "in_progress"
                    ? t("quiz.worker.inProgress")
                    : t("quiz.worker.lastScore", { score: formatMark(last.score) })
                  : t("quiz.worker.notStarted")}
              </p>
            </article>
          );
        })}
      </div>
    </section>
  );
}
