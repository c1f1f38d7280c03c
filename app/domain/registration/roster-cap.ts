// The hourly cap on ID numbers new to an organisation's roster. Nothing a manager submits
// reveals whether a number is registered elsewhere (see worker.server.ts), and the cap bounds
// how many numbers one organisation can push through in an hour all the same: it counts
// numbers new to *its own* roster, whatever other rosters hold, so the count itself tells
// nothing about other organisations.

export const HOUR_MS = 3_600_000;

/** The clock hour `now` falls in: counts start again at every full hour. */
export function rosterCapWindow(now: Date): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { start: new Date(start), end: new Date(start + HOUR_MS) };
}

export type RosterCapRefusal = {
  code: "import_new_ids_capped";
  /** retryAt: the next full hour as HH:MM, China time */
  params: { cap: number; used: number; requested: number; retryAt: string };
};

/** The next full hour as people in China read it ("15:00"). */
export function retryTimeOf(windowEnd: Date): string {
  return new Date(windowEnd.getTime() + 8 * HOUR_MS).toISOString().slice(11, 16);
}
