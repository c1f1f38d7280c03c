import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { WorkerForm } from "~/components/worker-form";
import { workerSchema } from "~/forms/worker";
import { formatDate, translate, useLocale, useT, codeLabel } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { invalidForm, refused } from "~/http/refusal.server";
import { refusalText } from "~/i18n/problem-text";
import { deleteWorker, getWorkerForManager, updateWorker } from "~/models/worker.server";
import { notFound, requireOrgManager } from "~/http/session.server";
import { parseForm } from "~/utils/forms";
import regStyles from "~/styles/registrations.css";
import { idParam } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.worker");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  // Scoped by the manager's organisation: another organisation's worker is a 404.
  const worker = await getWorkerForManager(user.organisationId, idParam(params.workerId));
  if (!worker) throw notFound();
  return { worker };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  const id = idParam(params.workerId);
  // Ownership first: another organisation's worker is a 404 whatever the form says.
  if (!(await getWorkerForManager(user.organisationId, id))) throw notFound();
  const locale = await getLocale(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "delete") {
    const outcome = await deleteWorker(user.organisationId, id);
    if (!outcome) throw notFound();
    if (!outcome.ok) return refused(outcome.problems);
    return redirect("/org/workers");
  }
  const parsed = parseForm(workerSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await updateWorker(user.organisationId, id, parsed.data);
  if (!outcome) throw notFound();
  if (!outcome.ok) return refused(outcome.problems);
  return { ok: true as const, message: translate(locale, "reg.form.saved") };
}

export default function WorkerPage() {
  const { worker } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="worker-title">
      <p>
        <Link to="/org/workers">← {t("reg.worker.title")}</Link>
      </p>
      <h1 id="worker-title">{worker.name}</h1>
      <p className="muted">
        {codeLabel(t, "rules.gender", worker.gender)} · {formatDate(locale, worker.birthDate)} ·{" "}
        {t("reg.worker.entries")} {worker._count.registrations + worker._count.teamMemberships}
      </p>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}
      {actionData?.ok === false && actionData.problems.length > 0 ? (
        <div className="alert alert--error" role="alert">
          {refusalText(t, actionData.problems)}
        </div>
      ) : null}
      <WorkerForm
        errors={actionData?.ok === false ? actionData.errors : null}
        submitLabel={t("reg.form.save")}
        defaults={{
          name: worker.name,
          idNumber: worker.idNumber,
          phone: worker.phone ?? "",
          trade: worker.trade ?? "",
          skillLevel: worker.skillLevel ?? "",
          unionMember: worker.unionMember,
        }}
      />
      <Form method="post" className="section">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="btn btn--danger btn--small">
          {t("reg.worker.delete")}
        </button>
      </Form>
    </section>
  );
}
