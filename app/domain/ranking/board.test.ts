import { describe, expect, it } from "vitest";
import {
  assignPageRanks,
  cursorAfter,
  decodeCursor,
  distributionBins,
  encodeCursor,
  rankStandings,
  ranksOfSorted,
} from "./board";
import { packRankKey } from "./rank-key";

describe("board cursor", () => {
  it("round-trips a large rank key and a count of ties shown", () => {
    const cursor = { rankKey: packRankKey(10000, [9999, 12]), skip: 1_499_999 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
  it("counts the ties of the last key shown, across pages inside one tie", () => {
    expect(cursorAfter([9n, 8n, 8n], null, 3)).toEqual({ rankKey: 8n, skip: 2 });
    expect(cursorAfter([9n, 8n], null, 3)).toBeNull();
    // A page that is all one tie continues the count it started from.
    expect(cursorAfter([8n, 8n, 8n], { rankKey: 8n, skip: 2 }, 3)).toEqual({
      rankKey: 8n,
      skip: 5,
    });
    expect(cursorAfter([8n, 7n, 7n], { rankKey: 8n, skip: 2 }, 3)).toEqual({
      rankKey: 7n,
      skip: 2,
    });
  });
  it("rejects junk", () => {
    expect(decodeCursor("x")).toBeNull();
    expect(decodeCursor("1.2.3")).toBeNull();
    expect(decodeCursor("")).toBeNull();
    expect(decodeCursor("zzzzzzzzzzzzzz.1")).toBeNull();
  });
});

describe("page ranks", () => {
  it("matches ranking the whole field when the page starts inside a tie", () => {
    const field = [90n, 80n, 80n, 80n, 70n, 70n, 60n];
    const whole = ranksOfSorted(field);
    expect(whole).toEqual([1, 2, 2, 2, 5, 5, 7]);
    for (let start = 0; start < field.length; start++) {
      const page = field.slice(start, start + 3);
      const above = field.filter((k) => k > page[0]!).length;
      const tied = field.filter((k) => k === page[0]!).length;
      expect(assignPageRanks(page, above, tied)).toEqual(whole.slice(start, start + 3));
    }
  });
  it("returns nothing for an empty page", () => {
    expect(assignPageRanks([], 0, 0)).toEqual([]);
  });
});

describe("distribution bins", () => {
  it("folds whole-mark buckets into equal bins and keeps the full mark in the last", () => {
    const bins = distributionBins(
      [
        { bucket: 0, count: 1 },
        { bucket: 4, count: 2 },
        { bucket: 5, count: 3 },
        { bucket: 100, count: 4 },
        { bucket: 50, count: 0 },
      ],
      10000,
      20,
    );
    expect(bins[0]).toEqual({ from: 0, to: 4, count: 3 });
    expect(bins[1]).toEqual({ from: 5, to: 9, count: 3 });
    expect(bins.at(-1)).toEqual({ from: 100, to: 100, count: 4 });
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(10);
  });
});

describe("standings ranks", () => {
  it("shares ranks on equal totals and offsets by orgs above", () => {
    const ranked = rankStandings(
      [{ bestNTotal: 300 }, { bestNTotal: 300 }, { bestNTotal: 200 }],
      10,
    );
    expect(ranked.map((r) => r.rank)).toEqual([11, 11, 13]);
  });
});

describe("ranks above an entry", () => {
  it("matches ranking the whole field", async () => {
    const { ranksAbove } = await import("./board");
    const field = [90n, 80n, 80n, 80n, 70n, 70n, 60n];
    const whole = ranksOfSorted(field);
    const count = (k: bigint) => field.filter((x) => x === k).length;
    for (let me = 0; me < field.length; me++) {
      const above = field.slice(Math.max(0, me - 3), me).reverse();
      const got = ranksAbove(
        { rank: whole[me]!, rankKey: field[me]! },
        above.map((k) => ({ rankKey: k, keyCount: count(k) })),
      );
      expect(got).toEqual(whole.slice(Math.max(0, me - 3), me).reverse());
    }
  });
});
