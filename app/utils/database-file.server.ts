import { mkdirSync } from "node:fs";
import path from "node:path";

/** Turns "file:./prisma/data/x.db" into an absolute path and makes sure its folder exists. */
export function databaseFile(url: string): string {
  const raw = url.replace(/^file:/, "");
  const file = path.isAbsolute(raw) ? raw : path.resolve(process.cwd(), raw);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
