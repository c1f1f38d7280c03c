import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form-fields";
import { HonourLinks } from "~/components/honour-links";
import { RoundMeta, useNoticePeriod } from "~/components/round-header";
import { useZodForm } from "~/components/use-zod-form";
import { noticeState } from "~/domain/honours";
import { objectionSchema } from "~/forms/honours-objection";
import { useT } from "~/i18n";
import { failureSentences } from "~/i18n/problem-text";
import { invalidForm, refused } from "~/http/refusal.server";
import { clientAddress } from "~/http/client-address.server";
import { getPublicNotice, lodgePublicObjection } from "~/models/honour-round.server";
import { notFound } from "~/http/session.server";
import honoursStyles from "~/styles/honours.css";
import { parseForm } from "~/utils/forms";
import { assertSameOrigin } from "~/http/same-origin.server";
import { idParam } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.notice", data?.round.name);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public: the shortlist on notice. Objectors are never shown, to anyone but the organiser. */
export async function loader({ params }: LoaderFunctionArgs) {
  const notice = await getPublicNotice(idParam(params.roundId));
  if (!notice) throw notFound();
  const { round } = notice;
  const state =
    round.noticeStartsAt && round.noticeEndsAt
      ? noticeState(round.noticeStartsAt, round.noticeEndsAt, new Date())
      : "ended";
  return { ...notice, state: round.status === "public_notice" ? state : "ended" };
}

/** Anyone may object: no sign-in, but only from this site's own form. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const roundId = idParam(params.roundId);
  // Only rounds on public notice take objections; others do not exist publicly.
  if (!(await getPublicNotice(roundId))) throw notFound();
  const parsed = parseForm(objectionSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await lodgePublicObjection(roundId, parsed.data, {
    address: clientAddress(request, context),
  });
  if (!outcome.ok) {
    const limited = outcome.problems.some(
      (p) => p.code === "honours.problem.objection_rate_limited",
    );
    return refused(outcome.problems, limited ? 429 : 400);
  }
  return { ok: true as const };
}

export default function NoticePage() {
  const { round, nominees, state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const noticePeriod = useNoticePeriod();
  const navigation = useNavigation();
  const { onSubmit, field } = useZodForm(objectionSchema, {
    serverErrors: actionData?.ok === false ? actionData.errors : null,
    defaultValues: { nominationId: "", text: "", contactName: "", contactPhone: "" },
  });
  return (
    <section aria-labelledby="notice-title" className="honours-page">
      <HonourLinks />
      <p className="eyebrow">{t("honours.links.notices")}</p>
      <h1 id="notice-title">{t("honours.notice.title", { name: round.name })}</h1>
      <p className="muted">
        <RoundMeta round={round} />
      </p>
      {round.noticeStartsAt && round.noticeEndsAt ? (
        <p>
          {noticePeriod(round)}{" "}
          <span className={`badge badge--${state === "open" ? "public_notice" : "conferred"}`}>
            {t(`rules.notice_state.${state}`)}
          </span>
        </p>
      ) : null}
      <section className="section" aria-labelledby="notice-list">
        <h2 id="notice-list">{t("honours.notice.nominees", { count: nominees.length })}</h2>
        <ol className="notice-list">
          {nominees.map((n) => (
            <li key={n.id} className="card">
              <h3 className="card__title">{n.nomineeName}</h3>
              <p className="muted small">
                {t("punct.labelled", {
                  label: t("honours.notice.unit"),
                  text: n.organisation.name,
                })}
                {n.worker?.position ? ` · ${n.worker.position}` : ""}
              </p>
              <p>{n.supportingText}</p>
            </li>
          ))}
        </ol>
      </section>
      <section className="section card" aria-labelledby="object-title">
        <h2 id="object-title">{t("honours.notice.object")}</h2>
        {state !== "open" ? (
          <p className="muted">{t("honours.notice.closed")}</p>
        ) : actionData?.ok ? (
          <p className="alert alert--success" role="status">
            {t("honours.notice.lodged")}
          </p>
        ) : (
          <>
            <p className="muted">{t("honours.notice.objectIntro")}</p>
            <FormAlert
              message={
                actionData?.ok === false
                  ? failureSentences(t, { problems: actionData.problems })
                  : null
              }
            />
            <Form method="post" noValidate onSubmit={onSubmit} className="form-grid">
              <SelectField label={t("honours.notice.nominee")} {...field("nominationId")}>
                <option value="">{t("honours.org.nominee.choose")}</option>
                {nominees.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.nomineeName}
                    {t("punct.paren", { text: n.organisation.name })}
                  </option>
                ))}
              </SelectField>
              <TextAreaField label={t("honours.notice.text")} rows={4} {...field("text")} />
              <TextField
                label={t("honours.notice.contactName")}
                autoComplete="name"
                {...field("contactName")}
              />
              <TextField
                label={t("honours.notice.contactPhone")}
                type="tel"
                inputMode="numeric"
                autoComplete="tel"
                {...field("contactPhone")}
              />
              <div className="form-actions">
                <button
                  type="submit"
                  className="btn btn--primary"
                  disabled={navigation.state === "submitting"}
                >
                  {t("honours.notice.submit")}
                </button>
              </div>
            </Form>
          </>
        )}
      </section>
    </section>
  );
}
