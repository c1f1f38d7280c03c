import { describe, expect, it } from "vitest";
import { compareText, rankWithTies } from "./ranking";

describe("rankWithTies", () => {
  it("gives shared ranks and skips after a tie (1, 2, 2, 4)", () => {
    const items = [
      { id: "d", score: 70 },
      { id: "a", score: 90 },
      { id: "c", score: 80 },
      { id: "b", score: 80 },
    ];
    const ranked = rankWithTies(
      items,
      (x, y) => y.score - x.score,
      (x, y) => compareText(x.id, y.id),
    );
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });
  it("handles all-equal and empty lists", () => {
    expect(rankWithTies([1, 1, 1], () => 0).map((r) => r.rank)).toEqual([1, 1, 1]);
    expect(rankWithTies([], () => 0)).toEqual([]);
  });
});
