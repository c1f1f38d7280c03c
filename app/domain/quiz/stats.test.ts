import { describe, expect, it } from "vitest";
import { organisationStats } from "./stats";

describe("organisationStats", () => {
  it("computes participation and the average of best scores", () => {
    const stats = organisationStats(
      [
        { organisationId: "A", headcount: 8 },
        { organisationId: "B", headcount: 3 },
        { organisationId: "C", headcount: 0 },
      ],
      [
        { participantId: "a1", organisationId: "A", score: 9000 },
        { participantId: "a1", organisationId: "A", score: 9500 },
        { participantId: "a2", organisationId: "A", score: 8000 },
        { participantId: "a3", organisationId: "A", score: 7000 },
        { participantId: "b1", organisationId: "B", score: 6000 },
        { participantId: "x1", organisationId: "X", score: 5000 },
      ],
    );
    expect(stats).toEqual([
      // 3 of 8 = 37.50 %; (9500 + 8000 + 7000) / 3 = 8166.67 → 8167
      {
        organisationId: "A",
        headcount: 8,
        participants: 3,
        participationRate: 3750,
        averageScore: 8167,
      },
      // 1 of 3 = 33.333…% → 3333
      {
        organisationId: "B",
        headcount: 3,
        participants: 1,
        participationRate: 3333,
        averageScore: 6000,
      },
      {
        organisationId: "C",
        headcount: 0,
        participants: 0,
        participationRate: null,
        averageScore: null,
      },
      {
        organisationId: "X",
        headcount: 0,
        participants: 1,
        participationRate: null,
        averageScore: 5000,
      },
    ]);
  });
  it("does not cap participation over 100 %", () => {
    const [s] = organisationStats(
      [{ organisationId: "A", headcount: 1 }],
      [
        { participantId: "1", organisationId: "A", score: 1 },
        { participantId: "2", organisationId: "A", score: 1 },
      ],
    );
    expect(s?.participationRate).toBe(20000);
  });
});
