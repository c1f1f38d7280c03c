// The background WAL checkpointer of a SQLite database: a worker thread with a connection of
// its own that checkpoints (PASSIVE) every 500 ms, so that no request's commit pays for
// copying the WAL into the database and fsyncing it. With synchronous=FULL every commit
// fsyncs the WAL; the commit that crosses SQLite's automatic checkpoint threshold would also
// copy ~1,000 pages and fsync the database, which made one sheet save in fifty take 5–10 ms.
// PASSIVE never blocks: writers and readers carry on meanwhile. The app's connections turn
// automatic checkpoints off (app/db.server.ts).
//
// One per machine and database: a single server process runs it itself; with several
// processes the primary runs it (app/server/primary.ts) and the workers run none.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export const CHECKPOINT_INTERVAL_MS = 500;
/** SQLite's own threshold, restored on the app's connections should the checkpointer stop. */
export const AUTO_CHECKPOINT_PAGES = 1_000;

const SOURCE = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma("wal_autocheckpoint = 0");
setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (error) { console.error("checkpoint failed", error); }
}, workerData.intervalMs);
`;

/** Starts checkpointing `file`; `onFailure` runs if the thread stops (it never ends on its own). */
export function startCheckpointer(file: string, onFailure: (error: unknown) => void): Worker {
  // The driver's path is resolved here: an eval'd worker would resolve it from the process's
  // working directory, which need not be the project's.
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  worker.on("error", onFailure);
  return worker;
}
