// A CSV file read in chunks: a federation's roster (up to 128 MB) is never held whole as text
// or as a table. Bytes are decoded a piece at a time, each piece is cut after its last record
// end (a line break outside quotes) and parsed by Papa Parse on its own; the unfinished
// record is carried into the next piece. For any file written by a CSV writer (Excel, our
// templates: a cell with a quote in it is quoted, its quotes doubled) the rows and their
// numbers are those of one parse of the whole file, a quoted line break staying in its cell.
// A stray quote in the middle of an unquoted cell, which Papa Parse keeps as text, counts
// here as opening a quote (as RFC 4180 reads it): the record then runs on to the next quote.
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

function parsePiece(text: string, endsWithBreak: boolean): string[][] {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data.map((row) =>
    row.map((c) => String(c ?? "").trim()),
  );
  // A piece cut after a line break parses with an empty record after it, which belongs to
  // the next piece (or, at the file's end, is no record at all).
  if (endsWithBreak) rows.pop();
  return rows;
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
  for await (const piece of textPieces(source, encoding, onBytes)) {
    const text = carry + piece;
    const end = lastRecordEnd(text);
    if (end < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(end);
    yield parsePiece(text.slice(0, end), true);
  }
  if (carry !== "") yield parsePiece(carry, false);
}
