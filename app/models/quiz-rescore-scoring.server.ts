// The work of a re-scoring job. Every counted answer of a finished attempt is a QuizAnswer row
// (its choice as a mask over the question's options, and its points), so the job first compares
// the distinct (question, choice, points) of the quiz's rows with the current key and rule
// (maskPoints: the domain's one rule, a few thousand combinations at most) and keeps the ones
// that moved: the fixes. Then it goes chunk by chunk of whole workers, each chunk one short
// transaction: the rows the fixes name move their points (index seeks, set-based), the attempts
// holding them are summed again, the changed scores written, and those workers' standings rebuilt
// with the count tree and organisation figures moved by the difference (rebuildStatements for a
// range of workers), and the progress. Attempts handed in before the rows existed are read from
// their JSON once, in their chunk, and get their rows. When no fix and no such attempt exists the
// job is done at once.
// For a big quiz it all runs on a worker thread with its own connections (the db module's, as
// another process would), so the event loop that serves pages is not involved at all: boards
// read in WAL mode (PostgreSQL: MVCC) beside it, and an answer save of the quiz waits at most
// one chunk's write for the quiz's lock. Where no thread can start, the same loop runs on the
// calling thread, yielding between chunks.
// The thread loads this very module (app/utils/module-thread.server.ts says how).
import { parentPort, type Worker } from "node:worker_threads";
import {
  isThreadFor,
  nextMessage,
  startModuleThread,
  threadData,
} from "~/utils/module-thread.server";
import { readSql, runAll, sqlWrite, type Sql } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import {
  answerKeyOf,
  answerRowsOf,
  maskPoints,
  parseAnswerSheet,
  parsePaper,
  type AnswerKey,
  type PartialCredit,
  type QuestionType,
} from "~/domain/quiz";
import {
  applyFixes,
  attemptsWithoutRows,
  attemptsWithoutRowsIn,
  bankOf,
  boardDays,
  chunkProgress,
  finishedCount,
  insertAnswerRows,
  markAnswerRows,
  nextAnswerCombo,
  purgeEmptyCounts,
  rebuildStatements,
  rescoreAttempts,
  rescoreById,
  rescoreFromRows,
  rescoreProgress,
  workersAfter,
  type AnswerCombo,
  type AnswerFix,
  type AnswerRowWrite,
  type AttemptToRescore,
  type QuestionRow,
  type RescoreRow,
} from "~/models/quiz.sql.server";

/** What a re-scoring job scores by, fixed when it starts. */
export type ScoringSpec = {
  jobId: number;
  quizId: number;
  contestId: number;
  pointsPerQuestion: number;
  partialCredit: PartialCredit;
};

/** The bank's questions as the job scores them, prepared once. */
export async function answerKeys(sql: Sql, spec: ScoringSpec): Promise<Map<string, AnswerKey>> {
  return new Map(
    (await sql.rows<QuestionRow>(bankOf(spec.contestId))).map((r) => {
      let options: { id: string }[] = [];
      let correct: string[] = [];
      try {
        options = JSON.parse(r.options) as { id: string }[];
        correct = JSON.parse(r.answer) as string[];
      } catch {
        // A malformed row scores nothing.
      }
      return [
        String(r.id),
        answerKeyOf({
          id: String(r.id),
          type: r.type as QuestionType,
          category: r.category,
          options,
          correct,
          points: spec.pointsPerQuestion,
        }),
      ];
    }),
  );
}

/**
 * The choices whose stored points differ from what the key and rule give now (a question no
 * longer in the bank earns nothing).
 */
export function fixesOf(
  combos: readonly AnswerCombo[],
  keys: ReadonlyMap<string, AnswerKey>,
  partialCredit: PartialCredit,
): AnswerFix[] {
  const fixes: AnswerFix[] = [];
  for (const c of combos) {
    const questionId = Number(c.questionId);
    const chosen = Number(c.chosen);
    const points = Number(c.points);
    const key = keys.get(String(questionId));
    const to = key ? maskPoints(key, chosen, partialCredit) : 0;
    if (to !== points) fixes.push({ questionId, chosen, points, to });
  }
  return fixes;
}

/** Every distinct (question, choice, points) of the quiz's rows, one index seek each. */
export async function answerCombosOf(sql: Sql, quizId: number): Promise<AnswerCombo[]> {
  const combos: AnswerCombo[] = [];
  for (let after: AnswerCombo | null = null; ;) {
    const next: AnswerCombo | undefined = await sql.one<AnswerCombo>(
      nextAnswerCombo(quizId, after),
    );
    if (!next) return combos;
    after = {
      questionId: Number(next.questionId),
      chosen: Number(next.chosen),
      points: Number(next.points),
    };
    combos.push(after);
  }
}

/** What the whole job applies: the fixes, and whether attempts without rows are left. */
type Plan = { keys: Map<string, AnswerKey>; fixes: AnswerFix[]; withoutRows: boolean };

async function planOf(sql: Sql, spec: ScoringSpec): Promise<Plan> {
  const keys = await answerKeys(sql, spec);
  const combos = await answerCombosOf(sql, spec.quizId);
  const legacy = await sql.one<{ n: number }>(attemptsWithoutRows(spec.quizId));
  return {
    keys,
    fixes: fixesOf(combos, keys, spec.partialCredit),
    withoutRows: Number(legacy?.n ?? 0) > 0,
  };
}

/**
 * The next chunk of whole workers after `cursor`, of about `limit` attempts (a worker with more
 * makes a chunk alone); null when no worker is left.
 */
async function nextRange(
  sql: Sql,
  quizId: number,
  cursor: number,
  limit: number,
): Promise<{ from: number; to: number } | null> {
  const rows = await sql.rows<{ workerId: number }>(workersAfter(quizId, cursor, limit));
  if (rows.length === 0) return null;
  const from = Number(rows[0]!.workerId);
  const last = Number(rows[rows.length - 1]!.workerId);
  if (rows.length < limit || from === last) return { from, to: last };
  // The last worker may go on past the limit: leave them whole for the next chunk.
  let to = from;
  for (const r of rows) if (Number(r.workerId) < last) to = Number(r.workerId);
  return { from, to };
}

/** Attempts without rows in the range: rows from their JSON, and their scores by them. */
async function rowsFromJson(
  sql: Sql,
  spec: ScoringSpec,
  keys: ReadonlyMap<string, AnswerKey>,
  range: { from: number; to: number },
): Promise<{ id: number; score: number; day: number }[]> {
  const attempts = await sql.rows<AttemptToRescore>(
    attemptsWithoutRowsIn(spec.quizId, range.from, range.to),
  );
  if (attempts.length === 0) return [];
  const rows: AnswerRowWrite[] = [];
  const changed: { id: number; score: number; day: number }[] = [];
  for (const a of attempts) {
    const answers = answerRowsOf(
      keys,
      parsePaper(a.paper),
      parseAnswerSheet(a.answers),
      new Date(a.deadline),
      spec.partialCredit,
    );
    let score = 0;
    for (const r of answers) {
      score += r.points;
      rows.push({
        attemptId: Number(a.id),
        quizId: spec.quizId,
        workerId: Number(a.workerId),
        questionId: Number(r.questionId),
        chosen: r.chosen,
        points: r.points,
      });
    }
    if (score !== a.score) changed.push({ id: Number(a.id), score, day: Number(a.day) });
  }
  await runAll(sql, [
    ...insertAnswerRows(rows),
    ...markAnswerRows(attempts.map((a) => Number(a.id))),
    ...rescoreAttempts(changed),
  ]);
  return changed;
}

/** Thrown inside a chunk's transaction when the job was superseded: nothing of it is kept. */
const SUPERSEDED = new Error("re-scoring superseded");

/**
 * Writes one chunk of workers, unless the job was superseded meanwhile (then it rolls back).
 * Its statements go out in three round trips whatever their number (on PostgreSQL's pipelined
 * connection; SQLite runs them one after another as ever): the job's state with the fixed rows
 * (RETURNING their attempts), the sums of those attempts (RETURNING the ones that changed), then
 * the boards of their rounds with the progress. Each round trip waits only for what the next
 * one needs to know.
 */
async function writeChunk(
  sql: Sql,
  spec: ScoringSpec,
  plan: Plan,
  range: { from: number; to: number },
): Promise<void> {
  const job = sql.one<RescoreRow>(rescoreById(spec.jobId));
  const stopped = (row: RescoreRow | undefined) => !row || row.status !== "running";
  let changed: { id: number; day: number; score?: number }[] = [];
  if (plan.withoutRows) {
    if (stopped(await job)) throw SUPERSEDED;
    changed = await rowsFromJson(sql, spec, plan.keys, range);
  }
  const fixed = Promise.all(
    applyFixes(spec.quizId, range, plan.fixes).map((s) => sql.rows<{ attemptId: number }>(s)),
  );
  const [row, moved] = await Promise.all([job, fixed]);
  if (stopped(row)) throw SUPERSEDED;
  const ids = [...new Set(moved.flat().map((r) => Number(r.attemptId)))];
  const summed = await Promise.all(
    rescoreFromRows(ids).map((s) => sql.rows<{ id: number; day: number }>(s)),
  );
  for (const r of summed.flat()) changed.push({ id: Number(r.id), day: Number(r.day) });
  const statements: Prisma.Sql[] = [];
  if (changed.length > 0) {
    // Each hand-in keeps the boards as it goes; only changed scores can move them here.
    // Only the rounds of the changed attempts move, and the overall standings with them.
    const days = [...new Set(changed.map((c) => c.day))].sort((a, b) => a - b);
    statements.push(...rebuildStatements(spec.quizId, { ...range, days }));
  }
  statements.push(chunkProgress(spec.jobId, spec.quizId, range, changed.length, new Date()));
  await runAll(sql, statements);
}

/**
 * Re-scores chunk after chunk from the worker after `cursor` until every worker is done or the
 * job was superseded.
 */
export async function rescoreChunks(
  spec: ScoringSpec,
  cursor: number,
  limit: number,
  options: { yieldBetween: boolean },
): Promise<"done" | "stopped"> {
  const plan = await planOf(readSql(), spec);
  if (plan.fixes.length === 0 && !plan.withoutRows) {
    // Nothing moves: every finished attempt is done as it stands.
    const total = await readSql().one<{ n: number }>(finishedCount(spec.quizId));
    const outcome = await sqlWrite(
      async (sql) => {
        const job = await sql.one<RescoreRow>(rescoreById(spec.jobId));
        if (!job || job.status !== "running") return "stopped" as const;
        await sql.run(
          rescoreProgress(spec.jobId, Number(total?.n ?? 0) - job.done, 0, cursor, new Date()),
        );
        return "done" as const;
      },
      { quiz: spec.quizId },
    );
    return outcome;
  }
  for (;;) {
    // On the thread that serves pages, let the requests that arrived meanwhile through first.
    if (options.yieldBetween) await new Promise((resolve) => setImmediate(resolve));
    // On SQLite, a writer of another thread or process waits for the file's lock by trying
    // again every millisecond (SqliteSql.begin): a pause between chunks lets it in, where the
    // next chunk would otherwise take the lock straight back. PostgreSQL queues its waiters.
    else if (readSql().engine === "sqlite") await new Promise((resolve) => setTimeout(resolve, 2));
    const range = await nextRange(readSql(), spec.quizId, cursor, limit);
    if (!range) {
      await purgeEmpty(spec.quizId);
      return "done";
    }
    const outcome = await sqlWrite(
      (sql) => writeChunk(sql, spec, plan, range),
      // A crash loses at most this chunk, whose rows, attempts and standings roll back together;
      // the quiz's own lock (PostgreSQL) lets other quizzes' and events' writes run beside it.
      { durable: false, quiz: spec.quizId },
    ).then(
      () => "written" as const,
      (error: unknown) => {
        if (error === SUPERSEDED) return "stopped" as const;
        throw error;
      },
    );
    if (outcome === "stopped") return "stopped";
    cursor = range.to;
  }
}

/** Drops the count buckets the job emptied, a round a transaction (see purgeEmptyCounts). */
async function purgeEmpty(quizId: number): Promise<void> {
  for (const { day } of await readSql().rows<{ day: number }>(boardDays(quizId)))
    await sqlWrite(
      async (sql) => {
        for (const statement of purgeEmptyCounts(quizId, Number(day))) await sql.run(statement);
      },
      { quiz: quizId },
    );
}

// ───────────── the thread ─────────────

const TASK = "jiangxin-quiz-rescore";

type Request = { cursor: number; limit: number };
// The thread's message back to its caller: internal, never shown to anyone and never a
// refusal (the caller throws the error it carries), so it is not an Outcome.
type Reply = { ok: true; outcome: "done" | "stopped" } | { ok: false; error: string };

if (isThreadFor(TASK)) {
  const spec = threadData<ScoringSpec>();
  const port = parentPort!;
  port.on("message", (request: Request) => {
    rescoreChunks(spec, request.cursor, request.limit, { yieldBetween: false }).then(
      (outcome) => port.postMessage({ ok: true, outcome } satisfies Reply),
      (error: unknown) => port.postMessage({ ok: false, error: String(error) } satisfies Reply),
    );
  });
  port.postMessage("ready");
}

/** One re-scoring job's thread. */
export class ScoringThread {
  private constructor(private readonly worker: Worker) {}

  /** Starts the thread; null when it cannot start here (the caller runs the job itself). */
  static async start(spec: ScoringSpec): Promise<ScoringThread | null> {
    try {
      return new ScoringThread(await startModuleThread(import.meta.url, TASK, spec));
    } catch (error) {
      console.error("re-scoring runs on the main thread: no scoring thread", error);
      return null;
    }
  }

  /** Runs the job from the worker after `cursor` to the end (or until it is superseded). */
  async run(cursor: number, limit: number): Promise<"done" | "stopped"> {
    this.worker.postMessage({ cursor, limit } satisfies Request);
    const reply = await nextMessage(this.worker, (message) => message as Reply);
    if (!reply.ok) throw new Error(reply.error);
    return reply.outcome;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
