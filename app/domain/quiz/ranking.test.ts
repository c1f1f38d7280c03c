import { describe, expect, it } from "vitest";
import { rankAttempts, type AttemptForRanking } from "./ranking";

const t = (hh: number, mm: number, ss = 0) => new Date(Date.UTC(2026, 4, 1, hh, mm, ss));
function attempt(
  attemptId: string,
  participantId: string,
  score: number,
  start: Date,
  submit: Date,
  deadline: Date | null = null,
): AttemptForRanking {
  return { attemptId, participantId, score, startedAt: start, submittedAt: submit, deadline };
}

describe("rankAttempts", () => {
  it("orders by score, then time taken, then submission time", () => {
    const ranked = rankAttempts([
      attempt("1", "p1", 9000, t(9, 0), t(9, 20)), // 20 min
      attempt("2", "p2", 9500, t(9, 0), t(9, 29)),
      attempt("3", "p3", 9000, t(9, 5), t(9, 20)), // 15 min, faster
      attempt("4", "p4", 9000, t(10, 0), t(10, 20)), // 20 min, submitted later than p1
    ]);
    expect(ranked.map((r) => [r.participantId, r.rank])).toEqual([
      ["p2", 1],
      ["p3", 2],
      ["p1", 3],
      ["p4", 4],
    ]);
  });
  it("shares a rank only when all three are equal", () => {
    const ranked = rankAttempts([
      attempt("1", "p1", 8000, t(9, 0), t(9, 10)),
      attempt("2", "p2", 8000, t(9, 0), t(9, 10)),
      attempt("3", "p3", 7000, t(9, 0), t(9, 5)),
    ]);
    expect(ranked.map((r) => [r.participantId, r.rank])).toEqual([
      ["p1", 1],
      ["p2", 1],
      ["p3", 3],
    ]);
  });
  it("does not count time spent in the grace period", () => {
    const deadline = t(9, 30);
    const ranked = rankAttempts([
      attempt("late", "p1", 8000, t(9, 0), t(9, 30, 4), deadline),
      attempt("edge", "p2", 8000, t(9, 0), t(9, 30), deadline),
    ]);
    expect(ranked.map((r) => r.timeTakenMs)).toEqual([1_800_000, 1_800_000]);
    // Same score and time; the earlier submission wins.
    expect(ranked.map((r) => [r.participantId, r.rank])).toEqual([
      ["p2", 1],
      ["p1", 2],
    ]);
  });
  it("keeps each participant's best attempt unless told otherwise", () => {
    const attempts = [
      attempt("a1", "p1", 6000, t(9, 0), t(9, 10)),
      attempt("a2", "p1", 9000, t(10, 0), t(10, 20)),
      attempt("b1", "p2", 8000, t(9, 0), t(9, 10)),
    ];
    expect(rankAttempts(attempts).map((r) => r.attemptId)).toEqual(["a2", "b1"]);
    expect(
      rankAttempts(attempts, { bestPerParticipant: false }).map((r) => [r.attemptId, r.rank]),
    ).toEqual([
      ["a2", 1],
      ["b1", 2],
      ["a1", 3],
    ]);
  });
});
