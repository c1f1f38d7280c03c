// The rechecking judge's sheet (复核): every mark of the entry by panel position (裁判1, 裁判2 …,
// never names), prefilled; the judge changes what is wrong, says why, and finishes. Only the
// judge the recheck is assigned to can open it.
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/form-fields";
import { JudgingProblems } from "~/components/judging-problems";
import { recheckSheetSchema } from "~/forms/recheck";
import { formatMark, useT, codeLabel, keyOr } from "~/i18n";
import { completeRecheck } from "~/models/recheck.server";
import { readForm } from "~/http/form-body.server";
import { requireJudgeOnRecheck } from "~/http/judge-access.server";
import stylesHref from "~/styles/judging.css";
import { parseForm } from "~/utils/forms";
import { invalidForm, refused } from "~/http/refusal.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.judge.recheck");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sheet } = await requireJudgeOnRecheck(request, params);
  return { sheet };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, recheckId, sheet } = await requireJudgeOnRecheck(request, params);
  const formData = await readForm(request);
  const parsed = parseForm(recheckSheetSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.errors);
  // A recheck vouches for every mark of the entry, so the form must carry every cell: a
  // post without them (or from a sheet with another panel) is refused, not taken as "no change".
  const cells: Record<string, string> = {};
  for (const part of sheet.parts)
    for (const c of part.criteria)
      for (const cell of c.cells) {
        const value = formData.get(`c${cell.key.replace(":", "_")}`);
        if (typeof value !== "string")
          return refused([{ code: "recheck.sheet.invalid", params: {} }], 400);
        cells[cell.key] = value;
      }
  const result = await completeRecheck({
    recheckId,
    judgeId: user.id,
    cells,
    reason: parsed.data.reason,
  });
  if (result.ok) return { ok: true as const, done: result.value };
  // A cell's problem belongs to its input (c<criterion>_<judge>), a missing reason to the reason.
  return refused(
    result.problems.map((p) =>
      p.field !== undefined
        ? { ...p, field: `c${p.field.replace(":", "_")}` }
        : p.code === "recheck.sheet.reason_required"
          ? { ...p, field: "reason" }
          : p,
    ),
  );
}

function cellText(value: number | null, ws: boolean) {
  if (value === null) return "";
  return ws ? String(value) : formatMark(value);
}

export default function RecheckSheet() {
  const { sheet } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData?.ok === false ? actionData : undefined;
  const done = actionData?.ok ? actionData.done : undefined;
  const t = useT();
  const errors = failure?.errors ?? {};
  const editable = sheet.open && sheet.recheck.status !== "done";
  return (
    <section aria-labelledby="recheck-sheet-title">
      <p className="eyebrow">
        {sheet.event.name} · {codeLabel(t, "recheck.reason", sheet.recheck.reason)}
      </p>
      <h1 id="recheck-sheet-title">{t("recheck.sheet.title", { code: sheet.blindCode })}</h1>
      {done ? (
        <div className="alert alert--success" role="status">
          {t("recheck.sheet.saved", { n: done.differences })}
          {done.fullReviewOrdered ? <p>{t("recheck.sheet.full_review")}</p> : null}
        </div>
      ) : null}
      <JudgingProblems problems={failure?.problems} />
      {!sheet.open ? <p className="alert alert--info">{t("recheck.closed")}</p> : null}
      {sheet.open && sheet.recheck.status === "done" && !done ? (
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
