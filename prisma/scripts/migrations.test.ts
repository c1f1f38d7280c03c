// Every engine's migrations must end where prisma/schema.prisma is: a schema change without a
// migration for each engine (npm run db:migration -- <name> writes both) fails here. Each
// engine's migrations are applied to a scratch database and diffed against the schema.
import { describe, expect, it } from "vitest";
import { pendingSchemaChange } from "./schema-engine.ts";

describe("migrations", () => {
  it.each(["sqlite", "postgresql"] as const)(
    "%s: the migrations reach prisma/schema.prisma exactly",
    async (engine) => {
      const missing = await pendingSchemaChange(engine);
      expect(
        missing,
        `prisma/schema.prisma changed without a ${engine} migration: run npm run db:migration -- <name>`,
      ).toBe("");
    },
    60_000,
  );
});
