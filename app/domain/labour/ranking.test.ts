import { describe, expect, it } from "vitest";
import type { UnitPeriodScore } from "./period";
import {
  cumulativeRanking,
  rankPeriod,
  redFlagWinner,
  trendSeries,
  type PeriodResult,
} from "./ranking";

function unit(
  unitId: string,
  score: number,
  extra: Partial<UnitPeriodScore> = {},
): UnitPeriodScore {
  return {
    unitId,
    indicatorScores: {},
    scoreBeforeVeto: score,
    score,
    vetoed: false,
    vetoReasons: [],
    ...extra,
  };
}
const vetoed = (unitId: string, before: number) =>
  unit(unitId, 0, {
    scoreBeforeVeto: before,
    vetoed: true,
    vetoReasons: ["serious_safety_accident"],
  });

describe("rankPeriod", () => {
  it("shares ranks on equal scores (1, 2, 2, 4)", () => {
    const ranking = rankPeriod([
      unit("D", 7000),
      unit("C", 8000),
      unit("A", 9000),
      unit("B", 8000),
    ]);
    expect(ranking.map((e) => [e.unitId, e.rank])).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 2],
      ["D", 4],
    ]);
  });
  it("puts vetoed units last, below a unit that also scored 0", () => {
    const ranking = rankPeriod([
      vetoed("V", 9900),
      unit("Z", 0),
      unit("A", 5000),
      vetoed("W", 100),
    ]);
    expect(ranking.map((e) => [e.unitId, e.rank])).toEqual([
      ["A", 1],
      ["Z", 2],
      ["V", 3],
      ["W", 3],
    ]);
  });
});

describe("cumulativeRanking", () => {
  const p1: PeriodResult = {
    periodId: "2026-01",
    ranking: rankPeriod([unit("A", 9000), unit("B", 8000), unit("C", 7000)]),
  };
  const p2: PeriodResult = {
    periodId: "2026-02",
    ranking: rankPeriod([unit("A", 6000), unit("B", 7000), vetoed("C", 9500)]),
  };
  const p3: PeriodResult = {
    periodId: "2026-03",
    ranking: rankPeriod([unit("A", 8000), unit("B", 8000)]),
  };

  it("ranks by the sum, counting missing and vetoed periods as 0", () => {
    const result = cumulativeRanking([p1, p2, p3]);
    expect(result).toEqual([
      { unitId: "A", total: 23000, average: 7667, periodsScored: 3, vetoCount: 0, rank: 1 },
      { unitId: "B", total: 23000, average: 7667, periodsScored: 3, vetoCount: 0, rank: 1 },
      { unitId: "C", total: 7000, average: 2333, periodsScored: 2, vetoCount: 1, rank: 3 },
    ]);
  });
  it("is empty without periods", () => {
    expect(cumulativeRanking([])).toEqual([]);
  });
});

describe("redFlagWinner", () => {
  it("goes to the sole top unit", () => {
    expect(redFlagWinner(rankPeriod([unit("A", 9000), unit("B", 8000)]))).toEqual({
      kind: "winner",
      unitId: "A",
      decidedBy: "score",
    });
  });
  it("never goes to a vetoed unit", () => {
    expect(redFlagWinner(rankPeriod([vetoed("A", 9900), unit("B", 8000)]))).toEqual({
      kind: "winner",
      unitId: "B",
      decidedBy: "score",
    });
    expect(redFlagWinner(rankPeriod([vetoed("A", 9900)]))).toEqual({ kind: "none" });
    expect(redFlagWinner([])).toEqual({ kind: "none" });
  });
  it("breaks a tie on safety, then quality", () => {
    const safer = rankPeriod([
      unit("A", 9000, { indicatorScores: { safety: 9000, quality: 9900 } }),
      unit("B", 9000, { indicatorScores: { safety: 9500, quality: 8000 } }),
    ]);
    expect(redFlagWinner(safer)).toEqual({ kind: "winner", unitId: "B", decidedBy: "safety" });
    const better = rankPeriod([
      unit("A", 9000, { indicatorScores: { safety: 9500, quality: 9900 } }),
      unit("B", 9000, { indicatorScores: { safety: 9500, quality: 8000 } }),
      unit("C", 8000, { indicatorScores: { safety: 10000, quality: 10000 } }),
    ]);
    expect(redFlagWinner(better)).toEqual({ kind: "winner", unitId: "A", decidedBy: "quality" });
  });
  it("returns a tie for the committee when units are level on everything", () => {
    const level = rankPeriod([
      unit("B", 9000, { indicatorScores: { safety: 9500, quality: 9000 } }),
      unit("A", 9000, { indicatorScores: { safety: 9500, quality: 9000 } }),
      unit("C", 9000, { indicatorScores: { safety: 9000, quality: 9000 } }),
    ]);
    expect(redFlagWinner(level)).toEqual({ kind: "tie", unitIds: ["A", "B"] });
  });
});

describe("trendSeries", () => {
  it("gives one point per period per unit, with gaps as null", () => {
    const p1: PeriodResult = {
      periodId: "Q1",
      ranking: rankPeriod([unit("A", 9000), unit("B", 8000)]),
    };
    const p2: PeriodResult = {
      periodId: "Q2",
      ranking: rankPeriod([unit("A", 7000), vetoed("B", 9000), unit("C", 8000)]),
    };
    expect(trendSeries([p1, p2])).toEqual([
      {
        unitId: "A",
        points: [
          { periodId: "Q1", score: 9000, rank: 1, vetoed: false },
          { periodId: "Q2", score: 7000, rank: 2, vetoed: false },
        ],
      },
      {
        unitId: "B",
        points: [
          { periodId: "Q1", score: 8000, rank: 2, vetoed: false },
          { periodId: "Q2", score: 0, rank: 3, vetoed: true },
        ],
      },
      {
        unitId: "C",
        points: [
          { periodId: "Q1", score: null, rank: null, vetoed: false },
          { periodId: "Q2", score: 8000, rank: 1, vetoed: false },
        ],
      },
    ]);
    expect(trendSeries([p1], ["B"]).map((s) => s.unitId)).toEqual(["B"]);
  });
});
