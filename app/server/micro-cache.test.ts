import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  MicroCache,
  NOT_SHARED_MS,
  RENDER_INTERVAL_MS,
  RESULTS_STALE_MS,
  cookiesBesidesSession,
  hasSessionCookie,
  membersShare,
  sharedKeyBase,
  sharedTtlMs,
} from "./micro-cache";
import type { PageTemplate } from "./page-template";

const anonymous = { "accept-language": "zh-CN", "accept-encoding": "gzip, br" };

describe("which requests may share an answer", () => {
  it("keys GETs of the results pages by URL, language cookie and Accept-Language", () => {
    const key = sharedKeyBase("GET", "/results/C/E/data", anonymous);
    expect(key).not.toBeNull();
    expect(
      sharedKeyBase("GET", "/results/C/E/data", { ...anonymous, "accept-language": "en" }),
    ).not.toBe(key);
    expect(
      sharedKeyBase("GET", "/results/C/E/data", { ...anonymous, cookie: "jx_lang=en" }),
    ).not.toBe(key);
    expect(sharedKeyBase("GET", "/results/C/E/data?after=x", anonymous)).not.toBe(key);
  });

  it("leaves the session cookie out of the key: the viewer's class is added by the server", () => {
    const withSession = { ...anonymous, cookie: "jx_lang=zh; __jx_session=abc" };
    expect(sharedKeyBase("GET", "/results/C/E", withSession)).toBe(
      sharedKeyBase("GET", "/results/C/E", { ...anonymous, cookie: "jx_lang=zh" }),
    );
    expect(hasSessionCookie(withSession)).toBe(true);
    expect(hasSessionCookie(anonymous)).toBe(false);
    expect(cookiesBesidesSession("__jx_session=abc; jx_lang=en")).toBe("jx_lang=en");
  });

  it("never involves other credentials, another method, or another part of the site", () => {
    expect(
      sharedKeyBase("GET", "/results/C/E", { ...anonymous, authorization: "Basic x" }),
    ).toBeNull();
    expect(sharedKeyBase("POST", "/results/C/E", anonymous)).toBeNull();
    expect(sharedKeyBase("HEAD", "/results/C/E", anonymous)).toBeNull();
    expect(sharedKeyBase("GET", "/me/results", anonymous)).toBeNull();
    expect(sharedKeyBase("GET", "/admin/contests", anonymous)).toBeNull();
  });
});

describe("quiz boards", () => {
  it("are shared like the results pages, page and data alike, with their query in the key", () => {
    const key = sharedKeyBase("GET", "/quiz/1/leaderboard", anonymous);
    expect(key).not.toBeNull();
    expect(sharedKeyBase("GET", "/quiz/1/leaderboard.data", anonymous)).not.toBeNull();
    expect(sharedKeyBase("GET", "/quiz/1/leaderboard.data", anonymous)).not.toBe(key);
    expect(sharedKeyBase("GET", "/quiz/1/leaderboard?day=2", anonymous)).not.toBe(key);
    expect(sharedKeyBase("GET", "/quiz/2/leaderboard", anonymous)).not.toBe(key);
    expect(sharedKeyBase("POST", "/quiz/1/leaderboard", anonymous)).toBeNull();
  });

  it("but not the quiz's other pages, which are a worker's own", () => {
    expect(sharedKeyBase("GET", "/quiz/1", anonymous)).toBeNull();
    expect(sharedKeyBase("GET", "/quiz/1.data", anonymous)).toBeNull();
    expect(sharedKeyBase("GET", "/quiz/1?q=3", anonymous)).toBeNull();
    expect(sharedKeyBase("GET", "/quiz/1/review/5", anonymous)).toBeNull();
    expect(sharedKeyBase("GET", "/quiz/1/leaderboards", anonymous)).toBeNull();
    expect(sharedKeyBase("GET", "/quiz/x/leaderboard", anonymous)).toBeNull();
    expect(sharedKeyBase("GET", "/admin/quiz/Q/1/leaderboard", anonymous)).toBeNull();
  });

  it("are shared by anonymous visitors only: a signed-in worker's shows their own place", () => {
    expect(membersShare("/quiz/1/leaderboard")).toBe(false);
    expect(membersShare("/quiz/1/leaderboard.data")).toBe(false);
    expect(membersShare("/results/C/E")).toBe(true);
  });
});

describe("which answers may be shared", () => {
  it("keeps public answers for their max-age, at most a second", () => {
    expect(sharedTtlMs(200, { "cache-control": "public, max-age=1" })).toBe(1_000);
    expect(sharedTtlMs(200, { "cache-control": "public, max-age=60" })).toBe(1_000);
  });

  it("refuses private, unmarked, failed and cookie-setting answers", () => {
    expect(sharedTtlMs(200, { "cache-control": "private, no-store" })).toBe(0);
    expect(sharedTtlMs(200, { "cache-control": "public, no-store, max-age=1" })).toBe(0);
    expect(sharedTtlMs(200, { "cache-control": "public" })).toBe(0);
    expect(sharedTtlMs(200, {})).toBe(0);
    expect(sharedTtlMs(404, { "cache-control": "public, max-age=1" })).toBe(0);
    expect(sharedTtlMs(200, { "cache-control": "public, max-age=1", "set-cookie": "a=b" })).toBe(0);
  });
});

describe("MicroCache", () => {
  const template = (body = "{}"): PageTemplate => ({
    status: 200,
    headers: { "content-type": "application/json" },
    segments: [Buffer.from(body)],
    slots: [],
  });

  it("serves an answer until it is a second old", () => {
    const cache = new MicroCache();
    expect(cache.store("k", template("a"), 1_000, 7, cache.start(1_000), 1_000)).toBe(true);
    expect(cache.lookup("k", 1_999)).toEqual({ template: template("a"), stale: false });
    expect(cache.lookup("k", 2_000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("serves an event's answer stale for at most RESULTS_STALE_MS after its results change", () => {
    const cache = new MicroCache();
    cache.store("board7", template("old"), 60_000, 7, cache.start(0), 0);
    cache.invalidate(7, 100);
    expect(cache.lookup("board7", 101)).toEqual({ template: template("old"), stale: true });
    // A second change does not move the bound: it counts from the first the answer missed.
    cache.invalidate(7, 600);
    expect(cache.lookup("board7", 100 + RESULTS_STALE_MS - 1)?.stale).toBe(true);
    expect(cache.lookup("board7", 100 + RESULTS_STALE_MS)).toBeNull();
    // Rendered anew after the changes: fresh again.
    const started = cache.start(1_200);
    expect(cache.store("board7", template("new"), 60_000, 7, started, 1_250)).toBe(true);
    expect(cache.lookup("board7", 1_300)).toEqual({ template: template("new"), stale: false });
  });

  it("keeps an answer computed across a results change as stale from when it started", () => {
    const cache = new MicroCache();
    cache.store("board7", template("old"), 1_000, 7, cache.start(0), 0);
    const started = cache.start(10);
    cache.invalidate(7, 50);
    expect(cache.store("board7", template("computed across"), 1_000, 7, started, 80)).toBe(true);
    expect(cache.lookup("board7", 90)).toEqual({
      template: template("computed across"),
      stale: true,
    });
    expect(cache.lookup("board7", 10 + RESULTS_STALE_MS)).toBeNull();
    // One that took longer than the bound is not kept at all.
    const slow = cache.start(2_000);
    cache.invalidate(7, 2_001);
    expect(cache.store("board7", template("slow"), 1_000, 7, slow, 2_000 + RESULTS_STALE_MS)).toBe(
      false,
    );
    expect(cache.lookup("board7", 2_000 + RESULTS_STALE_MS)).toBeNull();
  });

  it("drops an event's answers when its board settings change, and refuses one computed across it", () => {
    const cache = new MicroCache();
    cache.store("board7", template("old"), 1_000, 7, cache.start(0), 0);
    cache.store("contest", template("all events"), 1_000, null, cache.start(0), 0);
    const startedBeforeChange = cache.start(0);
    cache.drop(7);
    expect(cache.lookup("board7", 1)).toBeNull();
    expect(cache.lookup("contest", 1)).toBeNull();
    expect(
      cache.store("board7", template("computed before"), 1_000, 7, startedBeforeChange, 2),
    ).toBe(false);
    // A results change after the drop does not let it back in.
    cache.invalidate(7, 3);
    expect(
      cache.store("board7", template("computed before"), 1_000, 7, startedBeforeChange, 4),
    ).toBe(false);
    expect(cache.lookup("board7", 5)).toBeNull();
    expect(cache.store("board7", template("new"), 1_000, 7, cache.start(6), 6)).toBe(true);
    expect(cache.lookup("board7", 7)?.stale).toBe(false);
  });

  it("keeps an event's answers when another event changes, but not answers tied to no event", () => {
    const cache = new MicroCache();
    const started = cache.start(0);
    cache.store("board7", template("seven"), 1_000, 7, started, 0);
    cache.store("contest", template("all events"), 1_000, null, started, 0);
    cache.invalidate(8, 1);
    expect(cache.lookup("board7", 1)).toEqual({ template: template("seven"), stale: false });
    expect(cache.lookup("contest", 1)?.stale).toBe(true);
    // Computed while event 8 changed: fresh for event 7's board, stale for a contest-wide page.
    cache.store("board7b", template("seven"), 1_000, 7, started, 2);
    cache.store("contest", template("all events"), 1_000, null, started, 2);
    expect(cache.lookup("board7b", 3)?.stale).toBe(false);
    expect(cache.lookup("contest", 3)?.stale).toBe(true);
    // Event 8's settings drop the contest-wide page, and refuse one computed across the drop.
    cache.drop(8);
    expect(cache.lookup("board7", 4)?.stale).toBe(false);
    expect(cache.lookup("contest", 4)).toBeNull();
    expect(cache.store("contest", template("all events"), 1_000, null, started, 5)).toBe(false);
  });

  it("after a clear (the bus lost touch) refuses everything computed before it", () => {
    const cache = new MicroCache();
    const started = cache.start(0);
    cache.store("board7", template("seven"), 1_000, 7, started, 0);
    cache.clear();
    expect(cache.lookup("board7", 1)).toBeNull();
    expect(cache.store("board7", template("seven"), 1_000, 7, started, 2)).toBe(false);
    expect(cache.store("board7", template("seven"), 1_000, 7, cache.start(2), 2)).toBe(true);
  });

  it("does not keep answers that are not shareable, and remembers paths that were not", () => {
    const cache = new MicroCache();
    expect(cache.store("private", template(), 0, 1, cache.start(0), 0)).toBe(false);
    cache.markNotShared("/results/C/E/live", 0);
    expect(cache.isNotShared("/results/C/E/live", NOT_SHARED_MS - 1)).toBe(true);
    expect(cache.isNotShared("/results/C/E/live", NOT_SHARED_MS)).toBe(false);
  });
});

describe("re-rendering stale answers", () => {
  const template = (body = "{}"): PageTemplate => ({
    status: 200,
    headers: { "content-type": "application/json" },
    segments: [Buffer.from(body)],
    slots: [],
  });
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => vi.useRealTimers());

  it("renders an answer at most once every RENDER_INTERVAL_MS, however often its results change", () => {
    const cache = new MicroCache();
    const render = vi.fn();
    const notRendering = () => false;
    cache.store("board7", template("a"), 60_000, 7, cache.start(10_000), 10_020);
    // Fresh: nothing to render.
    expect(cache.renderWait("board7", 10_050)).toBeNull();
    cache.renderSoon("board7", 10_050, notRendering, render);
    expect(render).not.toHaveBeenCalled();

    // Stale 100 ms after its render started: it waits the other 150 ms, once for everyone.
    vi.setSystemTime(10_100);
    cache.invalidate(7, 10_100);
    expect(cache.renderWait("board7", 10_100)).toBe(RENDER_INTERVAL_MS - 100);
    for (let i = 0; i < 20; i++) cache.renderSoon("board7", 10_100, notRendering, render);
    // Another process's change of the same event meanwhile schedules nothing more.
    cache.invalidate(7, 10_150);
    cache.renderSoon("board7", 10_150, notRendering, render);
    vi.advanceTimersByTime(RENDER_INTERVAL_MS - 100 - 1);
    expect(render).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(render).toHaveBeenCalledTimes(1);

    // That render stores the answer afresh; stale again a whole interval later, it renders at once.
    cache.store("board7", template("b"), 60_000, 7, cache.start(10_250), 10_260);
    vi.setSystemTime(10_600);
    cache.invalidate(7, 10_600);
    expect(cache.renderWait("board7", 10_600)).toBe(0);
    cache.renderSoon("board7", 10_600, notRendering, render);
    expect(render).toHaveBeenCalledTimes(2);
  });

  it("starts nothing while a render is under way, nor when the answer is fresh or gone by its turn", () => {
    const cache = new MicroCache();
    const render = vi.fn();
    cache.store("board7", template("a"), 60_000, 7, cache.start(10_000), 10_000);
    cache.store("board8", template("a"), 60_000, 8, cache.start(10_000), 10_000);
    vi.setSystemTime(10_100);
    cache.invalidate(7, 10_100);
    cache.invalidate(8, 10_100);
    // Under way already (a visitor found it past its bound and waits for that render).
    cache.renderSoon("board7", 10_100, () => true, render);
    expect(render).not.toHaveBeenCalled();

    let underWay = false;
    cache.renderSoon("board7", 10_100, () => underWay, render);
    cache.renderSoon("board8", 10_100, () => false, render);
    underWay = true;
    // board8 rendered afresh before its turn (stored by another render): not stale any more.
    cache.store("board8", template("b"), 60_000, 8, cache.start(10_150), 10_160);
    vi.advanceTimersByTime(RENDER_INTERVAL_MS);
    expect(render).not.toHaveBeenCalled();
    // Past its staleness bound the answer is gone: the next visitor renders it and waits.
    vi.setSystemTime(10_100 + RESULTS_STALE_MS);
    expect(cache.lookup("board7", 10_100 + RESULTS_STALE_MS)).toBeNull();
    expect(cache.renderWait("board7", 10_100 + RESULTS_STALE_MS)).toBeNull();
  });
});
