// The test files that start from the demo story (prisma/seed.ts). Seeding it took each of them
// seconds of their own; global-setup.ts now seeds a second template once per run and
// setup-db.ts gives these files a copy of that one instead of the empty migrated template.
// This module is read by setup-db.ts before DATABASE_URL points anywhere, so it imports
// nothing of the app at its top.
import path from "node:path";
import { expect } from "vitest";

export const DEMO_STORY_TESTS = [
  "app/test/exposure.test.ts",
  "app/test/authorization-matrix.test.ts",
  "app/test/hostile-input.test.ts",
  "app/models/organiser-tasks.server.test.ts",
  "app/models/statistics.server.test.ts",
];

/** Whether the test file (an absolute path, as Vitest names it) starts from the demo story. */
export function startsFromDemoStory(testPath: string | undefined): boolean {
  if (!testPath) return false;
  const relative = path.relative(process.cwd(), testPath).split(path.sep).join("/");
  return DEMO_STORY_TESTS.includes(relative);
}

/**
 * Called in the beforeAll of each file above: fails it at once, naming the fix, when its
 * database is not the seeded copy (a file that seeds no more must be listed here).
 */
export async function expectDemoStory(): Promise<void> {
  const { prisma } = await import("~/db.server");
  if ((await prisma.organisation.count()) > 0) return;
  throw new Error(
    `${expect.getState().testPath} starts from the demo story: list it in DEMO_STORY_TESTS (app/test/demo-story.ts)`,
  );
}
