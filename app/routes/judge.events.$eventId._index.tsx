import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { formatDateTime, formatMark, useLocale, useT, codeLabel, keyOr } from "~/i18n";
import { listAppealsForEvent } from "~/models/appeals.server";
import { judgeWorklist } from "~/models/judging.server";
import { requireJudgeOnEvent } from "~/http/judge-access.server";
import { JudgingProblems, judgingProblemText } from "~/components/judging-problems";
import { formatBasisPoints } from "~/domain/scoring";
import { eventProgress, lockEvent } from "~/models/readiness.server";
import { publishEvent } from "~/models/results.server";
import { forbidden } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";
import { chiefStepSchema } from "~/forms/judging";
import { noticeEndsAt, scoringWindowOf } from "~/domain/judging/workflow";
import { stackTable } from "~/components/stack-table";
import { parseForm } from "~/utils/forms";
import { invalidForm, refused, type ActionFailure } from "~/http/refusal.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.judge.event");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, eventId, assignment } = await requireJudgeOnEvent(request, params);
  const worklist = await judgeWorklist(eventId, user.id, assignment.user.organisationId);
  // The entries this judge presides over: all but the recused ones for the chief; for
  // another judge, those of the chief's own unit when this judge is first on their panel.
  const presided = await eventProgress(eventId, user.id);
  const appeals = await listAppealsForEvent(eventId, user.id);
  const presiding = assignment.isChief || (presided?.entries.length ?? 0) > 0;
  return {
    event: assignment.event,
    isChief: assignment.isChief,
    worklist,
    submitted: new URL(request.url).searchParams.get("submitted"),
    progress:
      presided && presiding
        ? {
            entries: presided.entries,
            configuration: presided.configuration,
            incomplete: presided.incomplete,
            blocked: presided.blocked,
            blockingDisagreements: presided.blockingDisagreements,
            flagged: presided.flagged,
            presidedByOthers: presided.presidedByOthers,
            blockedByOthers: presided.blockedByOthers,
            // Recheck (复核) is the chief judge's to arrange.
            recheck:
              assignment.isChief && presided.recheck.active
                ? {
                    config: presided.recheck.config,
                    rate: presided.recheck.rate,
                    fullReviewAt: presided.recheck.fullReviewAt,
                  }
                : null,
          }
        : null,
    appeals,
    // What publishing now would set, for the confirmation the chief ticks.
    noticeWouldEnd: noticeEndsAt(new Date(), assignment.event.contest.noticeDays),
    scoringWindow: scoringWindowOf(assignment.event, assignment.event.contest.startsAt),
  };
}

type ActionResult = { ok: true; done: string } | ActionFailure;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, eventId, assignment } = await requireJudgeOnEvent(request, params);
  if (!assignment.isChief) throw forbidden();
  const parsed = parseForm(chiefStepSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const intent = parsed.data.intent;
  const outcome =
    intent === "lock" ? await lockEvent(eventId, user.id) : await publishEvent(eventId, user.id);
  if (!outcome.ok) return refused(outcome.problems, 409);
  return {
    ok: true,
    done: intent === "lock" ? "judging.chief.locked" : "judging.chief.published",
  } satisfies ActionResult;
}

export default function JudgeEvent() {
  const { event, isChief, worklist, submitted, progress, appeals, noticeWouldEnd, scoringWindow } =
    useLoaderData<typeof loader>();
  const done = worklist.filter((w) => w.state === "submitted").length;
  const next = worklist.find((w) => w.state !== "submitted");
  const actionData = useActionData<ActionResult>();
  const t = useT();
  const locale = useLocale();
  const open = event.status === "open" || event.status === "scoring";
  return (
    <section aria-labelledby="event-title">
      <p className="eyebrow">{event.contest.name}</p>
      <h1 id="event-title">{event.name}</h1>
      <p>
        <StatusBadge status={event.status} prefix="judging.event_status" />{" "}
        {event.noticeEndsAt ? (
          <span className="muted small">
            {t("judging.notice_until", { date: formatDateTime(locale, event.noticeEndsAt) })}
          </span>
        ) : null}
      </p>
      {submitted ? (
        <div className="alert alert--success" role="status">
          {t("judging.sheet.submitted_code", { code: submitted })}
        </div>
      ) : null}

      <h2>{t("judging.worklist.title")}</h2>
      <p className="muted small">{t("judging.worklist.intro")}</p>
      {scoringWindow.opensAt ? (
        <p className="small">
          {scoringWindow.closesAt
            ? t("judge.window.worklistBoth", {
                from: formatDateTime(locale, scoringWindow.opensAt),
                to: formatDateTime(locale, scoringWindow.closesAt),
              })
            : t("judge.window.worklist", { from: formatDateTime(locale, scoringWindow.opensAt) })}
        </p>
      ) : null}
      {worklist.length > 0 ? (
        <div className="worklist-progress">
          <label htmlFor="worklist-progress">
            {t("judge.progress", { done, total: worklist.length })}
          </label>
          <progress id="worklist-progress" max={worklist.length} value={done} />
          {open ? (
            next ? (
              <Link
                className="btn btn--primary btn--small"
                to={`entries/${encodeURIComponent(next.blindCode)}`}
              >
                {t("judge.next", { code: next.blindCode })}
              </Link>
            ) : (
              <span className="muted small">{t("judge.allDone")}</span>
            )
          ) : null}
        </div>
      ) : null}
      {worklist.length === 0 ? (
        <p>{t("judging.worklist.empty")}</p>
      ) : (
        <ul className="worklist" aria-label={t("judging.worklist.title")}>
          {worklist.map((w) => (
            <li key={w.blindCode}>
              {/* Named by its text, code and state with a space between, so the name a
                  speech-input user says is the text they see (axe: label-content-name-mismatch). */}
              <Link to={`entries/${encodeURIComponent(w.blindCode)}`}>
                <span className="blind-code">{w.blindCode}</span>{" "}
                <span
                  className={`badge badge--${w.state === "submitted" ? "submitted" : w.state === "draft" ? "scoring" : "open"}`}
                >
                  {codeLabel(t, "judging.sheet.state", w.state)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {progress ? (
        <section className="section" aria-labelledby="chief-title">
          <h2 id="chief-title">
            {isChief ? t("judging.chief.title") : t("judging.presiding.title")}
          </h2>
          {!isChief ? <p className="muted small">{t("judging.presiding.intro")}</p> : null}
          {actionData && !actionData.ok ? (
            <JudgingProblems
              problems={[
                ...actionData.problems,
                ...Object.values(actionData.errors).map((code) => ({ code, params: {} })),
              ]}
            />
          ) : null}
          {actionData?.ok ? (
            <div className="alert alert--success" role="status">
              {t(keyOr(actionData.done))}
            </div>
          ) : null}
          <JudgingProblems
            problems={progress.configuration}
            title={t("judging.reason.configuration")}
            tone="info"
          />
          <p>
            {t("judging.chief.summary_full", {
              entries: progress.entries.length,
              incomplete: progress.incomplete,
              blocked: progress.blocked,
              flagged: progress.flagged,
              blocking: progress.blockingDisagreements,
            })}
          </p>
          {isChief && progress.presidedByOthers > 0 ? (
            <p className="muted small">
              {t("judging.presiding.by_others", { count: progress.presidedByOthers })}
            </p>
          ) : null}
          {progress.blocked > 0 || progress.blockedByOthers > 0 ? (
            <div className="alert alert--error">
              <p>{t("judging.reason.title")}</p>
              <ul className="problem-list">
                {progress.entries.flatMap((e) =>
                  e.reasons.map((r, i) => (
                    <li key={`${e.blindCode}-${i}`}>{judgingProblemText(t, r)}</li>
                  )),
                )}
                {progress.blockedByOthers > 0 ? (
                  <li>{t("judging.reason.presided_by_others", { n: progress.blockedByOthers })}</li>
                ) : null}
              </ul>
            </div>
          ) : null}
          {progress.recheck ? (
            <div className="card">
              <h3>{t("judging.chief.recheck_title")}</h3>
              <p>
                {t("recheck.config.summary", {
                  top: progress.recheck.config.topN,
                  share: formatBasisPoints(progress.recheck.config.shareBp),
                  error: formatBasisPoints(progress.recheck.config.errorBp),
                })}{" "}
                {t("recheck.status.rate", {
                  done: progress.recheck.rate.done,
                  errors: progress.recheck.rate.withDifferences,
                  rate: formatBasisPoints(progress.recheck.rate.rateBp),
                  threshold: formatBasisPoints(progress.recheck.config.errorBp),
                })}
              </p>
              {progress.recheck.fullReviewAt ? (
                <p className="alert alert--info">
                  {t("recheck.status.full_review", {
                    date: formatDateTime(locale, progress.recheck.fullReviewAt),
                  })}
                </p>
              ) : null}
              <Link className="btn btn--ghost" to="rechecks">
                {t("judging.chief.recheck_link")}
              </Link>
            </div>
          ) : null}
          <div className="table-wrap" tabIndex={0}>
            <table {...stackTable.table}>
              <thead {...stackTable.rowgroup}>
                <tr {...stackTable.row}>
                  <th {...stackTable.columnheader}>{t("judging.blind_code")}</th>
                  <th {...stackTable.columnheader}>{t("judging.chief.missing")}</th>
                  <th {...stackTable.columnheader}>{t("judging.chief.disagreements")}</th>
                  <th {...stackTable.columnheader}>{t("judging.total")}</th>
                  <th {...stackTable.columnheader}>{t("judging.chief.action")}</th>
                </tr>
              </thead>
              <tbody {...stackTable.rowgroup}>
                {progress.entries.map((e) => (
                  <tr key={e.blindCode} {...stackTable.row}>
                    <td {...stackTable.cell()} className="blind-code">
                      {e.blindCode}
                    </td>
                    <td {...stackTable.cell(t("judging.chief.missing"))}>
                      {e.missing.length === 0
                        ? t("judging.chief.all_in")
                        : e.missing
                            .map(
                              (m) =>
                                `${t("scoring.judge_n", { n: m.judgeNo })}${t("punct.paren", { text: m.name })}`,
                            )
                            .join(t("punct.list"))}
                      {e.reasons.length > 0 ? (
                        <p className="entry-reasons">{t("judging.reason.short")}</p>
                      ) : null}
                    </td>
                    <td {...stackTable.cell(t("judging.chief.disagreements"))}>
                      {e.disagreements.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="problem-list">
                          {e.disagreements.map((d, i) => (
                            <li key={i}>
                              {t(`scoring.${d.code}`, d.params as Record<string, string | number>)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td {...stackTable.cell(t("judging.total"))}>{formatMark(e.total)}</td>
                    <td {...stackTable.cell()}>
                      <Link
                        className="btn btn--small btn--ghost"
                        to={`review/${encodeURIComponent(e.blindCode)}`}
                        aria-label={`${t("judging.chief.review")} ${e.blindCode}`}
                      >
                        {t("judging.chief.review")}
                      </Link>
                      {e.openAppeals > 0 ? (
                        <span className="badge badge--reviewing">
                          {t("judging.appeal.open_badge")}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            {isChief && open ? (
              <Form method="post" className="confirm-step">
                <label className="confirm-step__box">
                  <input type="checkbox" name="confirm" required />{" "}
                  {t("confirm.lock", { entries: progress.entries.length })}
                </label>
                <button type="submit" name="intent" value="lock" className="btn btn--primary">
                  {t("judging.chief.lock")}
                </button>
              </Form>
            ) : null}
            {isChief && event.status === "locked" ? (
              <Form method="post" className="confirm-step">
                <label className="confirm-step__box">
                  <input type="checkbox" name="confirm" required />{" "}
                  {t("confirm.publish", {
                    entries: progress.entries.length,
                    date: formatDateTime(locale, noticeWouldEnd),
                    days: event.contest.noticeDays,
                  })}
                </label>
                <button type="submit" name="intent" value="publish" className="btn btn--primary">
                  {t("judging.chief.publish")}
                </button>
              </Form>
            ) : null}
          </div>
          {appeals.length > 0 ? (
            <>
              <h3>{t("judging.appeal.list_title")}</h3>
              <ul>
                {appeals.map((a) => (
                  <li key={a.id}>
                    <Link to={`review/${encodeURIComponent(a.blindCode)}`}>
                      <span className="blind-code">{a.blindCode}</span>
                    </Link>{" "}
                    <StatusBadge status={a.status} prefix="judging.appeal.status" />{" "}
                    <span className="muted small">{a.text}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
