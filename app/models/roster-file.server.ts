// Reading and checking a roster file before anything is written: every row's columns, ID
// number and in-file duplicates (domain/registration), and each good row's ID number sealed
// (encrypted and hashed). A CSV is read in chunks, twice: once to learn its shape (header,
// row count) and once to check and seal its rows, so a federation's 128 MB file is never held
// whole as text or as a table. An XLSX file (at most MAX_UPLOAD_BYTES) is read whole.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { IsoDate } from "~/domain/identity/dates";
import {
  checkRosterRow,
  rosterImportColumns,
  type RosterImportColumns,
} from "~/domain/registration/import-plan";
import {
  RowChecker,
  TableShape,
  isSampleRow,
  fileProblem,
  type ImportProblem,
  type ImportedRow,
} from "~/domain/registration/import-rows";
import { IdNumberSeen } from "~/domain/identity/id-number-set";
import { sealIdNumbers } from "~/models/id-number-crypto.server";
import {
  CSV_ENCODINGS,
  NotCsvText,
  bytePieces,
  csvRowChunks,
  type ByteSource,
  type CsvEncoding,
} from "~/utils/csv-chunks.server";
import {
  MAX_ROSTER_CSV_BYTES,
  MAX_SHEET_ROWS,
  readSpreadsheet,
  spreadsheetKind,
  type SheetProblem,
} from "~/utils/spreadsheet.server";
import { fail, ok, type Outcome } from "~/utils/outcome";

/**
 * Largest roster accepted in one go: a federation's million members, as CSV (npm run
 * bench:import imports that many through the same path). An XLSX file stays within the
 * ordinary upload size and MAX_SHEET_ROWS (app/utils/spreadsheet.server.ts).
 */
export const MAX_ROSTER_ROWS = 1_000_000;

/** Rows checked and sealed between two progress reports. */
export const PROGRESS_ROWS = 10_000;

/** A roster file in memory, or spooled to disk (a background import). */
export type RosterFile = { name: string; bytes: Uint8Array } | { name: string; path: string };

export type Sealed = { cipher: string; hash: string };

/** A checked row of a roster file with its ID number sealed (ciphertext and keyed hash). */
export type SealedRosterRow = ImportedRow<RosterImportColumns> & { seal: Sealed };

/**
 * Takes a chunk of checked, sealed rows (a background import writes it to its staging rows);
 * the next chunk is checked meanwhile and handed over only when this one has been taken.
 */
export type RosterChunkSink = (rows: SealedRosterRow[]) => Promise<void>;

/**
 * count: the rows handed to the sink; samples: the template's example rows the file still
 * held, skipped (import-rows.ts). Or the file's problem (a SheetProblem), or its rows'.
 */
export type RosterFileOutcome = Outcome<{ count: number; samples: number }, ImportProblem>;

/** What the reading reports as it goes (a background import writes it to its job). */
export type RosterFileProgress = {
  /** The first pass has read this many more bytes of the file. */
  read?(bytes: number): void | Promise<void>;
  /** `done` of the file's `total` data rows are checked (every PROGRESS_ROWS and at the end). */
  checked?(done: number, total: number): void | Promise<void>;
};

async function fileHead(file: RosterFile): Promise<{ size: number; head: Uint8Array }> {
  if ("bytes" in file) return { size: file.bytes.byteLength, head: file.bytes.subarray(0, 4) };
  const handle = await open(file.path, "r");
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return { size: (await handle.stat()).size, head: head.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

function byteSource(file: RosterFile): ByteSource {
  if ("bytes" in file) return bytePieces(file.bytes);
  const path = file.path;
  return () => createReadStream(path, { highWaterMark: 1 << 20 });
}

/**
 * Reads and checks a roster file, handing its rows to `sink` in sealed chunks; the outcome
 * is ok only when every row was good (the sink must then keep nothing of a failed file).
 */
export async function checkRosterFile(
  file: RosterFile,
  today: IsoDate,
  progress: RosterFileProgress,
  sink: RosterChunkSink,
): Promise<RosterFileOutcome> {
  const { size, head } = await fileHead(file);
  const kind = spreadsheetKind({ name: file.name, size, head }, MAX_ROSTER_CSV_BYTES);
  if (kind === "csv") return checkCsv(byteSource(file), today, progress, sink);
  if (kind !== "xlsx") return fail(fileProblem(kind));
  // An XLSX file is at most MAX_UPLOAD_BYTES: read whole, its rows checked as a table.
  const bytes = "bytes" in file ? file.bytes : await readWhole(file.path);
  const sheet = await readSpreadsheet({ name: file.name, bytes }, MAX_SHEET_ROWS);
  if (!sheet.ok) return fail(...sheet.problems.map((p) => fileProblem(p)));
  const table = sheet.value.table;
  await progress.read?.(size);
  return checkRows(
    async function* () {
      yield table;
    },
    today,
    MAX_SHEET_ROWS,
    progress,
    sink,
  );
}

async function readWhole(path: string): Promise<Uint8Array> {
  const { readFile } = await import("node:fs/promises");
  return new Uint8Array(await readFile(path));
}

async function checkCsv(
  source: ByteSource,
  today: IsoDate,
  progress: RosterFileProgress,
  sink: RosterChunkSink,
): Promise<RosterFileOutcome> {
  // The encoding is the first that decodes the whole file (the first pass tells).
  for (const encoding of CSV_ENCODINGS) {
    try {
      return await checkRows(
        // Only the first pass reports bytes read: the second reports rows checked.
        (first) => csvRowChunks(source, encoding, first ? progress.read : undefined),
        today,
        MAX_ROSTER_ROWS,
        progress,
        sink,
      );
    } catch (error) {
      if (!(error instanceof NotCsvText)) throw error;
      if (isLast(encoding)) break;
    }
  }
  return fail(fileProblem("import_not_spreadsheet" satisfies SheetProblem));
}

const isLast = (encoding: CsvEncoding) => encoding === CSV_ENCODINGS[CSV_ENCODINGS.length - 1];

/**
 * The two passes over a file's records: its shape first, then each row checked, and the
 * good ones sealed and handed to `sink` a chunk (PROGRESS_ROWS rows) at a time while no row
 * has failed (a file that fails stores nothing, so its numbers need no sealing). Only the
 * current chunk and the one the sink is still writing are held: the sink writes a chunk
 * while the next one is checked. After the first bad row nothing more reaches the sink, and
 * the rest of the file is still checked for the report.
 */
async function checkRows(
  chunks: (first: boolean) => AsyncIterable<string[][]>,
  today: IsoDate,
  maxRows: number,
  progress: RosterFileProgress,
  sink: RosterChunkSink,
): Promise<RosterFileOutcome> {
  const shape = new TableShape(maxRows);
  let row = 0;
  for await (const chunk of chunks(true)) for (const cells of chunk) shape.add(cells, ++row);

  const checker = new RowChecker(rosterImportColumns(today), {
    maxRows,
    checkRow: checkRosterRow,
    firstSeen: () => new IdNumberSeen(),
  });
  if (!checker.start(shape)) return fail(...checker.errors);
  const total = shape.dataRows;
  await progress.checked?.(0, total);

  let rows: ImportedRow<RosterImportColumns>[] = [];
  let count = 0;
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  // Seals the chunk and hands it over once the sink has taken the one before.
  const handOver = async () => {
    const good = checker.errors.length === 0;
    const chunk = good ? sealChunk(rows) : [];
    rows = [];
    await writing;
    if (failure) throw failure.error;
    if (!good || chunk.length === 0) return;
    count += chunk.length;
    writing = sink(chunk).catch((error: unknown) => {
      failure = { error };
    });
  };
  let done = 0;
  let reported = 0;
  row = 0;
  read: for await (const chunk of chunks(false)) {
    for (const cells of chunk) {
      row++;
      if (row === 1) continue;
      if (checker.stopped) break read;
      const good = checker.check(cells, row);
      if (good && checker.errors.length === 0) rows.push(good);
      if (cells.some((c) => c !== "") && !isSampleRow(cells)) done++;
      if (done - reported >= PROGRESS_ROWS) {
        await handOver();
        reported = done;
        await progress.checked?.(done, total);
      }
    }
  }
  await handOver();
  await writing;
  if (failure) throw (failure as { error: unknown }).error;
  if (checker.errors.length > 0) return fail(...checker.errors);
  await progress.checked?.(total, total);
  return ok({ count, samples: shape.samples });
}

/** A chunk's rows with their ID numbers sealed. */
function sealChunk(rows: ImportedRow<RosterImportColumns>[]): SealedRosterRow[] {
  const sealed = sealIdNumbers(rows.map((r) => r.values.idNumber.idNumber));
  return rows.map((r, i) => ({ ...r, seal: sealed[i] as Sealed }));
}
