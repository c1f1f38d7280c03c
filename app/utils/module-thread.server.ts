// A module's own code on a worker thread, for work that must not run on the event loop that
// serves pages (re-scoring a quiz, writing a 500,000-row export). The thread loads the very
// module that started it, whose top level then sees `isThreadFor(task)` and answers the
// thread's messages: from the production build the task's own bundle (threadEntry), from the
// TypeScript sources (tests, scripts) the module itself, compiled through tsx. The thread opens
// its own database connections through the db module, as another process would.
import { existsSync, readlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { constants, setPriority } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, Worker, workerData, type ResourceLimits } from "node:worker_threads";

// Eval'd, so the thread can load a TypeScript module through tsx when the app runs from its
// sources; the production bundle is plain JavaScript. The sources are required through tsx's
// CommonJS hook, which compiles them on the thread itself: its ES-module hook (register())
// runs on a hooks thread of its own beside each thread, another V8 isolate and allocator
// arena that cost the roster check thread about 27 MB of the process's memory (58 MB → 31
// MB at its start, one run, loaded machine) and half its start-up CPU. The modules a thread
// loads have no top-level await, which CommonJS cannot compile (the thread then fails to
// start, and the caller works without it or fails, as when any thread fails).
const BOOT = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.tsx) {
    require(workerData.tsx).register();
    require(workerData.file);
  } else await import(workerData.url);
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** tsx's CommonJS hook (its path), for a thread that loads TypeScript sources; null for JavaScript. */
function tsxHook(url: string): string | null {
  if (!url.endsWith(".ts")) return null;
  return createRequire(url).resolve("tsx/cjs/api");
}

/** See runThreadsFromBundles. */
let bundles: string | null = null;

/**
 * Threads started from the TypeScript sources load the bundles in `dir` instead (each
 * `<task>.thread.js`, as `npm run build` writes them), as the server's threads do: the import
 * benchmark times its thread as the server starts it, where compiling the sources through tsx
 * on the thread (about a second, and again for the thread that one starts) is not.
 */
export function runThreadsFromBundles(dir: string): void {
  bundles = dir;
}

/**
 * The module a thread for `task` loads, started from `url`: from the production build the
 * task's own bundle beside the server's (`<task>.thread.js`, app/server/build-threads.ts:
 * the task's code without the routes, React and the rest of the server), else `url` itself
 * (or its bundle: runThreadsFromBundles). A thread file starting another thread finds its
 * sibling the same way.
 */
function threadEntry(url: string, task: string): string {
  if (url.endsWith(".ts"))
    return bundles ? pathToFileURL(path.join(bundles, `${task}.thread.js`)).href : url;
  const own = new URL(`${task}.thread.js`, url);
  return existsSync(own) ? own.href : url;
}

/** Whether this code runs on a thread started by `startModuleThread(…, task)`. */
export function isThreadFor(task: string): boolean {
  return !isMainThread && (workerData as { task?: string } | null)?.task === task;
}

/**
 * Lowers the calling thread's scheduling priority to the lowest, for batch work on its own
 * thread: when the cores are busy, the threads serving requests run first. On Linux a thread
 * is a task with its own nice value, found through /proc/thread-self; elsewhere nothing
 * changes. Only for threads that hold no lock others wait for (exports read): a low-priority
 * writer holding the write lock would make every save wait behind it on a busy machine.
 */
export function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: the thread keeps the process's priority.
  }
}

/** What `startModuleThread` handed to the thread. */
export function threadData<T>(): T {
  return (workerData as { data: T }).data;
}

/**
 * Starts a thread that loads the module at `url` (pass `import.meta.url`) with `data`, and
 * waits for its first message (the module's top level posts one when it is ready).
 * `resourceLimits` caps the thread's heap (it then collects garbage before growing past it).
 */
export async function startModuleThread(
  url: string,
  task: string,
  data: unknown = null,
  resourceLimits?: ResourceLimits,
) {
  const entry = threadEntry(url, task);
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { task, data, url: entry, file: fileURLToPath(entry), tsx: tsxHook(entry) },
    resourceLimits,
  });
  try {
    await nextMessage(worker, () => undefined);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return worker;
}

/**
 * The worker's next message, or its failure. Only the listeners added here are removed again:
 * removeAllListeners would also take the worker's own, and it would stop delivering messages.
 */
export function nextMessage<T>(worker: Worker, read: (message: unknown) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      done();
      resolve(read(message));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => onError(new Error(`thread exited (${code})`));
    const done = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}
