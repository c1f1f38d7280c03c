// Reading and checking a roster file before anything is written: every row's columns, ID
// number and in-file duplicates (domain/registration), and each good row's ID number sealed
// (encrypted and hashed): in a large file mostly on a second thread while this one reads on
// (roster-check.server.ts). A CSV is read in chunks, twice: once to learn its shape
// (header, row count) and once to check and seal its rows, so a federation's 128 MB file is
// never held whole as text or as a table. An XLSX file (at most MAX_UPLOAD_BYTES) is read whole.
import { open } from "node:fs/promises";
import type { Engine } from "~/db/sql.server";
import type { IsoDate } from "~/domain/identity/dates";
import type { RosterImportColumns } from "~/domain/registration/import-plan";
import {
  TableShape,
  fileProblem,
  type ImportProblem,
  type RowVerdict,
} from "~/domain/registration/import-rows";
import {
  RosterCheckThread,
  checkChunk,
  rosterRowChecker,
  type CheckedChunk,
  type RecordChunk,
  type PieceChunk,
} from "~/models/roster-check.server";
import { rebased, type StagedRows } from "~/models/roster-stage.server";
import {
  CSV_ENCODINGS,
  NotCsvText,
  byteRange,
  csvPieces,
  csvRowChunks,
  csvShapes,
  firstPassCut,
  type CountedPiece,
  type ShapeRecord,
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

/**
 * Files from this size (about 100,000 rows) are checked and sealed with a thread of their own
 * beside the import's (roster-check.server.ts), which starts while the file's first pass
 * reads it; a smaller one is checked in less time than the server's bundle takes to load on
 * a thread.
 */
const CHECK_THREAD_FROM_BYTES = 8 * 1024 * 1024;

/** A roster file in memory, or spooled to disk (a background import). */
export type RosterFile = { name: string; bytes: Uint8Array } | { name: string; path: string };

/**
 * Takes a chunk of checked, sealed rows in the form the stage of the engine asked for
 * (roster-stage.server.ts; a background import writes it to its staging rows as it is); the
 * next chunk is checked meanwhile and handed over only when this one has been taken.
 */
export type RosterChunkSink = (rows: StagedRows) => Promise<void>;

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

/**
 * Reads and checks a roster file, handing its rows to `sink` in sealed chunks; the outcome
 * is ok only when every row was good (the sink must then keep nothing of a failed file).
 * A file of CHECK_THREAD_FROM_BYTES or more is checked with a thread of its own (options: tests).
 */
export async function checkRosterFile(
  file: RosterFile,
  today: IsoDate,
  progress: RosterFileProgress,
  sink: RosterChunkSink,
  options: CheckFileOptions = {},
): Promise<RosterFileOutcome> {
  const { size, head } = await fileHead(file);
  const kind = spreadsheetKind({ name: file.name, size, head }, MAX_ROSTER_CSV_BYTES);
  const how = { ...options, checkThread: options.checkThread ?? size >= CHECK_THREAD_FROM_BYTES };
  if (kind === "csv") return checkCsv(file, size, today, progress, sink, how);
  if (kind !== "xlsx") return fail(fileProblem(kind));
  // An XLSX file is at most MAX_UPLOAD_BYTES: read whole, its rows checked as a table.
  const bytes = "bytes" in file ? file.bytes : await readWhole(file.path);
  const sheet = await readSpreadsheet({ name: file.name, bytes }, MAX_SHEET_ROWS);
  if (!sheet.ok) return fail(...sheet.problems.map((p) => fileProblem(p)));
  const table = sheet.value.table;
  await progress.read?.(size);
  return checkRows(
    async (add) => table.forEach(add),
    async function* () {
      yield table;
    },
    null,
    today,
    MAX_SHEET_ROWS,
    progress,
    sink,
    how,
  );
}

async function readWhole(path: string): Promise<Uint8Array> {
  const { readFile } = await import("node:fs/promises");
  return new Uint8Array(await readFile(path));
}

async function checkCsv(
  file: RosterFile,
  size: number,
  today: IsoDate,
  progress: RosterFileProgress,
  sink: RosterChunkSink,
  how: CheckFileOptions,
): Promise<RosterFileOutcome> {
  const source = byteRange(file);
  // The encoding is the first that decodes the whole file (the first pass tells).
  for (const encoding of CSV_ENCODINGS) {
    try {
      return await checkRows(
        // Only the first pass reports bytes read: the second reports rows checked.
        (add, shape, thread) =>
          csvFirstPass(file, size, encoding, { add, shape, thread, onBytes: progress.read }),
        () => csvRowChunks(source, encoding),
        () => csvPieces(source, encoding, PROGRESS_ROWS),
        today,
        MAX_ROSTER_ROWS,
        progress,
        sink,
        how,
      );
    } catch (error) {
      if (!(error instanceof NotCsvText)) throw error;
      if (isLast(encoding)) break;
    }
  }
  return fail(fileProblem("import_not_spreadsheet" satisfies SheetProblem));
}

const isLast = (encoding: CsvEncoding) => encoding === CSV_ENCODINGS[CSV_ENCODINGS.length - 1];

/** What a file's first pass adds its records to, and the check thread it may start. */
type FirstPassTo = {
  add: (record: ShapeRecord) => void;
  shape: TableShape;
  /** Starts the file's check thread (once), or null when the file is checked without one. */
  thread: (() => Promise<RosterCheckThread | null>) | null;
  onBytes?: (bytes: number) => void | Promise<void>;
};

/**
 * A CSV file's first pass (csvShapes), in two halves read side by side when the file has a
 * check thread and can be cut (firstPassCut): the first here, the second on the check thread,
 * whose shape this one then takes in. Read alone, the pass was about two seconds of a
 * million-row import in which that thread had nothing to do. The shape is the one pass's:
 * should the second half take the rows past the limit, it is read here after all, so that the
 * first row too many is named.
 */
async function csvFirstPass(
  file: RosterFile,
  size: number,
  encoding: CsvEncoding,
  { add, shape, thread, onBytes }: FirstPassTo,
): Promise<void> {
  const cut = thread && size > 0 ? await firstPassCut(file, size, encoding) : null;
  if (!cut) return csvShapes(byteRange(file), encoding, add, onBytes);
  const { at, newline } = cut;
  const second = thread!().then(
    (helper) => helper?.shape({ file, start: at, end: size, encoding, newline }) ?? null,
  );
  // Awaited below, unless the first half fails first (then its failure is no news).
  second.catch(() => undefined);
  await csvShapes(byteRange(file, 0, at), encoding, add, onBytes, newline);
  const reply = await second;
  if (reply && "notText" in reply) throw new NotCsvText(`not ${encoding}`);
  if (reply && shape.absorb(reply.part)) {
    await onBytes?.(size - at);
    return;
  }
  await csvShapes(byteRange(file, at, size), encoding, add, onBytes, newline);
}

/**
 * Chunks out at once: the check thread is kept busy and the reading thread reads on, while at
 * most this many chunks' verdicts wait to be taken (memory stays bounded). Three since sealing
 * became cheap (ghash.ts): with two the reading thread, which also stages every chunk, checked
 * chunks the check thread had time for; a million rows on SQLite took 17.9, 19.8 and 17.6 s
 * with three against 23.7, 18.0 and 19.6 s with two, runs taken in turn, at 147–171 MB either
 * way.
 */
const CHUNKS_OUT = 3;

/**
 * Chunks the reading thread checks itself beyond those, rather than wait for the check
 * thread's oldest. One (0f1fb22) kept the reading thread busier at 200,000 rows on a loaded
 * machine, but at 1,000,000 on a quiet one it held a chunk more in memory and the reading
 * thread, busy all along anyway, checked chunks the check thread would have taken: with 0
 * the import took 31.9 s, 50.7 CPU-s and 180 MB of extra memory on SQLite against 37.0 s,
 * 53.8 CPU-s and 227 MB with 1 (PostgreSQL, with a smaller import-thread heap that was not
 * kept: 38.7 s and 224 MB against 41.3 s and 262 MB), one run each. The mechanism stays for
 * a machine where the check thread is the slower one.
 */
const CHUNKS_AHEAD = 0;

/** What the reading thread does with a chunk: checks it here, or sends it to the check thread. */
export type CheckFileOptions = {
  /** Whether the rows are checked on a thread of their own (by default from CHECK_THREAD_FROM_BYTES). */
  checkThread?: boolean;
  /** Tests: every n-th chunk is checked on the reading thread even when the check thread could take it. */
  hereEvery?: number;
  /** The engine whose stage the sink's rows are made for (SQLite unless given). */
  stage?: Engine;
};

/**
 * The two passes over a file's records: its shape first, then each row checked, and the
 * good ones sealed and handed to `sink` a chunk (PROGRESS_ROWS records after the header) at a
 * time while no row has failed (a file that fails stores nothing, so its numbers need no
 * sealing). With a check thread (roster-check.server.ts) chunks go there, a CSV's as its
 * bytes, which that thread decodes, parses, checks and seals a few chunks ahead; when it has
 * CHUNKS_OUT still to answer, the next is checked here. The verdicts are taken in file order
 * here, where the duplicates are looked up and the errors listed, so the outcome is the same
 * wherever a chunk was checked. Only a few chunks are held: those out, the one being read and
 * the one the sink is still writing. After the first bad row nothing more reaches the sink,
 * and the rest of the file is still checked for the report.
 */
async function checkRows(
  firstPass: (
    add: (record: ShapeRecord) => void,
    shape: TableShape,
    thread: FirstPassTo["thread"],
  ) => Promise<void>,
  chunks: () => AsyncIterable<string[][]>,
  pieces: (() => AsyncIterable<CountedPiece>) | null,
  today: IsoDate,
  maxRows: number,
  progress: RosterFileProgress,
  sink: RosterChunkSink,
  options: CheckFileOptions,
): Promise<RosterFileOutcome> {
  // Set in the first pass's callback, where the compiler does not follow assignments.
  let helper = null as Promise<RosterCheckThread | null> | null;
  try {
    const shape = new TableShape(maxRows);
    let row = 0;
    const startThread = options.checkThread ? () => (helper ??= RosterCheckThread.start()) : null;
    await firstPass(
      (record) => {
        // Started once the file reads as text in this encoding (if the pass has not started
        // it), and meanwhile the first pass goes on: it is ready when the rows are checked.
        void startThread?.();
        shape.add(record, ++row);
      },
      shape,
      startThread,
    );
    const checker = rosterRowChecker(today, maxRows);
    if (!checker.start(shape)) return fail(...checker.errors);
    const total = shape.dataRows;
    await progress.checked?.(0, total);
    const thread = await helper;
    const stage = options.stage ?? "sqlite";
    thread?.setup(today, checker.bindings, stage);

    let count = 0;
    let done = 0;
    // Records of the file before the next chunk to be taken, and before the next to be sent
    // as the reader counts them (the parse of a chunk may count otherwise: see rebased).
    let recordsBefore = 0;
    let recordsSent = 0;
    let writing: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | null = null;
    // A good row's verdict, one object taken again for every good row: its values are not
    // needed to admit it (they reach the stage from the checking side).
    const cell = { column: "idNumber", key: "", at: 0 };
    const plain = {
      row: 0,
      values: {} as NonNullable<RowVerdict<RosterImportColumns>["values"]>,
      unique: [cell],
    };
    // Takes a chunk's verdicts in file order, the good rows and the others merged by row, and
    // hands its staged rows over once the sink has taken the chunk before, while the file has
    // no error (then every good row was admitted); false once the error list is full (the
    // rest of the file is not worth checking).
    const take = async ({ others, row, key, staged, records }: CheckedChunk): Promise<boolean> => {
      let other = 0;
      for (let n = 0; n <= row.length; n++) {
        const next = n < row.length ? row[n]! : Infinity;
        while (other < others.length && others[other]!.row < next) {
          done++;
          // Only a row of the usual shape is staged (checkChunk); another cannot be good.
          if (checker.admit(others[other++]!, recordsBefore) && checker.errors.length === 0)
            throw new Error(`row ${others[other - 1]!.row + recordsBefore} was not staged`);
        }
        if (n === row.length) break;
        done++;
        plain.row = next;
        cell.key = key[n]!;
        checker.admit(plain, recordsBefore);
      }
      const base = recordsBefore;
      recordsBefore += records;
      await writing;
      if (failure) throw failure.error;
      if (checker.stopped) return false;
      if (checker.errors.length === 0 && row.length > 0) {
        // A chunk goes out unsealed only once the file has an error, which it keeps.
        if (!staged) throw new Error(`row ${row[0]! + base} was not sealed`);
        count += staged.count;
        writing = sink(rebased(staged, base)).catch((error: unknown) => {
          failure = { error };
        });
      }
      if (done < total) await progress.checked?.(done, total);
      return true;
    };
    const out: { checked: Promise<CheckedChunk>; answered: boolean }[] = [];
    let sent = 0;
    // Checks the chunk, on the check thread unless that has two still to answer (or a test
    // wants it here), then takes verdicts until at most `keep` chunks are out (CHUNKS_AHEAD
    // more while the oldest is still being checked there); false once the file has stopped.
    const send = async (chunk: RecordChunk | PieceChunk, keep: number): Promise<boolean> => {
      const here =
        !thread ||
        thread.waitingFor >= CHUNKS_OUT ||
        (options.hereEvery !== undefined && sent % options.hereEvery === options.hereEvery - 1);
      sent++;
      const checked = here
        ? Promise.resolve(checkChunk(checker, chunk, stage))
        : thread.check(chunk);
      // Taken below, or dropped when the file stops early (then its failure is no news).
      checked.catch(() => undefined);
      const entry = { checked, answered: false };
      const answered = () => void (entry.answered = true);
      void checked.then(answered, answered);
      out.push(entry);
      while (out.length > keep) {
        // The oldest is still on the check thread: the next chunk is read meanwhile (and
        // checked here while that thread has two to answer).
        if (thread && out.length <= keep + CHUNKS_AHEAD && !out[0]!.answered) return true;
        if (!(await take(await out.shift()!.checked))) return false;
      }
      return true;
    };
    const keep = thread ? CHUNKS_OUT : 0;
    const seal = () => checker.errors.length === 0;
    let going = true;
    if (thread && pieces) {
      // The bytes go as they are read, and are decoded and parsed where they are checked.
      let header = true;
      for await (const { records, ...piece } of pieces()) {
        going = await send({ ...piece, header, seal: seal(), base: recordsSent }, keep);
        recordsSent += records;
        header = false;
        if (!going) break;
      }
    } else {
      // The header is read here.
      recordsBefore = 1;
      recordsSent = 1;
      let next: string[][] = [];
      let header = true;
      read: for await (const chunk of chunks()) {
        for (const cells of chunk) {
          if (header) {
            header = false;
            continue;
          }
          next.push(cells);
          if (next.length < PROGRESS_ROWS) continue;
          going = await send({ cells: next, header: false, seal: seal(), base: recordsSent }, keep);
          recordsSent += next.length;
          next = [];
          if (!going) break read;
        }
      }
      if (going && next.length > 0)
        going = await send({ cells: next, header: false, seal: seal(), base: recordsSent }, keep);
    }
    while (going && out.length > 0) going = await take(await out.shift()!.checked);
    await writing;
    if (failure) throw (failure as { error: unknown }).error;
    // The bar ends where the check ended: at the last row of a file that was read to its end
    // (refused or not), or where a full error list stopped it.
    await progress.checked?.(checker.stopped ? done : total, total);
    if (checker.errors.length > 0) return fail(...checker.errors);
    return ok({ count, samples: shape.samples });
  } finally {
    await (await helper)?.end();
  }
}
