// SqliteSql's wait for the file's write lock: on the event loop, not inside SQLite, so a
// process whose writer waits for another connection (a re-scoring thread's chunk, another
// process's import) keeps serving everything else meanwhile. And its load with deferred
// indexes, whose builds sort with SQLite's helper threads.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { SqliteSql } from "~/db/sqlite.server";

let dir: string;
let file: string;
const open = () => {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 0");
  return db;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "jx-sqlite-lock-"));
  file = path.join(dir, "lock.db");
  const db = open();
  db.exec(`CREATE TABLE "T" ("n" INTEGER NOT NULL)`);
  db.close();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("SqliteSql's wait for the write lock", () => {
  it("waits on the event loop while another connection writes, then sees its write", async () => {
    const other = open();
    const mine = open();
    try {
      other.exec("BEGIN IMMEDIATE");
      other.exec(`INSERT INTO "T" ("n") VALUES (1)`);
      let began = false;
      const write = new SqliteSql(mine, 10_000).transaction(async (sql) => {
        began = true;
        const row = await sql.one<{ n: number }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "T"`);
        await sql.run(Prisma.sql`INSERT INTO "T" ("n") VALUES (2)`);
        return Number(row?.n);
      });
      // Timers still fire while the write waits: the thread is not asleep inside SQLite.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 2));
      expect(began).toBe(false);
      other.exec("COMMIT");
      expect(await write).toBe(1);
      expect(
        mine
          .prepare(`SELECT GROUP_CONCAT("n") AS "n" FROM (SELECT "n" FROM "T" ORDER BY "n")`)
          .get(),
      ).toEqual({ n: "1,2" });
    } finally {
      other.close();
      mine.close();
    }
  });

  it("gives up with SQLITE_BUSY once the wait is over, and the lock was never taken", async () => {
    const other = open();
    const mine = open();
    try {
      other.exec("BEGIN IMMEDIATE");
      await expect(
        new SqliteSql(mine, 20).transaction(async (sql) => sql.run(Prisma.sql`DELETE FROM "T"`)),
      ).rejects.toMatchObject({ code: "SQLITE_BUSY" });
      expect(mine.inTransaction).toBe(false);
      other.exec("ROLLBACK");
    } finally {
      other.close();
      mine.close();
    }
  });
});

describe("SqliteSql.withIndexesDeferred", () => {
  // Keys of about 12 MB in all: more than one piece of the sort in memory, so the build
  // merges pieces that helper threads sorted, and the duplicate pair below is in two of them.
  const ROWS = 40_000;
  const fill = (sql: SqliteSql) =>
    sql.run(Prisma.sql`
      WITH RECURSIVE "c"("n") AS (SELECT 1 UNION ALL SELECT "n" + 1 FROM "c" WHERE "n" < ${ROWS})
      INSERT INTO "K" ("k", "n") SELECT printf('%0300d', "n" * 7919 % ${ROWS}), "n" FROM "c"`);

  /** Runs a load into "K" with its indexes deferred; what the index builds ran under. */
  async function load(db: Database.Database, work: (sql: SqliteSql) => Promise<unknown>) {
    const builds: unknown[] = [];
    const exec = db.exec.bind(db);
    vi.spyOn(db, "exec").mockImplementation((source: string) => {
      if (source.startsWith("CREATE")) builds.push(db.pragma("threads", { simple: true }));
      return exec(source);
    });
    const sql = new SqliteSql(db);
    const result = await sql
      .transaction((tx) => tx.withIndexesDeferred("K", () => work(tx)))
      .then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
    vi.restoreAllMocks();
    return { result, builds };
  }

  let db: Database.Database;
  beforeEach(() => {
    db = open();
    db.exec(`CREATE TABLE "K" ("k" TEXT NOT NULL, "n" INTEGER NOT NULL)`);
    db.exec(`CREATE UNIQUE INDEX "K_k_key" ON "K" ("k")`);
    db.exec(`CREATE INDEX "K_n_idx" ON "K" ("n")`);
    db.pragma("cache_size = -2000");
  });
  afterEach(() => db.close());

  it("builds the indexes after the rows with helper threads, then sets the connection back", async () => {
    const { result, builds } = await load(db, fill);
    expect(result).toEqual({ value: ROWS });
    expect(builds).toEqual([2, 2]);
    expect(db.pragma("threads", { simple: true })).toBe(0);
    expect(db.pragma("cache_size", { simple: true })).toBe(-2000);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const indexes = db
      .prepare(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'index' ORDER BY "name"`)
      .pluck()
      .all();
    expect(indexes).toEqual(["K_k_key", "K_n_idx"]);
    // The unique index is in use and whole: every key found through it.
    expect(
      db.prepare(`SELECT COUNT(*) FROM "K" INDEXED BY "K_k_key" WHERE "k" > ''`).pluck().get(),
    ).toBe(ROWS);
  });

  it("a duplicate key refuses the whole load, and the connection is set back", async () => {
    const { result, builds } = await load(db, async (sql) => {
      await fill(sql);
      // The first row's key again, at the end of the table.
      await sql.run(Prisma.sql`INSERT INTO "K" ("k", "n") SELECT "k", 0 FROM "K" WHERE rowid = 1`);
    });
    expect(result).toMatchObject({ error: { code: "SQLITE_CONSTRAINT_UNIQUE" } });
    expect(builds).toEqual([2]);
    expect(db.inTransaction).toBe(false);
    expect(db.pragma("threads", { simple: true })).toBe(0);
    expect(db.pragma("cache_size", { simple: true })).toBe(-2000);
    expect(db.prepare(`SELECT COUNT(*) FROM "K"`).pluck().get()).toBe(0);
    expect(
      db.prepare(`SELECT COUNT(*) FROM "sqlite_master" WHERE "type" = 'index'`).pluck().get(),
    ).toBe(2);
  });
});
