// A roster file's rows checked and sealed a chunk at a time, on a second thread (issue 13):
// the import's own thread reads the file, looks each row up among the rows before it (the
// in-file duplicates) and stages the good rows, while this thread decodes and parses the next
// chunk's bytes, checks its cells (columns, ID numbers) and seals its good rows' ID numbers
// (AES-GCM and HMAC, the largest cost of a row). A million-row file kept one core busy and
// left the other idle. A chunk's rows are numbered within it, so the reading thread can check
// a chunk itself when this one falls behind; it takes the verdicts in file order
// (RowChecker.admit), so the error list, its row numbers and its 200-error cap are those of
// one thread reading the file alone. Before the rows, it also reads the second half of a
// CSV's first pass (shapeOfPart), while the import's thread reads the first. A small file is
// checked on the import's thread alone (roster-file.server.ts): a thread takes longer to
// start than such a file takes to check.
import { parentPort, type Worker } from "node:worker_threads";
import type { Engine } from "~/db/sql.server";
import type { IsoDate } from "~/domain/identity/dates";
import { IdNumberSeen } from "~/domain/identity/id-number-set";
import {
  checkRosterRow,
  rosterImportColumns,
  type RosterImportColumns,
} from "~/domain/registration/import-plan";
import {
  RowChecker,
  TableShape,
  type ColumnBinding,
  type RowVerdict,
  type ShapePart,
} from "~/domain/registration/import-rows";
import { IdNumberSealer } from "~/models/id-number-crypto.server";
import { StageBuilder, type StagedRows } from "~/models/roster-stage.server";
import {
  NotCsvText,
  byteRange,
  csvShapes,
  pieceRecords,
  type BytePiece,
  type CsvEncoding,
  type CsvFile,
  type LineBreak,
  type PieceRecords,
} from "~/utils/csv-chunks.server";
import { isThreadFor, startModuleThread } from "~/utils/module-thread.server";

/** An ID number's stored forms: its ciphertext and its keyed hash (id-number-crypto.server.ts). */
export type Sealed = { cipher: string; hash: string };

/** The checker of a roster file's rows (in-file duplicates kept in a compact table). */
export function rosterRowChecker(today: IsoDate, maxRows?: number) {
  return new RowChecker(rosterImportColumns(today), {
    ...(maxRows === undefined ? {} : { maxRows }),
    checkRow: checkRosterRow,
    firstSeen: () => new IdNumberSeen(),
  });
}

export type RosterRowChecker = ReturnType<typeof rosterRowChecker>;

/**
 * Consecutive records of a file, as cells or (a CSV's) as bytes to be parsed where it is
 * checked; `header`: its first record is the file's header, not checked; `seal`: whether its
 * good rows are sealed and staged (not once the file has failed: it stores nothing); `base`:
 * the records before it as its reader counted them, which number its staged rows.
 */
type ChunkOf = { header: boolean; seal: boolean; base: number };
export type RecordChunk = { cells: string[][] } & ChunkOf;
export type PieceChunk = BytePiece & ChunkOf;

/**
 * A checked chunk, the same from either thread, and cheap to clone between them (cloning
 * costs per object and per property name: a chunk of verdict objects took about 12 µs a row
 * to clone, more than checking it). Its rows are numbered within the chunk, from 1: the
 * reader adds the records before it (RowChecker.admit), so a chunk can be checked on either
 * thread, in any order. The good rows (nearly all) are `row` and `key` only, for the in-file
 * duplicate check, and `staged`, sealed and ready for the staging table; `others` are the
 * rest (blank and example rows have no verdict). Both lists are in file order.
 */
export type CheckedChunk = {
  records: number;
  others: RowVerdict<RosterImportColumns>[];
  row: Int32Array;
  /** The good rows' ID numbers, as the duplicate check compares them. */
  key: string[];
  /** The good rows, for the stage (roster-stage.server.ts); null when not sealed. */
  staged: StagedRows | null;
};

/**
 * A good row's verdict is its values and its ID number's place in the duplicate check, no
 * more (RowChecker.verdict): only its number and that key go back to be admitted.
 */
function isPlain(verdict: RowVerdict<RosterImportColumns>): boolean {
  const unique = verdict.unique;
  return (
    verdict.values !== null &&
    verdict.problems === undefined &&
    verdict.rowProblems === undefined &&
    unique?.length === 1 &&
    unique[0]!.column === "idNumber" &&
    unique[0]!.at === 0 &&
    unique[0]!.key === verdict.values.idNumber.idNumber
  );
}

/**
 * Checks a chunk's rows, each on its own, and seals the good ones and puts them in the form
 * `engine`'s stage takes (on either thread). Each row goes the whole way (its cells split
 * from its line, checked, sealed, staged) before the next is read: what survives a row is
 * its staged values and its key, not its cells, verdict and parsed values held for the
 * chunk's end (they were most of what the threads' young garbage collections copied).
 */
export function checkChunk(
  checker: RosterRowChecker,
  chunk: RecordChunk | PieceChunk,
  engine: Engine,
): CheckedChunk {
  const records = "cells" in chunk ? chunk.cells : pieceRecords(chunk);
  const from = chunk.header ? 1 : 0;
  const others: RowVerdict<RosterImportColumns>[] = [];
  const rows: number[] = [];
  const key: string[] = [];
  const sealer = chunk.seal ? new IdNumberSealer(Math.max(0, records.length - from)) : null;
  const stage = sealer ? new StageBuilder(engine, chunk.base) : null;
  for (let i = from; i < records.length; i++) {
    const cells = "cells" in chunk ? (records as string[][])[i]! : (records as PieceRecords).at(i);
    const verdict = checker.verdict(cells, i + 1);
    if (!verdict) continue;
    if (!isPlain(verdict)) {
      others.push(verdict);
      continue;
    }
    const values = verdict.values!;
    const id = values.idNumber.idNumber;
    rows.push(verdict.row);
    key.push(id);
    if (sealer) stage!.add(verdict.row, values, sealer.cipher(id), sealer.hash(id));
  }
  return {
    records: records.length,
    others,
    row: Int32Array.from(rows),
    key,
    staged: stage ? stage.rows() : null,
  };
}

// ───────────── the check thread ─────────────

const TASK = "jiangxin-roster-check";

/**
 * The thread's first message: what binds its checker to the file's columns, and the engine
 * whose stage its rows are made for.
 */
type Setup = { today: IsoDate; bindings: ColumnBinding[]; engine: Engine };

/**
 * The second part of a CSV file's first pass (roster-file.server.ts): its bytes from `start`
 * to `end`, records after a header the import's thread reads, with the file's line break.
 */
export type ShapeRequest = {
  file: CsvFile;
  start: number;
  end: number;
  encoding: CsvEncoding;
  newline: LineBreak;
};

/** That part's shape, or that it is not text in the encoding (NotCsvText). */
export type ShapeReply = { part: ShapePart } | { notText: true };

/** Reads a part of a file as csvShapes reads a whole one, into a shape of its own. */
export async function shapeOfPart(request: ShapeRequest): Promise<ShapeReply> {
  const shape = TableShape.afterHeader();
  try {
    await csvShapes(
      byteRange(request.file, request.start, request.end),
      request.encoding,
      (record) => shape.add(record, 0),
      undefined,
      request.newline,
    );
  } catch (error) {
    if (error instanceof NotCsvText) return { notText: true };
    throw error;
  }
  return { part: shape.part() };
}

if (isThreadFor(TASK)) {
  const port = parentPort!;
  let checker: RosterRowChecker | null = null;
  let engine: Engine = "sqlite";
  // A chunk that throws (it would be a fault of the code, not of the file) ends the thread
  // with its error, and the import waiting for the chunk fails with it.
  port.on("message", (message: Setup | { shape: ShapeRequest } | RecordChunk | PieceChunk) => {
    if ("shape" in message) {
      // Answered before the setup and the chunks, which wait for it. Failing otherwise than
      // by the file's bytes, it is left unhandled and ends the thread, as a chunk's error does.
      void shapeOfPart(message.shape).then((reply) => port.postMessage(reply));
      return;
    }
    if ("bindings" in message) {
      checker = rosterRowChecker(message.today);
      checker.bindTo(message.bindings);
      engine = message.engine;
      return;
    }
    port.postMessage(checkChunk(checker!, message, engine));
  });
  port.postMessage("ready");
}

/**
 * The check thread's heap: a chunk or two of rows (about 1.3 KB a row while checked and
 * sealed) and its modules; young objects collected as in the import thread. The old
 * generation is kept small, so it is collected before it grows: with a 96 MB cap the
 * process's extra memory at 200,000 rows on PostgreSQL was 217 MB, over the 200 MB budget
 * (one run, loaded machine); 48 MB holds the memory test's 150,000 rows.
 */
const CHECK_THREAD_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 };

/**
 * The check thread of one file, as the import's thread sees it: chunks go out with `check`
 * and their verdicts come back in the same order. If the thread dies, every chunk waiting
 * for it (and every later one) fails with its error, and the import fails with it.
 */
export class RosterCheckThread {
  private readonly waiting: {
    resolve: (answer: unknown) => void;
    reject: (error: Error) => void;
  }[] = [];
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (answer: unknown) => this.waiting.shift()?.resolve(answer));
    worker.on("error", (error: Error) => this.fail(error));
    worker.on("exit", (code: number) =>
      this.fail(new Error(`roster check thread exited (${code})`)),
    );
  }

  /** A thread of its own for one file; null (the rows are checked where they are read) if none starts. */
  static async start(): Promise<RosterCheckThread | null> {
    try {
      return new RosterCheckThread(
        await startModuleThread(import.meta.url, TASK, null, CHECK_THREAD_LIMITS),
      );
    } catch (error) {
      console.error("the roster is checked on the import's thread: no check thread", error);
      return null;
    }
  }

  /** Chunks sent and not yet answered. */
  get waitingFor(): number {
    return this.waiting.length;
  }

  /**
   * Binds the thread's checker to the file's columns, as the import's checker bound them; its
   * rows are staged for `engine`.
   */
  setup(today: IsoDate, bindings: ColumnBinding[], engine: Engine): void {
    this.worker.postMessage({ today, bindings, engine } satisfies Setup);
  }

  check(chunk: RecordChunk | PieceChunk): Promise<CheckedChunk> {
    return this.ask<CheckedChunk>(chunk);
  }

  /** The shape of a part of a CSV file's first pass (shapeOfPart), before any setup or chunk. */
  shape(request: ShapeRequest): Promise<ShapeReply> {
    const { file, start, end } = request;
    // Only the part's bytes go over (a view would carry its whole buffer).
    const sent =
      "bytes" in file
        ? { ...request, file: { bytes: file.bytes.slice(start, end) }, start: 0, end: end - start }
        : request;
    return this.ask<ShapeReply>({ shape: sent });
  }

  /** Sends a message; its answer is the thread's next reply (they come in order). */
  private ask<T>(message: unknown): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise<T>((resolve, reject) =>
      this.waiting.push({ resolve: resolve as (answer: unknown) => void, reject }),
    );
    this.worker.postMessage(message);
    return answer;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
  }

  /** Ends the thread (its memory goes back); chunks still out fail. */
  async end(): Promise<void> {
    await this.worker.terminate();
  }
}
