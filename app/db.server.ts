// The one Prisma client module, and the one door to hand-written SQL, on either engine:
// DATABASE_URL=file:… is SQLite (the embedded default), postgres://… is PostgreSQL.
//
// SQLite: reads and writes use separate connections. The better-sqlite3 adapter holds one
// connection per client, and while an interactive transaction awaits, any other query on
// that client runs inside it (seeing its uncommitted rows, and rolled back with it). Reads
// therefore go to `prisma`, which never opens a transaction, and every write goes through
// `write()`, which runs one transaction at a time on the writer connection.
//
// PostgreSQL: one pg-adapter client (its interactive transactions hold a pool connection of
// their own) and a pg Pool for the Sql interface. Writes run as concurrent READ COMMITTED
// transactions that serialise through advisory locks (see lockWrite): an unscoped write
// still runs alone, as on SQLite, so every model's read-then-write check stays exact; a write
// scoped to an event (the judge's sheet save) or to a quiz (answer saves, hand-ins, re-scoring
// chunks) runs beside other events' and quizzes' writes.
import { isMainThread, type Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PrismaClientPg } from "~/generated/prisma-pg/client";
import { env } from "~/env.server";
import { databaseFile } from "~/utils/database-file.server";
import { isClusterWorker, onPrimaryMessage } from "~/utils/cluster-ipc.server";
import { AUTO_CHECKPOINT_PAGES, startCheckpointer } from "~/utils/wal-checkpointer.server";
import { startChangeTransport, stopChangeTransport } from "~/db/change-transport.server";
import {
  engineOf,
  integer,
  type Bulk,
  type Engine,
  type Sql,
  type WriteScope,
} from "~/db/sql.server";
import { SqliteSql } from "~/db/sqlite.server";
import { PostgresSql, argsWithoutNul, rawConnection } from "~/db/postgres.server";

export type { Bulk, DeferredIndexes, Engine, Sql, SqlValue, WriteScope } from "~/db/sql.server";
export { runAll } from "~/db/sql.server";

export type Tx = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;

// SQLite busy timeouts: how long a connection waits for the file lock. In WAL mode readers
// never wait for writers; a writer waits for another process's write transaction (a large
// import can hold the lock for seconds), up to half the 60 s a write may take in all, and is
// then answered 503 "try again" (isStorageFailure) instead of failing for good.
const READ_BUSY_TIMEOUT_MS = 5_000;
const WRITE_BUSY_TIMEOUT_MS = 30_000;

/** The engine behind DATABASE_URL. */
export function databaseEngine(): Engine {
  return engineOf(env.DATABASE_URL);
}

function createSqliteClient(url: string, busyTimeoutMs = READ_BUSY_TIMEOUT_MS): PrismaClient {
  // `timeout` is better-sqlite3's busy timeout: a connection waits this long for the file lock.
  const adapter = new PrismaBetterSqlite3({
    url: `file:${databaseFile(url)}`,
    timeout: busyTimeoutMs,
  });
  return new PrismaClient({ adapter });
}

/** The Prisma `schema` URL parameter names the PostgreSQL schema; pg itself ignores it. */
function postgresSchema(url: string): string | undefined {
  return new URL(url).searchParams.get("schema") ?? undefined;
}

// Pool sizes per process: PostgreSQL serves each connection with a process of its own, so a
// few per app process suffice (several app processes share max_connections).
const PG_POOL_MAX = Number(process.env.PG_POOL_MAX ?? 10);

function createPostgresClient(url: string): PrismaClient {
  const schema = postgresSchema(url);
  const adapter = new PrismaPg(
    { connectionString: url, max: PG_POOL_MAX },
    schema ? { schema } : undefined,
  );
  // The two generated clients have the same model API; they differ in the query compiler
  // and the provider the adapter must match.
  return new PrismaClientPg({ adapter }).$extends({
    query: {
      $allOperations({ args, query }) {
        return query(argsWithoutNul(args));
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * A Prisma client of its own on either engine, for scripts (seed, copy) that open a database
 * other than the app's. The app itself uses `prisma` and `write()`.
 */
export function openPrismaClient(url: string): PrismaClient {
  return engineOf(url) === "postgresql" ? createPostgresClient(url) : createSqliteClient(url);
}

async function configure(client: PrismaClient, busyTimeoutMs: number): Promise<void> {
  // journal_mode is stored in the file; synchronous and busy_timeout are per connection.
  await client.$queryRaw`PRAGMA journal_mode = WAL`;
  await client.$executeRaw`PRAGMA synchronous = FULL`;
  await client.$queryRaw(Prisma.raw(`PRAGMA busy_timeout = ${busyTimeoutMs}`));
  await client.$executeRaw`PRAGMA foreign_keys = ON`;
  // Checkpoints run on the background checkpointer, never inside a request's commit.
  await client.$queryRaw`PRAGMA wal_autocheckpoint = 0`;
}

// Checkpoints run on a background thread (app/utils/wal-checkpointer.server.ts), never inside
// a request's commit: this process's own, or, in a worker of the HTTP server's primary, the
// primary's (one for the machine), which says so if it ever stops.
function startCheckpoints(c: SqliteClients, file: string): void {
  const fallBack = () => restoreAutoCheckpoints(c);
  if (isClusterWorker()) {
    if (process.env.JX_AUTO_CHECKPOINTS === "1") fallBack();
    onPrimaryMessage("auto-checkpoints", fallBack);
    return;
  }
  c.checkpointer = startCheckpointer(file, (error) => {
    // Without it the WAL would grow for ever: hand checkpoints back to SQLite.
    console.error("checkpointer stopped; automatic checkpoints restored", error);
    fallBack();
  });
}

function restoreAutoCheckpoints(c: SqliteClients): void {
  c.autoCheckpoint = true;
  c.bulk?.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  // After configure(), which turned them off (Prisma clients made later see autoCheckpoint).
  if (c.prisma) void c.prisma.ready.then(() => autoCheckpointsOn(c.prisma!.writer));
}

function autoCheckpointsOn(writer: PrismaClient): Promise<unknown> {
  return writer
    .$queryRaw(Prisma.raw(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`))
    .catch(() => undefined);
}

/**
 * The Prisma clients of a process (or thread): reads go to `reader`, writes to `writer`
 * (on PostgreSQL one client for both). Made on first use: each costs tens of megabytes (its
 * query compiler), which a thread that speaks only hand-written SQL (a roster import) never
 * pays.
 */
type PrismaClients = { reader: PrismaClient; writer: PrismaClient; ready: Promise<void> };

function prismaClients(c: Clients): PrismaClients {
  if (c.prisma) return c.prisma;
  if (c.engine === "postgresql") {
    const client = createPostgresClient(env.DATABASE_URL);
    c.prisma = { reader: client, writer: client, ready: Promise.resolve() };
    return c.prisma;
  }
  const reader = createSqliteClient(env.DATABASE_URL, READ_BUSY_TIMEOUT_MS);
  const writer = createSqliteClient(env.DATABASE_URL, WRITE_BUSY_TIMEOUT_MS);
  const ready = Promise.all([
    configure(reader, READ_BUSY_TIMEOUT_MS),
    // write() waits for the file's write lock on the event loop (sqliteWrite).
    configure(writer, WRITE_BUSY_TIMEOUT_MS).then(() => writer.$queryRaw`PRAGMA busy_timeout = 0`),
  ]).then(async () => {
    if (c.autoCheckpoint) await autoCheckpointsOn(writer);
  });
  c.prisma = { reader, writer, ready };
  return c.prisma;
}

type SqliteClients = {
  engine: "sqlite";
  prisma?: PrismaClients;
  queue: Promise<unknown>;
  /** The raw writer connection (bulkWrite, sqlWrite), opened on first use. */
  bulk?: SqliteSql;
  rawReader?: SqliteSql;
  /** This process's checkpointer; none in a worker of the server's primary (it runs one). */
  checkpointer?: Worker;
  /** Set when the checkpointer failed and SQLite checkpoints on commit again. */
  autoCheckpoint?: boolean;
  /** Ends when the scratch session on `bulk` (withScratchSession) ends. */
  scratchSessions?: Promise<void>;
};

type PostgresClients = {
  engine: "postgresql";
  prisma?: PrismaClients;
  pool: pg.Pool;
  rawReader: PostgresSql;
};

type Clients = SqliteClients | PostgresClients;

declare global {
  // Kept across dev rebuilds so reloading code does not leak connections.
  var __jiangxinDb: Clients | undefined;
}

function pgPool(url: string): pg.Pool {
  const pool = new pg.Pool({ ...rawConnection(url), max: PG_POOL_MAX });
  // An idle connection that the server drops must not take the process with it.
  pool.on("error", (error) => console.error("idle PostgreSQL connection failed", error));
  return pool;
}

function clients(): Clients {
  if (!globalThis.__jiangxinDb) {
    if (engineOf(env.DATABASE_URL) === "postgresql") {
      const pool = pgPool(env.DATABASE_URL);
      globalThis.__jiangxinDb = { engine: "postgresql", pool, rawReader: new PostgresSql(pool) };
    } else {
      const c: SqliteClients = { engine: "sqlite", queue: Promise.resolve() };
      globalThis.__jiangxinDb = c;
      // A thread of this process (an import, an export) leaves checkpoints to the main
      // thread's checkpointer, which checkpoints the same file: one thread and connection less.
      if (isMainThread) startCheckpoints(c, databaseFile(env.DATABASE_URL));
    }
    // Changes published here reach the other processes, and theirs reach this one.
    startChangeTransport();
  }
  return globalThis.__jiangxinDb;
}

/**
 * Hand-written reads (the leaderboard questions): on SQLite a read-only raw connection
 * (query_only, so it cannot take part in the write queue's transactions); on PostgreSQL the
 * pool.
 */
export function readSql(): Sql {
  const c = clients();
  if (c.engine === "postgresql") return c.rawReader;
  if (!c.rawReader) {
    const db = new Database(databaseFile(env.DATABASE_URL), { timeout: READ_BUSY_TIMEOUT_MS });
    db.pragma("query_only = ON");
    c.rawReader = new SqliteSql(db);
  }
  return c.rawReader;
}

/** Read-only access. Never call $transaction on it: writes belong in `write()`. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const { reader } = prismaClients(clients());
    const value = Reflect.get(reader, prop);
    return typeof value === "function" ? value.bind(reader) : value;
  },
});

export function dbReady(): Promise<void> {
  return prismaClients(clients()).ready;
}

function enqueue<T>(c: SqliteClients, task: () => Promise<T>): Promise<T> {
  const run = c.queue.then(task);
  // The queue continues after failures; the caller still sees the error.
  c.queue = run.catch(() => undefined);
  return run;
}

// The answers of either engine when storage cannot take a write: the disk is full, the file,
// folder or database is read-only, the device failed, or (SQLite) another process held the
// write lock past the busy timeout. The transaction has rolled back;
// nothing is half-written, and the user is told plainly instead of seeing a bare server
// error. PostgreSQL: SQLSTATE class 53 (disk_full 53100, out of memory, too many
// connections), 25006 read_only_sql_transaction, 58030 io_error.
const STORAGE_FAILURE =
  /SQLITE_FULL|database or disk is full|SQLITE_BUSY|database is locked|SQLITE_READONLY|readonly database|SQLITE_IOERR|disk I\/O error|No space left on device|could not extend file|read-only transaction|\b53100\b|\b53200\b|\b25006\b|\b58030\b/i;
const STORAGE_CODES = new Set(["53100", "53200", "25006", "58030"]);

export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { originalCode?: unknown } } | null)?.code;
  if (typeof code === "string" && STORAGE_CODES.has(code)) return true;
  const text =
    error instanceof Error
      ? `${error.name} ${error.message} ${describeCause((error as { cause?: unknown }).cause)}`
      : String(error);
  return STORAGE_FAILURE.test(text);
}

function describeCause(cause: unknown): string {
  if (cause === undefined || cause === null) return "";
  if (typeof cause === "object") {
    try {
      return `${String(cause)} ${JSON.stringify(cause)}`;
    } catch {
      return String(cause);
    }
  }
  return String(cause);
}

/** 503 with a reason the error page explains (see app/components/error-view.tsx). */
export function storageUnavailable(): Response {
  return new Response("storage-unavailable", { status: 503, statusText: "Service Unavailable" });
}

async function refusedByStorage<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isStorageFailure(error)) {
      console.error(`${what} refused by storage`, error);
      throw storageUnavailable();
    }
    throw error;
  }
}

// Advisory lock keys (two-int form): class 1 is the write lock, held exclusively by an
// unscoped write and shared by scoped ones; class 2 is one lock per event, class 3 one per
// quiz. A scoped write takes both in one statement, the shared write lock first (a select list
// is evaluated left to right; either order would be free of deadlocks, since unscoped writes
// take no event or quiz lock).
const WRITE_LOCK = Prisma.sql`SELECT pg_advisory_xact_lock(1, 0)`;
const eventLock = (eventId: number) =>
  Prisma.sql`SELECT pg_advisory_xact_lock_shared(1, 0), pg_advisory_xact_lock(2, ${eventId})`;
const quizLock = (quizId: number) =>
  Prisma.sql`SELECT pg_advisory_xact_lock_shared(1, 0), pg_advisory_xact_lock(3, ${quizId})`;

/**
 * The statements that take a write's locks on PostgreSQL, at the start of its transaction
 * (transaction-level: they end with it). Why not SERIALIZABLE: the models were written
 * against SQLite's one-writer-at-a-time semantics (quotas, entry numbers, status moves,
 * ranking-table deltas all read then write), and a write that runs alone needs no retry
 * loop; the hot path that needs concurrency declares the one thing it touches (its event).
 */
function lockStatement(scope?: WriteScope): Prisma.Sql {
  if (!scope) return WRITE_LOCK;
  return "event" in scope ? eventLock(scope.event) : quizLock(scope.quiz);
}

// The Prisma adapter begins SQLite transactions with a plain BEGIN, which takes the file's
// write lock only at the first write. With several processes, a transaction that read first
// would then fail at once (SQLITE_BUSY, no waiting) if another process wrote meanwhile. A
// first statement that writes nothing takes the lock as BEGIN IMMEDIATE does (waiting for it
// on the event loop, see sqliteWrite), so the write queue's guarantee holds across processes:
// one write at a time, each seeing every earlier one. (sqlWrite's raw connection uses BEGIN
// IMMEDIATE.)
const TAKE_WRITE_LOCK = Prisma.sql`DELETE FROM "RateCounter" WHERE 0 = 1`;

/**
 * Runs `fn` in one transaction. Everything it does commits together or not at all. On
 * SQLite after every earlier write has finished; on PostgreSQL see lockStatement.
 */
export async function write<T>(fn: (tx: Tx) => Promise<T>, scope?: WriteScope): Promise<T> {
  const c = clients();
  return refusedByStorage("write", () =>
    c.engine === "sqlite"
      ? enqueue(c, () => sqliteWrite(c, fn))
      : prismaClients(c).writer.$transaction(async (tx) => {
          await tx.$executeRaw(lockStatement(scope));
          return fn(tx);
        }, TRANSACTION_OPTIONS),
  );
}

const TRANSACTION_OPTIONS = { timeout: 60_000, maxWait: 60_000 };

/** The write lock was held by another connection when a write() tried to take it. */
class WriteLockBusy extends Error {
  constructor(readonly busy: unknown) {
    super("the write lock is held by another connection");
  }
}

// The Prisma adapter's SQLITE_BUSY (a DriverAdapterError of kind SocketTimeout, or the
// driver's own code when it comes through unmapped).
function isBusyError(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === "object" && !seen.has(e);) {
    seen.add(e);
    const { code, kind, message } = e as { code?: unknown; kind?: unknown; message?: unknown };
    if (kind === "SocketTimeout") return true;
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
    if (typeof message === "string" && /SQLITE_BUSY|database is locked/.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * write() on SQLite. The writer connection's busy timeout is 0: SQLite's own wait for the
 * file's write lock sleeps inside the call, which would stop the whole process (boards,
 * sign-ins, everything) while another connection holds the lock — a re-scoring thread's chunk,
 * another process's import. So the lock is taken first thing in the transaction, and when it
 * is held elsewhere the transaction ends (nothing of `fn` has run), the raw writer waits on
 * the event loop until the lock is free (as sqlWrite does), and the transaction starts again.
 * Past WRITE_BUSY_TIMEOUT_MS the write fails with SQLITE_BUSY (a 503, as before).
 */
async function sqliteWrite<T>(c: SqliteClients, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { writer, ready } = prismaClients(c);
  await ready;
  const until = Date.now() + WRITE_BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return await writer.$transaction(async (tx) => {
        try {
          await tx.$executeRaw(TAKE_WRITE_LOCK);
        } catch (error) {
          throw isBusyError(error) ? new WriteLockBusy(error) : error;
        }
        return fn(tx);
      }, TRANSACTION_OPTIONS);
    } catch (error) {
      if (!(error instanceof WriteLockBusy)) throw error;
      if (Date.now() > until) throw error.busy;
    }
    await bulkConnection(c).waitForWriteLock(until);
  }
}

/**
 * A write through hand-written SQL (see Sql and Bulk): one transaction, serialised with
 * `write()` as above. On SQLite it is a BEGIN IMMEDIATE transaction on the raw writer
 * connection with prepared statements, for the sheet save and large imports, where a write
 * must cost about as much as SQLite's own work and the fsync; on PostgreSQL a pool
 * connection, with COPY for bulk loads.
 */
export async function sqlWrite<T>(
  fn: (sql: Bulk) => Promise<T>,
  options?: WriteOptions,
): Promise<T> {
  return refusedByStorage("write", () => sqlWriteUnchecked(fn, options));
}

/** A write's scope (see WriteScope) and how it commits. */
export type WriteOptions = {
  /** The event or quiz the write touches alone (see WriteScope); at most one of them. */
  event?: number;
  quiz?: number;
  /**
   * false: the commit returns before the disk has the transaction (SQLite synchronous=NORMAL
   * for this one transaction, PostgreSQL SET LOCAL synchronous_commit = off). The database
   * stays consistent and a crashed process loses nothing; a power cut can lose what was
   * committed since the last flush, which the next durable commit or the checkpointer (every
   * 500 ms) makes. For high-volume saves a person can simply repeat, such as a quiz answer
   * picked on a phone; never for marks, results or audit rows.
   */
  durable?: boolean;
};

// SET LOCAL as a function call, so it runs as a prepared statement like every other.
const ASYNC_COMMIT = Prisma.sql`SELECT set_config('synchronous_commit', 'off', true)`;

/**
 * One transaction on a connection of its own that takes no write lock, held as long as `fn`
 * runs (PostgreSQL only): a large roster import writes its rows into the roster as the file
 * is checked, and commits them with its last statements or rolls them all back. The app's
 * other writes go on meanwhile: what keeps them apart is the roster's unique index and row
 * locks, not the write lock, which it must never ask for (it may hold the roster's table
 * lock, which a writer holding the write lock could be waiting for). Its statements read
 * nothing they then act on but through those (an atomic counter, a conditional update).
 */
export async function withLoadTransaction<T>(fn: (sql: Bulk) => Promise<T>): Promise<T> {
  const c = clients();
  if (c.engine !== "postgresql") throw new Error("withLoadTransaction is for PostgreSQL");
  return refusedByStorage("write", async () => {
    const client = await c.pool.connect();
    try {
      return await new PostgresSql(client).transaction(fn);
    } finally {
      // Closed, not returned: a failure may have left it mid-COPY.
      client.release(true);
    }
  });
}

/** Large imports: the same as sqlWrite, named for what it is used for. */
export const bulkWrite = sqlWrite;

async function sqlWriteUnchecked<T>(
  fn: (sql: Bulk) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const c = clients();
  const scope: WriteScope | undefined =
    options.event !== undefined
      ? { event: options.event }
      : options.quiz !== undefined
        ? { quiz: options.quiz }
        : undefined;
  const durable = options.durable ?? true;
  if (c.engine === "postgresql") {
    const client = await c.pool.connect();
    try {
      // The locks (and the commit mode) are not awaited before `fn` starts: on the pipelined
      // connection its first statements travel with them and run once the locks are held.
      return await new PostgresSql(client).transaction(async (sql) => {
        const [, , out] = await Promise.all([
          sql.run(lockStatement(scope)),
          durable ? null : sql.run(ASYNC_COMMIT),
          fn(sql),
        ]);
        return out;
      });
    } finally {
      client.release();
    }
  }
  return enqueue(c, async () => {
    const bulk = bulkConnection(c);
    // The queue keeps everything else in this process off this connection until it ends.
    if (durable) return bulk.transaction(fn);
    const db = bulk.db;
    db.pragma("synchronous = NORMAL");
    try {
      return await bulk.transaction(fn);
    } finally {
      db.pragma("synchronous = FULL");
    }
  });
}

/** The raw SQLite writer connection of this process (or thread), opened on first use. */
function bulkConnection(c: SqliteClients): SqliteSql {
  if (!c.bulk) {
    const db = new Database(databaseFile(env.DATABASE_URL), { timeout: WRITE_BUSY_TIMEOUT_MS });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma(`wal_autocheckpoint = ${c.autoCheckpoint ? AUTO_CHECKPOINT_PAGES : 0}`);
    // A large import inserts into indexes keyed by random hashes: with SQLite's default
    // 2 MB page cache most inserts fetch a page again, and a million-row roster spends
    // most of its time there. 64 MB (allocated only as used) keeps the indexes' pages.
    db.pragma("cache_size = -65536");
    // TEMP tables (a scratch session's staged rows) live in a file of their own, whatever
    // the build's default: a million staged rows would otherwise be held in memory.
    db.pragma("temp_store = FILE");
    // Staged rows are appended and read back in order: a small cache of their own serves that
    // (the build's default would let them take 16 MB of the process's memory beside the 64 MB).
    db.pragma("temp.cache_size = -4096");
    // The write lock is waited for on the event loop, not inside SQLite (SqliteSql.begin).
    db.pragma("busy_timeout = 0");
    c.bulk = new SqliteSql(db, WRITE_BUSY_TIMEOUT_MS);
  }
  return c.bulk;
}

/** A connection's private scratch space (see withScratchSession). */
export type ScratchSession = {
  /**
   * One transaction that writes only the session's TEMP tables: it takes no write lock (other
   * writes of every process go on meanwhile) and is never synced to disk.
   */
  scratch<T>(fn: (sql: Bulk) => Promise<T>): Promise<T>;
  /** A write transaction as sqlWrite() makes, on the session's connection: it sees the TEMP tables. */
  write<T>(fn: (sql: Bulk) => Promise<T>): Promise<T>;
};

/**
 * Runs `fn` with one database connection kept for it, whose TEMP tables no other connection
 * sees and which vanish with it, even when the process dies: a large import stages its
 * checked rows there a chunk at a time (no write lock held between chunks, nothing written
 * to the database's log) and moves them into their table with one write at the end. On
 * SQLite the connection is this process's raw writer, so sessions in one process run one
 * after another, and the session's TEMP tables are dropped when it ends; on PostgreSQL a
 * pool connection of its own, closed (not returned to the pool) when it ends.
 */
export async function withScratchSession<T>(
  fn: (session: ScratchSession) => Promise<T>,
): Promise<T> {
  const c = clients();
  if (c.engine === "postgresql") {
    const client = await c.pool.connect();
    const sql = new PostgresSql(client);
    const session: ScratchSession = {
      // TEMP tables are not in PostgreSQL's log; nothing to wait for at commit either.
      scratch: (work) =>
        refusedByStorage("write", () =>
          sql.transaction(async (tx) => {
            const [, out] = await Promise.all([tx.run(ASYNC_COMMIT), work(tx)]);
            return out;
          }),
        ),
      write: (work) =>
        refusedByStorage("write", () =>
          sql.transaction(async (tx) => {
            const [, out] = await Promise.all([tx.run(lockStatement()), work(tx)]);
            return out;
          }),
        ),
    };
    try {
      return await fn(session);
    } finally {
      // Closed, so its TEMP tables go with it and no later borrower of the pool finds them.
      client.release(true);
    }
  }
  const previous = c.scratchSessions;
  let ended!: () => void;
  c.scratchSessions = new Promise<void>((resolve) => (ended = resolve));
  await previous;
  const session: ScratchSession = {
    scratch: (work) =>
      refusedByStorage("write", () => enqueue(c, () => bulkConnection(c).scratchTransaction(work))),
    write: (work) => sqlWrite(work),
  };
  try {
    return await fn(session);
  } finally {
    await enqueue(c, async () => dropTempTables(bulkConnection(c))).catch((error: unknown) =>
      console.error("could not drop a scratch session's temporary tables", error),
    );
    ended();
  }
}

function dropTempTables(bulk: SqliteSql): void {
  const tables = bulk.db
    .prepare(`SELECT name FROM sqlite_temp_master WHERE type = 'table'`)
    .pluck()
    .all() as string[];
  for (const table of tables) bulk.db.exec(`DROP TABLE temp."${table.replace(/"/g, '""')}"`);
}

export async function disconnectDb(): Promise<void> {
  const c = globalThis.__jiangxinDb;
  if (!c) return;
  globalThis.__jiangxinDb = undefined;
  await stopChangeTransport();
  if (c.engine === "postgresql") {
    await Promise.all([c.pool.end(), c.prisma?.writer.$disconnect()]);
    return;
  }
  await Promise.allSettled([c.queue]);
  c.bulk?.db.close();
  c.rawReader?.db.close();
  await c.checkpointer?.terminate();
  await Promise.all([c.prisma?.reader.$disconnect(), c.prisma?.writer.$disconnect()]);
}

/**
 * The Sql interface inside a Prisma `write()`, for hand-written statements that belong to
 * its transaction. Values come back in the interface's types (see sql.server.ts).
 */
export function txSql(tx: Tx): Sql {
  return {
    engine: databaseEngine(),
    async rows<T>(query: Prisma.Sql): Promise<T[]> {
      return normalised<T>(await tx.$queryRaw<Record<string, unknown>[]>(query));
    },
    async one<T>(query: Prisma.Sql): Promise<T | undefined> {
      return normalised<T>(await tx.$queryRaw<Record<string, unknown>[]>(query))[0];
    },
    run(query: Prisma.Sql): Promise<number> {
      return tx.$executeRaw(query);
    },
  };
}

function normalised<T>(rows: Record<string, unknown>[]): T[] {
  for (const row of rows) {
    for (const key in row) {
      const v = row[key];
      if (typeof v === "bigint") row[key] = integer(v);
      else if (typeof v === "boolean") row[key] = v ? 1 : 0;
    }
  }
  return rows as T[];
}
