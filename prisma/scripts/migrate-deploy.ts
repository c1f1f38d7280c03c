// npm run db:migrate — applies pending migrations to DATABASE_URL (the equivalent of
// `prisma migrate deploy`) on either engine: prisma/migrations on SQLite (in WAL mode, so
// readers never block the writer), prisma/migrations-postgresql on PostgreSQL (creating the
// database first when the role may, as SQLite creates its file).
import path from "node:path";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  databaseUrl,
  openSchemaEngine,
  prepareTarget,
} from "./schema-engine.ts";

const url = databaseUrl();
const target = await prepareTarget(url);
const schemaEngine = await openSchemaEngine(url);
const applied = await applyPendingMigrations(schemaEngine, url);
await closeSchemaEngine(schemaEngine);
console.log(
  applied.length === 0
    ? `Database ${target} is up to date.`
    : `Applied ${applied.length} migration(s) to ${target}: ${applied.map((p) => path.basename(p)).join(", ")}`,
);
