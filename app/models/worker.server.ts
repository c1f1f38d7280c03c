// An organisation's worker roster. Every function takes the manager's organisationId and
// scopes by it, so another organisation's worker is simply not found.
import {
  databaseEngine,
  prisma,
  readSql,
  withLoadTransaction,
  withScratchSession,
  write,
  type Bulk,
  type DeferredIndexes,
  type Engine,
  type Sql,
  type Tx,
} from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { isoDateOf, type IsoDate } from "~/domain/identity/dates";
import { maskIdNumber, parseIdNumber } from "~/domain/identity/id-number";
import type { ImportError, ImportProblem } from "~/domain/registration/import-rows";
import { decryptIdNumber, encryptIdNumber, hashIdNumber } from "~/models/id-number-crypto.server";
import { takeRosterCap } from "~/models/roster-cap.server";
import type { RosterCapRefusal } from "~/domain/registration/roster-cap";
import {
  checkRosterFile,
  type RosterFile,
  type RosterFileProgress,
} from "~/models/roster-file.server";
import {
  STAGE_COLUMNS,
  rosterRows,
  stagedNumbers,
  type StagedRows,
} from "~/models/roster-stage.server";
import { fail, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";
import { appendAuditSql } from "./audit.server";

export { MAX_ROSTER_ROWS } from "~/models/roster-file.server";

export type WorkerInput = {
  name: string;
  idNumber: string;
  phone: string | null;
  trade: string | null;
  skillLevel: string | null;
  unionMember: boolean;
};

/** The roster search: a name or a trade containing the words. */
function rosterWhere(organisationId: number, query: string) {
  const q = query.trim();
  return {
    organisationId,
    ...(q ? { OR: [{ name: { contains: q } }, { trade: { contains: q } }] } : {}),
  };
}

/** At most this many workers are listed at once (the count says how many match). */
const ROSTER_PAGE = 500;

export function listWorkers(organisationId: number, query = "") {
  return prisma.worker.findMany({
    where: rosterWhere(organisationId, query),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: ROSTER_PAGE,
    // The masked number and never the birth date beside it: the two together leave only
    // about nine possible numbers. The birth date is on the worker's page, beside the whole number.
    select: { ...ROSTER_COLUMNS, idNumberMasked: true },
  });
}

/** How many workers the search matches (the whole roster without one). */
export function countWorkers(organisationId: number, query = "") {
  return prisma.worker.count({ where: rosterWhere(organisationId, query) });
}

/** The full ID number is decrypted only here, for the worker's own organisation manager. */
export async function getWorkerForManager(organisationId: number, id: number) {
  const worker = await prisma.worker.findFirst({
    where: { id, organisationId },
    select: { ...ROSTER_COLUMNS, idNumberCipher: true, birthDate: true },
  });
  if (!worker) return null;
  const { idNumberCipher, ...rest } = worker;
  return { ...rest, idNumber: decryptIdNumber(idNumberCipher) };
}

function identityColumns(idNumber: string) {
  const info = parseIdNumber(idNumber);
  if (!info.ok) throw new RangeError("ID number must be validated before it is stored");
  return {
    gender: info.value.gender,
    birthDate: new Date(`${info.value.birthDate}T00:00:00+08:00`),
    idNumberCipher: encryptIdNumber(info.value.idNumber),
    idNumberHash: hashIdNumber(info.value.idNumber),
    idNumberMasked: maskIdNumber(info.value.idNumber),
  };
}

/** Who is in the organisation's roster, and whether they are entered anywhere (the ID number is added by each reader). */
const ROSTER_COLUMNS = {
  id: true,
  name: true,
  gender: true,
  phone: true,
  trade: true,
  skillLevel: true,
  unionMember: true,
  _count: { select: { registrations: true, teamMemberships: true } },
} satisfies Prisma.WorkerSelect;

/** The stored columns of a worker's form. */
function workerColumns(input: WorkerInput) {
  return {
    name: input.name,
    phone: input.phone,
    trade: input.trade,
    skillLevel: input.skillLevel,
    unionMember: input.unionMember,
    ...identityColumns(input.idNumber),
  };
}

/**
 * The saved worker's id, or why not, on the ID number field: reg.worker.idInRoster (this
 * roster holds the number) or reg.worker.newIdsCapped (the hour's new numbers are used up).
 */
export type WorkerSaveOutcome = Outcome<{ id: number }, KeyedProblem>;

const ID_IN_ROSTER = () => refuse("reg.worker.idInRoster", {}, "idNumber");
const NEW_IDS_CAPPED = () => refuse("reg.worker.newIdsCapped", {}, "idNumber");

// Both saves look the number up in this organisation's roster only, a point look-up of
// (idNumberHash, organisationId) in its unique index, and write the same rows whether or not another
// organisation holds it: no answer, status, count or timing tells a manager anything about
// other rosters. A person on two rosters is the organiser's to resolve (identity.server.ts).

/** Adds a worker to the organisation's roster. */
export function createWorker(
  organisationId: number,
  input: WorkerInput,
  now = new Date(),
): Promise<WorkerSaveOutcome> {
  const columns = workerColumns(input);
  return rosterSave(async (tx): Promise<WorkerSaveOutcome> => {
    if (await onOwnRoster(tx, organisationId, columns.idNumberHash)) return ID_IN_ROSTER();
    const cap = await takeRosterCap(tx, organisationId, 1, now);
    if (!cap.ok) return NEW_IDS_CAPPED();
    const worker = await tx.worker.create({
      data: { organisationId, ...columns },
      select: { id: true },
    });
    return ok({ id: worker.id });
  });
}

/** Returns null when the worker is not in this organisation's roster. */
export function updateWorker(
  organisationId: number,
  id: number,
  input: WorkerInput,
  now = new Date(),
): Promise<WorkerSaveOutcome | null> {
  const columns = workerColumns(input);
  return rosterSave(async (tx): Promise<WorkerSaveOutcome | null> => {
    const current = await tx.worker.findFirst({
      where: { id, organisationId },
      select: { id: true, idNumberHash: true },
    });
    if (!current) return null;
    if (current.idNumberHash !== columns.idNumberHash) {
      // A changed number is a new one for this roster: checked and counted like an added worker.
      if (await onOwnRoster(tx, organisationId, columns.idNumberHash)) return ID_IN_ROSTER();
      const cap = await takeRosterCap(tx, organisationId, 1, now);
      if (!cap.ok) return NEW_IDS_CAPPED();
    }
    await tx.worker.update({ where: { id }, data: columns, select: { id: true } });
    return ok({ id });
  });
}

/**
 * A roster save in one write. Two saves of the same number into one roster at the same
 * moment (possible where writes run in parallel) meet the unique index: the loser is told
 * the number is on the roster, as it now is.
 */
async function rosterSave<T>(fn: (tx: Tx) => Promise<T>): Promise<T | WorkerSaveOutcome> {
  try {
    return await write(fn);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return ID_IN_ROSTER();
    throw error;
  }
}

async function onOwnRoster(tx: Tx, organisationId: number, idNumberHash: string) {
  const own = await tx.worker.findUnique({
    where: { idNumberHash_organisationId: { idNumberHash, organisationId } },
    select: { id: true },
  });
  return own !== null;
}

/** Everything that points at a worker record (a worker with any of it stays on the roster). */
export const WORKER_REFERENCES = {
  registrations: true,
  teamMemberships: true,
  honours: true,
  nominations: true,
  quizAttempts: true,
  studioMemberships: true,
  studiosLed: true,
} as const;

/**
 * Deletes a worker from the roster; one with entries, honours, attempts or an account stays
 * (they point at the record): reg.worker.inUse. Null when the worker is not on this roster.
 */
export async function deleteWorker(
  organisationId: number,
  id: number,
): Promise<Outcome<undefined, KeyedProblem> | null> {
  return write(async (tx) => {
    const worker = await tx.worker.findFirst({
      where: { id, organisationId },
      select: {
        id: true,
        user: { select: { id: true } },
        _count: { select: WORKER_REFERENCES },
      },
    });
    if (!worker) return null;
    const used = Object.values(worker._count).some((n) => n > 0) || worker.user !== null;
    if (used) return refuse("reg.worker.inUse");
    await tx.worker.delete({ where: { id } });
    return ok();
  });
}

/** An import stored: its rows, the template's example rows it skipped (import-rows.ts), its time. */
export type Imported = { count: number; samples: number; ms: number };

/** An import stored every row of the file, or none: then the file's problem or its rows'. */
export type ImportOutcome = Outcome<Imported, ImportProblem>;

/** What an import reports as it goes: the file's reading (roster-file.server.ts), then the load. */
export type ImportProgress = RosterFileProgress & {
  /**
   * `done` of the file's `total` rows are written: to the job's staging table on SQLite, into
   * the roster inside the import's still open transaction on PostgreSQL.
   */
  written?(done: number, total: number): void | Promise<void>;
  /**
   * Every row is good and written: the load's last steps start (on SQLite the move into the
   * roster, on PostgreSQL the index builds), then the commit.
   */
  loading?(): void | Promise<void>;
  /** Tests only: the smallest load that rebuilds the roster's indexes (REBUILD_INDEXES_FROM). */
  rebuildIndexesFrom?: number;
};

/** An import's arguments, as importRoster takes them. */
type ImportJob = {
  organisationId: number;
  actorId: number;
  file: RosterFile;
  today: IsoDate;
  progress: ImportProgress;
  jobId: number | undefined;
};

/**
 * Imports a roster file into the organisation: every row is checked (columns, ID numbers,
 * duplicates in the file and in this organisation's roster), the file's new numbers are
 * counted against the hourly cap, and only a file without a single problem reaches the
 * roster. Nothing of the file is held in memory beyond a chunk or two. Other organisations'
 * rosters are never consulted: a number held elsewhere is stored like any other and shown to
 * the organiser (identity.server.ts). A manager's upload runs it as a background job
 * (roster-import.server.ts), whose id is `jobId`: the rows commit only while that job is
 * still unfinished. How the rows reach the roster is each engine's (loadThroughStage,
 * loadAsChecked).
 */
export async function importRoster(
  organisationId: number,
  actorId: number,
  file: RosterFile,
  today: IsoDate = isoDateOf(new Date()),
  progress: ImportProgress = {},
  jobId?: number,
): Promise<ImportOutcome> {
  const started = performance.now();
  const job: ImportJob = { organisationId, actorId, file, today, progress, jobId };
  const loaded =
    databaseEngine() === "postgresql" ? await loadAsChecked(job) : await loadThroughStage(job);
  if (!loaded.ok) return loaded;
  return ok({ ...loaded.value, ms: Math.round(performance.now() - started) });
}

type Loaded = Outcome<Omit<Imported, "ms">, ImportProblem>;

/** The file refused for numbers already on this roster, each on its row. */
function inRoster(rows: number[]): Loaded {
  return fail(
    ...rows.map((row): ImportError => ({
      row,
      column: "身份证号",
      code: "import_id_in_roster",
      params: {},
    })),
  );
}

/** The file refused by the hourly cap, as a whole, shown on its first row. */
function capped(problems: RosterCapRefusal[]): Loaded {
  return fail(...problems.map((p) => ({ row: 1, column: null, ...p })));
}

/**
 * The load's last statements, in its transaction: the file's rows take that many places of
 * this hour's cap (every row is new to the roster), or none, and the import is audited.
 * Last, so it commits with the rows: a job that another process has meanwhile marked failed
 * (it missed its lease) takes them back with it, and a sweep that comes later finds the
 * heartbeat this writes (roster-import.server.ts). Null once done; the cap's refusal else.
 */
async function takeCapAndAudit(
  sql: Bulk,
  job: ImportJob,
  count: number,
  now: Date,
  load: () => Promise<void>,
): Promise<RosterCapRefusal[] | null> {
  const cap = await takeRosterCap(sql, job.organisationId, count, now);
  if (!cap.ok) return cap.problems;
  await load();
  await appendAuditSql(
    sql,
    [
      {
        actorId: job.actorId,
        action: "worker.import",
        entityType: "Organisation",
        entityId: job.organisationId,
        after: { rows: count, file: job.file.name },
      },
    ],
    now,
  );
  if (job.jobId !== undefined && !(await stillRunning(sql, job.jobId)))
    throw new ImportJobLost(job.jobId);
  return null;
}

/**
 * The job's file checked (checkRosterFile) with its progress told, each good chunk handed to
 * `write` in `engine`'s load form with the file's data rows (known before the first chunk);
 * `write` answers how many rows it wrote, which the progress tells too.
 */
async function checkJobFile(
  job: ImportJob,
  engine: Engine,
  write: (chunk: StagedRows, total: number) => Promise<number>,
) {
  const { progress } = job;
  let total = 0;
  let written = 0;
  return checkRosterFile(
    job.file,
    job.today,
    {
      ...progress,
      checked: (done, of) => {
        total = of;
        return progress.checked?.(done, of);
      },
    },
    async (chunk) => {
      const wrote = await write(chunk, total);
      if (wrote === 0) return;
      written += wrote;
      await progress.written?.(written, total);
    },
    { stage: engine },
  );
}

/**
 * SQLite: the rows go a sealed chunk at a time into a TEMP table of the import's own
 * connection (withScratchSession: no write lock held, nothing in the database's log, gone
 * with the connection whatever happens) while the next chunk is checked; when the whole file
 * is good one write transaction moves them into Worker. SQLite has one writer at a time, so
 * the roster's transaction cannot stay open while the file is checked.
 */
function loadThroughStage(job: ImportJob): Promise<Loaded> {
  const { organisationId, progress } = job;
  return withScratchSession(async (session) => {
    await session.scratch((sql) => sql.run(CREATE_STAGE));
    const checked = await checkJobFile(job, "sqlite", (chunk) =>
      session.scratch((sql) => stageRosterRows(sql, chunk)),
    );
    if (!checked.ok) return checked;
    await progress.loading?.();
    const { count, samples } = checked.value;
    // Numbers already on this roster fail the file before anything is counted or moved. An
    // empty roster (a federation's first import) has none to look for.
    if (await rosterHasWorkers(readSql(), organisationId)) {
      const clashes = await session.scratch((sql) => stagedClashes(sql, organisationId));
      if (clashes.length > 0) return inRoster(clashes);
    }
    let capRefusal: RosterCapRefusal[] | null;
    try {
      capRefusal = await session.write((sql) => {
        const now = new Date();
        return takeCapAndAudit(sql, job, count, now, () =>
          deferringRosterIndexes(sql, count, progress.rebuildIndexesFrom, async () => {
            await moveStagedRows(sql, organisationId, now);
          }),
        );
      });
    } catch (error) {
      // A concurrent save put one of these numbers on the roster since the check above: the
      // (idNumberHash, organisationId) index refused the whole move, and nothing was stored.
      if (isUniqueViolation(error)) {
        const late = await session.scratch((sql) => stagedClashes(sql, organisationId));
        if (late.length > 0) return inRoster(late);
      }
      throw error;
    }
    return capRefusal ? capped(capRefusal) : ok({ count, samples });
  });
}

/** Worker's columns as loadAsChecked writes them: a staged row's own, then the import's. */
const ROSTER_COPY_COLUMNS = [
  ...STAGE_COLUMNS.filter((c) => c !== "row"),
  "organisationId",
  "frontLine",
  "manager",
  "createdAt",
  "updatedAt",
] as const;

/** A refusal found inside loadAsChecked's transaction, which it takes back. */
class LoadRefused extends Error {
  constructor(readonly outcome: Loaded) {
    super("the roster file was refused");
  }
}

/**
 * PostgreSQL: the rows are written into Worker as each chunk is checked, by COPY, in one
 * transaction held for the whole file (withLoadTransaction, which takes no write lock), and
 * committed once the file is good; a file refused takes them all back. Staging them first and
 * moving them at the end wrote every row twice, and the move (one core, about 4 s for a
 * million rows) came after the check, with the other core idle.
 *
 * - An organisation's first roster, when the load is at least as large as the whole table
 *   (deferringRosterIndexes' rule), is written with Worker's indexes and foreign key dropped
 *   from its first chunk, and built again at the end. Its number needs no look-up: the
 *   organisation has none, and under the table's lock none can arrive.
 * - Otherwise each chunk's numbers are looked up in the roster (the unique index) before it
 *   is written, when the roster has any; from the first one found on it, nothing more is
 *   written, and the rest of the file is looked up for the report (at most 200 rows).
 * - A concurrent save that puts one of the file's numbers on the roster meanwhile meets the
 *   unique index: one of the two is refused. If it is the import, nothing of the file is
 *   stored, and the file is read and checked once more, which names the rows now on the
 *   roster; should that meet another such save, the file is refused as a whole
 *   (import_roster_changed: it is worth trying again).
 */
async function loadAsChecked(job: ImportJob, again = true): Promise<Loaded> {
  const { organisationId, progress } = job;
  try {
    return await withLoadTransaction(async (sql) => {
      const now = new Date();
      const suffix = `\t${organisationId}\tt\tf\t${sql.loadedDate(now)}\t${sql.loadedDate(now)}`;
      let deferred: DeferredIndexes | null = null;
      let lookUp: boolean | null = null;
      const clashes: number[] = [];
      try {
        const checked = await checkJobFile(job, "postgresql", async (chunk, total) => {
          if (lookUp === null) {
            deferred = await deferForFirstRoster(sql, organisationId, total, progress);
            // Under the table's lock a deferred load's roster cannot change; it was empty
            // when the load decided, unless a save came in between.
            lookUp = await rosterHasWorkers(sql, organisationId);
          }
          if (lookUp && clashes.length < MAX_CLASHES) {
            const found = await chunkClashes(sql, organisationId, chunk);
            clashes.push(...found.slice(0, MAX_CLASHES - clashes.length));
          }
          if (clashes.length > 0) return 0;
          return sql.loadPrepared("Worker", ROSTER_COPY_COLUMNS, rosterRows(chunk, suffix));
        });
        if (!checked.ok) throw new LoadRefused(checked);
        if (clashes.length > 0) throw new LoadRefused(inRoster(clashes));
        await progress.loading?.();
        const { count, samples } = checked.value;
        const capRefusal = await takeCapAndAudit(sql, job, count, now, async () => {
          await (deferred as DeferredIndexes | null)?.rebuild();
        });
        if (capRefusal) throw new LoadRefused(capped(capRefusal));
        return ok({ count, samples });
      } finally {
        (deferred as DeferredIndexes | null)?.release();
      }
    });
  } catch (error) {
    if (error instanceof LoadRefused) return error.outcome;
    if (!isUniqueViolation(error)) throw error;
    // Once more from the start, which now finds the saved numbers on the roster and names
    // their rows (or stores the file, if that save went again).
    if (again) return loadAsChecked(job, false);
    return fail({ row: null, column: null, code: "import_roster_changed", params: {} });
  }
}

/**
 * Which of these keyed hashes the organisation's roster holds: a point look-up each in the
 * (idNumberHash, organisationId) unique index, one statement a chunk (PostgreSQL: the array
 * is one parameter, so every chunk runs the same prepared statement).
 */
export function onRoster(organisationId: number, hashes: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT "idNumberHash" AS "hash" FROM "Worker"
    WHERE "organisationId" = ${organisationId} AND "idNumberHash" = ANY(${hashes}::text[])`;
}

/** The rows of a file refused for numbers already on the roster that are listed. */
const MAX_CLASHES = 200;

/**
 * Drops Worker's indexes for an organisation's first roster when the load is at least as
 * large as the table (see deferringRosterIndexes); null when they stay.
 */
async function deferForFirstRoster(
  sql: Bulk,
  organisationId: number,
  rows: number,
  progress: ImportProgress,
): Promise<DeferredIndexes | null> {
  if (rows < (progress.rebuildIndexesFrom ?? REBUILD_INDEXES_FROM)) return null;
  // Asked on another connection: a read here would hold Worker's shared lock until the end,
  // and two first imports at once would each wait for the other's to take the table's own.
  const read = readSql();
  if (await tableLargerThan(read, rows)) return null;
  if (await rosterHasWorkers(read, organisationId)) return null;
  return sql.deferIndexes("Worker");
}

/** The file rows of a chunk whose number is on the organisation's roster, in file order. */
async function chunkClashes(
  sql: Bulk,
  organisationId: number,
  chunk: StagedRows,
): Promise<number[]> {
  const staged = stagedNumbers(chunk);
  const found = await sql.rows<{ hash: string }>(onRoster(organisationId, staged.hashes));
  if (found.length === 0) return [];
  const on = new Set(found.map((f) => f.hash));
  return staged.rows.filter((_, i) => on.has(staged.hashes[i]!));
}

/**
 * The import's staged rows: a TEMP table of its scratch session, so on either engine one
 * import's rows are seen by no other connection and go when the session ends. "row" (the
 * row's number in the file, header = 1) is its key, so the move reads it in file order (on
 * SQLite it is the table's rowid, and rows are appended in that order).
 */
export const CREATE_STAGE = Prisma.sql`
  CREATE TEMP TABLE "RosterStage" (
    "row" INTEGER NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "idNumberCipher" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "birthDate" TIMESTAMP(3) NOT NULL,
    "phone" TEXT,
    "trade" TEXT,
    "skillLevel" TEXT,
    "unionMember" BOOLEAN NOT NULL
  )`;

/**
 * Writes a chunk of checked, sealed rows, made ready for this engine where they were checked
 * (roster-stage.server.ts), to the import's staging table: multi-row INSERTs on SQLite, COPY
 * on PostgreSQL. Returns the number of rows written.
 */
export function stageRosterRows(sql: Bulk, rows: StagedRows): Promise<number> {
  return sql.loadPrepared("RosterStage", STAGE_COLUMNS, rows);
}

/**
 * The load step of a roster import: moves the staged rows into the organisation's roster in
 * file order, inside the caller's transaction on the import's scratch session (one INSERT …
 * SELECT, the database's own work, no row passing through this process). The caller has
 * checked the rows, the duplicates and the cap; the (idNumberHash, organisationId) index
 * still refuses the whole move if a number reached the roster meanwhile. Returns the number
 * of rows moved.
 */
export function moveStagedRows(sql: Bulk, organisationId: number, now: Date): Promise<number> {
  return sql.run(Prisma.sql`
    INSERT INTO "Worker" ("organisationId", "name", "gender", "idNumberCipher", "idNumberHash",
      "idNumberMasked", "birthDate", "phone", "trade", "skillLevel", "unionMember", "frontLine",
      "manager", "createdAt", "updatedAt")
    SELECT ${organisationId}, s."name", s."gender", s."idNumberCipher", s."idNumberHash",
      s."idNumberMasked", s."birthDate", s."phone", s."trade", s."skillLevel", s."unionMember",
      ${true}, ${false}, ${now}, ${now}
    FROM "RosterStage" s ORDER BY s."row"`);
}

/**
 * From this many rows, a load into a roster table that holds no more rows than the load
 * brings rebuilds the table's indexes after it (see deferringRosterIndexes).
 */
export const REBUILD_INDEXES_FROM = 100_000;

/**
 * Runs `load` (`rows` new Worker rows, in the caller's write transaction) with Worker's
 * secondary indexes, and on PostgreSQL its foreign key, built again after it instead of
 * maintained row by row (Bulk.withIndexesDeferred) when the load is large and the table is not
 * larger than the load: a federation's first import. A million rows inserted in file order
 * into the (idNumberHash, organisationId) index are a million random-order B-tree inserts,
 * where one sort builds it; measured at 200,000 rows this roughly halved the load on both
 * engines (and on PostgreSQL the per-row foreign-key look-up was about as much again as the
 * indexes). Rebuilding costs a sort of the whole table, so into a larger roster the rows are
 * inserted as before. On SQLite (WAL) readers keep their snapshot meanwhile. On PostgreSQL
 * the drops take Worker's ACCESS EXCLUSIVE lock until the commit: every page that reads
 * Worker waits for the rest of the move and the index builds (some seconds for a million
 * rows), and writes to Organisation for the foreign key's; accepted for a load at least as
 * large as everything already on the rosters, which happens about once per deployment.
 * The bench's raw floor loads through this too, so it stays the same work.
 */
export async function deferringRosterIndexes<T>(
  sql: Bulk,
  rows: number,
  from: number | undefined,
  load: () => Promise<T>,
): Promise<T> {
  if (rows < (from ?? REBUILD_INDEXES_FROM) || (await tableLargerThan(sql, rows))) return load();
  return sql.withIndexesDeferred("Worker", load);
}

/** Whether Worker may hold more than `rows` rows (its highest id does). */
async function tableLargerThan(sql: Sql, rows: number): Promise<boolean> {
  // The highest id is at least the number of rows, and one look-up at the end of the key.
  const top = await sql.one<{ top: unknown }>(Prisma.sql`SELECT MAX("id") AS "top" FROM "Worker"`);
  return Number(top?.top ?? 0) > rows;
}

/** The job was marked failed by another process while it ran: nothing of it is stored. */
export class ImportJobLost extends Error {
  constructor(jobId: number) {
    super(`roster import ${jobId} lost its lease and was marked failed; its move was undone`);
  }
}

/**
 * Writes the job's heartbeat inside the caller's transaction if the job is still unfinished
 * (the statuses of RosterImport before done/failed); false when it is not.
 */
async function stillRunning(sql: Bulk, jobId: number): Promise<boolean> {
  const changed = await sql.run(Prisma.sql`
    UPDATE "RosterImport" SET "heartbeatAt" = ${new Date()}
    WHERE "id" = ${jobId} AND "status" IN ('queued', 'parsing', 'checking', 'loading')`);
  return changed === 1;
}

async function rosterHasWorkers(sql: Sql, organisationId: number): Promise<boolean> {
  const one = await sql.one(
    Prisma.sql`SELECT 1 AS "one" FROM "Worker" WHERE "organisationId" = ${organisationId} LIMIT 1`,
  );
  return one !== undefined;
}

/** The unique index refused a row: SQLite's and PostgreSQL's codes for it. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505" || code === "P2002";
}

/**
 * Staged rows whose number is already on this organisation's roster (at most 200): each is a
 * point look-up of (hash, organisationId) in the unique index (EXISTS, so SQLite never turns
 * it into a walk of the roster by another index). Other rosters are not consulted.
 */
async function stagedClashes(sql: Bulk, organisationId: number) {
  const clashes = await sql.rows<{ row: number }>(Prisma.sql`
    SELECT s."row" AS "row" FROM "RosterStage" s
    WHERE EXISTS (SELECT 1 FROM "Worker" w
      WHERE w."idNumberHash" = s."idNumberHash" AND w."organisationId" = ${organisationId})
    ORDER BY s."row" LIMIT ${MAX_CLASHES}`);
  return clashes.map((c) => Number(c.row));
}

/** The roster with what the entry forms check eligibility against: the birth date, so no masked number. */
export async function rosterProfiles(organisationId: number) {
  const workers = await prisma.worker.findMany({
    where: { organisationId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      birthDate: true,
      gender: true,
      skillLevel: true,
      unionMember: true,
      trade: true,
    },
  });
  return workers.map((w) => ({ ...w, birthDate: isoDateOf(w.birthDate) }));
}
