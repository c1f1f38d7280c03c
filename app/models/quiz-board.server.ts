// The quiz boards: people (points, then time) and organisations (participation rate, then
// average points), per round and overall. They are read from the maintained tables only —
// QuizStanding, QuizRankCount and QuizOrgStanding, kept up to date in the same transaction as
// every hand-in (applyBoardChanges) — so a board costs a keyset range and a few counts whatever
// the number of attempts (the rules are in app/domain/quiz/board.ts).
import { readSql, sqlWrite, txSql, type Sql, type Tx } from "~/db.server";
import { assignPageRanks } from "~/domain/ranking/board";
import {
  OVERALL,
  organisationFigures,
  quizRankKey,
  type BoardChanges,
  type Standing,
} from "~/domain/quiz";
import {
  boardRowOf,
  boardStatements,
  boardTop,
  fieldSize,
  orgBoard,
  placeOf,
  rebuildStatements,
  type BoardRowRaw,
  type OrgBoardRaw,
  type StandingRow,
} from "~/models/quiz.sql.server";

export function standingOfRow(row: StandingRow): Standing {
  return {
    organisationId: Number(row.organisationId),
    points: Number(row.points),
    durationMs: Number(row.durationMs),
    days: Number(row.days),
    lastDay: Number(row.lastDay),
    attemptId: row.attemptId === null ? null : Number(row.attemptId),
  };
}

/** Writes collected standing changes; call inside the transaction that changed the attempts. */
export async function applyBoardChanges(
  sql: Sql,
  quizId: number,
  changes: BoardChanges,
): Promise<void> {
  if (changes.empty) return;
  for (const statement of boardStatements(
    quizId,
    changes.standings,
    changes.countDeltas(),
    changes.orgDeltas(),
  ))
    await sql.run(statement);
}

export type PeopleRow = {
  rank: number;
  workerId: number;
  name: string;
  organisation: string;
  points: number;
  durationMs: number;
  days: number;
};

async function place(sql: Sql, quizId: number, day: number, key: bigint) {
  const row = await sql.one<Record<string, number>>(placeOf(quizId, day, key));
  let above = 0;
  for (const [name, value] of Object.entries(row ?? {}))
    if (name !== "tied") above += Number(value);
  return { above, tied: Number(row?.tied ?? 0) };
}

function toPeopleRow(raw: BoardRowRaw, rank: number): PeopleRow {
  return {
    rank,
    workerId: Number(raw.workerId),
    name: raw.name,
    organisation: raw.organisation,
    points: Number(raw.points),
    durationMs: Number(raw.durationMs),
    days: Number(raw.days),
  };
}

/**
 * The people board of a round (day 0: overall): the best `limit`, the signed-in worker's own
 * place, and how many are on it. Ties (same points and time) share a place.
 */
export async function quizPeopleBoard(
  quizId: number,
  day: number,
  limit = 50,
  workerId: number | null = null,
) {
  const sql = readSql();
  const top = await sql.rows<BoardRowRaw>(boardTop(quizId, day, limit));
  let rows: PeopleRow[] = [];
  if (top.length > 0) {
    const first = await place(sql, quizId, day, BigInt(top[0]!.rankKey));
    const ranks = assignPageRanks(
      top.map((r) => BigInt(r.rankKey)),
      first.above,
      first.tied,
    );
    rows = top.map((r, i) => toPeopleRow(r, ranks[i]!));
  }
  let mine: PeopleRow | null = null;
  if (workerId !== null) {
    mine = rows.find((r) => r.workerId === workerId) ?? null;
    if (!mine) {
      const own = await sql.one<BoardRowRaw>(boardRowOf(quizId, day, workerId));
      if (own)
        mine = toPeopleRow(own, (await place(sql, quizId, day, BigInt(own.rankKey))).above + 1);
    }
  }
  const size = await sql.one<{ n: number }>(fieldSize(quizId, day));
  return { top: rows, mine, participants: Number(size?.n ?? 0) };
}

export type OrgRow = {
  rank: number;
  organisationId: number;
  name: string;
  headcount: number;
  participants: number;
  participationRate: number | null;
  averagePoints: number | null;
};

/**
 * The organisation board of a round (day 0: overall) over the quiz's scope (a path prefix):
 * participation rate = participants ÷ the organisation's workers (its headcount), then
 * average points. Places are shared when both are equal.
 */
export async function quizOrgBoard(quizId: number, day: number, scopePath: string, limit = 200) {
  const rows = await readSql().rows<OrgBoardRaw>(orgBoard(quizId, day, scopePath, limit));
  const out: OrgRow[] = [];
  for (const [i, r] of rows.entries()) {
    const figures = organisationFigures(
      Number(r.participants),
      Number(r.pointsSum),
      Number(r.headcount),
    );
    const prev = out[i - 1];
    const rank =
      prev &&
      prev.participationRate === figures.participationRate &&
      prev.averagePoints === figures.averagePoints
        ? prev.rank
        : i + 1;
    out.push({
      rank,
      organisationId: Number(r.organisationId),
      name: r.name,
      headcount: Number(r.headcount),
      participants: Number(r.participants),
      ...figures,
    });
  }
  return out;
}

/** Recomputes a quiz's boards from its attempts (seed, bulk loads, and the consistency test). */
export function rebuildQuizBoards(quizId: number): Promise<void> {
  return sqlWrite(async (sql) => {
    for (const statement of rebuildStatements(quizId)) await sql.run(statement);
  });
}

/** The same inside a Prisma transaction (the seed). */
export async function rebuildQuizBoardsInTx(tx: Tx, quizId: number): Promise<void> {
  const sql = txSql(tx);
  for (const statement of rebuildStatements(quizId)) await sql.run(statement);
}

/** A worker's standing row of a round, for tests and the bench. */
export async function standingKeyOf(sql: Sql, quizId: number, workerId: number, day = OVERALL) {
  const row = await sql.one<BoardRowRaw>(boardRowOf(quizId, day, workerId));
  return row ? quizRankKey(Number(row.points), Number(row.durationMs)) : null;
}
