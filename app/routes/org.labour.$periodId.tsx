import { parseId } from "~/utils/ids";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, TextAreaField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { labourSubmissionSchema } from "~/forms/labour";
import { formatDate, formatDateTime, useLocale, useT, codeLabel } from "~/i18n";
import { refusalText } from "~/i18n/problem-text";
import { invalidForm, refused } from "~/http/refusal.server";
import { getUnitPeriod, submitUnitFigures } from "~/models/labour.server";
import { notFound, requireOrgManager } from "~/http/session.server";
import labourStyles from "~/styles/labour.css";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: labourStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.period.name);

async function load(request: Request, periodIdParam: string | undefined) {
  const user = await requireOrgManager(request);
  const periodId = parseId(periodIdParam);
  if (periodId === null) throw notFound();
  // Scoped to the manager's organisation: periods of competitions it is not in answer 404.
  const period = await getUnitPeriod(periodId, user.organisationId);
  if (!period) throw notFound();
  return { user, period };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { period } = await load(request, params.periodId);
  return { period };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, period } = await load(request, params.periodId);
  const parsed = parseForm(
    labourSubmissionSchema(period.contest.labourIndicators),
    await readForm(request),
  );
  if (!parsed.ok) return invalidForm(parsed.errors);
  const values = period.contest.labourIndicators.map((i) => ({
    indicatorId: i.id,
    value: Number(parsed.data[`ind_${i.id}`]),
  }));
  const saved = await submitUnitFigures(
    period,
    user.organisationId,
    { values, evidence: String(parsed.data.evidence) },
    user.id,
  );
  if (!saved.ok) return refused(saved.problems);
  throw redirect(`/org/labour/${period.id}?submitted=1`);
}

export default function SubmitFigures() {
  const { period } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const mine = period.submissions[0];
  const schema = labourSubmissionSchema(period.contest.labourIndicators);
  const defaults: Record<string, string> = { evidence: mine?.evidence ?? "" };
  for (const i of period.contest.labourIndicators) {
    const v = mine?.figures.find((f) => f.indicatorId === i.id)?.value;
    defaults[`ind_${i.id}`] = v === null || v === undefined ? "" : String(v / 100);
  }
  const { onSubmit, field } = useZodForm(schema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  const locked = period.status !== "open" || mine?.status === "scored";
  return (
    <article aria-labelledby="submit-title" className="labour">
      <p className="eyebrow">
        <Link to="/org/labour">{t("labour.org.title")}</Link> · {period.contest.name}
      </p>
      <h1 id="submit-title">{t("labour.submission.title", { period: period.name })}</h1>
      <p className="muted">
        {formatDate(locale, period.startsOn)} — {formatDate(locale, period.endsOn)}
      </p>
      {mine?.submittedAt ? (
        <p className="alert alert--success" role="status">
          {t("labour.submission.submittedAt", { at: formatDateTime(locale, mine.submittedAt) })}
        </p>
      ) : null}
      {locked ? <p className="alert alert--info">{t("labour.submission.locked")}</p> : null}
      <FormAlert message={refusalText(t, actionData?.problems)} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <fieldset disabled={locked} className="form-grid">
          {period.contest.labourIndicators.map((i) => (
            <TextField
              key={i.id}
              label={codeLabel(t, "labour.submission.valueOf", i.code)}
              inputMode="decimal"
              hint={t(
                i.perHead ? "labour.submission.perHeadHint" : "labour.submission.higherBetter",
              )}
              {...field(`ind_${i.id}`)}
            />
          ))}
          <TextAreaField
            label={t("labour.submission.evidence")}
            hint={t("labour.submission.evidenceHint")}
            rows={4}
            {...field("evidence")}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary">
              {t("labour.submission.submit")}
            </button>
          </div>
        </fieldset>
      </Form>
    </article>
  );
}
