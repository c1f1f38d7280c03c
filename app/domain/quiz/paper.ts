import { shuffle, type Rng } from "~/domain/contest/random";
import { err, ok, type Result } from "~/domain/identity/result";
import { drawQuestions, type DrawPlanEntry, type DrawProblem } from "./draw";
import { shuffleOptions } from "./option-order";
import { optionIdsOf, type Question } from "./questions";
import { scoreAttempt, type AttemptScore, type SavedAnswer } from "./scoring";
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
): Result<PaperEntry[], DrawProblem[]> {
  const drawn = drawQuestions(bank, plan, rng);
  if (!drawn.ok) return err(drawn.error);
  const ordered = options.shuffleQuestions ? shuffle(drawn.value, rng) : drawn.value;
  return ok(
    ordered.map((q) => ({
      questionId: q.id,
      optionOrder: options.shuffleOptions
        ? shuffleOptions(q, rng).options.map((o) => o.optionId)
        : [...optionIdsOf(q)],
    })),
  );
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
}): FinishedAttempt {
  const timedOut = input.deadline !== null && input.now.getTime() >= input.deadline.getTime();
  const submittedAt = timedOut && input.deadline ? input.deadline : input.now;
  const answers: SavedAnswer[] = Object.entries(input.sheet).map(([questionId, a]) => ({
    questionId,
    optionIds: a.o,
    savedAt: new Date(a.t),
  }));
  const score = scoreAttempt({
    questions: input.questions,
    answers,
    deadline: input.deadline,
    graceSeconds: ANSWER_GRACE_SECONDS,
  });
  return {
    ...score,
    status: timedOut ? "timed_out" : "submitted",
    submittedAt,
    durationMs: timeTakenMs(input.startedAt, submittedAt, input.deadline),
  };
}
