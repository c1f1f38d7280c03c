import type { Problem } from "~/domain/identity/result";

export const QUESTION_TYPES = ["single", "multiple", "true_false"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuizOption {
  readonly id: string;
  /** For the UI; scoring only ever looks at ids. */
  readonly text?: string;
}

export interface Question {
  readonly id: string;
  readonly type: QuestionType;
  readonly category: string;
  /** Ignored for true_false, whose options are always TRUE_FALSE_OPTION_IDS. */
  readonly options: readonly QuizOption[];
  /** Ids of the correct options. */
  readonly correct: readonly string[];
  /** Whole points for a fully correct answer. */
  readonly points: number;
  /** 1 (easy) to 5; draws can ask for one level. */
  readonly difficulty?: number;
}

export const TRUE_FALSE_OPTION_IDS = ["true", "false"] as const;

export function optionIdsOf(question: Question): readonly string[] {
  return question.type === "true_false" ? TRUE_FALSE_OPTION_IDS : question.options.map((o) => o.id);
}

export type QuestionProblem =
  | Problem<"quiz_question_too_few_options", { min: number }>
  | Problem<"quiz_question_duplicate_option", { option: string }>
  | Problem<"quiz_question_unknown_correct_option", { option: string }>
  | Problem<"quiz_question_correct_count", { type: QuestionType }>
  | Problem<"quiz_question_points_invalid", { points: number }>;

export const QUESTION_PROBLEM_CODES = Object.keys({
  quiz_question_too_few_options: true,
  quiz_question_duplicate_option: true,
  quiz_question_unknown_correct_option: true,
  quiz_question_correct_count: true,
  quiz_question_points_invalid: true,
} satisfies Record<QuestionProblem["code"], true>) as QuestionProblem["code"][];

/**
 * Single choice has exactly one correct option; true/false one of "true"/"false"; multiple
 * choice at least two, as in Chinese exam papers (多选题). Questions with "one or more"
 * correct answers (不定项) are not supported.
 */
export function validateQuestion(question: Question): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (!Number.isInteger(question.points) || question.points < 1) {
    problems.push({ code: "quiz_question_points_invalid", params: { points: question.points } });
  }
  const ids = optionIdsOf(question);
  if (question.type !== "true_false") {
    if (ids.length < 2)
      problems.push({ code: "quiz_question_too_few_options", params: { min: 2 } });
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id))
        problems.push({ code: "quiz_question_duplicate_option", params: { option: id } });
      seen.add(id);
    }
  }
  for (const id of new Set(question.correct)) {
    if (!ids.includes(id))
      problems.push({ code: "quiz_question_unknown_correct_option", params: { option: id } });
  }
  const correctCount = new Set(question.correct).size;
  const countOk = question.type === "multiple" ? correctCount >= 2 : correctCount === 1;
  if (!countOk)
    problems.push({ code: "quiz_question_correct_count", params: { type: question.type } });
  return problems;
}
