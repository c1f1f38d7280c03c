import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, renderGaps } from "~/test/rule-messages";
import {
  QUESTION_PROBLEM_CODES,
  QUESTION_TYPES,
  optionIdsOf,
  validateQuestion,
  type Question,
} from "./questions";

const single: Question = {
  id: "q1",
  type: "single",
  category: "safety",
  options: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }],
  correct: ["b"],
  points: 2,
};

describe("questions", () => {
  it("accept well-formed questions of each type", () => {
    expect(validateQuestion(single)).toEqual([]);
    expect(validateQuestion({ ...single, type: "multiple", correct: ["a", "c"] })).toEqual([]);
    expect(
      validateQuestion({ ...single, type: "true_false", options: [], correct: ["false"] }),
    ).toEqual([]);
    expect(optionIdsOf({ ...single, type: "true_false", options: [] })).toEqual(["true", "false"]);
  });
  it("refuse malformed questions", () => {
    expect(validateQuestion({ ...single, correct: ["a", "b"] })).toEqual([
      { code: "quiz_question_correct_count", params: { type: "single" } },
    ]);
    expect(validateQuestion({ ...single, type: "multiple" })).toEqual([
      { code: "quiz_question_correct_count", params: { type: "multiple" } },
    ]);
    expect(validateQuestion({ ...single, correct: ["z"] })).toEqual([
      { code: "quiz_question_unknown_correct_option", params: { option: "z" } },
    ]);
    expect(validateQuestion({ ...single, options: [{ id: "b" }] })).toEqual([
      { code: "quiz_question_too_few_options", params: { min: 2 } },
    ]);
    expect(
      validateQuestion({ ...single, options: [{ id: "a" }, { id: "b" }, { id: "a" }] }),
    ).toEqual([{ code: "quiz_question_duplicate_option", params: { option: "a" } }]);
    expect(validateQuestion({ ...single, points: 0 })).toEqual([
      { code: "quiz_question_points_invalid", params: { points: 0 } },
    ]);
    expect(validateQuestion({ ...single, type: "true_false", correct: ["yes"] })).toEqual([
      { code: "quiz_question_unknown_correct_option", params: { option: "yes" } },
    ]);
  });
  it("have messages and display names", () => {
    expect(missingMessages(QUESTION_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("question_type", QUESTION_TYPES)).toEqual([]);
    const problems = [
      ...validateQuestion({ ...single, points: -1, options: [{ id: "x" }], correct: ["q", "r"] }),
      ...validateQuestion({ ...single, options: [{ id: "a" }, { id: "a" }], correct: ["a"] }),
    ];
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(QUESTION_PROBLEM_CODES));
    expect(renderGaps(problems)).toEqual([]);
  });
});
