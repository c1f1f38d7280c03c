// The check thread's own stage of a roster import on SQLite (issue 13): the good rows of the
// chunks it checks, written by that thread into a scratch SQLite file of its own, beside the
// TEMP "RosterStage" where the import's thread stages the chunks it checks itself
// (worker.server.ts). Before, the check thread sent each chunk's staged values back (about
// 110,000 values per chunk, structured-cloned on both threads) and the import's thread, busy
// all along, bound every one of them; now only a count comes back, and the move reads both
// stages in file order (the import's connection attaches this file for it). The file is made
// for one import in the OS's temporary directory, without a journal or syncs (nothing in it
// outlives the import), and removed when the import ends whatever happens; a file that a dead
// process left is removed by the next import of any process (sweepStageFiles).
import { readdir, rm } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SqliteSql } from "~/db/sqlite.server";
import { STAGE_COLUMNS, type StagedRows } from "~/models/roster-stage.server";

/**
 * The stage's columns after "row", as both stages declare them (the TEMP one keyed by "row",
 * this one by its rowid, see FILE_STAGE).
 */
export const STAGE_VALUE_COLUMNS_SQL = `
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "idNumberCipher" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "birthDate" TIMESTAMP(3) NOT NULL,
    "phone" TEXT,
    "trade" TEXT,
    "skillLevel" TEXT,
    "unionMember" BOOLEAN NOT NULL`;

/**
 * The file's stage: "row" is not its key. Its rows are appended in file order, so their rowids
 * (1, 2, … in an empty table that is only appended to) are their order, and a chunk's rows are
 * a range of them. "row" is the number its chunk's reader counted (StagedRows.base), which in a
 * rare file differs from the count the parse made (roster-stage.server.ts, rebased): the import
 * shifts those chunks' numbers before they are read (shiftFiledRows), and until then two
 * chunks' numbers may overlap, which a key on "row" would refuse.
 */
const FILE_STAGE = `CREATE TABLE "RosterStage" (\n    "row" INTEGER NOT NULL,${STAGE_VALUE_COLUMNS_SQL}\n  )`;

/** The schema name under which the import's connection attaches the file (see worker.server.ts). */
export const STAGE_FILE_SCHEMA = "stageFile";

const PREFIX = "jiangxin-roster-stage-";

/** A new stage file's path for an import of this process (the file is made by the check thread). */
export function newStageFilePath(): string {
  return join(tmpdir(), `${PREFIX}${process.pid}-${randomUUID()}.db`);
}

/**
 * Removes the stage files of processes that no longer run (one that died mid-import left its
 * file behind; a living process removes its own). Another user's process counts as running.
 */
export async function sweepStageFiles(dir = tmpdir()): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length, name.indexOf("-", PREFIX.length)));
    if (!Number.isSafeInteger(pid) || pid <= 0 || running(pid)) continue;
    await rm(join(dir, name), { force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/**
 * A chunk's good rows that the check thread wrote to the stage file: `count` rows, numbered from
 * `base` as its reader counted.
 */
export type FiledRows = { readonly filed: true; readonly count: number; readonly base: number };

/** The check thread's side: the file, made empty, and a chunk's rows appended at a time. */
export class StageFileWriter {
  private readonly sql: SqliteSql;

  constructor(path: string) {
    const db = new Database(path);
    try {
      // Nothing in it outlives the import: no journal, no syncs, a small cache (rows are only
      // appended), and only this connection writes it until the import reads it.
      db.pragma("journal_mode = OFF");
      db.pragma("synchronous = OFF");
      db.pragma("cache_size = -2048");
      db.exec(`DROP TABLE IF EXISTS "RosterStage"`);
      db.exec(FILE_STAGE);
    } catch (error) {
      db.close();
      throw error;
    }
    this.sql = new SqliteSql(db);
  }

  /**
   * Appends a chunk's rows (in file order after those before) in one transaction, committed
   * before the chunk's answer goes back, so the import's connection reads it whole.
   */
  async append(rows: StagedRows): Promise<FiledRows> {
    const db = this.sql.db;
    db.exec("BEGIN");
    try {
      await this.sql.loadPrepared("RosterStage", STAGE_COLUMNS, rows);
      db.exec("COMMIT");
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
    return { filed: true, count: rows.count, base: rows.base };
  }

  close(): void {
    this.sql.db.close();
  }
}
