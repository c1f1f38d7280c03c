/**
 * Sign-in throttling. Counters live in fixed windows and are taken atomically before any
 * password is checked (app/models/login-throttle.server.ts), so parallel attempts cannot all
 * slip under a limit and a refused attempt costs no hashing.
 *
 * Who can be kept out, and for how long:
 * - an address: after ADDRESS_LIMIT failed attempts in a window it waits for the window's
 *   end (successful sign-ins are handed back, so a busy office behind one address is fine);
 * - an account from one address (the pair): after PAIR_LIMIT failures that pair waits. A
 *   stranger's failures therefore lock only the stranger's own address out of the account;
 *   the real user, elsewhere, is not kept out;
 * - an account from anywhere: never locked. Past ACCOUNT_SLOW_AFTER failures in a window it
 *   is only slowed down to one attempt per SLOT_MS, which caps distributed guessing while
 *   costing the real user a few seconds at worst.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const ADDRESS_LIMIT = 20;
export const PAIR_LIMIT = 5;
export const ACCOUNT_SLOW_AFTER = 10;
export const SLOT_MS = 5_000;

export type ThrottleKeys = {
  address: string | null;
  pair: string;
  account: string;
  slot: string;
  /** When the keys' window ends (and the slot's) */
  windowEndsAt: Date;
  slotEndsAt: Date;
};

const windowStart = (now: Date, length: number) => Math.floor(now.getTime() / length) * length;

/**
 * The counters one attempt takes. Keys depend only on the name as typed (lower-cased), never
 * on whether the account exists, so unknown and known names are counted alike. Without a
 * known address (no server in front, e.g. `remix dev`) the pair is the account's alone.
 */
export function throttleKeys(username: string, address: string | null, now: Date): ThrottleKeys {
  // Percent-encoded: the key is text PostgreSQL stores, which refuses a NUL a hostile form may
  // carry, and the encoding is one-to-one, so each name keeps its own counters.
  const name = encodeURIComponent(username.trim().toLowerCase());
  const window = windowStart(now, LOGIN_WINDOW_MS);
  const slot = windowStart(now, SLOT_MS);
  return {
    address: address === null ? null : `login:addr:${window}:${address}`,
    pair: `login:pair:${window}:${address ?? "-"}:${name}`,
    account: `login:acct:${window}:${name}`,
    slot: `login:slot:${slot}:${name}`,
    windowEndsAt: new Date(window + LOGIN_WINDOW_MS),
    slotEndsAt: new Date(slot + SLOT_MS),
  };
}

export type ThrottleVerdict =
  { allowed: true } | { allowed: false; reason: "locked" | "slow"; retryAfterMs: number };

/** The verdict on the counts after this attempt was added to them. */
export function throttleVerdict(
  counts: { address: number | null; pair: number; account: number; slot: number | null },
  keys: ThrottleKeys,
  now: Date,
): ThrottleVerdict {
  const untilWindowEnds = Math.max(0, keys.windowEndsAt.getTime() - now.getTime());
  if ((counts.address ?? 0) > ADDRESS_LIMIT || counts.pair > PAIR_LIMIT)
    return { allowed: false, reason: "locked", retryAfterMs: untilWindowEnds };
  if (counts.account > ACCOUNT_SLOW_AFTER && (counts.slot ?? 0) > 1)
    return {
      allowed: false,
      reason: "slow",
      retryAfterMs: Math.max(0, keys.slotEndsAt.getTime() - now.getTime()),
    };
  return { allowed: true };
}
