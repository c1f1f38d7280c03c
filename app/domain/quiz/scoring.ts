import type { Question } from "./questions";
import { optionIdsOf } from "./questions";

/** Scores in hundredths of a point, so partial credit stays an integer. */
export type Hundredths = number;

/**
 * none: multiple choice is all-or-nothing (the default, and the usual rule for contests).
 * proportional: a non-empty subset of the correct options with no wrong option earns
 *   points × chosen ÷ correct, rounded down to the hundredth.
 * half: such a subset earns half the points (the common "少选得一半分" rule).
 * Any wrong option always scores 0.
 */
export const PARTIAL_CREDIT_RULES = ["none", "half", "proportional"] as const;
export type PartialCredit = (typeof PARTIAL_CREDIT_RULES)[number];

export type AnswerOutcome = "correct" | "partial" | "wrong" | "unanswered";

export interface AnswerScore {
  readonly questionId: string;
  readonly outcome: AnswerOutcome;
  readonly score: Hundredths;
  readonly maxScore: Hundredths;
}

export interface ScoreOptions {
  readonly partialCredit?: PartialCredit;
}

/**
 * Answers are option ids, never display letters, so the shuffled order a participant saw
 * cannot affect the mark. Ids the question does not have count as wrong choices.
 */
export function scoreAnswer(
  question: Question,
  answer: readonly string[] | null | undefined,
  options: ScoreOptions = {},
): AnswerScore {
  const maxScore = question.points * 100;
  const base = { questionId: question.id, maxScore };
  // Plain loops over a handful of ids: re-scoring runs this for every question of every
  // attempt (millions of times), where building Sets per call cost more than the rule itself.
  const picked = answer ?? [];
  let chosen = 0;
  let anyWrong = false;
  const valid = optionIdsOf(question);
  for (let i = 0; i < picked.length; i++) {
    const id = picked[i]!;
    if (picked.indexOf(id) !== i) continue;
    chosen++;
    if (!valid.includes(id) || !question.correct.includes(id)) anyWrong = true;
  }
  if (chosen === 0) return { ...base, outcome: "unanswered", score: 0 };
  if (anyWrong) return { ...base, outcome: "wrong", score: 0 };
  const correctCount = question.correct.filter(
    (id, i) => question.correct.indexOf(id) === i,
  ).length;
  if (chosen === correctCount) return { ...base, outcome: "correct", score: maxScore };

  // Only a multiple-choice answer can be a strict subset of the correct set.
  const mode = question.type === "multiple" ? (options.partialCredit ?? "none") : "none";
  if (mode === "none") return { ...base, outcome: "wrong", score: 0 };
  const score =
    mode === "half" ? Math.floor(maxScore / 2) : Math.floor((maxScore * chosen) / correctCount);
  return { ...base, outcome: "partial", score };
}

export interface AttemptScore {
  readonly score: Hundredths;
  readonly maxScore: Hundredths;
  readonly correctCount: number;
  readonly perQuestion: readonly AnswerScore[];
  /** Questions whose latest save came after the deadline and was ignored. */
  readonly lateQuestionIds: readonly string[];
}
