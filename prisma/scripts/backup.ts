// npm run db:backup [-- <file>] — online backup of DATABASE_URL (the app may keep running).
import path from "node:path";
import { backupDatabase } from "./backup-lib.ts";
import { databaseFile, databaseUrl, engineOf, projectRoot } from "./schema-engine.ts";

if (engineOf(databaseUrl()) === "postgresql") {
  // PostgreSQL has its own online, consistent tools (README "Scaling out": backups).
  console.error(
    `DATABASE_URL is PostgreSQL: use pg_dump --format=custom --file=<file> "$DATABASE_URL"`,
  );
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
const destination = path.resolve(
  process.argv[2] ?? path.join(projectRoot, "prisma", "data", "backups", `jiangxin-${stamp}.db`),
);
await import("node:fs").then((fs) => fs.mkdirSync(path.dirname(destination), { recursive: true }));
const info = await backupDatabase(databaseFile(), destination);
console.log(`Backed up ${info.pages} pages in ${info.ms} ms to ${info.file}`);
