import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusCard } from "~/components/status-card";
import { formatDateTime, useLocale, useT } from "~/i18n";
import { listQuizContests } from "~/models/quiz.server";
import { requireOrganiser } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.quiz.admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  // ?closing=week: the task list's link to quizzes that close within seven days.
  const closing = new URL(request.url).searchParams.get("closing") === "week";
  return {
    contests: await listQuizContests(organiser.scope, closing ? { closingWithinDays: 7 } : {}),
    closing,
  };
}

export default function AdminQuiz() {
  const { contests, closing } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="quiz-title">
      <h1 id="quiz-title">{t("quiz.admin.title")}</h1>
      <p className="muted">{t("quiz.admin.intro")}</p>
      {closing ? (
        <p className="alert" role="status">
          {t("federation.filter.closing")}{" "}
          <Link to="/admin/quiz">{t("federation.filter.clear")}</Link>
        </p>
      ) : null}
      {contests.length === 0 ? <p className="muted">{t("federation.filter.none")}</p> : null}
      <div className="card-grid">
        {contests.map((c) => (
          <StatusCard
            key={c.id}
            item={c}
            statusPrefix="rules.contest_status"
            to={`/admin/quiz/${encodeURIComponent(c.code)}`}
          >
            <p className="muted small">
              {t("quiz.admin.counts", { questions: c._count.questions, quizzes: c._count.quizzes })}
            </p>
            {c.quizzes.map((q) => (
              <p key={q.id} className="small">
                {t("federation.quiz.openUntil", {
                  name: q.name,
                  date: formatDateTime(locale, q.closesAt),
                })}
              </p>
            ))}
          </StatusCard>
        ))}
      </div>
    </section>
  );
}
