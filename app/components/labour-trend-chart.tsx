import { layoutTrendChart, type TrendSeries } from "~/domain/labour";
import { formatMark, useT } from "~/i18n";

// Distinct hues that stay apart for the colour-blind; units beyond eight repeat with dashes.
const COLOURS = [
  "#c8102e",
  "#1f5fa8",
  "#2e8b57",
  "#d98c00",
  "#6a3d9a",
  "#00838f",
  "#8d6e63",
  "#555",
];

const BOX = { width: 640, height: 300, padding: { left: 44, right: 56, top: 16, bottom: 40 } };

/** Each unit's period scores as a line chart, drawn as inline SVG; a table follows for screen readers. */
export function LabourTrendChart({
  series,
  periodNames,
  unitNames,
}: {
  series: readonly TrendSeries[];
  periodNames: readonly string[];
  unitNames: Readonly<Record<string, string>>;
}) {
  const t = useT();
  if (periodNames.length === 0) return <p className="muted">{t("labour.board.noPeriods")}</p>;
  const layout = layoutTrendChart(series, BOX);
  return (
    <figure className="labour-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby="trend-caption">
        {layout.gridY.map((g) => (
          <g key={g.value}>
            <line
              x1={BOX.padding.left}
              x2={BOX.width - BOX.padding.right}
              y1={g.y}
              y2={g.y}
              className="labour-chart__grid"
            />
            <text
              x={BOX.padding.left - 6}
              y={g.y + 4}
              textAnchor="end"
              className="labour-chart__label"
            >
              {g.value}
            </text>
          </g>
        ))}
        {layout.periodX.map((x, i) => (
          <text
            key={x}
            x={x}
            y={BOX.height - 12}
            textAnchor="middle"
            className="labour-chart__label"
          >
            {periodNames[i]}
          </text>
        ))}
        {layout.lines.map((line, i) => {
          const colour = COLOURS[i % COLOURS.length];
          const dash = i >= COLOURS.length ? "6 4" : undefined;
          return (
            <g key={line.unitId} data-unit={line.unitId}>
              {line.segments.map((seg, j) => (
                <polyline
                  key={j}
                  points={seg.map((p) => `${p.x},${p.y}`).join(" ")}
                  fill="none"
                  stroke={colour}
                  strokeWidth={2.5}
                  strokeDasharray={dash}
                />
              ))}
              {line.points.map((p) => (
                <circle
                  key={p.x}
                  cx={p.x}
                  cy={p.y}
                  r={p.vetoed ? 5 : 3.5}
                  fill={p.vetoed ? "#fff" : colour}
                  stroke={colour}
                  strokeWidth={2}
                >
                  <title>
                    {unitNames[line.unitId]} {formatMark(p.score)}
                    {p.vetoed ? ` ${t("labour.veto.badge")}` : ""}
                  </title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption id="trend-caption">
        <span className="visually-hidden">{t("labour.board.trendCaption")}</span>
        <ul className="labour-legend">
          {layout.lines.map((line, i) => (
            <li key={line.unitId}>
              <span
                className="labour-legend__swatch"
                style={{ background: COLOURS[i % COLOURS.length] }}
                aria-hidden="true"
              />
              {unitNames[line.unitId] ?? line.unitId}
            </li>
          ))}
        </ul>
        <p className="muted small">{t("labour.board.vetoMarker")}</p>
      </figcaption>
    </figure>
  );
}

/** The rotating red flag as a small inline icon (phones without an emoji font show 🚩 as a box). */
export function FlagIcon() {
  return (
    <svg
      className="labour-flag__icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M3 1v14" stroke="#7a1b1b" strokeWidth="1.6" />
      <path d="M3.8 2h9.5l-2.4 3.2 2.4 3.3H3.8z" fill="#c8102e" />
    </svg>
  );
}
