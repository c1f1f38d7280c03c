// The SQLite side of the Sql interface (sql.server.ts): prepared statements on plain
// better-sqlite3 connections, each prepared once and cached by its text. Through Prisma each
// query carries about 0.3 ms of overhead, many times SQLite's own work on the hot paths.
import Database from "better-sqlite3";
import type { Prisma } from "~/generated/prisma/client";
import {
  deferringIndexes,
  integer,
  sqliteDate,
  type Bulk,
  type DeferredIndexes,
  type PreparedRows,
  type SqlValue,
} from "~/db/sql.server";

export { sqliteDate };

type Param = string | number | bigint | Buffer | null;

function param(value: unknown): Param {
  // better-sqlite3 binds every JS number as REAL, so `x / ?` divided as reals where
  // PostgreSQL divides integers (my rank miscounted the entries in its coarse bucket):
  // whole numbers are bound as INTEGER.
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value) : value;
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value);
  return value as Param;
}

type Prepared = { statement: Database.Statement; reader: boolean; dates: string[] };

export class SqliteSql implements Bulk {
  readonly engine = "sqlite" as const;
  private readonly statements = new Map<string, Prepared>();
  /**
   * `lockWaitMs`: how long transaction() waits for the file's write lock without blocking the
   * thread (see begin()); null leaves the wait to the connection's own busy timeout, which
   * sleeps inside SQLite and stops everything else on the thread meanwhile.
   */
  /** Set by finish() until the transaction ends. */
  private finished = false;
  constructor(
    readonly db: Database.Database,
    private readonly lockWaitMs: number | null = null,
  ) {}

  private prepared(text: string): Prepared {
    // As on PostgreSQL, where it would run outside the transaction (see finish()).
    if (this.finished) throw new Error("a statement after the transaction's last ones (finish)");
    let p = this.statements.get(text);
    if (!p) {
      const statement = this.db.prepare(text);
      // Integers come back as BigInt, then as number where that is exact (rank keys stay BigInt).
      const reader = statement.reader;
      if (reader) statement.safeIntegers(true);
      // Columns declared DATETIME hold the adapter's ISO text (or epoch ms): read as Date.
      const dates = reader
        ? statement
            .columns()
            .filter((c) => c.type?.toUpperCase() === "DATETIME")
            .map((c) => c.name)
        : [];
      p = { statement, reader, dates };
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(text, p);
    }
    return p;
  }

  rowsNow<T>(query: Prisma.Sql): T[] {
    const p = this.prepared(query.sql);
    // A statement that returns nothing (UPDATE without RETURNING) has no rows, as on PostgreSQL.
    if (!p.reader) {
      p.statement.run(...query.values.map(param));
      return [];
    }
    const rows = p.statement.all(...query.values.map(param)) as Record<string, unknown>[];
    for (const row of rows) {
      for (const key in row) {
        const v = row[key];
        if (typeof v === "bigint") row[key] = integer(v);
      }
      for (const key of p.dates) {
        const v = row[key];
        if (v !== null && v !== undefined) row[key] = new Date(v as string | number);
      }
    }
    return rows as T[];
  }

  runNow(query: Prisma.Sql): number {
    const p = this.prepared(query.sql);
    const values = query.values.map(param);
    // A statement with RETURNING is a reader too; run() would discard what it returns.
    if (p.reader) return p.statement.all(...values).length;
    return p.statement.run(...values).changes;
  }

  /**
   * One transaction on this connection. IMMEDIATE: the write lock is taken up front, so
   * another process's writer makes this one wait (busy timeout) instead of failing when a
   * read would turn into a write. The caller keeps other work off the connection meanwhile.
   */
  async transaction<T>(fn: (sql: SqliteSql) => Promise<T>): Promise<T> {
    await this.begin();
    return this.inTransaction(fn);
  }

  /**
   * A transaction that writes only this connection's TEMP tables: a plain (deferred) BEGIN
   * takes no lock on the database file, so other connections and processes write meanwhile,
   * and the temporary database is never synced to disk.
   */
  async scratchTransaction<T>(fn: (sql: SqliteSql) => Promise<T>): Promise<T> {
    this.db.exec("BEGIN");
    return this.inTransaction(fn);
  }

  private async inTransaction<T>(fn: (sql: SqliteSql) => Promise<T>): Promise<T> {
    try {
      const out = await fn(this);
      this.db.exec("COMMIT");
      return out;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw error;
    } finally {
      this.finished = false;
    }
  }

  async finish(statements: readonly Prisma.Sql[]): Promise<number[]> {
    const changed = statements.map((statement) => this.runNow(statement));
    this.finished = true;
    return changed;
  }

  /**
   * BEGIN IMMEDIATE. With `lockWaitMs` the connection's busy timeout is 0 and a lock held by
   * another connection (a re-scoring thread's chunk, another process's import) is waited for
   * here, a millisecond at a time on the event loop: SQLite's own busy wait sleeps inside the
   * call, so the process that serves pages would stop answering anything (boards included)
   * for as long as the other writer holds the lock.
   */
  private async begin(until?: number): Promise<void> {
    if (this.lockWaitMs === null && until === undefined) {
      this.db.exec("BEGIN IMMEDIATE");
      return;
    }
    until ??= Date.now() + (this.lockWaitMs ?? 0);
    for (;;) {
      try {
        this.db.exec("BEGIN IMMEDIATE");
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > until) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /**
   * Resolves once the file's write lock is free (taken and at once given back), waiting on the
   * event loop as begin() does; SQLITE_BUSY after `until` (a Date.now() time). For a writer on
   * another connection of this process (Prisma's, in write()) that must not wait inside SQLite:
   * it tries when this says the lock is free. Never call it inside a transaction here.
   */
  async waitForWriteLock(until: number): Promise<void> {
    await this.begin(until);
    this.db.exec("ROLLBACK");
  }

  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    return this.rowsNow<T>(query);
  }

  async one<T>(query: Prisma.Sql): Promise<T | undefined> {
    return this.rowsNow<T>(query)[0];
  }

  async run(query: Prisma.Sql): Promise<number> {
    return this.runNow(query);
  }

  withIndexesDeferred<T>(table: string, work: () => Promise<T>): Promise<T> {
    return deferringIndexes(this, table, work);
  }

  deferIndexes(table: string): Promise<DeferredIndexes> {
    // Outside a transaction each DROP would commit on its own.
    if (!this.db.inTransaction) throw new Error("deferIndexes needs a transaction");
    // Indexes SQLite made itself (inline UNIQUE constraints) have no SQL and cannot be dropped.
    const indexes = this.db
      .prepare(
        `SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "tbl_name" = ? AND "sql" IS NOT NULL ORDER BY "name"`,
      )
      .all(table) as { name: string; sql: string }[];
    // Readers on other connections keep their snapshot (WAL), indexes included, until the
    // commit; their prepared statements are prepared again when they see the new schema.
    for (const index of indexes) this.db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
    // The connection's large page cache serves inserts into indexes keyed by random hashes.
    // Without those indexes the load only appends to the table, which needs few pages: with
    // the large cache a million-row load filled all 64 MB of it with pages written once
    // (SQLite spills them to the WAL either way).
    const cache = this.db.pragma("cache_size", { simple: true }) as number;
    const threads = this.db.pragma("threads", { simple: true }) as number;
    this.db.pragma(`cache_size = ${LOAD_CACHE_KIB}`);
    return Promise.resolve({
      rebuild: () => {
        // An index build reads the table and sorts its keys in memory up to the cache's
        // size, then sorts that piece and writes it to a temp file, and merges the pieces at
        // the end. With helper threads the pieces are sorted and written, and merged, beside
        // the thread that reads the table, which otherwise did it all while the import's
        // other core sat idle: each helper holds a piece of its own, so the pieces are smaller
        // and the builds take about the memory one thread took with the load's cache.
        this.db.pragma(`cache_size = ${BUILD_CACHE_KIB}`);
        this.db.pragma(`threads = ${BUILD_THREADS}`);
        for (const index of indexes) this.db.exec(index.sql);
        return Promise.resolve();
      },
      release: () => {
        this.db.pragma(`threads = ${threads}`);
        this.db.pragma(`cache_size = ${cache}`);
      },
    });
  }

  loadedDate(date: Date): string {
    return sqliteDate(date);
  }

  async load(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly SqlValue[]>,
  ): Promise<number> {
    // A Date seen again (the same "now" on every row) is converted once.
    const { perStatement, insertOf } = this.rowsInserter(table, columns);
    const full = insertOf(perStatement);
    let lastDate: Date | null = null;
    let lastText = "";
    const bound = (value: SqlValue): Param => {
      if (value instanceof Date) {
        if (value !== lastDate) {
          lastDate = value;
          lastText = sqliteDate(value);
        }
        return lastText;
      }
      return param(value);
    };
    let batch: Param[] = [];
    let inBatch = 0;
    let n = 0;
    for (const row of rows) {
      for (const value of row) batch.push(bound(value));
      inBatch += 1;
      n += 1;
      if (inBatch === perStatement) {
        full.run(batch);
        batch = [];
        inBatch = 0;
      }
    }
    if (inBatch > 0) insertOf(inBatch).run(batch);
    return n;
  }

  async loadPrepared(
    table: string,
    columns: readonly string[],
    rows: PreparedRows,
  ): Promise<number> {
    if (!("values" in rows)) throw new Error("SQLite loads prepared rows as values, not COPY text");
    // The values are bound as they come (a number as REAL, which the column's INTEGER or
    // NUMERIC affinity stores as the integer it is): no conversion per value here, on the
    // thread that is the import's bottleneck.
    const width = columns.length;
    const { perStatement, insertOf } = this.rowsInserter(table, columns);
    const { values, count } = rows;
    if (values.length !== count * width) throw new Error("prepared rows of the wrong width");
    const full = insertOf(perStatement);
    const step = perStatement * width;
    let at = 0;
    for (; at + step <= values.length; at += step) full.run(values.slice(at, at + step));
    if (at < values.length) insertOf((values.length - at) / width).run(values.slice(at));
    return count;
  }

  /**
   * Many rows per INSERT, for load and loadPrepared: one statement call per row costs more
   * than SQLite's own work on a million rows. `insertOf(n)` prepares the statement for n rows.
   */
  private rowsInserter(table: string, columns: readonly string[]) {
    const names = columns.map((c) => `"${c}"`).join(", ");
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    return {
      perStatement: Math.max(1, Math.floor(LOAD_PARAMS / columns.length)),
      insertOf: (count: number) =>
        this.db.prepare(
          `INSERT INTO "${table}" (${names}) VALUES ${Array.from({ length: count }, () => tuple).join(", ")}`,
        ),
    };
  }
}

/** The page cache (negative: KiB) during a load with deferred indexes (withIndexesDeferred). */
const LOAD_CACHE_KIB = -16_384;

/**
 * The page cache during the deferred index builds, which also bounds each piece of their sorts
 * in memory, and SQLite's helper threads for those sorts (PRAGMA threads; the build allows up to
 * 8, and SQLite uses none when temp files are kept in memory, which the import's connection
 * does not do). Three such builds on a million-row table, quiet machine: 4.2 s with none, 3.5 s
 * with 2. On synthetic rows like the bench's (loaded machine), 2 threads with 16 MB pieces
 * raised the process's peak during the builds from 30 MB above its size before the move to 61,
 * with 8 MB pieces to 36.
 */
const BUILD_CACHE_KIB = -8_192;
const BUILD_THREADS = 2;

/** Parameters per multi-row INSERT, well under SQLite's limit of 32,766. */
const LOAD_PARAMS = 1_500;
