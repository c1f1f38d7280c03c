import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { TextField } from "~/components/form-fields";
import { QuizRuleFields } from "~/components/quiz-rule-fields";
import { useZodForm } from "~/components/use-zod-form";
import { PARTIAL_CREDIT_RULES, REVIEW_POLICIES } from "~/domain/quiz";
import { quizRulesSchema, rescoreSchema } from "~/forms/quiz";
import { formatDateTime, translate, useLocale, useT } from "~/i18n";
import { readForm } from "~/http/form-body.server";
import { getLocale } from "~/http/locale.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import type { OrganiserScope } from "~/domain/organisation";
import { getQuizContest, getQuizForAdmin, updateQuizRules } from "~/models/quiz.server";
import { listRescores, rescore } from "~/models/quiz-rescore.server";
import quizStyles from "~/styles/quiz.css";
import { parseForm } from "~/utils/forms";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.quiz.name);

async function quizOr404(
  scope: OrganiserScope,
  code: string | undefined,
  quizId: string | undefined,
) {
  const contest = await getQuizContest(scope, code ?? "");
  if (!contest) throw notFound();
  const found = await getQuizForAdmin(contest.id, idParam(quizId));
  if (!found) throw notFound();
  return { contest, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const { contest, quiz, rounds, attempts, participants } = await quizOr404(
    organiser.scope,
    params.code,
    params.quizId,
  );
  return {
    contest: { code: contest.code, name: contest.name },
    quiz: {
      id: quiz.id,
      name: quiz.name,
      kind: quiz.kind,
      opensAt: quiz.opensAt,
      closesAt: quiz.closesAt,
      drawMode: quiz.drawMode,
      reviewPolicy: quiz.reviewPolicy,
      partialCredit: quiz.partialCredit,
      scope: quiz.scope.name,
    },
    rounds,
    attempts,
    participants,
    rescores: await listRescores(quiz.id, new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const { quiz } = await quizOr404(organiser.scope, params.code, params.quizId);
  const locale = await getLocale(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "rules") {
    const parsed = parseForm(quizRulesSchema, formData);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, message: null }, { status: 400 });
    const { scoringChanged } = await updateQuizRules(quiz.id, parsed.data, organiser.id);
    if (scoringChanged) {
      const reason = translate(locale, "quiz.compose.partialCredit");
      await rescore(
        quiz.id,
        organiser.id,
        `${reason}: ${translate(locale, `rules.quiz_partial_credit.${parsed.data.partialCredit}`)}`,
      );
    }
    return {
      intent,
      errors: null,
      message: translate(locale, scoringChanged ? "quiz.rules.savedRescore" : "quiz.rules.saved"),
    };
  }
  if (intent === "rescore") {
    const parsed = parseForm(rescoreSchema, formData);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, message: null }, { status: 400 });
    await rescore(quiz.id, organiser.id, parsed.data.reason);
    return { intent, errors: null, message: translate(locale, "quiz.rescore.started") };
  }
  throw new Response("Bad Request", { status: 400 });
}

type ActionResult = {
  intent: string;
  errors: Record<string, string> | null;
  message: string | null;
};
type Job = ReturnType<typeof useLoaderData<typeof loader>>["rescores"][number];

function Progress({ job }: { job: Job }) {
  const t = useT();
  const percent = job.total > 0 ? Math.floor((job.done * 100) / job.total) : 100;
  return (
    <div className="quiz-progress">
      <label htmlFor={`rescore-${job.id}`}>{t("quiz.rescore.progress")}</label>
      <progress id={`rescore-${job.id}`} max={Math.max(1, job.total)} value={job.done}>
        {percent}%
      </progress>
      <p className="small" role="status" aria-live="polite">
        {t("quiz.rescore.progressValue", { done: job.done, total: job.total, percent })}
        {" · "}
        {t("quiz.rescore.changedValue", { changed: job.changed })}
        {" · "}
        {t(`quiz.rescore.status.${job.status}`)}
      </p>
    </div>
  );
}

function RulesForm({
  quiz,
  result,
}: {
  quiz: { reviewPolicy: string; partialCredit: string };
  result?: ActionResult;
}) {
  const t = useT();
  const mine = result?.intent === "rules" ? result : undefined;
  const { form, onSubmit, errorFor } = useZodForm(quizRulesSchema, {
    defaultValues: {
      reviewPolicy: quiz.reviewPolicy as (typeof REVIEW_POLICIES)[number],
      partialCredit: quiz.partialCredit as (typeof PARTIAL_CREDIT_RULES)[number],
    },
    serverErrors: mine?.errors ?? null,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="rules" />
      {mine?.message ? (
        <p className="alert alert--success" role="status">
          {mine.message}
        </p>
      ) : null}
      <div className="form-grid">
        <QuizRuleFields
          reviewPolicy={form.register("reviewPolicy")}
          partialCredit={form.register("partialCredit")}
          errorFor={errorFor}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {t("quiz.rules.save")}
        </button>
      </div>
    </Form>
  );
}

function RescoreForm({ result }: { result?: ActionResult }) {
  const t = useT();
  const mine = result?.intent === "rescore" ? result : undefined;
  const { onSubmit, field } = useZodForm(rescoreSchema, {
    defaultValues: { reason: "" },
    serverErrors: mine?.errors ?? null,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="rescore" />
      <div className="form-grid">
        <TextField label={t("quiz.rescore.reason")} {...field("reason")} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {t("quiz.rescore.submit")}
        </button>
      </div>
    </Form>
  );
}

export default function AdminQuiz() {
  const { contest, quiz, rounds, attempts, participants, rescores } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const revalidator = useRevalidator();
  const running = rescores.some((j) => j.status === "running");
  // While a re-scoring runs, the page asks for its progress every second.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  return (
    <article aria-labelledby="quiz-title" className="quiz">
      <p className="eyebrow">
        <Link to="/admin/quiz">{t("quiz.admin.title")}</Link> ·{" "}
        <Link to={`/admin/quiz/${encodeURIComponent(contest.code)}`}>{contest.name}</Link>
      </p>
      <h1 id="quiz-title">{quiz.name}</h1>
      <section className="section" aria-labelledby="summary-title">
        <h2 id="summary-title">{t("quiz.manage.summary")}</h2>
        <dl className="quiz-stats">
          <div>
            <dt>{t("quiz.manage.kind")}</dt>
            <dd>{t(`rules.quiz_kind.${quiz.kind}`)}</dd>
          </div>
          <div>
            <dt>{t("quiz.manage.window")}</dt>
            <dd className="small">
              {formatDateTime(locale, quiz.opensAt)} — {formatDateTime(locale, quiz.closesAt)}
            </dd>
          </div>
          <div>
            <dt>{t("quiz.manage.rounds")}</dt>
            <dd>{rounds}</dd>
          </div>
          <div>
            <dt>{t("quiz.manage.scope")}</dt>
            <dd>{quiz.scope}</dd>
          </div>
          <div>
            <dt>{t("quiz.manage.drawMode")}</dt>
            <dd>{t(`rules.quiz_draw_mode.${quiz.drawMode}`)}</dd>
          </div>
          <div>
            <dt>{t("quiz.manage.participants")}</dt>
            <dd>{participants}</dd>
          </div>
          <div>
            <dt>{t("quiz.manage.attempts")}</dt>
            <dd>{attempts}</dd>
          </div>
        </dl>
        <p>
          <Link to={publicPaths.quizBoard(quiz.id)}>{t("quiz.leaderboard.link")}</Link>
        </p>
      </section>

      <section className="section" aria-labelledby="rules-title">
        <h2 id="rules-title">{t("quiz.rules.title")}</h2>
        <RulesForm quiz={quiz} result={result} />
      </section>

      <section className="section" aria-labelledby="rescore-title">
        <h2 id="rescore-title">{t("quiz.rescore.title")}</h2>
        <p className="muted small">{t("quiz.rescore.hint")}</p>
        {result?.intent === "rescore" && result.message ? (
          <p className="alert alert--success" role="status">
            {result.message}
          </p>
        ) : null}
        {rescores[0] ? <Progress job={rescores[0]} /> : null}
        {running ? (
          <noscript>
            <p>
              <Link to=".">{t("quiz.rescore.refresh")}</Link>
            </p>
          </noscript>
        ) : null}
        <RescoreForm key={rescores.length} result={result} />
        {rescores.length > 0 ? (
          <div className="table-wrap" tabIndex={0}>
            <table className="table" aria-label={t("quiz.rescore.history")}>
              <thead>
                <tr>
                  <th scope="col">{t("quiz.rescore.startedAt")}</th>
                  <th scope="col">{t("quiz.rescore.reason")}</th>
                  <th scope="col">{t("quiz.rescore.status")}</th>
                  <th scope="col">{t("quiz.rescore.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {rescores.map((j) => (
                  <tr key={j.id}>
                    <td className="small">{formatDateTime(locale, j.startedAt)}</td>
                    <td>{j.reason}</td>
                    <td>{t(`quiz.rescore.status.${j.status}`)}</td>
                    <td className="small">
                      {j.done} / {j.total} ·{" "}
                      {t("quiz.rescore.changedValue", { changed: j.changed })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </article>
  );
}
