import type { Question } from "./questions";
import { optionIdsOf } from "./questions";
import { isLate } from "./timing";

/** Scores in hundredths of a point, so partial credit stays an integer. */
export type Hundredths = number;

/**
 * none: multiple choice is all-or-nothing (the default, and the usual rule for contests).
 * proportional: a non-empty subset of the correct options with no wrong option earns
 *   points × chosen ÷ correct, rounded down to the hundredth.
 * half: such a subset earns half the points (the common "少选得一半分" rule).
 * Any wrong option always scores 0.
 */
export type PartialCredit = "none" | "proportional" | "half";

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
  const chosen = new Set(answer ?? []);
  if (chosen.size === 0) return { ...base, outcome: "unanswered", score: 0 };

  const valid = new Set(optionIdsOf(question));
  const correct = new Set(question.correct);
  const anyWrong = [...chosen].some((id) => !valid.has(id) || !correct.has(id));
  if (anyWrong) return { ...base, outcome: "wrong", score: 0 };
  if (chosen.size === correct.size) return { ...base, outcome: "correct", score: maxScore };

  // Only a multiple-choice answer can be a strict subset of the correct set.
  const mode = question.type === "multiple" ? (options.partialCredit ?? "none") : "none";
  if (mode === "none") return { ...base, outcome: "wrong", score: 0 };
  const score =
    mode === "half"
      ? Math.floor(maxScore / 2)
      : Math.floor((maxScore * chosen.size) / correct.size);
  return { ...base, outcome: "partial", score };
}

export interface SavedAnswer {
  readonly questionId: string;
  readonly optionIds: readonly string[];
  /** Server time the answer was saved. */
  readonly savedAt: Date;
}

export interface ScoreAttemptInput extends ScoreOptions {
  /** The questions of this participant's paper. */
  readonly questions: readonly Question[];
  readonly answers: readonly SavedAnswer[];
  /** From attemptDeadline; null = untimed. */
  readonly deadline: Date | null;
  readonly graceSeconds?: number;
}

export interface AttemptScore {
  readonly score: Hundredths;
  readonly maxScore: Hundredths;
  readonly correctCount: number;
  readonly perQuestion: readonly AnswerScore[];
  /** Questions whose latest save came after the deadline and was ignored. */
  readonly lateQuestionIds: readonly string[];
}

/**
 * The server is the clock: for each question the latest answer saved by the deadline
 * (plus grace for network delay) counts, and anything saved later is ignored, whatever
 * the browser's timer said.
 */
export function scoreAttempt(input: ScoreAttemptInput): AttemptScore {
  const grace = input.graceSeconds ?? 0;
  const latestOnTime = new Map<string, SavedAnswer>();
  const latestAny = new Map<string, SavedAnswer>();
  for (const a of input.answers) {
    const prev = latestAny.get(a.questionId);
    if (!prev || a.savedAt.getTime() >= prev.savedAt.getTime()) latestAny.set(a.questionId, a);
    if (isLate(a.savedAt, input.deadline, grace)) continue;
    const prevOnTime = latestOnTime.get(a.questionId);
    if (!prevOnTime || a.savedAt.getTime() >= prevOnTime.savedAt.getTime())
      latestOnTime.set(a.questionId, a);
  }
  const perQuestion = input.questions.map((q) =>
    scoreAnswer(q, latestOnTime.get(q.id)?.optionIds, input),
  );
  const lateQuestionIds = input.questions
    .filter((q) => {
      const last = latestAny.get(q.id);
      return last !== undefined && isLate(last.savedAt, input.deadline, grace);
    })
    .map((q) => q.id);
  return {
    score: perQuestion.reduce((s, a) => s + a.score, 0),
    maxScore: perQuestion.reduce((s, a) => s + a.maxScore, 0),
    correctCount: perQuestion.filter((a) => a.outcome === "correct").length,
    perQuestion,
    lateQuestionIds,
  };
}
