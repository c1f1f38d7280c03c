import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import { useEffect, type FormEvent, type KeyboardEvent } from "react";
import { FormAlert } from "~/components/form-fields";
import { JudgingProblems } from "~/components/judging-problems";
import { useZodForm } from "~/components/use-zod-form";
import { parseDescriptors } from "~/domain/judging/definition";
import { scoreSheetSchema } from "~/forms/judging";
import { formatDateTime, formatMark, keyOr, useLocale, useT } from "~/i18n";
import { scoringWindowState } from "~/domain/judging/workflow";
import { keyedScoringProblems, saveScoreSheet } from "~/models/marks.server";
import { invalidForm, refused } from "~/http/refusal.server";
import { notFound } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { parseForm } from "~/utils/forms";
import { requireJudgeSheet, requireJudgeSheetToSave } from "~/http/judge-access.server";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.judge.sheet");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sheet } = await requireJudgeSheet(request, params);
  // A registration id never reaches a judge: entries are theirs by blind code only.
  const { registrationId: _registrationId, ...shown } = sheet;
  return {
    sheet: { ...shown, notReady: keyedScoringProblems(sheet.notReady) },
    windowState: scoringWindowState(sheet.window, new Date()),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, eventId, sheet } = await requireJudgeSheetToSave(request, params);
  const criteria = sheet.parts.flatMap((p) => p.criteria);
  const parsed = parseForm(
    scoreSheetSchema(
      criteria,
      sheet.parts.map((p) => p.id),
    ),
    await readForm(request),
  );
  if (!parsed.ok) return invalidForm(parsed.errors);
  const values = parsed.data as Record<string, unknown>;
  const submit = values.intent === "submit";
  const result = await saveScoreSheet({
    eventId,
    registrationId: sheet.registrationId,
    judgeId: user.id,
    versions: Object.fromEntries(sheet.parts.map((p) => [p.id, Number(values[`v${p.id}`])])),
    marks: Object.fromEntries(
      criteria.map((c) => [c.id, values[`m${c.id}`] as string | undefined]),
    ),
    submit,
  });
  if (result.ok) {
    return submit
      ? redirect(`/judge/events/${eventId}?submitted=${encodeURIComponent(sheet.blindCode)}`)
      : redirect(`/judge/events/${eventId}/entries/${encodeURIComponent(sheet.blindCode)}?saved=1`);
  }
  if (result.problems.some((p) => p.code === "judging.sheet.not_found")) throw notFound();
  // A criterion's problem belongs to its mark field (m<criterion id>).
  const marks = result.problems.some((p) => p.field !== undefined);
  return refused(
    result.problems.map((p) => (p.field === undefined ? p : { ...p, field: `m${p.field}` })),
    marks ? 400 : 409,
  );
}

function markText(value: number | undefined, worldskills: boolean): string {
  if (value === undefined) return "";
  return worldskills ? String(value) : formatMark(value).replace(/\.?0+$/, "");
}

export default function ScoreSheetPage() {
  const { sheet, saved, windowState } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const refusedWith = (code: string) => failure?.problems.some((p) => p.code === code) ?? false;
  const notReady = failure?.problems.filter((p) => p.code.startsWith("scoring."));
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  // Refused outside the scoring window: the page says which side of it the judge is on.
  const windowShut = refusedWith("judge.window.opens")
    ? "not_yet_open"
    : refusedWith("judge.window.closed")
      ? "closed"
      : windowState === "open"
        ? null
        : windowState;
  const editable = sheet.open && windowShut === null;
  const submittedBefore = sheet.parts.some((p) => p.status === "submitted");
  const criteria = sheet.parts.flatMap((p) => p.criteria);
  const schema = scoreSheetSchema(
    criteria,
    sheet.parts.map((p) => p.id),
  );
  const defaults: Record<string, string> = {};
  for (const c of criteria)
    defaults[`m${c.id}`] = markText(sheet.values[String(c.id)], c.rule === "worldskills");
  for (const p of sheet.parts) defaults[`v${p.id}`] = String(p.version);
  const { form, errorFor } = useZodForm(schema, {
    defaultValues: defaults as never,
    serverErrors: failure?.errors,
  });
  const submitForm = useSubmit();
  // Submit through the pressed button so its intent (draft / submit) travels with the marks.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    event.preventDefault();
    void form.handleSubmit(() => submitForm(submitter ?? target))(event);
  };
  const { reset } = form;
  const versionKey = sheet.parts.map((p) => p.version).join(",");
  // A reload after a save brings new versions and marks; start the form from them.
  useEffect(() => reset(defaults as never), [versionKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // Enter moves to the next mark instead of submitting: fast entry from a keypad.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    const inputs = [
      ...(event.currentTarget.form?.querySelectorAll<HTMLInputElement>("input[data-mark]") ?? []),
    ];
    const next = inputs[inputs.indexOf(event.currentTarget) + 1];
    if (next) {
      event.preventDefault();
      next.focus();
      next.select();
    }
  };
  const busy = navigation.state !== "idle";
  let first = true;

  return (
    <section aria-labelledby="sheet-title">
      <p className="eyebrow">{sheet.event.name}</p>
      <h1 id="sheet-title">
        {t("judging.sheet.title")} <span className="blind-code">{sheet.blindCode}</span>
      </h1>
      <p className="muted">{t("judging.sheet.you_are", { n: sheet.judgeNo })}</p>
      {saved ? (
        <div className="alert alert--success" role="status">
          {t("judging.sheet.saved")}
        </div>
      ) : null}
      {sheet.parts.some((p) => p.pendingDraft && p.status === "submitted") ? (
        <div className="alert alert--info" role="status">
          {t("judging.sheet.pending_draft")}
        </div>
      ) : null}
      {refusedWith("judging.sheet.conflict") ? (
        <div className="alert alert--error" role="alert">
          <p>{t("judging.sheet.conflict")}</p>
          <a className="btn btn--small" href={`?reload=${Date.now()}`}>
            {t("judging.sheet.reload")}
          </a>
        </div>
      ) : null}
      {sheet.notReady.length > 0 || notReady?.length ? (
        <JudgingProblems
          problems={notReady?.length ? notReady : sheet.notReady}
          title={t("judging.sheet.not_ready")}
        />
      ) : null}
      {refusedWith("judging.sheet.closed") || !sheet.open ? (
        <div className="alert alert--info" role="status">
          {t("judging.sheet.closed")}
        </div>
      ) : null}
      {sheet.open && windowShut === "not_yet_open" ? (
        <div className="alert alert--info" role="status">
          {sheet.window.opensAt
            ? t("judge.window.opens", { date: formatDateTime(locale, sheet.window.opensAt) })
            : null}
        </div>
      ) : null}
      {sheet.open && windowShut === "closed" ? (
        <div className="alert alert--info" role="status">
          {t("judge.window.closed", { date: formatDateTime(locale, sheet.window.closesAt) })}
        </div>
      ) : null}
      {editable && submittedBefore ? (
        <div className="alert alert--info" role="note">
          {t("judge.sheet.editSubmitted")}
        </div>
      ) : null}
      {failure && Object.keys(failure.errors).length > 0 ? (
        <FormAlert message={t("judging.sheet.fix_errors")} />
      ) : null}
      <Form method="post" onSubmit={onSubmit} noValidate>
        {sheet.parts.map((part) => (
          <fieldset key={part.id} className="sheet-part" disabled={!editable}>
            <legend className="sheet-part__title">
              <strong>{part.name}</strong>
              <span className="muted small">
                {t("judging.sheet.weight", { weight: part.weight })}
              </span>
              {part.status === "submitted" ? (
                <span className="badge badge--submitted">{t("judging.sheet.state.submitted")}</span>
              ) : null}
            </legend>
            <input type="hidden" defaultValue={part.version} {...form.register(`v${part.id}`)} />
            <ul className="sheet-criteria">
              {part.criteria.map((c) => {
                const name = `m${c.id}`;
                const ws = c.rule === "worldskills";
                const error = errorFor(name);
                const id = `f-${name}`;
                const descriptors = parseDescriptors(c.descriptors);
                const autoFocus = first;
                first = false;
                return (
                  <li key={c.id} className="sheet-criterion">
                    <div className="sheet-criterion__head">
                      <label htmlFor={id} className="field__label">
                        {c.code} {c.name}
                      </label>
                      <span className="muted small">
                        {ws
                          ? t("judging.sheet.points_range")
                          : t("judging.sheet.max", { max: formatMark(c.maxMark) })}{" "}
                        · {t(`scoring.rule.${c.rule}`)}
                      </span>
                    </div>
                    <div className={`field${error ? " field--invalid" : ""}`}>
                      <input
                        id={id}
                        className="field__input"
                        data-mark
                        inputMode={ws ? "numeric" : "decimal"}
                        enterKeyHint="next"
                        autoComplete="off"
                        autoFocus={autoFocus}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        onKeyDown={onKeyDown}
                        defaultValue={defaults[name]}
                        {...form.register(name)}
                      />
                      {error ? (
                        <p id={`${id}-error`} className="field__error" role="alert">
                          {t(keyOr(error), { max: ws ? 3 : formatMark(c.maxMark) })}
                        </p>
                      ) : null}
                    </div>
                    {descriptors.length > 0 ? (
                      <ul className="sheet-descriptors">
                        {descriptors.map((d) => (
                          <li key={d.level}>
                            {t("punct.labelled", { label: d.level, text: d.text })}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
        {editable ? (
          <div className="sheet-actions">
            <button
              type="submit"
              name="intent"
              value="draft"
              className="btn btn--ghost"
              disabled={busy}
            >
              {t("judging.sheet.save_draft")}
            </button>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="btn btn--primary"
              disabled={busy}
            >
              {submittedBefore ? t("judge.sheet.resubmit") : t("judging.sheet.submit")}
            </button>
            <Link to={`/judge/events/${sheet.event.id}`} className="btn btn--ghost">
              {t("judging.back_to_worklist")}
            </Link>
          </div>
        ) : (
          <p>
            <Link to={`/judge/events/${sheet.event.id}`}>← {t("judging.back_to_worklist")}</Link>
          </p>
        )}
      </Form>
    </section>
  );
}
