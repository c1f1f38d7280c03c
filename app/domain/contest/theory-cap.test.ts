import { describe, expect, it } from "vitest";
import { isTheoryCap, theoryCapPct, theoryCapProblems } from "./theory-cap";

describe("the theory cap", () => {
  it("defaults to 30% for a skills contest and to none for the other kinds; a contest's own cap wins", () => {
    expect(theoryCapPct("skills_contest", null)).toBe(30);
    expect(theoryCapPct("knowledge_quiz", null)).toBeNull();
    expect(theoryCapPct("labour_competition", null)).toBeNull();
    expect(theoryCapPct("skills_contest", 40)).toBe(40);
    expect(theoryCapPct("knowledge_quiz", 20)).toBe(20);
  });

  it("names the round, its theory weight and the cap; exactly at the cap is allowed", () => {
    const parts = [
      { kind: "theory", weight: 40, round: "preliminary" },
      { kind: "practical", weight: 60, round: "preliminary" },
      { kind: "theory", weight: 30, round: "final" },
      { kind: "practical", weight: 70, round: "final" },
    ];
    expect(theoryCapProblems(parts, 30)).toEqual([
      { code: "event_theory_over_cap", params: { stage: "preliminary", weight: 40, cap: 30 } },
    ]);
    expect(theoryCapProblems(parts, 40)).toEqual([]);
    expect(theoryCapProblems(parts, null)).toEqual([]);
  });

  it("accepts whole percents from 0 to 100", () => {
    expect([0, 30, 100].every(isTheoryCap)).toBe(true);
    expect([-1, 30.5, 101].some(isTheoryCap)).toBe(false);
  });
});
