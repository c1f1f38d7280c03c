// A roster import's page: its progress while it runs (a real bar, rows done of the file's
// rows), then its result. It refreshes itself: with JavaScript by asking its loader every
// second, without by a refresh in <noscript> and a link.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { ImportReport } from "~/components/import-report";
import { fileProblem } from "~/domain/registration/import-rows";
import { codeLabel, formatCount, useLocale, useT } from "~/i18n";
import { pageTitle } from "~/i18n/page-title";
import { forbidden, notFound, organiserOf, requireRole } from "~/http/session.server";
import { MAX_ROSTER_CSV_MB } from "~/http/upload.server";
import { getRosterImport, isUnfinished } from "~/models/roster-import.server";
import regStyles from "~/styles/registrations.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "title.org.workers.import.job");

const MB = 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "org_manager", "admin", "superadmin");
  const id = Number(params.jobId);
  if (!/^\d{1,9}$/.test(params.jobId ?? "") || !Number.isSafeInteger(id)) throw notFound();
  // Organisers look within their union's scope; an organiser account without one has none.
  const organiser = user.role === "org_manager" ? null : await organiserOf(user);
  if (user.role !== "org_manager" && !organiser) throw forbidden();
  if (user.role === "org_manager" && user.organisationId === null) throw forbidden();
  const viewer = organiser ? { scope: organiser.scope } : { organisationId: user.organisationId! };
  // Another organisation's job is not found, like one that does not exist.
  const job = await getRosterImport(viewer, id);
  if (!job) throw notFound();
  return {
    job: {
      id: job.id,
      status: job.status,
      running: isUnfinished(job.status),
      fileName: job.fileName,
      mbRead: Math.floor(Math.min(job.bytesRead, job.fileBytes) / MB),
      mbTotal: Math.max(1, Math.ceil(job.fileBytes / MB)),
      rowsDone: job.rowsDone,
      rowsWritten: job.rowsWritten,
      rowsTotal: job.rowsTotal,
      problem: job.problem,
      errors: job.errors,
    },
    maxCsvMb: MAX_ROSTER_CSV_MB,
  };
}

/** Asks the loader again every second while the job runs. */
function useRefreshWhile(running: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1_000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
}

export default function RosterImportJob() {
  const { job, maxCsvMb } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  useRefreshWhile(job.running);
  // Before the rows are counted the bar follows the bytes read; after, the rows.
  const byBytes = job.status === "queued" || job.status === "parsing";
  const bar = byBytes
    ? { value: job.mbRead, max: job.mbTotal }
    : { value: job.rowsDone, max: Math.max(1, job.rowsTotal) };
  const failed = job.status === "failed";
  return (
    <section aria-labelledby="import-job-title" className="import-job">
      {job.running ? (
        <noscript>
          <meta httpEquiv="refresh" content="1" />
        </noscript>
      ) : null}
      <p>
        <Link to="/org/workers/import">← {t("reg.import.rosterTitle")}</Link>
      </p>
      <h1 id="import-job-title">{t("reg.import.job.heading", { file: job.fileName })}</h1>
      <p className="import-job__status" role="status" aria-live="polite">
        {codeLabel(t, "reg.import.job.status", job.status)}
      </p>
      {failed && job.rowsTotal === 0 ? null : (
        <div className="import-job__bar">
          <label htmlFor="import-job-progress">{t("reg.import.job.progress")}</label>
          <progress id="import-job-progress" value={bar.value} max={bar.max}>
            {bar.value} / {bar.max}
          </progress>
          <p>
            {byBytes
              ? t("reg.import.job.bytes", { done: job.mbRead, total: job.mbTotal })
              : t("reg.import.job.rows", {
                  done: formatCount(locale, job.rowsDone),
                  total: formatCount(locale, job.rowsTotal),
                })}
          </p>
        </div>
      )}
      {byBytes || failed ? null : (
        // Rows are written while later rows are still checked; the bar moves with it.
        <div className="import-job__bar">
          <label htmlFor="import-job-written">{t("reg.import.job.writeProgress")}</label>
          <progress
            id="import-job-written"
            value={job.rowsWritten}
            max={Math.max(1, job.rowsTotal)}
          >
            {job.rowsWritten} / {job.rowsTotal}
          </progress>
          <p>
            {t("reg.import.job.written", {
              done: formatCount(locale, job.rowsWritten),
              total: formatCount(locale, job.rowsTotal),
            })}
          </p>
        </div>
      )}
      {job.running ? (
        <p className="muted">
          {t("reg.import.job.autoRefresh")} <Link to=".">{t("reg.import.job.refresh")}</Link>
        </p>
      ) : null}
      {job.status === "done" ? (
        <div className="alert alert--success" role="status">
          {t("reg.import.job.imported", { count: job.rowsDone })}
        </div>
      ) : null}
      {failed ? (
        <ImportReport
          result={{
            ok: false,
            problems: [...(job.problem ? [fileProblem(job.problem)] : []), ...job.errors],
          }}
          maxMb={maxCsvMb}
        />
      ) : null}
      {job.running ? null : (
        <p className="reg-links">
          <Link to="/org/workers">{t("reg.import.job.toRoster")}</Link>
          <Link to="/org/workers/import">{t("reg.import.job.again")}</Link>
        </p>
      )}
    </section>
  );
}
