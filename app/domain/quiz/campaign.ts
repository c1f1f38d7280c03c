// Quiz rounds. A single-paper quiz (kind "paper") has one round: its whole open window.
// A campaign (kind "campaign", e.g. Weinan's 百日千题) has one round per calendar day in
// Beijing time (UTC+8, no daylight saving) from the day it opens to the day it closes;
// workers get the day's question set and attempt limit, collect points per day and keep
// streaks. Days are numbered from 1; round 0 is the quiz overall on the boards.

export const QUIZ_KINDS = ["paper", "campaign"] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

/** shared: everyone gets the same questions in a round; personal: each attempt draws its own. */
export const DRAW_MODES = ["shared", "personal"] as const;
export type DrawMode = (typeof DRAW_MODES)[number];

/**
 * When a worker may see which answers were right, the correct answer and the explanation:
 * after their last allowed attempt of the round is handed in, only after the round (the day
 * of a campaign, the whole window of a paper) has closed, or never.
 */
export const REVIEW_POLICIES = ["after_submit", "after_close", "never"] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export const OVERALL = 0;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 on Beijing's calendar. */
export function beijingDayNumber(at: Date | number): number {
  const ms = typeof at === "number" ? at : at.getTime();
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** Midnight in Beijing that starts the given Beijing day number. */
export function beijingMidnight(dayNumber: number): Date {
  return new Date(dayNumber * DAY_MS - BEIJING_OFFSET_MS);
}

export interface RoundSchedule {
  readonly kind: QuizKind;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

export interface Round {
  /** 1-based; always 1 for a single paper. */
  readonly day: number;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/** How many rounds the quiz has (a campaign's days, both ends counted). */
export function roundCount(quiz: RoundSchedule): number {
  if (quiz.kind === "paper") return 1;
  if (quiz.closesAt.getTime() <= quiz.opensAt.getTime()) return 0;
  return beijingDayNumber(quiz.closesAt.getTime() - 1) - beijingDayNumber(quiz.opensAt) + 1;
}

/** The round with this number, clipped to the quiz's window; null outside 1…roundCount. */
export function roundByNumber(quiz: RoundSchedule, day: number): Round | null {
  if (!Number.isInteger(day) || day < 1 || day > roundCount(quiz)) return null;
  if (quiz.kind === "paper") return { day: 1, opensAt: quiz.opensAt, closesAt: quiz.closesAt };
  const first = beijingDayNumber(quiz.opensAt);
  const start = beijingMidnight(first + day - 1).getTime();
  return {
    day,
    opensAt: new Date(Math.max(start, quiz.opensAt.getTime())),
    closesAt: new Date(Math.min(start + DAY_MS, quiz.closesAt.getTime())),
  };
}

/** The round open at `now`, or null when the quiz is not open. */
export function roundAt(quiz: RoundSchedule, now: Date): Round | null {
  const t = now.getTime();
  if (t < quiz.opensAt.getTime() || t >= quiz.closesAt.getTime()) return null;
  if (quiz.kind === "paper") return roundByNumber(quiz, 1);
  return roundByNumber(quiz, beijingDayNumber(now) - beijingDayNumber(quiz.opensAt) + 1);
}

/**
 * The latest round that has started by `now` (the current one while open, the last one after
 * closing); 0 before the quiz opens. Boards default to it.
 */
export function latestRound(quiz: RoundSchedule, now: Date): number {
  const count = roundCount(quiz);
  if (now.getTime() < quiz.opensAt.getTime() || count === 0) return 0;
  if (quiz.kind === "paper") return 1;
  const n = beijingDayNumber(now) - beijingDayNumber(quiz.opensAt) + 1;
  return Math.min(count, n);
}

export interface Streaks {
  /** Consecutive days played ending today (or yesterday, while today is still open). */
  readonly current: number;
  readonly longest: number;
}

/**
 * Streaks from the days a worker has points for. Today does not break the current streak
 * before it is over: played yesterday and not yet today still counts as a running streak.
 */
export function streaks(daysPlayed: readonly number[], today: number): Streaks {
  const days = [...new Set(daysPlayed)].filter((d) => d >= 1).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const d of days) {
    run = d === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = d;
  }
  const played = new Set(days);
  let end = played.has(today) ? today : today - 1;
  let current = 0;
  while (played.has(end)) {
    current++;
    end--;
  }
  return { current, longest };
}

/**
 * Whether a finished attempt's answers may be shown to its worker. `attemptsLeft` is how
 * many more attempts the worker may still start in that round: showing answers while they
 * can try again would hand them the key.
 */
export function reviewOpen(input: {
  readonly policy: ReviewPolicy;
  readonly finished: boolean;
  readonly roundClosesAt: Date;
  readonly attemptsLeft: number;
  readonly now: Date;
}): boolean {
  if (!input.finished || input.policy === "never") return false;
  const closed = input.now.getTime() >= input.roundClosesAt.getTime();
  if (closed) return true;
  return input.policy === "after_submit" && input.attemptsLeft <= 0;
}

/**
 * A worker may take a quiz when their organisation is the quiz's scope or inside its
 * subtree. Paths are materialised ancestor paths that end with the organisation's own id
 * ("/1/5/12/"), so the subtree is a prefix.
 */
export function inScope(workerOrganisationPath: string, scopePath: string): boolean {
  return scopePath.length > 0 && workerOrganisationPath.startsWith(scopePath);
}
