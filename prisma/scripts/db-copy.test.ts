// npm run db:copy on the seed plus a judged event: a copy to the other engine and back gives
// identical row counts, results, ranks and ranking tables, and the copy keeps working (its id
// sequences continue after the copied rows). Runs in npm test (SQLite → PostgreSQL → SQLite)
// and in npm run test:pg (PostgreSQL → SQLite → PostgreSQL); both need the PostgreSQL server.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseEngine, openPrismaClient, prisma } from "~/db.server";
import { env } from "~/env.server";
import { loadScoreSheet, saveScoreSheet } from "~/models/marks.server";
import { createJudgedEvent } from "~/test/judging-factories";
import { admin, testPrefix } from "~/test/pg-databases";
import { copyDatabase, verifyCopy } from "./db-copy-lib.ts";
import { postgresAdminUrl, withDatabase } from "./schema-engine.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "jx-copy-"));
const made: string[] = [];

/**
 * A target that does not exist yet: db:copy makes it (the SQLite file, or the PostgreSQL
 * database, as db:migrate does), as an operator moving house would expect.
 */
function missingDatabase(engine: "sqlite" | "postgresql", tag: string): string {
  if (engine === "sqlite") return `file:${path.join(dir, `${tag}.db`)}`;
  const name = `${testPrefix()}_copy_${tag}_${Date.now() % 1_000_000}`;
  made.push(name);
  return withDatabase(postgresAdminUrl(), name);
}

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await admin(async (c) => {
    for (const name of made) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}, 60_000);

describe("db:copy", () => {
  it("copies the seeded deployment to the other engine and back with identical results", async () => {
    await import("../seed");
    const ev = await createJudgedEvent();
    const judges = [ev.judges.chief.id, ev.judges.judgeA.id, ev.judges.judgeU.id];
    for (const [r, reg] of [ev.entries.entryB.id, ev.entries.entryC.id].entries()) {
      for (const [j, judge] of judges.entries()) {
        const sheet = await loadScoreSheet(ev.eventId, reg, judge);
        const saved = await saveScoreSheet({
          eventId: ev.eventId,
          registrationId: reg,
          judgeId: judge,
          versions: Object.fromEntries(sheet!.parts.map((p) => [p.id, p.version])),
          marks: {
            [ev.t1]: j === 0 ? String(60 + r) : undefined,
            [ev.p1]: String(1 + ((r + j) % 2)),
            [ev.p2]: String(25 + r * 3 + j),
          },
          submit: true,
        });
        expect(saved.ok).toBe(true);
      }
    }
    expect(await prisma.result.count({ where: { eventId: ev.eventId } })).toBeGreaterThan(0);

    const home = databaseEngine();
    const away = home === "sqlite" ? "postgresql" : "sqlite";
    const there = missingDatabase(away, "there");
    const back = missingDatabase(home, "back");

    const out = await copyDatabase(env.DATABASE_URL, there);
    expect(out.tables.find((t) => t.name === "Result")?.rows).toBeGreaterThan(0);
    expect(await verifyCopy(env.DATABASE_URL, there)).toEqual([]);
    await copyDatabase(there, back);
    expect(await verifyCopy(env.DATABASE_URL, back)).toEqual([]);

    // The copies take new rows: PostgreSQL's sequences and SQLite's rowids continue.
    for (const url of [there, back]) {
      const client = openPrismaClient(url);
      try {
        const org = await client.organisation.create({
          data: { name: "搬家之后", kind: "enterprise" },
        });
        expect(org.id).toBeGreaterThan(await prisma.organisation.count());
      } finally {
        await client.$disconnect();
      }
    }
    // A target that already holds data is refused, not merged into.
    await expect(copyDatabase(env.DATABASE_URL, back)).rejects.toThrow(/not empty/);
  }, 120_000);
});
