// Migrates one template database per test run, and a second one seeded with the demo story
// for the files that start from it (demo-story.ts); every test file then works on its own
// copy (see setup-db.ts), so tests never share rows and never touch the development database.
// SQLite by default; PostgreSQL when JX_TEST_ENGINE=postgresql (npm run test:pg), on the
// server at PG_ADMIN_URL.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
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

/**
 * Seeds the demo story into the database at url, in a process of its own as npm run db:seed
 * does (the seed reads its settings from the environment when it is imported).
 */
function seedDemoStory(url: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) =>
      status === 0
        ? resolve()
        : reject(new Error(`seeding the demo story template failed (exit ${status}):\n${output}`)),
    );
  });
}

export default async function setup() {
  if (process.env.JX_TEST_ENGINE === "postgresql") {
    const prefix = testPrefix();
    process.env.PG_TEST_PREFIX = prefix;
    await dropTestDatabases(prefix);
    const template = `${prefix}_tpl`;
    await admin((c) => c.query(`CREATE DATABASE "${template}"`));
    await migrate(withDatabase(postgresAdminUrl(), template));
    // Named …_tpl too, so that the run drops it after the copies made from it.
    const demo = `${prefix}_demo_tpl`;
    await admin((c) => c.query(`CREATE DATABASE "${demo}" TEMPLATE "${template}"`));
    await seedDemoStory(withDatabase(postgresAdminUrl(), demo));
    process.env.JIANGXIN_TEST_TEMPLATE_PG = template;
    process.env.JIANGXIN_TEST_DEMO_TEMPLATE_PG = demo;
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
  const demo = path.join(dir, "demo-story.db");
  copyFileSync(template, demo);
  await seedDemoStory(`file:${demo}`);
  const foldDemo = new Database(demo);
  foldDemo.pragma("wal_checkpoint(TRUNCATE)");
  foldDemo.close();
  process.env.JIANGXIN_TEST_TEMPLATE = template;
  process.env.JIANGXIN_TEST_DEMO_TEMPLATE = demo;
  return () => rmSync(dir, { recursive: true, force: true });
}
