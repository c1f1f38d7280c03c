// npm run db:copy -- <from-url> <to-url> — copies a whole deployment to another database
// (SQLite file:… ⇄ PostgreSQL postgres://…), then verifies it (see db-copy-lib.ts). Stop the
// app (or keep it read-only) while copying: rows written meanwhile would not be copied.
import { copyDatabase, verifyCopy } from "./db-copy-lib.ts";

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error(
    "Usage: npm run db:copy -- <from-url> <to-url>   e.g. file:./prisma/data/jiangxin.db postgres://user:pass@host/db",
  );
  process.exit(2);
}
// A refusal (the target is not empty, a table is missing, the server cannot be reached) is
// one line for the operator, not a stack trace; DEBUG=1 shows the stack.
try {
  const report = await copyDatabase(from, to, (line) => console.log(`  ${line}`));
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Copied ${rows} rows in ${report.tables.length} tables in ${(report.ms / 1000).toFixed(1)} s.`,
  );
  const differences = await verifyCopy(from, to);
  if (differences.length > 0) {
    console.error(`The copy differs:\n  ${differences.join("\n  ")}`);
    process.exit(1);
  }
  console.log(
    "Verified: row counts of every table, every event's results, ranks and ranking tables are identical.",
  );
} catch (error) {
  if (process.env.DEBUG) console.error(error);
  console.error(`db:copy failed: ${error instanceof Error ? error.message.trim() : String(error)}`);
  process.exit(1);
}
