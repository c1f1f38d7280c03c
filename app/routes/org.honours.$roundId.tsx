import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
} from "@remix-run/react";
import { useEffect } from "react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form-fields";
import { RuleEvaluationList } from "~/components/honour-rules";
import { RoundHeader } from "~/components/round-header";
import { StatusBadge } from "~/components/status-badge";
import { useZodForm } from "~/components/use-zod-form";
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT } from "~/domain/honours";
import { nominationSchema } from "~/forms/honours-nomination";
import { useT } from "~/i18n";
import { failureSentences } from "~/i18n/problem-text";
import { invalidForm, refused } from "~/http/refusal.server";
import {
  createNomination,
  getRoundForManager,
  type AttachmentUpload,
} from "~/models/honour-round.server";
import { notFound, requireOrgManager } from "~/http/session.server";
import honoursStyles from "~/styles/honours.css";
import { parseForm } from "~/utils/forms";
import { idParam } from "~/utils/ids";
import { isTooLarge, readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.org.honours", data?.round.name);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  const round = await getRoundForManager(idParam(params.roundId), user.organisationId);
  if (!round) throw notFound();
  return round;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  const roundId = idParam(params.roundId);
  const uploadError = () =>
    refused(
      [{ code: "honours.form.upload", params: { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 } }],
      413,
    );
  let formData: FormData;
  try {
    formData = await readForm(request, "attachments");
  } catch (thrown) {
    if (isTooLarge(thrown)) return uploadError();
    throw thrown;
  }
  const parsed = parseForm(nominationSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.errors);
  const attachments: AttachmentUpload[] = [];
  for (const entry of formData.getAll("attachments")) {
    if (typeof entry === "string" || entry.size === 0 || !entry.name) continue;
    const bytes = new Uint8Array(await entry.arrayBuffer());
    attachments.push({
      filename: entry.name,
      mimeType: entry.type,
      size: bytes.byteLength,
      head: bytes.subarray(0, 8),
      data: bytes,
    });
  }
  const outcome = await createNomination(user, roundId, { ...parsed.data, attachments });
  if (!outcome.ok) return refused(outcome.problems, 400);
  return { ok: true as const };
}

const REFRESH_MS = 20_000;

export default function OrgRound() {
  const {
    round,
    nominations,
    evaluations,
    tally,
    recipientKind,
    workers,
    studios,
    organisationName,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const { form, onSubmit, field } = useZodForm(nominationSchema, {
    serverErrors: actionData?.ok === false ? actionData.errors : null,
    defaultValues: { workerId: "", studioId: "", collectiveName: "", supportingText: "" },
  });

  // Other units nominate at the same time: refresh the figures while the page is open.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle")
        revalidator.revalidate();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [revalidator]);

  useEffect(() => {
    if (actionData?.ok) form.reset();
  }, [actionData, form]);

  const selectedId = Number(form.watch("workerId") || 0);
  const candidate = workers.find((w) => w.id === selectedId);
  const share = (n: number, total: number) =>
    total === 0 ? "0.0" : ((n * 100) / total).toFixed(1);
  const open = round.status === "open";

  return (
    <section aria-labelledby="org-round-title" className="round-page">
      <RoundHeader titleId="org-round-title" eyebrow={t("honours.org.title")} round={round} />

      <RuleEvaluationList
        evaluations={evaluations}
        title={`${t("honours.round.rules")}${t("punct.paren", { text: t("honours.round.rules.live") })}`}
      />

      <section className="section card" aria-labelledby="nominate-title">
        <h2 id="nominate-title">{t("honours.org.nominate")}</h2>
        {actionData?.ok ? (
          <p className="alert alert--success" role="status">
            {t("honours.org.submitted")}
          </p>
        ) : null}
        <FormAlert
          message={
            actionData?.ok === false ? failureSentences(t, { problems: actionData.problems }) : null
          }
        />
        {open ? (
          <Form
            method="post"
            encType="multipart/form-data"
            noValidate
            onSubmit={onSubmit}
            className="form-grid nomination-form"
          >
            {recipientKind === "worker" ? (
              <SelectField label={t("honours.org.nominee.worker")} {...field("workerId")}>
                <option value="">{t("honours.org.nominee.choose")}</option>
                {workers.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                    {t("punct.paren", {
                      text: [w.position, w.trade].filter(Boolean).join(t("punct.comma")),
                    })}
                  </option>
                ))}
              </SelectField>
            ) : recipientKind === "studio" ? (
              <SelectField label={t("honours.org.nominee.studio")} {...field("studioId")}>
                <option value="">{t("honours.org.nominee.choose")}</option>
                {studios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField
                label={t("honours.org.nominee.collective")}
                placeholder={organisationName}
                {...field("collectiveName")}
              />
            )}
            {candidate ? (
              <p className="alert alert--info" aria-live="polite">
                {t("honours.org.preview", {
                  frontLine: share(
                    tally.frontLine + (candidate.frontLine ? 1 : 0),
                    tally.total + 1,
                  ),
                  manager: share(tally.manager + (candidate.manager ? 1 : 0), tally.total + 1),
                  total: tally.total + 1,
                })}
              </p>
            ) : null}
            <TextAreaField
              label={t("honours.org.supportingText")}
              hint={t("honours.org.supportingText.hint")}
              rows={6}
              {...field("supportingText")}
            />
            <TextField
              name="attachments"
              type="file"
              label={t("honours.org.attachments", {
                mb: ATTACHMENT_MAX_BYTES / 1024 / 1024,
                count: ATTACHMENT_MAX_COUNT,
              })}
              multiple
              accept={ATTACHMENT_ACCEPT}
            />
            <div className="form-actions">
              <button
                type="submit"
                className="btn btn--primary"
                disabled={navigation.state === "submitting"}
              >
                {t("honours.org.submit")}
              </button>
            </div>
          </Form>
        ) : (
          <p className="muted">{t("honours.org.closed")}</p>
        )}
      </section>

      <section className="section" aria-labelledby="mine-title">
        <h2 id="mine-title">{t("honours.org.mine")}</h2>
        {nominations.length === 0 ? (
          <p className="muted">{t("honours.org.mine.empty")}</p>
        ) : (
          <ul className="nomination-list">
            {nominations.map((n) => (
              <li key={n.id} className="card nomination">
                <div className="nomination__head">
                  <h3 className="card__title">{n.nomineeName}</h3>
                  <StatusBadge status={n.status} prefix="rules.nomination_state" />
                </div>
                <p className="muted small">
                  {n.frontLine ? t("honours.org.frontLine") : ""}
                  {n.manager ? t("honours.org.manager") : ""}
                </p>
                <p className="nomination__text">{n.supportingText}</p>
                {n.attachments.map((a) => (
                  <a
                    key={a.id}
                    href={`/honours/attachments/${a.id}`}
                    className="attachment-link small"
                  >
                    {a.filename}
                  </a>
                ))}
                {n.reason ? (
                  <p className="small">{t("honours.review.reasonShown", { reason: n.reason })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
