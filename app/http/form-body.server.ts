// Reading a form post, within limits. Bodies are read from the stream and counted as they
// come, so a body without Content-Length (chunked) is cut off at its route's limit as surely
// as one that declares its size; nothing is buffered past the limit. Only the two encodings
// a form can send are accepted: anything else (text/plain, JSON) is a 400, never a 500.
//
// A multipart body is parsed as it streams in (Remix's unstable_parseMultipartFormData): each
// file goes straight to a scratch directory of its request (app/utils/upload-scratch.server.ts)
// and comes back as a File backed by that file on disk (fs.openAsBlob), so a 128 MB roster
// CSV never sits in memory; only the small text fields do. The directory is removed when the
// response ends, or at once when the body is refused.
import { createWriteStream, openAsBlob } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_ROSTER_CSV_BYTES, MAX_UPLOAD_BYTES } from "~/utils/spreadsheet.server";
import { removeScratch, scratchDir } from "~/utils/upload-scratch.server";
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

/**
 * The text fields of a multipart form, together, are held in memory up to this much (an
 * ordinary form's limit): a large body is only ever large in its files, which go to disk.
 */
const TEXT_FIELDS_LIMIT = BODY_LIMITS.form;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function refuse(status: 400 | 413, text: string): Response {
  return new Response(text, {
    status,
    statusText: status === 413 ? "Payload Too Large" : "Bad Request",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

const tooLarge = () => refuse(413, "请求内容过大 / Request body too large");
const malformed = () => refuse(400, "表单格式有误 / Malformed form data");

export function isTooLarge(thrown: unknown): thrown is Response {
  return thrown instanceof Response && thrown.status === 413;
}

/** Thrown inside the parser when the body passes its limit (answered as 413). */
class BodyTooLarge extends Error {}

/** A declared size past the limit is refused before a byte is read. */
function checkDeclared(request: Request, limit: number) {
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
}

/** The body's bytes, or a thrown 413 as soon as they pass `limit` (url-encoded forms). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = countedBody(request.body, limit).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
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
 * The body as a stream that is pulled only as fast as its reader reads (no read-ahead), and
 * that fails with BodyTooLarge as soon as `limit` is passed: the rest of the body is never
 * pulled in.
 */
function countedBody(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => undefined);
          return controller.error(new BodyTooLarge());
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** Where each uploaded File of a form read here sits on disk (for a move instead of a copy). */
const onDisk = new WeakMap<Blob, string>();

/** The file on disk holding an uploaded File, while its request lasts; null if none. */
export function uploadedFilePath(file: Blob): string | null {
  return onDisk.get(file) ?? null;
}

/** Parses a multipart body as it streams in: files to the request's scratch directory. */
async function readMultipart(request: Request, limit: number): Promise<FormData> {
  let dir: string | null = null;
  let files = 0;
  let textBytes = 0;
  const handler: UploadHandler = async (part) => {
    if (part.filename === undefined) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of part.data) {
        textBytes += chunk.byteLength;
        if (textBytes > TEXT_FIELDS_LIMIT) throw new BodyTooLarge();
        chunks.push(chunk);
      }
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    dir ??= await scratchDir();
    // Named by a counter, never by the sender's file name.
    const file = path.join(dir, String(++files));
    // Written with backpressure: the body is read no faster than the disk takes it.
    await pipeline(Readable.from(part.data), createWriteStream(file, { flags: "wx", mode: 0o600 }));
    const blob = new File([await openAsBlob(file)], part.filename, { type: part.contentType });
    onDisk.set(blob, file);
    return blob;
  };
  try {
    // The parser reads only the headers and the body: give it the counted body.
    const counted = { headers: request.headers, body: countedBody(request.body!, limit) };
    return await unstable_parseMultipartFormData(counted as unknown as Request, handler);
  } catch (error) {
    if (dir) await removeScratch(dir);
    if (error instanceof BodyTooLarge) throw tooLarge();
    throw malformed();
  }
}

/**
 * The posted form. Throws a Response: 400 for a body that is not a form (or is malformed),
 * 413 past the route kind's limit.
 */
export async function readForm(request: Request, kind: BodyKind = "form"): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type))
    throw refuse(400, "只接受表单提交 / Only form submissions are accepted");
  const limit = BODY_LIMITS[kind];
  checkDeclared(request, limit);
  if (type === "multipart/form-data") {
    if (!request.body) throw malformed();
    return readMultipart(request, limit);
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readLimited(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge();
    throw error;
  }
  try {
    return await new Response(bytes, { headers: { "Content-Type": type } }).formData();
  } catch {
    throw malformed();
  }
}
