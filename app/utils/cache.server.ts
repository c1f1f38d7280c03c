// The one in-process cache for computed answers (board pages, field sizes, frozen boards,
// freeze times, quiz boards, result export files, the certificate font, signed-in sessions). Each use defines a named cache with a
// time-to-live and a size bound, and asks for a value with get-or-compute, naming the tags
// the value depends on (the event whose results it shows, the quiz it ranks).
//
// Invalidation happens in one place: `dropTags` below, driven by the change bus
// (app/utils/live-events.server.ts). Every change published there names its tags
// (`changeTags`), and every entry carrying one of them is dropped. The bus carries changes
// between processes (IPC through the primary on SQLite, LISTEN/NOTIFY on PostgreSQL), so
// every process's caches follow a change made in any of them; when the bus was out of touch
// (a reconnect) it announces a resync and every cache here is emptied (`dropAll`).
// (Only the writer's own freeze-time lookup also drops its tag inside the settings
// transaction, see setBoardSettings; that is a single-writer guard, not a second channel:
// with several processes a save reads the freeze time in its transaction instead.)
//
// Nothing computed across a change is kept: a value still being computed when one of its
// tags changes is handed to whoever asked for it but not stored (a sequence number per tag
// says whether a change came after the computation started), and concurrent askers of the
// same key share one computation.
import {
  subscribeChanges,
  subscribeResync,
  subscribeSessionsChanged,
  type Change,
  type SessionsChange,
} from "~/utils/live-events.server";

/** What a cached value depends on. */
export type CacheTag =
  /** An event's results (and everything ranked from them). */
  | `results:${number}`
  /** An event's own settings: its freeze time, best N. */
  | `event:${number}`
  /** What an event's scoring definition holds: scheme, scoring settings, contest, judges. */
  | `scoring:${number}`
  /** A quiz's attempts and scores. */
  | `quiz:${number}`
  /** A session (by its stored id): ended, replaced or timed out. */
  | `session:${string}`
  /** A user's account: what their sessions say about them (role, organisation, active). */
  | `user:${number}`;

export const cacheTag = {
  results: (eventId: number): CacheTag => `results:${eventId}`,
  event: (eventId: number): CacheTag => `event:${eventId}`,
  scoring: (eventId: number): CacheTag => `scoring:${eventId}`,
  quiz: (quizId: number): CacheTag => `quiz:${quizId}`,
  session: (sessionId: string): CacheTag => `session:${sessionId}`,
  user: (userId: number): CacheTag => `user:${userId}`,
};

/** The tags a published change makes stale. */
export function changeTags(change: Change): CacheTag[] {
  switch (change.kind) {
    case "results":
      return [cacheTag.results(change.eventId)];
    case "board-settings":
      return [cacheTag.results(change.eventId), cacheTag.event(change.eventId)];
    case "quiz-scores":
      return [cacheTag.quiz(change.quizId)];
    case "scoring":
      return [cacheTag.scoring(change.eventId)];
  }
}

/** The tags a sessions change makes stale. */
export function sessionsChangeTags({ sessions }: SessionsChange): CacheTag[] {
  return [
    ...(sessions.ids ?? []).map(cacheTag.session),
    ...(sessions.users ?? []).map(cacheTag.user),
  ];
}

export type CacheOptions = {
  /** Names the cache; defining a name again (a dev rebuild) reuses its entries. */
  name: string;
  /** How long a value may be served, counted from when its computation started. */
  ttlMs: number;
  /** Entries kept at most; the least recently used goes first. */
  max: number;
  /** Whether a finished value is worth keeping (e.g. only slow ones); `ms` is how long it took. */
  keep?: (value: unknown, ms: number) => boolean;
  /**
   * Called with a value (a promise, when one was stored) when it leaves the cache: dropped by
   * a change, expired, evicted, or not kept. For values that hold something outside memory.
   */
  onDrop?: (value: unknown) => void;
};

/** Tags known up front, or read off the value once computed (a lookup by code finds the id). */
export type Tags<T> = readonly CacheTag[] | ((value: Awaited<T>) => readonly CacheTag[]);

export type Cache = {
  /**
   * The cached value for `key`, or `compute()`'s, stored for later askers. A promise is
   * stored while pending, so concurrent askers share it; a rejected one is dropped.
   */
  get<T>(key: string, tags: Tags<T>, compute: () => T): T;
  readonly size: number;
};

type Entry = { value: unknown; at: number; tags: readonly CacheTag[] };

type Region = {
  options: CacheOptions;
  entries: Map<string, Entry>;
  byTag: Map<CacheTag, Set<string>>;
};

type State = {
  regions: Map<string, Region>;
  /** Counts changes; each tag remembers the count at its latest change. */
  seq: number;
  lastChange: Map<CacheTag, number>;
  /** Tags forgotten when lastChange was trimmed count as changed at this number. */
  floor: number;
  /** The count at the latest resync: nothing computed before it is stored. */
  resyncedAt: number;
  unsubscribe: () => void;
};

const MAX_REMEMBERED_TAGS = 10_000;

declare global {
  // Kept across dev rebuilds, like the bus, so reloading code neither loses nor doubles it.
  var __jiangxinCache: State | undefined;
}

function state(): State {
  if (!globalThis.__jiangxinCache) {
    globalThis.__jiangxinCache = {
      regions: new Map(),
      seq: 0,
      lastChange: new Map(),
      floor: 0,
      resyncedAt: 0,
      unsubscribe: (
        (off: (() => void)[]) => () =>
          off.forEach((f) => f())
      )([
        subscribeChanges((change) => dropTags(changeTags(change))),
        subscribeSessionsChanged((change) => dropTags(sessionsChangeTags(change))),
        subscribeResync(() => dropAll()),
      ]),
    };
  }
  return globalThis.__jiangxinCache;
}

/** Takes the entry out; `dropped` unless the same value is about to go back in. */
function remove(region: Region, key: string, dropped = true): void {
  const entry = region.entries.get(key);
  if (!entry) return;
  region.entries.delete(key);
  for (const tag of entry.tags) {
    const keys = region.byTag.get(tag);
    keys?.delete(key);
    if (keys?.size === 0) region.byTag.delete(tag);
  }
  if (dropped) region.options.onDrop?.(entry.value);
}

function insert(region: Region, key: string, entry: Entry): void {
  remove(region, key, region.entries.get(key)?.value !== entry.value);
  while (region.entries.size >= region.options.max) {
    const oldest = region.entries.keys().next();
    if (oldest.done) break;
    remove(region, oldest.value);
  }
  region.entries.set(key, entry);
  for (const tag of entry.tags) {
    let keys = region.byTag.get(tag);
    if (!keys) region.byTag.set(tag, (keys = new Set()));
    keys.add(key);
  }
}

function changedSince(tags: readonly CacheTag[], seq: number): boolean {
  const s = state();
  if (s.resyncedAt > seq) return true;
  return tags.some((tag) => (s.lastChange.get(tag) ?? s.floor) > seq);
}

/**
 * Drops every entry carrying one of `tags`, in every cache, and marks the tags changed so
 * that computations already under way are not stored. Called for each change on the bus.
 */
export function dropTags(tags: readonly CacheTag[]): void {
  const s = state();
  s.seq += 1;
  if (s.lastChange.size + tags.length > MAX_REMEMBERED_TAGS) {
    s.lastChange.clear();
    s.floor = s.seq;
  }
  for (const tag of tags) {
    s.lastChange.set(tag, s.seq);
    for (const region of s.regions.values())
      for (const key of [...(region.byTag.get(tag) ?? [])]) remove(region, key);
  }
}

/**
 * Empties every cache and keeps computations under way from being stored: the bus was out
 * of touch with the other processes, so any change may have been missed.
 */
export function dropAll(): void {
  const s = state();
  s.seq += 1;
  s.resyncedAt = s.seq;
  s.lastChange.clear();
  s.floor = s.seq;
  for (const region of s.regions.values()) {
    region.entries.clear();
    region.byTag.clear();
  }
}

function isPromise(value: unknown): value is Promise<unknown> {
  return value instanceof Promise;
}

export function defineCache(options: CacheOptions): Cache {
  const s = state();
  let region = s.regions.get(options.name);
  if (region) region.options = options;
  else {
    region = { options, entries: new Map(), byTag: new Map() };
    s.regions.set(options.name, region);
  }
  const r = region;
  const tagsOf = <T>(tags: Tags<T>, value: Awaited<T>) =>
    typeof tags === "function" ? tags(value) : tags;
  const worthKeeping = (value: unknown, started: number) =>
    r.options.keep?.(value, Date.now() - started) ?? true;

  return {
    get size() {
      return r.entries.size;
    },
    get<T>(key: string, tags: Tags<T>, compute: () => T): T {
      const now = Date.now();
      const hit = r.entries.get(key);
      if (hit && now - hit.at < r.options.ttlMs) {
        // Most recently used last, so eviction takes the least recently used.
        r.entries.delete(key);
        r.entries.set(key, hit);
        return hit.value as T;
      }
      if (hit) remove(r, key);
      const seq = state().seq;
      const value = compute();
      if (!isPromise(value)) {
        const finalTags = tagsOf(tags, value as Awaited<T>);
        if (!changedSince(finalTags, seq) && worthKeeping(value, now))
          insert(r, key, { value, at: now, tags: finalTags });
        return value;
      }
      // Pending: shared by concurrent askers, and dropped by a change to its known tags.
      const pending: Entry = { value, at: now, tags: typeof tags === "function" ? [] : tags };
      insert(r, key, pending);
      value.then(
        (resolved) => {
          if (r.entries.get(key) !== pending) return;
          const finalTags = tagsOf(tags, resolved as Awaited<T>);
          if (changedSince(finalTags, seq) || !worthKeeping(resolved, now)) remove(r, key);
          else if (finalTags !== pending.tags) insert(r, key, { ...pending, tags: finalTags });
        },
        () => {
          if (r.entries.get(key) === pending) remove(r, key);
        },
      );
      return value;
    },
  };
}
