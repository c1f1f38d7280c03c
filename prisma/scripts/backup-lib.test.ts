import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, verifyDatabase } from "./backup-lib";

function freshDatabase(dir: string): string {
  const template = process.env.JIANGXIN_TEST_TEMPLATE;
  if (!template) throw new Error("vitest global setup did not run");
  const file = path.join(dir, "live.db");
  copyFileSync(template, file);
  return file;
}

describe("backup and restore", () => {
  it("backs up a database that is being written to, and restores it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jx-backup-"));
    const live = freshDatabase(dir);
    const writer = new Database(live);
    writer.pragma("journal_mode = WAL");
    const insert = writer.prepare(
      `INSERT INTO "Organisation" (name, kind, path) VALUES (?, 'enterprise', '/')`,
    );
    for (let i = 0; i < 500; i++) insert.run(`单位${i}`);

    // Keep writing while the backup runs; the snapshot must still be consistent.
    const timer = setInterval(() => insert.run("备份期间写入"), 1);
    const backup = path.join(dir, "backup.db");
    const info = await backupDatabase(live, backup);
    clearInterval(timer);
    expect(info.pages).toBeGreaterThan(0);
    expect(verifyDatabase(backup).migrations).toBeGreaterThan(0);

    const backedUp = new Database(backup, { readonly: true });
    const count = (
      backedUp.prepare(`SELECT COUNT(*) AS n FROM "Organisation"`).get() as { n: number }
    ).n;
    backedUp.close();
    expect(count).toBeGreaterThanOrEqual(500);

    // Lose data, then restore.
    writer.prepare(`DELETE FROM "Organisation"`).run();
    writer.close();
    restoreDatabase(backup, live);
    const restored = new Database(live, { readonly: true });
    expect(
      (restored.prepare(`SELECT COUNT(*) AS n FROM "Organisation"`).get() as { n: number }).n,
    ).toBe(count);
    restored.close();
  });

  it("refuses to restore a file that is not an intact database", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jx-backup-"));
    const live = freshDatabase(dir);
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "this is not sqlite");
    expect(() => restoreDatabase(junk, live)).toThrow();
    expect(verifyDatabase(live).migrations).toBeGreaterThan(0);
  });
});
