import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";

export const REGISTRATION_STATUSES = [
  "submitted",
  "approved",
  "rejected",
  "checked_in",
  "withdrawn",
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * Decisions:
 * - rejected → submitted: the organisation may fix the entry (e.g. upload the missing
 *   certificate) and resubmit the same record, but only before the deadline.
 * - approved → rejected: a later audit can still disqualify an approved entry (forged
 *   certificate, wrong age) until check-in; a reason is required like any rejection.
 * - withdrawn and checked_in are terminal; after withdrawing, a new registration is made.
 */
const TRANSITIONS: Readonly<Record<RegistrationStatus, readonly RegistrationStatus[]>> = {
  submitted: ["approved", "rejected", "withdrawn"],
  approved: ["checked_in", "rejected", "withdrawn"],
  rejected: ["submitted"],
  checked_in: [],
  withdrawn: [],
};

/** Statuses that occupy a quota place and block a second registration of the same worker. */
export const ACTIVE_REGISTRATION_STATUSES = [
  "submitted",
  "approved",
  "checked_in",
] as const satisfies readonly RegistrationStatus[];

export function isActiveRegistration(status: RegistrationStatus): boolean {
  return (ACTIVE_REGISTRATION_STATUSES as readonly RegistrationStatus[]).includes(status);
}

export function nextRegistrationStatuses(from: RegistrationStatus): readonly RegistrationStatus[] {
  return TRANSITIONS[from];
}

export function canTransitionRegistration(
  from: RegistrationStatus,
  to: RegistrationStatus,
): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface RegistrationTransitionContext {
  readonly now: Date;
  /** Registration deadline: the window's closesAt. */
  readonly deadline: Date;
  readonly reason?: string;
}

export type RegistrationTransitionProblem =
  | Problem<
      "registration_transition_not_allowed",
      { from: RegistrationStatus; to: RegistrationStatus }
    >
  | Problem<"registration_reason_required", Record<string, never>>
  | Problem<"registration_deadline_passed", Record<string, never>>;

export const REGISTRATION_TRANSITION_PROBLEM_CODES = Object.keys({
  registration_transition_not_allowed: true,
  registration_reason_required: true,
  registration_deadline_passed: true,
} satisfies Record<
  RegistrationTransitionProblem["code"],
  true
>) as RegistrationTransitionProblem["code"][];

export function checkRegistrationTransition(
  from: RegistrationStatus,
  to: RegistrationStatus,
  context: RegistrationTransitionContext,
): Outcome<RegistrationStatus, RegistrationTransitionProblem> {
  if (!canTransitionRegistration(from, to)) {
    return fail({ code: "registration_transition_not_allowed", params: { from, to } });
  }
  const problems: RegistrationTransitionProblem[] = [];
  if (to === "rejected" && !context.reason?.trim())
    problems.push({ code: "registration_reason_required", params: {} });
  // Late withdrawals and resubmissions would change the field after the draw and seating plan.
  if (
    (to === "withdrawn" || to === "submitted") &&
    context.now.getTime() >= context.deadline.getTime()
  ) {
    problems.push({ code: "registration_deadline_passed", params: {} });
  }
  return problems.length > 0 ? fail(...problems) : ok(to);
}
