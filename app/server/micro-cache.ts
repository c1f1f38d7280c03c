// A one-second shared cache in front of the app, as a reverse proxy's micro-cache would be:
// the answers the app marks `Cache-Control: public, max-age=N` (the public leaderboards),
// kept at most one second as page templates (page-template.ts) and dropped the moment the
// results they show change. Anonymous visitors share them, and so do signed-in visitors of
// one role, each getting the page with their own shell filled in (app/utils/shared-pages.ts).
// Through Remix a leaderboard request costs 1–10 ms of CPU (route matching, rendering); a
// hit costs a lookup, filling in a name and a nonce, and a socket write. No I/O here.
import { SESSION_COOKIE } from "../utils/http-names";
import type { PageTemplate } from "./page-template";

export const MAX_TTL_MS = 1_000;
const MAX_ENTRIES = 2_000;
export const MAX_BODY_BYTES = 1_048_576;
/** How long a path whose answer could not be shared goes straight to the app. */
export const NOT_SHARED_MS = 5_000;

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

const SESSION_PAIR = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=[^;]*`, "g");

/** The Cookie header without the session cookie: what an answer may vary on besides the viewer. */
export function cookiesBesidesSession(cookie: string): string {
  return cookie.replace(SESSION_PAIR, "").replace(/^;\s*/, "");
}

export function hasSessionCookie(headers: Headers): boolean {
  return header(headers, "cookie").includes(`${SESSION_COOKIE}=`);
}

/**
 * The part of the key every visitor shares, or null when the request is never shared: only
 * GETs of the public results pages, without credentials other than the session cookie.
 * The answer may vary on the language (cookie or Accept-Language); the viewer's class is
 * added by the caller.
 */
export function sharedKeyBase(
  method: string | undefined,
  url: string | undefined,
  headers: Headers,
): string | null {
  if (method !== "GET" || !url || !url.startsWith("/results/")) return null;
  if (headers.authorization !== undefined) return null;
  const cookie = cookiesBesidesSession(header(headers, "cookie"));
  return `${url}\u0000${cookie}\u0000${header(headers, "accept-language")}`;
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

type Entry = { template: PageTemplate; storedAt: number; ttlMs: number; eventId: number | null };

export class MicroCache {
  private readonly entries = new Map<string, Entry>();
  /** Paths whose answers were not shareable lately, and until when. */
  private readonly notShared = new Map<string, number>();
  /** Counts results changes; each event remembers its latest. */
  private seq = 0;
  private readonly lastChange = new Map<number, number>();
  /** Every event counts as changed at this number (the last clear). */
  private floor = 0;

  get size(): number {
    return this.entries.size;
  }

  start(): Started {
    return { seq: this.seq };
  }

  lookup(key: string, now: number): PageTemplate | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (now - hit.storedAt >= hit.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return hit.template;
  }

  /**
   * Stores a finished answer unless the results it shows changed while it was computed:
   * its event's, when the app named one, otherwise any event's.
   */
  store(
    key: string,
    template: PageTemplate,
    ttlMs: number,
    eventId: number | null,
    startedAt: Started,
    now: number,
  ): boolean {
    const changedSince =
      eventId === null ? this.seq : Math.max(this.floor, this.lastChange.get(eventId) ?? 0);
    if (changedSince > startedAt.seq || ttlMs <= 0) return false;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { template, storedAt: now, ttlMs, eventId });
    return true;
  }

  /** An event's results changed: its answers go, and so do answers not tied to one event (contest pages). */
  invalidate(eventId: number): void {
    this.seq += 1;
    if (this.lastChange.size >= MAX_ENTRIES) {
      this.lastChange.clear();
      this.floor = this.seq;
    }
    this.lastChange.set(eventId, this.seq);
    for (const [key, entry] of this.entries)
      if (entry.eventId === null || entry.eventId === eventId) this.entries.delete(key);
  }

  /** Anything may have changed (the bus lost touch with the other processes for a while). */
  clear(): void {
    this.seq += 1;
    this.floor = this.seq;
    this.lastChange.clear();
    this.entries.clear();
  }

  /** Remembers that a path's answer was not shareable, so its next requests skip the attempt. */
  markNotShared(path: string, now: number): void {
    if (this.notShared.size >= MAX_ENTRIES) this.notShared.clear();
    this.notShared.set(path, now + NOT_SHARED_MS);
  }

  isNotShared(path: string, now: number): boolean {
    const until = this.notShared.get(path);
    if (until === undefined) return false;
    if (until > now) return true;
    this.notShared.delete(path);
    return false;
  }
}
