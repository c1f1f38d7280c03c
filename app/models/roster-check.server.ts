// A roster file's rows checked and sealed a chunk at a time, on a second thread (issue 13):
// the import's own thread reads the file, looks each row up among the rows before it (the
// in-file duplicates) and stages the good rows, while this thread parses the next chunk's
// text, checks its cells (columns, ID numbers) and seals its good rows' ID numbers (AES-GCM
// and HMAC, the largest cost of a row). A million-row file kept one core busy and left the
// other idle. A chunk's rows are numbered within it, so the reading thread can check a chunk
// itself when this one falls behind; it takes the verdicts in file order (RowChecker.admit),
// so the error list, its row numbers and its 200-error cap are those of one thread reading
// the file alone. A small file is checked on the import's thread alone
// (roster-file.server.ts): a thread takes longer to start than such a file takes to check.
import { parentPort, type Worker } from "node:worker_threads";
import type { SkillLevel } from "~/domain/contest/skill-levels";
import type { IsoDate } from "~/domain/identity/dates";
import type { Gender } from "~/domain/identity/id-number";
import { IdNumberSeen } from "~/domain/identity/id-number-set";
import {
  checkRosterRow,
  rosterImportColumns,
  type RosterImportColumns,
} from "~/domain/registration/import-plan";
import { RowChecker, type ColumnBinding, type RowVerdict } from "~/domain/registration/import-rows";
import { sealIdNumbers } from "~/models/id-number-crypto.server";
import { parseCsvPiece, type CsvPiece } from "~/utils/csv-chunks.server";
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
 * Consecutive records of a file, as cells or (a CSV's) as text to be parsed where it is
 * checked; `header`: its first record is the file's header, not checked; `seal`: whether its
 * good rows are sealed (not once the file has failed: it stores nothing).
 */
export type RecordChunk = { cells: string[][]; header: boolean; seal: boolean };
export type TextChunk = CsvPiece & { header: boolean; seal: boolean };

/**
 * A chunk's verdicts (blank and example rows have none), each good row's seal beside it, and
 * how many records it held. Its rows are numbered within the chunk, from 1: the reader adds
 * the records before it, so a chunk can be checked on either thread, in any order.
 */
export type CheckedChunk = {
  verdicts: RowVerdict<RosterImportColumns>[];
  seals: (Sealed | null)[];
  records: number;
};

/** Checks a chunk's rows, each on its own, and seals the good ones (on either thread). */
export function checkChunk(
  checker: RosterRowChecker,
  chunk: RecordChunk | TextChunk,
): CheckedChunk {
  const records = "cells" in chunk ? chunk.cells : parseCsvPiece(chunk);
  const verdicts: RowVerdict<RosterImportColumns>[] = [];
  for (let i = chunk.header ? 1 : 0; i < records.length; i++) {
    const verdict = checker.verdict(records[i] as string[], i + 1);
    if (verdict) verdicts.push(verdict);
  }
  const seals: (Sealed | null)[] = new Array<Sealed | null>(verdicts.length).fill(null);
  if (chunk.seal) {
    const good: number[] = [];
    for (let i = 0; i < verdicts.length; i++) if (verdicts[i]!.values) good.push(i);
    const sealed = sealIdNumbers(good.map((i) => verdicts[i]!.values!.idNumber.idNumber));
    good.forEach((at, i) => (seals[at] = sealed[i] as Sealed));
  }
  return { verdicts, seals, records: records.length };
}

// ───────────── between the threads ─────────────

/**
 * A checked chunk as the check thread sends it: the good rows (nearly all) column by column,
 * the others as they are. Cloning between threads costs per object and per property name:
 * a chunk of verdict objects took about 12 µs a row to clone (more than checking it), its
 * columns about 1.5 µs (microbenchmark, loaded machine).
 */
type PackedChunk = {
  records: number;
  /** Rows with a problem, or a duplicate-free verdict without values: rare. */
  others: RowVerdict<RosterImportColumns>[];
  row: Int32Array;
  name: string[];
  idNumber: string[];
  regionCode: string[];
  birthDate: string[];
  /** The ID number's gender and the gender column's: 1 male, 2 female, 0 none. */
  idGender: Uint8Array;
  gender: Uint8Array;
  mobile: string[];
  trade: (string | undefined)[];
  skillLevel: (SkillLevel | undefined)[];
  /** 1 yes, 2 no, 0 none. */
  unionMember: Uint8Array;
  cipher: (string | null)[];
  hash: (string | null)[];
};

const GENDER_CODES = { male: 1, female: 2 } as const;
const GENDERS: (Gender | undefined)[] = [undefined, "male", "female"];

/**
 * A good row's verdict is its values and its ID number's place in the duplicate check, no
 * more (RowChecker.verdict): all that is packed.
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

function pack({ verdicts, seals, records }: CheckedChunk): PackedChunk {
  const plain = verdicts.filter(isPlain).length;
  const packed: PackedChunk = {
    records,
    others: [],
    row: new Int32Array(plain),
    name: [],
    idNumber: [],
    regionCode: [],
    birthDate: [],
    idGender: new Uint8Array(plain),
    gender: new Uint8Array(plain),
    mobile: [],
    trade: [],
    skillLevel: [],
    unionMember: new Uint8Array(plain),
    cipher: [],
    hash: [],
  };
  let n = 0;
  verdicts.forEach((verdict, i) => {
    if (!isPlain(verdict)) {
      packed.others.push(verdict);
      return;
    }
    const values = verdict.values!;
    const id = values.idNumber;
    packed.row[n] = verdict.row;
    packed.name.push(values.name);
    packed.idNumber.push(id.idNumber);
    packed.regionCode.push(id.regionCode);
    packed.birthDate.push(id.birthDate);
    packed.idGender[n] = GENDER_CODES[id.gender];
    packed.gender[n] = values.gender ? GENDER_CODES[values.gender] : 0;
    packed.mobile.push(values.mobile);
    packed.trade.push(values.trade);
    packed.skillLevel.push(values.skillLevel);
    packed.unionMember[n] = values.unionMember === undefined ? 0 : values.unionMember ? 1 : 2;
    packed.cipher.push(seals[i]?.cipher ?? null);
    packed.hash.push(seals[i]?.hash ?? null);
    n++;
  });
  return packed;
}

/** The chunk as checkChunk returned it on the check thread: its verdicts in file order. */
function unpack(packed: PackedChunk): CheckedChunk {
  const verdicts: RowVerdict<RosterImportColumns>[] = [];
  const seals: (Sealed | null)[] = [];
  const { others, row } = packed;
  let other = 0;
  for (let n = 0; n <= row.length; n++) {
    // The others go back in their places among the good rows (both are in file order).
    const next = n < row.length ? row[n]! : Infinity;
    while (other < others.length && others[other]!.row < next) {
      verdicts.push(others[other++]!);
      seals.push(null);
    }
    if (n === row.length) break;
    const idNumber = packed.idNumber[n]!;
    verdicts.push({
      row: next,
      values: {
        name: packed.name[n]!,
        idNumber: {
          idNumber,
          regionCode: packed.regionCode[n]!,
          birthDate: packed.birthDate[n]!,
          gender: GENDERS[packed.idGender[n]!]!,
        },
        gender: GENDERS[packed.gender[n]!],
        mobile: packed.mobile[n]!,
        trade: packed.trade[n],
        skillLevel: packed.skillLevel[n],
        unionMember: packed.unionMember[n] === 0 ? undefined : packed.unionMember[n] === 1,
      },
      unique: [{ column: "idNumber", key: idNumber, at: 0 }],
    });
    const cipher = packed.cipher[n];
    const hash = packed.hash[n];
    seals.push(cipher != null && hash != null ? { cipher, hash } : null);
  }
  return { verdicts, seals, records: packed.records };
}

// ───────────── the check thread ─────────────

const TASK = "jiangxin-roster-check";

/** The thread's first message: what binds its checker to the file's columns. */
type Setup = { today: IsoDate; bindings: ColumnBinding[] };

if (isThreadFor(TASK)) {
  const port = parentPort!;
  let checker: RosterRowChecker | null = null;
  // A chunk that throws (it would be a fault of the code, not of the file) ends the thread
  // with its error, and the import waiting for the chunk fails with it.
  port.on("message", (message: Setup | RecordChunk | TextChunk) => {
    if ("bindings" in message) {
      checker = rosterRowChecker(message.today);
      checker.bindTo(message.bindings);
      return;
    }
    port.postMessage(pack(checkChunk(checker!, message)));
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
    resolve: (checked: CheckedChunk) => void;
    reject: (error: Error) => void;
  }[] = [];
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (packed: PackedChunk) => this.waiting.shift()?.resolve(unpack(packed)));
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

  /** Binds the thread's checker to the file's columns, as the import's checker bound them. */
  setup(today: IsoDate, bindings: ColumnBinding[]): void {
    this.worker.postMessage({ today, bindings } satisfies Setup);
  }

  check(chunk: RecordChunk | TextChunk): Promise<CheckedChunk> {
    if (this.failure) return Promise.reject(this.failure);
    const checked = new Promise<CheckedChunk>((resolve, reject) =>
      this.waiting.push({ resolve, reject }),
    );
    this.worker.postMessage(chunk);
    return checked;
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
