// Migrates one template database per test run; every test file then works on its own copy
// (see setup-db.ts), so tests never share rows and never touch the development database.
// SQLite by default; PostgreSQL when JX_TEST_ENGINE=postgresql (npm run test:pg), on the
// server at PG_ADMIN_URL.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import Database from "better-sqlite3";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  openSchemaEngine,
  postgresAdminUrl,
  withDatabase,
} from "../../prisma/scripts/schema-engine";
import { admin, dropTestDatabases, testPrefix } from "./pg-databases";

async function migrate(url: string): Promise<void> {
  const engine = await openSchemaEngine(url);
  await applyPendingMigrations(engine, url);
  await closeSchemaEngine(engine);
}

export default async function setup() {
  if (process.env.JX_TEST_ENGINE === "postgresql") {
    const prefix = testPrefix();
    process.env.PG_TEST_PREFIX = prefix;
    await dropTestDatabases(prefix);
    const template = `${prefix}_tpl`;
    await admin((c) => c.query(`CREATE DATABASE "${template}"`));
    await migrate(withDatabase(postgresAdminUrl(), template));
    process.env.JIANGXIN_TEST_TEMPLATE_PG = template;
    return () => dropTestDatabases(prefix);
  }
  const dir = path.join(os.tmpdir(), `jiangxin-vitest-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  const db = new Database(template);
  db.pragma("journal_mode = WAL");
  db.close();
  await migrate(`file:${template}`);
  // Fold the WAL back so a plain file copy carries the whole schema.
  const fold = new Database(template);
  fold.pragma("wal_checkpoint(TRUNCATE)");
  fold.close();
  process.env.JIANGXIN_TEST_TEMPLATE = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
