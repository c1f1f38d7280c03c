import { describe, expect, it } from "vitest";
import { missingEnumNames } from "~/test/rule-messages";
import type { Question } from "./questions";
import { ANSWER_GRACE_SECONDS, scoreSheet } from "./paper";
import { scoreAnswer } from "./scoring";

const single: Question = {
  id: "s",
  type: "single",
  category: "law",
  options: [{ id: "a" }, { id: "b" }, { id: "c" }],
  correct: ["b"],
  points: 1,
};
const multiple: Question = {
  id: "m",
  type: "multiple",
  category: "safety",
  options: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }],
  correct: ["a", "b", "d"],
  points: 2,
};
const truth: Question = {
  id: "t",
  type: "true_false",
  category: "union",
  options: [],
  correct: ["true"],
  points: 1,
};

describe("scoreAnswer", () => {
  it("scores single choice and true/false", () => {
    expect(scoreAnswer(single, ["b"])).toEqual({
      questionId: "s",
      outcome: "correct",
      score: 100,
      maxScore: 100,
    });
    expect(scoreAnswer(single, ["a"])).toMatchObject({ outcome: "wrong", score: 0 });
    expect(scoreAnswer(single, ["a", "b"])).toMatchObject({ outcome: "wrong", score: 0 });
    expect(scoreAnswer(truth, ["true"])).toMatchObject({ outcome: "correct", score: 100 });
    expect(scoreAnswer(truth, ["false"])).toMatchObject({ outcome: "wrong", score: 0 });
  });
  it("treats no answer as unanswered, and repeats and order as irrelevant", () => {
    expect(scoreAnswer(single, [])).toMatchObject({ outcome: "unanswered", score: 0 });
    expect(scoreAnswer(single, undefined)).toMatchObject({ outcome: "unanswered", score: 0 });
    expect(scoreAnswer(multiple, ["d", "a", "b", "a"])).toMatchObject({
      outcome: "correct",
      score: 200,
    });
  });
  it("scores multiple choice all-or-nothing by default", () => {
    expect(scoreAnswer(multiple, ["a", "b"])).toMatchObject({ outcome: "wrong", score: 0 });
    expect(scoreAnswer(multiple, ["a", "b", "c", "d"])).toMatchObject({
      outcome: "wrong",
      score: 0,
    });
  });
  it("gives partial credit for a subset without a wrong choice when asked", () => {
    expect(scoreAnswer(multiple, ["a", "b"], { partialCredit: "proportional" })).toEqual({
      questionId: "m",
      outcome: "partial",
      // 200 × 2 / 3 = 133.33… → 133 (rounded down)
      score: 133,
      maxScore: 200,
    });
    expect(scoreAnswer(multiple, ["d"], { partialCredit: "half" })).toMatchObject({
      outcome: "partial",
      score: 100,
    });
    expect(scoreAnswer(multiple, ["a", "c"], { partialCredit: "proportional" })).toMatchObject({
      outcome: "wrong",
      score: 0,
    });
    // Partial credit never applies to single choice.
    expect(scoreAnswer(single, ["b"], { partialCredit: "half" })).toMatchObject({
      outcome: "correct",
    });
  });
  it("counts option ids the question does not have as wrong", () => {
    expect(scoreAnswer(multiple, ["a", "b", "d", "zz"])).toMatchObject({
      outcome: "wrong",
      score: 0,
    });
    expect(scoreAnswer(truth, ["yes"])).toMatchObject({ outcome: "wrong" });
  });
  it("has display names for outcomes", () => {
    expect(
      missingEnumNames("answer_outcome", ["correct", "partial", "wrong", "unanswered"]),
    ).toEqual([]);
  });
});

describe("scoreSheet", () => {
  const start = new Date("2026-05-01T09:00:00Z");
  const deadline = new Date("2026-05-01T09:30:00Z");
  const at = (minutes: number, seconds = 0) => start.getTime() + minutes * 60_000 + seconds * 1000;

  it("counts each question's saved answer, inside the grace period too", () => {
    const result = scoreSheet(
      [single, multiple, truth],
      {
        s: { o: ["b"], t: at(2) },
        m: { o: ["a", "b", "d"], t: at(29) },
        // Inside the two-second grace period: counts.
        t: { o: ["true"], t: at(30, ANSWER_GRACE_SECONDS) },
        other: { o: ["x"], t: at(3) },
      },
      deadline,
    );
    expect(result).toMatchObject({
      score: 400,
      maxScore: 400,
      correctCount: 3,
      lateQuestionIds: [],
    });
    expect(result.perQuestion.map((q) => q.outcome)).toEqual(["correct", "correct", "correct"]);
  });
  it("leaves a question unanswered when its answer came too late", () => {
    const result = scoreSheet(
      [single, truth],
      { t: { o: ["true"], t: at(30, ANSWER_GRACE_SECONDS + 1) } },
      deadline,
    );
    expect(result).toMatchObject({
      score: 0,
      maxScore: 200,
      correctCount: 0,
      lateQuestionIds: ["t"],
    });
    expect(result.perQuestion.map((q) => q.outcome)).toEqual(["unanswered", "unanswered"]);
  });
  it("accepts everything when untimed and passes partial credit through", () => {
    const result = scoreSheet([multiple], { m: { o: ["a"], t: at(500) } }, null, "proportional");
    expect(result).toMatchObject({ score: 66, correctCount: 0, lateQuestionIds: [] });
  });
});
