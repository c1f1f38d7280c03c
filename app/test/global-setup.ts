// Migrates one template database per test run; every test file then works on its own copy
// (see setup-db.ts), so tests never share rows and never touch the development database.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import Database from "better-sqlite3";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  openSchemaEngine,
} from "../../prisma/scripts/schema-engine";

export default async function setup() {
  const dir = path.join(os.tmpdir(), `jiangxin-vitest-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  const db = new Database(template);
  db.pragma("journal_mode = WAL");
  db.close();
  const engine = await openSchemaEngine(`file:${template}`);
  await applyPendingMigrations(engine);
  await closeSchemaEngine(engine);
  // Fold the WAL back so a plain file copy carries the whole schema.
  const fold = new Database(template);
  fold.pragma("wal_checkpoint(TRUNCATE)");
  fold.close();
  process.env.JIANGXIN_TEST_TEMPLATE = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
