// npm run db:migrate — applies pending migrations to DATABASE_URL (the equivalent of
// `prisma migrate deploy`) on either engine: prisma/migrations on SQLite (then WAL, so
// readers never block the writer), prisma/migrations-postgresql on PostgreSQL.
import path from "node:path";
import Database from "better-sqlite3";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  databaseFile,
  databaseUrl,
  engineOf,
  openSchemaEngine,
} from "./schema-engine.ts";

const url = databaseUrl();
const engine = engineOf(url);
let target = url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
if (engine === "sqlite") {
  target = databaseFile(url);
  const db = new Database(target);
  db.pragma("journal_mode = WAL");
  db.close();
}

const schemaEngine = await openSchemaEngine(url);
const applied = await applyPendingMigrations(schemaEngine, url);
await closeSchemaEngine(schemaEngine);
console.log(
  applied.length === 0
    ? `Database ${target} is up to date.`
    : `Applied ${applied.length} migration(s) to ${target}: ${applied.map((p) => path.basename(p)).join(", ")}`,
);
