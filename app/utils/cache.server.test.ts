import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cacheTag, changeTags, defineCache, dropTags, sessionsChangeTags } from "./cache.server";
import {
  publishChange,
  publishResultsChanged,
  receiveChange,
  receiveResync,
} from "./live-events.server";

let n = 0;
// A fresh cache per test: names are shared process-wide.
const fresh = (
  options: { ttlMs?: number; max?: number; keep?: (v: unknown, ms: number) => boolean } = {},
) =>
  defineCache({
    name: `test-${++n}`,
    ttlMs: options.ttlMs ?? 1_000,
    max: options.max ?? 10,
    keep: options.keep,
  });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("get-or-compute", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("computes once within the time-to-live and again after it", () => {
    const cache = fresh({ ttlMs: 1_000 });
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.get("k", [], compute)).toBe(1);
    vi.advanceTimersByTime(999);
    expect(cache.get("k", [], compute)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(cache.get("k", [], compute)).toBe(2);
  });

  it("keeps at most `max` entries, dropping the least recently used", () => {
    const cache = fresh({ max: 2 });
    cache.get("a", [], () => "a1");
    cache.get("b", [], () => "b1");
    expect(cache.get("a", [], () => "a2")).toBe("a1"); // a is now the most recent
    cache.get("c", [], () => "c1");
    expect(cache.size).toBe(2);
    expect(cache.get("b", [], () => "b2")).toBe("b2");
    expect(cache.get("c", [], () => "c2")).toBe("c1");
  });

  it("shares one pending computation and drops it when it fails", async () => {
    const cache = fresh();
    const first = deferred<number>();
    let calls = 0;
    const compute = () => {
      calls += 1;
      return first.promise;
    };
    const a = cache.get("k", [], compute);
    const b = cache.get("k", [], compute);
    expect(a).toBe(b);
    first.reject(new Error("no"));
    await expect(a).rejects.toThrow("no");
    expect(cache.get("k", [], () => Promise.resolve(7))).not.toBe(a);
    expect(calls).toBe(1);
  });

  it("keeps only what `keep` accepts", async () => {
    const cache = fresh({ keep: (_value, ms) => ms >= 200 });
    const fast = cache.get("fast", [], () => Promise.resolve(1));
    await fast;
    expect(cache.get("fast", [], () => Promise.resolve(2))).not.toBe(fast);

    const slow = deferred<number>();
    const kept = cache.get("slow", [], () => slow.promise);
    vi.advanceTimersByTime(300);
    slow.resolve(3);
    await kept;
    expect(cache.get("slow", [], () => Promise.resolve(4))).toBe(kept);
  });
});

describe("values that hold something outside memory", () => {
  it("hands every value that leaves the cache to onDrop, once, and none that stays", async () => {
    const dropped: unknown[] = [];
    const cache = defineCache({
      name: `test-drop-${++n}`,
      ttlMs: 1_000,
      max: 2,
      onDrop: (v) => dropped.push(v),
    });
    cache.get("a", [cacheTag.results(71)], () => "a");
    cache.get("b", [], () => "b");
    cache.get("c", [], () => "c"); // evicts a
    publishResultsChanged(71); // a is gone already
    const tagged = cache.get(
      "d",
      () => [cacheTag.results(72)],
      () => Promise.resolve("d"),
    ); // evicts b; re-indexed with its tags when settled, not dropped
    await tagged;
    publishResultsChanged(72); // drops d
    expect(dropped).toEqual(["a", "b", tagged]);
  });
});

describe("invalidation through the change bus", () => {
  it("drops the entries tagged with the changed event's results, and only those", () => {
    const cache = fresh();
    cache.get("e1", [cacheTag.results(1)], () => "one");
    cache.get("e2", [cacheTag.results(2)], () => "two");
    cache.get("both", [cacheTag.results(1), cacheTag.results(2)], () => "both");
    cache.get("settings", [cacheTag.event(1)], () => "settings");
    publishResultsChanged(1);
    expect(cache.get("e1", [cacheTag.results(1)], () => "one'")).toBe("one'");
    expect(cache.get("both", [cacheTag.results(1)], () => "both'")).toBe("both'");
    expect(cache.get("e2", [cacheTag.results(2)], () => "two'")).toBe("two");
    // A results change leaves the event's settings (and its frozen board) alone...
    expect(cache.get("settings", [cacheTag.event(1)], () => "settings'")).toBe("settings");
    // ...a change of its board settings drops both.
    publishChange({ kind: "board-settings", eventId: 1 });
    expect(cache.get("settings", [cacheTag.event(1)], () => "s2")).toBe("s2");
    expect(cache.get("e1", [cacheTag.results(1)], () => "one''")).toBe("one''");
  });

  it("names the tags each kind of change makes stale", () => {
    expect(changeTags({ kind: "results", eventId: 3, at: 0 })).toEqual(["results:3"]);
    expect(changeTags({ kind: "board-settings", eventId: 3, at: 0 })).toEqual([
      "results:3",
      "event:3",
    ]);
    expect(changeTags({ kind: "quiz-scores", quizId: 4, at: 0 })).toEqual(["quiz:4"]);
    expect(changeTags({ kind: "scoring", eventId: 3, at: 0 })).toEqual(["scoring:3"]);
    expect(sessionsChangeTags({ sessions: { ids: ["ab"], users: [5] }, at: 0 })).toEqual([
      "session:ab",
      "user:5",
    ]);
  });

  it("drops the sessions a sessions change names, by session and by user", () => {
    const cache = fresh();
    cache.get("s1", [cacheTag.session("s1"), cacheTag.user(1)], () => "one");
    cache.get("s2", [cacheTag.session("s2"), cacheTag.user(1)], () => "two");
    cache.get("s3", [cacheTag.session("s3"), cacheTag.user(2)], () => "three");
    receiveChange({ sessions: { ids: ["s3"] }, at: 0 });
    expect(cache.get("s3", [], () => "read again")).toBe("read again");
    expect(cache.get("s1", [], () => "read again")).toBe("one");
    receiveChange({ sessions: { users: [1] }, at: 0 });
    expect(cache.get("s1", [], () => "read again")).toBe("read again");
    expect(cache.get("s2", [], () => "read again")).toBe("read again");
  });

  it("never keeps a value whose computation a change overtook", async () => {
    const cache = fresh();
    const old = deferred<string>();
    const stale = cache.get("board", [cacheTag.results(5)], () => old.promise);
    publishResultsChanged(5);
    // A request after the change does not join the computation that started before it.
    const fresher = cache.get("board", [cacheTag.results(5)], () => Promise.resolve("new"));
    expect(fresher).not.toBe(stale);
    old.resolve("old");
    expect(await stale).toBe("old");
    expect(await cache.get("board", [cacheTag.results(5)], () => Promise.resolve("x"))).toBe("new");
  });

  it("reads tags off the value when they are only known once computed, and still refuses stale ones", async () => {
    const cache = fresh();
    const lookup = deferred<{ id: number }>();
    const byCode = (code: string, value: Promise<{ id: number }>) =>
      cache.get(
        code,
        (event) => [cacheTag.event(event.id)],
        () => value,
      );
    const first = byCode("E1", lookup.promise);
    dropTags([cacheTag.event(9)]);
    lookup.resolve({ id: 9 });
    await first;
    const again = byCode("E1", Promise.resolve({ id: 9 }));
    expect(again).not.toBe(first);
    await again;
    expect(byCode("E1", Promise.resolve({ id: 10 }))).toBe(again);
    dropTags([cacheTag.event(9)]);
    expect(byCode("E1", Promise.resolve({ id: 11 }))).not.toBe(again);
  });

  it("follows changes brought from another process by the bus's transport", () => {
    const cache = fresh();
    cache.get("frozen", [cacheTag.event(21)], () => "built");
    receiveChange({ kind: "results", eventId: 21, at: 0 });
    expect(cache.get("frozen", [cacheTag.event(21)], () => "rebuilt")).toBe("built");
    receiveChange({ kind: "board-settings", eventId: 21, at: 0 });
    expect(cache.get("frozen", [cacheTag.event(21)], () => "rebuilt")).toBe("rebuilt");
  });

  it("empties every cache on a resync and keeps nothing computed before it", async () => {
    const a = fresh();
    const b = fresh();
    a.get("k", [cacheTag.results(30)], () => "a1");
    b.get("k", [], () => "b1");
    const pending = deferred<string>();
    const before = b.get("p", [], () => pending.promise);
    receiveResync();
    expect(a.size).toBe(0);
    expect(b.size).toBe(0);
    expect(a.get("k", [cacheTag.results(30)], () => "a2")).toBe("a2");
    pending.resolve("old");
    expect(await before).toBe("old");
    expect(await b.get("p", [], () => Promise.resolve("new"))).toBe("new");
  });
});
