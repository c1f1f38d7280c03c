// The judging life of an event: open → scoring (first mark) → locked (chief judge) →
// published (notice period starts). After locking, marks change only through an appeal
// under review, and the notice window decides whether an appeal may be lodged.

import type { KeyedProblem } from "~/utils/outcome";

export const EVENT_JUDGING_STATUSES = ["open", "scoring", "locked", "published"] as const;
export type EventJudgingStatus = (typeof EVENT_JUDGING_STATUSES)[number];

/** A judging problem: a message key with its values (and the form field it belongs to, if one). */
export type JudgingProblem = KeyedProblem;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Judges may enter and change their own marks only before the event is locked. */
export function marksOpen(status: string): boolean {
  return status === "open" || status === "scoring";
}

/** When judges may save their sheets: set by the organiser per event. */
export interface ScoringWindow {
  readonly opensAt: Date | null;
  readonly closesAt: Date | null;
}

/**
 * The event's window; without an opening time set, scoring opens when the contest starts
 * (judges must not score a contest that has not begun), and without either it is open.
 */
export function scoringWindowOf(
  event: { readonly scoringOpensAt: Date | null; readonly scoringClosesAt: Date | null },
  contestStartsAt: Date | null,
): ScoringWindow {
  return { opensAt: event.scoringOpensAt ?? contestStartsAt, closesAt: event.scoringClosesAt };
}

export type ScoringWindowState = "open" | "not_yet_open" | "closed";

export function scoringWindowState(window: ScoringWindow, now: Date): ScoringWindowState {
  if (window.opensAt && now.getTime() < window.opensAt.getTime()) return "not_yet_open";
  if (window.closesAt && now.getTime() >= window.closesAt.getTime()) return "closed";
  return "open";
}

export interface LockFacts {
  readonly status: string;
  readonly entries: number;
  /** Entries still waiting for judges' marks. */
  readonly incomplete: number;
  /** Disagreements that block locking (WorldSkills marks more than one point apart). */
  readonly blockingDisagreements: number;
  /** Why the event's results cannot be computed at all (its rules), already in words. */
  readonly configuration?: readonly JudgingProblem[];
  /** Why entries have no total beyond missing marks, each naming the entry and what to do. */
  readonly reasons?: readonly JudgingProblem[];
  /** Rechecks (复核) still required. */
  readonly rechecks?: readonly JudgingProblem[];
}

/** Every reason the chief judge cannot lock now, each in words with what to do. */
export function lockProblems(facts: LockFacts): JudgingProblem[] {
  const problems: JudgingProblem[] = [];
  if (!marksOpen(facts.status)) problems.push({ code: "judging.lock.not_open", params: {} });
  problems.push(...(facts.configuration ?? []));
  if (facts.entries === 0) problems.push({ code: "judging.lock.no_entries", params: {} });
  if (facts.incomplete > 0)
    problems.push({ code: "judging.lock.incomplete", params: { n: facts.incomplete } });
  problems.push(...(facts.reasons ?? []));
  if (facts.blockingDisagreements > 0) {
    problems.push({
      code: "judging.lock.disagreements",
      params: { n: facts.blockingDisagreements },
    });
  }
  problems.push(...(facts.rechecks ?? []));
  return problems;
}

export function publishProblems(status: string): JudgingProblem[] {
  return status === "locked" ? [] : [{ code: "judging.publish.not_locked", params: {} }];
}

/** The notice period ends `noticeDays` whole days after publication. */
export function noticeEndsAt(publishedAt: Date, noticeDays: number): Date {
  return new Date(publishedAt.getTime() + Math.max(0, noticeDays) * DAY_MS);
}

export interface AppealWindow {
  readonly status: string;
  readonly publishedAt: Date | null;
  readonly noticeEndsAt: Date | null;
}

/** Why an appeal cannot be lodged now, or null when it can. */
export function appealRefusal(window: AppealWindow, now: Date): JudgingProblem | null {
  if (window.status !== "published" || !window.publishedAt || !window.noticeEndsAt) {
    return { code: "judging.appeal.not_published", params: {} };
  }
  if (now.getTime() > window.noticeEndsAt.getTime()) {
    return {
      code: "judging.appeal.window_closed",
      params: { end: window.noticeEndsAt.toISOString() },
    };
  }
  return null;
}

export const APPEAL_STATUSES = ["submitted", "reviewing", "upheld", "dismissed"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export function appealOpen(status: string): boolean {
  return status === "submitted" || status === "reviewing";
}
