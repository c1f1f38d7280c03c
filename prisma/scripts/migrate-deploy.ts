// npm run db:migrate — applies pending migrations to DATABASE_URL (the equivalent of
// `prisma migrate deploy`) on either engine: prisma/migrations on SQLite (in WAL mode, so
// readers never block the writer), prisma/migrations-postgresql on PostgreSQL (creating the
// database first when the role may, as SQLite creates its file).
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
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
} else {
  await createDatabaseIfMissing(url);
}

const schemaEngine = await openSchemaEngine(url);
const applied = await applyPendingMigrations(schemaEngine, url);
await closeSchemaEngine(schemaEngine);
console.log(
  applied.length === 0
    ? `Database ${target} is up to date.`
    : `Applied ${applied.length} migration(s) to ${target}: ${applied.map((p) => path.basename(p)).join(", ")}`,
);

async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  server.search = "";
  const client = new pg.Client({ connectionString: server.toString() });
  try {
    await client.connect();
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created database ${name}.`);
    }
  } catch (error) {
    // Without rights on the maintenance database the migration itself says what is wrong.
    if (process.env.DEBUG) console.error(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
