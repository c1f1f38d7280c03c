// Reads one uploaded file from a multipart form, within the upload limit: the body is counted
// as it streams in (app/http/form-body.server.ts), so an oversized or chunked upload is cut
// off before it is buffered.
import { data } from "@remix-run/node";
import { notFound } from "~/http/session.server";
import {
  MAX_ROSTER_CSV_BYTES,
  MAX_UPLOAD_BYTES,
  type SheetProblem,
} from "~/utils/spreadsheet.server";
import { isTooLarge, readForm } from "~/http/form-body.server";

export type Upload =
  | { ok: true; formData: FormData; file: { name: string; bytes: Uint8Array } }
  | { ok: false; problem: SheetProblem; formData: FormData | null };

/** "roster" takes a federation-sized CSV (the parser still holds XLSX to MAX_UPLOAD_BYTES). */
export async function readUpload(
  request: Request,
  field = "file",
  kind: "upload" | "roster" = "upload",
): Promise<Upload> {
  const maxBytes = kind === "roster" ? MAX_ROSTER_CSV_BYTES : MAX_UPLOAD_BYTES;
  let formData: FormData;
  try {
    formData = await readForm(request, kind);
  } catch (thrown) {
    if (isTooLarge(thrown)) return { ok: false, problem: "import_file_too_large", formData: null };
    throw thrown;
  }
  const file = formData.get(field);
  if (!file || typeof file === "string" || file.size === 0) {
    return {
      ok: false,
      problem:
        file && typeof file !== "string" && file.size === 0
          ? "import_not_spreadsheet"
          : "import_no_file",
      formData,
    };
  }
  if (file.size > maxBytes) return { ok: false, problem: "import_file_too_large", formData };
  return {
    ok: true,
    formData,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  };
}

export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/**
 * A bulk import's action after authorisation: reads the upload and hands it to `run`. A refused
 * upload, or an import that stored nothing, answers in the import report's shape; `run`
 * answers null when what the form names is not there to import into (404).
 */
export async function answerImport<T extends { ok: boolean }>(
  request: Request,
  run: (upload: Extract<Upload, { ok: true }>) => Promise<T | null>,
  kind: "upload" | "roster" = "upload",
) {
  const upload = await readUpload(request, "file", kind);
  if (!upload.ok) return uploadRefused(upload.problem);
  const outcome = await run(upload);
  if (outcome === null) throw notFound();
  return outcome.ok ? outcome : data(outcome, { status: 400 });
}

/** The answer to a refused upload, shaped for the import report: 413 when too large. */
function uploadRefused(problem: SheetProblem) {
  return data(
    { ok: false as const, fileProblem: problem, errors: [] },
    { status: problem === "import_file_too_large" ? 413 : 400 },
  );
}
export const MAX_ROSTER_CSV_MB = MAX_ROSTER_CSV_BYTES / 1024 / 1024;
