// Reads one uploaded file from a multipart form, within the upload limit: the body is counted
// as it streams in (app/http/form-body.server.ts), so an oversized or chunked upload is cut
// off before it is buffered.
import { data } from "@remix-run/node";
import { MAX_UPLOAD_BYTES, type SheetProblem } from "~/utils/spreadsheet.server";
import { isTooLarge, readForm } from "~/http/form-body.server";

export type Upload =
  | { ok: true; formData: FormData; file: { name: string; bytes: Uint8Array } }
  | { ok: false; problem: SheetProblem; formData: FormData | null };

export async function readUpload(request: Request, field = "file"): Promise<Upload> {
  let formData: FormData;
  try {
    formData = await readForm(request, "upload");
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
  if (file.size > MAX_UPLOAD_BYTES)
    return { ok: false, problem: "import_file_too_large", formData };
  return {
    ok: true,
    formData,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  };
}

export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/** The answer to a refused upload, shaped for the import report: 413 when too large. */
export function uploadRefused(problem: SheetProblem) {
  return data(
    { ok: false as const, fileProblem: problem, errors: [] },
    { status: problem === "import_file_too_large" ? 413 : 400 },
  );
}

/** An import's outcome as the answer: 400 when it stored nothing. */
export function importAnswer<T extends { ok: boolean }>(outcome: T) {
  return outcome.ok ? outcome : data(outcome, { status: 400 });
}
