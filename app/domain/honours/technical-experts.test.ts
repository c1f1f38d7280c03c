import { describe, expect, it } from "vitest";
import { selectTopFinishers } from "./technical-experts";

const r = (
  registrationId: number,
  rank: number | null,
  complete = true,
  workerIds = [registrationId],
) => ({
  registrationId,
  organisationId: 1,
  rank,
  complete,
  workerIds,
});

describe("technical-expert proposals", () => {
  it("take complete results ranked in the top three, ties included, in rank order", () => {
    const picked = selectTopFinishers([
      r(5, 4),
      r(1, 2),
      r(2, 1),
      r(3, 3),
      r(4, 3),
      r(6, null),
      r(7, 1, false),
    ]);
    expect(picked.map((p) => p.registrationId)).toEqual([2, 1, 3, 4]);
  });
  it("skip entries with nobody behind them and honour another cut-off", () => {
    expect(selectTopFinishers([r(1, 1, true, []), r(2, 2)], 1)).toEqual([]);
  });
});
