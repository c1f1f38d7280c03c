// Bucket arithmetic behind the maintained ranking tables. "Rank = 1 + entries with a larger
// key" is answered from counts, never by scanning the event: ScoreCount holds one row per
// distinct rank key, and because tie-breaks make keys nearly unique in a large field, two
// coarser levels sit above it so the sum reads at most a few hundred rows at any depth:
//   level 2 — one bucket per whole mark (total / 100): at most ~100 rows for a 100-mark event
//   level 1 — one bucket per total in centimarks, only those inside the entry's whole mark
//   ScoreCount — only keys with the entry's exact total (they differ by tie-break alone)
import { RANK_KEY_COMPONENT_BITS, RANK_KEY_TIE_BREAKS } from "./rank-key";

/** Bits below the total in a rank key. */
export const TOTAL_SHIFT = RANK_KEY_COMPONENT_BITS * BigInt(RANK_KEY_TIE_BREAKS);
export const CENTIMARKS_PER_COARSE_BUCKET = 100;

export const BUCKET_LEVEL_TOTAL = 1;
export const BUCKET_LEVEL_COARSE = 2;

/** The total (centimarks) a rank key starts with. */
export function totalOfKey(rankKey: bigint): number {
  return Number(rankKey >> TOTAL_SHIFT);
}

export function coarseBucketOfTotal(total: number): number {
  return Math.floor(total / CENTIMARKS_PER_COARSE_BUCKET);
}

/** The smallest rank key whose total is `total` (all tie-breaks zero). */
export function firstKeyOfTotal(total: number): bigint {
  return BigInt(total) << TOTAL_SHIFT;
}

export type BucketDelta = { level: number; bucket: number; delta: number };
export type KeyDelta = { rankKey: bigint; delta: number };

/**
 * The count changes when an entry's key moves from `before` to `after` (null = not ranked).
 * Changes that cancel out are dropped, so an unchanged key writes nothing.
 */
export function rankKeyDeltas(
  before: bigint | null,
  after: bigint | null,
): { keys: KeyDelta[]; buckets: BucketDelta[] } {
  const keys = new Map<bigint, number>();
  const buckets = new Map<string, BucketDelta>();
  const add = (key: bigint, delta: number) => {
    keys.set(key, (keys.get(key) ?? 0) + delta);
    const total = totalOfKey(key);
    for (const [level, bucket] of [
      [BUCKET_LEVEL_TOTAL, total],
      [BUCKET_LEVEL_COARSE, coarseBucketOfTotal(total)],
    ] as const) {
      const id = `${level}:${bucket}`;
      const entry = buckets.get(id) ?? { level, bucket, delta: 0 };
      entry.delta += delta;
      buckets.set(id, entry);
    }
  };
  if (before !== null) add(before, -1);
  if (after !== null) add(after, 1);
  return {
    keys: [...keys].filter(([, d]) => d !== 0).map(([rankKey, delta]) => ({ rankKey, delta })),
    buckets: [...buckets.values()].filter((b) => b.delta !== 0),
  };
}

export const PRIZE_TIERS = ["first", "second", "third", "merit"] as const;
export type PrizeTier = (typeof PRIZE_TIERS)[number];

export type StandingDelta = {
  entries: number;
  prizes: number;
  first: number;
  second: number;
  third: number;
  merit: number;
};

type ResultState = { rankKey: bigint | null; prize: string | null } | null;

/** How an organisation's entry and prize counts move when one of its results changes. */
export function standingDelta(before: ResultState, after: ResultState): StandingDelta {
  const d: StandingDelta = { entries: 0, prizes: 0, first: 0, second: 0, third: 0, merit: 0 };
  const apply = (state: ResultState, sign: number) => {
    if (!state) return;
    if (state.rankKey !== null) d.entries += sign;
    const prize = state.prize;
    if (prize && (PRIZE_TIERS as readonly string[]).includes(prize)) {
      d.prizes += sign;
      d[prize as PrizeTier] += sign;
    }
  };
  apply(before, -1);
  apply(after, 1);
  return d;
}

export function isZeroDelta(d: StandingDelta): boolean {
  return Object.values(d).every((v) => v === 0);
}
