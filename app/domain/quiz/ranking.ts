import { compareText, rankWithTies } from "~/domain/contest/ranking";
import type { Hundredths } from "./scoring";
import { timeTakenMs } from "./timing";

export interface AttemptForRanking {
  readonly attemptId: string;
  readonly participantId: string;
  readonly score: Hundredths;
  readonly startedAt: Date;
  readonly submittedAt: Date;
  /** The attempt's deadline, so time inside the grace period is not counted. */
  readonly deadline?: Date | null;
}

export interface RankedAttempt extends AttemptForRanking {
  readonly timeTakenMs: number;
  readonly rank: number;
}

export interface RankAttemptsOptions {
  /**
   * Keep only each participant's best attempt (by the same order as the ranking). On by
   * default: a leaderboard ranks people, and quizzes that allow retries should not let one
   * person fill the top places.
   */
  readonly bestPerParticipant?: boolean;
}

type Timed = AttemptForRanking & { readonly timeTakenMs: number };

/** Higher score, then less time taken, then earlier submission. */
function compareAttempts(a: Timed, b: Timed): number {
  return (
    b.score - a.score ||
    a.timeTakenMs - b.timeTakenMs ||
    a.submittedAt.getTime() - b.submittedAt.getTime()
  );
}

/** Shared ranks only when score, time taken and submission time are all equal. */
export function rankAttempts(
  attempts: readonly AttemptForRanking[],
  options: RankAttemptsOptions = {},
): RankedAttempt[] {
  let timed: Timed[] = attempts.map((a) => ({
    ...a,
    timeTakenMs: timeTakenMs(a.startedAt, a.submittedAt, a.deadline ?? null),
  }));
  if (options.bestPerParticipant ?? true) {
    const best = new Map<string, Timed>();
    for (const a of timed) {
      const current = best.get(a.participantId);
      if (!current || compareAttempts(a, current) < 0) best.set(a.participantId, a);
    }
    timed = [...best.values()];
  }
  return rankWithTies(timed, compareAttempts, (a, b) =>
    compareText(a.participantId, b.participantId),
  ).map(({ item, rank }) => ({ ...item, rank }));
}
