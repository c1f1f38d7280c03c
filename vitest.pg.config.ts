// npm run test:pg: the suites that touch the database, on PostgreSQL (JX_TEST_ENGINE is set
// by the script). The pure domain and utility tests never reach a database and already ran
// on SQLite in npm test, so they are left out here to keep CI within its budget; so are the
// SQLite-only tools (backup through SQLite's backup API, the large seed's side files).
import { defineConfig } from "vitest/config";
import base, { databaseTests } from "./vitest.config";

export default defineConfig({
  resolve: base.resolve,
  test: {
    ...databaseTests,
    poolOptions: base.test?.poolOptions,
    include: [
      "app/db.server.test.ts",
      "app/models/**/*.test.ts",
      "app/test/**/*.test.ts",
      "app/http/**/*.server.test.ts",
      "prisma/scripts/db-copy.test.ts",
    ],
  },
});
