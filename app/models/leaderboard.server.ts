// Reading leaderboards. Every question is answered from indexes and the maintained ranking
// tables (see ranking-tables.server.ts): a page is a keyset range on Result(eventId, rankKey),
// a rank is 1 + a sum over at most a few hundred count rows, organisation standings are a
// range on OrgStanding(eventId, bestNTotal). Nothing here scans or RANK()s an event.
// Raw keyset SQL rather than Prisma's cursor: the cursor form scans from the top of the event.
import { prisma, readSql, write } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { appendAudit } from "~/models/audit.server";
import { STANDARD_STORED_UNITS } from "~/domain/scoring";
import { publishChange } from "~/utils/live-events.server";
import { cacheTag, defineCache, dropTags } from "~/utils/cache.server";
import { rebuildOrgStandings } from "~/models/ranking-tables.server";
import { resultsArePublic, type ResultsVisibility } from "~/domain/contest/results-visibility";
import { PUBLIC_CONTEST_STATUSES } from "~/domain/contest/status";
import {
  assignPageRanks,
  cursorAfter,
  ranksAbove,
  distributionBins,
  rankStandings,
  ranksOfSorted,
  standingFigures,
  type BoardCursor,
  type StandingFigures,
} from "~/domain/ranking/board";
import {
  BUCKET_LEVEL_COARSE,
  BUCKET_LEVEL_TOTAL,
  CENTIMARKS_PER_COARSE_BUCKET,
  TOTAL_SHIFT,
  coarseBucketOfTotal,
  firstKeyOfTotal,
  totalOfKey,
} from "~/domain/ranking/buckets";
import { formatEntryNumber, parseEntryNumber } from "~/domain/registration/entry-numbers";

export const PAGE_SIZE = 50;

export type BoardEvent = {
  id: number;
  code: string;
  name: string;
  mode: string;
  fullMark: number;
  standingsBestN: number;
  status: string;
  freezeAt: string | null;
  publishedAt: string | null;
  /** on_publication | live: see app/domain/contest/results-visibility.ts */
  resultsVisibility: string;
  /** Decimals the standardised scores are shown with (set when ranks are written). */
  standardisedDecimals: number;
  contest: { id: number; code: string; name: string; showStandardised: boolean };
};

/**
 * One row of a public board. It carries no record id: the registration id is what judges'
 * pages used to carry, and a public id beside a name would join a blind code to a person.
 * `key` (the entry number, public anyway) tells rows apart for highlighting.
 */
export type BoardRow = {
  key: string;
  rank: number;
  total: number;
  rankKey: string;
  prize: string | null;
  /** Points on the 700 scale (stored in ten-thousandths of a point). */
  standardised: number | null;
  entryNumber: string | null;
  name: string;
  organisationId: number;
  organisation: string;
};

// Event metadata is read on every request; a short cache keeps it off the request path.
// A change of the event's board settings (freeze, best N, visibility) drops the entry, and so
// does a change of its results: publication changes who sees the board, and boards open at
// publication learn of it at once.
const boardEvents = defineCache({ name: "board-events", ttlMs: 1_000, max: 10_000 });

export function findBoardEvent(contestCode: string, eventCode: string): Promise<BoardEvent | null> {
  return boardEvents.get(
    `${contestCode}\u0000${eventCode}`,
    (event) => (event ? [cacheTag.event(event.id), cacheTag.results(event.id)] : []),
    () => readBoardEvent(contestCode, eventCode),
  );
}

async function readBoardEvent(contestCode: string, eventCode: string): Promise<BoardEvent | null> {
  const row = await prisma.event.findFirst({
    where: {
      code: eventCode,
      contest: { code: contestCode, status: { in: PUBLIC_CONTEST_STATUSES } },
    },
    select: {
      id: true,
      code: true,
      name: true,
      mode: true,
      fullMark: true,
      standingsBestN: true,
      status: true,
      freezeAt: true,
      publishedAt: true,
      resultsVisibility: true,
      standardisedDecimals: true,
      contest: { select: { id: true, code: true, name: true, showStandardised: true } },
    },
  });
  return row
    ? {
        ...row,
        freezeAt: row.freezeAt?.toISOString() ?? null,
        publishedAt: row.publishedAt?.toISOString() ?? null,
      }
    : null;
}

/** True while the public must see the board as it was at freezeAt. */
export function isFrozen(event: Pick<BoardEvent, "freezeAt">, now = Date.now()): boolean {
  return event.freezeAt !== null && Date.parse(event.freezeAt) <= now;
}

type RawRow = {
  registrationId: number;
  total: number;
  rankKey: bigint;
  prize: string | null;
  standardised: number | null;
  entryNumber: string | null;
  workerName: string | null;
  teamName: string | null;
  organisationId: number;
  organisation: string;
};

// Leaderboard questions run on the raw read connection (readSql): through Prisma each query
// carried about 0.3 ms of overhead, several times SQLite's own work on these indexes.
function sqlRows<R extends unknown[]>(fragment: Prisma.Sql): Promise<R> {
  return readSql().rows(fragment) as Promise<R>;
}

// LIMIT and OFFSET as literals: with a bound LIMIT, SQLite's keyset probes ran 4× slower
// (0.054 ms against 0.013 ms at the bottom of the 500k event). Whole numbers only.
function literalLimit(n: number): Prisma.Sql {
  return Prisma.raw(
    String(Math.max(0, Math.min(1_000_000, Math.trunc(Number.isFinite(n) ? n : 0)))),
  );
}

const ROW_COLUMNS = Prisma.sql`r."registrationId", r."total", r."rankKey", r."prize", r."standardised",
  g."entryNumber", w."name" AS "workerName", t."name" AS "teamName", r."organisationId", o."name" AS "organisation"`;
const ROW_JOINS = Prisma.sql`JOIN "Registration" g ON g."id" = r."registrationId"
  LEFT JOIN "Worker" w ON w."id" = g."workerId"
  LEFT JOIN "Team" t ON t."id" = g."teamId"
  JOIN "Organisation" o ON o."id" = r."organisationId"`;

function toRow(raw: RawRow, rank: number, override?: FrozenEntry): BoardRow {
  const name = raw.teamName ?? raw.workerName ?? "";
  return {
    key: raw.entryNumber ?? `${rank}·${name}`,
    rank,
    total: Number(override ? override.total : raw.total),
    rankKey: String(override ? override.rankKey : raw.rankKey),
    prize: override ? override.prize : raw.prize,
    standardised:
      override || raw.standardised === null
        ? null
        : Number(raw.standardised) / STANDARD_STORED_UNITS,
    entryNumber: raw.entryNumber,
    name,
    organisationId: Number(raw.organisationId),
    organisation: raw.organisation,
  };
}

// ─────────────── live board: keyset pages and counted ranks ───────────────

/** Entries ranked above `rankKey` and sharing it, from the count tables. */
export async function countsAround(
  eventId: number,
  rankKey: bigint,
): Promise<{ above: number; tied: number }> {
  const total = totalOfKey(rankKey);
  const coarse = coarseBucketOfTotal(total);
  const [row] = await sqlRows<
    {
      a: bigint | number | null;
      b: bigint | number | null;
      c: bigint | number | null;
      tied: number | null;
    }[]
  >(Prisma.sql`
    SELECT
      (SELECT SUM("count") FROM "ScoreBucket" WHERE "eventId" = ${eventId} AND "level" = ${BUCKET_LEVEL_COARSE} AND "bucket" > ${coarse}) AS a,
      (SELECT SUM("count") FROM "ScoreBucket" WHERE "eventId" = ${eventId} AND "level" = ${BUCKET_LEVEL_TOTAL}
         AND "bucket" > ${total} AND "bucket" < ${(coarse + 1) * CENTIMARKS_PER_COARSE_BUCKET}) AS b,
      (SELECT SUM("count") FROM "ScoreCount" WHERE "eventId" = ${eventId} AND "rankKey" > ${rankKey}
         AND "rankKey" < ${firstKeyOfTotal(total + 1)}) AS c,
      (SELECT "count" FROM "ScoreCount" WHERE "eventId" = ${eventId} AND "rankKey" = ${rankKey}) AS tied`);
  return {
    above: Number(row?.a ?? 0) + Number(row?.b ?? 0) + Number(row?.c ?? 0),
    tied: Number(row?.tied ?? 0),
  };
}

// The field size changes only with results: kept for a second, dropped at the event's next change.
const fieldSizes = defineCache({ name: "field-sizes", ttlMs: 1_000, max: 10_000 });

export function rankedCount(eventId: number): Promise<number> {
  return fieldSizes.get(String(eventId), [cacheTag.results(eventId)], () => countRanked(eventId));
}

async function countRanked(eventId: number): Promise<number> {
  const [row] = await sqlRows<{ n: bigint | number | null }[]>(Prisma.sql`
    SELECT SUM("count") AS n FROM "ScoreBucket" WHERE "eventId" = ${eventId} AND "level" = ${BUCKET_LEVEL_COARSE}`);
  return Number(row?.n ?? 0);
}

async function livePage(
  eventId: number,
  after: BoardCursor | null,
  limit: number,
): Promise<{ rows: BoardRow[]; next: BoardCursor | null }> {
  let raws: RawRow[];
  if (!after) {
    raws = await sqlRows<RawRow[]>(Prisma.sql`
        SELECT ${ROW_COLUMNS} FROM "Result" r ${ROW_JOINS}
        WHERE r."eventId" = ${eventId} AND r."rankKey" IS NOT NULL
        ORDER BY r."rankKey" DESC, r."registrationId" DESC LIMIT ${literalLimit(limit)}`);
  } else {
    // The rest of the cursor's tie, then the keys below it.
    const tied = await sqlRows<RawRow[]>(Prisma.sql`
        SELECT ${ROW_COLUMNS} FROM "Result" r ${ROW_JOINS}
        WHERE r."eventId" = ${eventId} AND r."rankKey" = ${after.rankKey}
        ORDER BY r."registrationId" DESC LIMIT ${literalLimit(limit)} OFFSET ${literalLimit(after.skip)}`);
    const below =
      tied.length < limit
        ? await sqlRows<RawRow[]>(Prisma.sql`
        SELECT ${ROW_COLUMNS} FROM "Result" r ${ROW_JOINS}
        WHERE r."eventId" = ${eventId} AND r."rankKey" < ${after.rankKey}
        ORDER BY r."rankKey" DESC, r."registrationId" DESC LIMIT ${literalLimit(limit - tied.length)}`)
        : [];
    raws = [...tied, ...below];
  }
  if (raws.length === 0) return { rows: [], next: null };
  const keys = raws.map((r) => BigInt(r.rankKey));
  let above = 0;
  let tied = keys.filter((k) => k === keys[0]).length;
  if (after) ({ above, tied } = await countsAround(eventId, keys[0]!));
  const ranks = assignPageRanks(keys, above, tied);
  return { rows: raws.map((r, i) => toRow(r, ranks[i]!)), next: cursorAfter(keys, after, limit) };
}

// Entries above a row's key, from the count tables, as SQL over the row's own rankKey so the
// row and its rank come back in one round trip.
const ABOVE_SQL = (key: Prisma.Sql, eventId: number) => Prisma.sql`
  COALESCE((SELECT SUM("count") FROM "ScoreBucket" WHERE "eventId" = ${eventId} AND "level" = ${BUCKET_LEVEL_COARSE}
     AND "bucket" > (${key} >> ${TOTAL_SHIFT}) / ${CENTIMARKS_PER_COARSE_BUCKET}), 0)
  + COALESCE((SELECT SUM("count") FROM "ScoreBucket" WHERE "eventId" = ${eventId} AND "level" = ${BUCKET_LEVEL_TOTAL}
     AND "bucket" > (${key} >> ${TOTAL_SHIFT})
     AND "bucket" < ((${key} >> ${TOTAL_SHIFT}) / ${CENTIMARKS_PER_COARSE_BUCKET} + 1) * ${CENTIMARKS_PER_COARSE_BUCKET}), 0)
  + COALESCE((SELECT SUM("count") FROM "ScoreCount" WHERE "eventId" = ${eventId} AND "rankKey" > ${key}
     AND "rankKey" < (((${key} >> ${TOTAL_SHIFT}) + 1) << ${TOTAL_SHIFT})), 0)`;

type RawRowWithCounts = RawRow & { above: number | bigint; keyCount: number | bigint | null };

/** An entry, its rank, and `span` entries either side: two round trips at any depth. */
async function liveRowsAround(
  event: BoardEvent,
  where: { registrationId: number } | { entryNumber: string },
  span: number,
): Promise<{ me: BoardRow; above: BoardRow[]; below: BoardRow[] } | null> {
  const match =
    "entryNumber" in where
      ? Prisma.sql`g."eventId" = ${event.id} AND g."entryNumber" = ${where.entryNumber}`
      : Prisma.sql`r."registrationId" = ${where.registrationId} AND r."eventId" = ${event.id}`;
  const [me] = await sqlRows<RawRowWithCounts[]>(Prisma.sql`
    SELECT ${ROW_COLUMNS}, ${ABOVE_SQL(Prisma.sql`r."rankKey"`, event.id)} AS "above",
      (SELECT "count" FROM "ScoreCount" s WHERE s."eventId" = r."eventId" AND s."rankKey" = r."rankKey") AS "keyCount"
    FROM "Result" r ${ROW_JOINS}
    WHERE ${match} AND r."rankKey" IS NOT NULL`);
  if (!me) return null;
  const key = BigInt(me.rankKey);
  const id = Number(me.registrationId);
  const meRow = toRow(me, Number(me.above) + 1);
  if (span === 0) return { me: meRow, above: [], below: [] };
  // Two keyset probes from the entry's own position (as one UNION, SQLite took 3× longer),
  // issued together (on PostgreSQL they run side by side).
  const [aboveRaw, belowRaw] = await Promise.all([
    sqlRows<(RawRow & { keyCount: number | bigint | null })[]>(Prisma.sql`
    SELECT ${ROW_COLUMNS},
      (SELECT "count" FROM "ScoreCount" s WHERE s."eventId" = r."eventId" AND s."rankKey" = r."rankKey") AS "keyCount"
    FROM "Result" r ${ROW_JOINS}
    WHERE r."eventId" = ${event.id} AND r."rankKey" >= ${key} AND NOT (r."rankKey" = ${key} AND r."registrationId" <= ${id})
    ORDER BY r."rankKey" ASC, r."registrationId" ASC LIMIT ${literalLimit(span)}`),
    sqlRows<RawRow[]>(Prisma.sql`
    SELECT ${ROW_COLUMNS} FROM "Result" r ${ROW_JOINS}
    WHERE r."eventId" = ${event.id} AND r."rankKey" <= ${key} AND NOT (r."rankKey" = ${key} AND r."registrationId" >= ${id})
    ORDER BY r."rankKey" DESC, r."registrationId" DESC LIMIT ${literalLimit(span)}`),
  ]);
  const upRanks = ranksAbove(
    { rank: meRow.rank, rankKey: key },
    aboveRaw.map((r) => ({ rankKey: BigInt(r.rankKey), keyCount: Number(r.keyCount ?? 0) })),
  );
  const downRanks = assignPageRanks(
    [key, ...belowRaw.map((r) => BigInt(r.rankKey))],
    Number(me.above),
    Number(me.keyCount ?? 1),
  );
  return {
    me: meRow,
    above: aboveRaw.map((r, i) => toRow(r, upRanks[i]!)).reverse(),
    below: belowRaw.map((r, i) => toRow(r, downRanks[i + 1]!)),
  };
}

// ─────────────── frozen board: the live results with the pre-freeze values laid over ───────────────

type FrozenEntry = { registrationId: number; rankKey: bigint; total: number; prize: string | null };
type FrozenBoard = { entries: FrozenEntry[]; ranks: number[]; position: Map<number, number> };

// A frozen board never changes while the freeze lasts (later changes only add pre-freeze
// copies of values it already holds), so it is built once per freeze and kept: results
// changes leave it alone, a change of the board settings (a new or lifted freeze) drops it.
// Keyed by the freeze time too, so a board of an earlier freeze is never served.
const frozenBoards = defineCache({ name: "frozen-boards", ttlMs: Infinity, max: 32 });

// A new or lifted freeze, in any process, voids the board built for the old one (the same
// freeze time set again starts from the live results, so the time alone does not tell): the
// board carries its event's settings tag, dropped by every board-settings change on the bus.
// Concurrent viewers of a newly frozen board share one build.
function frozenBoard(event: BoardEvent): Promise<FrozenBoard> {
  return frozenBoards.get(`${event.id}|${event.freezeAt}`, [cacheTag.event(event.id)], () =>
    buildFrozenBoard(event),
  );
}

type StoredResult = {
  registrationId: number;
  rankKey: bigint | null;
  total: number | null;
  prize: string | null;
};

/** An event's rows of Result, or of FrozenResult (the same columns, as they were at the freeze). */
function resultsOf(table: Prisma.Sql, eventId: number): Promise<StoredResult[]> {
  return sqlRows<StoredResult[]>(Prisma.sql`
    SELECT "registrationId", "rankKey", "total", "prize" FROM ${table} WHERE "eventId" = ${eventId}`);
}

async function buildFrozenBoard(event: BoardEvent): Promise<FrozenBoard> {
  const [live, overrides] = await Promise.all([
    resultsOf(Prisma.sql`"Result"`, event.id),
    resultsOf(Prisma.sql`"FrozenResult"`, event.id),
  ]);
  const byId = new Map(live.map((r) => [Number(r.registrationId), r]));
  for (const o of overrides) byId.set(Number(o.registrationId), o);
  const entries: FrozenEntry[] = [];
  for (const [registrationId, r] of byId) {
    if (r.rankKey === null || r.total === null) continue;
    entries.push({
      registrationId,
      rankKey: BigInt(r.rankKey),
      total: Number(r.total),
      prize: r.prize,
    });
  }
  entries.sort((a, b) =>
    a.rankKey === b.rankKey ? b.registrationId - a.registrationId : a.rankKey > b.rankKey ? -1 : 1,
  );
  const ranks = ranksOfSorted(entries.map((e) => e.rankKey));
  const position = new Map(entries.map((e, i) => [e.registrationId, i]));
  return { entries, ranks, position };
}

async function hydrate(board: FrozenBoard, from: number, to: number): Promise<BoardRow[]> {
  const slice = board.entries.slice(from, to);
  if (slice.length === 0) return [];
  const raws = await sqlRows<RawRow[]>(Prisma.sql`
    SELECT ${ROW_COLUMNS} FROM "Result" r ${ROW_JOINS}
    WHERE r."registrationId" IN (${Prisma.join(slice.map((e) => e.registrationId))})`);
  const byId = new Map(raws.map((r) => [Number(r.registrationId), r]));
  return slice.flatMap((e, i) => {
    const raw = byId.get(e.registrationId);
    return raw ? [toRow(raw, board.ranks[from + i]!, e)] : [];
  });
}

function frozenStart(board: FrozenBoard, after: BoardCursor | null): number {
  if (!after) return 0;
  // Binary search for the first entry holding the cursor's key or a lower one, then past
  // the entries of that key already shown.
  let lo = 0;
  let hi = board.entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (board.entries[mid]!.rankKey <= after.rankKey) hi = mid;
    else lo = mid + 1;
  }
  let start = lo;
  for (let n = 0; n < after.skip && board.entries[start]?.rankKey === after.rankKey; n++) start++;
  return start;
}

// ─────────────── the questions the pages ask ───────────────

/**
 * What this viewer may see of the board: `hidden` before publication unless the organiser
 * chose live scores (app/domain/contest/results-visibility.ts), `frozen` during a freeze.
 * The organiser always sees the live board.
 */
export type BoardView = { frozen: boolean; hidden: boolean };

export async function boardPage(
  event: BoardEvent,
  view: BoardView,
  after: BoardCursor | null,
  limit = PAGE_SIZE,
): Promise<{ rows: BoardRow[]; ranked: number; next: BoardCursor | null }> {
  if (view.hidden) return { rows: [], ranked: 0, next: null };
  if (view.frozen) {
    const board = await frozenBoard(event);
    const start = frozenStart(board, after);
    const rows = await hydrate(board, start, start + limit);
    const keys = board.entries.slice(start, start + rows.length).map((e) => e.rankKey);
    return { rows, ranked: board.entries.length, next: cursorAfter(keys, after, limit) };
  }
  const [page, ranked] = await Promise.all([
    livePage(event.id, after, limit),
    rankedCount(event.id),
  ]);
  return { ...page, ranked };
}

/**
 * The entry number a visitor means by what they typed into "my rank", when it is not the exact
 * number: the number in capitals, its sequence alone (“0002” or “2”, printed large on the
 * entry card), or the name of the competitor or team when exactly one ranked entry of the
 * event has it. Several entries of that name answer how many, so the page can ask for the
 * number.
 */
export async function entryNumberMeant(
  event: BoardEvent,
  typed: string,
): Promise<{ entryNumber: string } | { sameName: number } | null> {
  if (/^\d{1,6}$/.test(typed)) {
    const seq = Number(typed);
    if (seq < 1) return null;
    try {
      return { entryNumber: formatEntryNumber(event.contest.code, event.code, seq) };
    } catch {
      // Codes from before entry numbers were checked: only the full number finds them.
      return null;
    }
  }
  if (parseEntryNumber(typed)) return { entryNumber: typed.toUpperCase() };
  // Two indexed lookups (workers by name, then their entry in this event; the event's teams by
  // name) instead of one OR across both joins, which made the planner walk every entry of
  // the event: 0.2 s per "my rank" on a 500,000-entry board.
  const named = await sqlRows<{ entryNumber: string }[]>(Prisma.sql`
    SELECT g."entryNumber" FROM "Worker" w
      JOIN "Registration" g ON g."eventId" = ${event.id} AND g."workerId" = w."id"
      JOIN "Result" r ON r."registrationId" = g."id" AND r."rankKey" IS NOT NULL
    WHERE w."name" = ${typed} AND g."entryNumber" IS NOT NULL
    UNION ALL
    SELECT g."entryNumber" FROM "Team" t
      JOIN "Registration" g ON g."teamId" = t."id"
      JOIN "Result" r ON r."registrationId" = g."id" AND r."rankKey" IS NOT NULL
    WHERE t."eventId" = ${event.id} AND t."name" = ${typed} AND g."entryNumber" IS NOT NULL
    LIMIT 21`);
  if (named.length === 1) return { entryNumber: named[0]!.entryNumber };
  return named.length > 1 ? { sameName: named.length } : null;
}

/** "My rank": the entry with this number, its rank and total, and the entries just above and below. */
export async function myRank(event: BoardEvent, view: BoardView, entryNumber: string, span = 2) {
  if (view.hidden) return null;
  if (!view.frozen) return liveRowsAround(event, { entryNumber }, span);
  const reg = await prisma.registration.findUnique({
    where: { eventId_entryNumber: { eventId: event.id, entryNumber } },
    select: { id: true },
  });
  if (!reg) return null;
  const board = await frozenBoard(event);
  const at = board.position.get(reg.id);
  if (at === undefined) return null;
  const from = Math.max(0, at - span);
  const rows = await hydrate(board, from, at + span + 1);
  const mine = at - from;
  return { me: rows[mine]!, above: rows.slice(0, mine), below: rows.slice(mine + 1) };
}

/** Ranked entries whose name starts with, entry number equals, or organisation name contains `q`. */
export async function searchBoard(
  event: BoardEvent,
  view: BoardView,
  q: string,
  limit = 20,
): Promise<BoardRow[]> {
  const text = q.trim().slice(0, 40);
  if (!text || view.hidden) return [];
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Each way of matching is its own indexed query with its own limit, so a common surname or a
  // big organisation never turns into a scan of the event; the best-ranked matches win.
  const [byNumber, byName, byTeam, orgs] = await Promise.all([
    sqlRows<{ id: number }[]>(Prisma.sql`
      SELECT g."id" FROM "Registration" g WHERE g."eventId" = ${event.id} AND g."entryNumber" = ${text}`),
    sqlRows<{ id: number }[]>(Prisma.sql`
      SELECT g."id" FROM "Registration" g JOIN "Result" r ON r."registrationId" = g."id"
      WHERE g."eventId" = ${event.id} AND r."rankKey" IS NOT NULL
        AND g."workerId" IN (SELECT w."id" FROM "Worker" w WHERE w."name" >= ${text} AND w."name" < ${`${text}\u{10FFFF}`} LIMIT 2000)
      ORDER BY +r."rankKey" DESC LIMIT ${literalLimit(limit)}`),
    sqlRows<{ id: number }[]>(Prisma.sql`
      SELECT g."id" FROM "Team" t JOIN "Registration" g ON g."teamId" = t."id"
      WHERE t."eventId" = ${event.id} AND t."name" LIKE ${like} ESCAPE '\\' LIMIT ${literalLimit(limit)}`),
    sqlRows<{ id: number }[]>(Prisma.sql`
      SELECT "id" FROM "Organisation" WHERE "name" LIKE ${like} ESCAPE '\\' OR "shortName" LIKE ${like} ESCAPE '\\' LIMIT 50`),
  ]);
  const byOrg = orgs.length
    ? await sqlRows<{ id: number }[]>(Prisma.sql`
        SELECT r."registrationId" AS "id" FROM "Result" r
        WHERE r."eventId" = ${event.id} AND r."organisationId" IN (${Prisma.join(orgs.map((o) => Number(o.id)))}) AND r."rankKey" IS NOT NULL
        ORDER BY +r."rankKey" DESC LIMIT ${literalLimit(limit)}`)
    : [];
  const ids = [...new Set([...byNumber, ...byName, ...byTeam, ...byOrg].map((r) => Number(r.id)))];
  const found: { id: number; row: BoardRow }[] = [];
  for (const id of ids) {
    const around = await (view.frozen
      ? myRankById(event, id)
      : liveRowsAround(event, { registrationId: id }, 0));
    if (around) found.push({ id, row: around.me });
  }
  return found
    .sort((a, b) => a.row.rank - b.row.rank || b.id - a.id)
    .slice(0, limit)
    .map((f) => f.row);
}

async function myRankById(event: BoardEvent, registrationId: number) {
  const board = await frozenBoard(event);
  const at = board.position.get(registrationId);
  if (at === undefined) return null;
  const [me] = await hydrate(board, at, at + 1);
  return me ? { me } : null;
}

/**
 * Every ranked row in board order, a keyset page at a time (exports). Pages are small so
 * that an export, which yields between pages, never holds other requests up for long.
 */
export async function* allBoardRows(
  event: BoardEvent,
  view: BoardView,
  pageSize = 500,
): AsyncGenerator<BoardRow[]> {
  let after: BoardCursor | null = null;
  for (;;) {
    const { rows, next } = await boardPage(event, view, after, pageSize);
    if (rows.length > 0) yield rows;
    if (!next) return;
    after = next;
  }
}

/** Score distribution from the per-whole-mark counts (no scan of the event). */
export async function distribution(event: BoardEvent, view: BoardView) {
  if (view.hidden) return distributionBins([], event.fullMark);
  if (view.frozen) {
    const board = await frozenBoard(event);
    const counts = new Map<number, number>();
    for (const e of board.entries) {
      const b = coarseBucketOfTotal(e.total);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    return distributionBins(
      [...counts].map(([bucket, count]) => ({ bucket, count })),
      event.fullMark,
    );
  }
  const rows = await prisma.scoreBucket.findMany({
    where: { eventId: event.id, level: BUCKET_LEVEL_COARSE },
    select: { bucket: true, count: true },
  });
  return distributionBins(rows, event.fullMark);
}

export type StandingRow = StandingFigures & {
  organisationId: number;
  organisation: string;
  rank: number;
};

type RawStanding = Record<keyof StandingFigures | "organisationId", unknown> & {
  organisation: string;
};

function toStanding(raw: RawStanding) {
  return {
    organisationId: Number(raw.organisationId),
    organisation: raw.organisation,
    ...standingFigures(raw),
  };
}

/** Organisation standings of one event (团体总分 of the best N), a page at a time. */
export async function eventStandings(
  eventId: number,
  view: BoardView,
  offset = 0,
  limit = PAGE_SIZE,
): Promise<StandingRow[]> {
  // A frozen board's standings would show what the freeze hides; a hidden one's, everything.
  if (view.hidden || view.frozen) return [];
  const rows = await sqlRows<RawStanding[]>(Prisma.sql`
    SELECT s."organisationId", o."name" AS "organisation", s."bestNTotal", s."entries", s."prizes",
      s."firstPrizes", s."secondPrizes", s."thirdPrizes", s."meritPrizes"
    FROM "OrgStanding" s JOIN "Organisation" o ON o."id" = s."organisationId"
    WHERE s."eventId" = ${eventId} AND s."entries" > 0
    ORDER BY s."bestNTotal" DESC, s."organisationId" ASC LIMIT ${literalLimit(limit)} OFFSET ${literalLimit(offset)}`);
  const normalised = rows.map(toStanding);
  let above = offset;
  if (offset > 0 && normalised[0]) {
    const [row] = await sqlRows<{ n: number | bigint }[]>(Prisma.sql`
      SELECT COUNT(*) AS n FROM "OrgStanding" WHERE "eventId" = ${eventId} AND "entries" > 0 AND "bestNTotal" > ${normalised[0].bestNTotal}`);
    above = Number(row?.n ?? 0);
  }
  return rankStandings(normalised, above);
}

// ─────────────── contests, organisations, workers ───────────────

export async function findBoardContest(code: string) {
  return prisma.contest.findFirst({
    where: { code, status: { in: PUBLIC_CONTEST_STATUSES } },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      events: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          code: true,
          name: true,
          mode: true,
          status: true,
          freezeAt: true,
          publishedAt: true,
          resultsVisibility: true,
          standingsBestN: true,
        },
      },
    },
  });
}

/**
 * Events whose results stay out of contest-wide tables for this viewer: frozen ones (the
 * public sees them again when the freeze lifts) and those not yet public (see BoardView).
 * The organiser sees everything.
 */
export function withheldEventIds(
  events: {
    id: number;
    status: string;
    freezeAt: Date | null;
    publishedAt: Date | null;
    resultsVisibility: string;
  }[],
  organiser: boolean,
  now = Date.now(),
): number[] {
  if (organiser) return [];
  return events
    .filter((e) => (e.freezeAt !== null && e.freezeAt.getTime() <= now) || !resultsArePublic(e))
    .map((e) => e.id);
}

/** Contests with events, for the results index. */
export async function listBoardContests() {
  return prisma.contest.findMany({
    where: { status: { in: PUBLIC_CONTEST_STATUSES }, events: { some: {} } },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    select: {
      code: true,
      name: true,
      kind: true,
      status: true,
      _count: { select: { events: true } },
    },
  });
}

/**
 * Contest standings: each organisation's best-N totals summed over the events of the contest
 * (each event contributing its own best N), with prize counts, i.e. the medal table.
 * Frozen events contribute what the public saw at the freeze only through their live
 * standings once unfrozen, so frozen events are left out of the public contest table.
 */
export async function contestStandings(
  contestId: number,
  excludeEventIds: number[],
  limit = 100,
): Promise<StandingRow[]> {
  const exclude = excludeEventIds.length ? excludeEventIds : [-1];
  const rows = await sqlRows<RawStanding[]>(Prisma.sql`
    SELECT s."organisationId", o."name" AS "organisation", SUM(s."bestNTotal") AS "bestNTotal", SUM(s."entries") AS "entries",
      SUM(s."prizes") AS "prizes", SUM(s."firstPrizes") AS "firstPrizes", SUM(s."secondPrizes") AS "secondPrizes",
      SUM(s."thirdPrizes") AS "thirdPrizes", SUM(s."meritPrizes") AS "meritPrizes"
    FROM "OrgStanding" s JOIN "Event" e ON e."id" = s."eventId" JOIN "Organisation" o ON o."id" = s."organisationId"
    WHERE e."contestId" = ${contestId} AND s."entries" > 0 AND s."eventId" NOT IN (${Prisma.join(exclude)})
    GROUP BY s."organisationId", o."name" ORDER BY 3 DESC, s."organisationId" ASC LIMIT ${literalLimit(limit)}`);
  return rankStandings(rows.map(toStanding));
}

/** One organisation's standing in every event of a contest (its chart across events). */
export async function organisationAcrossEvents(
  contestId: number,
  organisationId: number,
  excludeEventIds: number[],
) {
  const organisation = await prisma.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true },
  });
  if (!organisation) return null;
  const standings = await prisma.orgStanding.findMany({
    where: { organisationId, event: { contestId }, eventId: { notIn: excludeEventIds } },
    select: {
      eventId: true,
      bestNTotal: true,
      entries: true,
      prizes: true,
      firstPrizes: true,
      secondPrizes: true,
      thirdPrizes: true,
      meritPrizes: true,
      event: { select: { code: true, name: true, standingsBestN: true, fullMark: true } },
    },
  });
  const withRank = await Promise.all(
    standings
      .filter((s) => s.entries > 0)
      .map(async (s) => {
        const [row] = await sqlRows<{ n: number | bigint }[]>(Prisma.sql`
          SELECT COUNT(*) AS n FROM "OrgStanding" WHERE "eventId" = ${s.eventId} AND "entries" > 0 AND "bestNTotal" > ${s.bestNTotal}`);
        return { ...s, rank: Number(row?.n ?? 0) + 1 };
      }),
  );
  return { organisation, events: withRank };
}

/**
 * A worker's own entries with their live-or-frozen rank and total; `hidden` (and no rank)
 * while the event's results are not public (see BoardView).
 */
export async function workerEntries(workerId: number) {
  const regs = await prisma.registration.findMany({
    where: { OR: [{ workerId }, { team: { members: { some: { workerId } } } }] },
    select: {
      id: true,
      entryNumber: true,
      status: true,
      event: {
        select: { code: true, name: true, contest: { select: { code: true, name: true } } },
      },
    },
    orderBy: { id: "asc" },
  });
  const out = [];
  for (const reg of regs) {
    const event = await findBoardEvent(reg.event.contest.code, reg.event.code);
    let rank: BoardRow | null = null;
    let ranked = 0;
    const hidden = event === null || !resultsArePublic(event);
    if (event && !hidden) {
      const view = { frozen: isFrozen(event), hidden };
      const found = view.frozen
        ? await myRankById(event, reg.id)
        : await liveRowsAround(event, { registrationId: reg.id }, 0);
      rank = found?.me ?? null;
      ranked = (await boardPage(event, view, null, 1)).ranked;
    }
    const { id: _id, ...entry } = reg;
    out.push({
      ...entry,
      key: reg.entryNumber ?? `${reg.event.contest.code}/${reg.event.code}`,
      rank,
      ranked,
      hidden,
    });
  }
  return out;
}

// ─────────────── organiser settings: freeze and best N ───────────────

export async function setBoardSettings(
  actorId: number,
  eventId: number,
  settings: {
    freezeAt: Date | null;
    standingsBestN: number;
    resultsVisibility?: ResultsVisibility;
  },
) {
  await write(async (tx) => {
    const before = await tx.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { freezeAt: true, standingsBestN: true, resultsVisibility: true },
    });
    await tx.event.update({ where: { id: eventId }, data: settings });
    // Later writes must see the new freeze time at once (saves copy pre-freeze results from
    // it); they queue behind this one, before the change below is published.
    dropTags([cacheTag.event(eventId)]);
    const freezeChanged =
      (before.freezeAt?.getTime() ?? null) !== (settings.freezeAt?.getTime() ?? null);
    // A new or lifted freeze starts from the live results: old pre-freeze copies are void.
    if (freezeChanged) await tx.frozenResult.deleteMany({ where: { eventId } });
    if (before.standingsBestN !== settings.standingsBestN) await rebuildOrgStandings(tx, eventId);
    await appendAudit(tx, {
      actorId,
      action: "leaderboard.settings",
      entityType: "Event",
      entityId: eventId,
      before: {
        freezeAt: before.freezeAt,
        standingsBestN: before.standingsBestN,
        resultsVisibility: before.resultsVisibility,
      },
      after: settings,
    });
  });
  // Drops the event's cached boards and settings in every process (their frozen board of the
  // event too); open boards and big screens refetch: an unfreeze is the reveal.
  publishChange({ kind: "board-settings", eventId });
}

async function lookUpMine(event: BoardEvent, view: BoardView, text: string) {
  // A hidden board says nothing, not even how many competitors share a name.
  if (view.hidden) return null;
  const typed = text.trim().slice(0, 40);
  const exact = await myRank(event, view, typed);
  if (exact) return exact;
  const meant = await entryNumberMeant(event, typed);
  if (!meant || "sameName" in meant) return meant;
  return meant.entryNumber === typed ? null : myRank(event, view, meant.entryNumber);
}

/** Everything one board view shows: a page (keyset), and optionally a search and a "my rank". */
export async function loadBoard(
  event: BoardEvent,
  view: BoardView,
  query: { after: BoardCursor | null; q: string; entry: string; limit?: number },
) {
  const [page, search, lookup] = await Promise.all([
    boardPage(event, view, query.after, query.limit ?? PAGE_SIZE),
    query.q ? searchBoard(event, view, query.q) : Promise.resolve(null),
    query.entry ? lookUpMine(event, view, query.entry) : Promise.resolve(null),
  ]);
  const mine = lookup && "me" in lookup ? lookup : null;
  const sameName = lookup && "sameName" in lookup ? lookup.sameName : 0;
  return { rows: page.rows, ranked: page.ranked, next: page.next, search, mine, sameName };
}
