// npm run db:restore -- <backup file> — stop the server first. Verifies the backup, keeps
// the current database as <file>.before-restore, then installs the backup.
import path from "node:path";
import { restoreDatabase } from "./backup-lib.ts";
import { databaseFile } from "./schema-engine.ts";

const backup = process.argv[2];
if (!backup) {
  console.error("Usage: npm run db:restore -- <backup file>");
  process.exit(2);
}
const target = databaseFile();
restoreDatabase(path.resolve(backup), target);
console.log(`Restored ${backup} into ${target} (previous copy: ${target}.before-restore)`);
