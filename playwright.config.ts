import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { fillE2eRunEnv } from "./e2e/support/run-env";

// One database per test run, created, migrated and seeded by the web server command
// (db:migrate creates a missing PostgreSQL database; the seed leaves a seeded one alone);
// workers inherit these variables from the main process. SQLite: e2e/.data/run-<id>.db.
// PostgreSQL (JX_TEST_ENGINE=postgresql, npm run test:pg): <prefix>e2e_<id> on the server at
// PG_ADMIN_URL, dropped at the end (see e2e/support/run-env.ts).
const run = fillE2eRunEnv(process.env);
// The fixtures sign users in through the app's session module, on the same database.
process.env.DATABASE_URL = run.databaseUrl;

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const chromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // e2e/tools holds tools for people (screenshots to look at), not tests:
  // npx playwright test --config playwright.tools.config.ts runs them.
  testIgnore: "**/e2e/tools/**",
  globalTeardown: "./e2e/support/teardown.ts",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Three workers on CI's two cores. A journey mostly waits on one thing at a time (its
  // browser, the server, or an expectation polling), and with two workers the clean-clone CI's
  // journeys kept only about 1.5 of the two cores busy (the CPU time of the run's processes,
  // read while it ran at normal priority beside niced work); a third worker's journey uses
  // the rest. Files still run whole in one worker, so any two
  // journeys that now run side by side could already do so with two workers.
  workers: 3,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // A trace records every action's DOM and a screencast: with it on for every journey
    // ("retain-on-failure"), the crawl took 4.6 min instead of 3.3 on CI's two cores, where
    // the journeys are bound by CPU. A failure's retry records one instead (retries below are
    // on only where CI is set); --trace retain-on-failure keeps a failure's trace without one.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      // Without these Chromium keeps trying to reach Google's services on a closed network.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npx tsx prisma/scripts/migrate-deploy.ts && npx tsx prisma/seed.ts && npx tsx app/server/serve.ts ./${process.env.JX_BUILD_NAME || "build"}/index.js`,
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      // Two worker processes, as npm start runs on a two-core machine: every journey checks
      // that nothing which changes an answer is kept in one process (e2e/processes.spec.ts).
      WEB_CONCURRENCY: "2",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: run.databaseUrl,
      SESSION_SECRET: run.sessionSecret,
      ID_NUMBER_KEY: run.idNumberKey,
      // Lets tests give each simulated visitor its own address for rate limiting.
      TRUST_PROXY: "1",
      PUBLIC_BASE_URL: baseURL,
      COOKIE_SECURE: "0",
    },
  },
});
