// The rechecking judge's sheet (复核): every mark of the entry by panel position (裁判1, 裁判2 …,
// never names), prefilled; the judge changes what is wrong, says why, and finishes. Only the
// judge the recheck is assigned to can open it.
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/form-fields";
import { JudgingProblems } from "~/components/judging-problems";
import { recheckSheetSchema } from "~/forms/recheck";
import { formatMark, useT, codeLabel, keyOr } from "~/i18n";
import { completeRecheck, loadRecheckSheet } from "~/models/recheck.server";
import { readForm } from "~/http/form-body.server";
import { notFound, requireJudge } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.judge.recheck");

async function authorise(request: Request, recheckIdParam: string | undefined) {
  const user = await requireJudge(request);
  const recheckId = parseId(recheckIdParam);
  if (recheckId === null) throw notFound();
  const sheet = await loadRecheckSheet(recheckId, user.id);
  if (!sheet) throw notFound();
  return { user, recheckId, sheet };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sheet } = await authorise(request, params.recheckId);
  return { sheet };
}

type Problem = { code: string; params: Record<string, string | number> };
type ActionResult = {
  errors?: FieldErrors;
  problems?: Problem[];
  done?: { differences: number; fullReviewOrdered: boolean };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, recheckId, sheet } = await authorise(request, params.recheckId);
  const formData = await readForm(request);
  const parsed = parseForm(recheckSheetSchema, formData);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors }, { status: 400 });
  // A recheck vouches for every mark of the entry, so the form must carry every cell: a
  // post without them (or from a sheet with another panel) is refused, not taken as "no change".
  const cells: Record<string, string> = {};
  for (const part of sheet.parts)
    for (const c of part.criteria)
      for (const cell of c.cells) {
        const value = formData.get(`c${cell.key.replace(":", "_")}`);
        if (typeof value !== "string")
          return data<ActionResult>(
            { problems: [{ code: "recheck.sheet.invalid", params: {} }] },
            { status: 400 },
          );
        cells[cell.key] = value;
      }
  const result = await completeRecheck({
    recheckId,
    judgeId: user.id,
    cells,
    reason: parsed.data.reason,
  });
  if (result.ok) return { done: result.value } satisfies ActionResult;
  const errors: FieldErrors = {};
  for (const [key, code] of Object.entries(result.errors ?? {}))
    errors[`c${key.replace(":", "_")}`] = code;
  if (result.problems.some((p) => p.code === "recheck.sheet.reason_required"))
    errors.reason = "recheck.sheet.reason_required";
  return data<ActionResult>(
    { errors, problems: result.problems },
    { status: result.errors || errors.reason ? 400 : 409 },
  );
}

function cellText(value: number | null, ws: boolean) {
  if (value === null) return "";
  return ws ? String(value) : formatMark(value);
}

export default function RecheckSheet() {
  const { sheet } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const t = useT();
  const errors = actionData?.errors ?? {};
  const editable = sheet.open && sheet.recheck.status !== "done";
  return (
    <section aria-labelledby="recheck-sheet-title">
      <p className="eyebrow">
        {sheet.event.name} · {codeLabel(t, "recheck.reason", sheet.recheck.reason)}
      </p>
      <h1 id="recheck-sheet-title">{t("recheck.sheet.title", { code: sheet.blindCode })}</h1>
      {actionData?.done ? (
        <div className="alert alert--success" role="status">
          {t("recheck.sheet.saved", { n: actionData.done.differences })}
          {actionData.done.fullReviewOrdered ? <p>{t("recheck.sheet.full_review")}</p> : null}
        </div>
      ) : null}
      <JudgingProblems problems={actionData?.problems} />
      {!sheet.open ? <p className="alert alert--info">{t("recheck.closed")}</p> : null}
      {sheet.open && sheet.recheck.status === "done" && !actionData?.done ? (
        <p className="alert alert--info">{t("recheck.sheet.already")}</p>
      ) : null}
      <p className="muted">{t("recheck.sheet.intro")}</p>
      <Form method="post">
        {sheet.parts.map((part) => (
          <fieldset key={part.id} className="sheet-part">
            <legend className="sheet-part__title">
              <strong>{part.name}</strong>
            </legend>
            <ul className="sheet-criteria">
              {part.criteria.map((c) => (
                <li key={c.id} className="sheet-criterion">
                  <div className="sheet-criterion__head">
                    <strong>
                      {c.code} {c.name}
                    </strong>
                    <span className="muted small">
                      {t(`scoring.rule.${c.rule}`)} ·{" "}
                      {t("judging.sheet.max", {
                        max: c.rule === "worldskills" ? "3" : formatMark(c.maxMark),
                      })}
                    </span>
                  </div>
                  <div className="recheck-cells">
                    {c.cells.map((cell) => {
                      const name = `c${cell.key.replace(":", "_")}`;
                      const label =
                        cell.judgeNo === 0
                          ? t("recheck.sheet.measurement_cell", { criterion: c.code })
                          : t("recheck.sheet.judge_cell", { criterion: c.code, n: cell.judgeNo });
                      return (
                        <label key={name} className="recheck-cell">
                          <span className="small">
                            {cell.judgeNo === 0
                              ? t("judging.measurement")
                              : t("scoring.judge_n", { n: cell.judgeNo })}
                          </span>
                          <input
                            name={name}
                            aria-label={label}
                            className="field__input"
                            defaultValue={cellText(cell.value, c.rule === "worldskills")}
                            inputMode="decimal"
                            disabled={!editable}
                            aria-invalid={errors[name] ? true : undefined}
                          />
                          <span className="muted small">
                            {t("recheck.sheet.original", {
                              value:
                                cell.value === null
                                  ? "—"
                                  : cellText(cell.value, c.rule === "worldskills"),
                            })}
                          </span>
                          {errors[name] ? (
                            <span className="field__error">{t(keyOr(errors[name]))}</span>
                          ) : null}
                        </label>
                      );
                    })}
                  </div>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
        {editable ? (
          <>
            <TextAreaField
              name="reason"
              label={t("recheck.sheet.reason")}
              error={errors.reason}
              maxLength={500}
              rows={3}
            />
            <div className="form-actions">
              <button type="submit" className="btn btn--primary">
                {t("recheck.sheet.done")}
              </button>
            </div>
          </>
        ) : null}
      </Form>
      <p>
        <Link to="/judge">{t("judging.back_to_worklist")}</Link>
      </p>
    </section>
  );
}
