// Rate-limit counters (the RateCounter table): one row per key and window, incremented by an
// upsert (INSERT … ON CONFLICT DO UPDATE on SQLite and PostgreSQL alike), so concurrent
// requests — in this process or another — each see a distinct count.
import type { Tx } from "~/db.server";

/** Adds `amount` (one by default) to the key's counter and returns the new count. Call inside `write()`. */
export async function takeCount(tx: Tx, key: string, expiresAt: Date, amount = 1): Promise<number> {
  const row = await tx.rateCounter.upsert({
    where: { key },
    create: { key, count: amount, expiresAt },
    update: { count: { increment: amount } },
    select: { count: true },
  });
  return row.count;
}

/** Takes back `amount` from one key's counter (what was counted was not done after all). */
export async function putBack(tx: Tx, key: string, amount: number): Promise<void> {
  await tx.rateCounter.updateMany({
    where: { key, count: { gte: amount } },
    data: { count: { decrement: amount } },
  });
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
