// The in-memory ranking step of a lock (computeEvent → rankEntries) on a field the size of the
// large seed's big event, beside its floor: a native sort of the same totals alone, which any
// ranking has to do at least. Used by `npm run bench`; it was a timed unit test before, and
// timed tests are not allowed (a shared machine makes them fail at random).
import { rankEntries, type RankInput, type Ranking } from "~/domain/scoring/rank";
import { randomInt, seededRandom } from "~/domain/scoring/seeded-random.test-helper";

export type RankFigure = { entries: number; runs: number; app: number[]; floor: number[] };

/** Entries on a 0.01 grid up to 100.00 (many exact ties, so the tie-break is exercised), 1% without a total. */
function field(size: number): RankInput[] {
  const rand = seededRandom(size);
  const entries: RankInput[] = new Array(size);
  for (let i = 0; i < size; i++) {
    const practical = randomInt(rand, 0, 10_000);
    entries[i] = {
      entryId: `E${i.toString().padStart(7, "0")}`,
      total: rand() < 0.01 ? null : randomInt(rand, 0, 10_000),
      partTotals: { practical },
    };
  }
  return entries;
}

/** A wrong ranking must not be measured: the order must follow the floor's sorted totals. */
function check(ranking: Ranking, sortedTotals: Float64Array, size: number): void {
  if (ranking.entries.length !== size) throw new Error("rankEntries lost entries");
  if (ranking.rankedCount !== sortedTotals.length) throw new Error("rankEntries miscounted");
  for (let i = 0; i < sortedTotals.length; i++) {
    const e = ranking.entries[i]!;
    // The floor sorts ascending; rank order is descending.
    if (e.total !== sortedTotals[sortedTotals.length - 1 - i])
      throw new Error(`rankEntries out of order at ${i}`);
    if (i > 0 && e.rank! < ranking.entries[i - 1]!.rank!)
      throw new Error(`ranks go backwards at ${i}`);
  }
}

export function measureRanking(size = 500_000, runs = 5): RankFigure {
  const entries = field(size);
  const totals = entries.flatMap((e) => (e.total === null ? [] : [e.total]));
  const tieBreaks = [{ kind: "part", partId: "practical" }] as const;
  const app: number[] = [];
  const floor: number[] = [];
  let sorted = new Float64Array(0);
  // Interleaved so that a neighbour's burst on a shared machine hits both alike.
  for (let run = 0; run < runs + 1; run++) {
    let t = performance.now();
    const ranking = rankEntries(entries, tieBreaks);
    const a = performance.now() - t;
    t = performance.now();
    sorted = Float64Array.from(totals).sort();
    const f = performance.now() - t;
    check(ranking, sorted, size);
    // The first run warms the JIT for both.
    if (run > 0) {
      app.push(a);
      floor.push(f);
    }
  }
  return { entries: size, runs, app, floor };
}
