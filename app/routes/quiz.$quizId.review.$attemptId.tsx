import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime, formatMark, useLocale, useT, codeLabel } from "~/i18n";
import { formatDuration } from "~/i18n/duration";
import { requestNow } from "~/http/clock.server";
import { attemptReview } from "~/models/quiz.server";
import { notFound, requireWorker } from "~/http/session.server";
import quizStyles from "~/styles/quiz.css";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.quiz.review", data?.quiz.name);

// A worker's own attempt only; anyone else's id is a 404, like an id that does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  const review = await attemptReview(
    idParam(params.quizId),
    idParam(params.attemptId),
    user.workerId,
    requestNow(),
  );
  if (!review) throw notFound();
  return review;
}

type Review = ReturnType<typeof useLoaderData<typeof loader>>;
type Item = Extract<Review, { open: true }>["items"][number];

function optionText(t: ReturnType<typeof useT>, item: Item, id: string, text: string) {
  return item.type === "true_false" ? codeLabel(t, "quiz.option", id) : text;
}

function ReviewItem({ item, n }: { item: Item; n: number }) {
  const t = useT();
  const labelled = item.options.map((o, i) => ({
    ...o,
    label: item.type === "true_false" ? "" : `${"ABCDEF"[i]}. `,
  }));
  const chosen = labelled.filter((o) => o.chosen);
  const correct = labelled.filter((o) => o.correct);
  return (
    <li className={`card quiz-review quiz-review--${item.outcome}`}>
      <p className="quiz-review__head">
        <span className="quiz-question__no">{t("quiz.review.number", { n })}</span>
        <span className="tag">{t(`rules.question_type.${item.type}`)}</span>
        <span className={`quiz-outcome quiz-outcome--${item.outcome}`}>
          {t(`rules.answer_outcome.${item.outcome}`)}
        </span>
        <span className="muted small">
          {t("quiz.review.points", {
            score: formatMark(item.score),
            max: formatMark(item.maxScore),
          })}
        </span>
      </p>
      <p className="quiz-question__stem">{item.stem}</p>
      <ul className="quiz-options">
        {labelled.map((o) => (
          <li
            key={o.id}
            className={`quiz-option quiz-option--static${o.correct ? " quiz-option--correct" : ""}${
              o.chosen && !o.correct ? " quiz-option--wrong" : ""
            }`}
          >
            <span className="quiz-option__label">{o.label}</span>
            <span>
              {optionText(t, item, o.id, o.text)}
              {o.chosen ? ` ${t("quiz.review.chosen")}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <dl className="quiz-review__answers">
        <div>
          <dt>{t("quiz.review.yours")}</dt>
          <dd>
            {chosen.length > 0
              ? chosen
                  .map((o) => `${o.label}${optionText(t, item, o.id, o.text)}`)
                  .join(t("punct.semicolon"))
              : t("quiz.review.none")}
          </dd>
        </div>
        <div>
          <dt>{t("quiz.review.correct")}</dt>
          <dd>
            {correct
              .map((o) => `${o.label}${optionText(t, item, o.id, o.text)}`)
              .join(t("punct.semicolon"))}
          </dd>
        </div>
      </dl>
      {item.late ? <p className="small muted">{t("quiz.review.late")}</p> : null}
      {item.explanation ? (
        <div className="quiz-review__explanation">
          <h3>{t("quiz.review.explanation")}</h3>
          <p>{item.explanation}</p>
        </div>
      ) : null}
    </li>
  );
}

export default function QuizReview() {
  const review = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const a = review.attempt;
  return (
    <article aria-labelledby="review-title" className="quiz">
      <p className="eyebrow">
        <Link to={`/quiz/${review.quiz.id}`}>{review.quiz.name}</Link>
      </p>
      <h1 id="review-title">{t("quiz.review.title")}</h1>
      <p className="muted">
        {review.quiz.kind === "campaign"
          ? t("quiz.review.of", {
              name: review.quiz.name,
              day: a.day,
              date: formatDate(locale, a.date),
            })
          : t("quiz.review.ofPaper", { name: review.quiz.name })}
        {a.score !== null
          ? ` · ${t("quiz.review.summary", {
              score: formatMark(a.score),
              time: formatDuration(locale, a.durationMs),
            })}`
          : ""}
      </p>
      {!review.open ? (
        <p className="alert alert--info" role="status">
          {a.status === "in_progress"
            ? t("quiz.review.unfinished")
            : review.policy === "never"
              ? t("quiz.review.never")
              : review.policy === "after_submit"
                ? t("quiz.review.notYetAttempts")
                : t("quiz.review.notYet", { time: formatDateTime(locale, review.opensAt) })}
        </p>
      ) : (
        <ol className="quiz-review-list">
          {review.items.map((item, i) => (
            <ReviewItem key={item.questionId} item={item} n={i + 1} />
          ))}
        </ol>
      )}
      <p>
        <Link to={`/quiz/${review.quiz.id}`}>{t("quiz.review.back")}</Link>
      </p>
    </article>
  );
}
