import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StatusCard } from "~/components/status-card";
import { useT } from "~/i18n";
import { listQuizContests } from "~/models/quiz.server";
import { requireAdmin } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.quiz.admin");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { contests: await listQuizContests() };
}

export default function AdminQuiz() {
  const { contests } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="quiz-title">
      <h1 id="quiz-title">{t("quiz.admin.title")}</h1>
      <p className="muted">{t("quiz.admin.intro")}</p>
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
          </StatusCard>
        ))}
      </div>
    </section>
  );
}
