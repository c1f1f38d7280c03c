import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";
import type { NominationState, RoundState } from "./states";

/**
 * submitted → accepted | rejected | withdrawn; accepted → awarded | withdrawn.
 * A rejected nomination is final for the round (the next round is the place to try again);
 * rejected, awarded and withdrawn are terminal.
 */
const TRANSITIONS: Readonly<Record<NominationState, readonly NominationState[]>> = {
  submitted: ["accepted", "rejected", "withdrawn"],
  accepted: ["awarded", "withdrawn"],
  rejected: [],
  awarded: [],
  withdrawn: [],
};

/** The round state each move is made in, so review and award follow the 推荐→评审→公示→表彰 order. */
const ROUND_STATES_FOR: Readonly<Partial<Record<NominationState, readonly RoundState[]>>> = {
  accepted: ["reviewing"],
  rejected: ["reviewing"],
  awarded: ["conferred"],
  withdrawn: ["open", "reviewing", "public_notice"],
};

export function canTransitionNomination(from: NominationState, to: NominationState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextNominationStates(from: NominationState): readonly NominationState[] {
  return TRANSITIONS[from];
}

export interface NominationTransitionContext {
  readonly roundState: RoundState;
  readonly reason?: string;
}

export type NominationProblem =
  | Problem<"nomination_transition_not_allowed", { from: NominationState; to: NominationState }>
  | Problem<"nomination_reason_required", Record<string, never>>
  | Problem<"nomination_wrong_round_state", { state: RoundState }>;

export const NOMINATION_PROBLEM_CODES = Object.keys({
  nomination_transition_not_allowed: true,
  nomination_reason_required: true,
  nomination_wrong_round_state: true,
} satisfies Record<NominationProblem["code"], true>) as NominationProblem["code"][];

/** New nominations are only taken while the round is open. */
export function checkNominationSubmittable(roundState: RoundState): NominationProblem | null {
  return roundState === "open"
    ? null
    : { code: "nomination_wrong_round_state", params: { state: roundState } };
}

/**
 * A reason is required to reject, and to withdraw a nomination that has been accepted:
 * by then it may be on public notice, and the public record has to say why it went.
 */
export function checkNominationTransition(
  from: NominationState,
  to: NominationState,
  context: NominationTransitionContext,
): Outcome<NominationState, NominationProblem> {
  if (!canTransitionNomination(from, to)) {
    return fail({ code: "nomination_transition_not_allowed", params: { from, to } });
  }
  const problems: NominationProblem[] = [];
  const allowedRoundStates = ROUND_STATES_FOR[to] ?? [];
  if (!allowedRoundStates.includes(context.roundState)) {
    problems.push({ code: "nomination_wrong_round_state", params: { state: context.roundState } });
  }
  const needsReason = to === "rejected" || (to === "withdrawn" && from === "accepted");
  if (needsReason && !context.reason?.trim())
    problems.push({ code: "nomination_reason_required", params: {} });
  return problems.length > 0 ? fail(...problems) : ok(to);
}
