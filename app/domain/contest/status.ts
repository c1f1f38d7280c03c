import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";

export const CONTEST_STATUSES = [
  "draft",
  "registration_open",
  "registration_closed",
  "in_progress",
  "results_published",
  "archived",
  "cancelled",
] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

/** The contests the public may see (their pages, results, boards): all but drafts and cancelled ones. */
export const PUBLIC_CONTEST_STATUSES: ContestStatus[] = [
  "registration_open",
  "registration_closed",
  "in_progress",
  "results_published",
  "archived",
];

/**
 * Allowed moves. Decisions:
 * - registration_closed → registration_open reopens registration (late quota top-ups).
 * - A contest can be cancelled until it starts; once marks exist it must run to results,
 *   so that scores are never silently discarded.
 * - Published results are not retracted through the status; corrections are a separate,
 *   audited action on the scores.
 * - archived and cancelled are terminal.
 */
const TRANSITIONS: Readonly<Record<ContestStatus, readonly ContestStatus[]>> = {
  draft: ["registration_open", "cancelled"],
  registration_open: ["registration_closed", "cancelled"],
  registration_closed: ["registration_open", "in_progress", "cancelled"],
  in_progress: ["results_published"],
  results_published: ["archived"],
  archived: [],
  cancelled: [],
};

export function nextStatuses(from: ContestStatus): readonly ContestStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ContestStatus, to: ContestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface RegistrationWindow {
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/**
 * Facts the caller gathers before a status change. Only the facts the target status needs
 * are read; leaving one of those out is a programming error and throws, so a forgotten
 * count can never open registration or publish results by accident.
 */
export interface ContestTransitionFacts {
  readonly eventCount?: number;
  /** Codes of events that fail `validateEvent`. */
  readonly invalidEventCodes?: readonly string[];
  readonly registrationWindow?: RegistrationWindow | null;
  readonly now?: Date;
  readonly approvedEntryCount?: number;
  /** Approved entries without a final mark. */
  readonly unscoredEntryCount?: number;
  readonly cancelReason?: string;
}

export type ContestTransitionProblem =
  | Problem<"contest_transition_not_allowed", { from: ContestStatus; to: ContestStatus }>
  | Problem<"contest_no_events", Record<string, never>>
  | Problem<"contest_events_invalid", { events: string }>
  | Problem<"contest_no_registration_window", Record<string, never>>
  | Problem<"contest_registration_window_invalid", Record<string, never>>
  | Problem<"contest_registration_window_ended", Record<string, never>>
  | Problem<"contest_no_approved_entries", Record<string, never>>
  | Problem<"contest_results_incomplete", { missing: number }>
  | Problem<"contest_cancel_reason_required", Record<string, never>>;

export const CONTEST_TRANSITION_PROBLEM_CODES = Object.keys({
  contest_transition_not_allowed: true,
  contest_no_events: true,
  contest_events_invalid: true,
  contest_no_registration_window: true,
  contest_registration_window_invalid: true,
  contest_registration_window_ended: true,
  contest_no_approved_entries: true,
  contest_results_incomplete: true,
  contest_cancel_reason_required: true,
} satisfies Record<ContestTransitionProblem["code"], true>) as ContestTransitionProblem["code"][];

function required<T>(value: T | undefined, name: string, to: ContestStatus): T {
  if (value === undefined)
    throw new TypeError(`Fact "${name}" is required to move a contest to ${to}`);
  return value;
}

function registrationProblems(facts: ContestTransitionFacts): ContestTransitionProblem[] {
  const problems: ContestTransitionProblem[] = [];
  const now = required(facts.now, "now", "registration_open");
  if (required(facts.eventCount, "eventCount", "registration_open") < 1)
    problems.push({ code: "contest_no_events", params: {} });
  if (facts.invalidEventCodes && facts.invalidEventCodes.length > 0) {
    problems.push({
      code: "contest_events_invalid",
      params: { events: facts.invalidEventCodes.join(", ") },
    });
  }
  const window = facts.registrationWindow;
  if (!window) {
    problems.push({ code: "contest_no_registration_window", params: {} });
  } else if (window.closesAt.getTime() <= window.opensAt.getTime()) {
    problems.push({ code: "contest_registration_window_invalid", params: {} });
  } else if (window.closesAt.getTime() <= now.getTime()) {
    // Opening a window that has already closed would reject every registration at once.
    problems.push({ code: "contest_registration_window_ended", params: {} });
  }
  return problems;
}

/** All reasons the move is refused, or the new status. */
export function checkContestTransition(
  from: ContestStatus,
  to: ContestStatus,
  facts: ContestTransitionFacts = {},
): Outcome<ContestStatus, ContestTransitionProblem> {
  if (!canTransition(from, to))
    return fail({ code: "contest_transition_not_allowed", params: { from, to } });
  const problems: ContestTransitionProblem[] = [];
  switch (to) {
    case "registration_open":
      problems.push(...registrationProblems(facts));
      break;
    case "in_progress":
      if (required(facts.approvedEntryCount, "approvedEntryCount", to) < 1)
        problems.push({ code: "contest_no_approved_entries", params: {} });
      break;
    case "results_published": {
      const missing = required(facts.unscoredEntryCount, "unscoredEntryCount", to);
      if (missing > 0) problems.push({ code: "contest_results_incomplete", params: { missing } });
      break;
    }
    case "cancelled":
      if (!facts.cancelReason?.trim())
        problems.push({ code: "contest_cancel_reason_required", params: {} });
      break;
    default:
      break;
  }
  return problems.length > 0 ? fail(...problems) : ok(to);
}

export interface ContestTimeline {
  readonly status: ContestStatus;
  readonly registrationClosesAt: Date | null;
  readonly startsAt: Date | null;
  /** The statuses of its events (draft, open, scoring, locked, published). */
  readonly eventStatuses: readonly string[];
}

/**
 * The status the contest's dates and events say it has reached, when the stored one lags
 * behind: registration past its deadline, a start date passed, every event's results out.
 * The organiser is prompted with it (publishing the last event moves it on by itself).
 */
export function suggestedContestStatus(
  contest: ContestTimeline,
  now: Date,
): { to: ContestStatus; since: Date | null } | null {
  const { status, registrationClosesAt, startsAt, eventStatuses } = contest;
  const allPublished = eventStatuses.length > 0 && eventStatuses.every((s) => s === "published");
  const suggestion: { to: ContestStatus; since: Date | null } | null =
    status === "in_progress" && allPublished
      ? { to: "results_published", since: null }
      : status === "registration_closed" && startsAt && startsAt.getTime() <= now.getTime()
        ? { to: "in_progress", since: startsAt }
        : status === "registration_open" &&
            registrationClosesAt &&
            registrationClosesAt.getTime() <= now.getTime()
          ? { to: "registration_closed", since: registrationClosesAt }
          : null;
  return suggestion && canTransition(status, suggestion.to) ? suggestion : null;
}
