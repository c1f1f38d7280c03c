// The statistics' hand-written SQL (standard SQL with quoted identifiers, for SQLite and
// PostgreSQL alike), beside app/models/statistics.server.ts and entry-stats.server.ts.
import type { OrganiserScope } from "~/domain/organisation";
import { Prisma } from "~/generated/prisma/client";

/** Registration statuses that count as entries in the statistics: admitted to compete. */
export const COUNTED_STATUSES = ["approved", "checked_in"] as const;

const counted = Prisma.join(COUNTED_STATUSES.map((s) => Prisma.sql`${s}`));

/** Quiz attempt statuses that count as taking part: handed in or closed at the deadline. */
export const FINISHED_ATTEMPT_STATUSES = ["submitted", "timed_out"] as const;
const finished = Prisma.join(FINISHED_ATTEMPT_STATUSES.map((s) => Prisma.sql`${s}`));

/**
 * The tree as recursive CTEs over parentId: `up` pairs every organisation with each of its
 * ancestors (itself included); `branch` gives each its branch (the organisation right under
 * its federation, or the federation itself; see branchOf in app/domain/organisation);
 * `cu` lists the unions whose statistics count each contest (owner, co-organisers, their
 * ancestors, and 0 for the whole platform).
 */
const TREE = Prisma.sql`
  "up" ("orgId", "ancestorId", "parentId") AS (
    SELECT "id", "id", "parentId" FROM "Organisation"
    UNION ALL
    SELECT "up"."orgId", "p"."id", "p"."parentId"
    FROM "up" JOIN "Organisation" "p" ON "p"."id" = "up"."parentId"
  ),
  "branch" ("orgId", "branchId") AS (
    SELECT "up"."orgId", "up"."ancestorId"
    FROM "up" JOIN "Organisation" "top" ON "top"."id" = "up"."parentId"
    WHERE "top"."parentId" IS NULL
    UNION ALL
    SELECT "id", "id" FROM "Organisation" WHERE "parentId" IS NULL
  ),
  "owners" ("contestId", "orgId") AS (
    SELECT "id", "organiserId" FROM "Contest"
    UNION
    SELECT "contestId", "organisationId" FROM "ContestCoOrganiser"
  ),
  "cu" ("contestId", "unionId") AS (
    SELECT DISTINCT "owners"."contestId", "up"."ancestorId"
    FROM "owners" JOIN "up" ON "up"."orgId" = "owners"."orgId"
    UNION
    SELECT "id", 0 FROM "Contest"
  )`;

/**
 * Which figures to recompute: unions and years, and optionally only one dimension's values
 * (an event's category renamed: only those two categories' rows move).
 */
export type StatTarget = {
  unionIds: number[];
  years: number[];
  only?: { dim: "kind" | "category" | "trade"; values: string[] };
};

const DIM_COLUMN = { kind: `"c"."kind"`, category: `"e"."category"`, trade: `"e"."trade"` };

function scopeFilter(target: StatTarget | null) {
  if (!target) return Prisma.empty;
  const only = target.only
    ? Prisma.sql`AND ${Prisma.raw(DIM_COLUMN[target.only.dim])} IN (${Prisma.join(target.only.values)})`
    : Prisma.empty;
  return Prisma.sql`AND "cu"."unionId" IN (${Prisma.join(target.unionIds)})
    AND "c"."year" IN (${Prisma.join(target.years)}) ${only}`;
}

/**
 * Recomputes StatCount from the base tables, for every union and year or only the given
 * ones (delete those rows first). Two passes: entries, organisations and published prizes
 * per registration; then distinct workers per member (a team counts each of its members).
 */
export function rebuildStatCountSql(target: StatTarget | null) {
  const filter = scopeFilter(target);
  const dimNames = ["all", "kind", "category", "trade", "branch"];
  const keep = (_: unknown, i: number) => !target?.only || dimNames[i] === target.only.dim;
  const dims = (x: string) => [
    Prisma.sql`'all', ''`,
    Prisma.sql`'kind', ${Prisma.raw(`"${x}"."kind"`)}`,
    Prisma.sql`'category', ${Prisma.raw(`"${x}"."category"`)}`,
    Prisma.sql`'trade', ${Prisma.raw(`"${x}"."trade"`)}`,
    Prisma.sql`'branch', CAST(${Prisma.raw(`"${x}"."branchId"`)} AS VARCHAR(20))`,
  ];
  const groups = (x: string) => [
    Prisma.empty,
    Prisma.raw(`, "${x}"."kind"`),
    Prisma.raw(`, "${x}"."category"`),
    Prisma.raw(`, "${x}"."trade"`),
    Prisma.raw(`, "${x}"."branchId"`),
  ];
  const registrationLevel = dims("rx")
    .filter(keep)
    .map(
      (dim, i) => Prisma.sql`
      SELECT "rx"."unionId", "rx"."year", ${dim},
        COUNT(*), 0, COUNT(DISTINCT "rx"."organisationId"),
        SUM(CASE WHEN "rx"."prize" = 'first' THEN 1 ELSE 0 END),
        SUM(CASE WHEN "rx"."prize" = 'second' THEN 1 ELSE 0 END),
        SUM(CASE WHEN "rx"."prize" = 'third' THEN 1 ELSE 0 END),
        SUM(CASE WHEN "rx"."prize" = 'merit' THEN 1 ELSE 0 END)
      FROM "rx" GROUP BY "rx"."unionId", "rx"."year"${groups("rx").filter(keep)[i]!}`,
    );
  // One row per event for the whole platform: the task list reads its judged-entry count.
  if (!target?.only)
    registrationLevel.push(Prisma.sql`
    SELECT "rx"."unionId", "rx"."year", 'event', CAST("rx"."eventId" AS VARCHAR(20)),
      COUNT(*), 0, COUNT(DISTINCT "rx"."organisationId"),
      SUM(CASE WHEN "rx"."prize" = 'first' THEN 1 ELSE 0 END),
      SUM(CASE WHEN "rx"."prize" = 'second' THEN 1 ELSE 0 END),
      SUM(CASE WHEN "rx"."prize" = 'third' THEN 1 ELSE 0 END),
      SUM(CASE WHEN "rx"."prize" = 'merit' THEN 1 ELSE 0 END)
    FROM "rx" WHERE "rx"."unionId" = 0 GROUP BY "rx"."unionId", "rx"."year", "rx"."eventId"`);
  const memberLevel = dims("mx")
    .filter(keep)
    .map(
      (dim, i) => Prisma.sql`
      SELECT "mx"."unionId", "mx"."year", ${dim}, 0, COUNT(DISTINCT "mx"."workerId"), 0, 0, 0, 0, 0
      FROM "mx" GROUP BY "mx"."unionId", "mx"."year"${groups("mx").filter(keep)[i]!}`,
    );
  if (!target?.only)
    memberLevel.push(Prisma.sql`
    SELECT "mx"."unionId", "mx"."year", 'event', CAST("mx"."eventId" AS VARCHAR(20)),
      0, COUNT(DISTINCT "mx"."workerId"), 0, 0, 0, 0, 0
    FROM "mx" WHERE "mx"."unionId" = 0 GROUP BY "mx"."unionId", "mx"."year", "mx"."eventId"`);
  const base = Prisma.sql`
    "rx" AS (
      SELECT "cu"."unionId", "c"."year", "c"."kind", "e"."category", "e"."trade", "e"."id" AS "eventId",
        "b"."branchId", "r"."id" AS "registrationId", "r"."organisationId",
        CASE WHEN "e"."status" = 'published' THEN "res"."prize" END AS "prize"
      FROM "Registration" "r"
      JOIN "Event" "e" ON "e"."id" = "r"."eventId"
      JOIN "Contest" "c" ON "c"."id" = "e"."contestId"
      JOIN "cu" ON "cu"."contestId" = "c"."id"
      JOIN "branch" "b" ON "b"."orgId" = "r"."organisationId"
      LEFT JOIN "Result" "res" ON "res"."registrationId" = "r"."id"
      WHERE "r"."status" IN (${counted}) ${filter}
    ),
    "members" ("registrationId", "workerId") AS (
      SELECT "r"."id", "r"."workerId" FROM "Registration" "r"
      WHERE "r"."workerId" IS NOT NULL AND "r"."status" IN (${counted})
      UNION ALL
      SELECT "r"."id", "tm"."workerId" FROM "Registration" "r"
      JOIN "TeamMember" "tm" ON "tm"."teamId" = "r"."teamId"
      WHERE "r"."status" IN (${counted})
    ),
    "mx" AS (
      SELECT "rx".*, "members"."workerId" FROM "rx"
      JOIN "members" ON "members"."registrationId" = "rx"."registrationId"
    )`;
  const columns = Prisma.sql`("unionId", "year", "dim", "value", "entries", "workers",
    "organisations", "firstPrizes", "secondPrizes", "thirdPrizes", "meritPrizes")`;
  const statements = [
    Prisma.sql`WITH RECURSIVE ${TREE}, ${base}
      INSERT INTO "StatCount" ${columns}
      ${Prisma.join(registrationLevel, " UNION ALL ")}`,
    Prisma.sql`WITH RECURSIVE ${TREE}, ${base}
      INSERT INTO "StatCount" ${columns}
      SELECT * FROM (${Prisma.join(memberLevel, " UNION ALL ")}) "w" WHERE 1 = 1
      ON CONFLICT ("unionId", "year", "dim", "value") DO UPDATE SET "workers" = excluded."workers"`,
  ];
  // Quiz rows have year 0, so no targeted rebuild (a contest's unions and years) touches them.
  if (!target)
    statements.push(Prisma.sql`
      INSERT INTO "StatCount" ("unionId", "year", "dim", "value", "entries", "workers")
      SELECT ${Prisma.raw(`${QUIZ_ROW.unionId}, ${QUIZ_ROW.year}, '${QUIZ_ROW.dim}'`)}, CAST("quizId" AS VARCHAR(20)),
        COUNT(*), COUNT(DISTINCT "workerId")
      FROM "QuizAttempt" WHERE "status" IN (${finished})
      GROUP BY "quizId"`);
  return statements;
}

/**
 * A row that says StatCount has been built. A database migrated from before statistics
 * existed has none, and the statistics page builds the figures once (ensureStatsBuilt).
 */
export const BUILT_MARKER = { unionId: -1, year: 0, dim: "built", value: "" } as const;

export function markBuiltSql() {
  return Prisma.sql`INSERT INTO "StatCount" ("unionId", "year", "dim", "value")
    VALUES (${BUILT_MARKER.unionId}, ${BUILT_MARKER.year}, ${BUILT_MARKER.dim}, ${BUILT_MARKER.value})`;
}

export function deleteStatCountSql(target: StatTarget | null) {
  if (!target) return Prisma.sql`DELETE FROM "StatCount"`;
  const only = target.only
    ? Prisma.sql`AND "dim" = ${target.only.dim} AND "value" IN (${Prisma.join(target.only.values)})`
    : Prisma.empty;
  return Prisma.sql`DELETE FROM "StatCount" WHERE "unionId" IN (${Prisma.join(target.unionIds)})
    AND "year" IN (${Prisma.join(target.years)}) ${only}`;
}

export type StatDelta = {
  unionId: number;
  year: number;
  dim: string;
  value: string;
  entries: number;
  workers: number;
  organisations: number;
  firstPrizes: number;
  secondPrizes: number;
  thirdPrizes: number;
  meritPrizes: number;
};

/** Adds deltas to StatCount rows, creating them as needed (one statement). */
export function applyStatDeltasSql(deltas: readonly StatDelta[]) {
  return Prisma.sql`
    INSERT INTO "StatCount" ("unionId", "year", "dim", "value", "entries", "workers",
      "organisations", "firstPrizes", "secondPrizes", "thirdPrizes", "meritPrizes")
    VALUES ${Prisma.join(
      deltas.map(
        (d) =>
          Prisma.sql`(${d.unionId}, ${d.year}, ${d.dim}, ${d.value}, ${d.entries}, ${d.workers},
            ${d.organisations}, ${d.firstPrizes}, ${d.secondPrizes}, ${d.thirdPrizes}, ${d.meritPrizes})`,
      ),
    )}
    ON CONFLICT ("unionId", "year", "dim", "value") DO UPDATE SET
      "entries" = "StatCount"."entries" + excluded."entries",
      "workers" = "StatCount"."workers" + excluded."workers",
      "organisations" = "StatCount"."organisations" + excluded."organisations",
      "firstPrizes" = "StatCount"."firstPrizes" + excluded."firstPrizes",
      "secondPrizes" = "StatCount"."secondPrizes" + excluded."secondPrizes",
      "thirdPrizes" = "StatCount"."thirdPrizes" + excluded."thirdPrizes",
      "meritPrizes" = "StatCount"."meritPrizes" + excluded."meritPrizes"`;
}

/**
 * A set of workers' and organisations' counted participations in the given years: one row
 * per (member, event, entrant organisation). `kind` says which member column matched.
 */
export function participationsSql(input: {
  workerIds: number[];
  organisationIds: number[];
  years: number[];
}) {
  const years = Prisma.join(input.years);
  const parts: Prisma.Sql[] = [];
  if (input.workerIds.length > 0) {
    const ids = Prisma.join(input.workerIds);
    parts.push(Prisma.sql`
      SELECT 'w' AS "kind", "r"."workerId" AS "memberId", "r"."eventId", "r"."organisationId"
      FROM "Registration" "r"
      JOIN "Event" "e" ON "e"."id" = "r"."eventId"
      JOIN "Contest" "c" ON "c"."id" = "e"."contestId"
      WHERE "r"."workerId" IN (${ids}) AND "r"."status" IN (${counted}) AND "c"."year" IN (${years})`);
    parts.push(Prisma.sql`
      SELECT 'w' AS "kind", "tm"."workerId" AS "memberId", "r"."eventId", "r"."organisationId"
      FROM "TeamMember" "tm"
      JOIN "Registration" "r" ON "r"."teamId" = "tm"."teamId"
      JOIN "Event" "e" ON "e"."id" = "r"."eventId"
      JOIN "Contest" "c" ON "c"."id" = "e"."contestId"
      WHERE "tm"."workerId" IN (${ids}) AND "r"."status" IN (${counted}) AND "c"."year" IN (${years})`);
  }
  if (input.organisationIds.length > 0) {
    parts.push(Prisma.sql`
      SELECT DISTINCT 'o' AS "kind", "r"."organisationId" AS "memberId", "r"."eventId", "r"."organisationId"
      FROM "Registration" "r"
      JOIN "Event" "e" ON "e"."id" = "r"."eventId"
      JOIN "Contest" "c" ON "c"."id" = "e"."contestId"
      WHERE "r"."organisationId" IN (${Prisma.join(input.organisationIds)})
        AND "r"."status" IN (${counted}) AND "c"."year" IN (${years})`);
  }
  return Prisma.join(parts, " UNION ALL ");
}

/** Published prizes of one event's counted entries, per entrant organisation and tier. */
export function eventPrizeTallySql(eventId: number) {
  return Prisma.sql`
    SELECT "r"."organisationId", "res"."prize", COUNT(*) AS "n"
    FROM "Result" "res"
    JOIN "Registration" "r" ON "r"."id" = "res"."registrationId"
    JOIN "Event" "e" ON "e"."id" = "res"."eventId"
    WHERE "res"."eventId" = ${eventId} AND "e"."status" = 'published'
      AND "res"."prize" IS NOT NULL AND "r"."status" IN (${counted})
    GROUP BY "r"."organisationId", "res"."prize"`;
}

/**
 * Quiz participation, maintained in StatCount as one row per quiz: unionId 0, year 0, dim
 * "quiz", value the quiz id; entries = finished attempts, workers = workers who finished one.
 * Counting 530,000 attempts per look costs far more than the statistics page may take.
 */
export const QUIZ_ROW = { unionId: 0, year: 0, dim: "quiz" } as const;

/** Whether this worker had finished another attempt of the quiz (they are counted once). */
export function otherFinishedAttemptSql(quizId: number, workerId: number, attemptId: number) {
  return Prisma.sql`
    SELECT 1 AS "found" FROM "QuizAttempt"
    WHERE "quizId" = ${quizId} AND "workerId" = ${workerId} AND "id" <> ${attemptId}
      AND "status" IN (${finished})
    LIMIT 1`;
}

/** An organisation column's rows within a scope (the whole platform: any organisation). */
function organisationInScope(column: string, scope: OrganiserScope) {
  if (scope.kind === "platform") return Prisma.sql`${Prisma.raw(column)} IS NOT NULL`;
  // Paths are made of digits and slashes: nothing in them is special to LIKE.
  return Prisma.sql`${Prisma.raw(column)} IN (
    SELECT "id" FROM "Organisation" WHERE "path" LIKE ${`${scope.path}%`})`;
}

/**
 * The year's honoured workers in the scope, counted per combination of the attributes the
 * ratio checks look at (what the nomination recorded, else the worker's record): at most
 * sixteen rows, however many were honoured.
 */
export function honouredPeopleSql(scope: OrganiserScope, year: number) {
  return Prisma.sql`
    SELECT COALESCE("n"."frontLine", "w"."frontLine") AS "frontLine",
      COALESCE("n"."manager", "w"."manager") AS "manager",
      CASE WHEN "w"."gender" = 'female' THEN 1 ELSE 0 END AS "female",
      "w"."migrantWorker" AS "migrant", COUNT(*) AS "people"
    FROM "HonourAward" "h"
    JOIN "Worker" "w" ON "w"."id" = "h"."workerId"
    LEFT JOIN "Nomination" "n" ON "n"."id" = "h"."nominationId"
    WHERE "h"."year" = ${year} AND ${organisationInScope(`"h"."organisationId"`, scope)}
    GROUP BY 1, 2, 3, 4`;
}

/** The rules of the rounds that conferred the year's honours to workers in the scope. */
export function honourRoundRulesSql(scope: OrganiserScope, year: number) {
  return Prisma.sql`
    SELECT DISTINCT "r"."rules"
    FROM "HonourAward" "h"
    JOIN "Nomination" "n" ON "n"."id" = "h"."nominationId"
    JOIN "NominationRound" "r" ON "r"."id" = "n"."roundId"
    WHERE "h"."year" = ${year} AND "h"."workerId" IS NOT NULL
      AND ${organisationInScope(`"h"."organisationId"`, scope)}`;
}
