// A roster import as a background job (issue 13): the manager's upload is spooled to a file
// and answered at once with a job (a RosterImport row); a thread of the process that took it
// reads the file in chunks, has them checked and sealed (on a second thread of their own,
// roster-check.server.ts), stages each chunk in a TEMP table of its own connection while the
// next is checked, and writes the job's progress (rows checked, rows staged) as it goes; when every row is good one transaction moves the staged rows into the
// roster (worker.server.ts: all or nothing). The status page reads the row: on SQLite a WAL
// reader and on PostgreSQL an MVCC read, never waiting for the import's write lock. Staged
// rows go with their connection, so a job that dies leaves none behind. A process that
// dies with jobs running leaves them failed: at once when it (or another process on the
// host) starts again, and on any machine once the job has missed its lease (its process
// writes a heartbeat every HEARTBEAT_MS while it holds the job), so a job whose machine died
// does not stay "running" and block its organisation's imports.
// Nothing of theirs reached the roster: the move into the roster commits only while the job
// is still unfinished (worker.server.ts), so a job marked failed can never land late.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { hostname } from "node:os";
import { parentPort, type Worker } from "node:worker_threads";
import { prisma, sqlWrite, write } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { isoDateOf, type IsoDate } from "~/domain/identity/dates";
import type { OrganiserScope } from "~/domain/organisation";
import { fileProblem, type FileProblem, type ImportError } from "~/domain/registration/import-rows";
import { organisationsIn } from "~/models/scope.server";
import { importRoster, type ImportOutcome } from "~/models/worker.server";
import { isThreadFor, nextMessage, startModuleThread } from "~/utils/module-thread.server";
import { fail, ok, type Outcome } from "~/utils/outcome";

export const ROSTER_IMPORT_STATUSES = [
  "queued",
  "parsing",
  "checking",
  "loading",
  "done",
  "failed",
] as const;
export type RosterImportStatus = (typeof ROSTER_IMPORT_STATUSES)[number];
const UNFINISHED: RosterImportStatus[] = ["queued", "parsing", "checking", "loading"];

/** Why a job stored nothing, besides its row errors and file problems (SheetProblem). */
export const JOB_PROBLEMS = ["import_interrupted", "import_failed"] as const;

/**
 * Files from this size are imported on a thread of their own; a smaller one (under about
 * 10,000 rows) is done on the calling thread in less time than a thread takes to start.
 */
const THREAD_FROM_BYTES = 1024 * 1024;

/** The job's first pass writes how far it has read at most this often (bytes). */
const READ_REPORT_BYTES = 8 * 1024 * 1024;

// ───────────── which process runs a job ─────────────

/** This process, as a job's runner: host, pid, and a token no earlier process had. */
const HOST = hostname();
const TOKEN = randomBytes(6).toString("hex");
const RUNNER = `${HOST}|${process.pid}|${TOKEN}`;

/** Jobs this process runs now (their runner is RUNNER). */
const running = new Set<number>();

/** How often a process holding jobs says so (writes their heartbeatAt). */
export const HEARTBEAT_MS = 10_000;

/**
 * A job whose heartbeat is older than this has lost its process, wherever it ran. Long
 * beside the heartbeat: a heartbeat may wait behind the write lock (on SQLite the job's own
 * move into the roster holds it), and a busy machine's timers run late.
 */
export const LEASE_MS = 2 * 60_000;

let heartbeat: NodeJS.Timeout | null = null;

/** Writes the heartbeat of this process's jobs every HEARTBEAT_MS while it has any. */
function beatWhileRunning(): void {
  if (heartbeat || running.size === 0) return;
  heartbeat = setInterval(() => {
    if (running.size === 0) {
      clearInterval(heartbeat!);
      heartbeat = null;
      return;
    }
    const ids = [...running];
    void write((tx) =>
      tx.rosterImport.updateMany({
        where: { id: { in: ids }, runner: RUNNER, status: { in: UNFINISHED } },
        data: { heartbeatAt: new Date() },
      }),
    ).catch((error: unknown) =>
      console.error("could not write the roster import heartbeat", error),
    );
  }, HEARTBEAT_MS);
  // A heartbeat never keeps a process alive that has nothing else to do.
  heartbeat.unref();
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the process named by `runner` ran the job and is gone (or restarted) on this host. */
function runnerGone(runner: string, jobId: number): boolean {
  const [host, pidText, token] = runner.split("|");
  if (host !== HOST) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return token !== TOKEN || !running.has(jobId);
  return !processAlive(pid);
}

/**
 * Marks failed every unfinished job whose process is gone: one on this host whose pid is dead
 * (or this process before a restart), and one on any host that has missed its lease (no
 * heartbeat for LEASE_MS: its machine died, froze or lost the database). Its move into the
 * roster (one transaction, which commits only while the job is unfinished) stored nothing.
 * Runs when this module is first used in a process, i.e. when the server (re)starts, then
 * at most every HEARTBEAT_MS before a job is read or started. Returns how many it failed.
 */
export async function failInterruptedImports(now = new Date()): Promise<number> {
  const expired = new Date(now.getTime() - LEASE_MS);
  const unfinished = await prisma.rosterImport.findMany({
    where: { status: { in: UNFINISHED } },
    select: { id: true, runner: true, heartbeatAt: true },
  });
  let failed = 0;
  for (const job of unfinished) {
    const gone = runnerGone(job.runner, job.id);
    if (!gone && job.heartbeatAt >= expired) continue;
    // Checked again in the write: a heartbeat (or the job's own move into the roster, which
    // writes one as it commits) that came meanwhile keeps the job. On PostgreSQL this update
    // waits for such a move and reads the row it left.
    const { count } = await write((tx) =>
      tx.rosterImport.updateMany({
        where: {
          id: job.id,
          status: { in: UNFINISHED },
          ...(gone ? {} : { heartbeatAt: { lt: expired } }),
        },
        data: { status: "failed", problem: "import_interrupted", finishedAt: now },
      }),
    );
    if (count > 0) failed++;
  }
  return failed;
}

let lastSweep: { at: number; done: Promise<unknown> } | null = null;

/** The sweep above, at most once every HEARTBEAT_MS in this process (the first at once). */
function swept(): Promise<unknown> {
  const at = Date.now();
  if (lastSweep && at - lastSweep.at < HEARTBEAT_MS) return lastSweep.done;
  const done = failInterruptedImports().catch((error: unknown) => {
    lastSweep = null;
    console.error("could not mark interrupted roster imports", error);
  });
  lastSweep = { at, done };
  return done;
}

// ───────────── reading jobs ─────────────

export type RosterImportView = {
  id: number;
  status: RosterImportStatus;
  fileName: string;
  fileBytes: number;
  bytesRead: number;
  rowsTotal: number;
  /** Rows checked and sealed so far. */
  rowsDone: number;
  /**
   * Rows written so far, none of them in the roster until the whole file is good: staged (then
   * moved into the roster in one transaction) on SQLite, in the roster's still open
   * transaction on PostgreSQL.
   */
  rowsWritten: number;
  problem: string | null;
  errors: ImportError[];
  createdAt: Date;
  finishedAt: Date | null;
};

const VIEW = {
  id: true,
  organisationId: true,
  status: true,
  fileName: true,
  fileBytes: true,
  bytesRead: true,
  rowsTotal: true,
  rowsDone: true,
  rowsWritten: true,
  problem: true,
  errors: true,
  createdAt: true,
  finishedAt: true,
} as const;

type Row = { [K in keyof typeof VIEW]: unknown } & { errors: string | null; status: string };

function view(row: Row): RosterImportView {
  const { organisationId: _org, errors, ...rest } = row;
  return {
    ...(rest as Omit<RosterImportView, "errors">),
    status: row.status as RosterImportStatus,
    errors: errors ? (JSON.parse(errors) as ImportError[]) : [],
  };
}

/**
 * Who asks: an organisation's manager sees its own jobs only; an organiser sees the jobs of
 * organisations within their union's scope (the top administrator's scope is the platform).
 */
export type JobViewer = { organisationId: number } | { scope: OrganiserScope };

/** One job, or null when it is not there for this viewer (another organisation's is not). */
export async function getRosterImport(
  viewer: JobViewer,
  id: number,
): Promise<RosterImportView | null> {
  await swept();
  const row = await prisma.rosterImport.findFirst({
    where:
      "scope" in viewer
        ? { id, organisation: organisationsIn(viewer.scope) }
        : { id, organisationId: viewer.organisationId },
    select: VIEW,
  });
  return row ? view(row) : null;
}

/** The organisation's latest jobs, newest first. */
export async function latestRosterImports(organisationId: number, take = 5) {
  await swept();
  const rows = await prisma.rosterImport.findMany({
    where: { organisationId },
    orderBy: { id: "desc" },
    take,
    select: VIEW,
  });
  return rows.map(view);
}

export function isUnfinished(status: RosterImportStatus): boolean {
  return UNFINISHED.includes(status);
}

// ───────────── starting and running jobs ─────────────

/** An upload spooled to disk, which the job owns (and removes) from now on. */
export type SpooledRoster = { name: string; path: string; bytes: number };

/** The job started, or the file's problem import_running with the running job (`jobId`). */
export type StartOutcome = Outcome<{ id: number }, FileProblem>;

/**
 * Starts an import of the spooled file into the organisation, unless one of its imports is
 * still running (then the file is dropped and that job named). The job runs after this
 * returns; `waitFor` (tests, the bench) waits for it.
 */
export async function startRosterImport(
  organisationId: number,
  userId: number,
  file: SpooledRoster,
  options: { today?: IsoDate; thread?: boolean } = {},
): Promise<StartOutcome> {
  await swept();
  const started = await write(async (tx): Promise<StartOutcome> => {
    // In the write lock: two uploads at once cannot both find none running.
    const current = await tx.rosterImport.findFirst({
      where: { organisationId, status: { in: UNFINISHED } },
      select: { id: true },
    });
    if (current) return fail(fileProblem("import_running", { jobId: current.id }));
    const job = await tx.rosterImport.create({
      data: {
        organisationId,
        userId,
        fileName: file.name.slice(0, 200),
        fileBytes: file.bytes,
        runner: RUNNER,
      },
      select: { id: true },
    });
    return ok({ id: job.id });
  });
  if (!started.ok) {
    await rm(file.path, { force: true });
    return started;
  }
  const jobId = started.value.id;
  running.add(jobId);
  beatWhileRunning();
  const spec: JobSpec = {
    jobId,
    organisationId,
    userId,
    file: { name: file.name, path: file.path },
    today: options.today ?? isoDateOf(new Date()),
  };
  const useThread = options.thread ?? file.bytes >= THREAD_FROM_BYTES;
  const run = queue.then(() => runJob(spec, useThread));
  queue = run.catch(() => undefined);
  jobs.set(jobId, run);
  return started;
}

/**
 * Jobs run one after another in a process: each keeps a thread and a core busy, and each
 * holds a chunk or two of rows and its file's duplicate table (about 24 MB for a million).
 */
let queue: Promise<unknown> = Promise.resolve();
const jobs = new Map<number, Promise<void>>();

/**
 * Waits until the job started in this process has ended (done or failed), or `withinMs`
 * passed: a small file is done within a moment, and its page then shows the result at once.
 */
export async function waitFor(jobId: number, withinMs?: number): Promise<void> {
  const job = jobs.get(jobId);
  if (!job || withinMs === undefined) return job;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([job, new Promise((resolve) => (timer = setTimeout(resolve, withinMs)))]);
  clearTimeout(timer);
}

type JobSpec = {
  jobId: number;
  organisationId: number;
  userId: number;
  file: { name: string; path: string };
  today: IsoDate;
};

async function runJob(spec: JobSpec, useThread: boolean): Promise<void> {
  try {
    const thread = useThread ? await importThread() : null;
    if (thread) {
      try {
        thread.postMessage(spec);
        const reply = await nextMessage(thread, (message) => message as Reply);
        if (!reply.ok) throw new Error(reply.error);
      } finally {
        await thread.terminate();
      }
    } else {
      await runHere(spec);
    }
  } catch (error) {
    console.error("roster import failed", error);
    await finish(spec.jobId, { status: "failed", problem: "import_failed" }).catch(() => undefined);
  } finally {
    running.delete(spec.jobId);
    jobs.delete(spec.jobId);
    await rm(spec.file.path, { force: true });
  }
}

/** The job itself, on whichever thread runs it: progress written as the file is read. */
async function runHere(spec: JobSpec): Promise<void> {
  const { jobId } = spec;
  let bytes = 0;
  let bytesWritten = 0;
  const outcome: ImportOutcome = await importRoster(
    spec.organisationId,
    spec.userId,
    spec.file,
    spec.today,
    {
      read: async (more) => {
        bytes += more;
        if (bytes - bytesWritten < READ_REPORT_BYTES && bytesWritten > 0) return;
        bytesWritten = bytes;
        await progress(jobId, { status: "parsing", bytesRead: bytes });
      },
      checked: (done, total) =>
        progress(jobId, { status: "checking", rowsDone: done, rowsTotal: total }),
      written: (done) => progress(jobId, { status: "checking", rowsWritten: done }),
      loading: () => progress(jobId, { status: "loading" }),
    },
    jobId,
  );
  if (outcome.ok) {
    const { count } = outcome.value;
    await finish(jobId, {
      status: "done",
      rowsDone: count,
      rowsWritten: count,
      rowsTotal: count,
    });
    return;
  }
  // The job keeps the file's problem and its rows' problems in columns of their own.
  const rows = outcome.problems.filter((p): p is ImportError => p.row !== null);
  await finish(jobId, {
    status: "failed",
    problem: outcome.problems.find((p) => p.row === null)?.code ?? null,
    errors: rows.length > 0 ? JSON.stringify(rows) : null,
  });
}

type Progress = {
  status: RosterImportStatus;
  bytesRead?: number;
  rowsDone?: number;
  rowsWritten?: number;
  rowsTotal?: number;
};

/** One short write per report; only a job still unfinished moves (a finished one stays). */
async function progress(jobId: number, data: Progress): Promise<void> {
  const now = new Date();
  await updateUnfinished(jobId, { ...data, heartbeatAt: now, updatedAt: now });
}

async function finish(
  jobId: number,
  data: Progress & { problem?: string | null; errors?: string | null },
): Promise<void> {
  const now = new Date();
  await updateUnfinished(jobId, { ...data, finishedAt: now, updatedAt: now });
}

type JobColumns = Progress & {
  problem?: string | null;
  errors?: string | null;
  heartbeatAt?: Date;
  finishedAt?: Date;
  updatedAt: Date;
};

/**
 * The job's row, while unfinished, through hand-written SQL: the import thread makes no
 * Prisma client (see db.server.ts), so its reports cost no query compiler of their own.
 * The column names are JobColumns' keys, never input.
 */
async function updateUnfinished(jobId: number, data: JobColumns): Promise<void> {
  const set = Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`);
  await sqlWrite((sql) =>
    sql.run(Prisma.sql`
      UPDATE "RosterImport" SET ${Prisma.join(set)}
      WHERE "id" = ${jobId} AND "status" IN (${Prisma.join(UNFINISHED)})`),
  );
}

// ───────────── the import thread ─────────────

const TASK = "jiangxin-roster-import";

// The thread's message back to its caller: internal, never shown to anyone and never a
// refusal (the caller throws the error it carries), so it is not an Outcome.
type Reply = { ok: true } | { ok: false; error: string };

if (isThreadFor(TASK)) {
  const port = parentPort!;
  // Normal priority, unlike the export thread: the load holds the write lock, and every
  // save of the app would wait behind a low-priority holder on a busy machine.
  port.on("message", (spec: JobSpec) => {
    runHere(spec).then(
      () => port.postMessage({ ok: true } satisfies Reply),
      (error: unknown) => port.postMessage({ ok: false, error: String(error) } satisfies Reply),
    );
  });
  port.postMessage("ready");
}

/**
 * The import thread's heap. A job holds a chunk or two of rows (10,000 each, about 1.3 KB a
 * row while checked and sealed) besides the app's modules; without a cap V8 lets garbage
 * pile up to hundreds of megabytes before collecting it (a 200,000-row import took 359 MB of
 * the server's memory). Young objects are collected every few megabytes. 16 MB of young generation rather than 8: at 8 MB
 * collecting was 15.5 % of the thread's time, and rows of a chunk outlived scavenges and were
 * promoted. At 100,000 rows (bench:import, interleaved runs, loaded machine) 16 MB took about
 * 6 % less CPU than 8 MB and 32 MB about 15 % less, but 32 MB raised the process's extra RSS
 * from 117–125 MB to 155–177 MB, too near the 200 MB budget (16 MB: 129–138 MB). On
 * PostgreSQL, quieter: 8 MB 7.8 and 7.5 s, 16 MB 7.4 and 7.0 s; RSS 151/135 and 154/177 MB.
 * The old generation stays at 160 MB: 96 MB took a 1,000,000-row PostgreSQL import from 262
 * to 231 MB of extra memory (quiet, one run), but in CI an import thread reached it while the
 * database tests ran (hostile input's uploads, two test files at once beside the pure tests),
 * and Node 20 then ended the whole process (a fatal out-of-memory error from the thread's
 * incremental marking), not the thread alone: a cap must leave room for the worst file.
 */
const IMPORT_THREAD_LIMITS = {
  maxOldGenerationSizeMb: 160,
  maxYoungGenerationSizeMb: 16,
};

/** A thread of its own for one job (ended with it, so its memory goes back); null if none starts. */
async function importThread(): Promise<Worker | null> {
  try {
    return await startModuleThread(import.meta.url, TASK, null, IMPORT_THREAD_LIMITS);
  } catch (error) {
    console.error("the roster import runs on the main thread: no import thread", error);
    return null;
  }
}
