import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { FormAlert } from "~/components/form-fields";
import { useAnswerSaves } from "~/components/use-answer-saves";
import { quizAnswerSchema, quizSubmitSchema } from "~/forms/quiz";
import { formatDate, formatDateTime, formatMark, useLocale, useT, codeLabel } from "~/i18n";
import { formatDuration } from "~/i18n/duration";
import { failureSentences } from "~/i18n/problem-text";
import { invalidForm, refused } from "~/http/refusal.server";
import { requestNow } from "~/http/clock.server";
import { saveAnswer, startAttempt, submitAttempt, workerQuizState } from "~/models/quiz.server";
import { forbidden, notFound, requireWorker } from "~/http/session.server";
import quizStyles from "~/styles/quiz.css";
import { parseForm } from "~/utils/forms";
import { idParam } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.quiz.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  const now = requestNow();
  // The question shown (?q=N, one question a page); the model keeps it within the paper.
  const asked = Number(new URL(request.url).searchParams.get("q") ?? "1");
  const state = await workerQuizState(idParam(params.quizId), user.workerId, now, asked);
  if (!state) throw notFound();
  return { ...state, serverNow: now.getTime() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireWorker(request);
  const quizId = idParam(params.quizId);
  const now = requestNow();
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "start") {
    const outcome = await startAttempt(quizId, user, now);
    if (!outcome.ok) {
      if (outcome.problems.some((p) => p.code === "quiz.start.not_eligible")) throw forbidden();
      return refused(outcome.problems);
    }
    throw redirect(`/quiz/${quizId}?q=1`);
  }
  if (intent === "save") {
    const parsed = parseForm(quizAnswerSchema, formData);
    if (!parsed.ok) return invalidForm({ _form: "quiz.form.invalid" });
    const outcome = await saveAnswer(
      Number(parsed.data.attemptId),
      user.workerId,
      parsed.data.questionId,
      parsed.data.option,
      now,
    );
    if (outcome === null) throw notFound();
    // An answer the paper does not have is the form's fault (400); a finished attempt is not (409).
    if (!outcome.ok) return refused(outcome.problems);
    // Without JavaScript the save button also moves on to the question it names.
    const next = formData.get("next");
    if (typeof next === "string" && /^\d+$/.test(next)) throw redirect(`/quiz/${quizId}?q=${next}`);
    return { ok: true as const };
  }
  if (intent === "submit") {
    const parsed = parseForm(quizSubmitSchema, formData);
    if (!parsed.ok) return invalidForm({ _form: "quiz.form.invalid" });
    const outcome = await submitAttempt(Number(parsed.data.attemptId), user.workerId, now);
    if (outcome === null) throw notFound();
    throw redirect(`/quiz/${quizId}`);
  }
  throw new Response("Bad Request", { status: 400 });
}

type State = ReturnType<typeof useLoaderData<typeof loader>>;
type Taking = Extract<State, { eligible: true; current: object }>;
type Current = Taking["current"];
type InLobby = Extract<State, { eligible: true; current: null }>;
type Finished = InLobby["finished"][number];
type AnswerSaves = ReturnType<typeof useAnswerSaves<typeof action>>;

function formatClock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** The visible countdown. The server keeps the real deadline; at zero this only asks it to close the attempt. */
function Countdown({
  deadline,
  serverNow,
  attemptId,
}: {
  deadline: number;
  serverNow: number;
  attemptId: number;
}) {
  const t = useT();
  const submit = useSubmit();
  // Offset between this phone's clock and the server's, measured when the page loaded.
  const skew = useRef(serverNow - Date.now());
  const [left, setLeft] = useState(deadline - serverNow);
  const fired = useRef(false);
  useEffect(() => {
    const tick = () => {
      const remaining = deadline - (Date.now() + skew.current);
      setLeft(remaining);
      // Half a second past zero, so the server's clock has certainly passed the deadline too.
      if (remaining <= -500 && !fired.current) {
        fired.current = true;
        submit({ intent: "submit", attemptId: String(attemptId) }, { method: "post" });
      }
    };
    tick();
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [deadline, attemptId, submit]);
  return (
    <div className={`quiz-timer${left < 60_000 ? " quiz-timer--low" : ""}`}>
      <span className="muted small">{t("quiz.take.timeLeft")}</span>
      <strong role="timer" aria-label={t("quiz.take.timeLeft")}>
        {formatClock(left)}
      </strong>
      {left <= 0 ? (
        <span className="small" role="status">
          {t("quiz.take.timeUp")}
        </span>
      ) : null}
    </div>
  );
}

/** The question at `index` of the paper; `q` is that question of the page's data. */
function QuestionForm({
  current,
  q,
  index,
  onePerPage,
  saves,
}: {
  current: Current;
  q: Current["questions"][number];
  index: number;
  onePerPage: boolean;
  saves: AnswerSaves;
}) {
  const t = useT();
  const question = useRef<HTMLFieldSetElement>(null);
  // Focus follows the question a keyboard user moved to: after 开始答题 (its button is gone,
  // focus fell to the page) or 上一题/下一题/a question number, the next Tab reaches the options.
  useEffect(() => {
    if (!onePerPage && index > 0) return;
    const active = document.activeElement;
    if (active === null || active === document.body || active.closest(".quiz-nav, .quiz-dots"))
      question.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const chosen = new Set(current.answers[q.id] ?? []);
  const multiple = q.type === "multiple";
  const total = current.total;
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const form = e.currentTarget.form;
    if (!form) return;
    const body = new FormData(form);
    body.delete("next");
    saves.change(q.id, body);
  };
  const saved = saves.state(q.id);
  const state = saved.saving
    ? t("quiz.take.saving")
    : saved.result?.ok
      ? t("quiz.take.saved")
      : saved.result
        ? failureSentences(t, saved.result)
        : "";
  return (
    <Form method="post" className="card quiz-question" aria-labelledby={`q-${q.id}`}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="attemptId" value={current.id} />
      <input type="hidden" name="questionId" value={q.id} />
      <fieldset ref={question} tabIndex={-1}>
        <legend id={`q-${q.id}`}>
          <span className="quiz-question__no">
            {t("quiz.take.number", { n: index + 1, total })}
          </span>
          <span className="tag">{t(`rules.question_type.${q.type}`)}</span>
          <span className="quiz-question__stem">{q.stem}</span>
        </legend>
        <ul className="quiz-options">
          {q.options.map((o, i) => (
            <li key={o.id}>
              <label className="quiz-option">
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name="option"
                  value={o.id}
                  defaultChecked={chosen.has(o.id)}
                  onChange={onChange}
                />
                <span className="quiz-option__label">
                  {q.type === "true_false" ? "" : `${"ABCDEF"[i]}. `}
                </span>
                <span>{q.type === "true_false" ? codeLabel(t, "quiz.option", o.id) : o.text}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="muted small quiz-save-state" role="status" aria-live="polite">
        {state}
      </p>
      <noscript>
        <button
          type="submit"
          name="next"
          value={onePerPage ? Math.min(index + 2, total) : 1}
          className="btn btn--ghost btn--small"
        >
          {t("quiz.take.saveNoJs")}
        </button>
      </noscript>
    </Form>
  );
}

function TakeQuiz({ state, current }: { state: Taking; current: Current }) {
  const t = useT();
  // One question a page: the loader sent the one ?q= names, at `index` of the paper.
  const { total, index } = current;
  const onePerPage = state.quiz.onePerPage;
  const shown = current.questions[0];
  const saves = useAnswerSaves<typeof action>(current.id);
  const submit = useSubmit();
  return (
    <>
      <Countdown
        key={current.id}
        deadline={new Date(current.deadline).getTime()}
        serverNow={state.serverNow}
        attemptId={current.id}
      />
      {onePerPage ? (
        <>
          {shown ? (
            <QuestionForm
              key={`${current.id}-${index}`}
              current={current}
              q={shown}
              index={index}
              onePerPage
              saves={saves}
            />
          ) : null}
          <nav className="quiz-nav" aria-label={t("quiz.take.navigation")}>
            {index > 0 ? (
              <Link className="btn btn--ghost" to={`?q=${index}`}>
                {t("quiz.take.prev")}
              </Link>
            ) : (
              <span />
            )}
            {index < total - 1 ? (
              <Link className="btn btn--primary" to={`?q=${index + 2}`}>
                {t("quiz.take.next")}
              </Link>
            ) : null}
          </nav>
          <ol className="quiz-dots" aria-label={t("quiz.take.overview")}>
            {current.answered.map((answered, i) => (
              <li key={i}>
                <Link
                  to={`?q=${i + 1}`}
                  aria-current={i === index ? "step" : undefined}
                  className={answered ? "quiz-dot quiz-dot--done" : "quiz-dot"}
                >
                  {i + 1}
                </Link>
              </li>
            ))}
          </ol>
        </>
      ) : (
        current.questions.map((q, i) => (
          <QuestionForm
            key={`${current.id}-${q.id}`}
            current={current}
            q={q}
            index={i}
            onePerPage={false}
            saves={saves}
          />
        ))
      )}
      <Form
        method="post"
        className="form-actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (!window.confirm(t("quiz.take.confirm"))) return;
          // Handed in once the answers changed last are stored: the server takes no answer after.
          const form = e.currentTarget;
          saves.whenSaved(() => submit(form));
        }}
      >
        <input type="hidden" name="intent" value="submit" />
        <input type="hidden" name="attemptId" value={current.id} />
        <button type="submit" className="btn btn--primary btn--block">
          {t("quiz.take.submit")}
        </button>
      </Form>
    </>
  );
}

/** Where the answers of a finished attempt are, or when they will be. */
function ReviewNote({
  quizId,
  attempt,
  policy,
}: {
  quizId: number;
  attempt: Finished;
  policy: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (attempt.reviewable)
    return <Link to={`/quiz/${quizId}/review/${attempt.id}`}>{t("quiz.result.review")}</Link>;
  if (policy === "never") return <span className="muted">{t("quiz.result.reviewNever")}</span>;
  if (policy === "after_submit" && attempt.attemptsLeft > 0)
    return <span className="muted">{t("quiz.result.reviewAfterAttempts")}</span>;
  return (
    <span className="muted">
      {t("quiz.result.reviewLater", { time: formatDateTime(locale, attempt.reviewFrom) })}
    </span>
  );
}

function LastResult({ state, last }: { state: InLobby; last: Finished }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div
      className={`alert ${last.status === "timed_out" ? "alert--info" : "alert--success"}`}
      role="status"
    >
      <p>{t(last.status === "timed_out" ? "quiz.result.timedOut" : "quiz.result.submitted")}</p>
      <p className="quiz-score">
        {t("quiz.result.score", {
          score: formatMark(last.score),
          max: formatMark(state.maxScore),
        })}
      </p>
      <p className="small">
        {t("quiz.result.time", { time: formatDuration(locale, last.durationMs) })}
      </p>
      <p className="small">
        <ReviewNote quizId={state.quiz.id} attempt={last} policy={state.quiz.reviewPolicy} />
      </p>
    </div>
  );
}

function CampaignSummary({ state }: { state: InLobby }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="section" aria-labelledby="summary-title">
      <h2 id="summary-title">{t("quiz.campaign.summary")}</h2>
      <dl className="quiz-stats">
        <div>
          <dt>{t("quiz.campaign.total")}</dt>
          <dd>
            {t("quiz.campaign.totalValue", { points: formatMark(state.overall?.points ?? 0) })}
          </dd>
        </div>
        <div>
          <dt>{t("quiz.campaign.daysPlayed")}</dt>
          <dd>{t("quiz.campaign.daysValue", { days: state.overall?.days ?? 0 })}</dd>
        </div>
        <div>
          <dt>{t("quiz.campaign.streak")}</dt>
          <dd>
            {t("quiz.campaign.streakValue", {
              current: state.streaks.current,
              longest: state.streaks.longest,
            })}
          </dd>
        </div>
        <div>
          <dt>{t("quiz.campaign.totalTime")}</dt>
          <dd>{formatDuration(locale, state.overall?.durationMs ?? 0)}</dd>
        </div>
      </dl>
    </section>
  );
}

function History({ state }: { state: InLobby }) {
  const t = useT();
  const locale = useLocale();
  const attempts = new Map(state.finished.map((a) => [a.id, a]));
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">{t("quiz.history.title")}</h2>
      {state.history.length === 0 ? (
        <p className="muted">{t("quiz.history.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table quiz-history" aria-labelledby="history-title">
            <thead>
              <tr>
                <th scope="col">{t("quiz.history.day")}</th>
                <th scope="col">{t("quiz.history.points")}</th>
                <th scope="col">{t("quiz.history.time")}</th>
                <th scope="col">{t("quiz.history.review")}</th>
              </tr>
            </thead>
            <tbody>
              {state.history.map((h) => {
                const attempt = h.attemptId === null ? undefined : attempts.get(h.attemptId);
                return (
                  <tr key={h.day}>
                    <td>
                      {t("quiz.history.dayValue", {
                        day: h.day,
                        date: formatDate(locale, h.date),
                      })}
                    </td>
                    <td>{formatMark(h.points)}</td>
                    <td>{formatDuration(locale, h.durationMs)}</td>
                    <td className="small">
                      {attempt ? (
                        <ReviewNote
                          quizId={state.quiz.id}
                          attempt={attempt}
                          policy={state.quiz.reviewPolicy}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function StartForm({ state }: { state: InLobby }) {
  const t = useT();
  const fetcher = useFetcher<typeof action>();
  const campaign = state.quiz.kind === "campaign";
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="start" />
      <FormAlert
        message={fetcher.data && !fetcher.data.ok ? failureSentences(t, fetcher.data) : null}
      />
      <button
        type="submit"
        className="btn btn--primary btn--block"
        disabled={fetcher.state !== "idle"}
      >
        {state.attemptsInRound > 0
          ? t("quiz.take.again")
          : t(campaign ? "quiz.take.startToday" : "quiz.take.start")}
      </button>
    </fetcher.Form>
  );
}

function Lobby({ state }: { state: InLobby }) {
  const t = useT();
  const locale = useLocale();
  const campaign = state.quiz.kind === "campaign";
  const inRound = state.round
    ? state.finished.filter((a) => a.day === state.round?.day)
    : state.finished;
  const last = inRound[inRound.length - 1] ?? (campaign ? undefined : state.finished.at(-1));
  const minutes = Math.round(state.quiz.timeLimitSec / 6) / 10;
  return (
    <>
      {campaign && state.round ? (
        <p className="quiz-day">
          <strong>{t("quiz.campaign.day", { day: state.round.day, days: state.quiz.days })}</strong>{" "}
          <span className="muted">
            {t("quiz.campaign.today", { date: formatDate(locale, new Date(state.serverNow)) })}
          </span>
        </p>
      ) : null}
      {last ? <LastResult state={state} last={last} /> : null}
      {state.round === null ? (
        <p className="alert alert--info">
          {campaign
            ? state.serverNow < new Date(state.quiz.opensAt).getTime()
              ? t("quiz.campaign.notOpen", { opens: formatDateTime(locale, state.quiz.opensAt) })
              : t("quiz.campaign.over", { closes: formatDateTime(locale, state.quiz.closesAt) })
            : t("quiz.take.closed")}
        </p>
      ) : (
        <>
          {last ? null : (
            <p>
              {t(campaign ? "quiz.campaign.intro" : "quiz.take.intro", {
                count: state.quiz.questionCount,
                minutes,
              })}
            </p>
          )}
          <p className="muted small">
            {campaign
              ? t("quiz.campaign.attemptsToday", {
                  attempts: state.quiz.attemptsAllowed,
                  used: state.attemptsInRound,
                })
              : t("quiz.take.rules", {
                  attempts: state.quiz.attemptsAllowed,
                  used: state.attemptsInRound,
                })}
          </p>
          {state.canStart ? (
            <StartForm state={state} />
          ) : campaign ? (
            <p className="alert alert--info">{t("quiz.campaign.doneToday")}</p>
          ) : null}
        </>
      )}
      {campaign ? (
        <>
          <CampaignSummary state={state} />
          <History state={state} />
        </>
      ) : null}
      <p>
        <Link to={publicPaths.quizBoard(state.quiz.id)}>{t("quiz.leaderboard.link")}</Link>
      </p>
    </>
  );
}

export default function QuizPage() {
  const state = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article aria-labelledby="quiz-title" className="quiz">
      <p className="eyebrow">
        <Link to="/quiz">{t("quiz.worker.title")}</Link> · {state.quiz.contestName}
      </p>
      <h1 id="quiz-title">{state.quiz.name}</h1>
      {!state.eligible ? (
        <>
          <p className="alert alert--info" role="status">
            {state.organisation
              ? t("quiz.eligibility.no", {
                  scope: state.quiz.scopeName,
                  organisation: state.organisation,
                })
              : t("quiz.eligibility.noOrganisation", { scope: state.quiz.scopeName })}
          </p>
          <p>
            <Link to={publicPaths.quizBoard(state.quiz.id)}>{t("quiz.leaderboard.link")}</Link>
          </p>
        </>
      ) : state.current ? (
        // One attempt's answers and their saves, begun afresh with the next attempt.
        <TakeQuiz key={state.current.id} state={state} current={state.current} />
      ) : (
        <Lobby state={state} />
      )}
    </article>
  );
}
