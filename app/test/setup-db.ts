// Runs before each test file: points DATABASE_URL at a fresh copy of the migrated template.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

const template = process.env.JIANGXIN_TEST_TEMPLATE;
if (template) {
  const file = path.join(path.dirname(template), `${randomUUID()}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.NODE_ENV = "test";
  globalThis.__jiangxinDb = undefined;
}
