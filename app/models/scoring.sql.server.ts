// The scoring aggregate's hand-written SQL (the judge's sheet save runs on it through
// sqlWrite): the same rows that results.server.ts reads and writes through Prisma, read and
// written as prepared statements on either engine. Through Prisma each statement cost about
// 0.3 ms of overhead, here a few microseconds. The save issues its reads together, then its
// writes together (functions here return statements rather than running them), so on
// PostgreSQL's pipelined connections a save is three round trips — locks and reads, writes,
// commit — instead of one per statement. Scoring arithmetic stays in app/domain (via
// entryResultRow).
import type { Sql } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { AuditEntry } from "~/models/audit.server";
import { resultChangeStatements, type ResultState } from "~/models/ranking-tables.server";
import {
  entryResultRow,
  scoringOf,
  JUDGED_STATUSES,
  type EntryRow,
  type EventScoring,
  type ScoringEventRow,
  type StoredMark,
} from "~/models/results.server";

type EventColumns = Omit<
  ScoringEventRow,
  | "contest"
  | "parts"
  | "judges"
  | "lockedAt"
  | "publishedAt"
  | "noticeEndsAt"
  | "scoringOpensAt"
  | "scoringClosesAt"
> & {
  lockedAt: Date | null;
  publishedAt: Date | null;
  noticeEndsAt: Date | null;
  scoringOpensAt: Date | null;
  scoringClosesAt: Date | null;
  contestStartsAt: Date | null;
  contestId: number;
  contestCode: string;
  contestName: string;
  noticeDays: number;
  contestKind: string;
  theoryCapPct: number | null;
};
type PartRow = Omit<ScoringEventRow["parts"][number], "criteria">;
type CriterionRow = ScoringEventRow["parts"][number]["criteria"][number] & { partId: number };
export type JudgeRow = {
  userId: number;
  isChief: number;
  reserve: number;
  organisationId: number | null;
  displayName: string;
  username: string;
};

/** The event's judges in assignment order, with their units (the panel rules read these). */
export function eventJudgesSql(sql: Sql, eventId: number): Promise<JudgeRow[]> {
  return sql.rows<JudgeRow>(
    Prisma.sql`SELECT j."userId", j."isChief", j."reserve", u."organisationId", u."displayName", u."username"
     FROM "JudgeAssignment" j JOIN "User" u ON u."id" = j."userId" WHERE j."eventId" = ${eventId} ORDER BY j."id"`,
  );
}

/**
 * loadEventScoring on the raw connection: the same shape, ordered the same way. The four
 * reads are issued together (one round trip on PostgreSQL's pipelined connections).
 */
export async function loadEventScoringSql(sql: Sql, eventId: number): Promise<EventScoring | null> {
  const [e, parts, criteria, judges] = await Promise.all([
    sql.one<EventColumns>(
      Prisma.sql`SELECT e."id", e."code", e."name", e."status", e."fullMark", e."aggregation", e."tieBreaks", e."prizeRules",
       e."lockedAt", e."publishedAt", e."noticeEndsAt", e."standardisedDecimals",
       e."recheckTopN", e."recheckShareBp", e."recheckErrorBp", e."recheckFullReviewAt",
       e."scoringOpensAt", e."scoringClosesAt",
       c."id" AS "contestId", c."code" AS "contestCode", c."name" AS "contestName", c."noticeDays", c."kind" AS "contestKind",
       c."theoryCapPct", c."startsAt" AS "contestStartsAt"
     FROM "Event" e JOIN "Contest" c ON c."id" = e."contestId" WHERE e."id" = ${eventId}`,
    ),
    sql.rows<PartRow>(
      Prisma.sql`SELECT "id", "kind", "name", "weight", "fullMark", "sortOrder" FROM "EventPart" WHERE "eventId" = ${eventId} ORDER BY "sortOrder", "id"`,
    ),
    sql.rows<CriterionRow>(
      Prisma.sql`SELECT c."id", c."partId", c."code", c."name", c."subCriterion", c."type", c."maxMark", c."aggregation", c."descriptors", c."sortOrder"
     FROM "Criterion" c JOIN "EventPart" p ON p."id" = c."partId" WHERE p."eventId" = ${eventId} ORDER BY c."sortOrder", c."id"`,
    ),
    eventJudgesSql(sql, eventId),
  ]);
  if (!e) return null;
  return scoringOf({
    id: e.id,
    code: e.code,
    name: e.name,
    status: e.status,
    fullMark: e.fullMark,
    aggregation: e.aggregation,
    tieBreaks: e.tieBreaks,
    prizeRules: e.prizeRules,
    lockedAt: e.lockedAt,
    publishedAt: e.publishedAt,
    noticeEndsAt: e.noticeEndsAt,
    standardisedDecimals: e.standardisedDecimals,
    recheckTopN: e.recheckTopN,
    recheckShareBp: e.recheckShareBp,
    recheckErrorBp: e.recheckErrorBp,
    recheckFullReviewAt: e.recheckFullReviewAt,
    scoringOpensAt: e.scoringOpensAt,
    scoringClosesAt: e.scoringClosesAt,
    contest: {
      id: e.contestId,
      code: e.contestCode,
      name: e.contestName,
      noticeDays: e.noticeDays,
      kind: e.contestKind,
      theoryCapPct: e.theoryCapPct,
      startsAt: e.contestStartsAt,
    },
    parts: parts.map((p) => ({
      ...p,
      criteria: criteria.filter((c) => c.partId === p.id).map(({ partId: _partId, ...c }) => c),
    })),
    judges: judges.map((j) => ({
      userId: j.userId,
      isChief: j.isChief === 1,
      reserve: j.reserve === 1,
      user: { organisationId: j.organisationId, displayName: j.displayName, username: j.username },
    })),
  });
}

export type JudgedEntry = EntryRow & { blindCode: string };

/**
 * A judged (approved or checked-in, blind-coded) entry of the event, or null; found by its
 * registration id, or by its blind code (how judges address entries).
 */
export async function loadJudgedEntrySql(
  sql: Sql,
  eventId: number,
  entry: number | { blindCode: string },
): Promise<JudgedEntry | null> {
  const which =
    typeof entry === "number"
      ? Prisma.sql`g."id" = ${entry}`
      : Prisma.sql`g."blindCode" = ${entry.blindCode}`;
  const row = await sql.one<{
    id: number;
    organisationId: number;
    blindCode: string;
    parentId: number | null;
  }>(
    Prisma.sql`SELECT g."id", g."organisationId", g."blindCode", o."parentId"
     FROM "Registration" g JOIN "Organisation" o ON o."id" = g."organisationId"
     WHERE ${which} AND g."eventId" = ${eventId}
       AND g."status" IN (${Prisma.join(JUDGED_STATUSES)}) AND g."blindCode" IS NOT NULL`,
  );
  if (!row) return null;
  return {
    id: row.id,
    organisationId: row.organisationId,
    blindCode: row.blindCode,
    organisation: { id: row.organisationId, parentId: row.parentId },
  };
}

export type StoredMarkRow = StoredMark & { id: number; version: number };

export function entryMarksSql(sql: Sql, registrationId: number): Promise<StoredMarkRow[]> {
  return sql.rows<StoredMarkRow>(
    Prisma.sql`SELECT "id", "registrationId", "criterionId", "judgeId", "value", "version" FROM "Mark" WHERE "registrationId" = ${registrationId}`,
  );
}

export type JudgeSheetRow = {
  id: number;
  partId: number;
  version: number;
  status: string;
  draft: string | null;
};

/** A judge's sheets of an entry (one per part they have saved). */
export function judgeSheetsSql(
  sql: Sql,
  registrationId: number,
  judgeId: number,
): Promise<JudgeSheetRow[]> {
  return sql.rows<JudgeSheetRow>(
    Prisma.sql`SELECT "id", "partId", "version", "status", "draft" FROM "ScoreSheet" WHERE "registrationId" = ${registrationId} AND "judgeId" = ${judgeId}`,
  );
}

type ResultColumns = {
  rankKey: number | bigint | null;
  total: number | null;
  prize: string | null;
};

/** The entry's Result as the ranking tables know it, or null when it has none. */
export async function resultStateSql(
  sql: Sql,
  registrationId: number,
): Promise<ResultState | null> {
  const row = await sql.one<ResultColumns>(
    Prisma.sql`SELECT "rankKey", "total", "prize" FROM "Result" WHERE "registrationId" = ${registrationId}`,
  );
  return row
    ? {
        rankKey: row.rankKey === null ? null : BigInt(row.rankKey),
        total: row.total,
        prize: row.prize,
      }
    : null;
}

/**
 * refreshEntryResult as statements: the entry's Result row recomputed from `marks` (all of
 * the entry's marks as they will stand), and the change applied to the ranking tables.
 * `before` is the Result as it stood (resultStateSql) and `freezeAt` the event's scoreboard
 * freeze (freezeAtSql), both read in the same transaction.
 */
export function entryResultSql(
  scoring: EventScoring,
  entry: EntryRow,
  marks: StoredMark[],
  before: ResultState | null,
  freezeAt: number | null,
  now: Date,
): Prisma.Sql[] {
  const data = entryResultRow(scoring, entry, marks);
  if (!data) return [];
  return [
    Prisma.sql`INSERT INTO "Result" ("registrationId", "eventId", "organisationId", "total", "rankKey", "detail", "complete", "updatedAt")
     VALUES (${entry.id}, ${scoring.event.id}, ${entry.organisationId}, ${data.total}, ${data.rankKey}, ${data.detail}, ${data.complete}, ${now})
     ON CONFLICT ("registrationId") DO UPDATE SET "total" = excluded."total", "rankKey" = excluded."rankKey",
       "detail" = excluded."detail", "complete" = excluded."complete", "updatedAt" = excluded."updatedAt"`,
    ...resultChangeStatements(
      {
        eventId: scoring.event.id,
        organisationId: entry.organisationId,
        registrationId: entry.id,
        before,
        after: { rankKey: data.rankKey, total: data.total, prize: before?.prize ?? null },
      },
      freezeAt,
      now.getTime(),
    ),
  ];
}

/** The entry's finished recheck (复核), if it has one. */
export function doneRecheckSql(
  sql: Sql,
  registrationId: number,
): Promise<{ id: number } | undefined> {
  return sql.one<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "Recheck" WHERE "registrationId" = ${registrationId} AND "status" = 'done'`,
  );
}

/**
 * A recheck vouches for the marks as they were when it was done: when they change afterwards
 * (a judge re-saves while marking is open) the entry is rechecked again. The statement, and
 * the audit entry that says so.
 */
export function reopenRecheckSql(
  done: { id: number },
  registrationId: number,
  actorId: number,
): { statement: Prisma.Sql; audit: AuditEntry } {
  return {
    statement: Prisma.sql`UPDATE "Recheck" SET "status" = 'assigned', "doneAt" = NULL WHERE "id" = ${done.id}`,
    audit: recheckReopenAudit(registrationId, actorId, done.id),
  };
}

export function recheckReopenAudit(
  registrationId: number,
  actorId: number,
  recheckId: number,
): AuditEntry {
  return {
    actorId,
    action: "recheck.reopen",
    entityType: "Registration",
    entityId: registrationId,
    before: { recheckId, status: "done" },
    after: { recheckId, status: "assigned" },
    reason: "marks_changed",
  };
}
