// The organiser's recheck before lock (复核) of one event: the rule (top N in full, a share
// of the rest, the error rate that orders a full re-review) and where the rechecks stand.
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form-fields";
import { JudgingProblems } from "~/components/judging-problems";
import { RecheckDraws, RecheckList, RecheckSummary } from "~/components/recheck-status";
import { useZodForm } from "~/components/use-zod-form";
import { marksOpen } from "~/domain/judging/workflow";
import { formatBasisPoints } from "~/domain/scoring";
import { percentToBp, recheckConfigSchema } from "~/forms/recheck";
import { useT } from "~/i18n";
import { recheckBoard, saveRecheckConfig } from "~/models/recheck.server";
import { readForm } from "~/http/form-body.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { eventInScope } from "~/models/scope.server";
import stylesHref from "~/styles/judging.css";
import { parseForm } from "~/utils/forms";
import { invalidForm, refused } from "~/http/refusal.server";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.recheck");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const eventId = idParam(params.eventId);
  if (!(await eventInScope(organiser.scope, eventId))) throw notFound();
  const board = await recheckBoard(eventId);
  if (!board) throw notFound();
  return board;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const eventId = idParam(params.eventId);
  if (!(await eventInScope(user.scope, eventId))) throw notFound();
  const parsed = parseForm(recheckConfigSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const result = await saveRecheckConfig(
    eventId,
    {
      topN: Number(parsed.data.topN),
      shareBp: percentToBp(parsed.data.share),
      errorBp: percentToBp(parsed.data.errorRate),
    },
    user.id,
  );
  if (result.ok) return { ok: true as const };
  if (result.problems.some((p) => p.code === "recheck.not_found")) throw notFound();
  return refused(result.problems);
}

export default function EventRecheck() {
  const board = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData?.ok === false ? actionData : undefined;
  const t = useT();
  const { config } = board.status;
  const open = marksOpen(board.event.status);
  const { form, onSubmit, errorFor } = useZodForm(recheckConfigSchema, {
    serverErrors: failure?.errors,
    defaultValues: {
      topN: String(config.topN),
      share: formatBasisPoints(config.shareBp),
      errorRate: formatBasisPoints(config.errorBp),
    },
  });
  return (
    <section aria-labelledby="recheck-title">
      <p className="eyebrow">{board.event.contestName}</p>
      <h1 id="recheck-title">
        {t("recheck.title")} · {board.event.name}
      </h1>
      <p className="muted">{t("recheck.intro")}</p>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {t("recheck.config.saved")}
        </div>
      ) : null}
      <JudgingProblems problems={failure?.problems} />

      <Form method="post" noValidate onSubmit={onSubmit} className="section card">
        <h2>{t("recheck.config.title")}</h2>
        <div className="form-grid">
          <TextField
            label={t("recheck.config.top")}
            hint={t("recheck.config.top_hint")}
            inputMode="numeric"
            error={errorFor("topN")}
            disabled={!open}
            {...form.register("topN")}
          />
          <TextField
            label={t("recheck.config.share")}
            hint={t("recheck.config.share_hint")}
            inputMode="decimal"
            error={errorFor("share")}
            disabled={!open}
            {...form.register("share")}
          />
          <TextField
            label={t("recheck.config.error")}
            hint={t("recheck.config.error_hint")}
            inputMode="decimal"
            error={errorFor("errorRate")}
            disabled={!open}
            {...form.register("errorRate")}
          />
        </div>
        {open ? (
          <div className="form-actions">
            <button type="submit" className="btn btn--primary">
              {t("recheck.config.save")}
            </button>
          </div>
        ) : (
          <p className="muted">{t("recheck.config.locked")}</p>
        )}
      </Form>

      <section className="section" aria-labelledby="recheck-status-title">
        <h2 id="recheck-status-title">{t("recheck.status.title")}</h2>
        <RecheckSummary status={board.status} incomplete={board.incomplete} />
        <RecheckList rows={board.rechecks} />
      </section>
      <RecheckDraws draws={board.draws} />
      <p>
        <Link to="/admin/judging">{t("judging.admin.back")}</Link>
      </p>
    </section>
  );
}
