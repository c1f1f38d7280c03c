import type { ReactNode } from "react";
import type { StandingFigures } from "~/domain/ranking/board";
import { formatMark, useT, codeLabel, type MessageKey } from "~/i18n";
import { UserText } from "~/components/user-text";

export type LeaderboardRow = {
  key: string;
  rank: number;
  total: number;
  prize: string | null;
  standardised: number | null;
  entryNumber: string | null;
  name: string;
  organisation: string;
};

/** One table for every board view: ranks shared on ties, prizes marked, changed rows lit. */
export function LeaderboardTable({
  rows,
  mode,
  showStandardised,
  standardisedDecimals = 0,
  highlight,
  changed,
  caption,
}: {
  rows: LeaderboardRow[];
  mode: string;
  showStandardised: boolean;
  /** Decimals of the event's standardised scores (distinct totals never share a score). */
  standardisedDecimals?: number;
  highlight?: string | null;
  changed?: ReadonlySet<string>;
  caption?: string;
}) {
  const t = useT();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table lb-table">
        {caption ? <caption className="lb-caption">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("leaderboard.rank")}</th>
            <th scope="col">{t(mode === "team" ? "leaderboard.teamName" : "leaderboard.name")}</th>
            <th scope="col" className="lb-hide-narrow">
              {t("leaderboard.entryNumber")}
            </th>
            <th scope="col" className="lb-hide-narrow">
              {t("leaderboard.organisation")}
            </th>
            <th scope="col" className="lb-num">
              {t("leaderboard.total")}
            </th>
            {showStandardised ? (
              <th scope="col" className="lb-num">
                {t("leaderboard.standardised")}
              </th>
            ) : null}
            <th scope="col">{t("leaderboard.prize")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              className={
                [
                  highlight === row.key ? "lb-row--me" : "",
                  changed?.has(row.key) ? "lb-row--changed" : "",
                ]
                  .join(" ")
                  .trim() || undefined
              }
              aria-current={highlight === row.key ? "true" : undefined}
            >
              <td className="lb-rank">{row.rank}</td>
              <td className="lb-who">
                <UserText text={row.name} />
                {/* On a phone the organisation goes under the name, so the total and the
                    prize stay on screen instead of scrolling off to the right. */}
                <span className="lb-narrow-only lb-sub">
                  <UserText text={row.organisation} />
                </span>
              </td>
              <td className="lb-hide-narrow lb-mono">{row.entryNumber}</td>
              <td className="lb-hide-narrow">
                <UserText text={row.organisation} />
              </td>
              <td className="lb-num lb-mono">{formatMark(row.total)}</td>
              {showStandardised ? (
                <td className="lb-num lb-mono">
                  {row.standardised === null ? "—" : row.standardised.toFixed(standardisedDecimals)}
                </td>
              ) : null}
              <td>
                {row.prize ? (
                  <span className={`lb-prize lb-prize--${row.prize}`}>
                    {codeLabel(t, "leaderboard.prize", row.prize)}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The figures of a standings row, in column order; narrow screens hide entries and merit prizes.
const FIGURE_COLUMNS: {
  header: MessageKey;
  className: string;
  cell: (row: StandingFigures) => ReactNode;
  mono?: boolean;
}[] = [
  {
    header: "leaderboard.standings.bestN",
    className: "lb-num",
    cell: (row) => formatMark(row.bestNTotal),
    mono: true,
  },
  {
    header: "leaderboard.standings.entries",
    className: "lb-num lb-hide-narrow",
    cell: (row) => row.entries,
  },
  { header: "leaderboard.prize.first", className: "lb-num", cell: (row) => row.firstPrizes },
  { header: "leaderboard.prize.second", className: "lb-num", cell: (row) => row.secondPrizes },
  { header: "leaderboard.prize.third", className: "lb-num", cell: (row) => row.thirdPrizes },
  {
    header: "leaderboard.prize.merit",
    className: "lb-num lb-hide-narrow",
    cell: (row) => row.meritPrizes,
  },
];

/**
 * Standings with the prize table in the same rows: one row per organisation (an event's or a
 * contest's standings), or one per event (an organisation across a contest).
 */
export function StandingsTable<R extends StandingFigures & { rank: number }>({
  rows,
  rowKey,
  label,
  rankHeader,
}: {
  rows: readonly R[];
  rowKey: (row: R) => number;
  /** The column that names the row. */
  label: { header: string; cell: (row: R) => ReactNode };
  rankHeader?: string;
}) {
  const t = useT();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table lb-table">
        <thead>
          <tr>
            <th scope="col">{rankHeader ?? t("leaderboard.rank")}</th>
            <th scope="col">{label.header}</th>
            {FIGURE_COLUMNS.map((c) => (
              <th key={c.header} scope="col" className={c.className}>
                {t(c.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <td className="lb-rank">{row.rank}</td>
              {/* The name may wrap on a phone, so the prize columns stay on the screen. */}
              <td className="lb-who">{label.cell(row)}</td>
              {FIGURE_COLUMNS.map((c) => (
                <td key={c.header} className={c.mono ? `${c.className} lb-mono` : c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Organisation standings, each organisation linking to its results when `orgHref` is given. */
export function OrganisationStandings({
  rows,
  orgHref,
}: {
  rows: readonly (StandingFigures & {
    rank: number;
    organisationId: number;
    organisation: string;
  })[];
  orgHref?: (id: number) => string;
}) {
  const t = useT();
  return (
    <StandingsTable
      rows={rows}
      rowKey={(row) => row.organisationId}
      label={{
        header: t("leaderboard.organisation"),
        cell: (row) =>
          orgHref ? (
            <a href={orgHref(row.organisationId)}>
              <UserText text={row.organisation} />
            </a>
          ) : (
            <UserText text={row.organisation} />
          ),
      }}
    />
  );
}
