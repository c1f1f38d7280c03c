import { describe, expect, it } from "vitest";
import { layoutTrendChart } from "./trend-chart";

const box = { width: 220, height: 120, padding: { left: 10, right: 10, top: 10, bottom: 10 } };

describe("layoutTrendChart", () => {
  it("spreads periods across the width and maps 0–100 to the plot height", () => {
    const layout = layoutTrendChart(
      [
        {
          unitId: "a",
          points: [
            { periodId: "p1", score: 10_000, rank: 1, vetoed: false },
            { periodId: "p2", score: 5_000, rank: 2, vetoed: false },
            { periodId: "p3", score: 0, rank: 3, vetoed: true },
          ],
        },
      ],
      box,
    );
    expect(layout.periodX).toEqual([10, 110, 210]);
    expect(layout.lines[0]?.points.map((p) => [p.x, p.y, p.vetoed])).toEqual([
      [10, 10, false],
      [110, 60, false],
      [210, 110, true],
    ]);
    expect(layout.gridY.map((g) => g.y)).toEqual([110, 85, 60, 35, 10]);
  });

  it("breaks the line where a unit has no score instead of drawing a drop to zero", () => {
    const layout = layoutTrendChart(
      [
        {
          unitId: "b",
          points: [
            { periodId: "p1", score: 8_000, rank: 1, vetoed: false },
            { periodId: "p2", score: null, rank: null, vetoed: false },
            { periodId: "p3", score: 9_000, rank: 1, vetoed: false },
          ],
        },
      ],
      box,
    );
    expect(layout.lines[0]?.segments).toHaveLength(2);
    expect(layout.lines[0]?.points).toHaveLength(2);
  });

  it("centres a single period", () => {
    const layout = layoutTrendChart(
      [{ unitId: "c", points: [{ periodId: "p1", score: 7_500, rank: 1, vetoed: false }] }],
      box,
    );
    expect(layout.periodX).toEqual([110]);
    expect(layout.lines[0]?.points[0]?.y).toBe(35);
  });
});
