// Re-scoring a quiz after a bank answer was corrected or the partial-credit rule changed: the
// job (a QuizRescore row with its progress, audited at start and end), and where it runs. The
// chunks themselves (quiz-rescore-scoring.server.ts) run on a thread of their own for a big quiz,
// so the event loop that serves pages is not touched, and on the calling thread for a small one.
import { prisma, readSql, write } from "~/db.server";
import { appendAudit } from "~/models/audit.server";
import { loadQuiz } from "~/models/quiz.server";
import {
  ScoringThread,
  rescoreChunks,
  type ScoringSpec,
} from "~/models/quiz-rescore-scoring.server";
import { finishedCount, rescoreById, type RescoreRow } from "~/models/quiz.sql.server";

/**
 * Attempts per write transaction: a chunk's set-based statements hold the quiz's write lock
 * for some milliseconds, so an answer save of the quiz waits at most that long, and boards
 * (which never wait: WAL readers, PostgreSQL MVCC) see one chunk's workers move at a time.
 */
const CHUNK_ATTEMPTS = 1_000;
/** Attempts from which the scoring runs on its own thread. */
const THREAD_FROM_ATTEMPTS = 2_000;
/** A running job whose heartbeat is older than this was interrupted (e.g. a restart). */
export const RESCORE_STALE_MS = 30_000;

/** Starts a re-scoring of every finished attempt; an earlier one still running is superseded. */
export async function startRescore(
  quizId: number,
  actorId: number | null,
  reason: string,
): Promise<number> {
  const row = await readSql().one<{ n: number }>(finishedCount(quizId));
  const total = Number(row?.n ?? 0);
  return write(async (tx) => {
    await tx.quizRescore.updateMany({
      where: { quizId, status: "running" },
      data: { status: "superseded", finishedAt: new Date() },
    });
    const job = await tx.quizRescore.create({ data: { quizId, total, actorId, reason } });
    await appendAudit(tx, {
      actorId,
      action: "quiz.rescore.start",
      entityType: "Quiz",
      entityId: quizId,
      after: { job: job.id, attempts: total },
      reason,
    });
    return job.id;
  });
}

/**
 * Starts a re-scoring and runs it in this process: a small quiz is done before this returns
 * (within `waitMs`), a large one carries on in the background while the page shows progress.
 */
export async function rescore(
  quizId: number,
  actorId: number | null,
  reason: string,
  waitMs = 1_000,
): Promise<number> {
  const jobId = await startRescore(quizId, actorId, reason);
  const run = runRescore(jobId).catch(async (error: unknown) => {
    console.error("re-scoring failed", error);
    await write((tx) =>
      tx.quizRescore.updateMany({
        where: { id: jobId, status: "running" },
        data: { status: "failed", finishedAt: new Date() },
      }),
    ).catch(() => undefined);
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([run, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  return jobId;
}

/**
 * Works through a job chunk by chunk until every worker is done, the job was superseded, or
 * the quiz is gone. Returns the job's final row.
 */
export async function runRescore(
  jobId: number,
  options: { chunkAttempts?: number; thread?: boolean } = {},
): Promise<RescoreRow | null> {
  const limit = options.chunkAttempts ?? CHUNK_ATTEMPTS;
  const job = await readSql().one<RescoreRow>(rescoreById(jobId));
  if (!job || job.status !== "running") return job ?? null;
  const quiz = await loadQuiz(readSql(), job.quizId);
  if (!quiz) return finish(jobId, job.quizId, "failed", job.actorId);
  const spec: ScoringSpec = {
    jobId,
    quizId: quiz.id,
    contestId: quiz.contestId,
    pointsPerQuestion: quiz.pointsPerQuestion,
    partialCredit: quiz.partialCredit,
  };
  // A thread pays for itself on a big quiz; a small one is done here before it would start.
  const useThread = options.thread ?? job.total >= THREAD_FROM_ATTEMPTS;
  const thread = useThread ? await ScoringThread.start(spec) : null;
  let outcome: "done" | "stopped";
  try {
    outcome = thread
      ? await thread.run(job.cursor, limit)
      : await rescoreChunks(spec, job.cursor, limit, { yieldBetween: true });
  } finally {
    await thread?.close();
  }
  if (outcome === "stopped") return (await readSql().one<RescoreRow>(rescoreById(jobId))) ?? null;
  return finish(jobId, quiz.id, "done", job.actorId);
}

async function finish(
  jobId: number,
  quizId: number,
  status: "done" | "failed",
  actorId: number | null,
): Promise<RescoreRow | null> {
  await write(async (tx) => {
    const updated = await tx.quizRescore.updateMany({
      where: { id: jobId, status: "running" },
      data: { status, finishedAt: new Date(), heartbeatAt: new Date() },
    });
    if (updated.count === 0) return;
    const job = await tx.quizRescore.findUniqueOrThrow({ where: { id: jobId } });
    await appendAudit(tx, {
      actorId,
      action: status === "done" ? "quiz.rescore.finish" : "quiz.rescore.fail",
      entityType: "Quiz",
      entityId: quizId,
      after: { job: jobId, attempts: job.done, changed: job.changed },
    });
  });
  return (await readSql().one<RescoreRow>(rescoreById(jobId))) ?? null;
}

/** The latest re-scorings of a quiz, newest first, for the admin page and its progress bar. */
export async function listRescores(quizId: number, now: Date) {
  const jobs = await prisma.quizRescore.findMany({
    where: { quizId },
    orderBy: { id: "desc" },
    take: 5,
  });
  return jobs.map((j) => ({
    id: j.id,
    status:
      j.status === "running" && now.getTime() - j.heartbeatAt.getTime() > RESCORE_STALE_MS
        ? ("interrupted" as const)
        : (j.status as "running" | "done" | "failed" | "superseded"),
    reason: j.reason,
    total: j.total,
    done: Math.min(j.done, j.total),
    changed: j.changed,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  }));
}
