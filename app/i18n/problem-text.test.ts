import { describe, expect, it } from "vitest";
import { makeT } from "~/i18n";
import { problemText, refusalText } from "./problem-text";

describe("problems in the user's language", () => {
  it("reads a domain code and the model's keyed problem for it alike, code values translated", () => {
    const bare = {
      code: "contest_transition_not_allowed",
      params: { from: "draft", to: "cancelled" },
    };
    const keyed = { ...bare, code: "rules.contest_transition_not_allowed" };
    expect(problemText("zh", bare)).toBe("竞赛不能从“草稿”变为“已取消”");
    expect(problemText("zh", keyed)).toBe("竞赛不能从“草稿”变为“已取消”");
    expect(problemText("en", keyed)).toBe("A contest cannot go from “Draft” to “Cancelled”");
  });

  it("puts the thing a keyed problem names (params.subject) before its sentence", () => {
    const problem = {
      code: "rules.event_theory_over_cap",
      params: { stage: "final", weight: 40, cap: 35, subject: "数控车工" },
    };
    expect(problemText("zh", problem)).toBe(
      "数控车工：“决赛”理论知识占 40%，超过本竞赛规定的理论成绩占比上限 35%；请调低理论权重",
    );
  });

  it("takes a key of another catalogue as it is, and an unknown code as a generic sentence", () => {
    expect(
      problemText("en", { code: "reg.problem.identity_same_quiz", params: { quiz: "安全知识" } }),
    ).toBe("Both records took “安全知识”; they cannot be merged");
    expect(problemText("zh", { code: "no_such_problem" })).toBe("操作未能完成，请检查输入后重试。");
  });

  it("joins a refusal's problems into one sentence, code values in the user's words", () => {
    const t = makeT("en");
    expect(
      refusalText(t, [
        { code: "rules.quiz_question_correct_count", params: { type: "multiple" } },
        { code: "rules.quiz_question_unknown_correct_option", params: { option: "E" } },
      ]),
    ).toMatch(/^Wrong number of correct answers for “Multiple choice” .*; .*\bE\b/);
    expect(refusalText(t, null)).toBe("");
  });
});
