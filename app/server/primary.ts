// The primary process of `npm start` with several workers (node:cluster): it forks one HTTP
// worker per core (WEB_CONCURRENCY overrides), hands connections to them in turn, restarts a
// worker that dies, relays the change bus between them (IPC; on PostgreSQL the workers
// LISTEN themselves and the relay is unused) and, on SQLite, runs the machine's one WAL
// checkpointer. It never loads the app: a worker's crash cannot take it down.
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { allocatorEnv } from "../utils/allocator.server";
import { isClusterMessage, type ClusterMessage } from "../utils/cluster-ipc.server";
import { databaseFile, engineOf } from "../utils/database-file.server";
import { startCheckpointer } from "../utils/wal-checkpointer.server";

/** Workers to run: WEB_CONCURRENCY when set (1–64), otherwise one per core. */
export function workerCount(setting: string | undefined, cores = availableParallelism()): number {
  if (setting === undefined || setting.trim() === "") return Math.max(1, Math.min(cores, 64));
  if (!/^\d{1,2}$/.test(setting.trim()) || Number(setting) < 1 || Number(setting) > 64)
    throw new Error(`WEB_CONCURRENCY must be a number of processes from 1 to 64, not "${setting}"`);
  return Number(setting);
}

/** How long to wait before restarting a worker that lived `livedMs` (`previous`: the last wait). */
export function restartDelayMs(livedMs: number, previous: number): number {
  // A worker that ran a while is replaced at once; one that keeps dying right after starting
  // (a bad deployment) is retried ever more slowly instead of spinning.
  if (livedMs >= 30_000) return 0;
  return Math.min(30_000, Math.max(500, previous * 2));
}

const SHUTDOWN_GRACE_MS = 10_000;

export function runPrimary(workers: number, databaseUrl: string): void {
  const log = (text: string) => console.log(`[jiangxin] ${text}`);
  const slots = new Map<number, Worker>();
  let listening = false;
  let stopping = false;
  // Set when the checkpointer stopped; workers forked later learn it from their environment.
  let autoCheckpoints = false;

  if (engineOf(databaseUrl) === "sqlite") {
    startCheckpointer(databaseFile(databaseUrl), (error) => {
      console.error("checkpointer stopped; automatic checkpoints restored in every worker", error);
      autoCheckpoints = true;
      broadcast({ jx: "auto-checkpoints" });
    });
  }

  function broadcast(message: ClusterMessage, except?: Worker) {
    for (const worker of slots.values())
      if (worker !== except && worker.isConnected()) worker.send(message);
  }

  function fork(index: number, delay = 0) {
    const worker = cluster.fork({
      // The workers run the imports' threads: the allocator settings of npm run serve unless
      // the operator chose (allocator.server.ts), also when this process was started otherwise.
      ...allocatorEnv(),
      JX_WORKER: String(index),
      JX_WORKERS: String(workers),
      ...(autoCheckpoints ? { JX_AUTO_CHECKPOINTS: "1" } : {}),
    });
    const startedAt = Date.now();
    slots.set(index, worker);
    worker.on("message", (message: unknown) => {
      // A change one worker published reaches all the others.
      if (isClusterMessage(message) && message.jx === "change") broadcast(message, worker);
    });
    worker.on("listening", (address) => {
      if (!listening) log(`http://${address.address ?? "localhost"}:${address.port}`);
      listening = true;
    });
    worker.on("exit", (code, signal) => {
      if (slots.get(index) !== worker || stopping) return;
      slots.delete(index);
      if (!listening) {
        // Nothing ever served: a worker that cannot start (bad environment, port taken)
        // fails the whole server, as a single process would.
        console.error(`[jiangxin] worker ${index} could not start (exit ${signal ?? code})`);
        stop(typeof code === "number" && code !== 0 ? code : 1);
        return;
      }
      const wait = restartDelayMs(Date.now() - startedAt, delay);
      console.error(
        `[jiangxin] worker ${index} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); restarting${wait ? ` in ${wait} ms` : ""}`,
      );
      setTimeout(() => {
        if (!stopping) fork(index, wait);
      }, wait);
    });
  }

  function stop(exitCode = 0) {
    if (stopping) return;
    stopping = true;
    const alive = [...slots.values()].filter((w) => !w.isDead());
    if (alive.length === 0) process.exit(exitCode);
    let left = alive.length;
    for (const worker of alive) {
      worker.once("exit", () => {
        left -= 1;
        if (left === 0) process.exit(exitCode);
      });
      // Each worker closes its server and its open streams, then exits.
      worker.process.kill("SIGTERM");
    }
    setTimeout(() => {
      for (const worker of alive) if (!worker.isDead()) worker.process.kill("SIGKILL");
      process.exit(exitCode);
    }, SHUTDOWN_GRACE_MS).unref();
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop(0));
  for (let i = 1; i <= workers; i++) fork(i);
  log(`primary ${process.pid}: ${workers} workers`);
}
