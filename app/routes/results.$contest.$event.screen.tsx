// 大屏: the venue display. Always the public board (a hall is public), 10 rows a screen,
// paging through the top 100, rows that just changed lit, and an animated reveal when the
// organiser lifts the freeze. Without JavaScript a meta refresh does the paging.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useLiveReload } from "~/components/use-live-reload";
import { formatDateTime, formatMark, useLocale, useT, codeLabel } from "~/i18n";
import { loadBoard } from "~/models/leaderboard.server";
import { resolveBoard } from "~/http/leaderboard-request.server";
import stylesHref from "~/styles/leaderboard.css";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

const PER_SCREEN = 10;
const SCREENS = 10;
const PAGE_MS = 8_000;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.results.screen", data?.event.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, frozen, publicView } = await resolveBoard(request, params);
  const board = await loadBoard(event, publicView, {
    after: null,
    q: "",
    entry: "",
    limit: PER_SCREEN * SCREENS,
  });
  const pages = Math.max(1, Math.ceil(board.rows.length / PER_SCREEN));
  const p = Number(new URL(request.url).searchParams.get("p"));
  const page = Number.isInteger(p) && p >= 0 && p < pages ? p : 0;
  return {
    event,
    frozen,
    hidden: publicView.hidden,
    rows: board.rows,
    ranked: board.ranked,
    pages,
    page,
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

export default function BigScreen() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [page, setPage] = useState(d.page);
  const [scripted, setScripted] = useState(false);
  const [latest, setLatest] = useState<Row[]>([]);
  const [lit, setLit] = useState<Set<string>>(new Set());
  const [revealing, setRevealing] = useState(false);
  const previous = useRef<{ frozen: boolean; totals: Map<string, number> } | null>(null);
  const base = publicPaths.eventResults(d.event.contest.code, d.event.code);

  useLiveReload(`${base}/live`);
  useEffect(() => setScripted(true), []);

  useEffect(() => {
    const timer = setInterval(() => setPage((p) => (p + 1) % d.pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [d.pages]);

  useEffect(() => {
    const before = previous.current;
    previous.current = {
      frozen: d.frozen,
      totals: new Map(d.rows.map((r) => [r.key, r.total])),
    };
    if (!before) return;
    const moved = d.rows.filter((r) => before.totals.get(r.key) !== r.total);
    if (moved.length > 0) {
      setLatest((l) =>
        [...moved, ...l.filter((x) => !moved.some((m) => m.key === x.key))].slice(0, 5),
      );
    }
    if (before.frozen && !d.frozen) {
      setPage(0);
      setRevealing(true);
      const timer = setTimeout(() => setRevealing(false), 6_000);
      return () => clearTimeout(timer);
    }
    if (moved.length === 0) return;
    setLit(new Set(moved.map((r) => r.key)));
    const timer = setTimeout(() => setLit(new Set()), 6_000);
    return () => clearTimeout(timer);
  }, [d.rows, d.frozen]);

  const shown = d.rows.slice(page * PER_SCREEN, page * PER_SCREEN + PER_SCREEN);
  return (
    <div
      className={`screen${revealing ? " screen--reveal" : ""}`}
      data-scripted={scripted ? "1" : undefined}
    >
      <noscript>
        {/* Auto-paging without JavaScript; with it, the timer above pages in place. */}
        <meta httpEquiv="refresh" content={`${PAGE_MS / 1000};url=?p=${(d.page + 1) % d.pages}`} />
      </noscript>
      <header className="screen__head">
        <div>
          <p className="screen__contest">{d.event.contest.name}</p>
          <h1 className="screen__title">{d.event.name}</h1>
        </div>
        <div className="screen__status">
          {d.frozen && d.event.freezeAt ? (
            <p className="screen__frozen">
              {t("leaderboard.frozen", { at: formatDateTime(locale, d.event.freezeAt) })}
            </p>
          ) : null}
          {revealing ? (
            <p className="screen__frozen" role="status">
              {t("leaderboard.screen.reveal")}
            </p>
          ) : null}
          <p>
            {t("leaderboard.ranked", { count: d.ranked })} ·{" "}
            {t("leaderboard.screen.page", { page: page + 1, pages: d.pages })}
          </p>
        </div>
      </header>
      <main className="screen__body">
        {shown.length === 0 ? (
          <p className="screen__empty">
            {t(d.hidden ? "leaderboard.hidden" : "leaderboard.noResults")}
          </p>
        ) : (
          <table className="screen__table">
            <thead>
              <tr>
                <th scope="col">{t("leaderboard.rank")}</th>
                <th scope="col">
                  {t(d.event.mode === "team" ? "leaderboard.teamName" : "leaderboard.name")}
                </th>
                <th scope="col">{t("leaderboard.organisation")}</th>
                <th scope="col" className="screen__num">
                  {t("leaderboard.total")}
                </th>
                <th scope="col">{t("leaderboard.prize")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <tr
                  key={row.key}
                  className={lit.has(row.key) ? "screen__row--lit" : undefined}
                  style={
                    revealing ? { animationDelay: `${(shown.length - 1 - i) * 450}ms` } : undefined
                  }
                >
                  <td className={`screen__rank screen__rank--${row.rank <= 3 ? row.rank : "n"}`}>
                    {row.rank}
                  </td>
                  <td>{row.name}</td>
                  <td className="screen__org">{row.organisation}</td>
                  <td className="screen__num">{formatMark(row.total)}</td>
                  <td>{row.prize ? codeLabel(t, "leaderboard.prize", row.prize) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <aside className="screen__latest" aria-labelledby="latest-title">
          <h2 id="latest-title">{t("leaderboard.screen.latest")}</h2>
          {latest.length === 0 ? (
            <p className="screen__latest-empty">{t("leaderboard.screen.latestEmpty")}</p>
          ) : null}
          <ol>
            {latest.map((row) => (
              <li key={row.key}>
                <span>{row.name}</span>
                <strong>{formatMark(row.total)}</strong>
                <span className="screen__latest-rank">#{row.rank}</span>
              </li>
            ))}
          </ol>
        </aside>
      </main>
    </div>
  );
}
