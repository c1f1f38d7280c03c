import { describe, expect, it } from "vitest";
import { reviewAttempt, type ReviewQuestion } from "./review";

const questions: ReviewQuestion[] = [
  {
    id: "1",
    type: "single",
    category: "c",
    stem: "一",
    options: [
      { id: "A", text: "甲" },
      { id: "B", text: "乙" },
    ],
    correct: ["B"],
    points: 5,
    explanation: "因为乙。",
  },
  {
    id: "2",
    type: "multiple",
    category: "c",
    stem: "二",
    options: [
      { id: "A", text: "甲" },
      { id: "B", text: "乙" },
      { id: "C", text: "丙" },
    ],
    correct: ["A", "C"],
    points: 5,
    explanation: "",
  },
];
const paper = [
  { questionId: "2", optionOrder: ["C", "A", "B"] },
  { questionId: "1", optionOrder: ["B", "A"] },
];
const deadline = new Date("2026-11-30T10:00:00Z");

describe("reviewAttempt", () => {
  it("lists the paper in the order seen, with choices, the key and the same score as the attempt", () => {
    const items = reviewAttempt({
      paper,
      sheet: {
        "2": { o: ["A"], t: deadline.getTime() - 1000 },
        "1": { o: ["B"], t: deadline.getTime() + 60_000 },
      },
      questions,
      deadline,
      partialCredit: "half",
    });
    expect(items.map((i) => [i.questionId, i.outcome, i.score, i.late])).toEqual([
      ["2", "partial", 250, false],
      ["1", "unanswered", 0, true],
    ]);
    expect(items[0]!.options).toEqual([
      { id: "C", text: "丙", chosen: false, correct: true },
      { id: "A", text: "甲", chosen: true, correct: true },
      { id: "B", text: "乙", chosen: false, correct: false },
    ]);
    // A late answer is not shown as chosen: it did not count.
    expect(items[1]!.options.some((o) => o.chosen)).toBe(false);
    expect(items[1]!.explanation).toBe("因为乙。");
  });

  it("leaves out questions that left the bank", () => {
    expect(
      reviewAttempt({
        paper,
        sheet: {},
        questions: [questions[0]!],
        deadline,
        partialCredit: "none",
      }),
    ).toHaveLength(1);
  });
});
