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
import {
  MAX_REGISTRATION_ROWS,
  importRegistrations,
  listOpenContestsForImport,
} from "~/models/registration-org.server";
import { notFound, requireOrgManager } from "~/http/session.server";
import { MAX_UPLOAD_MB, readUpload } from "~/http/upload.server";
import regStyles from "~/styles/registrations.css";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "title.org.registrations.import");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrgManager(request);
  return {
    contests: await listOpenContestsForImport(),
    maxMb: MAX_UPLOAD_MB,
    maxRows: MAX_REGISTRATION_ROWS,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  const upload = await readUpload(request);
  if (!upload.ok)
    return data(
      { ok: false as const, fileProblem: upload.problem, errors: [] },
      { status: upload.problem === "import_file_too_large" ? 413 : 400 },
    );
  const contestId = Number(upload.formData.get("contestId"));
  if (!Number.isInteger(contestId) || contestId <= 0) throw notFound();
  const outcome = await importRegistrations(user.id, user.organisationId, contestId, upload.file);
  if (outcome === null) throw notFound();
  return outcome.ok ? outcome : data(outcome, { status: 400 });
}

export default function EntriesImport() {
  // The limits come from the loader: *.server values do not exist in the browser.
  const { contests, maxMb, maxRows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <section aria-labelledby="entries-import-title">
      <p>
        <Link to="/org/registrations">← {t("reg.entry.title")}</Link>
      </p>
      <h1 id="entries-import-title">{t("reg.import.entriesTitle")}</h1>
      <p className="muted">{t("reg.import.intro", { size: maxMb, rows: maxRows })}</p>
      <p className="muted">{t("reg.import.entriesHelp")}</p>
      <p className="reg-links">
        {t("reg.import.template")}
        <a href="/org/templates/entries.csv" download>
          {t("reg.import.templateCsv")}
        </a>
        <a href="/org/templates/entries.xlsx" download>
          {t("reg.import.templateXlsx")}
        </a>
      </p>
      {contests.length === 0 ? (
        <p>{t("reg.import.noContest")}</p>
      ) : (
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label className="field__label" htmlFor="import-contest">
              {t("reg.import.contest")}
            </label>
            <select id="import-contest" name="contestId" className="field__input">
              {contests.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {t("punct.paren", {
                    text: c.events.map((e) => `${e.code} ${e.name}`).join(t("punct.comma")),
                  })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="entries-file">
              {t("reg.import.file")}
            </label>
            <input
              id="entries-file"
              name="file"
              type="file"
              className="field__input"
              accept=".csv,.xlsx"
              required
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t("reg.import.submit")}
            </button>
          </div>
        </Form>
      )}
      <ImportProgress busy={busy} />
      {busy ? null : <ImportReport result={result} maxMb={maxMb} />}
    </section>
  );
}
