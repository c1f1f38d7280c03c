import { describe, expect, it } from "vitest";
import { computeEventResults } from "~/domain/scoring";
import { unpackRankKey } from "~/domain/ranking/rank-key";
import {
  entryMarks,
  eventDefinition,
  parsePrizeRules,
  parseTieBreaks,
  rankKeyFor,
  type EventRow,
} from "./definition";

const crit = (
  id: number,
  code: string,
  type: string,
  maxMark: number,
  aggregation: string | null = null,
) => ({
  id,
  code,
  name: code,
  subCriterion: "",
  type,
  maxMark,
  aggregation,
  descriptors: "[]",
  sortOrder: id,
});

const row: EventRow = {
  fullMark: 10000,
  aggregation: "trimmed_mean",
  tieBreaks: JSON.stringify([{ kind: "part", part: "practical" }]),
  prizeRules: JSON.stringify([
    { tier: "first", share: 10 },
    { tier: "second", count: 2, minTotal: 6000 },
  ]),
  parts: [
    {
      id: 1,
      kind: "theory",
      name: "理论",
      weight: 30,
      fullMark: 10000,
      sortOrder: 0,
      criteria: [crit(11, "T1", "measurement", 10000)],
    },
    {
      id: 2,
      kind: "practical",
      name: "实操",
      weight: 70,
      fullMark: 10000,
      sortOrder: 1,
      criteria: [
        crit(21, "P1", "judgement", 6000, "worldskills"),
        crit(22, "P2", "judgement", 4000),
      ],
    },
  ],
};

describe("stored event settings", () => {
  it("maps rows to the scoring module's definition", () => {
    const def = eventDefinition(row);
    expect(def.parts.map((p) => [p.id, p.weightBp, p.fullMark])).toEqual([
      ["1", 3000, 10000],
      ["2", 7000, 10000],
    ]);
    expect(def.parts[1]!.scheme.criteria[0]).toMatchObject({
      id: "21",
      type: "judgement",
      aggregation: "worldskills",
    });
    expect(def.parts[1]!.scheme.criteria[1]!.aggregation).toBeUndefined();
  });

  it("reads the seed's tie-break and prize formats", () => {
    expect(parseTieBreaks(row.tieBreaks, row.parts)).toEqual([
      { kind: "part", partId: "2", prefer: "higher" },
    ]);
    expect(parseTieBreaks("not json", row.parts)).toEqual([]);
    expect(parsePrizeRules(row.prizeRules).tiers).toEqual([
      { tier: "first", quota: { kind: "share", shareBp: 1000 }, minTotal: undefined },
      { tier: "second", quota: { kind: "count", count: 2 }, minTotal: 6000 },
    ]);
  });

  it("lays marks out per panel judge and computes a total with a worked example", () => {
    const def = eventDefinition(row);
    // Panel: judges 7, 8, 9. Theory 80.00; P1 points 3,2,2 → 6000×7/9 = 4666.67; P2 trimmed
    // mean of 30.00, 35.00, 20.00 → 30.00. Practical 76.67 → 76.67×0.7 = 53.67; theory 24.00.
    const marks = [
      { criterionId: 11, judgeId: 7, value: 8000 },
      { criterionId: 21, judgeId: 7, value: 3 },
      { criterionId: 21, judgeId: 8, value: 2 },
      { criterionId: 21, judgeId: 9, value: 2 },
      { criterionId: 22, judgeId: 7, value: 3000 },
      { criterionId: 22, judgeId: 8, value: 3500 },
      { criterionId: 22, judgeId: 9, value: 2000 },
    ];
    const entry = entryMarks("e1", def, [7, 8, 9], marks);
    expect(entry.marks["21"]).toEqual([3, 2, 2]);
    expect(entry.marks["11"]).toEqual([8000]);
    const results = computeEventResults({ event: def, entries: [entry] });
    if (!results.ok) throw new Error("invalid");
    const e = results.value.entries[0]!;
    expect(e.total).toBe(2400 + 5367);
    expect(entryMarks("e2", def, [7, 8, 9], marks.slice(0, 2)).marks["21"]).toEqual([
      3,
      null,
      null,
    ]);
  });

  it("packs the rank key with the tie-break value, mirrored when lower is better", () => {
    const key = rankKeyFor(7767, [{ kind: "part", partId: "2" }], {
      parts: { "2": 7667 },
      criteria: {},
    });
    expect(unpackRankKey(key!)).toEqual({ total: 7767, tieBreaks: [7667, 0] });
    const lower = rankKeyFor(100, [{ kind: "criterion", criterionId: "9", prefer: "lower" }], {
      parts: {},
      criteria: { "9": 5 },
    });
    expect(unpackRankKey(lower!).tieBreaks[0]).toBe((1 << 20) - 1 - 5);
    expect(rankKeyFor(null, [], { parts: {}, criteria: {} })).toBeNull();
  });
});
