// npm run db:migration -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the (migrated) development database to prisma/schema.prisma.
// `createMigration` needs a shadow database, which SQLite cannot have here, so the SQL comes
// from `diff` between the live database and the schema; apply pending migrations first.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  LOCKFILE,
  closeSchemaEngine,
  applyPendingMigrations,
  filters,
  migrationsDir,
  openSchemaEngine,
  projectRoot,
  schemaPath,
} from "./schema-engine.ts";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const engine = await openSchemaEngine();
await applyPendingMigrations(engine);
const files = [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }];
let script = "";
try {
  const result = await engine.diff({
    from: { tag: "schemaDatasource", files, configDir: projectRoot },
    to: { tag: "schemaDatamodel", files },
    script: true,
    // The WebAssembly engine wants a boolean here, not null.
    exitCode: false,
    filters,
  });
  script = (result.stdout ?? "").trim();
} finally {
  await closeSchemaEngine(engine);
}

if (script === "" || /^-- This is an empty migration\.?$/.test(script)) {
  console.log("No schema changes: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `${script}\n`);
writeFileSync(path.join(migrationsDir, "migration_lock.toml"), LOCKFILE);
console.log(
  `Wrote ${path.relative(projectRoot, dir)}/migration.sql; apply it with npm run db:migrate.`,
);
