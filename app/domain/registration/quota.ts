import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";

export interface QuotaInput {
  /** Active entries (see ACTIVE_REGISTRATION_STATUSES) this organisation already holds. */
  readonly usedByOrg: number;
  readonly quotaPerOrg: number | null;
  readonly usedTotal: number;
  readonly overallCap: number | null;
  /** Places the new registration needs; a team is one entry. Defaults to 1. */
  readonly requested?: number;
}

/** Places left once the requested ones are taken; null where there is no limit. */
export interface QuotaRemaining {
  readonly orgPlacesLeft: number | null;
  readonly overallPlacesLeft: number | null;
}

export type QuotaProblem =
  | Problem<"quota_org_full", { quota: number; used: number }>
  | Problem<"quota_overall_full", { cap: number; used: number }>;

export const QUOTA_PROBLEM_CODES = Object.keys({
  quota_org_full: true,
  quota_overall_full: true,
} satisfies Record<QuotaProblem["code"], true>) as QuotaProblem["code"][];

export function checkQuota(input: QuotaInput): Outcome<QuotaRemaining, QuotaProblem> {
  const requested = input.requested ?? 1;
  const problems: QuotaProblem[] = [];
  const { quotaPerOrg: quota, overallCap: cap, usedByOrg, usedTotal } = input;
  if (quota !== null && usedByOrg + requested > quota) {
    problems.push({ code: "quota_org_full", params: { quota, used: usedByOrg } });
  }
  if (cap !== null && usedTotal + requested > cap) {
    problems.push({ code: "quota_overall_full", params: { cap, used: usedTotal } });
  }
  if (problems.length > 0) return fail(...problems);
  return ok({
    orgPlacesLeft: quota === null ? null : quota - usedByOrg - requested,
    overallPlacesLeft: cap === null ? null : cap - usedTotal - requested,
  });
}
