// The maintained ranking structures behind the leaderboards: ScoreCount (entries per rank
// key), ScoreBucket (entries per total and per whole mark), OrgStanding (团体总分 of the best
// N results, entry and prize counts per organisation) and FrozenResult (what the public saw
// at the scoreboard freeze). They are updated incrementally inside the same write() as the
// Result change, so a leaderboard never has to scan or RANK() an event on the request path.
import { txSql, type Sql, type Tx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { cacheTag, defineCache } from "~/utils/cache.server";
import { changeTransportState } from "~/utils/live-events.server";
import {
  CENTIMARKS_PER_COARSE_BUCKET,
  TOTAL_SHIFT,
  isZeroDelta,
  rankKeyDeltas,
  standingDelta,
} from "~/domain/ranking/buckets";

export type ResultState = {
  rankKey: bigint | null;
  total: number | null;
  prize: string | null;
};

export type ResultChange = {
  eventId: number;
  organisationId: number;
  registrationId: number;
  /** The result before the change; null when the entry had none. */
  before: ResultState | null;
  /** The result after the change; null when it was deleted. */
  after: ResultState | null;
};

function sameState(a: ResultState | null, b: ResultState | null): boolean {
  if (a === null || b === null) return a === b;
  return a.rankKey === b.rankKey && a.total === b.total && a.prize === b.prize;
}

/**
 * The statements that bring every ranking structure up to date with one Result change, to
 * run AFTER the Result row itself was written: the organisation's best-N total is re-read
 * from Result (the (eventId, organisationId, rankKey) index makes that N rows), everything
 * else is adjusted by the delta. Four statements at most; none when the result did not
 * change. `freezeAt` (ms) is the event's scoreboard freeze, if any.
 */
export function resultChangeStatements(
  change: ResultChange,
  freezeAt: number | null,
  now = Date.now(),
): Prisma.Sql[] {
  const { eventId, organisationId, registrationId, before, after } = change;
  if (sameState(before, after)) return [];
  const statements: Prisma.Sql[] = [];

  const { keys, buckets } = rankKeyDeltas(before?.rankKey ?? null, after?.rankKey ?? null);
  if (keys.length > 0) {
    statements.push(Prisma.sql`
      INSERT INTO "ScoreCount" ("eventId", "rankKey", "count")
      VALUES ${Prisma.join(keys.map((k) => Prisma.sql`(${eventId}, ${k.rankKey}, ${k.delta})`))}
      ON CONFLICT ("eventId", "rankKey") DO UPDATE SET "count" = "ScoreCount"."count" + excluded."count"`);
  }
  if (buckets.length > 0) {
    statements.push(Prisma.sql`
      INSERT INTO "ScoreBucket" ("eventId", "level", "bucket", "count")
      VALUES ${Prisma.join(buckets.map((b) => Prisma.sql`(${eventId}, ${b.level}, ${b.bucket}, ${b.delta})`))}
      ON CONFLICT ("eventId", "level", "bucket") DO UPDATE SET "count" = "ScoreBucket"."count" + excluded."count"`);
  }

  const d = standingDelta(before, after);
  const totalsMoved = (before?.total ?? null) !== (after?.total ?? null) || keys.length > 0;
  if (!isZeroDelta(d) || totalsMoved) {
    statements.push(Prisma.sql`
      INSERT INTO "OrgStanding" ("eventId", "organisationId", "bestNTotal", "entries", "prizes",
        "firstPrizes", "secondPrizes", "thirdPrizes", "meritPrizes")
      VALUES (${eventId}, ${organisationId}, (
          SELECT COALESCE(SUM("total"), 0) FROM (
            SELECT "total" FROM "Result"
            WHERE "eventId" = ${eventId} AND "organisationId" = ${organisationId} AND "rankKey" IS NOT NULL
            ORDER BY "rankKey" DESC
            LIMIT (SELECT "standingsBestN" FROM "Event" WHERE "id" = ${eventId})) AS "best"),
        ${d.entries}, ${d.prizes}, ${d.first}, ${d.second}, ${d.third}, ${d.merit})
      ON CONFLICT ("eventId", "organisationId") DO UPDATE SET
        "bestNTotal" = excluded."bestNTotal",
        "entries" = "OrgStanding"."entries" + excluded."entries",
        "prizes" = "OrgStanding"."prizes" + excluded."prizes",
        "firstPrizes" = "OrgStanding"."firstPrizes" + excluded."firstPrizes",
        "secondPrizes" = "OrgStanding"."secondPrizes" + excluded."secondPrizes",
        "thirdPrizes" = "OrgStanding"."thirdPrizes" + excluded."thirdPrizes",
        "meritPrizes" = "OrgStanding"."meritPrizes" + excluded."meritPrizes"`);
  }

  // Copy on write for the scoreboard freeze: keep the first pre-change value of an entry
  // that changes after freezeAt.
  if (freezeAt !== null && freezeAt <= now) {
    statements.push(Prisma.sql`
      INSERT INTO "FrozenResult" ("eventId", "registrationId", "organisationId", "total", "rankKey", "prize")
      VALUES (${eventId}, ${registrationId}, ${organisationId}, ${before?.total ?? null}, ${before?.rankKey ?? null}, ${before?.prize ?? null})
      ON CONFLICT DO NOTHING`);
  }
  return statements;
}

/** Applies a Result change to the ranking tables inside a Prisma write(). */
export function applyResultChange(tx: Tx, change: ResultChange): Promise<void> {
  return applyResultChangeSql(txSql(tx), change);
}

/** The same inside a raw sqlWrite() (the sheet save). */
export async function applyResultChangeSql(sql: Sql, change: ResultChange): Promise<void> {
  if (sameState(change.before, change.after)) return;
  for (const statement of resultChangeStatements(change, await freezeAtSql(sql, change.eventId)))
    await sql.run(statement);
}

// Each event's freeze time, read at most once a second so an unfrozen event's save skips the
// freeze entirely. A change of the event's board settings drops it (setBoardSettings).
const freezeTimes = defineCache({ name: "freeze-times", ttlMs: 1_000, max: 10_000 });

async function readFreezeAt(sql: Sql, eventId: number): Promise<number | null> {
  const row = await sql.one<{ freezeAt: Date | null }>(
    Prisma.sql`SELECT "freezeAt" FROM "Event" WHERE "id" = ${eventId}`,
  );
  return row?.freezeAt ? row.freezeAt.getTime() : null;
}

/** The event's scoreboard freeze (ms), read in the caller's transaction when it must be. */
export function freezeAtSql(sql: Sql, eventId: number): Promise<number | null> {
  // With several processes the organiser may set a freeze in another one, and its change may
  // reach this process only after a save here: read it inside the write's own transaction
  // (after the lock) every time, so no save misses it.
  if (changeTransportState().transport !== "in-process") return readFreezeAt(sql, eventId);
  return freezeTimes.get(String(eventId), [cacheTag.event(eventId)], () =>
    readFreezeAt(sql, eventId),
  );
}

/**
 * Recomputes the organisation standings of an event from Result, e.g. after the organiser
 * changes N. One grouped pass over the event's results.
 */
export async function rebuildOrgStandings(tx: Tx, eventId: number): Promise<void> {
  await tx.$executeRaw`DELETE FROM "OrgStanding" WHERE "eventId" = ${eventId}`;
  await tx.$executeRaw(orgStandingsSql(Prisma.sql`WHERE r."eventId" = ${eventId}`));
}

const counted = (condition: Prisma.Sql) =>
  Prisma.sql`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

function orgStandingsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  INSERT INTO "OrgStanding" ("eventId", "organisationId", "bestNTotal", "entries", "prizes",
    "firstPrizes", "secondPrizes", "thirdPrizes", "meritPrizes")
  SELECT "eventId", "organisationId",
    SUM(CASE WHEN "rn" <= "bestN" THEN "total" ELSE 0 END),
    ${counted(Prisma.sql`"rankKey" IS NOT NULL`)},
    ${counted(Prisma.sql`"prize" IN ('first', 'second', 'third', 'merit')`)},
    ${counted(Prisma.sql`"prize" = 'first'`)}, ${counted(Prisma.sql`"prize" = 'second'`)},
    ${counted(Prisma.sql`"prize" = 'third'`)}, ${counted(Prisma.sql`"prize" = 'merit'`)}
  FROM (
    SELECT r."eventId", r."organisationId", r."total", r."rankKey", COALESCE(r."prize", '') AS "prize", e."standingsBestN" AS "bestN",
      CASE WHEN r."rankKey" IS NULL THEN NULL ELSE
        ROW_NUMBER() OVER (PARTITION BY r."eventId", r."organisationId", r."rankKey" IS NULL ORDER BY r."rankKey" DESC) END AS "rn"
    FROM "Result" r JOIN "Event" e ON e."id" = r."eventId"
    ${where}
  ) AS "ranked"
  GROUP BY "eventId", "organisationId"`;
}

/**
 * Rebuilds every ranking table from Result, for large imports (sqlWrite and the large seed).
 * Runs inside the caller's transaction.
 */
export async function rebuildAllRankingTables(sql: Sql): Promise<void> {
  await sql.run(Prisma.sql`DELETE FROM "ScoreCount"`);
  await sql.run(Prisma.sql`DELETE FROM "ScoreBucket"`);
  await sql.run(Prisma.sql`DELETE FROM "OrgStanding"`);
  await sql.run(Prisma.sql`
    INSERT INTO "ScoreCount" ("eventId", "rankKey", "count")
      SELECT "eventId", "rankKey", COUNT(*) FROM "Result" WHERE "rankKey" IS NOT NULL
      GROUP BY "eventId", "rankKey"`);
  const shift = Prisma.raw(String(TOTAL_SHIFT));
  const coarse = Prisma.raw(String(CENTIMARKS_PER_COARSE_BUCKET));
  await sql.run(Prisma.sql`
    INSERT INTO "ScoreBucket" ("eventId", "level", "bucket", "count")
      SELECT "eventId", 1, "rankKey" >> ${shift}, SUM("count") FROM "ScoreCount" GROUP BY "eventId", "rankKey" >> ${shift}`);
  await sql.run(Prisma.sql`
    INSERT INTO "ScoreBucket" ("eventId", "level", "bucket", "count")
      SELECT "eventId", 2, "bucket" / ${coarse}, SUM("count") FROM "ScoreBucket" WHERE "level" = 1 GROUP BY "eventId", "bucket" / ${coarse}`);
  await sql.run(orgStandingsSql(Prisma.empty));
}
