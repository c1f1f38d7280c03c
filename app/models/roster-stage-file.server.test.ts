import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { STAGE_COLUMNS } from "./roster-stage.server";
import { StageFileWriter, newStageFilePath, sweepStageFiles } from "./roster-stage-file.server";

const DIR = mkdtempSync(path.join(tmpdir(), "roster-stage-file-test-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** A staged row's values (roster-stage.server.ts) for row `row`. */
const values = (row: number) => [
  row,
  `职工${row}`,
  "male",
  "c",
  "h",
  "6101**********0011",
  "1990-01-01T00:00:00.000+00:00",
  null,
  "车工",
  null,
  1,
];

describe("the check thread's stage file", () => {
  it("holds the chunks appended, in order, and starts empty", async () => {
    const file = path.join(DIR, "stage.db");
    const writer = new StageFileWriter(file);
    expect(
      await writer.append({ count: 2, values: [...values(2), ...values(3)], base: 0 }),
    ).toEqual({ filed: true, count: 2, base: 0 });
    await writer.append({ count: 1, values: values(9), base: 7 });
    writer.close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare(`SELECT rowid AS id, * FROM "RosterStage" ORDER BY rowid`).all();
    db.close();
    expect(rows).toEqual(
      [2, 3, 9].map((row, i) => ({
        id: i + 1,
        ...Object.fromEntries(STAGE_COLUMNS.map((c, j) => [c, values(row)[j]])),
      })),
    );
    // No journal beside it.
    expect(readdirSync(DIR)).toEqual(["stage.db"]);
    const again = new StageFileWriter(file);
    again.close();
    const empty = new Database(file, { readonly: true });
    expect(empty.prepare(`SELECT COUNT(*) AS n FROM "RosterStage"`).get()).toEqual({ n: 0 });
    empty.close();
  });

  it("removes the files of processes that no longer run, and no others", async () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    const mine = path.basename(newStageFilePath());
    expect(mine.startsWith(`jiangxin-roster-stage-${process.pid}-`)).toBe(true);
    const dead = `jiangxin-roster-stage-${gone}-0b5e.db`;
    for (const name of [mine, dead, "jiangxin-roster-stage-x.db", "other.db"])
      writeFileSync(path.join(DIR, name), "");
    await sweepStageFiles(DIR);
    expect(existsSync(path.join(DIR, dead))).toBe(false);
    for (const name of [mine, "jiangxin-roster-stage-x.db", "other.db"])
      expect(existsSync(path.join(DIR, name))).toBe(true);
  });
});
