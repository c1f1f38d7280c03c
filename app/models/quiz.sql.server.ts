// Every hand-written statement of the quiz aggregate, in one place: Prisma.sql fragments in
// standard SQL with quoted identifiers, on either engine, through the Sql interface (readSql for
// the worker's page and the boards, sqlWrite for saves, submissions and re-scoring, txSql inside
// a Prisma write for the seed). The models around them (quiz.server.ts, quiz-board.server.ts,
// quiz-rescore.server.ts) hold the logic; the rules are in app/domain/quiz.
import { Prisma } from "~/generated/prisma/client";
import {
  COUNT_LEVELS,
  LEVEL_BITS,
  TIME_BITS,
  TOP_LEVEL,
  rankRanges,
  type CountDelta,
  type OrgDelta,
  type StandingWrite,
} from "~/domain/quiz";

/** Attempt statuses that count on the boards. */
export const FINISHED = ["submitted", "timed_out"] as const;

const finished = Prisma.join(FINISHED.map((s) => Prisma.sql`${s}`));

// ───────────── quiz, worker, bank ─────────────

export type QuizRow = {
  id: number;
  contestId: number;
  name: string;
  kind: string;
  timeLimitSec: number;
  attemptsAllowed: number;
  opensAt: Date;
  closesAt: Date;
  plan: string;
  drawMode: string;
  drawSeed: number;
  shuffle: number;
  onePerPage: number;
  pointsPerQuestion: number;
  reviewPolicy: string;
  partialCredit: string;
  contestName: string;
  contestCode: string;
  scopeId: number;
  scopeName: string;
  scopePath: string;
};

/** A quiz with its contest and the organisation whose subtree may take it. */
export const quizById = (quizId: number) => Prisma.sql`
  SELECT q."id", q."contestId", q."name", q."kind", q."timeLimitSec", q."attemptsAllowed", q."opensAt",
    q."closesAt", q."plan", q."drawMode", q."drawSeed", q."shuffle", q."onePerPage", q."pointsPerQuestion",
    q."reviewPolicy", q."partialCredit", c."name" AS "contestName", c."code" AS "contestCode",
    s."id" AS "scopeId", COALESCE(s."shortName", s."name") AS "scopeName", s."path" AS "scopePath"
  FROM "Quiz" q
  JOIN "Contest" c ON c."id" = q."contestId" AND c."kind" = 'knowledge_quiz'
  JOIN "Organisation" s ON s."id" = COALESCE(q."scopeOrgId", c."organiserId")
  WHERE q."id" = ${quizId}`;

export type OpenQuizRow = Pick<
  QuizRow,
  | "id"
  | "name"
  | "kind"
  | "timeLimitSec"
  | "attemptsAllowed"
  | "opensAt"
  | "closesAt"
  | "contestName"
> & { scopePath: string };

/** Quizzes open at `now` with their scopes, for a worker's list. */
export const openQuizzes = (now: Date) => Prisma.sql`
  SELECT q."id", q."name", q."kind", q."timeLimitSec", q."attemptsAllowed", q."opensAt", q."closesAt",
    c."name" AS "contestName", s."path" AS "scopePath"
  FROM "Quiz" q
  JOIN "Contest" c ON c."id" = q."contestId" AND c."kind" = 'knowledge_quiz'
  JOIN "Organisation" s ON s."id" = COALESCE(q."scopeOrgId", c."organiserId")
  WHERE q."opensAt" <= ${now} AND q."closesAt" > ${now}
  ORDER BY q."closesAt", q."id"`;

export type WorkerRow = {
  organisationId: number;
  organisation: string;
  path: string;
};

export const workerById = (workerId: number) => Prisma.sql`
  SELECT w."organisationId", COALESCE(o."shortName", o."name") AS "organisation", o."path"
  FROM "Worker" w JOIN "Organisation" o ON o."id" = w."organisationId"
  WHERE w."id" = ${workerId}`;

export type QuestionRow = {
  id: number;
  type: string;
  category: string;
  stem: string;
  options: string;
  answer: string;
  difficulty: number;
  explanation: string;
};

const QUESTION_COLUMNS = Prisma.sql`"id", "type", "category", "stem", "options", "answer", "difficulty", "explanation"`;

export const questionsByIds = (ids: readonly number[]) =>
  ids.length === 0
    ? Prisma.sql`SELECT ${QUESTION_COLUMNS} FROM "QuizQuestion" WHERE 1 = 0`
    : Prisma.sql`SELECT ${QUESTION_COLUMNS} FROM "QuizQuestion" WHERE "id" IN (${Prisma.join(ids)})`;

export const bankOf = (contestId: number) => Prisma.sql`
  SELECT ${QUESTION_COLUMNS} FROM "QuizQuestion" WHERE "contestId" = ${contestId}`;

export const roundSet = (quizId: number, day: number) => Prisma.sql`
  SELECT "questionIds" FROM "QuizRoundSet" WHERE "quizId" = ${quizId} AND "day" = ${day}`;

/** The first start of a shared round fixes its set; a concurrent first start keeps the one stored. */
export const insertRoundSet = (quizId: number, day: number, ids: string, now: Date) => Prisma.sql`
  INSERT INTO "QuizRoundSet" ("quizId", "day", "questionIds", "createdAt")
  VALUES (${quizId}, ${day}, ${ids}, ${now})
  ON CONFLICT ("quizId", "day") DO NOTHING`;

// ───────────── attempts ─────────────

export type AttemptSummary = {
  id: number;
  attemptNo: number;
  day: number;
  status: string;
  score: number | null;
  durationMs: number | null;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
};

export const attemptsOfWorker = (quizId: number, workerId: number) => Prisma.sql`
  SELECT "id", "attemptNo", "day", "status", "score", "durationMs", "startedAt", "deadline", "submittedAt"
  FROM "QuizAttempt" WHERE "quizId" = ${quizId} AND "workerId" = ${workerId}
  ORDER BY "attemptNo"`;

export type AttemptFull = AttemptSummary & {
  quizId: number;
  workerId: number;
  organisationId: number;
  paper: string;
  answers: string;
};

const ATTEMPT_COLUMNS = Prisma.sql`"id", "quizId", "workerId", "organisationId", "attemptNo", "day", "status",
  "score", "durationMs", "startedAt", "deadline", "submittedAt", "paper", "answers"`;

/** One attempt, only if it is this worker's. */
export const ownAttempt = (attemptId: number, workerId: number) => Prisma.sql`
  SELECT ${ATTEMPT_COLUMNS} FROM "QuizAttempt" WHERE "id" = ${attemptId} AND "workerId" = ${workerId}`;

/** The quiz of an attempt (fixed when it starts), to take that quiz's write lock. */
export const quizOfAttempt = (attemptId: number) => Prisma.sql`
  SELECT "quizId" FROM "QuizAttempt" WHERE "id" = ${attemptId}`;

export const attemptById = (attemptId: number) => Prisma.sql`
  SELECT ${ATTEMPT_COLUMNS} FROM "QuizAttempt" WHERE "id" = ${attemptId}`;

export const attemptInProgress = (quizId: number, workerId: number) => Prisma.sql`
  SELECT ${ATTEMPT_COLUMNS} FROM "QuizAttempt"
  WHERE "quizId" = ${quizId} AND "workerId" = ${workerId} AND "status" = 'in_progress'`;

/** Attempts whose deadline (plus grace) has passed without a hand-in. */
export const expiredAttempts = (quizId: number, before: Date) => Prisma.sql`
  SELECT "id" FROM "QuizAttempt"
  WHERE "quizId" = ${quizId} AND "status" = 'in_progress' AND "deadline" < ${before}`;

export const insertAttempt = (a: {
  quizId: number;
  workerId: number;
  organisationId: number;
  attemptNo: number;
  day: number;
  startedAt: Date;
  deadline: Date;
  paper: string;
}) => Prisma.sql`
  INSERT INTO "QuizAttempt" ("quizId", "workerId", "organisationId", "attemptNo", "day", "startedAt",
    "deadline", "status", "paper", "answers")
  VALUES (${a.quizId}, ${a.workerId}, ${a.organisationId}, ${a.attemptNo}, ${a.day}, ${a.startedAt},
    ${a.deadline}, 'in_progress', ${a.paper}, '{}')
  RETURNING "id"`;

/** Attempts already finished (the seed's story): many rows in one statement. */
export const insertFinishedAttempts = (
  rows: readonly (Parameters<typeof insertAttempt>[0] & {
    submittedAt: Date;
    status: string;
    answers: string;
    score: number;
    durationMs: number;
  })[],
) => Prisma.sql`
  INSERT INTO "QuizAttempt" ("quizId", "workerId", "organisationId", "attemptNo", "day", "startedAt",
    "deadline", "submittedAt", "status", "paper", "answers", "score", "durationMs")
  VALUES ${Prisma.join(
    rows.map(
      (r) =>
        Prisma.sql`(${r.quizId}, ${r.workerId}, ${r.organisationId}, ${r.attemptNo}, ${r.day},
          ${r.startedAt}, ${r.deadline}, ${r.submittedAt}, ${r.status},
          ${r.paper}, ${r.answers}, ${r.score}, ${r.durationMs})`,
    ),
  )}`;

export const saveAnswers = (attemptId: number, answers: string) => Prisma.sql`
  UPDATE "QuizAttempt" SET "answers" = ${answers} WHERE "id" = ${attemptId} AND "status" = 'in_progress'`;

/** Closes an attempt still in progress; 0 rows when someone else closed it first. */
export const closeAttempt = (a: {
  id: number;
  status: string;
  submittedAt: Date;
  score: number;
  durationMs: number;
}) => Prisma.sql`
  UPDATE "QuizAttempt" SET "status" = ${a.status}, "submittedAt" = ${a.submittedAt},
    "score" = ${a.score}, "durationMs" = ${a.durationMs}, "answerRows" = ${true}
  WHERE "id" = ${a.id} AND "status" = 'in_progress'`;

// ───────────── answers (one row per counted answer of a finished attempt) ─────────────

export type AnswerRowWrite = {
  attemptId: number;
  quizId: number;
  workerId: number;
  questionId: number;
  chosen: number;
  points: number;
};

/** An attempt's counted answers, written with its hand-in (or by re-scoring, for older ones). */
export const insertAnswerRows = (rows: readonly AnswerRowWrite[]) =>
  batches(rows, 500).map(
    (batch) => Prisma.sql`
  INSERT INTO "QuizAnswer" ("attemptId", "quizId", "workerId", "questionId", "chosen", "points")
  VALUES ${Prisma.join(
    batch.map(
      (r) =>
        Prisma.sql`(${r.attemptId}, ${r.quizId}, ${r.workerId}, ${r.questionId}, ${r.chosen}, ${r.points})`,
    ),
  )}`,
  );

/** The answer rows of one attempt, each question once (the hand-in's rows, for the tests). */
export const answerRowsOfAttempt = (attemptId: number) => Prisma.sql`
  SELECT "questionId", "chosen", "points" FROM "QuizAnswer" WHERE "attemptId" = ${attemptId}
  ORDER BY "questionId"`;

export type AnswerCombo = { questionId: number; chosen: number; points: number };

/**
 * Every distinct (question, choice, points) of a quiz's answer rows: what re-scoring compares
 * with the current key. A scan of the (quizId, questionId, chosen, points, workerId) index
 * alone, and a few thousand rows at most (questions × choices × keys scored by).
 */
export const answerCombos = (quizId: number) => Prisma.sql`
  SELECT "questionId", "chosen", "points" FROM "QuizAnswer" WHERE "quizId" = ${quizId}
  GROUP BY "questionId", "chosen", "points"`;

/**
 * The first (question, choice, points) of a quiz's answer rows after `after` (null: the very
 * first): one seek in the (quizId, questionId, chosen, points, …) index, so walking them all
 * reads one index entry per combination instead of every row (a loose index scan).
 */
export const nextAnswerCombo = (quizId: number, after: AnswerCombo | null) => Prisma.sql`
  SELECT "questionId", "chosen", "points" FROM "QuizAnswer"
  WHERE "quizId" = ${quizId}${
    after
      ? Prisma.sql` AND ("questionId", "chosen", "points") > (${after.questionId}, ${after.chosen}, ${after.points})`
      : Prisma.empty
  }
  ORDER BY "questionId", "chosen", "points" LIMIT 1`;

/** A choice whose rows scored `from` now earn `to`. */
export type AnswerFix = AnswerCombo & { to: number };

// Each fix of a worker range is one OR term that names the whole index prefix, so both engines
// seek the rows that move (SQLite's OR-by-union, PostgreSQL's BitmapOr) and read nothing else.
const fixTerms = (
  quizId: number,
  range: { from: number; to: number },
  fixes: readonly AnswerFix[],
) =>
  Prisma.join(
    fixes.map(
      (
        f,
      ) => Prisma.sql`("quizId" = ${quizId} AND "questionId" = ${f.questionId} AND "chosen" = ${f.chosen}
        AND "points" = ${f.points} AND "workerId" >= ${range.from} AND "workerId" <= ${range.to})`,
    ),
    " OR ",
  );

const FIXES_PER_STATEMENT = 80;

/**
 * Moves the points of the rows the fixes name, for workers `from`…`to`, and hands back the
 * attempt of each row moved (RETURNING, on both engines: the rows are found once, not read
 * again to know whose score to sum).
 */
export const applyFixes = (
  quizId: number,
  range: { from: number; to: number },
  fixes: readonly AnswerFix[],
) =>
  batches(fixes, FIXES_PER_STATEMENT).map(
    (batch) => Prisma.sql`
  UPDATE "QuizAnswer" SET "points" = CASE ${Prisma.join(
    batch.map(
      (f) =>
        Prisma.sql`WHEN "questionId" = ${f.questionId} AND "chosen" = ${f.chosen} AND "points" = ${f.points} THEN ${f.to}`,
    ),
    " ",
  )} ELSE "points" END
  WHERE ${fixTerms(quizId, range, batch)}
  RETURNING "attemptId"`,
  );

const rowsTotal = Prisma.sql`(SELECT COALESCE(SUM(x."points"), 0) FROM "QuizAnswer" x
    WHERE x."attemptId" = "QuizAttempt"."id")`;

/**
 * Sets each finished attempt's score to the sum of its rows where that differs, and hands back
 * the attempts it changed with their day (the rounds whose boards move): one statement per
 * few hundred attempts, set-based, instead of reading the sums out and writing them back.
 */
export const rescoreFromRows = (ids: readonly number[]) =>
  batches(ids, 500).map(
    (batch) => Prisma.sql`
  UPDATE "QuizAttempt" SET "score" = ${rowsTotal}
  WHERE "id" IN (${Prisma.join(batch)}) AND "status" IN (${finished})
    AND ("score" IS NULL OR "score" <> ${rowsTotal})
  RETURNING "id", "day"`,
  );

/** Finished attempts of a quiz handed in before answer rows existed. */
export const attemptsWithoutRows = (quizId: number) => Prisma.sql`
  SELECT COUNT(*) AS "n" FROM "QuizAttempt"
  WHERE "quizId" = ${quizId} AND "status" IN (${finished}) AND "answerRows" = ${false}`;

/** Marks attempts whose answer rows re-scoring has just written. */
export const markAnswerRows = (ids: readonly number[]) =>
  batches(ids, 500).map(
    (batch) => Prisma.sql`
  UPDATE "QuizAttempt" SET "answerRows" = ${true} WHERE "id" IN (${Prisma.join(batch)})`,
  );

export type AttemptToRescore = {
  id: number;
  workerId: number;
  day: number;
  status: string;
  score: number | null;
  deadline: Date;
  paper: string;
  answers: string;
};

/** Finished attempts of workers `from`…`to` without answer rows: re-scoring reads their JSON. */
export const attemptsWithoutRowsIn = (quizId: number, from: number, to: number) => Prisma.sql`
  SELECT "id", "workerId", "day", "status", "score", "deadline", "paper", "answers" FROM "QuizAttempt"
  WHERE "quizId" = ${quizId} AND "workerId" >= ${from} AND "workerId" <= ${to}
    AND "status" IN (${finished}) AND "answerRows" = ${false}`;

/** The workers of the next `limit` attempts after worker `afterWorker` (the index alone). */
export const workersAfter = (quizId: number, afterWorker: number, limit: number) => Prisma.sql`
  SELECT "workerId" FROM "QuizAttempt"
  WHERE "quizId" = ${quizId} AND "workerId" > ${afterWorker}
  ORDER BY "workerId" LIMIT ${Prisma.raw(String(Math.trunc(limit)))}`;

/**
 * New scores of re-scored attempts, a few hundred a statement: an UPDATE joined to a VALUES
 * list (column1, column2 are the names both engines give its columns; the casts type
 * PostgreSQL's parameters, which a VALUES list would otherwise take as text).
 */
export const rescoreAttempts = (changed: readonly { id: number; score: number }[]) =>
  batches(changed, 500).map(
    (batch) => Prisma.sql`
  UPDATE "QuizAttempt" SET "score" = v."column2"
  FROM (VALUES ${Prisma.join(
    batch.map((c) => Prisma.sql`(CAST(${c.id} AS INTEGER), CAST(${c.score} AS INTEGER))`),
  )}) AS v
  WHERE "QuizAttempt"."id" = v."column1"`,
  );

export const finishedCount = (quizId: number) => Prisma.sql`
  SELECT COUNT(*) AS "n" FROM "QuizAttempt" WHERE "quizId" = ${quizId} AND "status" IN (${finished})`;

// ───────────── standings (boards) ─────────────

export type StandingRow = {
  workerId: number;
  day: number;
  organisationId: number;
  points: number;
  durationMs: number;
  days: number;
  lastDay: number;
  attemptId: number | null;
};

const STANDING_COLUMNS = Prisma.sql`"workerId", "day", "organisationId", "points", "durationMs", "days", "lastDay", "attemptId"`;

export const standingsOfWorker = (quizId: number, workerId: number) => Prisma.sql`
  SELECT ${STANDING_COLUMNS} FROM "QuizStanding"
  WHERE "quizId" = ${quizId} AND "workerId" = ${workerId} ORDER BY "day"`;

export const standingOf = (quizId: number, workerId: number, day: number) => Prisma.sql`
  SELECT ${STANDING_COLUMNS} FROM "QuizStanding"
  WHERE "quizId" = ${quizId} AND "workerId" = ${workerId} AND "day" = ${day}`;

// Multi-row statements are cut into batches so no statement binds more than ~5,000 values.
function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The statements that apply standing writes and count deltas, to run in one transaction. */
export function boardStatements(
  quizId: number,
  standings: readonly StandingWrite[],
  counts: readonly CountDelta[],
  orgs: readonly OrgDelta[],
): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  const upserts = standings.flatMap((s) => (s.after ? [{ ...s, after: s.after }] : []));
  for (const batch of batches(upserts, 400)) {
    out.push(Prisma.sql`
      INSERT INTO "QuizStanding" ("quizId", "workerId", "day", "organisationId", "points", "durationMs",
        "days", "lastDay", "attemptId", "rankKey")
      VALUES ${Prisma.join(
        batch.map(
          (s) =>
            Prisma.sql`(${quizId}, ${s.workerId}, ${s.day}, ${s.after.organisationId}, ${s.after.points},
              ${s.after.durationMs}, ${s.after.days}, ${s.after.lastDay}, ${s.after.attemptId}, ${s.after.rankKey})`,
        ),
      )}
      ON CONFLICT ("quizId", "workerId", "day") DO UPDATE SET
        "organisationId" = excluded."organisationId", "points" = excluded."points",
        "durationMs" = excluded."durationMs", "days" = excluded."days", "lastDay" = excluded."lastDay",
        "attemptId" = excluded."attemptId", "rankKey" = excluded."rankKey"`);
  }
  for (const s of standings) {
    if (s.after) continue;
    out.push(Prisma.sql`
      DELETE FROM "QuizStanding" WHERE "quizId" = ${quizId} AND "workerId" = ${s.workerId} AND "day" = ${s.day}`);
  }
  for (const batch of batches(counts, 800)) {
    out.push(Prisma.sql`
      INSERT INTO "QuizRankCount" ("quizId", "day", "level", "bucket", "count")
      VALUES ${Prisma.join(batch.map((c) => Prisma.sql`(${quizId}, ${c.day}, ${c.level}, ${c.bucket}, ${c.delta})`))}
      ON CONFLICT ("quizId", "day", "level", "bucket") DO UPDATE SET "count" = "QuizRankCount"."count" + excluded."count"`);
  }
  // Buckets that lost standings may now be empty: drop them so the tree stays as small as the field.
  for (const batch of batches(
    counts.filter((c) => c.delta < 0),
    300,
  )) {
    out.push(Prisma.sql`
      DELETE FROM "QuizRankCount" WHERE "quizId" = ${quizId} AND "count" = 0 AND (${Prisma.join(
        batch.map(
          (c) => Prisma.sql`("day" = ${c.day} AND "level" = ${c.level} AND "bucket" = ${c.bucket})`,
        ),
        " OR ",
      )})`);
  }
  for (const batch of batches(orgs, 800)) {
    out.push(Prisma.sql`
      INSERT INTO "QuizOrgStanding" ("quizId", "day", "organisationId", "participants", "pointsSum")
      VALUES ${Prisma.join(batch.map((o) => Prisma.sql`(${quizId}, ${o.day}, ${o.organisationId}, ${o.participants}, ${o.points})`))}
      ON CONFLICT ("quizId", "day", "organisationId") DO UPDATE SET
        "participants" = "QuizOrgStanding"."participants" + excluded."participants",
        "pointsSum" = "QuizOrgStanding"."pointsSum" + excluded."pointsSum"`);
  }
  return out;
}

/** Standings ranked above `key` and sharing it, from the count tree (see app/domain/quiz/board.ts). */
export function placeOf(quizId: number, day: number, key: bigint): Prisma.Sql {
  const sums = rankRanges(key).map(({ level, above, below }) => {
    if (level === 0)
      return Prisma.sql`(SELECT COUNT(*) FROM "QuizStanding" WHERE "quizId" = ${quizId} AND "day" = ${day}
        AND "rankKey" > ${above} AND "rankKey" < ${below ?? 0n})`;
    return Prisma.sql`(SELECT COALESCE(SUM("count"), 0) FROM "QuizRankCount" WHERE "quizId" = ${quizId}
      AND "day" = ${day} AND "level" = ${level} AND "bucket" > ${above}${
        below === null ? Prisma.empty : Prisma.sql` AND "bucket" < ${below}`
      })`;
  });
  return Prisma.sql`
    SELECT ${Prisma.join(
      sums.map((s, i) => Prisma.sql`${s} AS ${Prisma.raw(`"l${i}"`)}`),
      ", ",
    )},
      (SELECT COUNT(*) FROM "QuizStanding" WHERE "quizId" = ${quizId} AND "day" = ${day} AND "rankKey" = ${key}) AS "tied"`;
}

/** Everyone on a round's board: the top level of the count tree is a handful of rows. */
export const fieldSize = (quizId: number, day: number) => Prisma.sql`
  SELECT COALESCE(SUM("count"), 0) AS "n" FROM "QuizRankCount"
  WHERE "quizId" = ${quizId} AND "day" = ${day} AND "level" = ${TOP_LEVEL}`;

export type BoardRowRaw = {
  workerId: number;
  organisationId: number;
  points: number;
  durationMs: number;
  days: number;
  /** bigint beyond 2^53 (see the Sql interface's integers). */
  rankKey: number | bigint;
  name: string;
  organisation: string;
};

const BOARD_COLUMNS = Prisma.sql`s."workerId", s."organisationId", s."points", s."durationMs", s."days", s."rankKey",
  w."name", COALESCE(o."shortName", o."name") AS "organisation"`;

/** The best `limit` of a round (day 0: overall), a keyset range on the rank key's index. */
export const boardTop = (quizId: number, day: number, limit: number) => Prisma.sql`
  SELECT ${BOARD_COLUMNS}
  FROM "QuizStanding" s
  JOIN "Worker" w ON w."id" = s."workerId"
  JOIN "Organisation" o ON o."id" = s."organisationId"
  WHERE s."quizId" = ${quizId} AND s."day" = ${day}
  ORDER BY s."rankKey" DESC, s."workerId"
  LIMIT ${Prisma.raw(String(Math.max(1, Math.min(500, Math.trunc(limit)))))}`;

export const boardRowOf = (quizId: number, day: number, workerId: number) => Prisma.sql`
  SELECT ${BOARD_COLUMNS}
  FROM "QuizStanding" s
  JOIN "Worker" w ON w."id" = s."workerId"
  JOIN "Organisation" o ON o."id" = s."organisationId"
  WHERE s."quizId" = ${quizId} AND s."workerId" = ${workerId} AND s."day" = ${day}`;

export type OrgBoardRaw = {
  organisationId: number;
  name: string;
  headcount: number;
  participants: number;
  pointsSum: number;
};

/**
 * The organisations of the quiz's scope that have workers on record (headcount) or took part,
 * by participation rate, then average points. Participation is against Organisation.headcount,
 * the number of workers an organisation declares (the labour competitions use it too). The
 * subtree is a prefix LIKE (paths hold digits and slashes only): a range up to U+FFFF would
 * depend on the PostgreSQL database's collation.
 */
export const orgBoard = (quizId: number, day: number, scopePath: string, limit: number) =>
  Prisma.sql`
  SELECT o."id" AS "organisationId", COALESCE(o."shortName", o."name") AS "name", o."headcount",
    COALESCE(s."participants", 0) AS "participants", COALESCE(s."pointsSum", 0) AS "pointsSum"
  FROM "Organisation" o
  LEFT JOIN "QuizOrgStanding" s ON s."quizId" = ${quizId} AND s."day" = ${day} AND s."organisationId" = o."id"
  WHERE o."path" LIKE ${`${scopePath}%`}
    AND (o."headcount" > 0 OR s."participants" > 0)
  ORDER BY CASE WHEN o."headcount" > 0 THEN COALESCE(s."participants", 0) * 1.0 / o."headcount" END DESC NULLS LAST,
    CASE WHEN s."participants" > 0 THEN s."pointsSum" * 1.0 / s."participants" END DESC NULLS LAST,
    o."id"
  LIMIT ${Prisma.raw(String(Math.max(1, Math.min(5000, Math.trunc(limit)))))}`;

// ───────────── rebuild ─────────────

const TIME_MAX = Prisma.raw(String((1n << TIME_BITS) - 1n));
const TIME_SCALE = Prisma.raw(String(1n << TIME_BITS));

/** The rank key in SQL, as quizRankKey computes it (points, then time taken inverted). */
function keySql(points: Prisma.Sql, durationMs: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${points} * ${TIME_SCALE} + (${TIME_MAX} - CASE WHEN ${durationMs} > ${TIME_MAX} THEN ${TIME_MAX} ELSE ${durationMs} END)`;
}

/**
 * Workers `from`…`to` by id, or the whole quiz; with `days`, only those rounds' standings and
 * the overall ones (re-scoring: a corrected question moves the rounds that asked it).
 */
export type WorkerRange = { from: number; to: number; days?: readonly number[] } | null;

const inRange = (range: WorkerRange, alias = Prisma.empty) =>
  range
    ? Prisma.sql` AND ${alias}"workerId" >= ${range.from} AND ${alias}"workerId" <= ${range.to}`
    : Prisma.empty;

/** The standings a rebuild of `range` replaces: its rounds (or all) and the overall ones. */
const standingsIn = (range: WorkerRange) =>
  range?.days
    ? Prisma.sql`${inRange(range)} AND ("day" = 0 OR "day" IN (${Prisma.join(range.days)}))`
    : inRange(range);

/** The attempts a rebuild of `range` reads for its rounds. */
const attemptsIn = (range: WorkerRange) =>
  range?.days
    ? Prisma.sql`${inRange(range, Prisma.raw("a."))} AND a."day" IN (${Prisma.join(range.days)})`
    : inRange(range, Prisma.raw("a."));

/**
 * The count tree's and the organisation board's share of the standings in `range`, added
 * (sign 1) or taken away (sign -1): upserts that move the counts by it. Counts that reach 0
 * stay until purgeEmptyCounts.
 */
function shareStatements(quizId: number, range: WorkerRange, sign: 1 | -1): Prisma.Sql[] {
  const by = Prisma.raw(String(sign));
  return [
    ...COUNT_LEVELS.map((level) => {
      const scale = Prisma.raw(String(1n << (BigInt(level) * LEVEL_BITS)));
      return Prisma.sql`
        INSERT INTO "QuizRankCount" ("quizId", "day", "level", "bucket", "count")
        SELECT "quizId", "day", ${Prisma.raw(String(level))}, "rankKey" / ${scale}, ${by} * COUNT(*)
        FROM "QuizStanding" WHERE "quizId" = ${quizId}${standingsIn(range)}
        GROUP BY "quizId", "day", "rankKey" / ${scale}
        ON CONFLICT ("quizId", "day", "level", "bucket") DO UPDATE SET
          "count" = "QuizRankCount"."count" + excluded."count"`;
    }),
    Prisma.sql`
      INSERT INTO "QuizOrgStanding" ("quizId", "day", "organisationId", "participants", "pointsSum")
      SELECT "quizId", "day", "organisationId", ${by} * COUNT(*), ${by} * SUM("points")
      FROM "QuizStanding" WHERE "quizId" = ${quizId}${standingsIn(range)}
      GROUP BY "quizId", "day", "organisationId"
      ON CONFLICT ("quizId", "day", "organisationId") DO UPDATE SET
        "participants" = "QuizOrgStanding"."participants" + excluded."participants",
        "pointsSum" = "QuizOrgStanding"."pointsSum" + excluded."pointsSum"`,
  ];
}

/**
 * Recomputes the standings of the workers in `range` (or the whole quiz) from their attempts,
 * in set-based statements, with the count tree and organisation figures moved accordingly:
 * their old share taken away, the standings rebuilt, the new share added. For the seed and the
 * benchmark's bulk data (whole quiz), for re-scoring (one chunk of workers, in the chunk's
 * transaction), and the check that the incremental upkeep agrees with it. The same rules as
 * standingsOf in app/domain/quiz/board.ts.
 */
export function rebuildStatements(quizId: number, range: WorkerRange = null): Prisma.Sql[] {
  return [
    ...(range
      ? shareStatements(quizId, range, -1)
      : [
          Prisma.sql`DELETE FROM "QuizRankCount" WHERE "quizId" = ${quizId}`,
          Prisma.sql`DELETE FROM "QuizOrgStanding" WHERE "quizId" = ${quizId}`,
        ]),
    Prisma.sql`DELETE FROM "QuizStanding" WHERE "quizId" = ${quizId}${standingsIn(range)}`,
    Prisma.sql`
      INSERT INTO "QuizStanding" ("quizId", "workerId", "day", "organisationId", "points", "durationMs",
        "days", "lastDay", "attemptId", "rankKey")
      SELECT b."quizId", b."workerId", b."day", b."organisationId", b."score", b."durationMs", 1, b."day", b."id",
        ${keySql(Prisma.sql`b."score"`, Prisma.sql`b."durationMs"`)}
      FROM (
        SELECT a."quizId", a."workerId", a."day", a."organisationId", a."score", a."durationMs", a."id",
          ROW_NUMBER() OVER (PARTITION BY a."workerId", a."day"
            ORDER BY a."score" DESC, a."durationMs" ASC, a."id" ASC) AS "n"
        FROM "QuizAttempt" a
        WHERE a."quizId" = ${quizId} AND a."status" IN (${finished}) AND a."score" IS NOT NULL${attemptsIn(range)}
      ) b
      WHERE b."n" = 1`,
    Prisma.sql`
      INSERT INTO "QuizStanding" ("quizId", "workerId", "day", "organisationId", "points", "durationMs",
        "days", "lastDay", "attemptId", "rankKey")
      SELECT g."quizId", g."workerId", 0, l."organisationId", g."points", g."durationMs", g."days", g."lastDay", NULL,
        ${keySql(Prisma.sql`g."points"`, Prisma.sql`g."durationMs"`)}
      FROM (
        SELECT "quizId", "workerId", SUM("points") AS "points", SUM("durationMs") AS "durationMs",
          COUNT(*) AS "days", MAX("day") AS "lastDay"
        FROM "QuizStanding" WHERE "quizId" = ${quizId} AND "day" > 0${inRange(range)}
        GROUP BY "quizId", "workerId"
      ) g
      JOIN "QuizStanding" l ON l."quizId" = g."quizId" AND l."workerId" = g."workerId" AND l."day" = g."lastDay"`,
    ...shareStatements(quizId, range, 1),
  ];
}

/**
 * Drops a round's count buckets and organisation rows that re-scoring emptied, so the count
 * tree stays as small as the field (one round a transaction, after the job).
 */
export const purgeEmptyCounts = (quizId: number, day: number) => [
  Prisma.sql`DELETE FROM "QuizRankCount" WHERE "quizId" = ${quizId} AND "day" = ${day} AND "count" = 0`,
  Prisma.sql`DELETE FROM "QuizOrgStanding" WHERE "quizId" = ${quizId} AND "day" = ${day} AND "participants" = 0`,
];

/** The rounds a quiz's boards have (0: overall). */
export const boardDays = (quizId: number) => Prisma.sql`
  SELECT DISTINCT "day" FROM "QuizOrgStanding" WHERE "quizId" = ${quizId} ORDER BY "day"`;

// ───────────── re-scoring jobs ─────────────

export type RescoreRow = {
  id: number;
  quizId: number;
  status: string;
  reason: string;
  actorId: number | null;
  total: number;
  done: number;
  changed: number;
  cursor: number;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
};

export const rescoreById = (id: number) => Prisma.sql`
  SELECT "id", "quizId", "status", "reason", "actorId", "total", "done", "changed", "cursor",
    "startedAt", "heartbeatAt", "finishedAt"
  FROM "QuizRescore" WHERE "id" = ${id}`;

export const rescoreProgress = (
  id: number,
  done: number,
  changed: number,
  cursor: number,
  now: Date,
) =>
  Prisma.sql`
  UPDATE "QuizRescore" SET "done" = "done" + ${done}, "changed" = "changed" + ${changed},
    "cursor" = ${cursor}, "heartbeatAt" = ${now}
  WHERE "id" = ${id} AND "status" = 'running'`;

/**
 * A chunk's progress: its finished attempts counted in the same statement, so the chunk's
 * last round trip carries its board statements and this together.
 */
export const chunkProgress = (
  id: number,
  quizId: number,
  range: { from: number; to: number },
  changed: number,
  now: Date,
) =>
  Prisma.sql`
  UPDATE "QuizRescore" SET "done" = "done" + (SELECT COUNT(*) FROM "QuizAttempt"
      WHERE "quizId" = ${quizId} AND "workerId" >= ${range.from} AND "workerId" <= ${range.to}
        AND "status" IN (${finished})),
    "changed" = "changed" + ${changed}, "cursor" = ${range.to}, "heartbeatAt" = ${now}
  WHERE "id" = ${id} AND "status" = 'running'`;

export const rescoreFinish = (id: number, status: string, now: Date) => Prisma.sql`
  UPDATE "QuizRescore" SET "status" = ${status}, "finishedAt" = ${now}, "heartbeatAt" = ${now}
  WHERE "id" = ${id} AND "status" = 'running'`;
