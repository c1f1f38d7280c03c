// Password hashing off the event loop. bcrypt at cost 10 is ~60 ms of pure computation per
// check; run on the main thread, twenty concurrent sign-ins stalled every page for seconds.
// Checks and hashes run on a small pool of worker threads instead, queued, and the queue is
// bounded so a flood of sign-ins is refused instead of growing without limit.
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export const BCRYPT_COST = 10;
/** Past this many checks waiting, new sign-ins are refused as busy (HTTP 503). */
export const MAX_QUEUED_HASHES = 64;

// A real hash of the same cost to check against when the account does not exist or is
// inactive, so every attempt costs one check and the answer's timing shows nothing.
export const DUMMY_HASH = "$2b$10$GFWaMvY2Ch1fOBe6BvR36uFNVCaY94UlxXuSouR01zSN/LWM1Fez6";

export class HashQueueFullError extends Error {
  constructor() {
    super("too many password checks waiting");
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData, threadId } = require("node:worker_threads");
const bcrypt = require(workerData.bcrypt);
parentPort.on("message", ({ id, op, password, hash, cost }) => {
  try {
    const value = op === "compare" ? bcrypt.compareSync(password, hash) : bcrypt.hashSync(password, cost);
    parentPort.postMessage({ id, value, threadId });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error), threadId });
  }
});
`;

type Task = {
  id: number;
  message: { op: "compare" | "hash"; password: string; hash?: string; cost?: number };
  resolve: (result: { value: unknown; threadId: number }) => void;
  reject: (error: Error) => void;
};

type PoolWorker = { worker: Worker; busy: Task | null };

const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
const pool: PoolWorker[] = [];
const queue: Task[] = [];
let nextId = 1;
let checks = 0;

/** How many password checks this process has run (tests and monitoring). */
export function passwordCheckCount(): number {
  return checks;
}

function spawn(): PoolWorker {
  // Resolved here: an eval'd worker would resolve from the working directory.
  const bcryptPath = createRequire(import.meta.url).resolve("bcryptjs");
  const entry: PoolWorker = {
    worker: new Worker(WORKER_SOURCE, { eval: true, workerData: { bcrypt: bcryptPath } }),
    busy: null,
  };
  entry.worker.unref();
  entry.worker.on(
    "message",
    (reply: { id: number; value?: unknown; error?: string; threadId: number }) => {
      const task = entry.busy;
      entry.busy = null;
      entry.worker.unref();
      if (task && task.id === reply.id) {
        if (reply.error !== undefined) task.reject(new Error(reply.error));
        else task.resolve({ value: reply.value, threadId: reply.threadId });
      }
      dispatch();
    },
  );
  entry.worker.on("error", (error) => {
    // A dead worker is replaced; its task fails rather than hanging.
    const index = pool.indexOf(entry);
    if (index >= 0) pool.splice(index, 1);
    entry.busy?.reject(error instanceof Error ? error : new Error(String(error)));
    dispatch();
  });
  pool.push(entry);
  return entry;
}

function dispatch(): void {
  while (queue.length > 0) {
    const idle = pool.find((w) => w.busy === null) ?? (pool.length < POOL_SIZE ? spawn() : null);
    if (!idle) return;
    const task = queue.shift()!;
    idle.busy = task;
    // Held open only while it has work, so an idle pool never keeps the process alive.
    idle.worker.ref();
    idle.worker.postMessage({ id: task.id, ...task.message });
  }
}

function run(message: Task["message"]): Promise<{ value: unknown; threadId: number }> {
  if (queue.length >= MAX_QUEUED_HASHES) return Promise.reject(new HashQueueFullError());
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, message, resolve, reject });
    dispatch();
  });
}

export async function hashPassword(password: string): Promise<string> {
  return (await run({ op: "hash", password, cost: BCRYPT_COST })).value as string;
}

/** Compares on a worker thread; `threadId` says which (never 0, the main thread). */
export async function checkPassword(
  password: string,
  hash: string,
): Promise<{ matches: boolean; threadId: number }> {
  checks += 1;
  const result = await run({ op: "compare", password, hash });
  return { matches: result.value === true, threadId: result.threadId };
}
