// The work of a re-scoring job, chunk by chunk of whole workers: read their attempts, score
// each against the current key (sheetScorer: every bank question's rule prepared once, ~530,000
// attempts for a big quiz), then one short transaction writes the chunk set-based: the changed
// scores in a few UPDATE … FROM (VALUES …) statements, then those workers' standings rebuilt
// from their attempts with the count tree and organisation figures moved by the difference
// (rebuildStatements for a range of workers), and the progress. A chunk where nothing changed
// writes only its progress.
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
import { readSql, sqlWrite, type Sql } from "~/db.server";
import { sheetScorer, type PartialCredit, type Question, type QuestionType } from "~/domain/quiz";
import {
  FINISHED,
  attemptsAfterWorker,
  attemptsOfWorkerRange,
  bankOf,
  boardDays,
  chunkFingerprint,
  purgeEmptyCounts,
  rebuildStatements,
  rescoreAttempts,
  rescoreById,
  rescoreProgress,
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

/** Scores a stored attempt (paper and answers as JSON) by the job's key and rules. */
export type Scorer = (paper: string, answers: string, deadline: Date | null) => number;

export type ScoredChunk = {
  changed: { id: number; score: number }[];
  finished: number;
  /** What was read, so the writer can tell whether anything moved since. */
  fingerprint: { n: number; maxId: number; finished: number };
};

/** A chunk of whole workers, `from`…`to` by worker id; null when no worker is left. */
export type Chunk = { scored: ScoredChunk; from: number; to: number } | null;

const isFinished = (status: string) => (FINISHED as readonly string[]).includes(status);

export async function bankById(sql: Sql, spec: ScoringSpec): Promise<Map<string, Question>> {
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
        {
          id: String(r.id),
          type: r.type as QuestionType,
          category: r.category,
          options,
          correct,
          points: spec.pointsPerQuestion,
        },
      ];
    }),
  );
}

/** The job's scorer: the bank as it is now, with the quiz's partial-credit rule. */
export async function scorerOf(sql: Sql, spec: ScoringSpec): Promise<Scorer> {
  return sheetScorer(await bankById(sql, spec), spec.partialCredit);
}

/** Scores attempts with the current key and rules. */
export function scoreRows(rows: readonly AttemptToRescore[], score: Scorer): ScoredChunk {
  const acc: ScoredChunk = {
    changed: [],
    finished: 0,
    fingerprint: { n: 0, maxId: 0, finished: 0 },
  };
  for (const a of rows) {
    acc.fingerprint.n++;
    acc.fingerprint.maxId = Math.max(acc.fingerprint.maxId, a.id);
    if (!isFinished(a.status)) continue;
    acc.finished++;
    acc.fingerprint.finished++;
    const next = score(a.paper, a.answers, new Date(a.deadline));
    if (next !== a.score) acc.changed.push({ id: a.id, score: next });
  }
  return acc;
}

/** Reads and scores the next chunk of about `limit` attempts after worker `cursor`. */
export async function nextChunk(
  sql: Sql,
  spec: ScoringSpec,
  score: Scorer,
  cursor: number,
  limit: number,
): Promise<Chunk> {
  const rows = await sql.rows<AttemptToRescore>(attemptsAfterWorker(spec.quizId, cursor, limit));
  if (rows.length === 0) return null;
  const from = rows[0]!.workerId;
  let to = rows[rows.length - 1]!.workerId;
  let chunk = rows;
  if (rows.length === limit) {
    if (from === to)
      chunk = await sql.rows<AttemptToRescore>(attemptsOfWorkerRange(spec.quizId, from, to));
    else {
      // The last worker may go on past the limit: leave them whole for the next chunk.
      chunk = rows.filter((r) => r.workerId !== to);
      to = chunk[chunk.length - 1]!.workerId;
    }
  }
  return { scored: scoreRows(chunk, score), from, to };
}

/** Writes one scored chunk, unless the job was superseded meanwhile. */
async function writeChunk(
  sql: Sql,
  spec: ScoringSpec,
  score: Scorer,
  chunk: NonNullable<Chunk>,
): Promise<"written" | "stopped"> {
  const job = await sql.one<RescoreRow>(rescoreById(spec.jobId));
  if (!job || job.status !== "running") return "stopped";
  const { from, to } = chunk;
  let scored = chunk.scored;
  const seen = await sql.one<{ n: number; maxId: number; finished: number | null }>(
    chunkFingerprint(spec.quizId, from, to),
  );
  if (
    Number(seen?.n ?? 0) !== scored.fingerprint.n ||
    Number(seen?.maxId ?? 0) !== scored.fingerprint.maxId ||
    Number(seen?.finished ?? 0) !== scored.fingerprint.finished
  ) {
    // Someone started or handed in meanwhile: score these workers again, inside the lock.
    scored = scoreRows(
      await sql.rows<AttemptToRescore>(attemptsOfWorkerRange(spec.quizId, from, to)),
      score,
    );
  }
  if (scored.changed.length > 0) {
    for (const statement of rescoreAttempts(scored.changed)) await sql.run(statement);
    // Each hand-in keeps the boards as it goes; only changed scores can move them here.
    for (const statement of rebuildStatements(spec.quizId, { from, to })) await sql.run(statement);
  }
  await sql.run(
    rescoreProgress(spec.jobId, scored.finished, scored.changed.length, to, new Date()),
  );
  return "written";
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
  const score = await scorerOf(readSql(), spec);
  for (;;) {
    // On the thread that serves pages, let the requests that arrived meanwhile through first.
    if (options.yieldBetween) await new Promise((resolve) => setImmediate(resolve));
    const chunk = await nextChunk(readSql(), spec, score, cursor, limit);
    if (!chunk) {
      await purgeEmpty(spec.quizId);
      return "done";
    }
    const outcome = await sqlWrite(
      (sql) => writeChunk(sql, spec, score, chunk),
      // A crash loses at most this chunk, whose attempts and standings roll back together;
      // the quiz's own lock (PostgreSQL) lets other quizzes' and events' writes run beside it.
      { durable: false, quiz: spec.quizId },
    );
    if (outcome === "stopped") return "stopped";
    cursor = chunk.to;
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
