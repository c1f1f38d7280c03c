import { parseId } from "~/utils/ids";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/form-fields";
import { JudgingProblems } from "~/components/judging-problems";
import { AppealDecision, ScoreReceipt } from "~/components/score-receipt";
import { StatusBadge } from "~/components/status-badge";
import { useZodForm } from "~/components/use-zod-form";
import { appealSchema } from "~/forms/judging";
import { formatDateTime, useLocale, useT } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { listAppealsForEntry, lodgeAppeal } from "~/models/appeals.server";
import { receiptFor } from "~/models/results.server";
import { notFound, requireOrgManager } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { parseForm } from "~/utils/forms";
import { invalidForm, refused } from "~/http/refusal.server";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, registrationId } = await authorise(request, params.registrationId);
  const parsed = parseForm(appealSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const result = await lodgeAppeal({
    registrationId,
    organisationId: user.organisationId,
    userId: user.id,
    text: parsed.data.text,
  });
  if (result.ok) return { ok: true as const };
  // The notice period's end is a date: in the user's format before it goes into the sentence.
  const locale = await getLocale(request);
  return refused(
    result.problems.map((p) =>
      typeof p.params.end === "string"
        ? { ...p, params: { ...p.params, end: formatDateTime(locale, p.params.end) } }
        : p,
    ),
  );
}

export default function OrgReceipt() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData?.ok === false ? actionData : undefined;
  const t = useT();
  const locale = useLocale();
  const { onSubmit, field } = useZodForm(appealSchema, {
    serverErrors: failure?.errors,
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
      <JudgingProblems problems={failure?.problems} />
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
