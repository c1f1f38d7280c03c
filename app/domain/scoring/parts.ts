// How part totals become the event total.
//
//   contribution_p = round_half_up( partTotal_p / partFull_p × weightBp_p / 10000 × eventFull )
//   total          = Σ contribution_p
//
// e.g. theory 24.00/30.00 at 30% and practical 60.00/70.00 at 70% of 100.00:
//   2400/3000 × 3000/10000 × 10000 = 2400 (24.00)
//   6000/7000 × 7000/10000 × 10000 = 6000 (60.00)   → total 8400 (84.00)
//
// Each contribution is rounded on its own and the total is their plain sum, so
// the figures printed on a receipt always add up to the printed total — the
// check auditors and competitors actually do by hand. The price is at most
// ½ centimark per part of drift from the unrounded sum.

import {
  BASIS_POINTS_TOTAL,
  formatBasisPoints,
  formatCentimarks,
  isCentimarks,
  ratioRoundHalfUp,
  type BasisPoints,
  type Centimarks,
} from "./centimarks";
import { problem, type ScoringProblem } from "./problems";
import {
  isAggregationRule,
  validateScheme,
  type AggregationRule,
  type Criterion,
  type MarkingScheme,
} from "./scheme";

export interface EventPart {
  readonly id: string;
  /** Short code for sheets and receipts, e.g. "theory" / "practical" or "M1". */
  readonly code: string;
  /** Share of the event total, in basis points (30% = 3000). All parts sum to 10000. */
  readonly weightBp: BasisPoints;
  /** Full mark of this part's scheme (the sum of its criteria maxima). */
  readonly fullMark: Centimarks;
  readonly scheme: MarkingScheme;
}

export interface EventDefinition {
  /** What the final total is out of, usually 10000 (100.00). */
  readonly fullMark: Centimarks;
  /** Rule for judgement criteria that neither the criterion nor its scheme overrides. */
  readonly defaultAggregation: AggregationRule;
  readonly parts: readonly EventPart[];
}

export interface PartResult {
  readonly partId: string;
  readonly code: string;
  readonly weightBp: BasisPoints;
  readonly fullMark: Centimarks;
  /** Sum of the part's criterion results, out of `fullMark`; null while any is missing. */
  readonly total: Centimarks | null;
  /** The part's share of the event total, out of `eventFull × weight`; null while incomplete. */
  readonly contribution: Centimarks | null;
}

/** Validates the event structure, weights and every part's scheme. Empty = valid. */
export function validateEvent(event: EventDefinition): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  if (!isCentimarks(event.fullMark) || event.fullMark <= 0) {
    problems.push(
      problem("event_full_mark_invalid", { fullMark: formatCentimarks(event.fullMark) }),
    );
  }
  if (!isAggregationRule(event.defaultAggregation)) {
    problems.push(
      problem("event_default_rule_invalid", { rule: String(event.defaultAggregation) }),
    );
  }
  if (event.parts.length === 0) {
    problems.push(problem("event_no_parts", {}));
    return problems;
  }
  const partIds = new Set<string>();
  const criterionIds = new Set<string>();
  let weightSum = 0;
  for (const part of event.parts) {
    if (partIds.has(part.id)) problems.push(problem("part_duplicate_id", { part: part.code }));
    partIds.add(part.id);
    if (
      !Number.isSafeInteger(part.weightBp) ||
      part.weightBp <= 0 ||
      part.weightBp > BASIS_POINTS_TOTAL
    ) {
      problems.push(
        problem("part_weight_invalid", {
          part: part.code,
          weight: formatBasisPoints(part.weightBp),
        }),
      );
    }
    weightSum += part.weightBp;
    problems.push(...validateScheme(part.scheme, part.fullMark, event.defaultAggregation));
    // Tie-breaks and marks address criteria by id across the whole event.
    const seenInPart = new Set<string>();
    for (const c of part.scheme.criteria) {
      if (criterionIds.has(c.id) && !seenInPart.has(c.id)) {
        problems.push(problem("criterion_duplicate_id", { id: c.id }));
      }
      criterionIds.add(c.id);
      seenInPart.add(c.id);
    }
  }
  if (weightSum !== BASIS_POINTS_TOTAL) {
    problems.push(problem("part_weights_sum", { sum: formatBasisPoints(weightSum) }));
  }
  return problems;
}

/** A part's weighted share of the event total, rounded half-up to a centimark. */
export function partContribution(
  partTotal: Centimarks,
  partFullMark: Centimarks,
  weightBp: BasisPoints,
  eventFullMark: Centimarks,
): Centimarks {
  return ratioRoundHalfUp([partTotal, weightBp, eventFullMark], [partFullMark, BASIS_POINTS_TOTAL]);
}

/**
 * Weights and sums part totals (keyed by part id; null/absent = incomplete).
 * The event total is null unless every part is complete.
 */
export function combineParts(
  event: EventDefinition,
  partTotals: Readonly<Record<string, Centimarks | null | undefined>>,
): { readonly parts: PartResult[]; readonly total: Centimarks | null } {
  let total: number | null = 0;
  const parts = event.parts.map((p): PartResult => {
    const t = partTotals[p.id] ?? null;
    const contribution =
      t === null ? null : partContribution(t, p.fullMark, p.weightBp, event.fullMark);
    if (contribution === null) total = null;
    else if (total !== null) total += contribution;
    return {
      partId: p.id,
      code: p.code,
      weightBp: p.weightBp,
      fullMark: p.fullMark,
      total: t,
      contribution,
    };
  });
  return { parts, total };
}

/** Every criterion of the event with the part it belongs to, in scheme order. */
export function eventCriteria(
  event: EventDefinition,
): { readonly part: EventPart; readonly criterion: Criterion }[] {
  return event.parts.flatMap((part) =>
    part.scheme.criteria.map((criterion) => ({ part, criterion })),
  );
}
