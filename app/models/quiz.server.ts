// Knowledge quizzes (知识竞赛): the question bank, composing single papers and daily campaigns,
// and a worker's attempts with a server-kept deadline, automatic scoring and answer review.
// The hot paths (the question page, an answer save, a hand-in) run as prepared statements on
// the raw connections (quiz.sql.server.ts); every hand-in updates the boards in the same
// transaction (quiz-board.server.ts).
import { randomInt as cryptoRandomInt } from "node:crypto";
import { bulkWrite, prisma, readSql, sqlWrite, write, type Sql } from "~/db.server";
import type { OrganiserScope } from "~/domain/organisation";
import { countFinishedAttempt } from "~/models/entry-stats.server";
import { contestInScope, contestsIn } from "~/models/scope.server";
import { seededRng } from "~/domain/contest/random";
import {
  ANSWER_GRACE_SECONDS,
  BoardChanges,
  answerKeyOf,
  answerRowsOf,
  OVERALL,
  arrangePaper,
  attemptDeadline,
  composePaper,
  drawQuestions,
  drawRoundSet,
  finishAttempt,
  inScope,
  latestRound,
  parseAnswerSheet,
  parsePaper,
  recordAnswer,
  reviewAttempt,
  reviewOpen,
  roundAt,
  roundByNumber,
  roundCount,
  streaks,
  submissionChanges,
  type DrawMode,
  type DrawPlanEntry,
  type DrawProblem,
  type ImportedQuestion,
  type PaperEntry,
  type PartialCredit,
  type Question,
  type QuestionType,
  type QuizKind,
  type ReviewPolicy,
  type Round,
  type RoundSchedule,
  type Standing,
} from "~/domain/quiz";
import { appendAudit } from "~/models/audit.server";
import { applyBoardChanges, standingOfRow } from "~/models/quiz-board.server";
import {
  attemptById,
  attemptInProgress,
  attemptsOfWorker,
  bankOf,
  closeAttempt,
  expiredAttempts,
  insertAnswerRows,
  insertAttempt,
  insertRoundSet,
  ownAttempt,
  quizOfAttempt,
  questionsByIds,
  quizById,
  roundSet,
  saveAnswers,
  standingOf,
  standingsOfWorker,
  workerById,
  openQuizzes,
  type AttemptFull,
  type OpenQuizRow,
  type QuestionRow,
  type QuizRow,
  type StandingRow,
  type WorkerRow,
} from "~/models/quiz.sql.server";
import { fail, failIfAny, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";

const KIND = "knowledge_quiz";

export type QuizOptionRow = { id: string; text: string };

function parseJson<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

// ───────────── the quiz as the rules see it ─────────────

/** A quiz as the rules see it: what the organiser composed, with its contest and scope. */
export type QuizSettings = Omit<QuizInput, "scopeOrgId"> & {
  id: number;
  contestId: number;
  drawSeed: number;
  contestName: string;
  contestCode: string;
  scope: { id: number; name: string; path: string };
};

export function settingsOf(row: QuizRow): QuizSettings {
  return {
    id: row.id,
    contestId: row.contestId,
    name: row.name,
    kind: row.kind === "campaign" ? "campaign" : "paper",
    timeLimitSec: row.timeLimitSec,
    attemptsAllowed: row.attemptsAllowed,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    plan: parseJson<DrawPlanEntry[]>(row.plan, []),
    drawMode: row.drawMode === "shared" ? "shared" : "personal",
    drawSeed: row.drawSeed,
    shuffle: row.shuffle === 1,
    onePerPage: row.onePerPage === 1,
    pointsPerQuestion: row.pointsPerQuestion,
    reviewPolicy: (["after_submit", "after_close", "never"] as const).includes(
      row.reviewPolicy as ReviewPolicy,
    )
      ? (row.reviewPolicy as ReviewPolicy)
      : "after_close",
    partialCredit: (["none", "half", "proportional"] as const).includes(
      row.partialCredit as PartialCredit,
    )
      ? (row.partialCredit as PartialCredit)
      : "none",
    contestName: row.contestName,
    contestCode: row.contestCode,
    scope: { id: row.scopeId, name: row.scopeName, path: row.scopePath },
  };
}

export async function loadQuiz(sql: Sql, quizId: number): Promise<QuizSettings | null> {
  const row = await sql.one<QuizRow>(quizById(quizId));
  return row ? settingsOf(row) : null;
}

function toQuestion(row: QuestionRow, points: number): Question {
  return {
    id: String(row.id),
    type: row.type as QuestionType,
    category: row.category,
    options: parseJson<QuizOptionRow[]>(row.options, []),
    correct: parseJson<string[]>(row.answer, []),
    points,
    difficulty: row.difficulty,
  };
}

async function bank(sql: Sql, contestId: number, points: number): Promise<Question[]> {
  return (await sql.rows<QuestionRow>(bankOf(contestId))).map((r) => toQuestion(r, points));
}

function paperQuestions(sql: Sql, paperIds: readonly string[]): Promise<QuestionRow[]> {
  return sql.rows<QuestionRow>(questionsByIds(paperIds.map(Number).filter(Number.isSafeInteger)));
}

// ───────────── organisers: bank and composition ─────────────

export type QuizListFilter = { closingWithinDays?: number; now?: Date };

/** The organiser's quiz competitions; `closingWithinDays` keeps those with a quiz open now that closes that soon. */
export function listQuizContests(scope: OrganiserScope, filter: QuizListFilter = {}) {
  const now = filter.now ?? new Date();
  const closing =
    filter.closingWithinDays === undefined
      ? {}
      : {
          quizzes: {
            some: {
              opensAt: { lte: now },
              closesAt: {
                gt: now,
                lte: new Date(now.getTime() + filter.closingWithinDays * 86_400_000),
              },
            },
          },
        };
  return prisma.contest.findMany({
    where: { AND: [{ kind: KIND }, contestsIn(scope), closing] },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      _count: { select: { questions: true, quizzes: true } },
      quizzes: {
        where: { opensAt: { lte: now }, closesAt: { gt: now } },
        orderBy: { closesAt: "asc" },
        select: { id: true, name: true, closesAt: true },
      },
    },
  });
}

/** A quiz competition the organiser manages, or null. */
export function getQuizContest(scope: OrganiserScope, code: string) {
  return prisma.contest.findFirst({
    where: { code, kind: KIND, ...contestsIn(scope) },
    select: { id: true, code: true, name: true, organiserId: true },
  });
}

/** Questions per category, by type and by difficulty, for the bank table and the composer. */
export async function questionBankSummary(contestId: number) {
  const rows = await prisma.quizQuestion.groupBy({
    by: ["category", "type", "difficulty"],
    where: { contestId },
    _count: { _all: true },
  });
  type Summary = Record<QuestionType, number> & { byDifficulty: Record<number, number> };
  const byCategory = new Map<string, Summary>();
  for (const r of rows) {
    const c = byCategory.get(r.category) ?? {
      single: 0,
      multiple: 0,
      true_false: 0,
      byDifficulty: {},
    };
    c[r.type as QuestionType] += r._count._all;
    c.byDifficulty[r.difficulty] = (c.byDifficulty[r.difficulty] ?? 0) + r._count._all;
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
      kind: true,
      timeLimitSec: true,
      attemptsAllowed: true,
      opensAt: true,
      closesAt: true,
      drawMode: true,
      _count: { select: { attempts: true } },
    },
  });
}

/** The unions an organiser can open a quiz to: the contest organiser and the unions under it. */
export async function scopeChoices(organiserId: number) {
  const organiser = await prisma.organisation.findUnique({
    where: { id: organiserId },
    select: { id: true, name: true, path: true },
  });
  if (!organiser) return [];
  const unions = await prisma.organisation.findMany({
    where: { path: { startsWith: organiser.path }, kind: { not: "enterprise" } },
    orderBy: [{ path: "asc" }],
    select: { id: true, name: true, path: true },
  });
  return unions.some((u) => u.id === organiser.id) ? unions : [organiser, ...unions];
}

/** Adds the questions in one bulk transaction: all or nothing. */
export async function importQuestions(
  scope: OrganiserScope,
  contestId: number,
  questions: readonly ImportedQuestion[],
) {
  if (!(await contestInScope(scope, contestId))) return null;
  const now = new Date();
  return bulkWrite((sql) =>
    sql.load(
      "QuizQuestion",
      [
        "contestId",
        "category",
        "type",
        "stem",
        "options",
        "answer",
        "difficulty",
        "explanation",
        "createdAt",
      ],
      questions.map((q) => [
        contestId,
        q.category,
        q.type,
        q.stem,
        JSON.stringify(q.options),
        JSON.stringify(q.correct),
        q.difficulty,
        q.explanation,
        now,
      ]),
    ),
  );
}

export type QuizInput = {
  name: string;
  kind: QuizKind;
  timeLimitSec: number;
  attemptsAllowed: number;
  opensAt: Date;
  closesAt: Date;
  plan: DrawPlanEntry[];
  drawMode: DrawMode;
  shuffle: boolean;
  onePerPage: boolean;
  pointsPerQuestion: number;
  reviewPolicy: ReviewPolicy;
  partialCredit: PartialCredit;
  scopeOrgId: number;
};

/**
 * Composes a quiz after checking the bank can fill a paper (or a day's set) and the scope:
 * its id, or the problems (quiz.quiz_scope_invalid; rules.quiz_category_* for what the bank
 * lacks). Null when the contest is not the organiser's.
 */
export async function createQuiz(
  scope: OrganiserScope,
  contestId: number,
  input: QuizInput,
  actorId: number | null = null,
): Promise<Outcome<{ id: number }, KeyedProblem> | null> {
  if (!(await contestInScope(scope, contestId))) return null;
  const contest = await prisma.contest.findUnique({
    where: { id: contestId },
    select: { organiserId: true },
  });
  const scopes = contest ? await scopeChoices(contest.organiserId) : [];
  if (!scopes.some((s) => s.id === input.scopeOrgId)) return refuse("quiz.quiz_scope_invalid");
  const questions = await bank(readSql(), contestId, input.pointsPerQuestion);
  const drawSeed = cryptoRandomInt(1, 2 ** 31 - 1);
  const trial =
    input.drawMode === "shared"
      ? drawRoundSet(questions, input.plan, drawSeed, 1)
      : drawQuestions(questions, input.plan, seededRng(1));
  if (!trial.ok) return fail(...trial.problems.map(drawProblem));
  const quiz = await write(async (tx) => {
    const created = await tx.quiz.create({
      data: { contestId, ...input, drawSeed, plan: JSON.stringify(input.plan) },
    });
    await appendAudit(tx, {
      actorId,
      action: "quiz.create",
      entityType: "Quiz",
      entityId: created.id,
      after: { ...input, plan: input.plan },
    });
    return created;
  });
  return ok({ id: quiz.id });
}

/** What the bank lacks for the plan, as a keyed problem (rules.quiz_category_*). */
function drawProblem(p: DrawProblem): KeyedProblem {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params))
    if (typeof v === "string" || typeof v === "number") params[k] = v;
  return { code: `rules.${p.code}`, params };
}

// ───────────── organisers: questions and rules ─────────────

const BANK_PAGE = 50;

export async function listQuestions(
  contestId: number,
  filter: { category?: string; search?: string; page?: number },
) {
  const where = {
    contestId,
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.search ? { stem: { contains: filter.search } } : {}),
  };
  const page = Math.max(1, Math.trunc(filter.page ?? 1));
  const [total, rows] = await Promise.all([
    prisma.quizQuestion.count({ where }),
    prisma.quizQuestion.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (page - 1) * BANK_PAGE,
      take: BANK_PAGE,
      select: {
        id: true,
        category: true,
        type: true,
        stem: true,
        answer: true,
        difficulty: true,
        explanation: true,
      },
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / BANK_PAGE)),
    questions: rows.map((r) => ({ ...r, answer: parseJson<string[]>(r.answer, []) })),
  };
}

export async function getQuestion(contestId: number, questionId: number) {
  const row = await prisma.quizQuestion.findFirst({
    where: { id: questionId, contestId },
    select: {
      id: true,
      category: true,
      type: true,
      stem: true,
      options: true,
      answer: true,
      difficulty: true,
      explanation: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    type: row.type as QuestionType,
    options: parseJson<QuizOptionRow[]>(row.options, []),
    answer: parseJson<string[]>(row.answer, []),
  };
}

/**
 * Corrects a bank question's answer and explanation, with the reason in the audit log. Scores
 * already stored change only when the organiser re-scores the quizzes that use it. The value
 * says whether the answer changed; the problems name the options
 * (rules.quiz_question_unknown_correct_option, rules.quiz_question_correct_count). Null when
 * the question is not the contest's.
 */
export async function correctQuestion(
  contestId: number,
  questionId: number,
  change: { answer: string[]; explanation: string; reason: string },
  actorId: number,
): Promise<Outcome<{ changed: boolean }, KeyedProblem> | null> {
  const question = await getQuestion(contestId, questionId);
  if (!question) return null;
  const ids =
    question.type === "true_false" ? ["true", "false"] : question.options.map((o) => o.id);
  const answer = [...new Set(change.answer)];
  const problems: KeyedProblem[] = [];
  for (const option of answer)
    if (!ids.includes(option))
      problems.push({
        code: "rules.quiz_question_unknown_correct_option",
        params: { option },
      });
  const countOk = question.type === "multiple" ? answer.length >= 2 : answer.length === 1;
  if (!countOk)
    problems.push({
      code: "rules.quiz_question_correct_count",
      params: { type: question.type },
    });
  const refusal = failIfAny(problems);
  if (refusal) return refusal;
  const ordered = ids.filter((id) => answer.includes(id));
  const before = { answer: question.answer, explanation: question.explanation };
  const after = { answer: ordered, explanation: change.explanation };
  if (JSON.stringify(before) === JSON.stringify(after)) return ok({ changed: false });
  await write(async (tx) => {
    await tx.quizQuestion.update({
      where: { id: questionId },
      data: { answer: JSON.stringify(ordered), explanation: change.explanation },
    });
    await appendAudit(tx, {
      actorId,
      action: "quiz.question.correct",
      entityType: "QuizQuestion",
      entityId: questionId,
      before,
      after,
      reason: change.reason,
    });
  });
  return ok({ changed: JSON.stringify(before.answer) !== JSON.stringify(ordered) });
}

/** The quizzes of a contest whose stored scores may depend on a question's answer. */
export function quizzesWithAttempts(contestId: number) {
  return prisma.quiz.findMany({
    where: { contestId, attempts: { some: { status: { in: ["submitted", "timed_out"] } } } },
    orderBy: { id: "desc" },
    select: { id: true, name: true },
  });
}

export async function getQuizForAdmin(contestId: number, quizId: number) {
  const row = await readSql().one<QuizRow>(quizById(quizId));
  if (!row || row.contestId !== contestId) return null;
  const quiz = settingsOf(row);
  const [attempts, participants] = await Promise.all([
    prisma.quizAttempt.count({ where: { quizId, status: { in: ["submitted", "timed_out"] } } }),
    prisma.quizStanding.count({ where: { quizId, day: OVERALL } }),
  ]);
  return { quiz, rounds: roundCount(quiz), attempts, participants };
}

/** Changes how answers are shown and scored; the caller re-scores when the scoring rule moved. */
export async function updateQuizRules(
  quizId: number,
  rules: { reviewPolicy: ReviewPolicy; partialCredit: PartialCredit },
  actorId: number,
): Promise<{ scoringChanged: boolean }> {
  return write(async (tx) => {
    const before = await tx.quiz.findUniqueOrThrow({
      where: { id: quizId },
      select: { reviewPolicy: true, partialCredit: true },
    });
    if (before.reviewPolicy === rules.reviewPolicy && before.partialCredit === rules.partialCredit)
      return { scoringChanged: false };
    await tx.quiz.update({ where: { id: quizId }, data: rules });
    await appendAudit(tx, {
      actorId,
      action: "quiz.rules",
      entityType: "Quiz",
      entityId: quizId,
      before,
      after: rules,
    });
    return { scoringChanged: before.partialCredit !== rules.partialCredit };
  });
}

// ───────────── workers ─────────────

export type Eligibility =
  | { eligible: true; worker: WorkerRow }
  | { eligible: false; worker: WorkerRow | null; scope: string };

async function eligibility(sql: Sql, quiz: QuizSettings, workerId: number): Promise<Eligibility> {
  const worker = (await sql.one<WorkerRow>(workerById(workerId))) ?? null;
  if (worker && inScope(worker.path, quiz.scope.path)) return { eligible: true, worker };
  return { eligible: false, worker, scope: quiz.scope.name };
}

/** Open quizzes this worker may take, with how far they have got. */
export async function listOpenQuizzes(now: Date, workerId: number) {
  const sql = readSql();
  const worker = await sql.one<WorkerRow>(workerById(workerId));
  if (!worker) return [];
  const quizzes = (await sql.rows<OpenQuizRow>(openQuizzes(now))).filter((q) =>
    inScope(worker.path, q.scopePath),
  );
  return Promise.all(
    quizzes.map(async (q) => {
      const schedule: RoundSchedule = {
        kind: q.kind === "campaign" ? "campaign" : "paper",
        opensAt: q.opensAt,
        closesAt: q.closesAt,
      };
      const round = roundAt(schedule, now);
      const attempts = await sql.rows<{ day: number; status: string; score: number | null }>(
        attemptsOfWorker(q.id, workerId),
      );
      const today = attempts.filter((a) => a.day === round?.day);
      const last = today[today.length - 1] ?? null;
      const total = await sql.one<StandingRow>(standingOf(q.id, workerId, OVERALL));
      return {
        id: q.id,
        name: q.name,
        kind: schedule.kind,
        contestName: q.contestName,
        timeLimitSec: q.timeLimitSec,
        attemptsAllowed: q.attemptsAllowed,
        closesAt: schedule.closesAt,
        day: round?.day ?? null,
        days: roundCount(schedule),
        attemptsToday: today.length,
        last: last ? { status: last.status, score: last.score } : null,
        totalPoints: total ? total.points : null,
      };
    }),
  );
}

type PaperQuestion = { id: string; type: QuestionType; stem: string; options: QuizOptionRow[] };

async function questionsOnPaper(sql: Sql, paper: readonly PaperEntry[]): Promise<PaperQuestion[]> {
  const byId = new Map(
    (
      await paperQuestions(
        sql,
        paper.map((p) => p.questionId),
      )
    ).map((r) => [String(r.id), r]),
  );
  return paper.flatMap((p) => {
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
}

function reviewState(
  quiz: QuizSettings,
  attempt: { day: number; status: string },
  attemptsInRound: number,
  now: Date,
): boolean {
  const round = roundByNumber(quiz, attempt.day);
  return reviewOpen({
    policy: quiz.reviewPolicy,
    finished: attempt.status !== "in_progress",
    roundClosesAt: round?.closesAt ?? quiz.closesAt,
    attemptsLeft: quiz.attemptsAllowed - attemptsInRound,
    now,
  });
}

/**
 * Everything the quiz page needs for one worker; null when the quiz does not exist. `asked` is
 * the question the page shows (1-based, ?q=), kept within the paper: a quiz shown one question
 * a page gets that question alone, one on a single page gets them all.
 */
export async function workerQuizState(quizId: number, workerId: number, now: Date, asked = 1) {
  const sql = readSql();
  const quiz = await loadQuiz(sql, quizId);
  if (!quiz) return null;
  const access = await eligibility(sql, quiz, workerId);
  const round = roundAt(quiz, now);
  // The quiz as the lobby and the refusal show it (not needed while a paper is answered).
  const base = () => ({
    quiz: {
      id: quiz.id,
      name: quiz.name,
      kind: quiz.kind,
      contestName: quiz.contestName,
      timeLimitSec: quiz.timeLimitSec,
      attemptsAllowed: quiz.attemptsAllowed,
      opensAt: quiz.opensAt,
      closesAt: quiz.closesAt,
      onePerPage: quiz.onePerPage,
      pointsPerQuestion: quiz.pointsPerQuestion,
      questionCount: quiz.plan.reduce((s, e) => s + (Number.isFinite(e.count) ? e.count : 0), 0),
      reviewPolicy: quiz.reviewPolicy,
      scopeName: quiz.scope.name,
      days: roundCount(quiz),
    },
    round: round ? { day: round.day, opensAt: round.opensAt, closesAt: round.closesAt } : null,
  });
  if (!access.eligible)
    return {
      ...base(),
      eligible: false as const,
      organisation: access.worker?.organisation ?? null,
    };
  let current = await sql.one<AttemptFull>(attemptInProgress(quizId, workerId));
  // Time ran out while the phone was away: the server hands in before showing anything.
  if (current && current.deadline.getTime() + ANSWER_GRACE_SECONDS * 1000 < now.getTime()) {
    await finishAttempt_(current.id, now);
    current = undefined;
  }
  // A paper being answered is all the page shows (the lobby's rules, results, history and
  // streaks come back once it is handed in): nothing else is read, nor sent with every
  // question. One question a page reads and sends that question; the others are numbers and
  // whether each is answered (the overview), and every move to another question loads the
  // page's data anew.
  if (current) {
    const paper = parsePaper(current.paper);
    const sheet = parseAnswerSheet(current.answers);
    const index = quiz.onePerPage
      ? Math.min(Math.max(Math.trunc(asked) || 1, 1), Math.max(paper.length, 1)) - 1
      : 0;
    const shown = quiz.onePerPage ? paper.slice(index, index + 1) : paper;
    return {
      quiz: {
        id: quiz.id,
        name: quiz.name,
        contestName: quiz.contestName,
        onePerPage: quiz.onePerPage,
      },
      eligible: true as const,
      current: {
        id: current.id,
        deadline: current.deadline,
        total: paper.length,
        index,
        answered: paper.map((p) => Object.hasOwn(sheet, p.questionId)),
        questions: await questionsOnPaper(sql, shown),
        answers: Object.fromEntries(
          shown.flatMap((p): [string, string[]][] => {
            const answer = sheet[p.questionId];
            return answer ? [[p.questionId, [...answer.o]]] : [];
          }),
        ),
      },
    };
  }
  const attempts = await sql.rows<{
    id: number;
    attemptNo: number;
    day: number;
    status: string;
    score: number | null;
    durationMs: number | null;
    submittedAt: Date | null;
  }>(attemptsOfWorker(quizId, workerId));
  const inRound = round ? attempts.filter((a) => a.day === round.day) : [];
  const finished = attempts.filter((a) => a.status !== "in_progress");
  const perRound = new Map<number, number>();
  for (const a of attempts) perRound.set(a.day, (perRound.get(a.day) ?? 0) + 1);
  const standings = await sql.rows<StandingRow>(standingsOfWorker(quizId, workerId));
  const overall = standings.find((s) => s.day === OVERALL) ?? null;
  const days = standings.filter((s) => s.day !== OVERALL);
  const lobby = base();
  const maxScore = lobby.quiz.questionCount * quiz.pointsPerQuestion * 100;
  return {
    ...lobby,
    eligible: true as const,
    current: null,
    canStart: round !== null && inRound.length < quiz.attemptsAllowed,
    attemptsInRound: inRound.length,
    finished: finished.map((a) => ({
      id: a.id,
      attemptNo: a.attemptNo,
      day: a.day,
      status: a.status,
      score: a.score,
      durationMs: a.durationMs,
      submittedAt: a.submittedAt,
      reviewable: reviewState(quiz, a, perRound.get(a.day) ?? 0, now),
      reviewFrom: roundByNumber(quiz, a.day)?.closesAt ?? quiz.closesAt,
      attemptsLeft: quiz.attemptsAllowed - (perRound.get(a.day) ?? 0),
    })),
    maxScore,
    overall: overall
      ? { points: overall.points, durationMs: Number(overall.durationMs), days: overall.days }
      : null,
    history: days
      .map((s) => ({
        day: s.day,
        date: roundByNumber(quiz, s.day)?.opensAt ?? null,
        points: s.points,
        durationMs: Number(s.durationMs),
        attemptId: s.attemptId,
      }))
      .sort((a, b) => b.day - a.day),
    streaks: streaks(
      days.map((s) => s.day),
      round?.day ?? roundCount(quiz),
    ),
  };
}

/**
 * A new attempt's id, or why none was started: quiz.start.closed, .no_attempts_left,
 * .in_progress, .bank, or .not_eligible (the page answers that one with 403).
 */
export type StartOutcome = Outcome<{ attemptId: number }, KeyedProblem>;

/**
 * The questions of a new attempt (the paper as stored): the round's shared set, or a fresh
 * draw for this worker; quiz.start.bank when the bank can no longer fill it.
 */
async function drawFor(
  quiz: QuizSettings,
  round: Round,
  rng: () => number,
): Promise<Outcome<string, KeyedProblem>> {
  const options = { shuffleQuestions: quiz.shuffle, shuffleOptions: quiz.shuffle };
  if (quiz.drawMode === "personal") {
    const paper = composePaper(await bank(readSql(), quiz.contestId, 1), quiz.plan, rng, options);
    return paper.ok ? ok(JSON.stringify(paper.value)) : refuse("quiz.start.bank");
  }
  const stored = await readSql().one<{ questionIds: string }>(roundSet(quiz.id, round.day));
  let ids = stored ? parseJson<string[]>(stored.questionIds, []) : null;
  if (!ids) {
    const drawn = drawRoundSet(
      await bank(readSql(), quiz.contestId, 1),
      quiz.plan,
      quiz.drawSeed,
      round.day,
    );
    if (!drawn.ok) return refuse("quiz.start.bank");
    const proposal = JSON.stringify(drawn.value.map((q) => q.id));
    // Whoever starts the round first fixes its set; everyone else reads that one back.
    ids = await sqlWrite(
      async (sql) => {
        await sql.run(insertRoundSet(quiz.id, round.day, proposal, new Date()));
        const row = await sql.one<{ questionIds: string }>(roundSet(quiz.id, round.day));
        return parseJson<string[]>(row?.questionIds ?? proposal, []);
      },
      { quiz: quiz.id },
    );
  }
  const rows = await paperQuestions(readSql(), ids);
  const byId = new Map(rows.map((r) => [String(r.id), toQuestion(r, 1)]));
  const questions = ids.flatMap((id) => byId.get(id) ?? []);
  if (questions.length === 0) return refuse("quiz.start.bank");
  return ok(JSON.stringify(arrangePaper(questions, rng, options)));
}

export async function startAttempt(
  quizId: number,
  worker: { workerId: number },
  now: Date,
): Promise<StartOutcome> {
  const quiz = await loadQuiz(readSql(), quizId);
  if (!quiz) return refuse("quiz.start.closed");
  const access = await eligibility(readSql(), quiz, worker.workerId);
  if (!access.eligible) return refuse("quiz.start.not_eligible");
  const round = roundAt(quiz, now);
  if (!round) return refuse("quiz.start.closed");
  // An unpredictable seed, so neighbours do not get the same order; the order is stored on the attempt.
  const drawn = await drawFor(quiz, round, seededRng(cryptoRandomInt(0, 2 ** 32 - 1)));
  if (!drawn.ok) return drawn;
  const deadline = attemptDeadline(now, quiz.timeLimitSec, round.closesAt) ?? round.closesAt;
  return sqlWrite(
    async (sql): Promise<StartOutcome> => {
      const attempts = await sql.rows<{ day: number; status: string }>(
        attemptsOfWorker(quizId, worker.workerId),
      );
      if (attempts.some((a) => a.status === "in_progress")) return refuse("quiz.start.in_progress");
      if (attempts.filter((a) => a.day === round.day).length >= quiz.attemptsAllowed)
        return refuse("quiz.start.no_attempts_left");
      const created = await sql.one<{ id: number }>(
        insertAttempt({
          quizId,
          workerId: worker.workerId,
          organisationId: access.worker.organisationId,
          attemptNo: attempts.length + 1,
          day: round.day,
          startedAt: now,
          deadline,
          paper: drawn.value,
        }),
      );
      return ok({ attemptId: Number(created?.id) });
    },
    { quiz: quizId },
  );
}

/**
 * Saved, or why not: quiz.take.timeUp once the attempt is over (handed in, timed out, or this
 * save came after the deadline, which closes it), quiz.form.invalid on the option field for an
 * answer the paper does not have. Null when the attempt is not the worker's.
 */
export type SaveOutcome = Outcome<undefined, KeyedProblem> | null;

/**
 * Saves one answer as the worker goes: one short transaction on the raw connection that reads
 * the attempt, checks the answer against the paper and the server's deadline, and stores the
 * sheet. Not flushed to disk on its own (see WriteOptions.durable): a worker re-picks an
 * answer lost to a power cut, and the hand-in that scores it is durable.
 */
export async function saveAnswer(
  attemptId: number,
  workerId: number,
  questionId: string,
  optionIds: string[],
  now: Date,
): Promise<SaveOutcome> {
  const quizId = await attemptQuiz(attemptId);
  if (quizId === null) return null;
  const saved = await sqlWrite(
    async (sql): Promise<"saved" | "late" | "invalid" | "not_found" | "finished"> => {
      const row = await sql.one<AttemptFull>(ownAttempt(attemptId, workerId));
      if (!row) return "not_found";
      if (row.status !== "in_progress") return "finished";
      const result = recordAnswer(
        parsePaper(row.paper),
        parseAnswerSheet(row.answers),
        questionId,
        optionIds,
        now,
        row.deadline,
      );
      if (result.kind === "late") return "late";
      if (result.kind !== "saved") return "invalid";
      await sql.run(saveAnswers(attemptId, JSON.stringify(result.sheet)));
      return "saved";
    },
    // Beside other quizzes' and events' writes (PostgreSQL); one quiz's writes take turns.
    { durable: false, quiz: quizId },
  );
  if (saved === "late") await finishAttempt_(attemptId, now);
  if (saved === "not_found") return null;
  if (saved === "invalid") return refuse("quiz.form.invalid", {}, "option");
  return saved === "saved" ? ok() : refuse("quiz.take.timeUp");
}

/**
 * Scores and closes one attempt and moves the boards, in one transaction: the attempt, its
 * round's standing, the overall standing, their counts and the organisation figures commit
 * together or not at all. Returns the status, or null when it was not in progress.
 */
async function finishInTx(sql: Sql, attempt: AttemptFull, now: Date): Promise<string | null> {
  if (attempt.status !== "in_progress") return null;
  const quiz = await loadQuiz(sql, attempt.quizId);
  if (!quiz) return null;
  const paper = parsePaper(attempt.paper);
  const questions = (
    await paperQuestions(
      sql,
      paper.map((p) => p.questionId),
    )
  ).map((r) => toQuestion(r, quiz.pointsPerQuestion));
  const sheet = parseAnswerSheet(attempt.answers);
  const done = finishAttempt({
    questions,
    sheet,
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    now,
    partialCredit: quiz.partialCredit,
  });
  await sql.run(
    closeAttempt({
      id: attempt.id,
      status: done.status,
      submittedAt: done.submittedAt,
      score: done.score,
      durationMs: done.durationMs,
    }),
  );
  // One more finished attempt (and participant) in the year in numbers, in the same
  // transaction; the attempt was still in progress when this transaction read it.
  await countFinishedAttempt(sql, attempt);
  // The counted answers as rows, so a re-scoring moves their points set-based (their points
  // add up to the score: the same rule on the same answers).
  const keys = new Map(questions.map((q) => [q.id, answerKeyOf(q)]));
  const answers = answerRowsOf(keys, paper, sheet, attempt.deadline, quiz.partialCredit);
  for (const statement of insertAnswerRows(
    answers.map((a) => ({
      attemptId: attempt.id,
      quizId: attempt.quizId,
      workerId: attempt.workerId,
      questionId: Number(a.questionId),
      chosen: a.chosen,
      points: a.points,
    })),
  ))
    await sql.run(statement);
  const changes = new BoardChanges();
  const standing = async (day: number): Promise<Standing | null> => {
    const row = await sql.one<StandingRow>(standingOf(quiz.id, attempt.workerId, day));
    return row ? standingOfRow(row) : null;
  };
  submissionChanges(
    changes,
    attempt.workerId,
    {
      attemptId: attempt.id,
      day: attempt.day,
      organisationId: attempt.organisationId,
      score: done.score,
      durationMs: done.durationMs,
    },
    await standing(attempt.day),
    await standing(OVERALL),
  );
  await applyBoardChanges(sql, quiz.id, changes);
  return done.status;
}

/**
 * The quiz an attempt belongs to, read before its write so the write takes that quiz's lock
 * (an attempt never changes quiz); null when there is no such attempt.
 */
async function attemptQuiz(attemptId: number): Promise<number | null> {
  const row = await readSql().one<{ quizId: number }>(quizOfAttempt(attemptId));
  return row ? Number(row.quizId) : null;
}

async function finishAttempt_(attemptId: number, now: Date): Promise<string | null> {
  const quizId = await attemptQuiz(attemptId);
  if (quizId === null) return null;
  return sqlWrite(
    async (sql) => {
      const row = await sql.one<AttemptFull>(attemptById(attemptId));
      return row ? finishInTx(sql, row, now) : null;
    },
    { quiz: quizId },
  );
}

/**
 * Hands the attempt in. After the deadline it is recorded as timed out, with on-time answers
 * only. Answers the status the attempt has now ("submitted", "timed_out"), or null when this
 * worker has no such attempt (the route answers 404, as for saveAnswer). Handing in is never
 * refused, so this is no Outcome: an attempt already finished (by the other tab, or by the
 * server at its deadline) is handed in again as a no-op and answers the status it ended with.
 */
export async function submitAttempt(
  attemptId: number,
  workerId: number,
  now: Date,
): Promise<string | null> {
  const quizId = await attemptQuiz(attemptId);
  if (quizId === null) return null;
  return sqlWrite(
    async (sql) => {
      const row = await sql.one<AttemptFull>(ownAttempt(attemptId, workerId));
      if (!row) return null;
      return (await finishInTx(sql, row, now)) ?? row.status;
    },
    { quiz: quizId },
  );
}

/**
 * The server ends attempts whose time is up, whether or not the browser ever came back: run
 * before a board is shown. Reading finds none in the common case (one indexed probe).
 */
export async function closeExpiredAttempts(quizId: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - ANSWER_GRACE_SECONDS * 1000);
  const expired = await readSql().rows<{ id: number }>(expiredAttempts(quizId, before));
  if (expired.length === 0) return 0;
  return sqlWrite(
    async (sql) => {
      let closed = 0;
      for (const { id } of await sql.rows<{ id: number }>(expiredAttempts(quizId, before))) {
        const row = await sql.one<AttemptFull>(attemptById(id));
        if (row && (await finishInTx(sql, row, now))) closed++;
      }
      return closed;
    },
    { quiz: quizId },
  );
}

/**
 * A finished attempt beside the key, for its own worker, once the quiz's review policy allows
 * it. null when the attempt is not this worker's (or not this quiz's).
 */
export async function attemptReview(
  quizId: number,
  attemptId: number,
  workerId: number,
  now: Date,
) {
  const sql = readSql();
  const quiz = await loadQuiz(sql, quizId);
  const attempt = await sql.one<AttemptFull>(ownAttempt(attemptId, workerId));
  if (!quiz || !attempt || attempt.quizId !== quizId) return null;
  const inRound = (await sql.rows<{ day: number }>(attemptsOfWorker(quizId, workerId))).filter(
    (a) => a.day === attempt.day,
  ).length;
  const round = roundByNumber(quiz, attempt.day);
  const header = {
    quiz: { id: quiz.id, name: quiz.name, kind: quiz.kind, contestName: quiz.contestName },
    attempt: {
      id: attempt.id,
      day: attempt.day,
      date: round?.opensAt ?? null,
      status: attempt.status,
      score: attempt.score,
      durationMs: attempt.durationMs,
    },
    opensAt: round?.closesAt ?? quiz.closesAt,
    policy: quiz.reviewPolicy,
  };
  if (!reviewState(quiz, attempt, inRound, now)) return { ...header, open: false as const };
  const paper = parsePaper(attempt.paper);
  const rows = await paperQuestions(
    sql,
    paper.map((p) => p.questionId),
  );
  const items = reviewAttempt({
    paper,
    sheet: parseAnswerSheet(attempt.answers),
    questions: rows.map((r) => ({
      ...toQuestion(r, quiz.pointsPerQuestion),
      stem: r.stem,
      explanation: r.explanation,
    })),
    deadline: attempt.deadline,
    partialCredit: quiz.partialCredit,
  });
  return { ...header, open: true as const, items };
}

/** A quiz as its public boards show it: name, kind, scope and its rounds so far. */
export async function getBoardQuiz(quizId: number, now: Date) {
  const quiz = await loadQuiz(readSql(), quizId);
  if (!quiz) return null;
  const latest = latestRound(quiz, now);
  return {
    id: quiz.id,
    contestId: quiz.contestId,
    name: quiz.name,
    kind: quiz.kind,
    contestName: quiz.contestName,
    contestCode: quiz.contestCode,
    scope: quiz.scope,
    latest,
    rounds: Array.from({ length: quiz.kind === "campaign" ? latest : 0 }, (_, i) => {
      const round = roundByNumber(quiz, latest - i);
      return { day: latest - i, date: round?.opensAt ?? quiz.opensAt };
    }),
  };
}
