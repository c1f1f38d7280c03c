// Online backup and tested restore. The backup uses SQLite's backup API (through
// better-sqlite3), which copies a consistent snapshot while the app keeps reading and
// writing; a restore only ever installs a file that passes an integrity check.
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

export type BackupInfo = { file: string; pages: number; ms: number };

export async function backupDatabase(source: string, destination: string): Promise<BackupInfo> {
  const started = performance.now();
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    let pages = 0;
    await db.backup(destination, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        // Copy in slices so a large backup never holds the database for long.
        return 2_000;
      },
    });
    // A backup should be one self-contained file: fold it out of WAL mode.
    const copy = new Database(destination);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    verifyDatabase(destination);
    return { file: destination, pages, ms: Math.round(performance.now() - started) };
  } finally {
    db.close();
  }
}

/** Throws unless `file` is an intact Jiangxin database. */
export function verifyDatabase(file: string): { migrations: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`Integrity check failed for ${file}: ${String(check)}`);
    const row = db
      .prepare(`SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`)
      .get() as { n: number } | undefined;
    if (!row || row.n < 1)
      throw new Error(`${file} has no applied migrations: not a Jiangxin database`);
    return { migrations: row.n };
  } finally {
    db.close();
  }
}

/**
 * Replaces `target` with `backup`. Run it with the server stopped: the old file is kept as
 * <target>.before-restore until the new one is in place, and stale WAL files are removed so
 * SQLite cannot replay them over the restored data.
 */
export function restoreDatabase(backup: string, target: string): void {
  verifyDatabase(backup);
  const staging = `${target}.restoring`;
  copyFileSync(backup, staging);
  verifyDatabase(staging);
  const previous = `${target}.before-restore`;
  if (existsSync(target)) renameSync(target, previous);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
}
