// The chief judge's recheck before lock (复核): select what the rule requires (the top N by
// name, the share of the rest by a recorded random draw, everything in a full re-review) and
// give each recheck to a judge who did not mark the entry. The error rate is shown as it
// stands; lock refuses until every required recheck is done.
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { JudgingProblems } from "~/components/judging-problems";
import { RecheckDraws, RecheckList, RecheckSummary } from "~/components/recheck-status";
import { marksOpen } from "~/domain/judging/workflow";
import { recheckAssignSchema } from "~/forms/recheck";
import { useT, keyOr } from "~/i18n";
import { requireJudgeOnEvent } from "~/http/judge-access.server";
import { assignRecheck, judgeRecheckBoard, selectRechecks } from "~/models/recheck.server";
import { readForm } from "~/http/form-body.server";
import { refused } from "~/http/refusal.server";
import { notFound } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { parseForm } from "~/utils/forms";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.judge.rechecks");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { eventId } = await requireJudgeOnEvent(request, params, { chief: true });
  const board = await judgeRecheckBoard(eventId);
  if (!board) throw notFound();
  return board;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, eventId } = await requireJudgeOnEvent(request, params, { chief: true });
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "select") {
    const result = await selectRechecks(eventId, user.id);
    if (!result.ok) return refused(result.problems);
    return done("recheck.selected", {
      selected: result.value.selected,
      drawn: result.value.drawn,
    });
  }
  if (intent === "assign") {
    const parsed = parseForm(recheckAssignSchema, formData);
    if (!parsed.ok) return refused([{ code: "recheck.assign.not_eligible", params: {} }], 400);
    const result = await assignRecheck(
      eventId,
      user.id,
      parsed.data.recheckId,
      parsed.data.judgeId,
    );
    if (!result.ok) return refused(result.problems);
    return done("recheck.assigned");
  }
  return refused([{ code: "judging.unknown_action", params: {} }], 400);
}

/** What the page says after a change went through: a message key and its values. */
function done(code: string, params: Record<string, number> = {}) {
  return { ok: true as const, done: { code, params } };
}

export default function ChiefRechecks() {
  const board = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData?.ok === false ? actionData : undefined;
  const t = useT();
  const open = marksOpen(board.event.status);
  const eligible = new Map(board.rechecks.map((r) => [r.id, r.eligible] as const));
  return (
    <section aria-labelledby="rechecks-title">
      <p className="eyebrow">{board.event.contestName}</p>
      <h1 id="rechecks-title">
        {t("recheck.title")} · {board.event.name}
      </h1>
      <p className="muted">{t("recheck.intro")}</p>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {t(keyOr(actionData.done.code), actionData.done.params)}
        </div>
      ) : null}
      <JudgingProblems problems={failure?.problems} />
      <RecheckSummary status={board.status} incomplete={board.incomplete} />
      {open &&
      board.status.active &&
      !board.incomplete &&
      board.status.plan.toSelect + board.status.plan.toDraw > 0 ? (
        <Form method="post" className="form-actions">
          <button type="submit" name="intent" value="select" className="btn btn--primary">
            {t("recheck.select")}
          </button>
        </Form>
      ) : null}
      <RecheckList
        rows={board.rechecks}
        action={(row) => {
          if (!open || row.status === "done") return null;
          const judges = eligible.get(row.id) ?? [];
          if (judges.length === 0) return <p className="muted small">{t("recheck.no_eligible")}</p>;
          const current = board.rechecks.find((r) => r.id === row.id)?.judgeId;
          return (
            <Form method="post" className="recheck-assign">
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="recheckId" value={row.id} />
              <label className="field__label" htmlFor={`judge-${row.id}`}>
                {t("recheck.assign_to", { code: row.blindCode })}
              </label>
              <select
                id={`judge-${row.id}`}
                name="judgeId"
                className="field__input"
                defaultValue={current ?? judges[0]!.id}
              >
                {judges.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name}
                  </option>
                ))}
              </select>
              <button
                type="submit"
                className="btn btn--small btn--ghost"
                aria-label={`${t("recheck.assign")} ${row.blindCode}`}
              >
                {t("recheck.assign")}
              </button>
            </Form>
          );
        }}
      />
      <RecheckDraws draws={board.draws} />
      <p>
        <Link to={`/judge/events/${board.event.id}`}>{t("recheck.back")}</Link>
      </p>
    </section>
  );
}
