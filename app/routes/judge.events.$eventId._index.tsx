import { parseId } from "~/utils/ids";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { formatDateTime, formatMark, useLocale, useT } from "~/i18n";
import { listAppealsForEvent } from "~/models/appeals.server";
import { judgeAssignment, judgeWorklist } from "~/models/judging.server";
import { eventProgress, lockEvent, publishEvent } from "~/models/results.server";
import { forbidden, notFound, requireJudge } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { readForm } from "~/http/form-body.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = () => [{ title: "评分任务 · 匠心" }];

async function authorise(request: Request, eventIdParam: string | undefined) {
  const user = await requireJudge(request);
  const eventId = parseId(eventIdParam);
  if (eventId === null) throw notFound();
  const assignment = await judgeAssignment(eventId, user.id);
  if (!assignment) throw notFound();
  return { user, eventId, assignment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, eventId, assignment } = await authorise(request, params.eventId);
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
            incomplete: presided.incomplete,
            blockingDisagreements: presided.blockingDisagreements,
            flagged: presided.flagged,
            presidedByOthers: presided.presidedByOthers,
          }
        : null,
    appeals,
  };
}

type ActionResult = {
  problems?: { code: string; params: Record<string, string | number> }[];
  done?: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, eventId, assignment } = await authorise(request, params.eventId);
  if (!assignment.isChief) throw forbidden();
  const intent = (await readForm(request)).get("intent");
  const outcome =
    intent === "lock"
      ? await lockEvent(eventId, user.id)
      : intent === "publish"
        ? await publishEvent(eventId, user.id)
        : null;
  if (!outcome)
    return data<ActionResult>(
      { problems: [{ code: "judging.unknown_action", params: {} }] },
      { status: 400 },
    );
  if (!outcome.ok) return data<ActionResult>({ problems: outcome.problems }, { status: 409 });
  return {
    done: intent === "lock" ? "judging.chief.locked" : "judging.chief.published",
  } satisfies ActionResult;
}

export default function JudgeEvent() {
  const { event, isChief, worklist, submitted, progress, appeals } = useLoaderData<typeof loader>();
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
      {worklist.length === 0 ? (
        <p>{t("judging.worklist.empty")}</p>
      ) : (
        <ul className="worklist" aria-label={t("judging.worklist.title")}>
          {worklist.map((w) => (
            <li key={w.blindCode}>
              <Link
                to={`entries/${encodeURIComponent(w.blindCode)}`}
                aria-label={`${w.blindCode} ${t(`judging.sheet.state.${w.state}`)}`}
              >
                <span className="blind-code">{w.blindCode}</span>
                <span
                  className={`badge badge--${w.state === "submitted" ? "submitted" : w.state === "draft" ? "scoring" : "open"}`}
                >
                  {t(`judging.sheet.state.${w.state}`)}
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
          {actionData?.problems ? (
            <div className="alert alert--error" role="alert">
              <ul className="problem-list">
                {actionData.problems.map((p, i) => (
                  <li key={i}>{t(p.code, p.params)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {actionData?.done ? (
            <div className="alert alert--success" role="status">
              {t(actionData.done)}
            </div>
          ) : null}
          <p>
            {t("judging.chief.summary", {
              entries: progress.entries.length,
              incomplete: progress.incomplete,
              flagged: progress.flagged,
              blocking: progress.blockingDisagreements,
            })}
          </p>
          {isChief && progress.presidedByOthers > 0 ? (
            <p className="muted small">
              {t("judging.presiding.by_others", { count: progress.presidedByOthers })}
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("judging.blind_code")}</th>
                  <th scope="col">{t("judging.chief.missing")}</th>
                  <th scope="col">{t("judging.chief.disagreements")}</th>
                  <th scope="col">{t("judging.total")}</th>
                  <th scope="col">{t("judging.chief.action")}</th>
                </tr>
              </thead>
              <tbody>
                {progress.entries.map((e) => (
                  <tr key={e.blindCode}>
                    <td className="blind-code">{e.blindCode}</td>
                    <td>
                      {e.missing.length === 0
                        ? t("judging.chief.all_in")
                        : e.missing
                            .map((m) => `${t("scoring.judge_n", { n: m.judgeNo })}（${m.name}）`)
                            .join("、")}
                    </td>
                    <td>
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
                    <td>{formatMark(e.total)}</td>
                    <td>
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
              <Form method="post">
                <button type="submit" name="intent" value="lock" className="btn btn--primary">
                  {t("judging.chief.lock")}
                </button>
              </Form>
            ) : null}
            {isChief && event.status === "locked" ? (
              <Form method="post">
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
