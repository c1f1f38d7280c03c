/**
 * One integer per entry that orders an event's leaderboard: the total in the top bits, then
 * up to two tie-break values (e.g. the practical part's total), each in 20 bits. A larger key
 * ranks higher; equal keys share a rank. Keeping the order in one indexed integer lets the
 * database answer "how many entries rank above this one" from a maintained count table
 * instead of scanning the event.
 *
 * Each component is a non-negative integer in centimarks below 2^20 (10,485.75 marks).
 */
export const RANK_KEY_COMPONENT_BITS = 20n;
export const RANK_KEY_MAX_COMPONENT = (1 << 20) - 1;
export const RANK_KEY_TIE_BREAKS = 2;

export function packRankKey(total: number, tieBreaks: readonly number[] = []): bigint {
  if (tieBreaks.length > RANK_KEY_TIE_BREAKS) {
    throw new RangeError(`At most ${RANK_KEY_TIE_BREAKS} tie-break values fit in a rank key`);
  }
  let key = component(total);
  for (let i = 0; i < RANK_KEY_TIE_BREAKS; i++) {
    key = (key << RANK_KEY_COMPONENT_BITS) | component(tieBreaks[i] ?? 0);
  }
  return key;
}

export function unpackRankKey(key: bigint): { total: number; tieBreaks: number[] } {
  const mask = (1n << RANK_KEY_COMPONENT_BITS) - 1n;
  const tieBreaks: number[] = [];
  let rest = key;
  for (let i = 0; i < RANK_KEY_TIE_BREAKS; i++) {
    tieBreaks.unshift(Number(rest & mask));
    rest >>= RANK_KEY_COMPONENT_BITS;
  }
  return { total: Number(rest), tieBreaks };
}

function component(value: number): bigint {
  if (!Number.isInteger(value) || value < 0 || value > RANK_KEY_MAX_COMPONENT) {
    throw new RangeError(`Rank key component out of range: ${value}`);
  }
  return BigInt(value);
}
