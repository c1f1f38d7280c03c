// Reads one uploaded file from a multipart form, within the upload limit: the body is counted
// as it streams in and its files written to disk (app/http/form-body.server.ts), so an
// oversized or chunked upload is cut off before it is buffered.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { data } from "@remix-run/node";
import { fileProblem, type FileProblem } from "~/domain/registration/import-rows";
import { notFound } from "~/http/session.server";
import { fail, ok, type Failure, type Outcome } from "~/utils/outcome";
import {
  MAX_ROSTER_CSV_BYTES,
  MAX_UPLOAD_BYTES,
  spreadsheetKind,
  type SheetProblem,
} from "~/utils/spreadsheet.server";
import { isTooLarge, readForm, uploadedFilePath } from "~/http/form-body.server";

/** An upload's refusal is the file's own problem, as the import report shows it. */
function refusedFile(problem: SheetProblem): Failure<FileProblem> {
  return fail(fileProblem(problem));
}

export type Uploaded = { formData: FormData; file: { name: string; bytes: Uint8Array } };

/** "roster" takes a federation-sized CSV (the parser still holds XLSX to MAX_UPLOAD_BYTES). */
export async function readUpload(
  request: Request,
  field = "file",
  kind: "upload" | "roster" = "upload",
): Promise<Outcome<Uploaded, FileProblem>> {
  const maxBytes = kind === "roster" ? MAX_ROSTER_CSV_BYTES : MAX_UPLOAD_BYTES;
  let formData: FormData;
  try {
    formData = await readForm(request, kind);
  } catch (thrown) {
    if (isTooLarge(thrown)) return refusedFile("import_file_too_large");
    throw thrown;
  }
  const file = formData.get(field);
  if (!file || typeof file === "string") return refusedFile("import_no_file");
  if (file.size === 0) return refusedFile("import_not_spreadsheet");
  if (file.size > maxBytes) return refusedFile("import_file_too_large");
  return ok({
    formData,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  });
}

export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/**
 * A bulk import's action after authorisation: reads the upload and hands it to `run`. A refused
 * upload, or an import that stored nothing, answers in the import report's shape; `run`
 * answers null when what the form names is not there to import into (404).
 */
export async function answerImport<T extends { ok: boolean }>(
  request: Request,
  run: (upload: Uploaded) => Promise<T | null>,
  kind: "upload" | "roster" = "upload",
) {
  const upload = await readUpload(request, "file", kind);
  if (!upload.ok) return uploadRefused(upload);
  const outcome = await run(upload.value);
  if (outcome === null) throw notFound();
  return outcome.ok ? outcome : data(outcome, { status: 400 });
}

/** The answer to a refused upload, the file's problem for the import report: 413 when too large. */
export function uploadRefused(refusal: Failure<FileProblem>) {
  return data(refusal, {
    status: refusal.problems.some((p) => p.code === "import_file_too_large") ? 413 : 400,
  });
}
export const MAX_ROSTER_CSV_MB = MAX_ROSTER_CSV_BYTES / 1024 / 1024;

/** Where roster uploads wait for their import job (which removes them). */
const SPOOL_DIR = path.join(tmpdir(), "jiangxin-roster-uploads");

export type SpooledFile = { name: string; path: string; bytes: number };

/**
 * A roster upload written to a spool file for its background import, after the checks that
 * need no parsing: a file is there, within its kind's size, a spreadsheet by its first bytes
 * and name (a CSV with a NUL byte near its start is a binary file renamed).
 */
export async function spoolRosterUpload(
  request: Request,
): Promise<Outcome<SpooledFile, FileProblem>> {
  let formData: FormData;
  try {
    formData = await readForm(request, "roster");
  } catch (thrown) {
    if (isTooLarge(thrown)) return refusedFile("import_file_too_large");
    throw thrown;
  }
  const file = formData.get("file");
  if (!file || typeof file === "string") return refusedFile("import_no_file");
  if (file.size === 0) return refusedFile("import_not_spreadsheet");
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const kind = spreadsheetKind({ name: file.name, size: file.size, head }, MAX_ROSTER_CSV_BYTES);
  if (kind !== "csv" && kind !== "xlsx") return refusedFile(kind);
  if (kind === "csv" && head.includes(0)) return refusedFile("import_not_spreadsheet");
  await mkdir(SPOOL_DIR, { recursive: true });
  const spooled = path.join(SPOOL_DIR, `${Date.now()}-${randomBytes(8).toString("hex")}`);
  await moveUpload(file, spooled);
  return ok({ name: file.name, path: spooled, bytes: file.size });
}

/**
 * Moves an uploaded file out of its request's scratch directory (which goes with the request)
 * to `to`: a rename on the same disk, else a streamed copy; never read into memory.
 */
async function moveUpload(file: File, to: string): Promise<void> {
  const from = uploadedFilePath(file);
  if (from) {
    try {
      return await rename(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
  }
  await pipeline(
    Readable.fromWeb(file.stream() as Parameters<typeof Readable.fromWeb>[0]),
    createWriteStream(to, { mode: 0o600 }),
  );
}
