// `npm start` / `npm run serve`: tsx app/server/serve.ts build/index.js (PORT, HOST,
// WEB_CONCURRENCY). With several workers (one per core unless WEB_CONCURRENCY says otherwise)
// this process becomes the primary (primary.ts) and each worker runs the HTTP server
// (app-server.ts); with one it runs the HTTP server itself.
import cluster from "node:cluster";
import { DEFAULT_DATABASE_URL } from "../utils/database-file.server";
import { runPrimary, workerCount } from "./primary";

process.env.NODE_ENV ??= "production";

const buildArg = process.argv[2];
if (!buildArg) {
  console.error("Usage: tsx app/server/serve.ts <server-build-path>, e.g. build/index.js");
  process.exit(1);
}

let workers: number;
try {
  workers = workerCount(process.env.WEB_CONCURRENCY);
} catch (error) {
  console.error(`[jiangxin] ${(error as Error).message}`);
  process.exit(1);
}

if (cluster.isPrimary && workers > 1) {
  runPrimary(workers, process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
} else {
  const { startAppServer } = await import("./app-server");
  await startAppServer(buildArg);
}
