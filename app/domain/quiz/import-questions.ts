import type { Problem } from "~/domain/identity/result";
import { fail, ok } from "~/utils/outcome";
import { integerCell, textCell } from "~/domain/registration/import-cells";
import {
  optionalColumn,
  requiredColumn,
  type CellResult,
  type ParsedRow,
  type RowCheckProblem,
} from "~/domain/registration/import-rows";
import { validateQuestion, type QuestionType } from "./questions";

/**
 * The question-bank spreadsheet: one question per row, options in columns 选项A…选项F, the
 * answer as letters ("B", "ACD") or 对/错 for true/false, the way exam papers write them.
 */
export const OPTION_LETTERS = ["A", "B", "C", "D", "E", "F"] as const;

export type QuestionImportProblem =
  | Problem<"quiz_import_type_unknown", { value: string }>
  | Problem<"quiz_import_answer_invalid", { value: string }>;

export const QUESTION_IMPORT_PROBLEM_CODES = Object.keys({
  quiz_import_type_unknown: true,
  quiz_import_answer_invalid: true,
} satisfies Record<QuestionImportProblem["code"], true>) as QuestionImportProblem["code"][];

const TYPE_WORDS: Record<string, QuestionType> = {
  单选: "single",
  单选题: "single",
  单项选择题: "single",
  single: "single",
  多选: "multiple",
  多选题: "multiple",
  多项选择题: "multiple",
  multiple: "multiple",
  判断: "true_false",
  判断题: "true_false",
  true_false: "true_false",
  "true/false": "true_false",
};

export const questionTypeCell = (raw: string): CellResult<QuestionType> => {
  const type = TYPE_WORDS[raw.normalize("NFKC").trim().toLowerCase()];
  return type ? ok(type) : fail({ code: "quiz_import_type_unknown", params: { value: raw } });
};

const TRUE_WORDS = new Set(["对", "正确", "是", "√", "✓", "true", "t", "y"]);
const FALSE_WORDS = new Set(["错", "错误", "否", "×", "✗", "x", "false", "f", "n"]);

/** Letters (A–F, any separators) or a true/false word; which one applies is checked per row. */
export const answerCell = (raw: string): CellResult<string[]> => {
  const v = raw.normalize("NFKC").trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return ok(["true"]);
  if (FALSE_WORDS.has(v)) return ok(["false"]);
  const letters = v.toUpperCase().replace(/[\s,，、;；]/g, "");
  if (
    letters.length > 0 &&
    [...letters].every((c) => (OPTION_LETTERS as readonly string[]).includes(c))
  ) {
    return ok([...new Set(letters)]);
  }
  return fail({ code: "quiz_import_answer_invalid", params: { value: raw } });
};

export const questionImportColumns = {
  type: requiredColumn("题型", questionTypeCell, { aliases: ["类型"] }),
  category: requiredColumn("类别", textCell(30), { aliases: ["分类", "题目类别"] }),
  stem: requiredColumn("题干", textCell(500), { aliases: ["题目"], unique: true }),
  optionA: optionalColumn("选项A", textCell(200), { aliases: ["A"] }),
  optionB: optionalColumn("选项B", textCell(200), { aliases: ["B"] }),
  optionC: optionalColumn("选项C", textCell(200), { aliases: ["C"] }),
  optionD: optionalColumn("选项D", textCell(200), { aliases: ["D"] }),
  optionE: optionalColumn("选项E", textCell(200), { aliases: ["E"] }),
  optionF: optionalColumn("选项F", textCell(200), { aliases: ["F"] }),
  answer: requiredColumn("答案", answerCell, { aliases: ["正确答案"] }),
  difficulty: optionalColumn("难度", integerCell(1, 5)),
  explanation: optionalColumn("解析", textCell(1000), { aliases: ["答案解析", "解释", "说明"] }),
} as const;

export type QuestionImportColumns = typeof questionImportColumns;

export interface ImportedQuestion {
  readonly type: QuestionType;
  readonly category: string;
  readonly stem: string;
  readonly options: { id: string; text: string }[];
  readonly correct: string[];
  readonly difficulty: number;
  /** Shown to workers in the answer review. */
  readonly explanation: string;
}

const TRUE_FALSE_OPTIONS = [
  { id: "true", text: "正确" },
  { id: "false", text: "错误" },
];

export function importedQuestion(values: ParsedRow<QuestionImportColumns>): ImportedQuestion {
  const texts = [
    values.optionA,
    values.optionB,
    values.optionC,
    values.optionD,
    values.optionE,
    values.optionF,
  ];
  const options =
    values.type === "true_false"
      ? TRUE_FALSE_OPTIONS
      : OPTION_LETTERS.flatMap((id, i) => (texts[i] ? [{ id, text: texts[i] as string }] : []));
  return {
    type: values.type,
    category: values.category,
    stem: values.stem,
    options,
    correct: values.answer,
    difficulty: values.difficulty ?? 2,
    explanation: values.explanation ?? "",
  };
}

/** A row whose cells parsed is still wrong if its answer does not fit its options and type. */
export function checkQuestionRow(
  values: ParsedRow<QuestionImportColumns>,
): RowCheckProblem<QuestionImportColumns>[] {
  const q = importedQuestion(values);
  return validateQuestion({
    id: "row",
    type: q.type,
    category: q.category,
    options: q.options,
    correct: q.correct,
    points: 1,
  }).map((problem) => ({
    column: problem.code === "quiz_question_too_few_options" ? "optionB" : "answer",
    problem,
  }));
}
