// npm run db:migration -- <name> — writes the migration that takes each engine's migrations
// to prisma/schema.prisma: prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
// prisma/migrations-postgresql/<timestamp>_<name>/migration.sql (PostgreSQL), same folder name.
// Each engine's SQL comes from its own `diff` between a scratch database with that engine's
// migrations applied and the schema (see pendingSchemaChange), so the development database
// is not needed. The PostgreSQL half needs a server: PG_ADMIN_URL (default the local
// postgres://jx:jx@127.0.0.1:5432/postgres) may create and drop a scratch database.
// Hand-written SQL the schema cannot express (triggers) is added to both files by hand.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  lockfileOf,
  migrationsDirOf,
  pendingSchemaChange,
  projectRoot,
  type Engine,
} from "./schema-engine.ts";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const engines: Engine[] = ["sqlite", "postgresql"];
// Both diffs first: nothing is written unless both engines answered.
const scripts = new Map<Engine, string>();
for (const engine of engines) scripts.set(engine, await pendingSchemaChange(engine));

if ([...scripts.values()].every((s) => s === "")) {
  console.log("No schema changes: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
for (const engine of engines) {
  const script = scripts.get(engine) ?? "";
  if (script === "") continue;
  const dir = path.join(migrationsDirOf(engine), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${script}\n`);
  writeFileSync(path.join(migrationsDirOf(engine), "migration_lock.toml"), lockfileOf(engine));
  console.log(`Wrote ${path.relative(projectRoot, dir)}/migration.sql (${engine})`);
}
console.log("Apply with npm run db:migrate (on either engine).");
