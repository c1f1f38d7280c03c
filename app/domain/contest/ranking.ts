export interface Ranked<T> {
  readonly item: T;
  /** Standard competition ranking: equal items share a rank and the next rank skips (1, 2, 2, 4). */
  readonly rank: number;
}

/**
 * Ranks items best first. `compare` decides both the order and what counts as a tie
 * (returns 0); `displayOrder` only orders items within a tie so lists are stable, and never
 * changes a rank.
 */
export function rankWithTies<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  displayOrder: (a: T, b: T) => number = () => 0,
): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => compare(a, b) || displayOrder(a, b));
  const out: Ranked<T>[] = [];
  sorted.forEach((item, i) => {
    const prev = out[i - 1];
    const rank = prev && compare(prev.item, item) === 0 ? prev.rank : i + 1;
    out.push({ item, rank });
  });
  return out;
}

/** Plain code-unit comparison, for deterministic ordering that does not depend on the host locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
