// The sign-in counters of app/domain/login-throttle.ts, taken in one transaction before a
// password is checked (app/models/rate-counter.server.ts), so concurrent attempts — from this
// process or another — each see a distinct count and no more than the limit get through.
import { write } from "~/db.server";
import { forget, giveBack, takeCount as take } from "~/models/rate-counter.server";
import {
  ACCOUNT_SLOW_AFTER,
  throttleKeys,
  throttleVerdict,
  type ThrottleKeys,
  type ThrottleVerdict,
} from "~/domain/login-throttle";

export type Reservation = { keys: ThrottleKeys; verdict: ThrottleVerdict };

/** Counts this attempt against its address, pair and account, and says whether it may go on. */
export async function reserveAttempt(
  username: string,
  address: string | null,
  now = new Date(),
): Promise<Reservation> {
  const keys = throttleKeys(username, address, now);
  const ends = keys.windowEndsAt;
  const counts = await write(async (tx) => {
    const addressCount = keys.address ? await take(tx, keys.address, ends) : null;
    const pair = await take(tx, keys.pair, ends);
    const refused = { address: addressCount, pair, account: 0, slot: null };
    // An attempt refused here checks no password, so it is no guess against the account:
    // it is not counted there (else a stranger's refused attempts would slow the real user).
    if (!throttleVerdict(refused, keys, now).allowed) return refused;
    const account = await take(tx, keys.account, ends);
    // The one-per-slot rule applies only to accounts under attack.
    const slot = account > ACCOUNT_SLOW_AFTER ? await take(tx, keys.slot, keys.slotEndsAt) : null;
    return { address: addressCount, pair, account, slot };
  });
  return { keys, verdict: throttleVerdict(counts, keys, now) };
}

/**
 * After a successful sign-in: the pair starts afresh, and the attempt is handed back to the
 * address and the account (many people behind one address sign in all day). Expired
 * counters are cleared on the way.
 */
export async function releaseAttempt(keys: ThrottleKeys, now = new Date()): Promise<void> {
  await write(async (tx) => {
    await forget(tx, keys.pair);
    await giveBack(tx, [keys.account, ...(keys.address ? [keys.address] : [])], now);
  });
}
