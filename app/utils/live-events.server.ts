// In-process notifications that an event's results changed, so open leaderboards (SSE) can
// refresh within a second of a judge saving a mark. One process serves the app (SQLite is
// embedded); a multi-process deployment would put a broker behind the same two functions.
import { EventEmitter } from "node:events";

type Change = { eventId: number; at: number };

declare global {
  var __jiangxinLive: EventEmitter | undefined;
}

function bus(): EventEmitter {
  if (!globalThis.__jiangxinLive) {
    globalThis.__jiangxinLive = new EventEmitter();
    // Every open leaderboard subscribes; thousands are expected.
    globalThis.__jiangxinLive.setMaxListeners(0);
  }
  return globalThis.__jiangxinLive;
}

export function publishResultsChanged(eventId: number): void {
  bus().emit("results", { eventId, at: Date.now() } satisfies Change);
}

export function subscribeResultsChanged(listener: (change: Change) => void): () => void {
  bus().on("results", listener);
  return () => bus().off("results", listener);
}
