import { describe, expect, it } from "vitest";
import { seededRng } from "~/domain/contest/random";
import { missingMessages, problemsOf, renderGaps } from "~/test/rule-messages";
import { DRAW_PROBLEM_CODES, drawQuestions, drawRoundSet } from "./draw";
import type { Question, QuestionType } from "./questions";

function bank(category: string, type: QuestionType, count: number): Question[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${category}-${type}-${String(i).padStart(2, "0")}`,
    type,
    category,
    options: [{ id: "a" }, { id: "b" }],
    correct: type === "multiple" ? ["a", "b"] : type === "true_false" ? ["true"] : ["a"],
    points: 1,
  }));
}
const all = [
  ...bank("safety", "single", 10),
  ...bank("safety", "true_false", 5),
  ...bank("law", "multiple", 4),
];

describe("drawQuestions", () => {
  it("draws the planned number per category without repeats", () => {
    const result = drawQuestions(
      all,
      [
        { category: "safety", count: 8 },
        { category: "law", count: 4 },
      ],
      seededRng(1),
    );
    expect(result.ok).toBe(true);
    const paper = result.ok ? result.value : [];
    expect(paper).toHaveLength(12);
    expect(new Set(paper.map((q) => q.id)).size).toBe(12);
    expect(paper.slice(0, 8).every((q) => q.category === "safety")).toBe(true);
    expect(paper.slice(8).every((q) => q.category === "law")).toBe(true);
  });
  it("is reproducible from the seed whatever the bank order", () => {
    const plan = [{ category: "safety", count: 5 }];
    const a = drawQuestions(all, plan, seededRng(42));
    const b = drawQuestions([...all].reverse(), plan, seededRng(42));
    expect(a).toEqual(b);
    expect(drawQuestions(all, plan, seededRng(43))).not.toEqual(a);
  });
  it("filters by type and never reuses a question across plan entries", () => {
    const result = drawQuestions(
      all,
      [
        { category: "safety", type: "true_false", count: 5 },
        { category: "safety", count: 10 },
      ],
      seededRng(3),
    );
    const paper = result.ok ? result.value : [];
    expect(paper.slice(0, 5).every((q) => q.type === "true_false")).toBe(true);
    expect(new Set(paper.map((q) => q.id)).size).toBe(15);
  });
  it("reports every category that is short", () => {
    expect(
      drawQuestions(
        all,
        [
          { category: "safety", type: "multiple", count: 1 },
          { category: "law", count: 5 },
          { category: "history", count: 1 },
          { category: "safety", count: 15 },
        ],
        seededRng(1),
      ),
    ).toEqual({
      ok: false,
      problems: [
        {
          code: "quiz_category_type_too_few",
          params: { category: "safety", type: "multiple", required: 1, available: 0 },
        },
        { code: "quiz_category_too_few", params: { category: "law", required: 5, available: 4 } },
        {
          code: "quiz_category_too_few",
          params: { category: "history", required: 1, available: 0 },
        },
      ],
    });
  });
  it("takes exactly all questions at the edge", () => {
    expect(drawQuestions(all, [{ category: "law", count: 4 }], seededRng(1)).ok).toBe(true);
    expect(drawQuestions(all, [{ category: "law", count: 0 }], seededRng(1))).toEqual({
      ok: true,
      value: [],
    });
  });
  it("has messages", () => {
    expect(missingMessages(DRAW_PROBLEM_CODES)).toEqual([]);
    const problems = problemsOf(
      drawQuestions(
        all,
        [
          { category: "x", count: 1 },
          { category: "x", type: "single", count: 1 },
        ],
        seededRng(1),
      ),
    );
    expect(problems).toHaveLength(2);
    expect(renderGaps(problems)).toEqual([]);
  });
});

describe("drawRoundSet", () => {
  const graded = all.map((q, i) => ({ ...q, difficulty: (i % 3) + 1 }));
  const plan = [{ category: "safety", count: 3 }];

  it("gives the same set for the same round, and walks the whole bank before repeating", () => {
    const day = (n: number) => {
      const r = drawRoundSet(graded, plan, 99, n);
      return r.ok ? r.value.map((q) => q.id) : [];
    };
    expect(day(1)).toEqual(day(1));
    expect(drawRoundSet([...graded].reverse(), plan, 99, 1)).toEqual(
      drawRoundSet(graded, plan, 99, 1),
    );
    // 15 safety questions, 3 a day: five days without a repeat, then round again.
    const five = [1, 2, 3, 4, 5].flatMap(day);
    expect(new Set(five).size).toBe(15);
    expect(day(6)).toEqual(day(1));
    expect(drawRoundSet(graded, plan, 100, 1)).not.toEqual(drawRoundSet(graded, plan, 99, 1));
  });

  it("filters by difficulty and reports a shortfall", () => {
    const easy = drawRoundSet(graded, [{ category: "safety", difficulty: 1, count: 2 }], 1, 4);
    expect(easy.ok && easy.value.every((q) => q.difficulty === 1)).toBe(true);
    expect(drawRoundSet(graded, [{ category: "law", difficulty: 2, count: 4 }], 1, 1)).toEqual({
      ok: false,
      problems: [
        {
          code: "quiz_category_difficulty_too_few",
          params: { category: "law", difficulty: 2, required: 4, available: 1 },
        },
      ],
    });
  });

  it("never puts one question twice in a set when entries overlap", () => {
    const r = drawRoundSet(
      graded,
      [
        { category: "safety", type: "true_false", count: 5 },
        { category: "safety", count: 10 },
      ],
      5,
      3,
    );
    expect(r.ok && new Set(r.value.map((q) => q.id)).size).toBe(15);
  });
});
