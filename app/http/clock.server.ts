// The time the quiz pages act on: which day of a campaign it is, when an attempt started,
// whether a save is late. In production it is the system clock and nothing else.
//
// Outside production (env.server.ts refuses it in production), JX_TEST_CLOCK_FILE may name a
// file holding {"at": "<ISO time>", "setAt": <ms since epoch>}: the clock then reads `at` plus
// the real time elapsed since `setAt`, so it keeps running. The end-to-end journey writes it to
// play a campaign's days one after another; the file is read at most every 100 ms.
import { readFileSync } from "node:fs";
import { env } from "~/env.server";

let cached: { readAt: number; offsetMs: number } | null = null;

function offsetMs(file: string): number {
  const now = Date.now();
  if (cached && now - cached.readAt < 100) return cached.offsetMs;
  let offset = 0;
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as { at?: unknown; setAt?: unknown };
    const at = typeof value.at === "string" ? Date.parse(value.at) : Number.NaN;
    const setAt = typeof value.setAt === "number" ? value.setAt : Number.NaN;
    if (Number.isFinite(at) && Number.isFinite(setAt)) offset = at - setAt;
  } catch {
    // No file (yet): the real time.
  }
  cached = { readAt: now, offsetMs: offset };
  return offset;
}

export function requestNow(): Date {
  const file = env.NODE_ENV === "production" ? undefined : env.JX_TEST_CLOCK_FILE;
  return file ? new Date(Date.now() + offsetMs(file)) : new Date();
}
