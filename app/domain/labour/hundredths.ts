/** Scores are integers in hundredths (87.50 → 8750) so sums and ties are exact. */
export type Hundredths = number;

export const FULL_MARKS: Hundredths = 10_000;

/** Rounds half away from zero; scores are never negative, so this is plain half-up. */
export function roundHalfUp(value: number): number {
  // The epsilon absorbs binary noise such as 87.49999999 that should have been 87.5.
  return Math.sign(value) * Math.floor(Math.abs(value) + 0.5 + 1e-9);
}
