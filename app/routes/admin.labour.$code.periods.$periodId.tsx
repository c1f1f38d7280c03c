import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, SelectField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { VETO_REASONS, type VetoReason } from "~/domain/labour";
import { labourPanelSchema } from "~/forms/labour";
import { FlagIcon } from "~/components/labour-trend-chart";
import {
  formatDate,
  formatMark,
  translate,
  translateProblem,
  useLocale,
  useT,
  codeLabel,
} from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { invalidForm, refused, type ActionFailure } from "~/http/refusal.server";
import {
  closePeriod,
  getLabourContestForOrganiser,
  getPeriod,
  previewPeriod,
  savePanelScore,
} from "~/models/labour.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import type { OrganiserScope } from "~/domain/organisation";
import labourStyles from "~/styles/labour.css";
import { parseForm } from "~/utils/forms";
import { refusalText } from "~/i18n/problem-text";
import { parseId } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: labourStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.period.name);

async function load(
  scope: OrganiserScope,
  code: string | undefined,
  periodIdParam: string | undefined,
) {
  const contest = await getLabourContestForOrganiser(scope, code ?? "");
  const periodId = Number(periodIdParam);
  if (!contest || !Number.isInteger(periodId)) throw notFound();
  const period = await getPeriod(contest.id, periodId);
  if (!period) throw notFound();
  return { contest, period };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const locale = await getLocale(request);
  const { contest, period } = await load(organiser.scope, params.code, params.periodId);
  const preview = previewPeriod(contest, period);
  const problems = preview.problems.map((p) =>
    translateProblem(locale, "rules", {
      code: p.code,
      params: {
        ...p.params,
        indicator: translate(locale, `rules.labour_indicator.${p.params.indicator}`),
      },
    }),
  );
  return {
    contest,
    period,
    preview: { ranking: preview.ranking, redFlag: preview.redFlag },
    problems,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const locale = await getLocale(request);
  const { contest, period } = await load(user.scope, params.code, params.periodId);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "score") {
    const parsed = parseForm(labourPanelSchema(contest.labourIndicators), formData);
    const orgId = parseId(formData.get("organisationId")) ?? 0;
    if (!parsed.ok) return invalidForm(parsed.errors, { intent, orgId });
    if (!contest.labourParticipants.some((p) => p.organisationId === orgId)) throw notFound();
    const figures = contest.labourIndicators.map((i) => {
      const v = Number(parsed.data[`ind_${i.id}`]);
      return i.method === "panel"
        ? { indicatorId: i.id, value: null, panelMark: v }
        : { indicatorId: i.id, value: v, panelMark: null };
    });
    const veto = parsed.data.veto ? (parsed.data.veto as VetoReason) : null;
    const saved = await savePanelScore(user, period, orgId, { figures, veto });
    if (!saved) throw notFound();
    if (!saved.ok) return refused(saved.problems, undefined, { intent, orgId });
    return { intent, orgId, ok: true, message: translate(locale, "labour.score.saved") };
  }
  if (intent === "close") {
    const outcome = await closePeriod(user, contest, period.id);
    if (!outcome) throw notFound();
    if (!outcome.ok) return refused(outcome.problems, undefined, { intent, orgId: 0 });
    return { intent, orgId: 0, ok: true, message: translate(locale, "labour.close.done") };
  }
  throw new Response("Bad Request", { status: 400 });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionResult =
  | { intent: string; orgId: number; ok: true; message: string }
  | (ActionFailure & { intent: string; orgId: number });

function UnitScoreForm({
  contest,
  period,
  orgId,
  result,
}: {
  contest: Loaded["contest"];
  period: Loaded["period"];
  orgId: number;
  result?: ActionResult;
}) {
  const t = useT();
  const participant = contest.labourParticipants.find((p) => p.organisationId === orgId);
  const submission = period.submissions.find((s) => s.organisationId === orgId);
  const schema = labourPanelSchema(contest.labourIndicators);
  const defaults: Record<string, string> = {
    organisationId: String(orgId),
    veto: submission?.vetoReason ?? "",
  };
  for (const i of contest.labourIndicators) {
    const f = submission?.figures.find((x) => x.indicatorId === i.id);
    const v = i.method === "panel" ? f?.panelMark : f?.value;
    defaults[`ind_${i.id}`] = v === null || v === undefined ? "" : String(v / 100);
  }
  const mine = result?.intent === "score" && result.orgId === orgId ? result : undefined;
  const { form, onSubmit, field } = useZodForm(schema, {
    defaultValues: defaults,
    serverErrors: mine?.ok === false ? mine.errors : null,
  });
  const name = participant?.organisation.name ?? "";
  return (
    <Form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="card labour-unit"
      aria-label={name}
    >
      <h3 className="card__title">{name}</h3>
      <p className="muted small">
        {t("labour.participants.headcount")} {participant?.headcount ?? 0} ·{" "}
        {codeLabel(t, "labour.submission.status", submission?.status ?? "none")}
        {submission?.vetoed ? (
          <span className="badge badge--rejected">{t("labour.veto.badge")}</span>
        ) : null}
      </p>
      {submission?.evidence ? (
        <p className="small labour-evidence">
          {t("punct.labelled", {
            label: t("labour.submission.evidence"),
            text: submission.evidence ?? "",
          })}
        </p>
      ) : null}
      {mine?.ok ? (
        <p className="alert alert--success" role="status">
          {mine.message}
        </p>
      ) : null}
      {mine?.ok === false ? <FormAlert message={refusalText(t, mine.problems)} /> : null}
      <input type="hidden" name="intent" value="score" />
      <input type="hidden" {...form.register("organisationId")} />
      <div className="form-grid">
        {contest.labourIndicators.map((i) => {
          const label = t(i.method === "panel" ? "labour.score.markOf" : "labour.score.valueOf", {
            name: codeLabel(t, "rules.labour_indicator", i.code),
          });
          return (
            <TextField
              key={i.id}
              id={`u${orgId}-ind_${i.id}`}
              label={label}
              inputMode="decimal"
              hint={i.perHead ? t("labour.score.perHeadHint") : undefined}
              disabled={period.status !== "open"}
              {...field(`ind_${i.id}`)}
            />
          );
        })}
        <SelectField
          id={`u${orgId}-veto`}
          label={t("labour.veto.label")}
          disabled={period.status !== "open"}
          {...field("veto")}
        >
          <option value="">{t("labour.veto.none")}</option>
          {VETO_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`labour.veto.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {period.status === "open" ? (
        <div className="form-actions">
          <button type="submit" className="btn btn--primary btn--small">
            {t("labour.score.save")}
          </button>
        </div>
      ) : null}
    </Form>
  );
}

export default function PeriodScoring() {
  const { contest, period, preview, problems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const nameOf = (id: string | number) =>
    contest.labourParticipants.find((p) => String(p.organisationId) === String(id))?.organisation
      .name ?? String(id);
  const closed = period.status !== "open";
  return (
    <article aria-labelledby="period-title" className="labour">
      <p className="eyebrow">
        <Link to={`/admin/labour/${encodeURIComponent(contest.code)}`}>{contest.name}</Link>
      </p>
      <h1 id="period-title">{period.name}</h1>
      <p className="muted">
        {formatDate(locale, period.startsOn)} — {formatDate(locale, period.endsOn)} ·{" "}
        <span className={`badge badge--${closed ? "locked" : "open"}`}>
          {codeLabel(t, "labour.period.status", period.status)}
        </span>
      </p>
      {result?.intent === "close" && result.ok ? (
        <p className="alert alert--success" role="status">
          {result.message}
        </p>
      ) : null}
      {result?.intent === "close" && !result.ok ? (
        <FormAlert message={refusalText(t, result.problems)} />
      ) : null}
      {period.redFlagOrgId ? (
        <p className="labour-flag" role="status">
          <FlagIcon /> {t("labour.redFlag.awardedTo", { name: nameOf(period.redFlagOrgId) })}
        </p>
      ) : null}

      <section className="section" aria-labelledby="ranking-title">
        <h2 id="ranking-title">
          {closed ? t("labour.ranking.final") : t("labour.ranking.preview")}
        </h2>
        {problems.length > 0 && !closed ? (
          <div className="alert alert--info">
            <p>{t("labour.ranking.gaps")}</p>
            <ul className="small">
              {problems.slice(0, 12).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("labour.ranking.rank")}</th>
                <th scope="col">{t("labour.participants.unit")}</th>
                {contest.labourIndicators.map((i) => (
                  <th scope="col" key={i.id}>
                    {codeLabel(t, "rules.labour_indicator", i.code)}{" "}
                    <span className="muted small">{i.weight}%</span>
                  </th>
                ))}
                <th scope="col">{t("labour.ranking.score")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.ranking.map((r) => (
                <tr key={r.unitId}>
                  <td>{r.rank}</td>
                  <td>
                    {nameOf(r.unitId)}
                    {r.vetoed ? (
                      <span className="badge badge--rejected">{t("labour.veto.badge")}</span>
                    ) : null}
                  </td>
                  {contest.labourIndicators.map((i) => (
                    <td key={i.id}>
                      {formatMark((r.indicatorScores as Record<string, number>)[i.code] ?? null)}
                    </td>
                  ))}
                  <td>
                    <strong>{formatMark(r.score)}</strong>
                    {r.vetoed ? (
                      <div className="muted small">
                        {t("labour.ranking.beforeVeto", { score: formatMark(r.scoreBeforeVeto) })}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!closed ? (
          <Form method="post" className="form-actions">
            <input type="hidden" name="intent" value="close" />
            <p className="muted small">
              {preview.redFlag.kind === "winner"
                ? t("labour.redFlag.wouldGo", { name: nameOf(preview.redFlag.unitId) })
                : preview.redFlag.kind === "tie"
                  ? t("labour.redFlag.tie", {
                      names: preview.redFlag.unitIds.map(nameOf).join(t("punct.list")),
                    })
                  : t("labour.redFlag.none")}
            </p>
            <button type="submit" className="btn btn--primary">
              {t("labour.close.button")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="section" aria-labelledby="units-title">
        <h2 id="units-title">{t("labour.score.title")}</h2>
        <p className="muted small">{t("labour.score.intro")}</p>
        <div className="card-grid">
          {contest.labourParticipants.map((p) => (
            <UnitScoreForm
              key={`${p.organisationId}-${period.status}`}
              contest={contest}
              period={period}
              orgId={p.organisationId}
              result={result}
            />
          ))}
        </div>
      </section>
    </article>
  );
}
