import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { invalidForm, refused } from "~/http/refusal.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TextField } from "~/components/form-fields";
import { WorkerForm } from "~/components/worker-form";
import { workerSchema } from "~/forms/worker";
import { codeLabel, translate, useT } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { countWorkers, createWorker, listWorkers } from "~/models/worker.server";
import { requireOrgManager } from "~/http/session.server";
import { parseForm } from "~/utils/forms";
import regStyles from "~/styles/registrations.css";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";
import { stackTable } from "~/components/stack-table";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.workers");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  // The count follows the search: "找到 1 人（名册共 15 人）", not the whole roster's size.
  const [workers, matched, total] = await Promise.all([
    listWorkers(user.organisationId, q),
    q.trim() ? countWorkers(user.organisationId, q) : null,
    countWorkers(user.organisationId),
  ]);
  return { workers, matched, total };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  const parsed = parseForm(workerSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await createWorker(user.organisationId, parsed.data);
  if (!outcome.ok) return refused(outcome.problems);
  return {
    ok: true as const,
    message: translate(await getLocale(request), "reg.worker.created", { name: parsed.data.name }),
  };
}

export default function Roster() {
  const { workers, matched, total } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <section aria-labelledby="roster-title">
      <h1 id="roster-title">{t("reg.worker.title")}</h1>
      <p className="muted">{t("reg.worker.intro")}</p>
      <div className="reg-toolbar">
        <Form method="get" role="search">
          <TextField
            id="roster-q"
            name="q"
            label={t("reg.worker.search")}
            defaultValue={params.get("q") ?? ""}
          />
          <button type="submit" className="btn btn--ghost">
            {t("reg.worker.searchButton")}
          </button>
        </Form>
        <Link to="/org/workers/import" className="btn btn--primary">
          {t("reg.worker.import")}
        </Link>
      </div>
      <p className="muted small" role="status">
        {matched === null
          ? t("reg.worker.count", { count: total })
          : t("reg.worker.matched", { count: matched, total })}
        {workers.length < (matched ?? total)
          ? t("reg.worker.firstShown", { shown: workers.length })
          : null}
      </p>
      {workers.length === 0 ? (
        <p>{t("reg.worker.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table {...stackTable.table}>
            <thead {...stackTable.rowgroup}>
              <tr {...stackTable.row}>
                <th {...stackTable.columnheader}>{t("reg.worker.name")}</th>
                <th {...stackTable.columnheader}>{t("reg.worker.idNumber")}</th>
                <th {...stackTable.columnheader}>{t("reg.worker.trade")}</th>
                <th {...stackTable.columnheader}>{t("reg.worker.skillLevel")}</th>
                <th {...stackTable.columnheader}>{t("reg.worker.unionMember")}</th>
              </tr>
            </thead>
            <tbody {...stackTable.rowgroup}>
              {workers.map((w) => (
                <tr key={w.id} {...stackTable.row}>
                  <td {...stackTable.cell()}>
                    <Link to={`/org/workers/${w.id}`}>{w.name}</Link>
                    <div className="muted small">{codeLabel(t, "rules.gender", w.gender)}</div>
                  </td>
                  <td {...stackTable.cell(t("reg.worker.idNumber"))} className="small">
                    {w.idNumberMasked}
                  </td>
                  <td {...stackTable.cell(t("reg.worker.trade"))}>{w.trade ?? "—"}</td>
                  <td {...stackTable.cell(t("reg.worker.skillLevel"))}>
                    {w.skillLevel ? codeLabel(t, "rules.skill_level", w.skillLevel) : "—"}
                  </td>
                  <td {...stackTable.cell(t("reg.worker.unionMember"))}>
                    {w.unionMember ? t("reg.worker.yes") : t("reg.worker.no")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="add-worker">{t("reg.worker.add")}</h2>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}
      <WorkerForm
        key={actionData?.ok ? actionData.message : "form"}
        errors={actionData?.ok === false ? actionData.errors : null}
        submitLabel={t("reg.worker.add")}
        defaults={{
          name: "",
          idNumber: "",
          phone: "",
          trade: "",
          skillLevel: "",
          unionMember: true,
        }}
      />
    </section>
  );
}
