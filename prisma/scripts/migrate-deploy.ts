// npm run db:migrate — applies pending migrations to DATABASE_URL (the equivalent of
// `prisma migrate deploy`), then switches the file to WAL so readers never block the writer.
import path from "node:path";
import Database from "better-sqlite3";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  databaseFile,
  databaseUrl,
  openSchemaEngine,
} from "./schema-engine.ts";

const url = databaseUrl();
const file = databaseFile(url);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.close();

const engine = await openSchemaEngine(url);
const applied = await applyPendingMigrations(engine);
await closeSchemaEngine(engine);
console.log(
  applied.length === 0
    ? `Database ${file} is up to date.`
    : `Applied ${applied.length} migration(s) to ${file}: ${applied.map((p) => path.basename(p)).join(", ")}`,
);
