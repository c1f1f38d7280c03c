import type { ReactNode } from "react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { TextField, useFocusOnAppear } from "~/components/form-fields";
import { formatCount, useLocale, useT } from "~/i18n";
import { problemText } from "~/i18n/problem-text";

/** An import's outcome as the page gets it (ImportOutcome in worker.server.ts). */
export type ImportReportData =
  | { ok: true; value: { count: number; samples: number; ms: number } }
  | {
      ok: false;
      /** The file's own problem has no row; the others are its rows'. */
      problems: {
        row: number | null;
        column: string | null;
        code: string;
        params: Record<string, string | number>;
      }[];
    };

/** The outcome of an upload: a success line, or every problem with its row and column. */
export function ImportReport({
  result,
  maxMb,
}: {
  result: ImportReportData | null | undefined;
  maxMb: number;
}) {
  const t = useT();
  const locale = useLocale();
  if (!result) return null;
  if (result.ok) {
    const { count, ms, samples } = result.value;
    return (
      <div className="alert alert--success" role="status">
        {samples > 0
          ? t("reg.import.doneWithSamples", { count, ms, samples })
          : t("reg.import.done", { count, ms })}
      </div>
    );
  }
  const file = result.problems.find((p) => p.row === null);
  if (file) {
    return (
      <div className="alert alert--error" role="alert">
        {problemText(locale, { code: file.code, params: { ...file.params, size: maxMb } })}
      </div>
    );
  }
  const rows = result.problems;
  return (
    <div className="import-report" role="alert">
      <p className="alert alert--error">{t("reg.import.failed", { count: rows.length })}</p>
      <div className="table-wrap" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("reg.import.row")}</th>
              <th scope="col">{t("reg.import.column")}</th>
              <th scope="col">{t("reg.import.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e, i) => (
              <tr key={i}>
                <td>{e.row}</td>
                <td>{e.column ?? "—"}</td>
                <td>{problemText(locale, e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * A bulk import page: the limits, the template to start from, the upload form (with any
 * fields asked before the file), progress while the server checks the rows, and the report.
 */
export function ImportPage({
  id,
  title,
  back,
  limits,
  help,
  template,
  accept,
  result,
  unavailable,
  children,
}: {
  /** Prefix of the page's element ids. */
  id: string;
  title: string;
  back: { to: string; label: string };
  /** maxCsvMb: a larger limit for CSV files (the roster's federation-sized files). */
  limits: { maxMb: number; maxRows: number; maxCsvMb?: number };
  help?: string;
  /** The template's file name under /org/templates, without extension. */
  template: string;
  accept: string;
  result: ImportReportData | null | undefined;
  /** Why nothing can be imported now; the form is left out. */
  unavailable?: string | null;
  /** Fields asked before the file. */
  children?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <section aria-labelledby={`${id}-title`}>
      <p>
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1 id={`${id}-title`}>{title}</h1>
      <p className="muted">
        {limits.maxCsvMb === undefined
          ? t("reg.import.intro", { size: limits.maxMb, rows: formatCount(locale, limits.maxRows) })
          : t("reg.import.rosterIntro", {
              size: limits.maxMb,
              csvSize: limits.maxCsvMb,
              rows: formatCount(locale, limits.maxRows),
            })}
      </p>
      {help ? <p className="muted">{help}</p> : null}
      <p className="reg-links">
        {t("reg.import.template")}
        <a href={`/org/templates/${template}.csv`} download>
          {t("reg.import.templateCsv")}
        </a>
        <a href={`/org/templates/${template}.xlsx`} download>
          {t("reg.import.templateXlsx")}
        </a>
      </p>
      <p className="muted">{t("reg.import.templateHint")}</p>
      {unavailable ? (
        <p>{unavailable}</p>
      ) : (
        <Form method="post" encType="multipart/form-data">
          {children}
          <TextField
            id={`${id}-file`}
            name="file"
            type="file"
            label={t("reg.import.file")}
            accept={accept}
            required
          />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t("reg.import.submit")}
            </button>
          </div>
        </Form>
      )}
      <ImportProgress busy={busy} />
      {busy ? null : <ImportReport result={result} maxMb={limits.maxCsvMb ?? limits.maxMb} />}
    </section>
  );
}

/** Shown while the upload is on its way and the server checks the rows. */
export function ImportProgress({ busy }: { busy: boolean }) {
  const t = useT();
  if (!busy) return null;
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <progress aria-label={t("reg.import.progress")} />
      <span>{t("reg.import.progress")}</span>
    </div>
  );
}

/**
 * The problems that refused a submit, focused when they appear (useFocusOnAppear). `standing`:
 * problems a page shows as it loads (not an answer to the user), which take no focus.
 */
export function ProblemList({
  title,
  problems,
  standing = false,
}: {
  title: string;
  problems:
    { code: string; params?: Record<string, unknown>; subject?: string }[] | null | undefined;
  standing?: boolean;
}) {
  const locale = useLocale();
  const ref = useFocusOnAppear<HTMLDivElement>(!standing && problems?.length ? problems : null);
  if (!problems || problems.length === 0) return null;
  return (
    <div ref={ref} className="alert alert--error" role="alert" tabIndex={standing ? undefined : -1}>
      <p>{title}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{problemText(locale, p)}</li>
        ))}
      </ul>
    </div>
  );
}
