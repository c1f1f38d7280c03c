// Server-sent events: one "change" message whenever the event's results change (at most
// every 250 ms), so open boards refetch within a second, and one more a little over
// RESULTS_STALE_MS after the last change: a cached answer may lag a results change by that
// much while it is rendered anew (app/server/micro-cache.ts), so a board that refetched during
// that time gets the answer with every change. A comment line every 20 s keeps proxies from
// closing the stream. While the results are not public to this viewer, the stream stays
// silent (even the moment of a judge's submission is not told) until the change that makes
// them public: publication, or the organiser choosing live scores.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { resultsArePublic } from "~/domain/contest/results-visibility";
import { findBoardEvent } from "~/models/leaderboard.server";
import { RESULTS_STALE_MS } from "~/utils/http-names";
import { subscribeResultsChanged, subscribeResync } from "~/utils/live-events.server";
import { resolveBoard } from "~/http/leaderboard-request.server";
import { applySecurityHeaders } from "~/http/security-headers.server";

const THROTTLE_MS = 250;
const HEARTBEAT_MS = 20_000;
// Past RESULTS_STALE_MS, with room for the change to reach the other processes (the bus
// brings it within milliseconds) and for a board's refetch to land in one of them.
const SETTLED_MS = RESULTS_STALE_MS + 250;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, organiser } = await resolveBoard(request, params);
  const contestCode = params.contest ?? "";
  const eventCode = params.event ?? "";
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = 0;
      let pending: ReturnType<typeof setTimeout> | null = null;
      let settled: ReturnType<typeof setTimeout> | null = null;
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const emit = () => {
        pending = null;
        last = Date.now();
        send(`event: change\ndata: ${JSON.stringify({ eventId: event.id, at: last })}\n\n`);
      };
      /** Runs `then` if this viewer may hear of changes now. */
      const whenPublic = (then: () => void) => {
        if (organiser) return then();
        // The event's cached row went with the change: read whether it is public now.
        void findBoardEvent(contestCode, eventCode)
          .then((now) => {
            if (now && resultsArePublic(now)) then();
          })
          .catch(() => undefined);
      };
      const schedule = () => {
        if (pending) return;
        const wait = Math.max(0, THROTTLE_MS - (Date.now() - last));
        pending = setTimeout(emit, wait);
      };
      const changed = () => {
        // The last change is announced again once every process serves answers that show it.
        if (settled) clearTimeout(settled);
        settled = setTimeout(() => {
          settled = null;
          if (!pending) whenPublic(schedule);
        }, SETTLED_MS);
        if (pending) return;
        whenPublic(schedule);
      };
      const unsubscribeChanges = subscribeResultsChanged((change) => {
        if (change.eventId === event.id) changed();
      });
      // Changes may have been missed while the bus was out of touch: refetch to be sure.
      const unsubscribeResync = subscribeResync(changed);
      const unsubscribe = () => {
        unsubscribeChanges();
        unsubscribeResync();
      };
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        if (pending) clearTimeout(pending);
        if (settled) clearTimeout(settled);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      send("retry: 2000\n\n");
      request.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  const headers = new Headers({
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  applySecurityHeaders(headers);
  return new Response(stream, { headers });
}
