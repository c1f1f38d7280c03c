// Inline SVG charts: no chart library, readable without JavaScript, scale with the viewBox.
import { formatMark, useT } from "~/i18n";

type Bin = { from: number; to: number; count: number };

export function DistributionChart({ bins }: { bins: Bin[] }) {
  const t = useT();
  const total = bins.reduce((s, b) => s + b.count, 0);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const W = 600;
  const H = 220;
  const pad = { l: 64, r: 8, t: 14, b: 32 };
  const bw = (W - pad.l - pad.r) / Math.max(1, bins.length);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  return (
    <figure className="lb-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t("leaderboard.distribution.caption", { count: total })}
      >
        <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} className="lb-axis" />
        {[...new Set([0, Math.round(max / 2), max])].map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} className="lb-grid" />
            <text x={pad.l - 6} y={y(v) + 6} textAnchor="end" className="lb-tick">
              {v}
            </text>
          </g>
        ))}
        {bins.map((b, i) => (
          <g key={b.from}>
            <rect
              x={pad.l + i * bw + 1}
              y={y(b.count)}
              width={Math.max(1, bw - 2)}
              height={H - pad.b - y(b.count)}
              className="lb-bar"
            >
              <title>
                {t("leaderboard.distribution.bin", { from: b.from, to: b.to, count: b.count })}
              </title>
            </rect>
            {i % Math.ceil(bins.length / 7) === 0 ? (
              <text x={pad.l + i * bw + bw / 2} y={H - 8} textAnchor="middle" className="lb-tick">
                {b.from}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="muted small">
        {t("leaderboard.distribution.caption", { count: total })}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars: one organisation's team total in each event, its rank beside. */
export function OrgEventsChart({
  items,
}: {
  items: { label: string; value: number; rank: number }[];
}) {
  const t = useT();
  const max = Math.max(1, ...items.map((i) => i.value));
  const row = 34;
  const W = 600;
  const labelW = 170;
  const H = items.length * row + 8;
  return (
    <figure className="lb-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("leaderboard.org.chart")}>
        {items.map((item, i) => {
          const w = ((W - labelW - 120) * item.value) / max;
          return (
            <g key={item.label} transform={`translate(0 ${i * row + 4})`}>
              <text
                x={labelW - 8}
                y={row / 2 + 4}
                textAnchor="end"
                className="lb-tick lb-tick--label"
              >
                {item.label}
              </text>
              <rect x={labelW} y={4} width={Math.max(2, w)} height={row - 10} className="lb-bar" />
              <text x={labelW + w + 6} y={row / 2 + 4} className="lb-tick">
                {formatMark(item.value)} · #{item.rank}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">{t("leaderboard.org.chart")}</figcaption>
    </figure>
  );
}
