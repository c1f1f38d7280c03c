import { describe, expect, it } from "vitest";
import { renderGaps } from "~/test/rule-messages";
import { validateImport } from "~/domain/registration/import-rows";
import {
  answerCell,
  checkQuestionRow,
  importedQuestion,
  questionImportColumns,
  questionTypeCell,
} from "./import-questions";

const header = ["题型", "类别", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "难度", "解析"];

describe("question cells", () => {
  it("reads the type words used on Chinese papers", () => {
    expect(questionTypeCell("单选题")).toEqual({ ok: true, value: "single" });
    expect(questionTypeCell("多选")).toEqual({ ok: true, value: "multiple" });
    expect(questionTypeCell("判断")).toEqual({ ok: true, value: "true_false" });
    expect(questionTypeCell("填空").ok).toBe(false);
  });
  it("reads letters with any separator and true/false words", () => {
    expect(answerCell("a, c")).toEqual({ ok: true, value: ["A", "C"] });
    expect(answerCell("ACD")).toEqual({ ok: true, value: ["A", "C", "D"] });
    expect(answerCell("对")).toEqual({ ok: true, value: ["true"] });
    expect(answerCell("×")).toEqual({ ok: true, value: ["false"] });
    expect(answerCell("G").ok).toBe(false);
  });
});

describe("question import", () => {
  it("turns good rows into questions", () => {
    const result = validateImport(
      [
        header,
        [
          "单选",
          "安全生产",
          "安全生产方针是？",
          "安全第一、预防为主、综合治理",
          "效益优先",
          "",
          "",
          "A",
          "1",
          "《安全生产法》第三条。",
        ],
        ["判断", "劳动法", "劳动合同应当以书面形式订立。", "", "", "", "", "对", "", ""],
      ],
      questionImportColumns,
      { checkRow: checkQuestionRow },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.value.map((r) => importedQuestion(r.values));
    expect(first?.options.map((o) => o.id)).toEqual(["A", "B"]);
    expect(first?.difficulty).toBe(1);
    expect(first?.explanation).toBe("《安全生产法》第三条。");
    expect(second?.explanation).toBe("");
    expect(second).toMatchObject({ type: "true_false", correct: ["true"], difficulty: 2 });
    expect(second?.options.map((o) => o.id)).toEqual(["true", "false"]);
  });
  it("reports each bad row with its spreadsheet row number and column", () => {
    const result = validateImport(
      [
        header,
        ["单选", "安全生产", "题一", "甲", "乙", "", "", "C", ""],
        ["多选", "安全生产", "题二", "甲", "乙", "丙", "", "A", ""],
        ["问答", "安全生产", "题三", "", "", "", "", "A", ""],
        ["单选", "安全生产", "题一", "甲", "乙", "", "", "A", ""],
      ],
      questionImportColumns,
      { checkRow: checkQuestionRow },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "答案", "quiz_question_unknown_correct_option"],
      [3, "答案", "quiz_question_correct_count"],
      [4, "题型", "quiz_import_type_unknown"],
      [5, "题干", "import_duplicate_value"],
    ]);
    expect(
      renderGaps(
        result.problems
          .filter((e) => e.code.startsWith("quiz_question"))
          .map((e) => ({ code: e.code, params: e.params })),
      ),
    ).toEqual([]);
  });
});
