// Prize allocation (一等奖 / 二等奖 / 三等奖 / 优秀奖).
//
// Quotas. Each tier has a number of places, given either as a count or as a
// share of the ranked entrants N: places = floor(N × share), but at least 1
// when the share is positive and N > 0 — rounding down keeps the published
// percentage a ceiling, and the minimum of one stops a small field from having
// no first prize at all.
//
// Cut-offs are cumulative and work on competition ranks: with places 1/2/3 the
// first prize goes to rank ≤ 1, second to rank ≤ 3, third to rank ≤ 6. Because
// tied entries share a rank, everyone tied across a boundary falls on the
// better side of it and gets the better prize (并列者均获较高奖项, ties are never
// split). The extra places are taken from the tiers below, not added: if three
// entries tie for first with places 1/2/3, all three get first prize, no-one
// gets second, and third starts at rank 4. So ties never increase the total
// number of prizes except at the last tier's boundary.
//
// Minimum totals. A tier may require a minimum total; an entry inside the
// tier's cut-off but below its minimum drops to the next tier it qualifies
// for (within that tier's cut-off), else gets nothing. The place it left stays
// vacant (空缺) — it is not handed down to someone ranked lower.

import {
  BASIS_POINTS_TOTAL,
  formatBasisPoints,
  formatCentimarks,
  isCentimarks,
  type BasisPoints,
  type Centimarks,
} from "./centimarks";
import { problem, type ScoringProblem } from "./problems";

export const PRIZE_TIERS = ["first", "second", "third", "merit"] as const;
export type PrizeTier = (typeof PRIZE_TIERS)[number];

export type PrizeQuota =
  | { readonly kind: "count"; readonly count: number }
  | { readonly kind: "share"; readonly shareBp: BasisPoints };

export interface PrizeTierRule {
  readonly tier: PrizeTier;
  readonly quota: PrizeQuota;
  /** No prize of this tier below this total (centimarks). */
  readonly minTotal?: Centimarks;
}

export interface PrizeRules {
  /** At most one rule per tier; order does not matter (tiers are applied first → merit). */
  readonly tiers: readonly PrizeTierRule[];
}

export interface PrizeTierSummary {
  readonly tier: PrizeTier;
  /** Places this tier was given by its quota. */
  readonly places: number;
  /** Entries ranked at or above this rank are inside the tier's cumulative cut-off. */
  readonly cutoffRank: number;
  readonly minTotal: Centimarks | null;
  /** Entries that actually received this tier (can exceed `places` through ties). */
  readonly awarded: number;
}

export interface PrizeAward {
  readonly entryId: string;
  readonly rank: number;
  readonly tier: PrizeTier;
}

export interface PrizeAllocation {
  /** Prize winners in rank order. */
  readonly awards: readonly PrizeAward[];
  readonly tiers: readonly PrizeTierSummary[];
}

export interface PrizeCandidate {
  readonly entryId: string;
  readonly rank: number | null;
  readonly total: Centimarks | null;
}

/**
 * What a rule can be checked against when it is saved: the entrants the event has now and
 * its full mark. Without them only the rules' own shape is checked (as at computation).
 */
export interface PrizeRuleContext {
  /** Entrants (approved or checked in) the event has; 0 or absent = not known yet. */
  readonly fieldSize?: number;
  /** The event's full mark: a minimum total above it can never be reached. */
  readonly fullMark?: Centimarks;
}

/**
 * Every problem with a set of prize rules. The shape problems (unknown or repeated tiers,
 * counts, shares out of 0–100%, shares over 100% together, bad minimum totals) make results
 * impossible to compute; with a context, rules that could never be met are refused too: a
 * tier with more places than the field, more places in all than entrants, a minimum total
 * above the full mark.
 */
export function validatePrizeRules(
  rules: PrizeRules,
  context: PrizeRuleContext = {},
): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  const seen = new Set<string>();
  const field = context.fieldSize ?? 0;
  let shareSum = 0;
  let countSum = 0;
  for (const r of rules.tiers) {
    if (!(PRIZE_TIERS as readonly string[]).includes(r.tier)) {
      problems.push(problem("prize_tier_unknown", { tier: String(r.tier) }));
      continue;
    }
    if (seen.has(r.tier)) problems.push(problem("prize_tier_duplicate", { tier: r.tier }));
    seen.add(r.tier);
    if (r.quota.kind === "count") {
      const count = r.quota.count;
      if (!Number.isSafeInteger(count) || count < 0) {
        problems.push(problem("prize_count_invalid", { tier: r.tier, count: String(count) }));
      } else {
        countSum += count;
        if (field > 0 && count > field)
          problems.push(problem("prize_count_over_field", { tier: r.tier, count, field }));
      }
    } else {
      const bp = r.quota.shareBp;
      if (!Number.isSafeInteger(bp) || bp < 0 || bp > BASIS_POINTS_TOTAL) {
        problems.push(
          problem("prize_share_invalid", { tier: r.tier, share: formatBasisPoints(bp) }),
        );
      } else {
        shareSum += bp;
      }
    }
    if (r.minTotal !== undefined && !isCentimarks(r.minTotal)) {
      problems.push(
        problem("prize_min_total_invalid", {
          tier: r.tier,
          minTotal: formatCentimarks(r.minTotal),
        }),
      );
    } else if (
      r.minTotal !== undefined &&
      context.fullMark !== undefined &&
      r.minTotal > context.fullMark
    ) {
      problems.push(
        problem("prize_min_total_over_full", {
          tier: r.tier,
          minTotal: formatCentimarks(r.minTotal),
          fullMark: formatCentimarks(context.fullMark),
        }),
      );
    }
  }
  if (shareSum > BASIS_POINTS_TOTAL) {
    problems.push(problem("prize_shares_exceed_total", { share: formatBasisPoints(shareSum) }));
  } else if (
    field > 0 &&
    countSum > 0 &&
    !problems.some((p) => p.code === "prize_count_over_field")
  ) {
    // Shares are of the whole field, so counts and shares together must fit in it.
    const places = countSum + Math.floor((field * shareSum) / BASIS_POINTS_TOTAL);
    if (places > field) problems.push(problem("prize_places_over_field", { places, field }));
  }
  return problems;
}

/** Places a quota gives when `rankedCount` entrants are ranked (see the rounding rule above). */
export function tierPlaces(quota: PrizeQuota, rankedCount: number): number {
  if (rankedCount <= 0) return 0;
  if (quota.kind === "count") return Math.max(0, quota.count);
  if (quota.shareBp <= 0) return 0;
  return Math.max(1, Math.floor((rankedCount * quota.shareBp) / BASIS_POINTS_TOTAL));
}

/**
 * Awards prizes to ranked entries. Unranked candidates (rank null) are ignored;
 * the share base N is the number of ranked candidates.
 */
export function allocatePrizes(
  candidates: readonly PrizeCandidate[],
  rules: PrizeRules,
): PrizeAllocation {
  const ranked = candidates
    .filter((c): c is PrizeCandidate & { rank: number } => c.rank !== null)
    .sort((a, b) => a.rank - b.rank);
  const n = ranked.length;
  const ordered = PRIZE_TIERS.flatMap((tier) => {
    const rule = rules.tiers.find((r) => r.tier === tier);
    return rule ? [rule] : [];
  });

  let cumulative = 0;
  const tiers = ordered.map((rule) => {
    const places = tierPlaces(rule.quota, n);
    cumulative = Math.min(n, cumulative + places);
    return { rule, places, cutoffRank: cumulative, awarded: 0 };
  });

  const awards: PrizeAward[] = [];
  let firstOpen = 0; // ranks only grow, so tiers whose cut-off is passed stay closed
  for (const c of ranked) {
    while (firstOpen < tiers.length && c.rank > tiers[firstOpen]!.cutoffRank) firstOpen++;
    for (let t = firstOpen; t < tiers.length; t++) {
      const tier = tiers[t]!;
      if (tier.places === 0) continue;
      const min = tier.rule.minTotal;
      if (min !== undefined && (c.total === null || c.total < min)) continue;
      tier.awarded++;
      awards.push({ entryId: c.entryId, rank: c.rank, tier: tier.rule.tier });
      break;
    }
  }

  return {
    awards,
    tiers: tiers.map((t) => ({
      tier: t.rule.tier,
      places: t.places,
      cutoffRank: t.cutoffRank,
      minTotal: t.rule.minTotal ?? null,
      awarded: t.awarded,
    })),
  };
}
