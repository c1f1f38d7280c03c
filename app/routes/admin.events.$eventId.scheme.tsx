import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form-fields";
import { eventRulesSchema, partSchemeSchema } from "~/forms/judging";
import { JudgingProblems, judgingProblemText } from "~/components/judging-problems";
import { formatMark, useT, codeLabel, keyOr } from "~/i18n";
import { parseCentimarks } from "~/domain/scoring";
import type { SchemeRowInput } from "~/domain/judging/scheme-rows";
import {
  importSchemeXlsx,
  loadSchemeEditor,
  saveEventRules,
  savePartScheme,
  type EventRulesInput,
} from "~/models/marking-scheme.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { parseForm } from "~/utils/forms";
import type { KeyedProblem } from "~/utils/outcome";
import { invalidForm, refused, type ActionFailure } from "~/http/refusal.server";
import { idParam } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";
import { stackTable } from "~/components/stack-table";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.scheme");

const BLANK_ROWS = 2;
const TIERS = ["first", "second", "third", "merit"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const editor = await loadSchemeEditor(organiser.scope, idParam(params.eventId));
  if (!editor) throw notFound();
  return editor;
}

type Problem = Omit<KeyedProblem, "field">;
/** Which form the answer belongs to: a part's (partId), the rules form, or neither. */
type Placed = {
  partId?: number;
  rules?: boolean;
  /** Problems of the rules form, with their values, by the field they belong to. */
  fields?: Record<string, Problem[]>;
};
type ActionResult = ({ ok: true; done: string } & Placed) | (ActionFailure & Placed);

/**
 * The rules form lists every problem above it and each field's under the field, with its
 * values: a problem on several fields is listed once, and none goes to the form's errors
 * (which carry a key without values).
 */
function rulesRefusal(problems: readonly KeyedProblem[]) {
  const fields: Record<string, Problem[]> = {};
  const listed = new Map<string, Problem>();
  for (const { field, ...p } of problems) {
    if (field !== undefined) (fields[field] ??= []).push(p);
    listed.set(JSON.stringify(p), p);
  }
  return refused<Placed>([...listed.values()], 400, { rules: true, fields });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const eventId = idParam(params.eventId);
  if (!(await loadSchemeEditor(user.scope, eventId))) throw notFound();
  const formData = await readForm(request, "upload");
  const intent = formData.get("intent");

  if (intent === "part") {
    const parsed = parseForm(partSchemeSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors);
    const rows: SchemeRowInput[] = [];
    const count = Number(formData.get("rows") ?? 0);
    for (let i = 0; i < Math.min(count, 200); i++) {
      const v = (k: string) => String(formData.get(`${k}_${i}`) ?? "");
      rows.push({
        code: v("code"),
        name: v("name"),
        subCriterion: v("sub"),
        type: v("type"),
        maxMark: v("max"),
        aggregation: v("rule"),
        descriptors: v("desc"),
      });
    }
    const result = await savePartScheme({
      scope: user.scope,
      eventId,
      partId: parsed.data.partId,
      weight: parsed.data.weight,
      fullMark: parseCentimarks(parsed.data.fullMark) ?? 0,
      rows,
      actorId: user.id,
    });
    if (!result.ok) return refused<Placed>(result.problems, 400, { partId: parsed.data.partId });
    return {
      ok: true,
      done: "judging.scheme.saved",
      partId: parsed.data.partId,
    } satisfies ActionResult;
  }

  if (intent === "import") {
    const file = formData.get("file");
    if (!file || typeof file === "string" || file.size === 0)
      return refused([{ code: "judging.scheme.xlsx_missing", params: {} }], 400);
    const result = await importSchemeXlsx(user.scope, eventId, await file.arrayBuffer(), user.id);
    if (!result.ok) return refused(result.problems, 400);
    return { ok: true, done: "judging.scheme.imported" } satisfies ActionResult;
  }

  if (intent === "rules") {
    const parsed = parseForm(eventRulesSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors);
    const d = parsed.data as Record<string, string | undefined>;
    const tieBreaks = [d.tieBreak1, d.tieBreak2].flatMap((v): EventRulesInput["tieBreaks"] => {
      const m = /^(part|criterion):(\d+)$/.exec(v ?? "");
      return m ? [{ kind: m[1] as "part" | "criterion", id: Number(m[2]) }] : [];
    });
    const prizes = TIERS.flatMap((tier): EventRulesInput["prizes"] => {
      const kind = d[`${tier}Kind`];
      if (kind !== "share" && kind !== "count") return [];
      const min = d[`${tier}Min`] ? parseCentimarks(d[`${tier}Min`]!) : null;
      return [{ tier, kind, value: Number(d[`${tier}Value`] || 0), minTotal: min }];
    });
    const result = await saveEventRules(
      user.scope,
      eventId,
      { aggregation: d.aggregation as EventRulesInput["aggregation"], tieBreaks, prizes },
      user.id,
    );
    if (!result.ok) return rulesRefusal(result.problems);
    return { ok: true, done: "judging.scheme.rules_saved" } satisfies ActionResult;
  }
  return refused([{ code: "judging.unknown_action", params: {} }], 400);
}

function Problems({ problems, title }: { problems?: Problem[]; title?: string }) {
  const t = useT();
  if (!problems || problems.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert">
      {title ? <p>{title}</p> : null}
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={i}>
            {"line" in p.params ? t("judging.scheme.line", { line: p.params.line }) : null}
            {judgingProblemText(t, p)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's messages under its input: the form's own check, then the rules' problems. */
function FieldProblems({ id, zod, problems }: { id: string; zod?: string; problems?: Problem[] }) {
  const t = useT();
  if (!zod && (!problems || problems.length === 0)) return null;
  return (
    <span className="field__error" id={id}>
      {zod ? ` ${t(keyOr(zod))}` : null}
      {(problems ?? []).map((p, i) => (
        <span key={i}> {judgingProblemText(t, p)}</span>
      ))}
    </span>
  );
}

export default function SchemeEditor() {
  const { event, frozen, problems, tieBreaks, prizes, descriptorsText } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const t = useT();
  const refusal = actionData?.ok === false ? actionData : null;
  const errors = refusal?.errors ?? {};
  const fields = refusal?.fields ?? {};
  const invalid = (name: string) => Boolean(errors[name] || fields[name]?.length);
  const tieOptions = [
    ...event.parts.map((p) => ({
      value: `part:${p.id}`,
      label: t("scoring.tiebreak.part", { part: p.name }),
    })),
    ...event.parts.flatMap((p) =>
      p.criteria.map((c) => ({
        value: `criterion:${c.id}`,
        label: t("scoring.tiebreak.criterion", { criterion: `${c.code} ${c.name}` }),
      })),
    ),
  ];
  const tieValue = (i: number) => {
    const k = tieBreaks[i];
    return k ? (k.kind === "part" ? `part:${k.partId}` : `criterion:${k.criterionId}`) : "";
  };
  return (
    <section aria-labelledby="scheme-title">
      <p className="eyebrow">{event.contest.name}</p>
      <h1 id="scheme-title">
        {t("judging.admin.scheme")} · {event.name}
      </h1>
      {frozen ? <p className="alert alert--info">{t("judging.scheme.frozen")}</p> : null}
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {t(keyOr(actionData.done))}
        </div>
      ) : null}
      {actionData?.partId === undefined && !actionData?.rules ? (
        <Problems problems={refusal?.problems} />
      ) : null}
      <JudgingProblems
        problems={problems}
        title={t("judging.scheme.current_problems")}
        tone="info"
      />

      <div className="form-actions">
        <a className="btn btn--ghost" href={`/admin/events/${event.id}/scheme.xlsx`} download>
          {t("judging.scheme.export")}
        </a>
      </div>
      <Form method="post" encType="multipart/form-data" className="form-grid">
        <input type="hidden" name="intent" value="import" />
        <TextField
          type="file"
          name="file"
          label={t("judging.scheme.import_file")}
          accept=".xlsx"
          hint={t("judging.scheme.import_hint")}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn--ghost" disabled={frozen}>
            {t("judging.scheme.import")}
          </button>
        </div>
      </Form>

      {event.parts.map((part) => {
        const rows = [...part.criteria, ...Array.from({ length: BLANK_ROWS }, () => null)];
        return (
          <Form method="post" key={part.id} className="section card">
            <h2>{part.name}</h2>
            {refusal?.partId === part.id ? <Problems problems={refusal.problems} /> : null}
            <input type="hidden" name="intent" value="part" />
            <input type="hidden" name="partId" value={part.id} />
            <input type="hidden" name="rows" value={rows.length} />
            <div className="form-grid">
              <TextField
                name="weight"
                label={t("judging.scheme.weight")}
                defaultValue={part.weight}
                inputMode="numeric"
                id={`weight-${part.id}`}
                error={actionData?.partId === part.id ? errors.weight : undefined}
              />
              <TextField
                name="fullMark"
                label={t("judging.scheme.part_full_mark")}
                defaultValue={formatMark(part.fullMark)}
                inputMode="decimal"
                id={`full-${part.id}`}
              />
            </div>
            <div className="table-wrap" tabIndex={0}>
              <table {...stackTable.table} className="table table--stack scheme-criteria">
                <thead {...stackTable.rowgroup}>
                  <tr {...stackTable.row}>
                    <th {...stackTable.columnheader}>{t("judging.scheme.code")}</th>
                    <th {...stackTable.columnheader}>{t("judging.scheme.name")}</th>
                    <th {...stackTable.columnheader}>{t("scoring.receipt.sub_criterion")}</th>
                    <th {...stackTable.columnheader}>{t("scoring.receipt.criterion_type")}</th>
                    <th {...stackTable.columnheader}>{t("scoring.receipt.max_mark")}</th>
                    <th {...stackTable.columnheader}>{t("scoring.receipt.rule")}</th>
                    <th {...stackTable.columnheader}>{t("judging.scheme.descriptors")}</th>
                  </tr>
                </thead>
                <tbody {...stackTable.rowgroup}>
                  {rows.map((c, i) => (
                    <tr key={c?.id ?? `new-${i}`} {...stackTable.row}>
                      <td {...stackTable.cell(t("judging.scheme.code"))}>
                        <input
                          name={`code_${i}`}
                          defaultValue={c?.code ?? ""}
                          aria-label={`${part.name} ${t("judging.scheme.code")} ${i + 1}`}
                          size={4}
                        />
                      </td>
                      <td {...stackTable.cell(t("judging.scheme.name"))}>
                        <input
                          name={`name_${i}`}
                          defaultValue={c?.name ?? ""}
                          aria-label={`${part.name} ${t("judging.scheme.name")} ${i + 1}`}
                        />
                      </td>
                      <td {...stackTable.cell(t("scoring.receipt.sub_criterion"))}>
                        <input
                          name={`sub_${i}`}
                          defaultValue={c?.subCriterion ?? ""}
                          aria-label={`${part.name} ${t("scoring.receipt.sub_criterion")} ${i + 1}`}
                          size={3}
                        />
                      </td>
                      <td {...stackTable.cell(t("scoring.receipt.criterion_type"))}>
                        <select
                          name={`type_${i}`}
                          defaultValue={c?.type ?? "judgement"}
                          aria-label={`${part.name} ${t("scoring.receipt.criterion_type")} ${i + 1}`}
                        >
                          <option value="measurement">
                            {t("scoring.criterion_type.measurement")}
                          </option>
                          <option value="judgement">{t("scoring.criterion_type.judgement")}</option>
                        </select>
                      </td>
                      <td {...stackTable.cell(t("scoring.receipt.max_mark"))}>
                        <input
                          name={`max_${i}`}
                          defaultValue={c ? formatMark(c.maxMark) : ""}
                          inputMode="decimal"
                          size={6}
                          aria-label={`${part.name} ${t("scoring.receipt.max_mark")} ${i + 1}`}
                        />
                      </td>
                      <td {...stackTable.cell(t("scoring.receipt.rule"))}>
                        <select
                          name={`rule_${i}`}
                          defaultValue={c?.aggregation ?? ""}
                          aria-label={`${part.name} ${t("scoring.receipt.rule")} ${i + 1}`}
                        >
                          <option value="">{t("judging.scheme.rule_default")}</option>
                          {["mean", "trimmed_mean", "median", "worldskills"].map((r) => (
                            <option key={r} value={r}>
                              {codeLabel(t, "scoring.rule", r)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td {...stackTable.cell(t("judging.scheme.descriptors"))}>
                        <input
                          name={`desc_${i}`}
                          defaultValue={c ? (descriptorsText[String(c.id)] ?? "") : ""}
                          aria-label={`${part.name} ${t("judging.scheme.descriptors")} ${i + 1}`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted small">{t("judging.scheme.rows_hint")}</p>
            <div className="form-actions">
              <button type="submit" className="btn btn--primary" disabled={frozen}>
                {t("judging.scheme.save_part", { part: part.name })}
              </button>
            </div>
          </Form>
        );
      })}

      <Form method="post" className="section card" id="rules">
        <h2>{t("judging.scheme.rules_title")}</h2>
        {refusal?.rules ? (
          <Problems problems={refusal.problems} title={t("judging.scheme.rules_problems")} />
        ) : null}
        <input type="hidden" name="intent" value="rules" />
        <div className="form-grid">
          <SelectField
            name="aggregation"
            label={t("judging.scheme.default_rule")}
            defaultValue={event.aggregation}
            error={errors.aggregation}
          >
            {["mean", "trimmed_mean", "median", "worldskills"].map((r) => (
              <option key={r} value={r}>
                {codeLabel(t, "scoring.rule", r)}
              </option>
            ))}
          </SelectField>
          {[0, 1].map((i) => (
            <SelectField
              key={i}
              name={`tieBreak${i + 1}`}
              label={t("judging.scheme.tie_break_n", { n: i + 1 })}
              defaultValue={tieValue(i)}
              error={
                fields[`tieBreak${i + 1}`]?.map((p) => judgingProblemText(t, p)).join(" ") ||
                undefined
              }
            >
              <option value="">{t("judging.scheme.none")}</option>
              {tieOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        <div className="table-wrap" tabIndex={0}>
          <table {...stackTable.table}>
            <thead {...stackTable.rowgroup}>
              <tr {...stackTable.row}>
                <th {...stackTable.columnheader}>{t("scoring.receipt.prize")}</th>
                <th {...stackTable.columnheader}>{t("judging.scheme.quota_kind")}</th>
                <th {...stackTable.columnheader}>{t("judging.scheme.quota_value")}</th>
                <th {...stackTable.columnheader}>{t("judging.scheme.min_total")}</th>
              </tr>
            </thead>
            <tbody {...stackTable.rowgroup}>
              {TIERS.map((tier) => {
                const rule = prizes.tiers.find((p) => p.tier === tier);
                const kind = rule ? rule.quota.kind : "none";
                const value = rule
                  ? rule.quota.kind === "share"
                    ? rule.quota.shareBp / 100
                    : rule.quota.count
                  : "";
                return (
                  <tr key={tier} {...stackTable.row}>
                    <th {...stackTable.rowheader}>{t(`scoring.prize.${tier}`)}</th>
                    <td {...stackTable.cell(t("judging.scheme.quota_kind"))}>
                      <select
                        name={`${tier}Kind`}
                        defaultValue={kind}
                        aria-label={`${t(`scoring.prize.${tier}`)} ${t("judging.scheme.quota_kind")}`}
                      >
                        <option value="none">{t("judging.scheme.none")}</option>
                        <option value="share">{t("judging.scheme.by_share")}</option>
                        <option value="count">{t("judging.scheme.by_count")}</option>
                      </select>
                    </td>
                    <td {...stackTable.cell(t("judging.scheme.quota_value"))}>
                      <input
                        name={`${tier}Value`}
                        defaultValue={value}
                        inputMode="numeric"
                        size={5}
                        aria-label={`${t(`scoring.prize.${tier}`)} ${t("judging.scheme.quota_value")}`}
                        aria-invalid={invalid(`${tier}Value`) || undefined}
                        aria-describedby={
                          invalid(`${tier}Value`) ? `${tier}Value-error` : undefined
                        }
                      />
                      <FieldProblems
                        id={`${tier}Value-error`}
                        zod={errors[`${tier}Value`]}
                        problems={fields[`${tier}Value`]}
                      />
                    </td>
                    <td {...stackTable.cell(t("judging.scheme.min_total"))}>
                      <input
                        name={`${tier}Min`}
                        defaultValue={rule?.minTotal !== undefined ? formatMark(rule.minTotal) : ""}
                        inputMode="decimal"
                        size={6}
                        aria-label={`${t(`scoring.prize.${tier}`)} ${t("judging.scheme.min_total")}`}
                        aria-invalid={invalid(`${tier}Min`) || undefined}
                        aria-describedby={invalid(`${tier}Min`) ? `${tier}Min-error` : undefined}
                      />
                      <FieldProblems
                        id={`${tier}Min-error`}
                        zod={errors[`${tier}Min`]}
                        problems={fields[`${tier}Min`]}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            {t("judging.scheme.save_rules")}
          </button>
          <Link to="/admin/judging" className="btn btn--ghost">
            {t("judging.admin.back")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
