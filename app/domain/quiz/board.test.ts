import { describe, expect, it } from "vitest";
import { seededRng } from "~/domain/contest/random";
import {
  BoardChanges,
  COUNT_LEVELS,
  bucketOf,
  organisationFigures,
  quizRankKey,
  rankRanges,
  standingsOf,
  submissionChanges,
  type ScoredAttempt,
  type Standing,
} from "./board";

describe("rank key", () => {
  it("orders by points, then by less time", () => {
    expect(quizRankKey(1500, 60_000)).toBeGreaterThan(quizRankKey(1000, 1_000));
    expect(quizRankKey(1500, 59_999)).toBeGreaterThan(quizRankKey(1500, 60_000));
    expect(quizRankKey(1500, 60_000)).toBe(quizRankKey(1500, 60_000));
    expect(quizRankKey(0, 2 ** 40)).toBe(quizRankKey(0, 2 ** 33));
    expect(() => quizRankKey(-1, 0)).toThrow(RangeError);
    expect(() => quizRankKey(1.5, 0)).toThrow(RangeError);
  });
});

/** The count tree of a field of keys, as QuizRankCount holds it. */
function tree(keys: bigint[]) {
  const counts = new Map<string, number>();
  for (const key of keys)
    for (const level of COUNT_LEVELS) {
      const id = `${level}:${bucketOf(key, level)}`;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  return counts;
}

function above(keys: bigint[], key: bigint): number {
  const counts = tree(keys);
  let n = 0;
  for (const r of rankRanges(key)) {
    if (r.level === 0) {
      n += keys.filter((k) => k > r.above && k < (r.below ?? 0n)).length;
      continue;
    }
    for (const [id, c] of counts) {
      const [level, bucket] = id.split(":");
      const b = BigInt(bucket!);
      if (Number(level) === r.level && b > r.above && (r.below === null || b < r.below)) n += c;
    }
  }
  return n;
}

describe("count tree", () => {
  it("gives every key the number of keys above it", () => {
    const rng = seededRng(11);
    const keys = Array.from({ length: 400 }, () =>
      quizRankKey(Math.floor(rng() * 30) * 250, Math.floor(rng() * 3_000_000)),
    );
    keys.push(keys[3]!, keys[3]!); // ties
    for (const key of keys.slice(0, 120))
      expect(above(keys, key)).toBe(keys.filter((k) => k > key).length);
  });
});

const s = (points: number, durationMs: number, organisationId = 1, day = 1): Standing => ({
  organisationId,
  points,
  durationMs,
  days: 1,
  lastDay: day,
  attemptId: day,
});

describe("board changes", () => {
  it("moves counts and organisation figures by the difference, and nothing for no change", () => {
    const c = new BoardChanges();
    c.change(1, 9, s(1000, 5000), s(1000, 5000));
    expect(c.empty).toBe(true);
    c.change(1, 9, s(1000, 5000, 1), s(1500, 4000, 2));
    expect(c.orgDeltas()).toEqual([
      { day: 1, organisationId: 1, participants: -1, points: -1000 },
      { day: 1, organisationId: 2, participants: 1, points: 1500 },
    ]);
    expect(c.countDeltas().reduce((sum, d) => sum + d.delta, 0)).toBe(0);
    expect(c.countDeltas().every((d) => d.level >= 1)).toBe(true);
    c.change(2, 9, null, s(500, 1000));
    expect(c.countDeltas().filter((d) => d.day === 2)).toHaveLength(COUNT_LEVELS.length);
  });

  it("adds a better attempt to its day and to the overall sum; ignores a worse one", () => {
    const attempt = (attemptId: number, day: number, score: number, durationMs: number) =>
      ({ attemptId, day, organisationId: 1, score, durationMs }) satisfies ScoredAttempt;
    const c = new BoardChanges();
    const overall: Standing = { ...s(2000, 90_000), days: 2, lastDay: 2, attemptId: null };
    const day3 = s(1000, 40_000, 1, 3);
    submissionChanges(c, 7, attempt(30, 3, 1000, 50_000), day3, overall);
    expect(c.empty).toBe(true);
    submissionChanges(c, 7, attempt(31, 3, 1500, 60_000), day3, overall);
    expect(
      c.standings.map((w) => [w.day, w.after?.points, w.after?.durationMs, w.after?.days]),
    ).toEqual([
      [3, 1500, 60_000, 1],
      [0, 2500, 110_000, 2],
    ]);
  });

  it("builds standings from attempts: the best of each day, summed overall", () => {
    const list: ScoredAttempt[] = [
      { attemptId: 1, day: 1, organisationId: 4, score: 500, durationMs: 9000 },
      { attemptId: 2, day: 1, organisationId: 4, score: 1000, durationMs: 20000 },
      { attemptId: 3, day: 3, organisationId: 5, score: 1000, durationMs: 20000 },
      { attemptId: 4, day: 3, organisationId: 5, score: 1000, durationMs: 20000 },
    ];
    const got = standingsOf(list);
    expect(got.get(1)).toMatchObject({ points: 1000, attemptId: 2 });
    expect(got.get(3)).toMatchObject({ points: 1000, attemptId: 3 });
    expect(got.get(0)).toEqual({
      organisationId: 5,
      points: 2000,
      durationMs: 40000,
      days: 2,
      lastDay: 3,
      attemptId: null,
    });
    expect(standingsOf([]).size).toBe(0);
  });

  it("states participation and averages", () => {
    expect(organisationFigures(3, 2500, 8)).toEqual({
      participationRate: 3750,
      averagePoints: 833,
    });
    expect(organisationFigures(0, 0, 0)).toEqual({ participationRate: null, averagePoints: null });
  });
});
