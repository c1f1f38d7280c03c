import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, TextAreaField, TextField } from "~/components/form-fields";
import { questionCorrectionSchema } from "~/forms/quiz";
import { translate, useT, keyOr } from "~/i18n";
import { refusalText } from "~/i18n/problem-text";
import { invalidForm, refused } from "~/http/refusal.server";
import { readForm } from "~/http/form-body.server";
import { getLocale } from "~/http/locale.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import type { OrganiserScope } from "~/domain/organisation";
import {
  correctQuestion,
  getQuestion,
  getQuizContest,
  quizzesWithAttempts,
} from "~/models/quiz.server";
import quizStyles from "~/styles/quiz.css";
import { parseForm } from "~/utils/forms";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.quiz.bank", data?.question.stem.slice(0, 20));

async function questionOr404(
  scope: OrganiserScope,
  code: string | undefined,
  questionId: string | undefined,
) {
  const contest = await getQuizContest(scope, code ?? "");
  if (!contest) throw notFound();
  const question = await getQuestion(contest.id, idParam(questionId));
  if (!question) throw notFound();
  return { contest, question };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const { contest, question } = await questionOr404(
    organiser.scope,
    params.code,
    params.questionId,
  );
  return { contest: { code: contest.code, name: contest.name }, question };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const { contest, question } = await questionOr404(
    organiser.scope,
    params.code,
    params.questionId,
  );
  const locale = await getLocale(request);
  const parsed = parseForm(questionCorrectionSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await correctQuestion(contest.id, question.id, parsed.data, organiser.id);
  if (!outcome) throw notFound();
  if (!outcome.ok) return refused(outcome.problems, 400);
  const { changed } = outcome.value;
  return {
    ok: true as const,
    message: translate(locale, changed ? "quiz.question.saved" : "quiz.question.unchanged"),
    quizzes: changed ? await quizzesWithAttempts(contest.id) : [],
  };
}

export default function CorrectQuestion() {
  const { contest, question } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const multiple = question.type === "multiple";
  const options =
    question.type === "true_false"
      ? [
          { id: "true", text: t("quiz.option.true") },
          { id: "false", text: t("quiz.option.false") },
        ]
      : question.options;
  const base = `/admin/quiz/${encodeURIComponent(contest.code)}`;
  const errors = result?.ok === false ? result.errors : {};
  return (
    <article aria-labelledby="question-title" className="quiz">
      <p className="eyebrow">
        <Link to={base}>{contest.name}</Link> ·{" "}
        <Link to={`${base}/questions`}>{t("quiz.question.back")}</Link>
      </p>
      <h1 id="question-title">{t("quiz.question.title", { id: question.id })}</h1>
      <p>
        <span className="tag">{question.category}</span>{" "}
        <span className="tag">{t(`rules.question_type.${question.type}`)}</span>
      </p>
      <p className="quiz-question__stem">{question.stem}</p>
      {result?.ok ? (
        <div className="alert alert--success" role="status">
          <p>{result.message}</p>
          {result.quizzes.length > 0 ? (
            <>
              <p>{t("quiz.question.rescoreHint")}</p>
              <ul>
                {result.quizzes.map((q) => (
                  <li key={q.id}>
                    <Link to={`${base}/${q.id}`}>{q.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : (
        <FormAlert message={result?.ok === false ? refusalText(t, result.problems) : null} />
      )}
      <Form method="post" key={question.answer.join()}>
        <fieldset
          className="quiz-plan"
          aria-describedby={errors.answer ? "answer-error" : undefined}
        >
          <legend>{t("quiz.question.answer")}</legend>
          <ul className="quiz-options">
            {options.map((o, i) => (
              <li key={o.id}>
                <label className="quiz-option">
                  <input
                    type={multiple ? "checkbox" : "radio"}
                    name="answer"
                    value={o.id}
                    defaultChecked={question.answer.includes(o.id)}
                  />
                  <span className="quiz-option__label">
                    {question.type === "true_false" ? "" : `${"ABCDEF"[i]}. `}
                  </span>
                  <span>{o.text}</span>
                </label>
              </li>
            ))}
          </ul>
          {errors.answer ? (
            <p id="answer-error" className="field__error" role="alert">
              {t(keyOr(errors.answer))}
            </p>
          ) : null}
        </fieldset>
        <div className="form-grid">
          <TextAreaField
            label={t("quiz.question.explanation")}
            name="explanation"
            defaultValue={question.explanation}
            maxLength={1000}
            rows={4}
            error={errors.explanation}
          />
          <TextField
            label={t("quiz.question.reason")}
            name="reason"
            maxLength={200}
            required
            error={errors.reason}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            {t("quiz.question.save")}
          </button>
        </div>
      </Form>
    </article>
  );
}
