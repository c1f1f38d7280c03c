/**
 * Sign-in throttling: after too many failures in a window, an account (or an address) is
 * locked until the oldest counted failure leaves the window.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type ThrottleVerdict = { locked: false } | { locked: true; retryAfterMs: number };

/** `failures` are the times of recent failures for one key, in any order. */
export function throttleVerdict(failures: Date[], limit: number, now: Date): ThrottleVerdict {
  const since = now.getTime() - LOGIN_WINDOW_MS;
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > since)
    .sort((a, b) => a - b);
  if (recent.length < limit) return { locked: false };
  // Unlocks when enough failures have aged out to drop below the limit.
  const unlockAt = (recent[recent.length - limit] ?? now.getTime()) + LOGIN_WINDOW_MS;
  return { locked: true, retryAfterMs: Math.max(0, unlockAt - now.getTime()) };
}
