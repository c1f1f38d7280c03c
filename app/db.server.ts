// The one Prisma client module. Reads and writes use separate connections: the
// better-sqlite3 adapter holds one connection per client, and while an interactive
// transaction awaits, any other query on that client runs inside it (seeing its uncommitted
// rows, and rolled back with it). Reads therefore go to `prisma`, which never opens a
// transaction, and every write goes through `write()`, which runs one transaction at a time
// on the writer connection.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/env.server";
import { databaseFile } from "~/utils/database-file.server";

export type Tx = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;

const BUSY_TIMEOUT_MS = 5_000;

function createClient(url: string): PrismaClient {
  // `timeout` is better-sqlite3's busy timeout: a connection waits this long for the file lock.
  const adapter = new PrismaBetterSqlite3({
    url: `file:${databaseFile(url)}`,
    timeout: BUSY_TIMEOUT_MS,
  });
  return new PrismaClient({ adapter });
}

async function configure(client: PrismaClient): Promise<void> {
  // journal_mode is stored in the file; synchronous and busy_timeout are per connection.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  // Checkpoints run on the background checkpointer, never inside a request's commit.
  await client.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
}

// With synchronous=FULL every commit fsyncs the WAL; the commit that crosses SQLite's
// automatic checkpoint threshold also copies ~1,000 pages into the database and fsyncs it,
// which made one sheet save in fifty take 5–10 ms. A worker thread with its own
// connection checkpoints instead (PASSIVE: writers and readers carry on meanwhile), so
// those costs leave the request path. The app's connections turn automatic checkpoints off.
const CHECKPOINT_INTERVAL_MS = 500;
const CHECKPOINTER_SOURCE = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma("wal_autocheckpoint = 0");
setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (error) { console.error("checkpoint failed", error); }
}, workerData.intervalMs);
`;
const AUTO_CHECKPOINT_PAGES = 1_000;

function startCheckpointer(file: string, onFailure: () => void): Worker {
  // The driver's path is resolved here: an eval'd worker would resolve it from the process's
  // working directory, which need not be the project's.
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  worker.on("error", (error) => {
    // Without it the WAL would grow for ever: hand checkpoints back to SQLite.
    console.error("checkpointer stopped; automatic checkpoints restored", error);
    onFailure();
  });
  return worker;
}

function restoreAutoCheckpoints(c: Clients): void {
  c.autoCheckpoint = true;
  c.bulk?.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  // After configure(), which turned them off.
  void c.ready
    .then(() => c.writer.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`))
    .catch(() => undefined);
}

type Clients = {
  reader: PrismaClient;
  writer: PrismaClient;
  ready: Promise<void>;
  queue: Promise<unknown>;
  bulk?: Database.Database;
  rawReader?: Sql;
  checkpointer: Worker;
  /** Set when the checkpointer failed and SQLite checkpoints on commit again. */
  autoCheckpoint?: boolean;
};

export type SqlParam = string | number | bigint | null;

/**
 * Prepared statements on a plain better-sqlite3 connection, each prepared once and reused.
 * For the hot paths (leaderboard reads, sheet saves), where Prisma's per-query overhead
 * (about 0.3 ms) is many times the work SQLite does. SQL is written with "?" placeholders
 * or taken from Prisma.sql fragments (`.sql` / `.values`), so the same statements can run
 * through Prisma's $queryRaw on PostgreSQL.
 */
export class Sql {
  private readonly statements = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}

  private statement(text: string, bigints = false): Database.Statement {
    const key = bigints ? `B${text}` : text;
    let s = this.statements.get(key);
    if (!s) {
      s = this.db.prepare(text);
      if (bigints) s.safeIntegers(true);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(key, s);
    }
    return s;
  }

  /** A Prisma.sql fragment's rows, every integer as a BigInt (rank keys exceed 2^53). */
  rows<T>(fragment: { sql: string; values: unknown[] }): T[] {
    return this.statement(fragment.sql, true).all(...(fragment.values as SqlParam[])) as T[];
  }

  all<T>(text: string, ...params: SqlParam[]): T[] {
    return this.statement(text).all(...params) as T[];
  }

  get<T>(text: string, ...params: SqlParam[]): T | undefined {
    return this.statement(text).get(...params) as T | undefined;
  }

  /** Runs a statement; returns the rowid it inserted (0 when none). */
  run(text: string, ...params: SqlParam[]): number {
    return Number(this.statement(text).run(...params).lastInsertRowid);
  }

  /** A Prisma.sql fragment, run here. */
  exec(fragment: { sql: string; values: unknown[] }): void {
    this.statement(fragment.sql).run(...(fragment.values as SqlParam[]));
  }
}

/** How the Prisma adapter stores DateTime in SQLite, for rows written outside Prisma. */
export function sqlNow(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}

declare global {
  // Kept across dev rebuilds so reloading code does not leak connections.
  var __jiangxinDb: Clients | undefined;
}

function clients(): Clients {
  if (!globalThis.__jiangxinDb) {
    const reader = createClient(env.DATABASE_URL);
    const writer = createClient(env.DATABASE_URL);
    const c: Clients = {
      reader,
      writer,
      ready: Promise.all([configure(reader), configure(writer)]).then(() => undefined),
      queue: Promise.resolve(),
      checkpointer: startCheckpointer(databaseFile(env.DATABASE_URL), () =>
        restoreAutoCheckpoints(c),
      ),
    };
    globalThis.__jiangxinDb = c;
  }
  return globalThis.__jiangxinDb;
}

/**
 * A read-only raw connection for the hot read paths (see Sql). It never writes
 * (query_only), so it cannot take part in the write queue's transactions.
 */
export function readSql(): Sql {
  const c = clients();
  if (!c.rawReader) {
    const db = new Database(databaseFile(env.DATABASE_URL), { timeout: BUSY_TIMEOUT_MS });
    db.pragma("query_only = ON");
    c.rawReader = new Sql(db);
  }
  return c.rawReader;
}

/** Read-only access. Never call $transaction on it: writes belong in `write()`. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = clients();
    const value = Reflect.get(c.reader, prop);
    return typeof value === "function" ? value.bind(c.reader) : value;
  },
});

export function dbReady(): Promise<void> {
  return clients().ready;
}

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const c = clients();
  const run = c.queue.then(async () => {
    await c.ready;
    return task();
  });
  // The queue continues after failures; the caller still sees the error.
  c.queue = run.catch(() => undefined);
  return run;
}

// SQLite's answers when the file cannot take a write: the disk is full, the file or its
// folder is read-only, or the device failed. The transaction has rolled back; nothing is
// half-written, and the user is told plainly instead of seeing a bare server error.
const STORAGE_FAILURE =
  /SQLITE_FULL|database or disk is full|SQLITE_READONLY|readonly database|SQLITE_IOERR|disk I\/O error/i;

export function isStorageFailure(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.name} ${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`
      : String(error);
  return STORAGE_FAILURE.test(text);
}

/** 503 with a reason the error page explains (see app/components/error-view.tsx). */
export function storageUnavailable(): Response {
  return new Response("storage-unavailable", { status: 503, statusText: "Service Unavailable" });
}

/**
 * Runs `fn` in one transaction on the writer connection, after every earlier write has
 * finished. Everything it does commits together or not at all.
 */
export async function write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await enqueue(() =>
      clients().writer.$transaction(fn, { timeout: 60_000, maxWait: 60_000 }),
    );
  } catch (error) {
    if (isStorageFailure(error)) {
      console.error("write refused by storage", error);
      throw storageUnavailable();
    }
    throw error;
  }
}

/**
 * Large imports: a plain better-sqlite3 connection with prepared statements in one
 * transaction (hundreds of thousands of rows a second, where createMany manages thousands).
 * Serialised with `write()`, so the two never interleave.
 */
export async function bulkWrite<T>(fn: (db: Database.Database) => T): Promise<T> {
  try {
    return await bulkWriteUnchecked(fn);
  } catch (error) {
    if (isStorageFailure(error)) {
      console.error("bulk write refused by storage", error);
      throw storageUnavailable();
    }
    throw error;
  }
}

/**
 * A synchronous write on the raw connection through prepared statements (see Sql): one
 * IMMEDIATE transaction, serialised with `write()` like bulkWrite. For the sheet save,
 * where a save must cost about as much as SQLite's own work and the fsync.
 */
export async function sqlWrite<T>(fn: (sql: Sql) => T): Promise<T> {
  return bulkWrite((db) => fn(rawWriter(db)));
}

const rawWriters = new WeakMap<Database.Database, Sql>();
function rawWriter(db: Database.Database): Sql {
  let sql = rawWriters.get(db);
  if (!sql) {
    sql = new Sql(db);
    rawWriters.set(db, sql);
  }
  return sql;
}

function bulkWriteUnchecked<T>(fn: (db: Database.Database) => T): Promise<T> {
  return enqueue(async () => {
    const c = clients();
    if (!c.bulk) {
      c.bulk = new Database(databaseFile(env.DATABASE_URL), { timeout: BUSY_TIMEOUT_MS });
      c.bulk.pragma("journal_mode = WAL");
      c.bulk.pragma("synchronous = FULL");
      c.bulk.pragma("foreign_keys = ON");
      c.bulk.pragma(`wal_autocheckpoint = ${c.autoCheckpoint ? AUTO_CHECKPOINT_PAGES : 0}`);
    }
    const db = c.bulk;
    // IMMEDIATE: take the write lock up front, so another process's writer makes us wait
    // (busy timeout) instead of failing when a read would turn into a write.
    return db.transaction(() => fn(db)).immediate();
  });
}

export async function disconnectDb(): Promise<void> {
  const c = globalThis.__jiangxinDb;
  if (!c) return;
  globalThis.__jiangxinDb = undefined;
  await Promise.allSettled([c.queue]);
  c.bulk?.close();
  c.rawReader?.db.close();
  await c.checkpointer.terminate();
  await Promise.all([c.reader.$disconnect(), c.writer.$disconnect()]);
}
