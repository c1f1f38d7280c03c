import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: ["app/**/*.test.ts", "prisma/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./app/test/global-setup.ts"],
    setupFiles: ["./app/test/setup-db.ts"],
    // Each test file gets its own database copy (app/test/setup-db.ts); two workers suit 2 cores.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
  },
});
