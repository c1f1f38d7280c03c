// The large seed at a small size: the tables its worker threads build beside and copy in
// must agree with the main thread's marks and with a rebuild of the ranking tables.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { SqliteSql } from "~/db/sqlite.server";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { rebuildAllRankingTables } from "~/models/ranking-tables.server";

const dir = mkdtempSync(path.join(tmpdir(), "jx-large-"));
const file = path.join(dir, "large.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZES = {
  LARGE_SMALL_EVENTS: "3",
  LARGE_SMALL_SIZE: "200",
  LARGE_BIG_SIZE: "1000",
  LARGE_LABOUR_UNITS: "50",
  LARGE_QUIZ_WORKERS: "400",
  LARGE_QUIZ_ATTEMPTS: "2000",
  LARGE_HONOURS: "300",
};
const ENTRIES = 3 * 200 + 1000;

describe("seed:large", () => {
  it("builds a consistent database: marks, results, workers and ranking tables agree", async () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "prisma/scripts/seed-large.ts"], {
      env: { ...process.env, ...SIZES, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);

    const db = new Database(file);
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get();
    expect(count("Registration")).toBe(ENTRIES);
    expect(count("Mark")).toBe(ENTRIES * 9);
    expect(count("Result")).toBe(ENTRIES);
    expect(count("Worker")).toBe(1000);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    // The side files are gone; every index of the schema is there.
    expect(
      db
        .prepare(
          `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'Registration_%'`,
        )
        .pluck()
        .get(),
    ).toBe(8);

    // Each Result is the trimmed mean (the middle of three) of the main thread's marks, per criterion.
    const mismatches = db
      .prepare(
        `SELECT COUNT(*) FROM Result r JOIN Registration g ON g.id = r.registrationId
         WHERE r.organisationId <> g.organisationId OR r.eventId <> g.eventId OR r.total <> (
           SELECT SUM(mid) FROM (SELECT SUM(value) - MAX(value) - MIN(value) AS mid FROM Mark m
             WHERE m.registrationId = r.registrationId GROUP BY m.criterionId))`,
      )
      .pluck()
      .get();
    expect(mismatches).toBe(0);

    // The ranking tables equal a rebuild from Result.
    const snapshot = () =>
      ["ScoreCount", "ScoreBucket", "OrgStanding"].map((t) =>
        db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2, 3`).all(),
      );
    const built = snapshot();
    expect(built[0]!.length).toBeGreaterThan(0);
    db.exec("BEGIN");
    await rebuildAllRankingTables(new SqliteSql(db));
    expect(snapshot()).toEqual(built);
    db.exec("ROLLBACK");

    // The year in numbers: every entry counted for the federation, once per district.
    const stat = (dim: string, value = "") =>
      db
        .prepare(
          `SELECT entries, workers, organisations FROM StatCount WHERE unionId = 1 AND year = 2026 AND dim = ? AND value = ?`,
        )
        .get(dim, value);
    expect(stat("all")).toEqual({
      entries: ENTRIES,
      workers: count("Worker"),
      organisations: db
        .prepare(`SELECT COUNT(DISTINCT organisationId) FROM Registration`)
        .pluck()
        .get(),
    });
    expect(
      db
        .prepare(
          `SELECT SUM(entries) FROM StatCount WHERE unionId = 1 AND year = 2026 AND dim = 'branch'`,
        )
        .pluck()
        .get(),
    ).toBe(ENTRIES);
    expect(count("QuizAttempt")).toBe(2000);
    // The quiz's participation row: every generated attempt is finished.
    expect(
      db
        .prepare(
          `SELECT entries, workers FROM StatCount WHERE unionId = 0 AND year = 0 AND dim = 'quiz'`,
        )
        .all(),
    ).toEqual([
      {
        entries: 2000,
        workers: db.prepare(`SELECT COUNT(DISTINCT workerId) FROM QuizAttempt`).pluck().get(),
      },
    ]);
    expect(count("HonourAward")).toBe(300);
    db.close();

    // Prisma reads what the raw load wrote, including marks' epoch-millisecond timestamps.
    const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
    try {
      const mark = await prisma.mark.findFirstOrThrow({ where: { registrationId: 1 } });
      expect(mark.updatedAt.getTime()).toBeGreaterThan(Date.parse("2026-01-01"));
      const worker = await prisma.worker.findUniqueOrThrow({ where: { id: 1 } });
      // Stored as the app stores it: masked for lists, encrypted and hashed for lookups.
      expect(worker.idNumberMasked).toMatch(/^6101\*{10}\d{3}[\dX]$/);
      expect(worker.idNumberHash).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await prisma.$disconnect();
    }
  }, 120_000);
});
