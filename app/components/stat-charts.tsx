// Inline SVG charts for the year in numbers: no chart library, readable without JavaScript,
// scaled by the viewBox. Each chart is an image with a text alternative (its title and a
// summary sentence); the same figures are in the table beside it for screen readers and print.
import { useId } from "react";

export type Bar = { label: string; value: number; href?: string };

/** Horizontal bars, longest first as given; each bar's label may link to its list. */
export function BarChart({
  title,
  summary,
  bars,
  unit = "",
}: {
  title: string;
  summary: string;
  bars: Bar[];
  unit?: string;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 30;
  const W = 640;
  const labelW = 200;
  const H = Math.max(1, bars.length) * row + 8;
  return (
    <figure className="stat-chart">
      {/* An image may hold no links (axe: nested-interactive): with drill-down links the
          chart is a labelled group, its links reachable by keyboard and screen readers. */}
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role={bars.some((b) => b.href) ? "group" : "img"}
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {bars.map((bar, i) => {
          const w = ((W - labelW - 90) * bar.value) / max;
          const label = bar.label.length > 14 ? `${bar.label.slice(0, 13)}…` : bar.label;
          const text = (
            <text x={labelW - 8} y={row / 2 + 5} textAnchor="end" className="stat-chart__label">
              {label}
            </text>
          );
          return (
            <g key={`${bar.label}-${i}`} transform={`translate(0 ${i * row + 4})`}>
              {bar.href ? <a href={bar.href}>{text}</a> : text}
              <rect
                x={labelW}
                y={4}
                width={Math.max(bar.value > 0 ? 2 : 0, w)}
                height={row - 10}
                className="stat-chart__bar"
              />
              <text x={labelW + w + 6} y={row / 2 + 5} className="stat-chart__value">
                {bar.value.toLocaleString()}
                {unit}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}

/** Columns over years (honours year by year). */
export function ColumnChart({
  title,
  summary,
  columns,
}: {
  title: string;
  summary: string;
  columns: { label: string; value: number; current?: boolean }[];
}) {
  const id = useId();
  const max = Math.max(1, ...columns.map((c) => c.value));
  const W = 640;
  const H = 220;
  const pad = { l: 16, r: 16, t: 24, b: 32 };
  const cw = (W - pad.l - pad.r) / Math.max(1, columns.length);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  return (
    <figure className="stat-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <line
          x1={pad.l}
          x2={W - pad.r}
          y1={H - pad.b}
          y2={H - pad.b}
          className="stat-chart__axis"
        />
        {columns.map((c, i) => (
          <g key={c.label}>
            <rect
              x={pad.l + i * cw + cw * 0.2}
              y={y(c.value)}
              width={cw * 0.6}
              height={H - pad.b - y(c.value)}
              className={c.current ? "stat-chart__bar" : "stat-chart__bar stat-chart__bar--muted"}
            />
            <text
              x={pad.l + i * cw + cw / 2}
              y={y(c.value) - 6}
              textAnchor="middle"
              className="stat-chart__value"
            >
              {c.value.toLocaleString()}
            </text>
            <text
              x={pad.l + i * cw + cw / 2}
              y={H - 10}
              textAnchor="middle"
              className="stat-chart__label"
            >
              {c.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}

/**
 * A share as a bar out of 100 %, with the rule's threshold marked: the ratio checks and the
 * quiz participation rates. `share` and `threshold` are in hundredths of a percent.
 */
export function ShareBar({
  label,
  share,
  threshold,
  status,
}: {
  label: string;
  share: number;
  threshold?: number;
  status?: "pass" | "warn";
}) {
  const W = 300;
  const H = 22;
  const x = (v: number) => (W * Math.min(10000, Math.max(0, v))) / 10000;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="stat-share"
      role="img"
      aria-label={label}
      width={W}
      height={H}
    >
      <rect x={0} y={4} width={W} height={H - 8} className="stat-share__track" />
      <rect
        x={0}
        y={4}
        width={x(share)}
        height={H - 8}
        className={
          status === "warn" ? "stat-share__fill stat-share__fill--warn" : "stat-share__fill"
        }
      />
      {threshold !== undefined ? (
        <line x1={x(threshold)} x2={x(threshold)} y1={0} y2={H} className="stat-share__mark" />
      ) : null}
    </svg>
  );
}
