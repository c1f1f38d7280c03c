import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const resolve = { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } };

// Tests of pure code: no database, no environment, no mocks, no module state they change.
// They run one after another in a single thread that keeps its modules (isolate: false):
// a fresh process per file, as the database tests need, cost each of these ninety-odd
// files more to start (spawn, set-up file, imports) than its tests took.
export const PURE_TESTS = [
  "app/domain/**/*.test.ts",
  "app/i18n/**/*.test.ts",
  "app/components/**/*.test.ts",
  "app/forms/**/*.test.ts",
];

/** Every test that may touch a database: each file in its own process, on its own copy. */
export const databaseTests = {
  environment: "node",
  globalSetup: ["./app/test/global-setup.ts"],
  setupFiles: ["./app/test/setup-db.ts"],
  pool: "forks" as const,
  testTimeout: 30_000,
};

// The two pools run side by side: two forks suit 2 cores, and the thread of pure tests is
// short and mostly waits for its turn. A pool's workers are set for the whole run (here: the
// thread is not replaced after each file), and a project says whether its worker keeps its
// modules between files (below); the pure tests need both.
const poolOptions = {
  forks: { maxForks: 2, minForks: 1 },
  threads: { isolate: false, maxThreads: 1, minThreads: 1 },
};

export default defineConfig({
  resolve,
  test: {
    poolOptions,
    projects: [
      {
        resolve,
        test: {
          name: "pure",
          include: PURE_TESTS,
          environment: "node",
          pool: "threads",
          poolOptions: { threads: { isolate: false } },
          testTimeout: 30_000,
        },
      },
      {
        resolve,
        test: {
          ...databaseTests,
          name: "database",
          include: ["app/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...PURE_TESTS],
        },
      },
    ],
  },
});
