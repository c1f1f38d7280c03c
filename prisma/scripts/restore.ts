// npm run db:restore -- <backup file> — stop the server first. Verifies the backup, keeps
// the current database as <file>.before-restore, then installs the backup.
import path from "node:path";
import { restoreDatabase } from "./backup-lib.ts";
import { databaseUrl, engineOf, databaseFile } from "./schema-engine.ts";

if (engineOf(databaseUrl()) === "postgresql") {
  // PostgreSQL has its own online, consistent tools (README "Scaling out": backups).
  console.error(
    `DATABASE_URL is PostgreSQL: use pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" <file>`,
  );
  process.exit(2);
}
const backup = process.argv[2];
if (!backup) {
  console.error("Usage: npm run db:restore -- <backup file>");
  process.exit(2);
}
const target = databaseFile();
restoreDatabase(path.resolve(backup), target);
console.log(`Restored ${backup} into ${target} (previous copy: ${target}.before-restore)`);
