// A one-second shared cache in front of the app, as a reverse proxy's micro-cache would be:
// the answers the app marks `Cache-Control: public, max-age=N` (the public leaderboards),
// kept at most one second as page templates (page-template.ts). Anonymous visitors share
// them, and so do signed-in visitors of one role, each getting the page with their own shell
// filled in (app/utils/shared-pages.ts). Through Remix a leaderboard request costs 1–10 ms of
// CPU (route matching, rendering); a hit costs a lookup, filling in a name and a nonce, and a
// socket write. No I/O here.
//
// When the results an answer shows change, the answer turns stale: it is rendered anew at the
// next request, and until that render is done (at most RESULTS_STALE_MS after the change)
// everyone is served the stale one (stale-while-revalidate), as nginx's
// `proxy_cache_use_stale updating` would. While judges mark, an event's results change many
// times a second; dropping the answer at each change made every reader wait for each
// re-render. The live stream announces a change once more after the last one
// (app/routes/results.$contest.$event.live.tsx), so an open board that fetched a stale answer
// catches up. A change of an event's board settings (visibility, freeze time) drops its
// answers at once: they may show what is no longer public.
import { RESULTS_STALE_MS, SESSION_COOKIE } from "../utils/http-names";
import type { PageTemplate } from "./page-template";

export { RESULTS_STALE_MS };

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

// A quiz's board (/quiz/1/leaderboard, its .data, any query): public like the results pages.
const QUIZ_BOARD = /^\/quiz\/\d{1,9}\/leaderboard(?:\.data)?(?:\?|$)/;

/**
 * Whether signed-in visitors of a role share an answer at this address with each other (under
 * their own shell). A quiz board shows a signed-in worker their own place, so only anonymous
 * visitors share it; the results pages are the same for every role but the organiser's.
 */
export function membersShare(url: string): boolean {
  return url.startsWith("/results/");
}

/**
 * The part of the key every visitor shares, or null when the request is never shared: only
 * GETs of the public results pages and quiz boards, without credentials other than the
 * session cookie. The answer may vary on the language (cookie or Accept-Language); the
 * viewer's class is added by the caller.
 */
export function sharedKeyBase(
  method: string | undefined,
  url: string | undefined,
  headers: Headers,
): string | null {
  if (method !== "GET" || !url || !(url.startsWith("/results/") || QUIZ_BOARD.test(url)))
    return null;
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

/** Where a computation started: its place in the sequence of changes, and when. */
export type Started = { seq: number; at: number };

type Entry = {
  template: PageTemplate;
  storedAt: number;
  ttlMs: number;
  eventId: number | null;
  /** When the results it shows changed (or, for one computed across a change, it started). */
  staleSince: number | null;
  /** When the render that made it started. */
  renderedAt: number;
};

/**
 * The least time between the starts of two renders of one answer while its results keep
 * changing. Every process publishes an event's results changes at most every
 * RESULTS_COALESCE_MS (app/utils/live-events.server.ts), but each process hears those of every
 * other: with N processes marking, an answer turned stale up to 4·N times a second in each of
 * them, and each time it was rendered anew (the board's queries and its page). So a stale
 * answer rendered less than this long ago waits for the rest of it: one render per answer and
 * process at most four times a second, however many processes publish. A change reaches the
 * answer at most RESULTS_COALESCE_MS + RENDER_INTERVAL_MS and a render after it was made, well
 * within RESULTS_STALE_MS; past that bound the answer is not served at all.
 */
export const RENDER_INTERVAL_MS = 250;

/** A cached answer; a stale one may be served only while it is rendered anew. */
export type Found = { template: PageTemplate; stale: boolean };

export class MicroCache {
  private readonly entries = new Map<string, Entry>();
  /** Stale answers whose next render waits for its turn (renderSoon). */
  private readonly waiting = new Set<string>();
  /** Paths whose answers were not shareable lately, and until when. */
  private readonly notShared = new Map<string, number>();
  /** Counts changes; each event remembers its latest, and its latest that dropped answers. */
  private seq = 0;
  private readonly lastChange = new Map<number, number>();
  private readonly lastDrop = new Map<number, number>();
  /** The latest change that dropped answers, of any event (for answers tied to no event). */
  private lastAnyDrop = 0;
  /** Every event counts as changed and dropped at this number (the last clear). */
  private floor = 0;

  get size(): number {
    return this.entries.size;
  }

  start(now: number): Started {
    return { seq: this.seq, at: now };
  }

  lookup(key: string, now: number): Found | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    const expired =
      now - hit.storedAt >= hit.ttlMs ||
      (hit.staleSince !== null && now - hit.staleSince >= RESULTS_STALE_MS);
    if (expired) {
      this.entries.delete(key);
      return null;
    }
    return { template: hit.template, stale: hit.staleSince !== null };
  }

  /**
   * How long the stale answer at `key` waits before it is rendered anew (0: now), so that one
   * answer is rendered at most once every RENDER_INTERVAL_MS; null when there is nothing stale
   * to render (gone, or fresh again).
   */
  renderWait(key: string, now: number): number | null {
    const hit = this.entries.get(key);
    if (!hit || hit.staleSince === null) return null;
    return Math.max(0, hit.renderedAt + RENDER_INTERVAL_MS - now);
  }

  /**
   * Has the stale answer at `key` rendered anew by `render`, now or when its turn comes (see
   * renderWait), once however many visitors find it stale meanwhile. `rendering()` says whether
   * a render of it is under way already (the server's one per key, which a visitor who found it
   * past its staleness bound may have started); then, and when the answer is no longer stale
   * by the time its turn comes, nothing is started.
   */
  renderSoon(key: string, now: number, rendering: () => boolean, render: () => void): void {
    if (rendering() || this.waiting.has(key)) return;
    const wait = this.renderWait(key, now);
    if (wait === null) return;
    if (wait === 0) return render();
    this.waiting.add(key);
    setTimeout(() => {
      this.waiting.delete(key);
      if (!rendering() && this.renderWait(key, Date.now()) !== null) render();
    }, wait).unref();
  }

  /**
   * Stores a finished answer unless something it shows was dropped while it was computed (its
   * event's board settings, when the app named an event, otherwise any event's). One computed
   * while its results changed (its event's, or any event's) is stored stale, counted from
   * when it started, before the change it missed: better than the one it replaces, and
   * rendered anew at the next request.
   */
  store(
    key: string,
    template: PageTemplate,
    ttlMs: number,
    eventId: number | null,
    startedAt: Started,
    now: number,
  ): boolean {
    const droppedSince =
      eventId === null
        ? Math.max(this.floor, this.lastAnyDrop)
        : Math.max(this.floor, this.lastDrop.get(eventId) ?? 0);
    if (droppedSince > startedAt.seq || ttlMs <= 0) return false;
    const changedSince =
      eventId === null ? this.seq : Math.max(this.floor, this.lastChange.get(eventId) ?? 0);
    const staleSince = changedSince > startedAt.seq ? startedAt.at : null;
    if (staleSince !== null && now - staleSince >= RESULTS_STALE_MS) return false;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, {
      template,
      storedAt: now,
      ttlMs,
      eventId,
      staleSince,
      renderedAt: startedAt.at,
    });
    return true;
  }

  /**
   * An event's results changed: its answers turn stale, and so do answers not tied to one
   * event (contest pages). `now` is when the change reached this process.
   */
  invalidate(eventId: number, now: number): void {
    this.count(eventId);
    for (const entry of this.entries.values())
      if (entry.eventId === null || entry.eventId === eventId) entry.staleSince ??= now;
  }

  /**
   * An event's board settings changed (visibility, freeze time, best N): its answers, and
   * answers not tied to one event, go at once; they may show what is no longer public.
   */
  drop(eventId: number): void {
    const seq = this.count(eventId);
    this.lastDrop.set(eventId, seq);
    this.lastAnyDrop = seq;
    for (const [key, entry] of this.entries)
      if (entry.eventId === null || entry.eventId === eventId) this.entries.delete(key);
  }

  private count(eventId: number): number {
    this.seq += 1;
    if (this.lastChange.size >= MAX_ENTRIES || this.lastDrop.size >= MAX_ENTRIES) {
      this.lastChange.clear();
      this.lastDrop.clear();
      this.floor = this.seq;
    }
    this.lastChange.set(eventId, this.seq);
    return this.seq;
  }

  /** Anything may have changed (the bus lost touch with the other processes for a while). */
  clear(): void {
    this.seq += 1;
    this.floor = this.seq;
    this.lastChange.clear();
    this.lastDrop.clear();
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
