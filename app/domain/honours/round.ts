import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";
import {
  checkNoticePeriod,
  noticeState,
  type NoticePeriod,
  type NoticePeriodProblem,
} from "./notice";
import type { RoundState } from "./states";
import { allRulesPass, type RuleEvaluation } from "./ratio-rules";

/**
 * Forward moves go one step at a time. The one way back is public_notice → reviewing: an
 * upheld objection can remove a nominee, and the changed list must be reviewed and noticed
 * again. A round can be cancelled until it is conferred; conferred and cancelled are final.
 */
const TRANSITIONS: Readonly<Record<RoundState, readonly RoundState[]>> = {
  draft: ["open", "cancelled"],
  open: ["reviewing", "cancelled"],
  reviewing: ["public_notice", "cancelled"],
  public_notice: ["conferred", "reviewing", "cancelled"],
  conferred: [],
  cancelled: [],
};

export function nextRoundStates(from: RoundState): readonly RoundState[] {
  return TRANSITIONS[from];
}

export function canAdvance(from: RoundState, to: RoundState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Facts read by the target state; a needed fact left out throws (a caller bug, not a user error). */
export interface RoundAdvanceFacts {
  readonly nominationCount?: number;
  /** Nominations still awaiting a review decision. */
  readonly pendingNominationCount?: number;
  readonly acceptedNominationCount?: number;
  /** `evaluateRoundRules` on the accepted nominations. */
  readonly ruleEvaluations?: readonly RuleEvaluation[];
  readonly noticePeriod?: NoticePeriod | null;
  /** Calendar days the notice must span (see checkNoticePeriod). */
  readonly minNoticeDays?: number;
  readonly now?: Date;
  readonly openObjectionCount?: number;
  readonly reason?: string;
}

export type RoundAdvanceProblem =
  | Problem<"round_transition_not_allowed", { from: RoundState; to: RoundState }>
  | Problem<"round_no_nominations", Record<string, never>>
  | Problem<"round_nominations_pending", { count: number }>
  | Problem<"round_none_accepted", Record<string, never>>
  | Problem<"round_rules_not_met", { count: number }>
  | Problem<"round_notice_period_missing", Record<string, never>>
  | Problem<"round_notice_not_ended", Record<string, never>>
  | Problem<"round_objections_open", { count: number }>
  | Problem<"round_reason_required", Record<string, never>>
  | NoticePeriodProblem;

export const ROUND_ADVANCE_PROBLEM_CODES = Object.keys({
  round_transition_not_allowed: true,
  round_no_nominations: true,
  round_nominations_pending: true,
  round_none_accepted: true,
  round_rules_not_met: true,
  round_notice_period_missing: true,
  round_notice_not_ended: true,
  round_objections_open: true,
  round_reason_required: true,
} satisfies Record<
  Exclude<RoundAdvanceProblem["code"], NoticePeriodProblem["code"]>,
  true
>) as RoundAdvanceProblem["code"][];

function need<T>(value: T | undefined, name: string, to: RoundState): T {
  if (value === undefined)
    throw new TypeError(`Fact "${name}" is required to move a round to ${to}`);
  return value;
}

export function checkRoundAdvance(
  from: RoundState,
  to: RoundState,
  facts: RoundAdvanceFacts = {},
): Outcome<RoundState, RoundAdvanceProblem> {
  if (!canAdvance(from, to))
    return fail({ code: "round_transition_not_allowed", params: { from, to } });
  const problems: RoundAdvanceProblem[] = [];
  if (to === "reviewing" && from === "open") {
    if (need(facts.nominationCount, "nominationCount", to) < 1)
      problems.push({ code: "round_no_nominations", params: {} });
  }
  if (to === "reviewing" && from === "public_notice" && !facts.reason?.trim()) {
    problems.push({ code: "round_reason_required", params: {} });
  }
  if (to === "public_notice") {
    const pending = need(facts.pendingNominationCount, "pendingNominationCount", to);
    if (pending > 0)
      problems.push({ code: "round_nominations_pending", params: { count: pending } });
    if (need(facts.acceptedNominationCount, "acceptedNominationCount", to) < 1) {
      problems.push({ code: "round_none_accepted", params: {} });
    }
    const evaluations = need(facts.ruleEvaluations, "ruleEvaluations", to);
    if (!allRulesPass(evaluations)) {
      problems.push({
        code: "round_rules_not_met",
        params: { count: evaluations.filter((e) => e.status !== "pass").length },
      });
    }
    const period = need(facts.noticePeriod, "noticePeriod", to);
    if (period === null) problems.push({ code: "round_notice_period_missing", params: {} });
    else
      problems.push(...checkNoticePeriod(period, need(facts.minNoticeDays, "minNoticeDays", to)));
  }
  if (to === "conferred") {
    const period = need(facts.noticePeriod, "noticePeriod", to);
    const now = need(facts.now, "now", to);
    if (period === null || noticeState(period.startsAt, period.endsAt, now) !== "ended") {
      problems.push({ code: "round_notice_not_ended", params: {} });
    }
    const open = need(facts.openObjectionCount, "openObjectionCount", to);
    if (open > 0) problems.push({ code: "round_objections_open", params: { count: open } });
  }
  if (to === "cancelled" && !facts.reason?.trim())
    problems.push({ code: "round_reason_required", params: {} });
  return problems.length > 0 ? fail(...problems) : ok(to);
}
