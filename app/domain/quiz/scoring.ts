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
 * A question's scoring rule prepared once: its option ids, the distinct correct ones and its
 * full marks. Re-scoring a quiz scores every answer of every attempt (millions), so it
 * prepares each bank question once instead of per answer (see answerKeyOf in paper.ts).
 */
export interface ScoringKey {
  readonly maxScore: Hundredths;
  readonly multiple: boolean;
  readonly valid: ReadonlySet<string>;
  readonly correct: ReadonlySet<string>;
}

export function scoringKeyOf(question: Question): ScoringKey {
  return {
    maxScore: question.points * 100,
    multiple: question.type === "multiple",
    valid: new Set(optionIdsOf(question)),
    correct: new Set(question.correct),
  };
}

/**
 * The one rule: the outcome and mark of the options picked. Answers are option ids, never
 * display letters, so the shuffled order a participant saw cannot affect the mark. Ids the
 * question does not have count as wrong choices; a repeated id counts once.
 */
export function scoreChoice(
  key: ScoringKey,
  picked: readonly string[] | null | undefined,
  partialCredit: PartialCredit,
): { outcome: AnswerOutcome; score: Hundredths } {
  // Plain loops over a handful of ids, no allocation: re-scoring runs this millions of times.
  const ids = picked ?? [];
  let chosen = 0;
  let anyWrong = false;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (ids.indexOf(id) !== i) continue;
    chosen++;
    if (!key.valid.has(id) || !key.correct.has(id)) anyWrong = true;
  }
  if (chosen === 0) return { outcome: "unanswered", score: 0 };
  if (anyWrong) return { outcome: "wrong", score: 0 };
  const correctCount = key.correct.size;
  if (chosen === correctCount) return { outcome: "correct", score: key.maxScore };

  // Only a multiple-choice answer can be a strict subset of the correct set.
  const mode = key.multiple ? partialCredit : "none";
  if (mode === "none") return { outcome: "wrong", score: 0 };
  const score =
    mode === "half"
      ? Math.floor(key.maxScore / 2)
      : Math.floor((key.maxScore * chosen) / correctCount);
  return { outcome: "partial", score };
}

export function scoreAnswer(
  question: Question,
  answer: readonly string[] | null | undefined,
  options: ScoreOptions = {},
): AnswerScore {
  const key = scoringKeyOf(question);
  const result = scoreChoice(key, answer, options.partialCredit ?? "none");
  return { questionId: question.id, maxScore: key.maxScore, ...result };
}

export interface AttemptScore {
  readonly score: Hundredths;
  readonly maxScore: Hundredths;
  readonly correctCount: number;
  readonly perQuestion: readonly AnswerScore[];
  /** Questions whose latest save came after the deadline and was ignored. */
  readonly lateQuestionIds: readonly string[];
}
