// npm run test:pg — the database suites (Vitest, vitest.pg.config.ts) and the e2e journeys
// on PostgreSQL, on the server at PG_ADMIN_URL (default postgres://jx:jx@127.0.0.1:5432/postgres,
// a role that may create databases). Every test file gets its own database copied from a
// migrated template; the e2e run gets one database; all are dropped at the end. Needs a
// production build (npm run build, or JX_BUILD_NAME), as npm run test:e2e does.
//
// The e2e database is migrated and seeded while the Vitest suites run (about 50 s, mostly
// waiting on the server, while the suites leave part of the machine idle); Playwright's web
// server then finds it migrated and seeded, which its migrate and seed leave alone.
import { spawn } from "node:child_process";
import pg from "pg";
import { fillE2eRunEnv } from "../../e2e/support/run-env.ts";
import dropE2eDatabase from "../../e2e/support/teardown.ts";

const env: NodeJS.ProcessEnv = { ...process.env, JX_TEST_ENGINE: "postgresql" };
env.PG_TEST_PREFIX ??= `jx_test_${process.pid}`;
const e2eDatabaseUrl = fillE2eRunEnv(env).databaseUrl;

/**
 * Runs a command to its end: its output straight through, or, kept (for a command running
 * beside another), returned to be shown if it fails.
 */
function run(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; keepOutput?: boolean },
): Promise<{ status: number | null; output: string }> {
  const child = spawn(command, args, {
    env: options.env,
    stdio: options.keepOutput ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.on("error", (error) => resolve({ status: 1, output: `${output}${error.message}\n` }));
    child.on("close", (status) => resolve({ status, output }));
  });
}

async function fail(status: number | null): Promise<never> {
  // The e2e run's own teardown drops its database; when it does not get that far, this does.
  process.env.E2E_DATABASE_URL = env.E2E_DATABASE_URL;
  await dropE2eDatabase().catch((error: Error) => console.error(error.message));
  process.exit(status ?? 1);
}

/**
 * The journeys' server commits without waiting for the disk, as the suites' databases do
 * (app/test/pg-databases.ts): no journey checks what survives a crash of the server, and
 * every connection sees a commit at once either way. Set before the server connects.
 */
async function commitWithoutWaitingForDisk(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const name = new URL(url).pathname.slice(1).replace(/"/g, '""');
    await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
}

const prepared = run(
  "sh",
  ["-c", "npx tsx prisma/scripts/migrate-deploy.ts && npx tsx prisma/seed.ts"],
  { env: { ...env, DATABASE_URL: env.E2E_DATABASE_URL }, keepOutput: true },
);
const vitest = await run(
  "npx",
  ["vitest", "run", "--config", "vitest.pg.config.ts", ...process.argv.slice(2)],
  { env },
);
const preparation = await prepared;
if (vitest.status !== 0) await fail(vitest.status);
if (preparation.status !== 0) {
  process.stderr.write(preparation.output);
  console.error("test:pg: migrating and seeding the e2e database failed");
  await fail(preparation.status);
}
try {
  await commitWithoutWaitingForDisk(e2eDatabaseUrl);
} catch (error) {
  console.error(`test:pg: setting up the e2e database failed: ${(error as Error).message}`);
  await fail(1);
}
const playwright = await run("npx", ["playwright", "test"], { env });
process.exit(playwright.status ?? 1);
