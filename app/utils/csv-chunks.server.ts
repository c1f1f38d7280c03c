// A CSV file read in chunks: a federation's roster (up to 128 MB) is never held whole as text
// or as a table. Bytes are decoded a piece at a time, each piece is cut after its last record
// end (a line break outside quotes) and parsed by Papa Parse on its own; the unfinished
// record is carried into the next piece. For any file written by a CSV writer (Excel, our
// templates: a cell with a quote in it is quoted, its quotes doubled) the rows and their
// numbers are those of one parse of the whole file, a quoted line break staying in its cell.
// A stray quote in the middle of an unquoted cell, which Papa Parse keeps as text, counts
// here as opening a quote (as RFC 4180 reads it): the record then runs on to the next quote.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import Papa from "papaparse";

/** The two encodings a roster CSV comes in: UTF-8, or GB18030 from Excel on Chinese Windows. */
export const CSV_ENCODINGS = ["utf-8", "gb18030"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The file is not text in `encoding` (or holds a NUL byte: a binary file named .csv). */
export class NotCsvText extends Error {}

/** Where the bytes come from: a file's read stream, or pieces of bytes held in memory. */
export type ByteSource = () => AsyncIterable<Uint8Array>;

/** Pieces of at most `size` bytes of a buffer already in memory. */
export function bytePieces(bytes: Uint8Array, size = 1 << 20): ByteSource {
  return async function* () {
    for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
  };
}

async function* textPieces(
  source: ByteSource,
  encoding: CsvEncoding,
  onBytes?: (bytes: number) => void | Promise<void>,
): AsyncGenerator<string> {
  // fatal: a byte sequence that is not `encoding` throws, and the caller tries the next one.
  // A UTF-8 byte-order mark is dropped by the decoder.
  const decoder = new TextDecoder(encoding, { fatal: true });
  for await (const piece of source()) {
    if (piece.includes(0)) throw new NotCsvText("NUL byte");
    let text: string;
    try {
      text = decoder.decode(piece, { stream: true });
    } catch {
      throw new NotCsvText(`not ${encoding}`);
    }
    await onBytes?.(piece.byteLength);
    yield text;
  }
  try {
    yield decoder.decode();
  } catch {
    throw new NotCsvText(`not ${encoding}`);
  }
}

/** The index just after the last line break outside quotes in `text`, or -1. */
function lastRecordEnd(text: string): number {
  // A quote toggles quoting; an escaped quote ("") toggles twice, so parity tells the state.
  let quoted = false;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) end = i + 1;
  }
  return end;
}

/**
 * The file's line break as one parse of the whole file takes it (Papa Parse guesses it from
 * the start of the text), so that every piece is parsed with the same: guessed piece by
 * piece, a piece that began at the one CRLF line of a file of LF lines read on past its LF.
 */
function lineBreakOf(start: string): LineBreak {
  const found = Papa.parse<string[]>(start.slice(0, 1 << 20), { preview: 1 }).meta.linebreak;
  return found === "\r\n" || found === "\r" ? found : "\n";
}

export type LineBreak = "\n" | "\r\n" | "\r";

/**
 * The records of a piece of the file's text (csvPieces), trimmed like the whole-file reader's
 * cells; `endsWithBreak`: the piece ends at a record's end (every piece but the last).
 */
export function parseCsvPiece(piece: CsvPiece | BytePiece): string[][] {
  const records = pieceRecords(piece);
  const rows: string[][] = new Array<string[]>(records.length);
  for (let i = 0; i < rows.length; i++) rows[i] = records.at(i);
  return rows;
}

/**
 * A piece's records one at a time, as parseCsvPiece reads them: `at(i)` is record i, its
 * cells trimmed, made when asked for. A piece without a quote (nearly every piece of a roster)
 * is split into lines at once and each line into cells only when its record is taken, so
 * that a checked chunk does not hold ten thousand records' cells until its last row is
 * checked: they were most of what its young garbage collections copied and promoted.
 */
export interface PieceRecords {
  readonly length: number;
  at(i: number): string[];
}

export function pieceRecords(piece: CsvPiece | BytePiece): PieceRecords {
  const { text, endsWithBreak, newline } = pieceText(piece);
  if (text.includes('"')) {
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: false, newline }).data;
    // A piece cut after a line break parses with an empty record after it, which belongs to
    // the next piece (or, at the file's end, is no record at all).
    if (endsWithBreak) rows.pop();
    return { length: rows.length, at: (i) => trimmed(rows[i] as string[]) };
  }
  return unquotedRecords(text, newline, endsWithBreak);
}

/** A record's cells trimmed in place (a million-row file read twice made four million arrays otherwise). */
function trimmed(row: string[]): string[] {
  for (let i = 0; i < row.length; i++) row[i] = String(row[i] ?? "").trim();
  return row;
}

/**
 * The records Papa Parse reads from text without a quote (nearly every piece of a roster), as
 * it reads them: without a quote it drops a leading byte-order mark, splits the text at its
 * line breaks and each line at the delimiter it guessed from the first ten records, and does
 * nothing else. The delimiter is guessed here by Papa Parse itself, from those ten records
 * alone rather than from the whole piece (it splits all of it to look at ten); the split is
 * done here, which costs about two thirds of Papa Parse's own run over a piece of 10,000 records
 * (microbenchmark). A quote anywhere makes the piece Papa Parse's (pieceRecords).
 */
function unquotedRecords(text: string, newline: LineBreak, endsWithBreak: boolean): PieceRecords {
  const delimiter = guessedDelimiter(text, text.length, newline);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Papa Parse reads empty text as no record, and text as one more record than line breaks.
  const lines = body === "" ? [] : body.split(newline);
  if (endsWithBreak) lines.pop();
  return {
    length: lines.length,
    at: (i) => trimmed((lines[i] as string).split(delimiter)),
  };
}

/** Papa Parse guesses a delimiter from the records of a ten-record preview (and one more line). */
const GUESSED_FROM_RECORDS = 10;

/**
 * The delimiter Papa Parse guesses for text[0, end), given only the records it looks at:
 * it splits all it is given to look at ten.
 */
function guessedDelimiter(text: string, end: number, newline: LineBreak): string {
  let head = 0;
  for (let k = 0; k <= GUESSED_FROM_RECORDS; k++) {
    const at = text.indexOf(newline, head);
    if (at < 0 || at >= end) {
      head = end;
      break;
    }
    head = at + newline.length;
  }
  return Papa.parse<string[]>(text.slice(0, head), { newline, preview: 1 }).meta.delimiter;
}

/** A piece of the file's text, cut after a record's end unless it is the file's last. */
export type CsvPiece = { text: string; endsWithBreak: boolean; newline: LineBreak };

/**
 * A piece of the file as its bytes in `encoding`, decoded where it is parsed: csvPieces cuts
 * the bytes, so the thread that reads a large file neither decodes its second pass nor sends
 * text (two bytes a character) to the thread that checks it.
 */
export type BytePiece = {
  bytes: Uint8Array;
  encoding: CsvEncoding;
  endsWithBreak: boolean;
  newline: LineBreak;
};

/**
 * A piece with the records csvPieces counted in it (line breaks outside quotes, and an
 * unfinished last record); its parse counts the same unless a stray quote in an unquoted
 * cell is read otherwise (see the top of this file).
 */
export type CountedPiece = BytePiece & { records: number };

/** A piece's text: a BytePiece decoded (NotCsvText when its bytes are not its encoding). */
function pieceText(piece: CsvPiece | BytePiece): CsvPiece {
  if ("text" in piece) return piece;
  let text: string;
  try {
    text = new TextDecoder(piece.encoding, { fatal: true }).decode(piece.bytes);
  } catch {
    throw new NotCsvText(`not ${piece.encoding}`);
  }
  return { text, endsWithBreak: piece.endsWithBreak, newline: piece.newline };
}

const LF = 10;
const QUOTE = 34;

/**
 * The file in pieces of `records` records each (the first also holds the file's first record,
 * its header), cut after line breaks outside quotes as csvRowChunks cuts, to be parsed by
 * parseCsvPiece here or on another thread. The cuts are found in the bytes: in UTF-8 and in
 * GB18030 a line feed or a quote byte is always that character, never part of another. The
 * line break is guessed from the first piece read, decoded, as the text reader guesses it.
 * Throws NotCsvText for a NUL byte; the encoding is checked where a piece is decoded (the
 * first pass has read the whole file in it).
 */
export async function* csvPieces(
  source: ByteSource,
  encoding: CsvEncoding,
  records: number,
): AsyncGenerator<CountedPiece> {
  let carry: Uint8Array = new Uint8Array(0);
  let quoted = false;
  let ended = 0;
  let wanted = records + 1;
  let newline: LineBreak | undefined;
  const piece = (bytes: Uint8Array, endsWithBreak: boolean, records: number): CountedPiece => ({
    bytes,
    encoding,
    endsWithBreak,
    newline: newline ?? "\n",
    records,
  });
  for await (const read of source()) {
    if (read.includes(0)) throw new NotCsvText("NUL byte");
    newline ??= lineBreakOf(new TextDecoder(encoding).decode(read, { stream: true }));
    const bytes =
      carry.length === 0
        ? Buffer.from(read.buffer, read.byteOffset, read.byteLength)
        : Buffer.concat([carry, read]);
    // Where this read's bytes begin: the carried bytes were scanned already.
    const scanned = bytes.length - read.length;
    let start = 0;
    if (!quoted && bytes.indexOf(QUOTE, scanned) < 0) {
      // No quote (nearly every piece of a roster): the line breaks are found by indexOf.
      for (let i = bytes.indexOf(LF, scanned); i >= 0; i = bytes.indexOf(LF, i + 1)) {
        if (++ended < wanted) continue;
        // A copy: a view would carry the whole read to the other thread.
        yield piece(Buffer.from(bytes.subarray(start, i + 1)), true, wanted);
        start = i + 1;
        ended = 0;
        wanted = records;
      }
    } else {
      for (let i = scanned; i < bytes.length; i++) {
        const c = bytes[i];
        if (c === QUOTE) quoted = !quoted;
        else if (c === LF && !quoted && ++ended === wanted) {
          yield piece(Buffer.from(bytes.subarray(start, i + 1)), true, wanted);
          start = i + 1;
          ended = 0;
          wanted = records;
        }
      }
    }
    carry = bytes.subarray(start);
  }
  // The rest: whole records, perhaps with an unfinished one after them.
  if (carry.length > 0) {
    const endsWithBreak = !quoted && carry[carry.length - 1] === LF;
    yield piece(Buffer.from(carry), endsWithBreak, ended + (endsWithBreak ? 0 : 1));
  }
}

/**
 * The file's records in chunks (each the records of about one piece of bytes), trimmed like
 * the whole-file reader's cells. Throws NotCsvText when the bytes are not `encoding`.
 */
export async function* csvRowChunks(
  source: ByteSource,
  encoding: CsvEncoding,
  onBytes?: (bytes: number) => void | Promise<void>,
): AsyncGenerator<string[][]> {
  let carry = "";
  let newline: LineBreak | undefined;
  for await (const piece of textPieces(source, encoding, onBytes)) {
    const text = carry + piece;
    newline ??= lineBreakOf(text);
    const end = lastRecordEnd(text);
    if (end < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(end);
    yield parseCsvPiece({ text: text.slice(0, end), endsWithBreak: true, newline });
  }
  if (carry !== "")
    yield parseCsvPiece({ text: carry, endsWithBreak: false, newline: newline ?? "\n" });
}

/** A file on disk, or its bytes in memory. */
export type CsvFile = { path: string } | { bytes: Uint8Array };

/** The file's bytes from `start` up to `end` (its end unless given), a megabyte at a time. */
export function byteRange(file: CsvFile, start = 0, end?: number): ByteSource {
  if ("bytes" in file) return bytePieces(file.bytes.subarray(start, end));
  const { path } = file;
  const last = end === undefined ? undefined : end - 1;
  return () => createReadStream(path, { start, end: last, highWaterMark: 1 << 20 });
}

/**
 * Where a file's first pass (csvShapes) may be cut in two, so that two threads read a half
 * each (roster-file.server.ts), and the file's line break, which the second half must take
 * as the first would have: the first line break after the middle, when no quote comes before
 * it (a quote may open a cell that runs on over line breaks; without one each line break
 * ends a record). Null when the file is to be read in one pass: no such line break near the
 * middle, line breaks of CR alone, a start that is not text in `encoding` (the one pass then
 * says so), or a second half that would begin with a byte-order mark (which a decoder drops
 * at the start of what it decodes, and the one pass would keep).
 */
export async function firstPassCut(
  file: CsvFile,
  size: number,
  encoding: CsvEncoding,
): Promise<{ at: number; newline: LineBreak } | null> {
  const handle = "path" in file ? await open(file.path, "r") : null;
  const read = async (start: number, length: number): Promise<Uint8Array> => {
    if (!handle) return (file as { bytes: Uint8Array }).bytes.subarray(start, start + length);
    const out = new Uint8Array(length);
    const { bytesRead } = await handle.read(out, 0, length, start);
    return out.subarray(0, bytesRead);
  };
  try {
    // The start as the one pass decodes it first (a megabyte: textPieces' first piece).
    const head = await read(0, Math.min(size, 1 << 20));
    if (head.includes(0)) return null;
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(head, { stream: true });
    } catch {
      return null;
    }
    const newline = lineBreakOf(text);
    if (newline === "\r") return null;
    const middle = Math.floor(size / 2);
    for (let at = 0; at < middle; at += 1 << 20)
      if ((await read(at, Math.min(1 << 20, middle - at))).includes(QUOTE)) return null;
    const after = await read(middle, Math.min(1 << 16, size - middle));
    const lf = after.indexOf(LF);
    if (lf < 0 || lf + 1 >= after.length || after.subarray(0, lf).includes(QUOTE)) return null;
    if (after[lf + 1] === 0xef) return null;
    return { at: middle + lf + 1, newline };
  } finally {
    await handle?.close();
  }
}

/**
 * A record as the file's first pass sees it (csvShapes): its cells, or for a record read
 * without the parser a stand-in of as many cells, "" where the cell is blank and "x" where it
 * is not, the first being the cell itself where it could be a template's example marker.
 * The array is taken again for the next record: keep nothing of it but the first record.
 */
export type ShapeRecord = readonly string[];

/**
 * The file's records for its first pass, which learns the file's shape (header, width, filled
 * columns, blank and example rows, the count: TableShape) and needs no cell's text: a piece
 * without a quote, whose line break is the file's and whose delimiter Papa Parse guesses as a
 * comma, is read by looking for commas and line breaks (indexOf), no cell made; any other
 * piece (and the file's first, its header) is parsed as csvRowChunks parses it. The records,
 * their count and what TableShape makes of them are those of csvRowChunks. Throws NotCsvText
 * when the bytes are not `encoding`.
 */
export async function csvShapes(
  source: ByteSource,
  encoding: CsvEncoding,
  add: (record: ShapeRecord) => void,
  onBytes?: (bytes: number) => void | Promise<void>,
  fileNewline?: LineBreak,
): Promise<void> {
  let carry = "";
  // Given for the second part of a file read in two (firstPassCut): the file's, not the part's.
  let newline: LineBreak | undefined = fileNewline;
  let first = true;
  const cells: string[] = [];
  for await (const piece of textPieces(source, encoding, onBytes)) {
    const text = carry + piece;
    newline ??= lineBreakOf(text);
    const quote = text.indexOf('"');
    const end = quote < 0 ? text.lastIndexOf("\n") + 1 : lastRecordEnd(text);
    if (end <= 0) {
      carry = text;
      continue;
    }
    carry = text.slice(end);
    if (first || quote >= 0 || !scanRecords(text, end, newline, cells, add)) {
      for (const record of parseCsvPiece({
        text: text.slice(0, end),
        endsWithBreak: true,
        newline,
      }))
        add(record);
    }
    first = false;
  }
  if (carry !== "")
    for (const record of parseCsvPiece({
      text: carry,
      endsWithBreak: false,
      newline: newline ?? "\n",
    }))
      add(record);
}

/**
 * The records of text[0, end) (no quote in it; `end` just after a line break) as stand-ins
 * (ShapeRecord), or false, having added none, when Papa Parse would read the piece otherwise:
 * another delimiter guessed, or a line break not the file's (a lone LF in a CRLF file).
 */
function scanRecords(
  text: string,
  end: number,
  newline: LineBreak,
  cells: string[],
  add: (record: ShapeRecord) => void,
): boolean {
  if (newline === "\r") return false;
  const crlf = newline === "\r\n";
  if (crlf) {
    for (let at = text.indexOf("\n"); at >= 0 && at < end; at = text.indexOf("\n", at + 1))
      if (text.charCodeAt(at - 1) !== 13) return false;
  }
  // Papa Parse guesses the delimiter of each piece from its first ten records.
  if (guessedDelimiter(text, end, newline) !== ",") return false;
  let start = 0;
  while (start < end) {
    const lineEnd = text.indexOf("\n", start);
    const stop = crlf ? lineEnd - 1 : lineEnd;
    cells.length = 0;
    let at = start;
    for (;;) {
      let comma = text.indexOf(",", at);
      if (comma < 0 || comma > stop) comma = stop;
      cells.push(blankBetween(text, at, comma) ? "" : "x");
      if (comma === stop) break;
      at = comma + 1;
    }
    // The first cell as it is where it could start an example row's marker (isSampleRow
    // looks no further than a first character that cannot).
    if (cells[0] === "x" && mayMark(text, start)) {
      const comma = text.indexOf(",", start);
      cells[0] = text.slice(start, comma < 0 || comma > stop ? stop : comma).trim();
    }
    add(cells);
    start = lineEnd + 1;
  }
  return true;
}

/** Whether text[from, to) is blank as String.prototype.trim sees it (ECMAScript white space). */
function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 0x80) return false;
    if (
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff
    )
      continue;
    return false;
  }
  return true;
}

/** Whether the record at `start` begins otherwise than with a character no marker starts with. */
function mayMark(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return !((c > 0x20 && c < 0x7f && c !== 0x5b) || (c >= 0x4e00 && c <= 0x9fff));
}
