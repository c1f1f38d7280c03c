import { describe, expect, it } from "vitest";
import type { EventDefinition } from "~/domain/scoring";
import { panelCoverage, panelShortfalls } from "./panel";
import { panelFor, type OrgRef } from "./recusal";

const event: EventDefinition = {
  fullMark: 10000,
  defaultAggregation: "trimmed_mean",
  parts: [
    {
      id: "1",
      code: "theory",
      weightBp: 3000,
      fullMark: 10000,
      scheme: { criteria: [{ id: "t1", code: "T1", maxMark: 10000, type: "measurement" }] },
    },
    {
      id: "2",
      code: "practical",
      weightBp: 7000,
      fullMark: 10000,
      scheme: {
        criteria: [
          { id: "p1", code: "P1", maxMark: 6000, type: "judgement", aggregation: "worldskills" },
          { id: "p2", code: "P2", maxMark: 4000, type: "judgement" },
          { id: "p3", code: "P3", maxMark: 0, type: "judgement", aggregation: "mean" },
        ],
      },
    },
  ],
};

describe("what a panel can mark", () => {
  it("a trimmed mean needs at least three judges, WorldSkills exactly three, a measurement one", () => {
    expect(panelShortfalls(event, 3)).toEqual([]);
    expect(panelShortfalls(event, 2)).toEqual([
      { criterion: "P1", judges: 2, need: 3, exact: true },
      { criterion: "P2", judges: 2, need: 3, exact: false },
    ]);
    expect(panelShortfalls(event, 4)).toEqual([
      { criterion: "P1", judges: 4, need: 3, exact: true },
    ]);
    expect(panelShortfalls(event, 0).map((s) => s.criterion)).toEqual(["T1", "P1", "P2", "P3"]);
  });
});

describe("reserve judges", () => {
  const judges = [
    { userId: 1, organisationId: 1, isChief: true },
    { userId: 2, organisationId: 30, isChief: false },
    { userId: 3, organisationId: 5, isChief: false },
    { userId: 4, organisationId: 6, isChief: false, reserve: true },
    { userId: 5, organisationId: 30, isChief: false, reserve: true },
    { userId: 6, organisationId: 7, isChief: false, reserve: true },
  ];

  it("step in, in order and after the regulars, only where recusal leaves fewer than three", () => {
    expect(panelFor(judges, { id: 99, parentId: null }).map((j) => j.userId)).toEqual([1, 2, 3]);
    expect(panelFor(judges, { id: 30, parentId: 9 }).map((j) => j.userId)).toEqual([1, 3, 4]);
  });

  it("close the gaps the organiser is shown per organisation", () => {
    const groups: { organisation: OrgRef; entries: number }[] = [
      { organisation: { id: 30, parentId: 9 }, entries: 2 },
      { organisation: { id: 99, parentId: null }, entries: 5 },
    ];
    const regulars = judges.filter((j) => !j.reserve);
    expect(panelCoverage(event, regulars, groups)).toEqual([
      {
        organisation: { id: 30, parentId: 9 },
        entries: 2,
        judges: 2,
        shortfalls: [
          { criterion: "P1", judges: 2, need: 3, exact: true },
          { criterion: "P2", judges: 2, need: 3, exact: false },
        ],
      },
    ]);
    expect(panelCoverage(event, judges, groups)).toEqual([]);
  });
});
