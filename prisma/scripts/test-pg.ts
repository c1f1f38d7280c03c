// npm run test:pg — the database suites (Vitest, vitest.pg.config.ts) and the e2e journeys
// on PostgreSQL, on the server at PG_ADMIN_URL (default postgres://jx:jx@127.0.0.1:5432/postgres,
// a role that may create databases). Every test file gets its own database copied from a
// migrated template; the e2e run gets one database; all are dropped at the end. Needs a
// production build (npm run build, or JX_BUILD_NAME), as npm run test:e2e does.
import { spawnSync } from "node:child_process";

const env: NodeJS.ProcessEnv = { ...process.env, JX_TEST_ENGINE: "postgresql" };
env.PG_TEST_PREFIX ??= `jx_test_${process.pid}`;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("npx", ["vitest", "run", "--config", "vitest.pg.config.ts", ...process.argv.slice(2)]);
run("npx", ["playwright", "test"]);
