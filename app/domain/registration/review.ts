// Flags on entries the organiser reviews: entries beyond their unit's quota or the event's cap
// (in the order they were submitted), and entrants who do not meet the event's rules as they
// stand now (rules or a worker's record may have changed since the entry was made).
import type { EventDefinition } from "~/domain/contest/events";
import type { IsoDate } from "~/domain/identity/dates";
import type { Problem } from "~/domain/identity/result";
import type { EntryProblem } from "./admission";
import { checkEligibility, type WorkerProfile } from "./eligibility";

export type ReviewProblem =
  | Problem<"review_beyond_org_quota", { position: number; quota: number }>
  | Problem<"review_beyond_cap", { position: number; cap: number }>;

export const REVIEW_PROBLEM_CODES = Object.keys({
  review_beyond_org_quota: true,
  review_beyond_cap: true,
} satisfies Record<ReviewProblem["code"], true>) as ReviewProblem["code"][];

export interface QueuedEntry {
  readonly id: number;
  readonly eventId: number;
  readonly organisationId: number;
}

export interface EventLimits {
  readonly quotaPerOrg: number | null;
  readonly overallCap: number | null;
}

/**
 * The active entries of some events, in the order they were submitted: each entry that lies
 * beyond its unit's quota or the event's cap, with its place in the queue. The first entries
 * fill the places; later ones are the ones to look at.
 */
export function quotaFlags(
  queue: readonly QueuedEntry[],
  limits: ReadonlyMap<number, EventLimits>,
): Map<number, ReviewProblem[]> {
  const byOrg = new Map<string, number>();
  const byEvent = new Map<number, number>();
  const out = new Map<number, ReviewProblem[]>();
  for (const entry of queue) {
    const key = `${entry.eventId}:${entry.organisationId}`;
    const inOrg = (byOrg.get(key) ?? 0) + 1;
    const inEvent = (byEvent.get(entry.eventId) ?? 0) + 1;
    byOrg.set(key, inOrg);
    byEvent.set(entry.eventId, inEvent);
    const limit = limits.get(entry.eventId);
    if (!limit) continue;
    const problems: ReviewProblem[] = [];
    if (limit.quotaPerOrg !== null && inOrg > limit.quotaPerOrg)
      problems.push({
        code: "review_beyond_org_quota",
        params: { position: inOrg, quota: limit.quotaPerOrg },
      });
    if (limit.overallCap !== null && inEvent > limit.overallCap)
      problems.push({
        code: "review_beyond_cap",
        params: { position: inEvent, cap: limit.overallCap },
      });
    if (problems.length > 0) out.set(entry.id, problems);
  }
  return out;
}

/**
 * Who of an entry does not meet the event's rules on the contest date: the worker of an
 * individual entry, or each member of a team (named, so the organiser knows whom).
 */
export function eligibilityFlags(
  entrants: readonly { readonly name: string; readonly profile: WorkerProfile }[],
  event: Pick<EventDefinition, "eligibility" | "tradeCodes">,
  contestDate: IsoDate,
  named: boolean,
): EntryProblem[] {
  return entrants.flatMap((e) =>
    checkEligibility(e.profile, event, contestDate).map((p) =>
      named ? { ...p, subject: e.name } : p,
    ),
  );
}
