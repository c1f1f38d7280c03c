// A small but complete event used by the results and receipt tests.
//
// theory 30% (T1: one exam score out of 100.00)
// practical 70%, out of 100.00:
//   P1 judgement, 40.00, event default rule = trimmed mean, five judges
//   P2 judgement, 30.00, WorldSkills 0–3, three judges
//   P3 measurement, 30.00, one reading
import type { EventDefinition } from "./parts";
import type { PrizeRules } from "./prizes";
import type { TieBreakKey } from "./rank";
import type { EntryMarks, EventResultsInput } from "./results";

export const event: EventDefinition = {
  fullMark: 10000,
  defaultAggregation: "trimmed_mean",
  parts: [
    {
      id: "theory",
      code: "T",
      weightBp: 3000,
      fullMark: 10000,
      scheme: { criteria: [{ id: "t1", code: "T1", maxMark: 10000, type: "measurement" }] },
    },
    {
      id: "practical",
      code: "P",
      weightBp: 7000,
      fullMark: 10000,
      scheme: {
        criteria: [
          { id: "p1", code: "P1", maxMark: 4000, type: "judgement", subCriterion: "A" },
          {
            id: "p2",
            code: "P2",
            maxMark: 3000,
            type: "judgement",
            subCriterion: "A",
            aggregation: "worldskills",
          },
          { id: "p3", code: "P3", maxMark: 3000, type: "measurement", subCriterion: "B" },
        ],
      },
    },
  ],
};

export const tieBreaks: readonly TieBreakKey[] = [{ kind: "part", partId: "practical" }];

export const prizes: PrizeRules = {
  tiers: [
    { tier: "first", quota: { kind: "count", count: 1 } },
    { tier: "second", quota: { kind: "count", count: 1 } },
    { tier: "third", quota: { kind: "share", shareBp: 5000 }, minTotal: 6000 },
  ],
};

export const entries: readonly EntryMarks[] = [
  // P1: drop 39.00 (judge 5) and 35.00 (judge 3): (36+38+37)/3 = 37.00
  // P2: 30.00 × (3+2+3)/9 = 26.667 → 26.67 ; P3 27.50 → practical 91.17
  // theory 85.00 × 30% = 25.50 ; practical 91.17 × 70% = 63.819 → 63.82 ; total 89.32
  {
    entryId: "E1",
    marks: { t1: [8500], p1: [3600, 3800, 3500, 3700, 3900], p2: [3, 2, 3], p3: [2750] },
  },
  // practical 37.00 + 30.00 + 27.00 = 94.00 × 70% = 65.80 ; theory 78.40 × 30% = 23.52 ; total 89.32
  // — same total as E1, higher practical → ranks above E1
  {
    entryId: "E2",
    marks: { t1: [7840], p1: [3700, 3700, 3700, 3700, 3700], p2: [3, 3, 3], p3: [2700] },
  },
  // judge 2 has not marked P1 → incomplete, unranked
  {
    entryId: "E3",
    marks: { t1: [9000], p1: [3700, null, 3700, 3700, 3700], p2: [3, 3, 3], p3: [2900] },
  },
  { entryId: "E4", marks: {}, withdrawn: "absent" },
  // practical 30.00 + 30.00 × 4/9 (13.333 → 13.33) + 20.00 = 63.33 × 70% = 44.331 → 44.33
  // theory 60.00 × 30% = 18.00 ; total 62.33
  {
    entryId: "E5",
    marks: { t1: [6000], p1: [3000, 3000, 3000, 3000, 3000], p2: [1, 1, 2], p3: [2000] },
  },
  // P3 35.00 is above its 30.00 maximum → invalid, unranked
  {
    entryId: "E6",
    marks: { t1: [9000], p1: [3700, 3700, 3700, 3700, 3700], p2: [3, 3, 3], p3: [3500] },
  },
  // P2 points 3 and 1 are two apart → flagged; 30.00 × 6/9 = 20.00
  // practical 20.00 + 20.00 + 10.00 = 50.00 × 70% = 35.00 ; theory 15.00 ; total 50.00
  {
    entryId: "E7",
    marks: { t1: [5000], p1: [2000, 2000, 2000, 2000, 2000], p2: [3, 1, 2], p3: [1000] },
  },
];

export const input: EventResultsInput = { event, entries, tieBreaks, prizes };
