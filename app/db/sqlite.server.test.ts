// SqliteSql's wait for the file's write lock: on the event loop, not inside SQLite, so a
// process whose writer waits for another connection (a re-scoring thread's chunk, another
// process's import) keeps serving everything else meanwhile.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
