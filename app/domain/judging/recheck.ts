// Recheck before lock (复核). Contest practice rechecks the top N entries in full and at least
// a share of the rest drawn at random (e.g. the top 10 and 15% of the others); a judge who
// did not mark an entry goes through its marks again and every difference becomes a
// correction with a reason. When the share of rechecked entries with differences (the error
// rate) passes a threshold (e.g. 5%), every entry is rechecked (a full re-review). Results
// are locked only when every required recheck is done.
//
// The error rate is judged once the sample is complete (every required recheck done), not
// after the first recheck: one error in one recheck is 100%, which says nothing yet. Once it
// has ordered a full re-review the order stands, so further clean rechecks cannot dilute it.
//
// Random draws are reproducible: the candidates (entries outside the top N without a recheck,
// in ascending id order), the number drawn and a 128-bit seed from node:crypto are recorded,
// and `drawRechecks` with the same three gives the same entries.
import { shuffle, seededRng128 } from "~/domain/contest/random";
import { BASIS_POINTS_TOTAL, divRoundHalfUp, formatBasisPoints } from "~/domain/scoring";
import { isRecused, type OrgRef } from "./recusal";
import type { JudgingProblem } from "./workflow";

export const RECHECK_REASONS = ["top", "random", "full"] as const;
export type RecheckReason = (typeof RECHECK_REASONS)[number];
export const RECHECK_STATUSES = ["selected", "assigned", "done"] as const;
export type RecheckStatus = (typeof RECHECK_STATUSES)[number];

export interface RecheckConfig {
  /** Entries ranked in the top N are rechecked in full (ties at N included). */
  readonly topN: number;
  /** At least this share of the other entries, basis points (1500 = 15%). */
  readonly shareBp: number;
  /** An error rate above this orders a full re-review, basis points (500 = 5%). */
  readonly errorBp: number;
}

/** Whether the event asks for rechecks at all. */
export function recheckActive(config: RecheckConfig): boolean {
  return config.topN > 0 || config.shareBp > 0;
}

export const RECHECK_TOP_MAX = 10_000;

export type RecheckConfigProblem = JudgingProblem & { field: "topN" | "share" | "errorRate" };

/** Field-level problems with a configuration (empty = valid). */
export function validateRecheckConfig(config: RecheckConfig): RecheckConfigProblem[] {
  const problems: RecheckConfigProblem[] = [];
  const bp = (v: number) => Number.isSafeInteger(v) && v >= 0 && v <= BASIS_POINTS_TOTAL;
  if (!Number.isSafeInteger(config.topN) || config.topN < 0 || config.topN > RECHECK_TOP_MAX)
    problems.push({
      field: "topN",
      code: "recheck.config.top_invalid",
      params: { max: RECHECK_TOP_MAX },
    });
  if (!bp(config.shareBp))
    problems.push({ field: "share", code: "recheck.config.share_invalid", params: {} });
  if (!bp(config.errorBp))
    problems.push({ field: "errorRate", code: "recheck.config.error_invalid", params: {} });
  return problems;
}

export interface RecheckEntry {
  readonly entryId: string;
  /** Competition rank now; null while the entry has no total. */
  readonly rank: number | null;
}

export interface RecheckRecord {
  readonly entryId: string;
  readonly reason: RecheckReason;
  readonly status: RecheckStatus;
  /** Marks the recheck corrected, over every pass. */
  readonly differences: number;
}

/** Ids as the database writes them (digits) sort by value; anything else by code units. */
export function compareEntryIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b))
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries ranked N or better (everyone tied at N too), best first. */
export function topEntries(entries: readonly RecheckEntry[], topN: number): string[] {
  return entries
    .filter((e): e is RecheckEntry & { rank: number } => e.rank !== null && e.rank <= topN)
    .sort((a, b) => a.rank - b.rank || compareEntryIds(a.entryId, b.entryId))
    .map((e) => e.entryId);
}

/** "At least 15%": the share of `rest` entries rounded up, so a share never rechecks fewer. */
export function sampleSize(rest: number, shareBp: number): number {
  if (rest <= 0 || shareBp <= 0) return 0;
  return Math.min(rest, Math.ceil((rest * shareBp) / BASIS_POINTS_TOTAL));
}

export interface RecheckPlan {
  /** Entries in the top N now. */
  readonly top: readonly string[];
  /** Entries outside the top N. */
  readonly restCount: number;
  /** How many of them must be rechecked, and how many are. */
  readonly sampleSize: number;
  readonly sampled: number;
  readonly fullReview: boolean;
  /** Entries that must be selected by name: missing top entries, or every entry in a full review. */
  readonly toSelect: readonly string[];
  /** How many more to draw at random from `candidates`. */
  readonly toDraw: number;
  /** Entries outside the top N without a recheck, ascending: what a draw picks from. */
  readonly candidates: readonly string[];
}

/**
 * What still has to be selected, given the ranking now and the rechecks so far. Every
 * recheck of an entry outside the top N counts towards the share, whatever selected it (an
 * entry that was in the top N when selected and has dropped out of it was still rechecked).
 */
export function planRechecks(
  config: RecheckConfig,
  entries: readonly RecheckEntry[],
  rechecks: readonly RecheckRecord[],
  fullReviewOrdered: boolean,
): RecheckPlan {
  const has = new Set(rechecks.map((r) => r.entryId));
  const top = topEntries(entries, config.topN);
  const topSet = new Set(top);
  const rest = entries.filter((e) => !topSet.has(e.entryId));
  const size = sampleSize(rest.length, config.shareBp);
  const sampled = rest.filter((e) => has.has(e.entryId)).length;
  const candidates = rest
    .map((e) => e.entryId)
    .filter((id) => !has.has(id))
    .sort(compareEntryIds);
  if (fullReviewOrdered) {
    return {
      top,
      restCount: rest.length,
      sampleSize: size,
      sampled,
      fullReview: true,
      toSelect: entries
        .map((e) => e.entryId)
        .filter((id) => !has.has(id))
        .sort(compareEntryIds),
      toDraw: 0,
      candidates,
    };
  }
  return {
    top,
    restCount: rest.length,
    sampleSize: size,
    sampled,
    fullReview: false,
    toSelect: top.filter((id) => !has.has(id)),
    toDraw: Math.max(0, size - sampled),
    candidates,
  };
}

/** The entries a recorded draw picks: the first `count` of the candidates shuffled by the seed. */
export function drawRechecks(
  candidates: readonly string[],
  count: number,
  seedHex: string,
): string[] {
  return shuffle(candidates, seededRng128(seedHex)).slice(0, Math.max(0, count));
}

export interface RecheckErrorRate {
  readonly done: number;
  readonly withDifferences: number;
  /** Rounded half-up to a basis point, for display. */
  readonly rateBp: number;
  /** Compared exactly: withDifferences / done > errorBp / 10000. */
  readonly exceeds: boolean;
}

export function recheckErrorRate(
  rechecks: readonly RecheckRecord[],
  errorBp: number,
): RecheckErrorRate {
  const finished = rechecks.filter((r) => r.status === "done");
  const done = finished.length;
  const withDifferences = finished.filter((r) => r.differences > 0).length;
  return {
    done,
    withDifferences,
    rateBp: done === 0 ? 0 : divRoundHalfUp(withDifferences * BASIS_POINTS_TOTAL, done),
    exceeds: done > 0 && withDifferences * BASIS_POINTS_TOTAL > errorBp * done,
  };
}

/** True when the completed sample's error rate orders a full re-review that is not yet ordered. */
export function fullReviewDue(
  config: RecheckConfig,
  plan: RecheckPlan,
  rechecks: readonly RecheckRecord[],
): boolean {
  if (plan.fullReview || !recheckActive(config)) return false;
  const complete =
    plan.toSelect.length === 0 &&
    plan.toDraw === 0 &&
    rechecks.length > 0 &&
    rechecks.every((r) => r.status === "done");
  return complete && recheckErrorRate(rechecks, config.errorBp).exceeds;
}

/** Why results cannot be locked yet as far as rechecks go (empty = nothing stops it). */
export function recheckLockProblems(
  config: RecheckConfig,
  plan: RecheckPlan,
  rechecks: readonly RecheckRecord[],
): JudgingProblem[] {
  if (!recheckActive(config) && !plan.fullReview) return [];
  const problems: JudgingProblem[] = [];
  const rate = recheckErrorRate(rechecks, config.errorBp);
  const unselected = plan.toSelect.length + plan.toDraw;
  const pending = rechecks.filter((r) => r.status !== "done").length;
  if (plan.fullReview || fullReviewDue(config, plan, rechecks)) {
    // Every entry without a finished recheck still has to be rechecked.
    const remaining = Math.max(0, plan.top.length + plan.restCount - rate.done);
    if (remaining > 0)
      problems.push({
        code: "judging.lock.recheck_full_review",
        params: {
          rate: formatBasisPoints(rate.rateBp),
          threshold: formatBasisPoints(config.errorBp),
          n: remaining,
        },
      });
    return problems;
  }
  if (unselected > 0)
    problems.push({ code: "judging.lock.recheck_unselected", params: { n: unselected } });
  if (pending > 0) problems.push({ code: "judging.lock.recheck_pending", params: { n: pending } });
  return problems;
}

/**
 * Who may recheck an entry: a judge who is not recused from it and did not mark it (was not
 * on its panel and holds none of its marks).
 */
export function canRecheck(
  judge: { readonly userId: number; readonly organisationId: number | null },
  entry: { readonly organisation: OrgRef; readonly originalJudgeIds: readonly number[] },
): boolean {
  return (
    !isRecused(judge.organisationId, entry.organisation) &&
    !entry.originalJudgeIds.includes(judge.userId)
  );
}
