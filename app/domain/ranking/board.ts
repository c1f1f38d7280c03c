// Pure helpers for reading a leaderboard page by keyset: the cursor, the shared ranks of the
// rows on a page, and the bins of a score-distribution chart.

/**
 * Position after the last row shown: its rank key, and how many entries holding that key
 * were shown so far (ties are ordered inside the database). Opaque to readers and free of
 * record ids, which public pages never carry.
 */
export type BoardCursor = { rankKey: bigint; skip: number };

export function encodeCursor(cursor: BoardCursor): string {
  return `${cursor.rankKey.toString(36)}.${cursor.skip.toString(36)}`;
}

export function decodeCursor(text: string | null | undefined): BoardCursor | null {
  if (!text) return null;
  const m = /^([0-9a-z]{1,14})\.([0-9a-z]{1,6})$/.exec(text);
  if (!m) return null;
  let rankKey = 0n;
  for (const ch of m[1]!) rankKey = rankKey * 36n + BigInt(parseInt(ch, 36));
  const skip = parseInt(m[2]!, 36);
  if (rankKey < 0n || rankKey >= 1n << 62n || !Number.isSafeInteger(skip)) return null;
  return { rankKey, skip };
}

/**
 * The cursor after a page whose rows have these rank keys (best first), reached from
 * `after`; null when the page was not full (nothing follows).
 */
export function cursorAfter(
  keys: readonly bigint[],
  after: BoardCursor | null,
  limit: number,
): BoardCursor | null {
  if (keys.length === 0 || keys.length < limit) return null;
  const last = keys[keys.length - 1]!;
  let shown = 0;
  for (let i = keys.length - 1; i >= 0 && keys[i] === last; i--) shown++;
  if (after && shown === keys.length && after.rankKey === last) shown += after.skip;
  return { rankKey: last, skip: shown };
}

/**
 * Competition ranks ("1224") for rows sorted best first, knowing only how many entries of
 * the whole event rank above the first row (`aboveFirst`) and how many share its key
 * (`tiedWithFirst`, including rows before the page). Rows with the first row's key share its
 * rank; every later key's rank is 1 + all entries above it, which are the first key's group
 * plus the page rows between.
 */
export function assignPageRanks(
  keys: readonly bigint[],
  aboveFirst: number,
  tiedWithFirst: number,
): number[] {
  if (keys.length === 0) return [];
  const first = keys[0]!;
  const ranks: number[] = [];
  let afterFirstGroup = 0;
  let prevKey: bigint | null = null;
  let prevRank = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === first) {
      ranks.push(aboveFirst + 1);
      prevKey = key;
      prevRank = aboveFirst + 1;
      continue;
    }
    const rank: number =
      key === prevKey ? prevRank : aboveFirst + tiedWithFirst + afterFirstGroup + 1;
    ranks.push(rank);
    prevKey = key;
    prevRank = rank;
    afterFirstGroup++;
  }
  return ranks;
}

/** Competition ranks for a whole field already sorted best first. */
export function ranksOfSorted(keys: readonly bigint[]): number[] {
  const ranks: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    ranks.push(i > 0 && keys[i] === keys[i - 1] ? ranks[i - 1]! : i + 1);
  }
  return ranks;
}

export type Bin = { from: number; to: number; count: number };

/**
 * Folds per-whole-mark counts (bucket = floor(total / 100)) into `binCount` equal bins over
 * 0..fullMark (centimarks), so the chart has the same shape whatever the field size.
 */
export function distributionBins(
  buckets: readonly { bucket: number; count: number }[],
  fullMark: number,
  binCount = 20,
): Bin[] {
  const fullMarks = Math.max(1, Math.ceil(fullMark / 100));
  const width = Math.max(1, Math.ceil(fullMarks / binCount));
  const n = Math.ceil((fullMarks + 1) / width);
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    from: i * width,
    to: Math.min(fullMarks, (i + 1) * width - 1),
    count: 0,
  }));
  for (const b of buckets) {
    if (b.count <= 0) continue;
    const i = Math.min(n - 1, Math.max(0, Math.floor(b.bucket / width)));
    bins[i]!.count += b.count;
  }
  return bins;
}

/** An organisation's figures in one event's standings (团体总分 of the best N, entries, prizes), or summed over a contest. */
export type StandingFigures = {
  bestNTotal: number;
  entries: number;
  prizes: number;
  firstPrizes: number;
  secondPrizes: number;
  thirdPrizes: number;
  meritPrizes: number;
};

/** The figures as numbers: raw SQL answers integers as BigInt and sums as the engine likes. */
export function standingFigures(raw: Record<keyof StandingFigures, unknown>): StandingFigures {
  return {
    bestNTotal: Number(raw.bestNTotal),
    entries: Number(raw.entries),
    prizes: Number(raw.prizes),
    firstPrizes: Number(raw.firstPrizes),
    secondPrizes: Number(raw.secondPrizes),
    thirdPrizes: Number(raw.thirdPrizes),
    meritPrizes: Number(raw.meritPrizes),
  };
}

/** Competition ranks of organisations by their best-N total (larger first). */
export function rankStandings<T extends { bestNTotal: number }>(
  rows: readonly T[],
  aboveFirst = 0,
): (T & { rank: number })[] {
  const out: (T & { rank: number })[] = [];
  rows.forEach((row, i) => {
    const prev = out[i - 1];
    out.push({
      ...row,
      rank: prev && prev.bestNTotal === row.bestNTotal ? prev.rank : aboveFirst + i + 1,
    });
  });
  return out;
}

/**
 * Ranks of the rows just above an entry, nearest first, from the entry's own rank and each
 * row's key count: keys are adjacent, so the entries ranked above a key are those above the
 * entry minus every entry holding that key or a key between.
 */
export function ranksAbove(
  me: { rank: number; rankKey: bigint },
  rowsNearestFirst: readonly { rankKey: bigint; keyCount: number }[],
): number[] {
  const ranks: number[] = [];
  let prevKey = me.rankKey;
  let prevRank = me.rank;
  for (const row of rowsNearestFirst) {
    if (row.rankKey !== prevKey) {
      prevRank -= row.keyCount;
      prevKey = row.rankKey;
    }
    ranks.push(prevRank);
  }
  return ranks;
}
