// Rate-limit counters (the RateCounter table): one row per key and window, incremented by an
// upsert (INSERT … ON CONFLICT DO UPDATE on SQLite and PostgreSQL alike), so concurrent
// requests — in this process or another — each see a distinct count.
import type { Tx } from "~/db.server";

/** Adds one to the key's counter and returns the new count. Call inside `write()`. */
export async function takeCount(tx: Tx, key: string, expiresAt: Date): Promise<number> {
  const row = await tx.rateCounter.upsert({
    where: { key },
    create: { key, count: 1, expiresAt },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return row.count;
}

/** Hands counts back (e.g. after a successful sign-in) and clears expired counters. */
export async function giveBack(tx: Tx, keys: string[], now: Date): Promise<void> {
  await tx.rateCounter.updateMany({
    where: { key: { in: keys }, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
  await tx.rateCounter.deleteMany({ where: { expiresAt: { lte: now } } });
}

export async function forget(tx: Tx, key: string): Promise<void> {
  await tx.rateCounter.deleteMany({ where: { key } });
}
