// _prisma_migrations records each migration by its folder name, so a checkout moved to another
// directory knows what it has applied; rows recorded by absolute path (before this was fixed)
// are renamed rather than re-run.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  openSchemaEngine,
  postgresAdminUrl,
  readMigrations,
  renameAbsoluteMigrationRowsSql,
  withDatabase,
} from "./schema-engine.ts";

async function migrate(url: string): Promise<string[]> {
  const engine = await openSchemaEngine(url);
  try {
    return await applyPendingMigrations(engine, url);
  } finally {
    await closeSchemaEngine(engine);
  }
}

const moved = (name: string) => `/somewhere/else/prisma/migrations/${name}`;

describe("migration names", () => {
  it("are folder names, never absolute paths", () => {
    const names = readMigrations("sqlite").migrationDirectories.map((d) => d.path);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^\d{14}_\w+$/);
  });

  it("only plain folder names reach the renaming SQL", () => {
    const sql = renameAbsoluteMigrationRowsSql(["20260101000000_ok", "x'; DROP TABLE a; --"]);
    expect(sql).toContain("20260101000000_ok");
    expect(sql).not.toContain("DROP");
  });

  it("sqlite: a database migrated from another directory is up to date, its rows renamed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jx-moved-"));
    const file = path.join(dir, "moved.db");
    try {
      const applied = await migrate(`file:${file}`);
      expect(applied.length).toBeGreaterThan(0);
      const db = new Database(file);
      const rows = db
        .prepare('SELECT "migration_name" AS name FROM "_prisma_migrations"')
        .all() as {
        name: string;
      }[];
      const set = db.prepare(
        'UPDATE "_prisma_migrations" SET "migration_name" = ? WHERE "migration_name" = ?',
      );
      for (const { name } of rows) set.run(moved(name), name);
      db.close();

      expect(await migrate(`file:${file}`)).toEqual([]);
      const after = new Database(file);
      const names = (
        after
          .prepare('SELECT "migration_name" AS name FROM "_prisma_migrations" ORDER BY 1')
          .all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      after.close();
      expect(names).toEqual(rows.map((r) => r.name).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("postgresql: a database migrated from another directory is up to date, its rows renamed", async () => {
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    const name = `jx_migration_check_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = withDatabase(postgresAdminUrl(), name);
    const client = new pg.Client({ connectionString: url });
    try {
      expect((await migrate(url)).length).toBeGreaterThan(0);
      await client.connect();
      const { rows } = await client.query<{ name: string }>(
        'SELECT "migration_name" AS name FROM "_prisma_migrations"',
      );
      for (const row of rows)
        await client.query(
          'UPDATE "_prisma_migrations" SET "migration_name" = $1 WHERE "migration_name" = $2',
          [moved(row.name), row.name],
        );
      expect(await migrate(url)).toEqual([]);
      const after = await client.query<{ name: string }>(
        'SELECT "migration_name" AS name FROM "_prisma_migrations" ORDER BY 1',
      );
      expect(after.rows.map((r) => r.name)).toEqual(rows.map((r) => r.name).sort());
    } finally {
      await client.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
