// Runs before each test file: points DATABASE_URL at a fresh copy of the migrated template
// (a copied SQLite file, or a PostgreSQL database made from the template database), or of the
// template seeded with the demo story for the files that start from it (demo-story.ts).
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { startsFromDemoStory } from "./demo-story";
import { copyOfTemplate } from "./pg-databases";

const demo = startsFromDemoStory(expect.getState().testPath);
const template = demo
  ? process.env.JIANGXIN_TEST_DEMO_TEMPLATE
  : process.env.JIANGXIN_TEST_TEMPLATE;
const pgTemplate = demo
  ? process.env.JIANGXIN_TEST_DEMO_TEMPLATE_PG
  : process.env.JIANGXIN_TEST_TEMPLATE_PG;
if (pgTemplate) {
  process.env.DATABASE_URL = await copyOfTemplate(pgTemplate);
  process.env.NODE_ENV = "test";
  // Test files open few connections at a time; two forks share the server.
  process.env.PG_POOL_MAX ??= "4";
  globalThis.__jiangxinDb = undefined;
} else if (template) {
  const file = path.join(path.dirname(template), `${randomUUID()}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.NODE_ENV = "test";
  globalThis.__jiangxinDb = undefined;
  // Cached answers name rows by id, and ids repeat across test databases.
  globalThis.__jiangxinCache?.unsubscribe();
  globalThis.__jiangxinCache = undefined;
}
