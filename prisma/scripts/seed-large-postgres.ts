// npm run seed:large with DATABASE_URL=postgres://… — the same benchmark data on PostgreSQL.
// The rows are generated the SQLite way (seed-large.ts into a staging file: the generation
// runs inside SQLite, in index order, on both cores), then moved with db:copy, which loads
// every table through COPY with keys and indexes made after the load, and ANALYZEs.
// LARGE_STAGING_FILE names the staging file (default prisma/data/large-staging.db; removed
// afterwards unless LARGE_KEEP_STAGING=1). The target database is dropped and made again.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { copyDatabase, recreateDatabase } from "./db-copy-lib.ts";

export async function seedLargePostgres(url: string): Promise<void> {
  const started = Date.now();
  const lap = (what: string) =>
    console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${what}`);
  const staging = path.resolve(process.env.LARGE_STAGING_FILE ?? "prisma/data/large-staging.db");
  const built = spawnSync(
    process.execPath,
    ["--import", "tsx", path.resolve("prisma/scripts/seed-large.ts")],
    { env: { ...process.env, DATABASE_URL: `file:${staging}` }, stdio: "inherit" },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
  lap(`generated in ${staging}`);

  const name = await recreateDatabase(url);
  lap(`database ${name} made anew`);
  const report = await copyDatabase(`file:${staging}`, url, (line) => lap(line));
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  lap(`done: ${rows.toLocaleString("en")} rows copied through COPY`);
  if (process.env.LARGE_KEEP_STAGING !== "1") {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(staging + suffix, { force: true });
  }
}
