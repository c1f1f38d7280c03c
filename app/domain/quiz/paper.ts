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

/** Bit of the answer mask for option ids the question does not have (bits 0–29: its options). */
export const FOREIGN_OPTION_BIT = 1 << 30;
const MASK_OPTIONS = 30;

/**
 * The options picked as a bitmask over the question's options in bank order (optionIdsOf), as
 * QuizAnswer stores it: bit i is the i-th option, FOREIGN_OPTION_BIT any id it does not have. A
 * repeated id sets its bit once, so the mask loses nothing scoreChoice looks at. (The bank's
 * import allows six options; ids past the thirtieth would count as foreign.)
 */
export function answerMask(optionIds: readonly string[], picked: readonly string[]): number {
  let mask = 0;
  for (const id of picked) {
    const i = optionIds.indexOf(id);
    mask |= i >= 0 && i < MASK_OPTIONS ? 1 << i : FOREIGN_OPTION_BIT;
  }
  return mask;
}

/** The option ids of a mask (a foreign bit as one id the question does not have). */
export function pickedOfMask(optionIds: readonly string[], mask: number): string[] {
  const picked: string[] = [];
  for (let i = 0; i < Math.min(MASK_OPTIONS, optionIds.length); i++)
    if (mask & (1 << i)) picked.push(optionIds[i]!);
  if (mask & FOREIGN_OPTION_BIT) {
    let foreign = "\u0000";
    while (optionIds.includes(foreign)) foreign += "\u0000";
    picked.push(foreign);
  }
  return picked;
}

/** A bank question's scoring rule prepared once, with its option ids for the masks. */
export interface AnswerKey {
  readonly optionIds: readonly string[];
  readonly key: ScoringKey;
}

export function answerKeyOf(question: Question): AnswerKey {
  return { optionIds: optionIdsOf(question), key: scoringKeyOf(question) };
}

/** What a stored choice earns under a key and rule: the one rule (scoreChoice) on its ids. */
export function maskPoints(key: AnswerKey, mask: number, partialCredit: PartialCredit): Hundredths {
  return scoreChoice(key.key, pickedOfMask(key.optionIds, mask), partialCredit).score;
}

/** One counted answer of an attempt, as QuizAnswer stores it. */
export interface AnswerRow {
  readonly questionId: string;
  readonly chosen: number;
  readonly points: Hundredths;
}

/**
 * The answers that count in an attempt's score, one per question of its paper found in the
 * bank (`keys`), saved on time and not empty, each with its mask and points. Their points add
 * up to scoreSheet's score over the paper's questions, each question once as a hand-in reads
 * them (a test checks); QuizAnswer holds them from the hand-in on.
 */
export function answerRowsOf(
  keys: ReadonlyMap<string, AnswerKey>,
  paper: readonly PaperEntry[],
  sheet: AnswerSheet,
  deadline: Date | null,
  partialCredit: PartialCredit,
): AnswerRow[] {
  const lastOnTime =
    deadline === null ? Infinity : deadline.getTime() + ANSWER_GRACE_SECONDS * 1000;
  const rows: AnswerRow[] = [];
  const seen = new Set<string>();
  for (const entry of paper) {
    const questionId = entry.questionId;
    if (seen.has(questionId)) continue;
    seen.add(questionId);
    const key = keys.get(questionId);
    const saved = sheet[questionId];
    if (!key || !saved || saved.t > lastOnTime) continue;
    const chosen = answerMask(key.optionIds, saved.o);
    if (chosen === 0) continue;
    rows.push({ questionId, chosen, points: scoreChoice(key.key, saved.o, partialCredit).score });
  }
  return rows;
}
