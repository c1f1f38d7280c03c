// Where the database is, read from DATABASE_URL by the app (app/env.server.ts, app/db/), by
// the scripts, and by the HTTP server's primary process (app/server), which runs the WAL
// checkpointer for a SQLite file without loading the app.
import { mkdirSync } from "node:fs";
import path from "node:path";

/** The embedded default: a SQLite file in the project. */
export const DEFAULT_DATABASE_URL = "file:./prisma/data/jiangxin.db";

export type Engine = "sqlite" | "postgresql";

/** postgres://… is PostgreSQL; anything else (file:…) a SQLite file. */
export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** Turns "file:./prisma/data/x.db" into an absolute path and makes sure its folder exists. */
export function databaseFile(url: string): string {
  const raw = url.replace(/^file:/, "");
  const file = path.isAbsolute(raw) ? raw : path.resolve(process.cwd(), raw);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
