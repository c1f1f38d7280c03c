// npm run db:generate — the Prisma client for each engine from the one schema.
// prisma/schema.prisma is the source of truth (datasource provider "sqlite"); the PostgreSQL
// client is generated from a copy that differs only in the provider and the output folder
// (app/generated/prisma-pg). Each engine needs its own client: the query compiler and the
// driver adapter must match the provider. The copy is a build artefact (gitignored).
//
// `prisma generate` needs no schema engine, but the CLI insists on locating one before it
// runs and cannot download it on machines without internet. Any existing path satisfies it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const schema = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "prisma", ".postgresql", "schema.prisma");

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/false") ? "/bin/false" : process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";

export function postgresSchema(text) {
  const out = text
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace('output   = "../app/generated/prisma"', 'output   = "../../app/generated/prisma-pg"');
  if (!out.includes('"postgresql"') || !out.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma: datasource or generator block not in the expected form");
  }
  return out;
}

mkdirSync(path.dirname(pgSchema), { recursive: true });
writeFileSync(pgSchema, postgresSchema(readFileSync(schema, "utf8")));
for (const file of [schema, pgSchema]) {
  const result = spawnSync("npx", ["prisma", "generate", "--schema", file], {
    stdio: "inherit",
    env,
    cwd: root,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
