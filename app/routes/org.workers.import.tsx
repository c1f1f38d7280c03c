import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImportProgress, ImportReport } from "~/components/import-report";
import { useT } from "~/i18n";
import { MAX_ROSTER_ROWS, importRoster } from "~/models/worker.server";
import { requireOrgManager } from "~/http/session.server";
import { MAX_UPLOAD_MB, readUpload } from "~/http/upload.server";
import regStyles from "~/styles/registrations.css";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.workers.import");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrgManager(request);
  return { maxMb: MAX_UPLOAD_MB, maxRows: MAX_ROSTER_ROWS };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  const upload = await readUpload(request);
  if (!upload.ok)
    return data(
      { ok: false as const, fileProblem: upload.problem, errors: [] },
      { status: upload.problem === "import_file_too_large" ? 413 : 400 },
    );
  const outcome = await importRoster(user.organisationId, user.id, upload.file);
  return outcome.ok ? outcome : data(outcome, { status: 400 });
}

export default function RosterImport() {
  // The limits come from the loader: *.server values do not exist in the browser.
  const { maxMb, maxRows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <section aria-labelledby="roster-import-title">
      <p>
        <Link to="/org/workers">← {t("reg.worker.title")}</Link>
      </p>
      <h1 id="roster-import-title">{t("reg.import.rosterTitle")}</h1>
      <p className="muted">{t("reg.import.intro", { size: maxMb, rows: maxRows })}</p>
      <p className="reg-links">
        {t("reg.import.template")}
        <a href="/org/templates/roster.csv" download>
          {t("reg.import.templateCsv")}
        </a>
        <a href="/org/templates/roster.xlsx" download>
          {t("reg.import.templateXlsx")}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data">
        <div className="field">
          <label className="field__label" htmlFor="roster-file">
            {t("reg.import.file")}
          </label>
          <input
            id="roster-file"
            name="file"
            type="file"
            className="field__input"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t("reg.import.submit")}
          </button>
        </div>
      </Form>
      <ImportProgress busy={busy} />
      {busy ? null : <ImportReport result={result} maxMb={maxMb} />}
    </section>
  );
}
