/**
 * When an attempt must be in: the time limit from the start, or the quiz's closing time if
 * that comes first, so starting five minutes before closing buys five minutes, not the
 * full limit. null when neither applies.
 */
export function attemptDeadline(
  startedAt: Date,
  limitSeconds: number | null,
  quizClosesAt: Date | null,
): Date | null {
  const candidates: number[] = [];
  if (limitSeconds !== null) {
    if (!Number.isFinite(limitSeconds) || limitSeconds <= 0)
      throw new RangeError("limitSeconds must be positive");
    candidates.push(startedAt.getTime() + limitSeconds * 1000);
  }
  if (quizClosesAt !== null) candidates.push(quizClosesAt.getTime());
  return candidates.length === 0 ? null : new Date(Math.min(...candidates));
}

/**
 * Grace covers the request still in flight when the timer hits zero. Arriving exactly at
 * deadline + grace is still on time.
 */
export function isLate(submittedAt: Date, deadline: Date | null, graceSeconds = 0): boolean {
  if (deadline === null) return false;
  return submittedAt.getTime() > deadline.getTime() + graceSeconds * 1000;
}

/**
 * Time counted for ranking: from start to submission, but never beyond the deadline, so a
 * submission that lands inside the grace period ties with one made on the last second.
 */
export function timeTakenMs(
  startedAt: Date,
  submittedAt: Date,
  deadline: Date | null = null,
): number {
  const end =
    deadline === null ? submittedAt.getTime() : Math.min(submittedAt.getTime(), deadline.getTime());
  return Math.max(0, end - startedAt.getTime());
}
