// Shared by the leaderboard routes: which event, and which board (frozen or live) this viewer gets.
import { decodeCursor } from "~/domain/ranking/board";
import { resultsArePublic } from "~/domain/contest/results-visibility";
import { findBoardEvent, isFrozen } from "~/models/leaderboard.server";
import { getUser, managesEvent, notFound } from "~/http/session.server";
import { RESULTS_EVENT_HEADER } from "~/utils/http-names";
import { SESSION_COOKIE } from "~/http/session-storage.server";

export async function resolveBoard(request: Request, params: { contest?: string; event?: string }) {
  const contestCode = params.contest ?? "";
  const eventCode = params.event ?? "";
  if (contestCode.length > 64 || eventCode.length > 64) throw notFound();
  const event = await findBoardEvent(contestCode, eventCode);
  if (!event) throw notFound();
  const frozen = isFrozen(event);
  // Before publication (unless the organiser chose live scores) nobody but the organiser
  // sees a result, a rank, a count or a change of this event.
  const unpublished = !resultsArePublic(event);
  // Only a frozen or unpublished board differs by viewer, so anonymous live reads never
  // touch the session store.
  const anonymous = !request.headers.get("Cookie")?.includes(SESSION_COOKIE);
  const user = frozen || unpublished || !anonymous ? await getUser(request) : null;
  // Organisers of this event's contest keep the live board (and see it before publication)
  // while the public sees it frozen or hidden.
  const organiser = await managesEvent(user, event.id);
  const view = { frozen: frozen && !organiser, hidden: unpublished && !organiser };
  // The venue screen is public whoever opens it: the view without the organiser's privileges.
  const publicView = { frozen, hidden: unpublished };
  return { event, frozen, organiser, anonymous, hidden: view.hidden, view, publicView };
}

/**
 * Cache-Control of a public board answer: shared for a second when it is the same for
 * everyone who could receive it (the app server's micro-cache and any proxy may keep it),
 * private when it depends on who is signed in (their navigation, the organiser's live view).
 */
function boardCacheControl(board: {
  anonymous: boolean;
  frozen: boolean;
  organiser: boolean;
}): string {
  return board.anonymous && !board.organiser ? "public, max-age=1" : "private, no-store";
}

/**
 * Headers of a board answer: its Cache-Control and, when shared, the event it shows, so the
 * app server's micro-cache renders it anew when that event's results change (and keeps it
 * when another event's do). The server strips the event header before sending.
 */
export function boardCacheHeaders(board: {
  anonymous: boolean;
  frozen: boolean;
  organiser: boolean;
  event: { id: number };
}): Record<string, string> {
  const cacheControl = boardCacheControl(board);
  return cacheControl.startsWith("public")
    ? { "Cache-Control": cacheControl, [RESULTS_EVENT_HEADER]: String(board.event.id) }
    : { "Cache-Control": cacheControl };
}

export function boardQuery(request: Request) {
  const url = new URL(request.url);
  return {
    after: decodeCursor(url.searchParams.get("after")),
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 40),
    entry: (url.searchParams.get("entry") ?? "").trim().slice(0, 40),
  };
}
