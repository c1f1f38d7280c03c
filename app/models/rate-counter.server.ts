// Rate-limit counters (the RateCounter table): one row per key and window, incremented by an
// upsert (INSERT … ON CONFLICT DO UPDATE on SQLite and PostgreSQL alike), so concurrent
// requests — in this process or another — each see a distinct count.
import { txSql, type Sql, type Tx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

/**
 * Where a counter is written: a Prisma `write()` transaction, or a hand-written one (a roster
 * import's thread, which makes no Prisma client). The statements are the same.
 */
export type CounterWriter = Tx | Sql;

const asSql = (writer: CounterWriter): Sql => ("$executeRaw" in writer ? txSql(writer) : writer);

/** Adds `amount` (one by default) to the key's counter and returns the new count. Call inside a write. */
export async function takeCount(
  writer: CounterWriter,
  key: string,
  expiresAt: Date,
  amount = 1,
): Promise<number> {
  const row = await asSql(writer).one<{ count: number }>(Prisma.sql`
    INSERT INTO "RateCounter" ("key", "count", "expiresAt") VALUES (${key}, ${amount}, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateCounter"."count" + ${amount}
    RETURNING "count"`);
  return Number(row!.count);
}

/** Takes back `amount` from one key's counter (what was counted was not done after all). */
export async function putBack(writer: CounterWriter, key: string, amount: number): Promise<void> {
  await asSql(writer).run(Prisma.sql`
    UPDATE "RateCounter" SET "count" = "count" - ${amount}
    WHERE "key" = ${key} AND "count" >= ${amount}`);
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
