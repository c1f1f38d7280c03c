import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateField, FormAlert, SelectField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { INDICATOR_METHODS, LABOUR_INDICATORS, type IndicatorMethod } from "~/domain/labour";
import {
  labourIndicatorsSchema,
  labourParticipantSchema,
  labourPeriodSchema,
} from "~/forms/labour";
import { formatDate, translate, useLocale, useT, codeLabel, keyOr, type T } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { invalidForm, refused, type ActionFailure } from "~/http/refusal.server";
import {
  candidateUnits,
  createPeriod,
  getLabourContestForOrganiser,
  saveIndicators,
  saveParticipant,
  type IndicatorInput,
} from "~/models/labour.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import type { OrganiserScope } from "~/domain/organisation";
import labourStyles from "~/styles/labour.css";
import { parseForm } from "~/utils/forms";
import type { KeyedProblem } from "~/utils/outcome";
import { readForm } from "~/http/form-body.server";
import { stackTable } from "~/components/stack-table";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: labourStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.contest.name);

async function contestOr404(scope: OrganiserScope, code: string | undefined) {
  const contest = await getLabourContestForOrganiser(scope, code ?? "");
  if (!contest) throw notFound();
  return contest;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const contest = await contestOr404(organiser.scope, params.code);
  const units = await candidateUnits(contest.id);
  return { contest, units };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const contest = await contestOr404(user.scope, params.code);
  const locale = await getLocale(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "indicators") {
    const parsed = parseForm(labourIndicatorsSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, { intent });
    const inputs: IndicatorInput[] = LABOUR_INDICATORS.flatMap((code) => {
      const weight = Number(parsed.data[`weight_${code}`]);
      return weight > 0
        ? [
            {
              code,
              weight,
              method: parsed.data[`method_${code}`] as IndicatorMethod,
              perHead: Boolean(parsed.data[`perHead_${code}`]),
            },
          ]
        : [];
    });
    const outcome = await saveIndicators(user, contest.id, inputs);
    if (!outcome) throw notFound();
    if (!outcome.ok) return refused(outcome.problems, 400, { intent });
    return {
      intent,
      message: translate(locale, "labour.indicators.saved"),
      ok: true,
    };
  }
  if (intent === "participant") {
    const parsed = parseForm(labourParticipantSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, { intent });
    const saved = await saveParticipant(
      user,
      contest.id,
      Number(parsed.data.organisationId),
      Number(parsed.data.headcount),
    );
    if (!saved) throw notFound();
    if (!saved.ok) return refused(saved.problems, undefined, { intent });
    return {
      intent,
      message: translate(locale, "labour.participants.saved"),
      ok: true,
    };
  }
  if (intent === "period") {
    const parsed = parseForm(labourPeriodSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, { intent });
    await createPeriod(user, contest.id, {
      name: parsed.data.name,
      startsOn: new Date(`${parsed.data.startsOn}T00:00:00+08:00`),
      endsOn: new Date(`${parsed.data.endsOn}T23:59:59+08:00`),
    });
    return { intent, message: translate(locale, "labour.periods.created"), ok: true };
  }
  throw new Response("Bad Request", { status: 400 });
}

type ActionResult =
  { intent: string; ok: true; message: string } | (ActionFailure & { intent: string });

/** An indicator problem in the user's language, the indicators it names by their names. */
function indicatorProblemText(t: T, { code, params }: KeyedProblem): string {
  const names = (codes: string) =>
    codes
      .split(",")
      .map((c) => codeLabel(t, "rules.labour_indicator", c))
      .join(t("punct.list"));
  return t(keyOr(code), {
    ...params,
    ...(typeof params.indicator === "string"
      ? { indicator: codeLabel(t, "rules.labour_indicator", params.indicator) }
      : {}),
    ...(typeof params.indicators === "string" ? { names: names(params.indicators) } : {}),
  });
}

function IndicatorsForm({
  contest,
  result,
}: {
  contest: ReturnType<typeof useLoaderData<typeof loader>>["contest"];
  result?: ActionResult;
}) {
  const t = useT();
  const current = new Map(contest.labourIndicators.map((i) => [i.code, i]));
  const defaults = Object.fromEntries(
    LABOUR_INDICATORS.flatMap((code) => {
      const existing = current.get(code);
      return [
        [`weight_${code}`, String(existing?.weight ?? 0)],
        [
          `method_${code}`,
          existing?.method ??
            (code === "quality" || code === "safety" || code === "innovation"
              ? "panel"
              : "measurement"),
        ],
        [`perHead_${code}`, existing ? existing.perHead : code === "participation"],
      ];
    }),
  );
  const { form, onSubmit, field } = useZodForm(labourIndicatorsSchema, {
    defaultValues: defaults,
    serverErrors: result?.intent === "indicators" && !result.ok ? result.errors : null,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby="indicators-title">
      <input type="hidden" name="intent" value="indicators" />
      {result?.intent === "indicators" && !result.ok ? (
        <FormAlert
          message={result.problems
            .map((p) => indicatorProblemText(t, p))
            .join(t("punct.semicolon"))}
        />
      ) : null}
      {result?.intent === "indicators" && result.ok ? (
        <p className="alert alert--success" role="status">
          {result.message}
        </p>
      ) : null}
      <div className="table-wrap" tabIndex={0}>
        {/* On a phone each indicator is a card; its fields carry their own labels. */}
        <table {...stackTable.table}>
          <thead {...stackTable.rowgroup}>
            <tr {...stackTable.row}>
              <th {...stackTable.columnheader}>{t("labour.indicators.indicator")}</th>
              <th {...stackTable.columnheader}>{t("labour.indicators.weight")}</th>
              <th {...stackTable.columnheader}>{t("labour.indicators.method")}</th>
              <th {...stackTable.columnheader}>{t("labour.indicators.perHead")}</th>
            </tr>
          </thead>
          <tbody {...stackTable.rowgroup}>
            {LABOUR_INDICATORS.map((code) => {
              const name = t(`rules.labour_indicator.${code}`);
              return (
                <tr key={code} {...stackTable.row}>
                  <th {...stackTable.rowheader}>{name}</th>
                  <td {...stackTable.cell()}>
                    <TextField
                      label={t("labour.indicators.weightOf", { name })}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={100}
                      className="field__input labour-narrow"
                      {...field(`weight_${code}`)}
                    />
                  </td>
                  <td {...stackTable.cell()}>
                    <SelectField
                      label={t("labour.indicators.methodOf", { name })}
                      {...field(`method_${code}`)}
                    >
                      {INDICATOR_METHODS.map((m) => (
                        <option key={m} value={m}>
                          {t(`labour.method.${m}`)}
                        </option>
                      ))}
                    </SelectField>
                  </td>
                  <td {...stackTable.cell()}>
                    <label className="labour-check">
                      <input type="checkbox" {...form.register(`perHead_${code}`)} />{" "}
                      {t("labour.indicators.perHeadOf", { name })}
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t("labour.indicators.hint")}</p>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {t("labour.indicators.save")}
        </button>
      </div>
    </Form>
  );
}

function ParticipantForm({
  units,
  result,
}: {
  units: { id: number; name: string; headcount: number }[];
  result?: ActionResult;
}) {
  const t = useT();
  const { onSubmit, field } = useZodForm(labourParticipantSchema, {
    defaultValues: { organisationId: "", headcount: "" } as never,
    serverErrors: result?.intent === "participant" && !result.ok ? result.errors : null,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form-grid">
      <input type="hidden" name="intent" value="participant" />
      <SelectField label={t("labour.participants.unit")} {...field("organisationId")}>
        <option value="">{t("labour.participants.choose")}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("labour.participants.headcount")}
        type="number"
        inputMode="numeric"
        min={1}
        hint={t("labour.participants.headcountHint")}
        {...field("headcount")}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {t("labour.participants.save")}
        </button>
      </div>
    </Form>
  );
}

function PeriodForm({ result }: { result?: ActionResult }) {
  const t = useT();
  const { onSubmit, field } = useZodForm(labourPeriodSchema, {
    defaultValues: { name: "", startsOn: "", endsOn: "" },
    serverErrors: result?.intent === "period" && !result.ok ? result.errors : null,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form-grid">
      <input type="hidden" name="intent" value="period" />
      <TextField
        label={t("labour.periods.name")}
        placeholder={t("labour.periods.namePlaceholder")}
        {...field("name")}
      />
      <DateField label={t("labour.periods.startsOn")} {...field("startsOn")} />
      <DateField label={t("labour.periods.endsOn")} {...field("endsOn")} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {t("labour.periods.create")}
        </button>
      </div>
    </Form>
  );
}

export default function AdminLabourContest() {
  const { contest, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const joined = new Set(contest.labourParticipants.map((p) => p.organisationId));
  return (
    <article aria-labelledby="contest-title" className="labour">
      <p className="eyebrow">
        <Link to="/admin/labour">{t("labour.admin.title")}</Link>
      </p>
      <h1 id="contest-title">{contest.name}</h1>
      <p>
        <Link to={`/labour/${encodeURIComponent(contest.code)}`}>{t("labour.board.link")}</Link>
      </p>
      {navigation.state === "submitting" ? (
        <p className="muted small" role="status">
          {t("labour.saving")}
        </p>
      ) : null}

      <section className="section" aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t("labour.indicators.title")}</h2>
        <IndicatorsForm
          key={contest.labourIndicators.map((i) => `${i.code}${i.weight}`).join()}
          contest={contest}
          result={result}
        />
      </section>

      <section className="section" aria-labelledby="participants-title">
        <h2 id="participants-title">{t("labour.participants.title")}</h2>
        {result?.intent === "participant" && result.ok ? (
          <p className="alert alert--success" role="status">
            {result.message}
          </p>
        ) : null}
        {contest.labourParticipants.length === 0 ? (
          <p className="muted">{t("labour.participants.empty")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("labour.participants.unit")}</th>
                  <th scope="col">{t("labour.participants.headcount")}</th>
                </tr>
              </thead>
              <tbody>
                {contest.labourParticipants.map((p) => (
                  <tr key={p.organisationId}>
                    <td>
                      <Link
                        to={`/labour/${encodeURIComponent(contest.code)}/units/${p.organisationId}`}
                      >
                        {p.organisation.name}
                      </Link>
                    </td>
                    <td>{p.headcount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t("labour.participants.add")}</h3>
        <ParticipantForm
          units={units
            .filter((u) => !joined.has(u.id))
            .concat(units.filter((u) => joined.has(u.id)))}
          result={result}
        />
      </section>

      <section className="section" aria-labelledby="periods-title">
        <h2 id="periods-title">{t("labour.periods.title")}</h2>
        {result?.intent === "period" && result.ok ? (
          <p className="alert alert--success" role="status">
            {result.message}
          </p>
        ) : null}
        {contest.labourPeriods.length === 0 ? (
          <p className="muted">{t("labour.periods.empty")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("labour.periods.name")}</th>
                  <th scope="col">{t("labour.periods.dates")}</th>
                  <th scope="col">{t("labour.periods.status")}</th>
                  <th scope="col">{t("labour.periods.submissions")}</th>
                </tr>
              </thead>
              <tbody>
                {contest.labourPeriods.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link
                        to={`/admin/labour/${encodeURIComponent(contest.code)}/periods/${p.id}`}
                      >
                        {p.name}
                      </Link>
                    </td>
                    <td>
                      {formatDate(locale, p.startsOn)} — {formatDate(locale, p.endsOn)}
                    </td>
                    <td>
                      <span className={`badge badge--${p.status === "open" ? "open" : "locked"}`}>
                        {codeLabel(t, "labour.period.status", p.status)}
                      </span>
                    </td>
                    <td>
                      {p._count.submissions} / {contest.labourParticipants.length}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t("labour.periods.add")}</h3>
        <PeriodForm result={result} />
      </section>
    </article>
  );
}
