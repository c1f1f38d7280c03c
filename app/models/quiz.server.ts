// Knowledge quizzes (知识竞赛): question bank, quiz composition, attempts with a
// server-kept deadline, automatic scoring and leaderboards straight from the database.
import { randomInt as cryptoRandomInt } from "node:crypto";
import { bulkWrite, prisma, readSql, write } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { seededRng } from "~/domain/contest/random";
import {
  ANSWER_GRACE_SECONDS,
  attemptDeadline,
  composePaper,
  finishAttempt,
  organisationStats,
  parseAnswerSheet,
  parsePaper,
  recordAnswer,
  type DrawPlanEntry,
  type DrawProblem,
  type ImportedQuestion,
  type Question,
  type QuestionType,
} from "~/domain/quiz";

const KIND = "knowledge_quiz";

export type QuizOptionRow = { id: string; text: string };

function parseJson<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

export function listQuizContests() {
  return prisma.contest.findMany({
    where: { kind: KIND },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      _count: { select: { questions: true, quizzes: true } },
    },
  });
}

export function getQuizContest(code: string) {
  return prisma.contest.findFirst({
    where: { code, kind: KIND },
    select: { id: true, code: true, name: true, organiserId: true },
  });
}

export async function questionBankSummary(contestId: number) {
  const rows = await prisma.quizQuestion.groupBy({
    by: ["category", "type"],
    where: { contestId },
    _count: { _all: true },
  });
  const byCategory = new Map<string, Record<QuestionType, number>>();
  for (const r of rows) {
    const c = byCategory.get(r.category) ?? { single: 0, multiple: 0, true_false: 0 };
    c[r.type as QuestionType] = r._count._all;
    byCategory.set(r.category, c);
  }
  return [...byCategory]
    .map(([category, counts]) => ({
      category,
      ...counts,
      total: counts.single + counts.multiple + counts.true_false,
    }))
    .sort((a, b) => a.category.localeCompare(b.category, "zh"));
}

export function listQuizzes(contestId: number) {
  return prisma.quiz.findMany({
    where: { contestId },
    orderBy: { id: "desc" },
    select: {
      id: true,
      name: true,
      timeLimitSec: true,
      attemptsAllowed: true,
      opensAt: true,
      closesAt: true,
      plan: true,
      shuffle: true,
      onePerPage: true,
      pointsPerQuestion: true,
      _count: { select: { attempts: true } },
    },
  });
}

/** Adds the questions in one bulk transaction: all or nothing. */
export function importQuestions(contestId: number, questions: readonly ImportedQuestion[]) {
  const now = new Date();
  return bulkWrite((sql) =>
    sql.load(
      "QuizQuestion",
      ["contestId", "category", "type", "stem", "options", "answer", "difficulty", "createdAt"],
      questions.map((q) => [
        contestId,
        q.category,
        q.type,
        q.stem,
        JSON.stringify(q.options),
        JSON.stringify(q.correct),
        q.difficulty,
        now,
      ]),
    ),
  );
}

function toDomainQuestion(
  row: { id: number; type: string; category: string; options: string; answer: string },
  points: number,
): Question {
  return {
    id: String(row.id),
    type: row.type as QuestionType,
    category: row.category,
    options: parseJson<QuizOptionRow[]>(row.options, []),
    correct: parseJson<string[]>(row.answer, []),
    points,
  };
}

async function bank(contestId: number, points: number): Promise<Question[]> {
  const rows = await prisma.quizQuestion.findMany({
    where: { contestId },
    select: { id: true, type: true, category: true, options: true, answer: true },
  });
  return rows.map((r) => toDomainQuestion(r, points));
}

export type QuizInput = {
  name: string;
  timeLimitSec: number;
  attemptsAllowed: number;
  opensAt: Date;
  closesAt: Date;
  plan: DrawPlanEntry[];
  shuffle: boolean;
  onePerPage: boolean;
  pointsPerQuestion: number;
};

/** Composes a quiz after checking the bank can fill every planned category. */
export async function createQuiz(
  contestId: number,
  input: QuizInput,
): Promise<{ ok: true; id: number } | { ok: false; problems: DrawProblem[] }> {
  const questions = await bank(contestId, input.pointsPerQuestion);
  const trial = composePaper(questions, input.plan, seededRng(1), {
    shuffleQuestions: false,
    shuffleOptions: false,
  });
  if (!trial.ok) return { ok: false, problems: trial.error };
  const quiz = await write((tx) =>
    tx.quiz.create({ data: { contestId, ...input, plan: JSON.stringify(input.plan) } }),
  );
  return { ok: true, id: quiz.id };
}

// ───────────── workers ─────────────

export function listOpenQuizzes(now: Date, workerId: number) {
  return prisma.quiz.findMany({
    where: { opensAt: { lte: now }, closesAt: { gt: now }, contest: { kind: KIND } },
    orderBy: { closesAt: "asc" },
    select: {
      id: true,
      name: true,
      timeLimitSec: true,
      attemptsAllowed: true,
      closesAt: true,
      contest: { select: { name: true } },
      attempts: {
        where: { workerId },
        orderBy: { attemptNo: "desc" },
        select: { status: true, score: true, attemptNo: true },
      },
    },
  });
}

const attemptSelect = {
  id: true,
  quizId: true,
  workerId: true,
  attemptNo: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  status: true,
  paper: true,
  answers: true,
  score: true,
  durationMs: true,
} as const;

type AttemptRow = { id: number; startedAt: Date; deadline: Date; paper: string; answers: string };

async function finishAndStore(attempt: AttemptRow, points: number, now: Date) {
  const paper = parsePaper(attempt.paper);
  const rows = await prisma.quizQuestion.findMany({
    where: { id: { in: paper.map((p) => Number(p.questionId)) } },
    select: { id: true, type: true, category: true, options: true, answer: true },
  });
  const done = finishAttempt({
    questions: rows.map((r) => toDomainQuestion(r, points)),
    sheet: parseAnswerSheet(attempt.answers),
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    now,
  });
  // Only an attempt still in progress is closed, so a double submit stores one result.
  await write((tx) =>
    tx.quizAttempt.updateMany({
      where: { id: attempt.id, status: "in_progress" },
      data: {
        status: done.status,
        submittedAt: done.submittedAt,
        score: done.score,
        durationMs: done.durationMs,
      },
    }),
  );
  return done;
}

/**
 * The server ends attempts whose time is up, whether or not the browser ever came back:
 * run before anything shows attempts or leaderboards.
 */
export async function closeExpiredAttempts(quizId: number, now: Date) {
  const quiz = await prisma.quiz.findUnique({
    where: { id: quizId },
    select: { pointsPerQuestion: true },
  });
  if (!quiz) return 0;
  const expired = await prisma.quizAttempt.findMany({
    where: {
      quizId,
      status: "in_progress",
      deadline: { lt: new Date(now.getTime() - ANSWER_GRACE_SECONDS * 1000) },
    },
    select: { id: true, startedAt: true, deadline: true, paper: true, answers: true },
  });
  for (const a of expired) await finishAndStore(a, quiz.pointsPerQuestion, now);
  return expired.length;
}

/** Everything the quiz page needs for one worker; null when the quiz does not exist. */
export async function workerQuizState(quizId: number, workerId: number, now: Date) {
  const quiz = await prisma.quiz.findFirst({
    where: { id: quizId, contest: { kind: KIND } },
    select: {
      id: true,
      name: true,
      timeLimitSec: true,
      attemptsAllowed: true,
      opensAt: true,
      closesAt: true,
      onePerPage: true,
      pointsPerQuestion: true,
      plan: true,
      contest: { select: { name: true } },
    },
  });
  if (!quiz) return null;
  await closeExpiredAttempts(quizId, now);
  const attempts = await prisma.quizAttempt.findMany({
    where: { quizId, workerId },
    orderBy: { attemptNo: "asc" },
    select: attemptSelect,
  });
  const current = attempts.find((a) => a.status === "in_progress") ?? null;
  let questions: { id: string; type: QuestionType; stem: string; options: QuizOptionRow[] }[] = [];
  let answers: Record<string, string[]> = {};
  if (current) {
    const paper = parsePaper(current.paper);
    const rows = await prisma.quizQuestion.findMany({
      where: { id: { in: paper.map((p) => Number(p.questionId)) } },
      select: { id: true, type: true, stem: true, options: true },
    });
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    questions = paper.flatMap((p) => {
      const row = byId.get(p.questionId);
      if (!row) return [];
      const options = parseJson<QuizOptionRow[]>(row.options, []);
      return [
        {
          id: p.questionId,
          type: row.type as QuestionType,
          stem: row.stem,
          options: p.optionOrder.flatMap((id) => options.filter((o) => o.id === id)),
        },
      ];
    });
    answers = Object.fromEntries(
      Object.entries(parseAnswerSheet(current.answers)).map(([k, v]) => [k, [...v.o]]),
    );
  }
  const open = quiz.opensAt <= now && now < quiz.closesAt;
  const finished = attempts.filter((a) => a.status !== "in_progress");
  return {
    quiz: { ...quiz, plan: parseJson<DrawPlanEntry[]>(quiz.plan, []) },
    open,
    canStart: open && !current && attempts.length < quiz.attemptsAllowed,
    current: current
      ? {
          id: current.id,
          deadline: current.deadline,
          startedAt: current.startedAt,
          questions,
          answers,
        }
      : null,
    finished: finished.map((a) => ({
      id: a.id,
      attemptNo: a.attemptNo,
      status: a.status,
      score: a.score,
      durationMs: a.durationMs,
      submittedAt: a.submittedAt,
    })),
    maxScore:
      questions.length > 0
        ? questions.length * quiz.pointsPerQuestion * 100
        : quiz.plan
          ? planTotal(quiz.plan) * quiz.pointsPerQuestion * 100
          : 0,
  };
}

function planTotal(plan: string): number {
  return parseJson<DrawPlanEntry[]>(plan, []).reduce(
    (s, e) => s + (Number.isFinite(e.count) ? e.count : 0),
    0,
  );
}

export type StartOutcome =
  | { ok: true; attemptId: number }
  | { ok: false; reason: "closed" | "no_attempts_left" | "in_progress" | "bank" };

export async function startAttempt(
  quizId: number,
  worker: { workerId: number },
  now: Date,
): Promise<StartOutcome> {
  const quiz = await prisma.quiz.findUnique({ where: { id: quizId } });
  if (!quiz || now < quiz.opensAt || now >= quiz.closesAt) return { ok: false, reason: "closed" };
  const workerRow = await prisma.worker.findUnique({
    where: { id: worker.workerId },
    select: { organisationId: true },
  });
  if (!workerRow) return { ok: false, reason: "closed" };
  const questions = await bank(quiz.contestId, quiz.pointsPerQuestion);
  // An unpredictable seed, so neighbours do not get the same paper; it is recorded in the paper order itself.
  const rng = seededRng(cryptoRandomInt(0, 2 ** 32 - 1));
  const paper = composePaper(questions, parseJson<DrawPlanEntry[]>(quiz.plan, []), rng, {
    shuffleQuestions: quiz.shuffle,
    shuffleOptions: quiz.shuffle,
  });
  if (!paper.ok) return { ok: false, reason: "bank" };
  const deadline = attemptDeadline(now, quiz.timeLimitSec, quiz.closesAt) ?? quiz.closesAt;
  return write(async (tx) => {
    const attempts = await tx.quizAttempt.findMany({
      where: { quizId, workerId: worker.workerId },
      select: { status: true, attemptNo: true },
    });
    if (attempts.some((a) => a.status === "in_progress"))
      return { ok: false as const, reason: "in_progress" as const };
    if (attempts.length >= quiz.attemptsAllowed)
      return { ok: false as const, reason: "no_attempts_left" as const };
    const created = await tx.quizAttempt.create({
      data: {
        quizId,
        workerId: worker.workerId,
        organisationId: workerRow.organisationId,
        attemptNo: attempts.length + 1,
        startedAt: now,
        deadline,
        paper: JSON.stringify(paper.value),
      },
    });
    return { ok: true as const, attemptId: created.id };
  });
}

export type SaveOutcome = "saved" | "late" | "invalid" | "not_found" | "finished";

/** Saves one answer as the worker goes. Scoped to the worker's own attempt. */
export async function saveAnswer(
  attemptId: number,
  workerId: number,
  questionId: string,
  optionIds: string[],
  now: Date,
): Promise<SaveOutcome> {
  const attempt = await prisma.quizAttempt.findFirst({
    where: { id: attemptId, workerId },
    select: { id: true, status: true, quizId: true },
  });
  if (!attempt) return "not_found";
  if (attempt.status !== "in_progress") return "finished";
  const outcome = await write(async (tx) => {
    // Take the write lock first (a no-op write), then read: two quick saves from one phone
    // must not overwrite each other, and a transaction that read before writing would fail
    // with SQLITE_BUSY instead of waiting when another process (a re-scoring job) wrote meanwhile.
    await tx.quizAttempt.updateMany({
      where: { id: attemptId, status: "in_progress" },
      data: { status: "in_progress" },
    });
    const row = await tx.quizAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { paper: true, answers: true, deadline: true, status: true },
    });
    if (row.status !== "in_progress") return "finished" as const;
    const result = recordAnswer(
      parsePaper(row.paper),
      parseAnswerSheet(row.answers),
      questionId,
      optionIds,
      now,
      row.deadline,
    );
    if (result.kind === "late") return "late" as const;
    if (result.kind !== "saved") return "invalid" as const;
    await tx.quizAttempt.update({
      where: { id: attemptId },
      data: { answers: JSON.stringify(result.sheet) },
    });
    return "saved" as const;
  });
  if (outcome === "late") await closeExpiredAttempts(attempt.quizId, now);
  return outcome;
}

/** Hands the attempt in. After the deadline it is recorded as timed out, with on-time answers only. */
export async function submitAttempt(attemptId: number, workerId: number, now: Date) {
  const attempt = await prisma.quizAttempt.findFirst({
    where: { id: attemptId, workerId },
    select: {
      id: true,
      status: true,
      startedAt: true,
      deadline: true,
      paper: true,
      answers: true,
      quiz: { select: { pointsPerQuestion: true } },
    },
  });
  if (!attempt) return null;
  if (attempt.status !== "in_progress") return attempt.status;
  const done = await finishAndStore(attempt, attempt.quiz.pointsPerQuestion, now);
  return done.status;
}

// ───────────── leaderboards ─────────────

export function getQuiz(quizId: number) {
  return prisma.quiz.findFirst({
    where: { id: quizId, contest: { kind: KIND } },
    select: {
      id: true,
      name: true,
      timeLimitSec: true,
      closesAt: true,
      pointsPerQuestion: true,
      plan: true,
      contest: { select: { code: true, name: true, organiserId: true } },
    },
  });
}

export type LeaderboardRow = {
  rank: number;
  workerId: number;
  name: string;
  organisation: string;
  score: number;
  durationMs: number;
};

/**
 * Boards that are expensive to compute (a quiz with hundreds of thousands of attempts takes
 * seconds) are kept for a short while and shared by concurrent requests; cheap ones are
 * always computed afresh, so a small quiz shows a submission at once.
 */
const SLOW_BOARD_MS = 200;
const BOARD_TTL_MS = 30_000;
const boardCache = new Map<string, { at: number; value: Promise<unknown> }>();

function cachedBoard<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = boardCache.get(key);
  if (hit && Date.now() - hit.at < BOARD_TTL_MS) return hit.value as Promise<T>;
  const started = Date.now();
  const value = compute();
  boardCache.set(key, { at: started, value });
  value.then(
    () => {
      if (Date.now() - started < SLOW_BOARD_MS && boardCache.get(key)?.value === value)
        boardCache.delete(key);
    },
    () => boardCache.delete(key),
  );
  return value;
}

/**
 * Each worker's best attempt, ranked by score, then time taken, then submission time
 * (rankAttempts in app/domain/quiz states the same order; a model test keeps them equal).
 * Computed by SQLite window functions so 500,000 attempts never travel into JavaScript.
 */
async function rankedBoard(quizId: number): Promise<LeaderboardRow[]> {
  const rows = await readSql().rows<Record<string, unknown>>(Prisma.sql`
    WITH "best" AS (
      SELECT a."workerId", a."organisationId", a."score", a."durationMs", a."submittedAt",
             ROW_NUMBER() OVER (PARTITION BY a."workerId" ORDER BY a."score" DESC, a."durationMs" ASC, a."submittedAt" ASC) AS "n"
      FROM "QuizAttempt" a
      WHERE a."quizId" = ${quizId} AND a."status" IN ('submitted', 'timed_out') AND a."score" IS NOT NULL
    )
    SELECT RANK() OVER (ORDER BY b."score" DESC, b."durationMs" ASC, b."submittedAt" ASC) AS "rank", b."workerId" AS "workerId",
           w."name" AS "name", COALESCE(o."shortName", o."name") AS "organisation", b."score" AS "score", b."durationMs" AS "durationMs"
    FROM "best" b JOIN "Worker" w ON w."id" = b."workerId" JOIN "Organisation" o ON o."id" = b."organisationId"
    WHERE b."n" = 1
    ORDER BY "rank", b."workerId"`);
  return rows.map((r) => ({
    rank: Number(r.rank),
    workerId: Number(r.workerId),
    name: String(r.name),
    organisation: String(r.organisation),
    score: Number(r.score),
    durationMs: Number(r.durationMs),
  }));
}

export async function quizLeaderboard(quizId: number, limit = 50, workerId: number | null = null) {
  const all = await cachedBoard(`people:${quizId}`, () => rankedBoard(quizId));
  return {
    top: all.slice(0, limit),
    mine: workerId === null ? null : (all.find((r) => r.workerId === workerId) ?? null),
  };
}

/**
 * Participation and average per organisation: every enterprise under the quiz's organiser
 * (its members are the ones expected to take part), plus any other organisation with results.
 */
export function organisationLeaderboard(quizId: number, organiserId: number) {
  return cachedBoard(`orgs:${quizId}:${organiserId}`, () =>
    computeOrganisationBoard(quizId, organiserId),
  );
}

async function computeOrganisationBoard(quizId: number, organiserId: number) {
  const organiser = await prisma.organisation.findUnique({
    where: { id: organiserId },
    select: { path: true },
  });
  const prefix = `${organiser?.path ?? "/"}${organiser?.path.endsWith("/") ? "" : "/"}`;
  const [orgs, best] = await Promise.all([
    prisma.organisation.findMany({
      where: { kind: "enterprise", path: { startsWith: prefix } },
      select: { id: true, name: true, shortName: true, headcount: true },
    }),
    readSql().rows<{ organisationId: number; workerId: number; best: number }>(Prisma.sql`
      SELECT "organisationId", "workerId", MAX("score") AS "best"
      FROM "QuizAttempt"
      WHERE "quizId" = ${quizId} AND "status" IN ('submitted', 'timed_out') AND "score" IS NOT NULL
      GROUP BY "organisationId", "workerId"`),
  ]);
  const stats = organisationStats(
    orgs.map((o) => ({ organisationId: String(o.id), headcount: o.headcount })),
    best.map((b) => ({
      organisationId: String(b.organisationId),
      participantId: String(b.workerId),
      score: Number(b.best),
    })),
  );
  const missing = stats
    .filter((s) => !orgs.some((o) => String(o.id) === s.organisationId))
    .map((s) => Number(s.organisationId));
  const extra = missing.length
    ? await prisma.organisation.findMany({
        where: { id: { in: missing } },
        select: { id: true, name: true, shortName: true, headcount: true },
      })
    : [];
  const names = new Map([...orgs, ...extra].map((o) => [String(o.id), o.shortName ?? o.name]));
  return stats
    .map((s) => ({ ...s, name: names.get(s.organisationId) ?? s.organisationId }))
    .sort(
      (a, b) =>
        (b.participationRate ?? -1) - (a.participationRate ?? -1) ||
        (b.averageScore ?? -1) - (a.averageScore ?? -1) ||
        a.name.localeCompare(b.name, "zh"),
    );
}

/**
 * Re-scores every finished attempt of a quiz (after the answer key was corrected, or for
 * the benchmark) in chunks: each chunk is read, scored and written in one short bulk
 * transaction, and the loop yields between chunks so pages keep being served meanwhile.
 */
export async function rescoreQuiz(
  quizId: number,
  chunkSize = 5_000,
): Promise<{ attempts: number }> {
  const quiz = await prisma.quiz.findUnique({
    where: { id: quizId },
    select: { contestId: true, pointsPerQuestion: true },
  });
  if (!quiz) return { attempts: 0 };
  const questions = new Map(
    (await bank(quiz.contestId, quiz.pointsPerQuestion)).map((q) => [q.id, q]),
  );
  let lastId = 0;
  let total = 0;
  for (;;) {
    // Read outside the write transaction: a transaction that reads first and writes later
    // would fail with SQLITE_BUSY whenever a worker's answer was saved in between.
    const rows = await readSql().rows<{
      id: number;
      startedAt: Date;
      deadline: Date;
      submittedAt: Date | null;
      paper: string;
      answers: string;
    }>(Prisma.sql`
      SELECT "id", "startedAt", "deadline", "submittedAt", "paper", "answers" FROM "QuizAttempt"
      WHERE "quizId" = ${quizId} AND "id" > ${lastId} AND "status" IN ('submitted', 'timed_out')
      ORDER BY "id" LIMIT ${Prisma.raw(String(Math.trunc(chunkSize)))}`);
    if (rows.length === 0) break;
    const scored = rows.map((a) => {
      const deadline = new Date(a.deadline);
      const result = finishAttempt({
        questions: parsePaper(a.paper).flatMap((p) => questions.get(p.questionId) ?? []),
        sheet: parseAnswerSheet(a.answers),
        startedAt: new Date(a.startedAt),
        deadline,
        now: a.submittedAt ? new Date(a.submittedAt) : deadline,
      });
      return [result.score, result.durationMs, Number(a.id)] as const;
    });
    await bulkWrite(async (sql) => {
      for (const [score, durationMs, id] of scored)
        await sql.run(
          Prisma.sql`UPDATE "QuizAttempt" SET "score" = ${score}, "durationMs" = ${durationMs} WHERE "id" = ${id}`,
        );
    });
    total += rows.length;
    lastId = Number(rows[rows.length - 1]?.id ?? lastId);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { attempts: total };
}
