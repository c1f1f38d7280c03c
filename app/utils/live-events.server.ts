// The change bus: notifications that data shown to the public changed, so open leaderboards
// (SSE) refresh within a second of a judge saving a mark and every cache acts on what the
// change made stale: the tagged caches of app/utils/cache.server.ts drop it, the HTTP
// micro-cache of app/server/app-server.ts marks a board stale and serves it at most
// RESULTS_STALE_MS longer while it renders anew. It is the one channel of invalidation.
//
// Within a process an EventEmitter carries the changes. Between processes a transport does
// (setChangeTransport; app/db/change-transport.server.ts chooses it by engine and
// deployment): with SQLite the server's primary process relays them to its workers (IPC),
// with PostgreSQL every process LISTENs and publishing NOTIFYs, so processes on several
// machines stay consistent. A change is delivered in the publishing process at once and
// in the others as soon as the transport brings it. Publish after the write commits, never
// inside the transaction: a reader that recomputed between the notification and the commit
// would keep the old answer.
//
// An event's results changes are coalesced where they are published: the first goes out at
// once, the ones that follow within RESULTS_COALESCE_MS are held, and when that time is up one
// message carries them all; then the next window begins. While judges mark, an event's
// results change many times a second, and every message makes every process drop the event's
// board data, re-render its board pages and tell its open boards to refetch: each now does
// so at most four times a second per event and publishing process, the rate the live stream
// announces changes at anyway. A held change reaches the caches at most RESULTS_COALESCE_MS
// late; its message says how long it was held, so the micro-cache counts its staleness bound
// from the change itself (app/server/app-server.ts). Other changes go out at once.
import { EventEmitter } from "node:events";

/** The least time between two messages about one event's results from one process. */
export const RESULTS_COALESCE_MS = 250;

/** What changed. Every change names its event or quiz; `at` is when it was published. */
export type Change =
  /**
   * An event's results: a mark saved or corrected, a sheet locked, results published, an
   * appeal decided. `heldMs`: how long the earliest change it carries waited to be sent
   * (coalescing, see above); absent when it went out at once.
   */
  | { kind: "results"; eventId: number; at: number; heldMs?: number }
  /** An event's board settings (freeze time, visibility, best N): its public boards change with them. */
  | { kind: "board-settings"; eventId: number; at: number }
  /** A quiz's scores all changed at once (re-scored after the answer key changed). */
  | { kind: "quiz-scores"; quizId: number; at: number }
  /**
   * What an event's scoring definition holds changed: its marking scheme (parts, weights,
   * criteria), its scoring settings or status, its contest, its judges. Boards do not show
   * these; the judge's sheet reads them through a cache (app/models/marks.server.ts).
   */
  | { kind: "scoring"; eventId: number; at: number };

type ChangeInput =
  | { kind: "results" | "board-settings" | "scoring"; eventId: number }
  | { kind: "quiz-scores"; quizId: number };

/**
 * Sessions ended or their users changed (sign-out, a replaced or timed-out session, an
 * account change, a merged identity): every process drops what it cached of them.
 */
export type SessionsChange = { sessions: { ids?: string[]; users?: number[] }; at: number };

/** What travels on the bus. */
export type BusMessage = Change | SessionsChange;

/** Carries changes to the other processes of the deployment. */
export type ChangeTransport = {
  /** How changes travel: "ipc" (the server's primary relays), "postgresql" (LISTEN/NOTIFY). */
  readonly name: string;
  /** Sends a change published in this process to the others. */
  publish(change: BusMessage): void;
  /** Whether changes from the others arrive now. */
  connected(): boolean;
  close(): Promise<void>;
};

/** An event whose results changed within the last RESULTS_COALESCE_MS: what it holds back. */
type Window = {
  timer: ReturnType<typeof setTimeout>;
  openedAt: number;
  /** When the earliest change held back was published; null while none is. */
  heldSince: number | null;
};

type Bus = {
  emitter: EventEmitter;
  transport: ChangeTransport | null;
  /** Open coalescing windows by event id. */
  windows?: Map<number, Window>;
};

declare global {
  var __jiangxinLive: Bus | undefined;
}

// Kept on globalThis: the production server (app/server) loads this module itself and again
// inside the Remix build, and both copies must share one bus.
function bus(): Bus {
  if (!globalThis.__jiangxinLive) {
    const emitter = new EventEmitter();
    // Every open leaderboard subscribes; thousands are expected.
    emitter.setMaxListeners(0);
    globalThis.__jiangxinLive = { emitter, transport: null };
  }
  return globalThis.__jiangxinLive;
}

function windows(): Map<number, Window> {
  // A bus made by an earlier copy of this module (a dev rebuild) may lack the map.
  return (bus().windows ??= new Map());
}

function deliver(change: Change): void {
  bus().emitter.emit("change", change);
  bus().transport?.publish(change);
}

export function publishChange(input: ChangeInput): void {
  const now = Date.now();
  if (input.kind === "results") {
    const open = windows().get(input.eventId);
    if (open && now - open.openedAt < RESULTS_COALESCE_MS) {
      open.heldSince ??= now;
      return;
    }
    // A window past its time whose timer has not run (a busy event loop) ends with this change.
    if (open) {
      clearTimeout(open.timer);
      windows().delete(input.eventId);
    }
    const heldMs = open?.heldSince != null ? now - open.heldSince : undefined;
    deliver({
      kind: "results",
      eventId: input.eventId,
      at: now,
      ...(heldMs === undefined ? {} : { heldMs }),
    });
    openWindow(input.eventId, now);
    return;
  }
  deliver({ ...input, at: now } as Change);
  // A board-settings change makes every consumer act as a results change would and more
  // (changeTags, the micro-cache's drop, the live stream): it carries what was held back.
  if (input.kind === "board-settings") {
    const open = windows().get(input.eventId);
    if (open) open.heldSince = null;
  }
}

function openWindow(eventId: number, now: number): void {
  const window: Window = {
    openedAt: now,
    heldSince: null,
    timer: setTimeout(() => closeWindow(eventId, window), RESULTS_COALESCE_MS),
  };
  windows().set(eventId, window);
}

/** The window's time is up: one message for what it held, which opens the next window. */
function closeWindow(eventId: number, window: Window): void {
  if (windows().get(eventId) !== window) return;
  windows().delete(eventId);
  if (window.heldSince === null) return;
  const now = Date.now();
  deliver({ kind: "results", eventId, at: now, heldMs: now - window.heldSince });
  openWindow(eventId, now);
}

/**
 * Sends every held-back change now (a script about to exit, a test that needs its change
 * delivered before it reads). Windows stay closed until the next change.
 */
export function flushChanges(): void {
  for (const [eventId, window] of [...windows()]) {
    clearTimeout(window.timer);
    windows().delete(eventId);
    if (window.heldSince !== null) {
      const now = Date.now();
      deliver({ kind: "results", eventId, at: now, heldMs: now - window.heldSince });
    }
  }
}

/** A change published by another process, brought by the transport: delivered here only. */
export function receiveChange(change: BusMessage): void {
  if ("sessions" in change) bus().emitter.emit("sessions", change);
  else bus().emitter.emit("change", change);
}

export function subscribeChanges(listener: (change: Change) => void): () => void {
  bus().emitter.on("change", listener);
  return () => bus().emitter.off("change", listener);
}

/** An event's results changed: announced at once, or within RESULTS_COALESCE_MS (see above). */
export function publishResultsChanged(eventId: number): void {
  publishChange({ kind: "results", eventId });
}

/**
 * An event's scoring definition changed: publish after the write that changed it commits, once
 * per event (a contest's change, for each of its events).
 */
export function publishScoringChanged(eventId: number): void {
  publishChange({ kind: "scoring", eventId });
}

/** Changes that alter what an event's boards show: its results and its board settings. */
export function subscribeResultsChanged(
  listener: (change: { eventId: number; at: number }) => void,
): () => void {
  return subscribeChanges((change) => {
    if (change.kind === "results" || change.kind === "board-settings") listener(change);
  });
}

/** Publish after the write that ended the sessions or changed the users commits. */
export function publishSessionsChanged(sessions: SessionsChange["sessions"]): void {
  const change: SessionsChange = { sessions, at: Date.now() };
  bus().emitter.emit("sessions", change);
  bus().transport?.publish(change);
}

export function subscribeSessionsChanged(listener: (change: SessionsChange) => void): () => void {
  bus().emitter.on("sessions", listener);
  return () => bus().emitter.off("sessions", listener);
}

/**
 * The transport was out of touch with the other processes (it reconnected, or has just
 * started): changes may have been missed, so anything cached may be stale.
 */
export function receiveResync(): void {
  bus().emitter.emit("resync");
}

export function subscribeResync(listener: () => void): () => void {
  bus().emitter.on("resync", listener);
  return () => bus().emitter.off("resync", listener);
}

/** Installs the transport to the other processes, closing any earlier one. */
export async function setChangeTransport(transport: ChangeTransport | null): Promise<void> {
  const previous = bus().transport;
  bus().transport = transport;
  if (previous && previous !== transport) await previous.close();
}

/** What /healthz reports about the bus. */
export function changeTransportState(): { transport: string; connected: boolean } {
  const transport = bus().transport;
  return transport
    ? { transport: transport.name, connected: transport.connected() }
    : { transport: "in-process", connected: true };
}
