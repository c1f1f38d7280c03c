import { FULL_MARKS } from "./hundredths";
import type { TrendSeries } from "./ranking";

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for axis labels: left, right, top, bottom. */
  readonly padding: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
}

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly score: number;
  readonly vetoed: boolean;
}

export interface ChartLine {
  readonly unitId: string;
  /** Runs of consecutive scored periods; a period without a score breaks the line. */
  readonly segments: readonly (readonly ChartPoint[])[];
  readonly points: readonly ChartPoint[];
}

export interface TrendChartLayout {
  readonly lines: readonly ChartLine[];
  /** x of each period, in order. */
  readonly periodX: readonly number[];
  /** Horizontal grid lines at 0, 25, 50, 75, 100. */
  readonly gridY: readonly { readonly value: number; readonly y: number }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Places period scores (0–100.00, in hundredths) on an SVG canvas. The scale is fixed at
 * 0–100 rather than fitted to the data, so a chart never exaggerates a one-point lead.
 */
export function layoutTrendChart(series: readonly TrendSeries[], box: ChartBox): TrendChartLayout {
  const periods = series[0]?.points.length ?? 0;
  const plotW = box.width - box.padding.left - box.padding.right;
  const plotH = box.height - box.padding.top - box.padding.bottom;
  const xAt = (i: number) =>
    round1(box.padding.left + (periods <= 1 ? plotW / 2 : (plotW * i) / (periods - 1)));
  const yAt = (score: number) =>
    round1(box.padding.top + plotH * (1 - Math.min(Math.max(score, 0), FULL_MARKS) / FULL_MARKS));
  const lines = series.map((s): ChartLine => {
    const segments: ChartPoint[][] = [];
    let current: ChartPoint[] = [];
    const points: ChartPoint[] = [];
    s.points.forEach((p, i) => {
      if (p.score === null) {
        if (current.length > 0) segments.push(current);
        current = [];
        return;
      }
      const point = { x: xAt(i), y: yAt(p.score), score: p.score, vetoed: p.vetoed };
      current.push(point);
      points.push(point);
    });
    if (current.length > 0) segments.push(current);
    return { unitId: s.unitId, segments, points };
  });
  return {
    lines,
    periodX: Array.from({ length: periods }, (_, i) => xAt(i)),
    gridY: [0, 25, 50, 75, 100].map((value) => ({ value, y: yAt(value * 100) })),
  };
}
