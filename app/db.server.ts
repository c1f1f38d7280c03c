// The one Prisma client module. Reads and writes use separate connections: the
// better-sqlite3 adapter holds one connection per client, and while an interactive
// transaction awaits, any other query on that client runs inside it (seeing its uncommitted
// rows, and rolled back with it). Reads therefore go to `prisma`, which never opens a
// transaction, and every write goes through `write()`, which runs one transaction at a time
// on the writer connection.
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
  const adapter = new PrismaBetterSqlite3({ url: `file:${databaseFile(url)}`, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

async function configure(client: PrismaClient): Promise<void> {
  // journal_mode is stored in the file; synchronous and busy_timeout are per connection.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}

type Clients = {
  reader: PrismaClient;
  writer: PrismaClient;
  ready: Promise<void>;
  queue: Promise<unknown>;
  bulk?: Database.Database;
};

declare global {
  // Kept across dev rebuilds so reloading code does not leak connections.
  var __jiangxinDb: Clients | undefined;
}

function clients(): Clients {
  if (!globalThis.__jiangxinDb) {
    const reader = createClient(env.DATABASE_URL);
    const writer = createClient(env.DATABASE_URL);
    globalThis.__jiangxinDb = {
      reader,
      writer,
      ready: Promise.all([configure(reader), configure(writer)]).then(() => undefined),
      queue: Promise.resolve(),
    };
  }
  return globalThis.__jiangxinDb;
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
const STORAGE_FAILURE = /SQLITE_FULL|database or disk is full|SQLITE_READONLY|readonly database|SQLITE_IOERR|disk I\/O error/i;

export function isStorageFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
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
    return await enqueue(() => clients().writer.$transaction(fn, { timeout: 60_000, maxWait: 60_000 }));
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

function bulkWriteUnchecked<T>(fn: (db: Database.Database) => T): Promise<T> {
  return enqueue(async () => {
    const c = clients();
    if (!c.bulk) {
      c.bulk = new Database(databaseFile(env.DATABASE_URL), { timeout: BUSY_TIMEOUT_MS });
      c.bulk.pragma("journal_mode = WAL");
      c.bulk.pragma("synchronous = FULL");
      c.bulk.pragma("foreign_keys = ON");
    }
    const db = c.bulk;
    return db.transaction(() => fn(db))();
  });
}

export async function disconnectDb(): Promise<void> {
  const c = globalThis.__jiangxinDb;
  if (!c) return;
  globalThis.__jiangxinDb = undefined;
  await Promise.allSettled([c.queue]);
  c.bulk?.close();
  await Promise.all([c.reader.$disconnect(), c.writer.$disconnect()]);
}
