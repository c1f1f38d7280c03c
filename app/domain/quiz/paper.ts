import { shuffle, type Rng } from "~/domain/contest/random";
import { fail, ok, type Outcome } from "~/utils/outcome";
import { drawQuestions, type DrawPlanEntry, type DrawProblem } from "./draw";
import { shuffleOptions } from "./option-order";
import { optionIdsOf, type Question } from "./questions";
import {
  scoreAnswer,
  scoreChoice,
  scoringKeyOf,
  type AnswerScore,
  type AttemptScore,
  type Hundredths,
  type PartialCredit,
  type ScoringKey,
} from "./scoring";
import { isLate, timeTakenMs } from "./timing";

/**
 * A participant's paper as stored on the attempt: the drawn questions in the order they
 * are shown, each with its options in display order. Scoring never looks at the order;
 * it only lets a reload show exactly the same sheet.
 */
export interface PaperEntry {
  readonly questionId: string;
  readonly optionOrder: readonly string[];
}

/** Latest answer per question, with the server time it was saved (ms since epoch). */
export type AnswerSheet = Readonly<
  Record<string, { readonly o: readonly string[]; readonly t: number }>
>;

/** Seconds after the deadline during which an in-flight save still counts. */
export const ANSWER_GRACE_SECONDS = 2;

export function composePaper(
  bank: readonly Question[],
  plan: readonly DrawPlanEntry[],
  rng: Rng,
  options: { shuffleQuestions: boolean; shuffleOptions: boolean },
): Outcome<PaperEntry[], DrawProblem> {
  const drawn = drawQuestions(bank, plan, rng);
  if (!drawn.ok) return fail(...drawn.problems);
  return ok(arrangePaper(drawn.value, rng, options));
}

/** A participant's paper from questions already chosen (a round's shared set). */
export function arrangePaper(
  questions: readonly Question[],
  rng: Rng,
  options: { shuffleQuestions: boolean; shuffleOptions: boolean },
): PaperEntry[] {
  const ordered = options.shuffleQuestions ? shuffle(questions, rng) : questions;
  return ordered.map((q) => ({
    questionId: q.id,
    optionOrder: options.shuffleOptions
      ? shuffleOptions(q, rng).options.map((o) => o.optionId)
      : [...optionIdsOf(q)],
  }));
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** Reads a stored paper; anything malformed is dropped rather than trusted. */
export function parsePaper(json: string): PaperEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: unknown) => {
    const entry = e as { questionId?: unknown; optionOrder?: unknown };
    return typeof entry?.questionId === "string" && isStringArray(entry.optionOrder)
      ? [{ questionId: entry.questionId, optionOrder: entry.optionOrder }]
      : [];
  });
}

export function parseAnswerSheet(json: string): AnswerSheet {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return {};
  const sheet: Record<string, { o: string[]; t: number }> = {};
  for (const [qid, v] of Object.entries(raw as Record<string, unknown>)) {
    const a = v as { o?: unknown; t?: unknown };
    if (isStringArray(a?.o) && typeof a.t === "number") sheet[qid] = { o: a.o, t: a.t };
  }
  return sheet;
}

export type SaveAnswerOutcome =
  | { readonly kind: "saved"; readonly sheet: AnswerSheet }
  | { readonly kind: "late" }
  | { readonly kind: "not_on_paper" }
  | { readonly kind: "invalid_option" };

/**
 * Records one answer. The server clock decides: a save that arrives after the deadline
 * (plus grace) is refused, whatever the browser's countdown showed. An empty choice
 * clears the answer.
 */
export function recordAnswer(
  paper: readonly PaperEntry[],
  sheet: AnswerSheet,
  questionId: string,
  optionIds: readonly string[],
  now: Date,
  deadline: Date | null,
): SaveAnswerOutcome {
  if (isLate(now, deadline, ANSWER_GRACE_SECONDS)) return { kind: "late" };
  const entry = paper.find((p) => p.questionId === questionId);
  if (!entry) return { kind: "not_on_paper" };
  const chosen = [...new Set(optionIds)];
  if (chosen.some((id) => !entry.optionOrder.includes(id))) return { kind: "invalid_option" };
  const next: Record<string, { o: readonly string[]; t: number }> = { ...sheet };
  if (chosen.length === 0) delete next[questionId];
  else next[questionId] = { o: chosen, t: now.getTime() };
  return { kind: "saved", sheet: next };
}

export interface FinishedAttempt extends AttemptScore {
  readonly status: "submitted" | "timed_out";
  readonly submittedAt: Date;
  readonly durationMs: number;
}

/**
 * Closes an attempt. Handed in before the deadline it is "submitted"; at or after the
 * deadline it has timed out, and the submission time is the deadline, so a late sweep does
 * not make the attempt look slower than it was. Answers saved within the grace still count.
 */
export function finishAttempt(input: {
  readonly questions: readonly Question[];
  readonly sheet: AnswerSheet;
  readonly startedAt: Date;
  readonly deadline: Date | null;
  readonly now: Date;
  readonly partialCredit?: PartialCredit;
}): FinishedAttempt {
  const timedOut = input.deadline !== null && input.now.getTime() >= input.deadline.getTime();
  const submittedAt = timedOut && input.deadline ? input.deadline : input.now;
  const score = scoreSheet(input.questions, input.sheet, input.deadline, input.partialCredit);
  return {
    ...score,
    status: timedOut ? "timed_out" : "submitted",
    submittedAt,
    durationMs: timeTakenMs(input.startedAt, submittedAt, input.deadline),
  };
}

/**
 * The score of a stored answer sheet. A sheet keeps each question's latest answer, so this is
 * scoreAttempt with one saved answer per question (the same rule, without building the list):
 * re-scoring runs it for every attempt of a quiz.
 */
export function scoreSheet(
  questions: readonly Question[],
  sheet: AnswerSheet,
  deadline: Date | null,
  partialCredit: PartialCredit = "none",
): AttemptScore {
  const lastOnTime =
    deadline === null ? Infinity : deadline.getTime() + ANSWER_GRACE_SECONDS * 1000;
  const perQuestion: AnswerScore[] = [];
  const lateQuestionIds: string[] = [];
  let score = 0;
  let maxScore = 0;
  let correctCount = 0;
  for (const q of questions) {
    const saved = sheet[q.id];
    const late = saved !== undefined && saved.t > lastOnTime;
    if (late) lateQuestionIds.push(q.id);
    const result = scoreAnswer(q, saved && !late ? saved.o : undefined, { partialCredit });
    perQuestion.push(result);
    score += result.score;
    maxScore += result.maxScore;
    if (result.outcome === "correct") correctCount++;
  }
  return { score, maxScore, correctCount, perQuestion, lateQuestionIds };
}

/**
 * Re-scoring's form of scoreSheet: the stored paper and answers (JSON) in, the score out, with
 * every bank question's rule prepared once (scoringKeyOf) and nothing built per answer. The
 * same result as scoreSheet over the paper's questions found in the bank (a test checks).
 */
export function sheetScorer(
  bank: ReadonlyMap<string, Question>,
  partialCredit: PartialCredit,
): (paper: string, answers: string, deadline: Date | null) => Hundredths {
  const keys = new Map<string, ScoringKey>();
  for (const [id, question] of bank) keys.set(id, scoringKeyOf(question));
  return (paper, answers, deadline) => {
    const sheet = parseAnswerSheet(answers);
    const lastOnTime =
      deadline === null ? Infinity : deadline.getTime() + ANSWER_GRACE_SECONDS * 1000;
    let score = 0;
    for (const entry of parsePaper(paper)) {
      const key = keys.get(entry.questionId);
      const saved = sheet[entry.questionId];
      if (!key || !saved || saved.t > lastOnTime) continue;
      score += scoreChoice(key, saved.o, partialCredit).score;
    }
    return score;
  };
}
