// Reads one uploaded file from a multipart form, refusing oversized uploads before they
// are buffered: first by the declared Content-Length, then by counting bytes as they come.
import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { MAX_UPLOAD_BYTES, type SheetProblem } from "~/utils/spreadsheet.server";

// Room for the other fields and the multipart boundaries around the file.
const FORM_OVERHEAD = 64 * 1024;

export type Upload =
  | { ok: true; formData: FormData; file: { name: string; bytes: Uint8Array } }
  | { ok: false; problem: SheetProblem; formData: FormData | null };

export async function readUpload(request: Request, field = "file"): Promise<Upload> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES + FORM_OVERHEAD)
    return { ok: false, problem: "import_file_too_large", formData: null };
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { ok: false, problem: "import_file_too_large", formData: null };
    throw error;
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
  return {
    ok: true,
    formData,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  };
}

export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;
