import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportPage } from "~/components/import-report";
import { codeLabel, useT } from "~/i18n";
import { MAX_ROSTER_ROWS } from "~/models/worker.server";
import {
  isUnfinished,
  latestRosterImports,
  startRosterImport,
  waitFor,
} from "~/models/roster-import.server";
import { requireOrgManager } from "~/http/session.server";
import {
  MAX_ROSTER_CSV_MB,
  MAX_UPLOAD_MB,
  spoolRosterUpload,
  uploadRefused,
} from "~/http/upload.server";
import regStyles from "~/styles/registrations.css";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.workers.import");

/** How long the upload's answer waits for a small file's import before showing its page. */
const SETTLE_MS = 1_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  const recent = await latestRosterImports(user.organisationId, 5);
  return {
    maxMb: MAX_UPLOAD_MB,
    maxCsvMb: MAX_ROSTER_CSV_MB,
    maxRows: MAX_ROSTER_ROWS,
    recent: recent.map((j) => ({
      id: j.id,
      fileName: j.fileName,
      status: j.status,
      running: isUnfinished(j.status),
    })),
  };
}

/** The upload is spooled and imported in the background; the manager follows it on its page. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  const upload = await spoolRosterUpload(request);
  if (!upload.ok) return uploadRefused(upload);
  const started = await startRosterImport(user.organisationId, user.id, upload.value);
  if (!started.ok) return data(started, { status: 409 });
  await waitFor(started.value.id, SETTLE_MS);
  return redirect(`/org/workers/import/${started.value.id}`);
}

export default function RosterImport() {
  // The limits come from the loader: *.server values do not exist in the browser.
  const { recent, ...limits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const running = recent.find((j) => j.running);
  return (
    <>
      <ImportPage
        id="roster-import"
        title={t("reg.import.rosterTitle")}
        back={{ to: "/org/workers", label: t("reg.worker.title") }}
        limits={limits}
        template="roster"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        result={result}
      >
        {running ? (
          <p className="alert alert--info" role="status">
            {t("reg.import.job.running", { file: running.fileName })}{" "}
            <Link to={`/org/workers/import/${running.id}`}>{t("reg.import.job.view")}</Link>
          </p>
        ) : null}
      </ImportPage>
      {recent.length > 0 ? (
        <section aria-labelledby="roster-import-recent" className="import-recent">
          <h2 id="roster-import-recent">{t("reg.import.job.recent")}</h2>
          <ul className="import-jobs">
            {recent.map((j) => (
              <li key={j.id}>
                <Link to={`/org/workers/import/${j.id}`}>{j.fileName}</Link>
                {" · "}
                {codeLabel(t, "reg.import.job.status", j.status)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
