// Standardised score (标准分), for comparing results across events whose
// marking schemes differ in difficulty.
//
//   std = 700 + 100 × (x − median) / (1.4826 × MAD)
//
// x is an entry's total, median and MAD (median absolute deviation from the
// median) are taken over the event's ranked entries. 1.4826 ≈ 1/Φ⁻¹(¾) makes
// 1.4826 × MAD estimate the standard deviation for normally distributed data,
// so 100 points ≈ one standard deviation — while, unlike the SD, a handful of
// wildly low totals (a competitor who fell ill) cannot drag everyone's score.
//
// MAD = 0 happens when half or more of the entrants share the median total.
// Then the scale falls back to the mean absolute deviation from the median,
// multiplied by √(π/2) ≈ 1.2533 (its consistency constant for normal data, so
// "100 points ≈ one SD" still holds). If that is 0 too, every total equals the
// median and everyone gets 700.
//
// Rounding: the result is rounded half-up (towards +∞) once, at the end, to the
// event's number of decimals. All arithmetic is exact integer arithmetic: totals
// are integers, so 2·median, 4·MAD and 2·Σ|x − median| are integers and the two
// constants are taken as 14826/10000 and 12533/10000.
//
// Decimals: whole points are the default, but on a wide spread one centimark of
// total moves the score by well under a point (MAD 10.00: 0.07 points), so
// whole points would print 80.00 and 80.01 as the same score under different
// ranks. `standardisedDecimals` picks the fewest decimals (0–4) at which every
// pair of distinct totals of the event keeps distinct scores, so the published
// order never looks arbitrary; only scores pinned at a clamp bound may still
// share a value (their totals are printed beside them).
//
// Clamp: 0 … 1400, i.e. ±7 robust standard deviations. It keeps scores
// non-negative and printable in a fixed width; only extreme outliers (typically
// under the MAD = 0 fallback, when the scale is tiny) ever reach it.

import { ratioRoundHalfUp, type Centimarks } from "./centimarks";

export const STANDARD_CENTRE = 700;
export const STANDARD_UNIT = 100;
export const STANDARD_MIN = 0;
export const STANDARD_MAX = 1400;
/** The most decimals a standardised score is ever shown with. */
export const STANDARD_MAX_DECIMALS = 4;
/** Stored standardised scores are integers in ten-thousandths of a point. */
export const STANDARD_STORED_UNITS = 10_000;
const MAD_CONSISTENCY = { num: 14826, den: 10000 } as const;
const MEAN_AD_CONSISTENCY = { num: 12533, den: 10000 } as const;

export type StandardisationSpread =
  /** 1.4826 × MAD is the scale. */
  | { readonly kind: "mad" }
  /** MAD was 0; 1.2533 × mean absolute deviation is the scale. */
  | { readonly kind: "mean_absolute_deviation" }
  /** Every total equal the median; everyone scores 700. */
  | { readonly kind: "none" };

export interface StandardisationBasis {
  readonly count: number;
  /** Median total in centimarks (may end in .5). */
  readonly median: number;
  /** Median absolute deviation in centimarks (a multiple of 0.25). */
  readonly mad: number;
  /** Mean absolute deviation from the median, centimarks (informational). */
  readonly meanAbsoluteDeviation: number;
  readonly spread: StandardisationSpread;
  // Exact integer forms the scores are computed from.
  readonly twiceMedian: number;
  readonly madTimes4: number;
  readonly sumAbsDevTimes2: number;
}

function medianOfSortedTimes2(sorted: Float64Array): number {
  const n = sorted.length;
  if (n % 2 === 1) return 2 * sorted[(n - 1) / 2]!;
  return sorted[n / 2 - 1]! + sorted[n / 2]!;
}

/** Median, MAD and fallback scale of a population of totals (integers, centimarks). */
export function standardisationBasis(totals: readonly Centimarks[]): StandardisationBasis {
  const n = totals.length;
  if (n === 0) {
    return {
      count: 0,
      median: 0,
      mad: 0,
      meanAbsoluteDeviation: 0,
      spread: { kind: "none" },
      twiceMedian: 0,
      madTimes4: 0,
      sumAbsDevTimes2: 0,
    };
  }
  const sorted = Float64Array.from(totals).sort();
  const twiceMedian = medianOfSortedTimes2(sorted);
  // |2x − 2·median| = 2·|x − median|, an integer.
  const dev2 = new Float64Array(n);
  let sumAbsDevTimes2 = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(2 * sorted[i]! - twiceMedian);
    dev2[i] = d;
    sumAbsDevTimes2 += d;
  }
  dev2.sort();
  // median(2·dev) × 2 = 4·MAD.
  const madTimes4 = medianOfSortedTimes2(dev2);
  const spread: StandardisationSpread =
    madTimes4 > 0
      ? { kind: "mad" }
      : sumAbsDevTimes2 > 0
        ? { kind: "mean_absolute_deviation" }
        : { kind: "none" };
  return {
    count: n,
    median: twiceMedian / 2,
    mad: madTimes4 / 4,
    meanAbsoluteDeviation: sumAbsDevTimes2 / (2 * n),
    spread,
    twiceMedian,
    madTimes4,
    sumAbsDevTimes2,
  };
}

/**
 * The standardised score of a total against a basis: 0 … 1400, rounded half-up to
 * `decimals` places (whole points by default).
 */
export function standardiseScore(
  total: Centimarks,
  basis: StandardisationBasis,
  decimals = 0,
): number {
  return scaledScore(total, basis, 10 ** decimals) / 10 ** decimals;
}

/** The score × `scale` as an integer (scale = 10^decimals), clamped to the bounds. */
function scaledScore(total: Centimarks, basis: StandardisationBasis, scale: number): number {
  const offset2 = 2 * total - basis.twiceMedian; // 2·(x − median)
  let delta: number;
  switch (basis.spread.kind) {
    case "none":
      return STANDARD_CENTRE * scale;
    case "mad":
      // 100·(x−m)/(1.4826·MAD) = 100 · 2(x−m) · 2 · 10000 / (14826 · 4MAD)
      delta = ratioRoundHalfUp(
        [STANDARD_UNIT * 2 * MAD_CONSISTENCY.den * scale, offset2],
        [MAD_CONSISTENCY.num, basis.madTimes4],
      );
      break;
    case "mean_absolute_deviation":
      // meanAD = S2/(2n):  100·(x−m)/(1.2533·meanAD) = 100 · 2(x−m) · 10000 · n / (12533 · S2)
      delta = ratioRoundHalfUp(
        [STANDARD_UNIT * MEAN_AD_CONSISTENCY.den * scale, basis.count, offset2],
        [MEAN_AD_CONSISTENCY.num, basis.sumAbsDevTimes2],
      );
      break;
  }
  return Math.min(
    STANDARD_MAX * scale,
    Math.max(STANDARD_MIN * scale, STANDARD_CENTRE * scale + delta),
  );
}

/**
 * The fewest decimals (0 … 4) at which distinct totals keep distinct standardised scores,
 * except where both scores sit on a clamp bound. Only the distinct totals are scored, so a
 * 500,000-entry event costs at most five passes over ~10,000 values.
 */
export function standardisedDecimals(
  totals: readonly Centimarks[],
  basis: StandardisationBasis,
): number {
  const distinct = Float64Array.from(new Set(totals)).sort();
  for (let decimals = 0; decimals < STANDARD_MAX_DECIMALS; decimals++) {
    const scale = 10 ** decimals;
    let previous = Number.NaN;
    let distinctEnough = true;
    for (const total of distinct) {
      const score = scaledScore(total, basis, scale);
      const clamped = score === STANDARD_MIN * scale || score === STANDARD_MAX * scale;
      if (score === previous && !clamped) {
        distinctEnough = false;
        break;
      }
      previous = score;
    }
    if (distinctEnough) return decimals;
  }
  return STANDARD_MAX_DECIMALS;
}

/** A score as stored: an integer number of ten-thousandths of a point. */
export function standardisedUnits(score: number): number {
  return Math.round(score * STANDARD_STORED_UNITS);
}

/** 7124000 with 1 decimal → "712.4"; null → "—". Digits read the same in zh and en. */
export function formatStandardised(units: number | null, decimals: number): string {
  if (units === null) return "—";
  const d = Math.min(STANDARD_MAX_DECIMALS, Math.max(0, Math.trunc(decimals)));
  return (units / STANDARD_STORED_UNITS).toFixed(d);
}

/** Standardises a whole population; scores are in the same order as `totals`. */
export function standardiseScores(
  totals: readonly Centimarks[],
  decimals?: number,
): {
  readonly basis: StandardisationBasis;
  readonly decimals: number;
  readonly scores: number[];
} {
  const basis = standardisationBasis(totals);
  const d = decimals ?? standardisedDecimals(totals, basis);
  return { basis, decimals: d, scores: totals.map((t) => standardiseScore(t, basis, d)) };
}
