import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form-fields";
import { JudgingProblems } from "~/components/judging-problems";
import { AppealDecision } from "~/components/score-receipt";
import { StatusBadge } from "~/components/status-badge";
import { marksOpen } from "~/domain/judging/workflow";
import { correctionReasonSchema, decisionSchema } from "~/forms/judging";
import { formatMark, keyOr, useT } from "~/i18n";
import { decideAppeal, listAppealsForEntry, startAppealReview } from "~/models/appeals.server";
import { correctMarks, loadReviewGrid } from "~/models/marks.server";
import { notFound } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { parseForm } from "~/utils/forms";
import { invalidForm, refused } from "~/http/refusal.server";
import { parseId } from "~/utils/ids";
import { requireJudgeOnEntry } from "~/http/judge-access.server";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.judge.review");

function authorise(request: Request, params: LoaderFunctionArgs["params"]) {
  return requireJudgeOnEntry(request, params, { presiding: true });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { eventId, registrationId } = await authorise(request, params);
  const grid = await loadReviewGrid(eventId, registrationId);
  if (!grid) throw notFound();
  const appeals = await listAppealsForEntry(registrationId);
  const reviewing = appeals.some((a) => a.status === "reviewing");
  return { grid, appeals, editable: marksOpen(grid.event.status) || reviewing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, eventId, registrationId } = await authorise(request, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "correct") {
    const parsed = parseForm(correctionReasonSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors);
    const cells: Record<string, string> = {};
    for (const [key, value] of formData.entries()) {
      const m = /^c(\d+)_(\d+)$/.exec(key);
      if (m && typeof value === "string") cells[`${m[1]}:${m[2]}`] = value;
    }
    const result = await correctMarks({
      eventId,
      registrationId,
      chiefId: user.id,
      cells,
      reason: parsed.data.reason,
    });
    if (result.ok) return done("judging.review.saved");
    // A cell's problem belongs to its input (c<criterion>_<judge>).
    return refused(
      result.problems.map((p) =>
        p.field === undefined ? p : { ...p, field: `c${p.field.replace(":", "_")}` },
      ),
    );
  }
  if (intent === "review") {
    const result = await startAppealReview({
      appealId: parseId(formData.get("appealId")) ?? 0,
      eventId,
      registrationId,
      judgeId: user.id,
    });
    return result.ok ? done("judging.appeal.review_started") : refused(result.problems);
  }
  if (intent === "decide") {
    const parsed = parseForm(decisionSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors);
    const result = await decideAppeal({
      ...parsed.data,
      eventId,
      registrationId,
      judgeId: user.id,
    });
    return result.ok ? done("judging.appeal.decided") : refused(result.problems);
  }
  return refused([{ code: "judging.unknown_action", params: {} }], 400);
}

/** What the page says after a change went through (a message key). */
function done(message: string) {
  return { ok: true as const, message };
}

function cellText(value: number | null, ws: boolean) {
  if (value === null) return "";
  return ws ? String(value) : formatMark(value);
}

export default function ReviewEntry() {
  const { grid, appeals, editable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData?.ok === false ? actionData : undefined;
  const t = useT();
  const errors = failure?.errors ?? {};
  return (
    <section aria-labelledby="review-title">
      <p className="eyebrow">{grid.event.name}</p>
      <h1 id="review-title">
        {t("judging.review.title")} <span className="blind-code">{grid.blindCode}</span>
      </h1>
      <p className="muted small">
        {grid.panel
          .map((j) =>
            t("punct.labelled", { label: t("scoring.judge_n", { n: j.judgeNo }), text: j.name }),
          )
          .join(t("punct.semicolon"))}
      </p>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {t(keyOr(actionData.message))}
        </div>
      ) : null}
      <FormAlert
        message={
          Object.keys(errors).some((k) => /^c\d/.test(k)) ? t("judging.sheet.fix_errors") : null
        }
      />
      <JudgingProblems problems={failure?.problems} />
      {!editable ? <p className="alert alert--info">{t("judging.review.locked")}</p> : null}
      <Form method="post">
        <input type="hidden" name="intent" value="correct" />
        {grid.parts.map((part) => (
          <div key={part.id} className="table-wrap" tabIndex={0}>
            <table className="table review-grid">
              <caption>{part.name}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("scoring.receipt.criterion")}</th>
                  <th scope="col">{t("scoring.receipt.rule")}</th>
                  <th scope="col">{t("scoring.receipt.judge_marks")}</th>
                </tr>
              </thead>
              <tbody>
                {part.criteria.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.code} {c.name}
                      <div className="muted small">
                        {t("judging.sheet.max", {
                          max: c.rule === "worldskills" ? "3" : formatMark(c.maxMark),
                        })}
                      </div>
                    </th>
                    <td>{t(`scoring.rule.${c.rule}`)}</td>
                    <td>
                      {c.cells.map((cell) => {
                        const name = `c${c.id}_${cell.judgeId}`;
                        const label = `${c.code} ${cell.judgeNo === 0 ? t("judging.measurement") : t("scoring.judge_n", { n: cell.judgeNo })}`;
                        return (
                          <label
                            key={name}
                            className="small"
                            style={{ marginInlineEnd: ".75rem", display: "inline-block" }}
                          >
                            {cell.judgeNo === 0
                              ? t("judging.measurement")
                              : t("scoring.judge_n", { n: cell.judgeNo })}{" "}
                            <input
                              name={name}
                              aria-label={label}
                              defaultValue={cellText(cell.value, c.rule === "worldskills")}
                              inputMode="decimal"
                              disabled={!editable}
                              aria-invalid={errors[name] ? true : undefined}
                            />
                            {errors[name] ? (
                              <span className="field__error"> {t(keyOr(errors[name]))}</span>
                            ) : null}
                          </label>
                        );
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        {editable ? (
          <>
            <TextField
              name="reason"
              label={t("judging.review.reason")}
              error={errors.reason}
              maxLength={500}
              required
            />
            <div className="form-actions">
              <button type="submit" className="btn btn--primary">
                {t("judging.review.save")}
              </button>
            </div>
          </>
        ) : null}
      </Form>

      <h2>{t("judging.appeal.list_title")}</h2>
      {appeals.length === 0 ? <p className="muted">{t("judging.appeal.none")}</p> : null}
      {appeals.map((a) => (
        <article key={a.id} className="card section">
          <p>
            <StatusBadge status={a.status} prefix="judging.appeal.status" />
          </p>
          <p>{a.text}</p>
          {a.status === "submitted" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="review" />
              <input type="hidden" name="appealId" value={a.id} />
              <button type="submit" className="btn btn--primary">
                {t("judging.appeal.start_review")}
              </button>
            </Form>
          ) : null}
          {a.status === "reviewing" ? (
            <Form method="post" className="form-grid">
              <input type="hidden" name="intent" value="decide" />
              <input type="hidden" name="appealId" value={a.id} />
              <SelectField
                name="outcome"
                label={t("judging.appeal.outcome")}
                error={errors.outcome}
                defaultValue=""
              >
                <option value="">{t("judging.choose")}</option>
                <option value="upheld">{t("judging.appeal.status.upheld")}</option>
                <option value="dismissed">{t("judging.appeal.status.dismissed")}</option>
              </SelectField>
              <TextAreaField
                name="note"
                label={t("judging.appeal.note")}
                error={errors.note}
                maxLength={2000}
              />
              <div className="form-actions">
                <button type="submit" className="btn btn--primary">
                  {t("judging.appeal.decide")}
                </button>
              </div>
            </Form>
          ) : null}
          {a.decision ? <AppealDecision decision={a.decision} /> : null}
        </article>
      ))}
      <p>
        <Link to={`/judge/events/${grid.event.id}`}>{t("judging.back_to_worklist")}</Link>
      </p>
    </section>
  );
}
