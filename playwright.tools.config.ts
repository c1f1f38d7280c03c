// Tools for people, not tests (e2e/tools: screenshots of every role's journey to look at):
// the e2e set-up (one seeded database, the built app on E2E_PORT) without npm test's list.
//   E2E_PORT=… JX_BUILD_NAME=… npx playwright test --config playwright.tools.config.ts
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({ ...base, testDir: "e2e/tools", testIgnore: [], workers: 1 });
