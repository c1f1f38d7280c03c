// Reading a form post, within limits. Bodies are read from the stream and counted as they
// come, so a body without Content-Length (chunked) is cut off at its route's limit as surely
// as one that declares its size; nothing is buffered past the limit. Only the two encodings
// a form can send are accepted: anything else (text/plain, JSON) is a 400, never a 500.
import { MAX_ROSTER_CSV_BYTES, MAX_UPLOAD_BYTES } from "~/utils/spreadsheet.server";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT } from "~/domain/honours";

const KIB = 1024;

/**
 * What each kind of route may receive. Sign-in, language and sign-out take a few fields;
 * ordinary forms up to 1 MiB (the largest, a 200-row marking scheme, is a fraction of it);
 * imports one spreadsheet; nominations their attachments; the roster import a federation's
 * CSV of up to a million rows.
 */
export const BODY_LIMITS = {
  small: 16 * KIB,
  form: 1024 * KIB,
  upload: MAX_UPLOAD_BYTES + 64 * KIB,
  attachments: ATTACHMENT_MAX_COUNT * ATTACHMENT_MAX_BYTES + 256 * KIB,
  roster: MAX_ROSTER_CSV_BYTES + 64 * KIB,
} as const;

export type BodyKind = keyof typeof BODY_LIMITS;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function refuse(status: 400 | 413, text: string): Response {
  return new Response(text, {
    status,
    statusText: status === 413 ? "Payload Too Large" : "Bad Request",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function isTooLarge(thrown: unknown): thrown is Response {
  return thrown instanceof Response && thrown.status === 413;
}

/** The body's bytes, or a thrown 413 as soon as they pass `limit`. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > limit)
    throw refuse(413, "请求内容过大 / Request body too large");
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading: the rest of the stream is never pulled into memory.
      await reader.cancel().catch(() => undefined);
      throw refuse(413, "请求内容过大 / Request body too large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The posted form. Throws a Response: 400 for a body that is not a form (or is malformed),
 * 413 past the route kind's limit.
 */
export async function readForm(request: Request, kind: BodyKind = "form"): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type))
    throw refuse(400, "只接受表单提交 / Only form submissions are accepted");
  const bytes = await readLimited(request, BODY_LIMITS[kind]);
  try {
    // Parsed from the bytes already counted, with the original boundary.
    return await new Response(bytes, {
      headers: { "Content-Type": request.headers.get("Content-Type") ?? type },
    }).formData();
  } catch {
    throw refuse(400, "表单格式有误 / Malformed form data");
  }
}
