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
//
// The parts reach exceljs through the central directory, in the order it needs them
// (relationships, workbook, shared strings, styles, then sheets), not through its own single
// pass over the ZIP. That pass loses entries at random (exceljs#3064, still open in 4.4.0):
// when a sheet is stored before the shared strings, as Excel and exceljs both write it, the
// reader parks the sheet in a temp file; meanwhile unzipper reaches the end of its input and
// emits 'end' while the parts after the sheet still wait in its paused stream, so the reader
// stops without the workbook and throws. About one read in 200 of the same valid file failed
// ("无法读取该文件"), which CI caught as a flaky quiz-bank import.
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import type ExcelJS from "exceljs";
import { excel } from "~/utils/excel.server";
import { fail, ok, type Outcome } from "~/utils/outcome";

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

/** An entry's stored (compressed) bytes, or null when its local header does not hold up. */
function entryData(buffer: Buffer, entry: Entry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  return data.length === entry.compressedSize ? data : null;
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
    const data = entryData(buffer, entry);
    if (!data) return "not_xlsx";
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

/** The parts of WorkbookReader that its own ZIP pass calls (exceljs 4.4.0, pinned). */
type ReaderParts = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<unknown>;
};

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs's streaming reader fed part by part from the central directory (see the top of this
 * file): everything a sheet refers to is parsed before any sheet, so no sheet is parked in a
 * temp file and nothing depends on when the ZIP stream ends. Sheets still stream row by row.
 * Made when the first workbook is read, as exceljs is loaded then (excel.server.ts).
 */
async function directoryWorkbookReader(parts: Map<string, () => Readable>) {
  const ExcelJS = await excel();
  return new (class extends ExcelJS.stream.xlsx.WorkbookReader {
    constructor() {
      super(Readable.from([]), {
        sharedStrings: "cache",
        styles: "cache",
        hyperlinks: "ignore",
        worksheets: "emit",
        entries: "emit",
      });
    }

    override async *parse(): AsyncGenerator<unknown> {
      const reader = this as unknown as ReaderParts;
      const open = (name: string) => parts.get(name)?.();
      const rels = open("xl/_rels/workbook.xml.rels");
      if (rels) await reader._parseRels(rels);
      const workbook = open("xl/workbook.xml");
      if (workbook) await reader._parseWorkbook(workbook);
      const strings = open("xl/sharedStrings.xml");
      if (strings) yield* reader._parseSharedStrings(strings);
      const styles = open("xl/styles.xml");
      if (styles) await reader._parseStyles(styles);
      const sheets = [...parts.keys()]
        .map((name) => SHEET.exec(name)?.[1])
        .filter((n): n is string => n !== undefined)
        .sort((a, b) => Number(a) - Number(b));
      for (const sheetNo of sheets) {
        const sheet = open(`xl/worksheets/sheet${sheetNo}.xml`);
        if (sheet) yield* reader._parseWorksheet(sheet, sheetNo);
      }
    }
  })();
}

export type SheetRows<T> = Outcome<
  { rows: { number: number; value: T }[]; truncated: boolean },
  XlsxRefusal
>;

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
  if (refusal) return fail(refusal);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = new Map<string, () => Readable>();
  for (const entry of centralDirectory(buffer) ?? []) {
    const data = entryData(buffer, entry);
    if (data)
      parts.set(entry.name, () =>
        entry.method === 8 ? Readable.from([data]).pipe(createInflateRaw()) : Readable.from([data]),
      );
  }
  const reader = await directoryWorkbookReader(parts);
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
    return fail<XlsxRefusal>("not_xlsx");
  }
  return ok({ rows, truncated });
}
