import { parseId } from "~/utils/ids";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, TextAreaField } from "~/components/form-fields";
import { AppealDecision, ScoreReceipt } from "~/components/score-receipt";
import { StatusBadge } from "~/components/status-badge";
import { useZodForm } from "~/components/use-zod-form";
import { appealSchema } from "~/forms/judging";
import { formatDateTime, useLocale, useT, keyOr } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { translate } from "~/i18n";
import { listAppealsForEntry, lodgeAppeal } from "~/models/appeals.server";
import { receiptFor } from "~/models/results.server";
import { notFound, requireOrgManager } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.receipt");

async function authorise(request: Request, param: string | undefined) {
  const user = await requireOrgManager(request);
  const registrationId = parseId(param);
  if (registrationId === null) throw notFound();
  const receipt = await receiptFor(registrationId);
  // Another organisation's entry answers 404, exactly like a missing one.
  if (!receipt || receipt.entry.organisationId !== user.organisationId) throw notFound();
  return { user, registrationId, receipt };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { registrationId, receipt } = await authorise(request, params.registrationId);
  const appeals = await listAppealsForEntry(registrationId);
  const windowOpen =
    receipt.event.noticeEndsAt !== null &&
    new Date(receipt.event.noticeEndsAt).getTime() >= Date.now();
  return { ...receipt, appeals, windowOpen };
}

type ActionResult = { errors?: FieldErrors; refused?: string; ok?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, registrationId } = await authorise(request, params.registrationId);
  const parsed = parseForm(appealSchema, await readForm(request));
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors }, { status: 400 });
  const result = await lodgeAppeal({
    registrationId,
    organisationId: user.organisationId,
    userId: user.id,
    text: parsed.data.text,
  });
  if (result.ok) return { ok: true } satisfies ActionResult;
  const locale = await getLocale(request);
  const params2 = { ...result.problem.params };
  if (typeof params2.end === "string") params2.end = formatDateTime(locale, params2.end);
  return data<ActionResult>(
    { refused: translate(locale, keyOr(result.problem.code), params2) },
    { status: 409 },
  );
}

export default function OrgReceipt() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const t = useT();
  const locale = useLocale();
  const { onSubmit, field } = useZodForm(appealSchema, {
    serverErrors: actionData?.errors,
  });
  const open = d.appeals.some((a) => a.status === "submitted" || a.status === "reviewing");
  return (
    <section aria-labelledby="receipt-title">
      <p className="eyebrow">{d.event.contestName}</p>
      <h1 id="receipt-title">
        {t("scoring.receipt.title")} · {d.event.name}
      </h1>
      <p className="muted">
        {d.entry.name} · {t("scoring.receipt.entry")} {d.entry.entryNumber}
      </p>
      <ScoreReceipt
        receipt={d.receipt}
        criterionNames={d.criterionNames}
        partNames={d.partNames}
        standardisation={d.standardisation}
        recheck={d.recheck}
      />

      <h2>{t("judging.appeal.title")}</h2>
      <p className="muted">
        {t("judging.notice_until", { date: formatDateTime(locale, d.event.noticeEndsAt) })}
      </p>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {t("judging.appeal.lodged")}
        </div>
      ) : null}
      <FormAlert message={actionData?.refused} />
      {d.appeals.map((a) => (
        <article key={a.id} className="card section">
          <p>
            <StatusBadge status={a.status} prefix="judging.appeal.status" />{" "}
            <span className="muted small">{formatDateTime(locale, a.createdAt)}</span>
          </p>
          <p>{a.text}</p>
          {a.decision ? <AppealDecision decision={a.decision} /> : null}
        </article>
      ))}
      {!open ? (
        <Form method="post" onSubmit={onSubmit} noValidate>
          <TextAreaField
            label={t("judging.appeal.text")}
            hint={d.windowOpen ? undefined : t("judging.appeal.window_passed_hint")}
            {...field("text")}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary">
              {t("judging.appeal.submit")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
