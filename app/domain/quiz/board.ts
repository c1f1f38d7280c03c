// The quiz boards as maintained counts, so reading a board never ranks or scans the quiz.
//
// Every worker has one standing per round they played (their best attempt that day) and one
// overall (round 0: the sum of their rounds). A standing's place is one integer, the rank
// key: points in the high bits, then the time taken inverted, so a larger key ranks higher
// (more points, then less time) and equal keys share a place.
//
// "How many workers rank above key K" is answered from a count tree over the key's bits:
// level L (1…7) counts standings per bucket K >> (8·L); level 0 is the standings' own index on
// the key. The workers above K are, at each level, those in the buckets to the right of K's
// bucket under the same parent, so a rank is eight range reads of at most 255 rows each,
// whatever the field size (the contest boards do the same with ScoreCount/ScoreBucket). A
// change of standing moves the two leaf-to-root paths by −1 and +1; the shared top cancels.
import type { Hundredths } from "./scoring";

export const TIME_BITS = 32n;
const TIME_MAX = (1n << TIME_BITS) - 1n;
const POINTS_MAX = (1n << 31n) - 1n;

/** Levels kept in QuizRankCount; level 0 is read from the standings themselves. */
export const COUNT_LEVELS = [1, 2, 3, 4, 5, 6, 7] as const;
export const TOP_LEVEL = 7;
export const LEVEL_BITS = 8n;

/** Larger is better: points first, then less time. Time beyond ~49 days ties. */
export function quizRankKey(points: Hundredths, durationMs: number): bigint {
  if (!Number.isInteger(points) || points < 0) throw new RangeError(`bad points ${points}`);
  const p = BigInt(points);
  if (p > POINTS_MAX) throw new RangeError(`points out of range: ${points}`);
  const t = BigInt(Math.max(0, Math.min(Number(TIME_MAX), Math.round(durationMs))));
  return (p << TIME_BITS) | (TIME_MAX - t);
}

export function bucketOf(key: bigint, level: number): bigint {
  return key >> (BigInt(level) * LEVEL_BITS);
}

/**
 * The bucket ranges whose counts add up to the standings ranked above `key`, per level:
 * buckets strictly right of the key's bucket and before the next parent's first bucket (the
 * top level has no parent bound). Level 0's "buckets" are the keys themselves.
 */
export function rankRanges(key: bigint): { level: number; above: bigint; below: bigint | null }[] {
  const ranges: { level: number; above: bigint; below: bigint | null }[] = [];
  for (let level = 0; level <= TOP_LEVEL; level++) {
    const bucket = bucketOf(key, level);
    ranges.push({
      level,
      above: bucket,
      below: level === TOP_LEVEL ? null : ((bucket >> LEVEL_BITS) + 1n) << LEVEL_BITS,
    });
  }
  return ranges;
}

export interface Standing {
  readonly organisationId: number;
  readonly points: Hundredths;
  readonly durationMs: number;
  /** Rounds counted (1 for a round's own standing). */
  readonly days: number;
  /** The round played last (for a round's standing, the round itself). */
  readonly lastDay: number;
  /** The attempt that made a round's standing; null overall. */
  readonly attemptId: number | null;
}

export type StandingWrite = {
  readonly day: number;
  readonly workerId: number;
  /** null deletes the standing. */
  readonly after: (Standing & { readonly rankKey: bigint }) | null;
};
export type CountDelta = { day: number; level: number; bucket: bigint; delta: number };
export type OrgDelta = {
  day: number;
  organisationId: number;
  participants: number;
  points: number;
};

export function standingKey(s: Pick<Standing, "points" | "durationMs">): bigint {
  return quizRankKey(s.points, s.durationMs);
}

function sameStanding(a: Standing | null, b: Standing | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.organisationId === b.organisationId &&
    a.points === b.points &&
    a.durationMs === b.durationMs &&
    a.days === b.days &&
    a.lastDay === b.lastDay &&
    a.attemptId === b.attemptId
  );
}

/**
 * Collects the row writes and count changes of many standing changes (one submission moves a
 * round and the overall standing; a re-scoring chunk moves thousands), merging the count and
 * organisation deltas so each bucket is written once.
 */
export class BoardChanges {
  readonly standings: StandingWrite[] = [];
  private readonly counts = new Map<string, CountDelta>();
  private readonly orgs = new Map<string, OrgDelta>();

  change(day: number, workerId: number, before: Standing | null, after: Standing | null): void {
    if (sameStanding(before, after)) return;
    this.standings.push({
      day,
      workerId,
      after: after ? { ...after, rankKey: standingKey(after) } : null,
    });
    if (before) this.place(day, standingKey(before), -1, before.organisationId, -before.points);
    if (after) this.place(day, standingKey(after), 1, after.organisationId, after.points);
  }

  private place(day: number, key: bigint, sign: number, organisationId: number, points: number) {
    for (const level of COUNT_LEVELS) {
      const bucket = bucketOf(key, level);
      const id = `${day}:${level}:${bucket}`;
      const entry = this.counts.get(id) ?? { day, level, bucket, delta: 0 };
      entry.delta += sign;
      this.counts.set(id, entry);
    }
    const id = `${day}:${organisationId}`;
    const org = this.orgs.get(id) ?? { day, organisationId, participants: 0, points: 0 };
    org.participants += sign;
    org.points += points;
    this.orgs.set(id, org);
  }

  countDeltas(): CountDelta[] {
    return [...this.counts.values()].filter((c) => c.delta !== 0);
  }

  orgDeltas(): OrgDelta[] {
    return [...this.orgs.values()].filter((o) => o.participants !== 0 || o.points !== 0);
  }

  get empty(): boolean {
    return this.standings.length === 0;
  }
}

export interface ScoredAttempt {
  readonly attemptId: number;
  readonly day: number;
  readonly organisationId: number;
  readonly score: Hundredths;
  readonly durationMs: number;
}

/** The order of a round's board for one worker's attempts: points, then time, then the earlier attempt. */
export function betterAttempt(a: ScoredAttempt, b: ScoredAttempt): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.durationMs !== b.durationMs) return a.durationMs < b.durationMs;
  return a.attemptId < b.attemptId;
}

/**
 * A worker's standings from all their finished attempts: the best attempt of each round, and
 * overall the sum over rounds (organisation of the latest round). Used to rebuild a worker
 * after re-scoring; a submission applies the same rule incrementally (submissionChanges).
 */
export function standingsOf(attempts: readonly ScoredAttempt[]): Map<number, Standing> {
  const best = new Map<number, ScoredAttempt>();
  for (const a of attempts) {
    const current = best.get(a.day);
    if (!current || betterAttempt(a, current)) best.set(a.day, a);
  }
  const out = new Map<number, Standing>();
  let points = 0;
  let durationMs = 0;
  let lastDay = 0;
  let organisationId = 0;
  for (const [day, a] of [...best].sort(([x], [y]) => x - y)) {
    out.set(day, {
      organisationId: a.organisationId,
      points: a.score,
      durationMs: a.durationMs,
      days: 1,
      lastDay: day,
      attemptId: a.attemptId,
    });
    points += a.score;
    durationMs += a.durationMs;
    lastDay = day;
    organisationId = a.organisationId;
  }
  if (best.size > 0)
    out.set(0, { organisationId, points, durationMs, days: best.size, lastDay, attemptId: null });
  return out;
}

/**
 * What one newly finished attempt changes: the round's standing if it beats the worker's best
 * of that round, and the overall standing by the difference.
 */
export function submissionChanges(
  changes: BoardChanges,
  workerId: number,
  attempt: ScoredAttempt,
  roundBefore: Standing | null,
  overallBefore: Standing | null,
): void {
  const candidate: Standing = {
    organisationId: attempt.organisationId,
    points: attempt.score,
    durationMs: attempt.durationMs,
    days: 1,
    lastDay: attempt.day,
    attemptId: attempt.attemptId,
  };
  if (roundBefore && roundBefore.attemptId !== null) {
    const current: ScoredAttempt = {
      attemptId: roundBefore.attemptId,
      day: attempt.day,
      organisationId: roundBefore.organisationId,
      score: roundBefore.points,
      durationMs: roundBefore.durationMs,
    };
    if (!betterAttempt(attempt, current)) return;
  }
  changes.change(attempt.day, workerId, roundBefore, candidate);
  const base = overallBefore ?? {
    organisationId: attempt.organisationId,
    points: 0,
    durationMs: 0,
    days: 0,
    lastDay: 0,
    attemptId: null,
  };
  const latest = attempt.day >= base.lastDay;
  changes.change(0, workerId, overallBefore, {
    organisationId: latest ? attempt.organisationId : base.organisationId,
    points: base.points - (roundBefore?.points ?? 0) + candidate.points,
    durationMs: base.durationMs - (roundBefore?.durationMs ?? 0) + candidate.durationMs,
    days: base.days + (roundBefore ? 0 : 1),
    lastDay: Math.max(base.lastDay, attempt.day),
    attemptId: null,
  });
}

/** Participation in hundredths of a percent (rounded down) and the mean points (half up). */
export function organisationFigures(participants: number, pointsSum: number, headcount: number) {
  return {
    participationRate: headcount > 0 ? Math.floor((participants * 10000) / headcount) : null,
    averagePoints: participants > 0 ? Math.floor(pointsSum / participants + 0.5) : null,
  };
}
