// A shared answer kept as a template: its bytes cut at the markers the app rendered in place
// of per-response values (the CSP nonce, a signed-in visitor's name; see
// app/utils/shared-pages.ts), so that each response is the template with that visitor's
// values filled in, escaped as the app would have escaped them where each marker stands.
//
// Compressed answers are assembled the same way, without compressing per request: every
// fixed segment is deflated once (ending on a byte boundary, Z_SYNC_FLUSH), the values go in
// as stored blocks, and a gzip header, an empty final block and the trailer (CRC-32 and
// length of the whole) close it. A deflate stream may be cut into blocks anywhere.
import { constants, crc32, deflateRawSync } from "node:zlib";

export type Field = "nonce" | "displayName";
export type Markers = Record<Field, string>;
export type Values = Record<Field, string>;

/**
 * How a value is written where its marker stands: `html` as React escapes text and
 * attributes; `stream` inside Remix's inline data script (the loader data is a turbo-stream
 * whose strings are JSON, written as a JSON string into the script and HTML-escaped);
 * `json` in a JSON or turbo-stream body.
 */
export type Context = "html" | "stream" | "json";
type Slot = { field: Field; context: Context };

export type PageTemplate = {
  status: number;
  /** Response headers; values may hold markers (the CSP header names the nonce). */
  headers: Record<string, string>;
  /** The fixed bytes around the slots: one more than there are slots. */
  segments: Buffer[];
  slots: Slot[];
  /** Each segment deflated once, made when first asked for. */
  deflated?: Buffer[];
};

const FIELDS: readonly Field[] = ["nonce", "displayName"];

// React's escaping of text and attribute values (react-dom/server escapeTextForBrowser).
const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

// Remix's escaping of its inline scripts (@remix-run/react markup.js).
const SCRIPT_ESCAPES: Record<string, string> = {
  "&": "\\u0026",
  ">": "\\u003e",
  "<": "\\u003c",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
const jsonInner = (text: string) => JSON.stringify(text).slice(1, -1);

function encode(value: string, context: Context): string {
  if (context === "html") return escapeHtml(value);
  if (context === "json") return jsonInner(value);
  return jsonInner(jsonInner(value)).replace(/[&><\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

const STREAM_SCRIPT = "window.__remixContext.streamController.enqueue(";

/** Where in an HTML document `at` is: inside Remix's data script, inside another script, or HTML. */
function htmlContextAt(text: string, at: number): Context | "other-script" {
  const open = text.lastIndexOf("<script", at);
  if (open === -1 || text.lastIndexOf("</script>", at) > open) return "html";
  const tagEnd = text.indexOf(">", open);
  if (tagEnd === -1 || tagEnd > at) return "html"; // an attribute of the script tag (its nonce)
  return text.startsWith(STREAM_SCRIPT, tagEnd + 1) ? "stream" : "other-script";
}

/**
 * Cuts a finished answer at its markers. Null when it cannot be shared safely: a marker of
 * the visitor's name where its escaping is unknown, or a marker that did not come out whole.
 */
export function makeTemplate(
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  markers: Markers,
): PageTemplate | null {
  const text = body.toString("utf8");
  const html = /^text\/html\b/i.test(headers["content-type"] ?? "");
  const found: { at: number; field: Field }[] = [];
  for (const field of FIELDS) {
    for (
      let at = text.indexOf(markers[field]);
      at !== -1;
      at = text.indexOf(markers[field], at + 1)
    )
      found.push({ at, field });
  }
  found.sort((a, b) => a.at - b.at);
  const segments: Buffer[] = [];
  const slots: Slot[] = [];
  let from = 0;
  for (const { at, field } of found) {
    const where = html ? htmlContextAt(text, at) : "json";
    if (where === "other-script") return null;
    // The nonce is base64, the same under every escaping.
    slots.push({ field, context: field === "nonce" ? "html" : where });
    segments.push(Buffer.from(text.slice(from, at), "utf8"));
    from = at + markers[field].length;
  }
  segments.push(Buffer.from(text.slice(from), "utf8"));
  // A marker's common prefix left over means one was cut or rewritten: never send it.
  const prefix = commonPrefix(markers.nonce, markers.displayName);
  if (segments.some((s) => s.includes(prefix))) return null;
  const fixedHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value.includes(markers.displayName)) return null;
    fixedHeaders[name] = value;
  }
  return { status, headers: fixedHeaders, segments, slots };
}

function commonPrefix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n += 1;
  return a.slice(0, n);
}

/** Whether the template holds the visitor's name (so a filled answer is theirs alone). */
export function isPersonal(template: PageTemplate): boolean {
  return template.slots.some((s) => s.field === "displayName");
}

function pieces(template: PageTemplate, values: Values): Buffer[] {
  const encoded = new Map<string, Buffer>();
  const out: Buffer[] = [];
  template.segments.forEach((segment, i) => {
    out.push(segment);
    const slot = template.slots[i];
    if (!slot) return;
    const key = `${slot.field}|${slot.context}`;
    let value = encoded.get(key);
    if (!value) encoded.set(key, (value = Buffer.from(encode(values[slot.field], slot.context))));
    out.push(value);
  });
  return out;
}

export function headersOf(template: PageTemplate, values: Values, markers: Markers) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(template.headers))
    headers[name] = value.split(markers.nonce).join(values.nonce);
  return headers;
}

/** The answer for one visitor, uncompressed. */
export function fill(template: PageTemplate, values: Values): Buffer {
  return Buffer.concat(pieces(template, values));
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

function storedBlocks(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length; at += 65_535) {
    const chunk = data.subarray(at, at + 65_535);
    const header = Buffer.alloc(5);
    header[0] = 0; // not final, stored
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    out.push(header, chunk);
  }
  return out;
}

/** The answer for one visitor, gzip-encoded, from segments deflated once. */
export function fillGzip(template: PageTemplate, values: Values): Buffer {
  template.deflated ??= template.segments.map((s) =>
    deflateRawSync(s, { finishFlush: constants.Z_SYNC_FLUSH }),
  );
  const plain = pieces(template, values);
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  plain.forEach((piece, i) => {
    crc = crc32(piece, crc);
    length += piece.length;
    // Even pieces are the segments, odd ones the filled-in values.
    if (i % 2 === 0) out.push(template.deflated![i / 2]!);
    else out.push(...storedBlocks(piece));
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  out.push(FINAL_BLOCK, trailer);
  return Buffer.concat(out);
}
