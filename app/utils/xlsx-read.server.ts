// Reading uploaded XLSX files without trusting them. An XLSX is a ZIP of XML; a few MB can
// inflate to gigabytes ("decompression bomb"), and loading a whole workbook builds a model
// many times the XML's size. So, before any parsing:
//   1. the ZIP's central directory is read and its declared sizes added up (too many entries,
//      or more than MAX_XLSX_INFLATED_BYTES in all, is refused unread);
//   2. every entry is inflated once as a stream, counting bytes, and refused the moment it
//      passes its declared size or the total passes the limit (a ZIP may lie about sizes);
// then the first sheet is parsed as a stream (exceljs WorkbookReader), row by row, and
// reading stops after `maxRows` rows: the rest of the sheet is never parsed or kept.
// Inflating and parsing proceed in chunks, so other requests are served in between.
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import ExcelJS from "exceljs";

/** All entries together, inflated. A 50,000-row roster is about 30 MB of XML. */
export const MAX_XLSX_INFLATED_BYTES = 96 * 1024 * 1024;
/** A workbook from Excel or WPS has a few dozen entries. */
export const MAX_XLSX_ENTRIES = 500;

export type XlsxRefusal = "not_xlsx" | "too_large";

type Entry = {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries, or null when this is no (supported) ZIP. */
function centralDirectory(bytes: Buffer): Entry[] | null {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  // ZIP64 markers: no honest upload within our size limit needs them.
  if (count === 0xffff || offset === 0xffffffff) return null;
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      declaredSize: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString("utf8", offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry, counting; rejects past `limit` bytes without keeping any output. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const inflate = createInflateRaw();
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        reject(new Error("entry inflates past its limit"));
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", reject);
    inflate.end(data);
  });
}

/** Checks the whole archive's real inflated size; null when it is safe to parse. */
export async function checkXlsxArchive(bytes: Uint8Array): Promise<XlsxRefusal | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buffer);
  if (!entries || entries.length === 0) return "not_xlsx";
  if (entries.length > MAX_XLSX_ENTRIES) return "too_large";
  if (entries.reduce((sum, e) => sum + e.declaredSize, 0) > MAX_XLSX_INFLATED_BYTES)
    return "too_large";
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) return "not_xlsx";
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    const data = buffer.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) return "not_xlsx";
    const limit = Math.min(entry.declaredSize, MAX_XLSX_INFLATED_BYTES - total);
    if (entry.method === 0) {
      if (data.length > limit) return "too_large";
      total += data.length;
    } else if (entry.method === 8) {
      try {
        total += await inflatedSize(data, limit);
      } catch {
        return "too_large";
      }
    } else return "not_xlsx";
  }
  return null;
}

export type SheetRows<T> =
  | { ok: true; rows: { number: number; value: T }[]; truncated: boolean }
  | { ok: false; problem: XlsxRefusal };

/**
 * The first worksheet's rows (with their 1-based row numbers), each turned into what `map`
 * makes of it at once (parsed rows are not kept), at most `maxRows` of them; `truncated`
 * says there were more. Refuses bombs and non-workbooks before parsing.
 */
export async function readFirstSheet<T>(
  bytes: Uint8Array,
  maxRows: number,
  map: (row: ExcelJS.Row) => T,
): Promise<SheetRows<T>> {
  const refusal = await checkXlsxArchive(bytes);
  if (refusal) return { ok: false, problem: refusal };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  const rows: { number: number; value: T }[] = [];
  let truncated = false;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (rows.length >= maxRows) {
          truncated = true;
          break;
        }
        rows.push({ number: row.number, value: map(row) });
      }
      // Only the first sheet is read.
      break;
    }
  } catch {
    return { ok: false, problem: "not_xlsx" };
  }
  return { ok: true, rows, truncated };
}
