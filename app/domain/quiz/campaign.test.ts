import { describe, expect, it } from "vitest";
import { missingEnumNames } from "~/test/rule-messages";
import {
  DRAW_MODES,
  PARTIAL_CREDIT_RULES,
  QUIZ_KINDS,
  REVIEW_POLICIES,
  beijingDayNumber,
  inScope,
  latestRound,
  reviewOpen,
  roundAt,
  roundByNumber,
  roundCount,
  streaks,
} from "./index";

const bj = (local: string) => new Date(`${local}+08:00`);

describe("rounds", () => {
  const campaign = {
    kind: "campaign" as const,
    opensAt: bj("2026-09-01T08:00:00"),
    closesAt: bj("2026-12-10T00:00:00"),
  };

  it("counts a campaign's days on Beijing's calendar, both ends included", () => {
    expect(roundCount(campaign)).toBe(100);
    expect(roundCount({ ...campaign, kind: "paper" })).toBe(1);
    // 23:30 UTC is already the next morning in Beijing.
    expect(beijingDayNumber(new Date("2026-09-01T23:30:00Z"))).toBe(
      beijingDayNumber(bj("2026-09-02T07:30:00")),
    );
  });

  it("finds the day open at a moment, clipped to the campaign's window", () => {
    expect(roundAt(campaign, bj("2026-09-01T07:59:59"))).toBeNull();
    expect(roundAt(campaign, bj("2026-09-01T08:00:00"))).toEqual({
      day: 1,
      opensAt: bj("2026-09-01T08:00:00"),
      closesAt: bj("2026-09-02T00:00:00"),
    });
    expect(roundAt(campaign, bj("2026-11-30T23:59:59"))?.day).toBe(91);
    expect(roundAt(campaign, bj("2026-12-09T12:00:00"))?.day).toBe(100);
    expect(roundAt(campaign, bj("2026-12-10T00:00:00"))).toBeNull();
    expect(roundByNumber(campaign, 101)).toBeNull();
    expect(roundByNumber(campaign, 0)).toBeNull();
    expect(latestRound(campaign, bj("2027-01-01T00:00:00"))).toBe(100);
    expect(latestRound(campaign, bj("2026-08-01T00:00:00"))).toBe(0);
  });

  it("treats a single paper as one round over its whole window", () => {
    const paper = { ...campaign, kind: "paper" as const };
    expect(roundAt(paper, bj("2026-11-30T10:00:00"))).toEqual({
      day: 1,
      opensAt: paper.opensAt,
      closesAt: paper.closesAt,
    });
  });
});

describe("streaks", () => {
  it("counts the run up to today, which does not break before it is over", () => {
    expect(streaks([1, 2, 3, 5, 6], 6)).toEqual({ current: 2, longest: 3 });
    expect(streaks([1, 2, 3, 5, 6], 7)).toEqual({ current: 2, longest: 3 });
    expect(streaks([1, 2, 3, 5, 6], 8)).toEqual({ current: 0, longest: 3 });
    expect(streaks([], 3)).toEqual({ current: 0, longest: 0 });
    expect(streaks([4, 4, 3], 4)).toEqual({ current: 2, longest: 2 });
  });
});

describe("answer review", () => {
  const base = {
    finished: true,
    roundClosesAt: new Date("2026-11-30T16:00:00Z"),
    now: new Date("2026-11-30T10:00:00Z"),
  };
  it("opens after the last allowed attempt, after closing, or never", () => {
    expect(reviewOpen({ ...base, policy: "after_submit", attemptsLeft: 0 })).toBe(true);
    expect(reviewOpen({ ...base, policy: "after_submit", attemptsLeft: 1 })).toBe(false);
    expect(reviewOpen({ ...base, policy: "after_close", attemptsLeft: 0 })).toBe(false);
    const later = { ...base, now: base.roundClosesAt };
    expect(reviewOpen({ ...later, policy: "after_close", attemptsLeft: 2 })).toBe(true);
    expect(reviewOpen({ ...later, policy: "never", attemptsLeft: 0 })).toBe(false);
    expect(reviewOpen({ ...later, policy: "after_close", attemptsLeft: 0, finished: false })).toBe(
      false,
    );
  });
});

describe("scope", () => {
  it("admits the scope organisation and its subtree only", () => {
    expect(inScope("/1/5/12/", "/1/5/")).toBe(true);
    expect(inScope("/1/5/", "/1/5/")).toBe(true);
    expect(inScope("/1/51/", "/1/5/")).toBe(false);
    expect(inScope("/2/7/", "/1/")).toBe(false);
    expect(inScope("/1/", "")).toBe(false);
  });
});

describe("quiz settings", () => {
  it("have display names", () => {
    expect(missingEnumNames("quiz_kind", QUIZ_KINDS)).toEqual([]);
    expect(missingEnumNames("quiz_draw_mode", DRAW_MODES)).toEqual([]);
    expect(missingEnumNames("quiz_review_policy", REVIEW_POLICIES)).toEqual([]);
    expect(missingEnumNames("quiz_partial_credit", PARTIAL_CREDIT_RULES)).toEqual([]);
  });
});
