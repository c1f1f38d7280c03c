// A one-second shared cache in front of the app, as a reverse proxy's micro-cache would be:
// the answers the app marks `Cache-Control: public, max-age=N` (the public leaderboards),
// for visitors without a session, kept at most one second and dropped the moment any
// results change. Through Remix a leaderboard request costs 1–10 ms of CPU (route
// matching, rendering); a hit costs a map lookup and a socket write, which is what lets
// one process serve thousands of phones refreshing the same board. No I/O here.
import { SESSION_COOKIE } from "../utils/http-names";

export const MAX_TTL_MS = 1_000;
const MAX_ENTRIES = 2_000;
export const MAX_BODY_BYTES = 1_048_576;

export type CachedResponse = {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  storedAt: number;
  ttlMs: number;
};

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

/** Only anonymous GETs of the public results pages are ever looked up or stored. */
export function cacheKey(
  method: string | undefined,
  url: string | undefined,
  headers: Headers,
): string | null {
  if (method !== "GET" || !url || !url.startsWith("/results/")) return null;
  const cookie = header(headers, "cookie");
  if (cookie.includes(SESSION_COOKIE) || headers.authorization !== undefined) return null;
  // What the answer can vary on: the language (cookie or Accept-Language) and the encoding.
  const gzip = /\bgzip\b/.test(header(headers, "accept-encoding")) ? "gz" : "id";
  return `${url}\u0000${cookie}\u0000${header(headers, "accept-language")}\u0000${gzip}`;
}

/** How long a response may be shared: its public max-age, at most a second; 0 when not shareable. */
export function sharedTtlMs(status: number, headers: Headers): number {
  if (status !== 200 || headers["set-cookie"] !== undefined) return 0;
  const cacheControl = header(headers, "cache-control").toLowerCase();
  if (!/\bpublic\b/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl))
    return 0;
  const maxAge = /\bmax-age=(\d+)/.exec(cacheControl);
  if (!maxAge) return 0;
  return Math.min(Number(maxAge[1]) * 1_000, MAX_TTL_MS);
}

/** The response header with which the app names the event an answer shows (stripped before sending). */
export { RESULTS_EVENT_HEADER } from "../utils/http-names";

/** Where a computation started, in the sequence of results changes. */
export type Started = { seq: number };

export class MicroCache {
  private readonly entries = new Map<string, CachedResponse & { eventId: number | null }>();
  /** Counts results changes; each event remembers its latest. */
  private seq = 0;
  private readonly lastChange = new Map<number, number>();

  get size(): number {
    return this.entries.size;
  }

  start(): Started {
    return { seq: this.seq };
  }

  lookup(key: string, now: number): CachedResponse | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (now - hit.storedAt >= hit.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return hit;
  }

  /**
   * Stores a finished response unless the results it shows changed while it was computed:
   * its event's, when the app named one, otherwise any event's.
   */
  store(
    key: string,
    response: Omit<CachedResponse, "storedAt">,
    eventId: number | null,
    startedAt: Started,
    now: number,
  ): boolean {
    const changedSince = eventId === null ? this.seq : (this.lastChange.get(eventId) ?? 0);
    if (
      changedSince > startedAt.seq ||
      response.ttlMs <= 0 ||
      response.body.length > MAX_BODY_BYTES
    )
      return false;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { ...response, storedAt: now, eventId });
    return true;
  }

  /** An event's results changed: its answers go, and so do answers not tied to one event (contest pages). */
  invalidate(eventId: number): void {
    this.seq += 1;
    this.lastChange.set(eventId, this.seq);
    for (const [key, entry] of this.entries)
      if (entry.eventId === null || entry.eventId === eventId) this.entries.delete(key);
  }
}
