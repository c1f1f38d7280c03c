// The public leaderboard as JSON (the big screen and any client poll it). Served from a
// one-second cache of the serialised answer, dropped as soon as the event's results change.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { encodeCursor } from "~/domain/ranking/board";
import { loadBoard } from "~/models/leaderboard.server";
import { cachedJson } from "~/http/leaderboard-cache.server";
import { boardCacheHeaders, boardQuery, resolveBoard } from "~/http/leaderboard-request.server";
import { applySecurityHeaders } from "~/http/security-headers.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const board = await resolveBoard(request, params);
  const { event, frozen, view } = board;
  // Key by what the viewer may see: hidden and live answers never share a cache entry.
  const query = boardQuery(request);
  const url = new URL(request.url);
  const limit = Math.min(200, Math.max(1, Number(url.searchParams.get("limit")) || 50));
  const key = `${event.id}|${view.hidden ? "h" : view.frozen ? "f" : "l"}|${url.search}`;
  const body = await cachedJson(key, event.id, async () => {
    const board = await loadBoard(event, view, { ...query, limit });
    return {
      event: {
        code: event.code,
        name: event.name,
        mode: event.mode,
        contest: event.contest.name,
        freezeAt: event.freezeAt,
      },
      frozen,
      publicView: view.frozen,
      hidden: view.hidden,
      ranked: board.ranked,
      rows: board.rows,
      next: board.next ? encodeCursor(board.next) : null,
      search: board.search,
      mine: board.mine,
    };
  });
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    // The JSON carries no navigation, so a signed-in worker's copy is the public one too.
    ...boardCacheHeaders({ ...board, anonymous: true }),
  });
  applySecurityHeaders(headers);
  return new Response(body, { headers });
}
