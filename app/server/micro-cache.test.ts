import { describe, expect, it } from "vitest";
import {
  MicroCache,
  NOT_SHARED_MS,
  cookiesBesidesSession,
  hasSessionCookie,
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
  const text = (t: PageTemplate | null) => t?.segments[0]?.toString();

  it("serves an answer until it is a second old", () => {
    const cache = new MicroCache();
    expect(cache.store("k", template("a"), 1_000, 7, cache.start(), 1_000)).toBe(true);
    expect(text(cache.lookup("k", 1_999))).toBe("a");
    expect(cache.lookup("k", 2_000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("drops an event's answers when its results change, and refuses one computed across the change", () => {
    const cache = new MicroCache();
    cache.store("board7", template("old"), 1_000, 7, cache.start(), 0);
    const startedBeforeChange = cache.start();
    cache.invalidate(7);
    expect(cache.lookup("board7", 1)).toBeNull();
    expect(
      cache.store("board7", template("computed before"), 1_000, 7, startedBeforeChange, 2),
    ).toBe(false);
    expect(cache.lookup("board7", 3)).toBeNull();
    expect(cache.store("board7", template("new"), 1_000, 7, cache.start(), 4)).toBe(true);
    expect(text(cache.lookup("board7", 5))).toBe("new");
  });

  it("keeps an event's answers when another event changes, but not answers tied to no event", () => {
    const cache = new MicroCache();
    const started = cache.start();
    cache.store("board7", template("seven"), 1_000, 7, started, 0);
    cache.store("contest", template("all events"), 1_000, null, started, 0);
    cache.invalidate(8);
    expect(text(cache.lookup("board7", 1))).toBe("seven");
    expect(cache.lookup("contest", 1)).toBeNull();
    // Computed while event 8 changed: fine for event 7's board, not for a contest-wide page.
    expect(cache.store("board7b", template("seven"), 1_000, 7, started, 2)).toBe(true);
    expect(cache.store("contest", template("all events"), 1_000, null, started, 2)).toBe(false);
  });

  it("after a clear (the bus lost touch) refuses everything computed before it", () => {
    const cache = new MicroCache();
    const started = cache.start();
    cache.store("board7", template("seven"), 1_000, 7, started, 0);
    cache.clear();
    expect(cache.lookup("board7", 1)).toBeNull();
    expect(cache.store("board7", template("seven"), 1_000, 7, started, 2)).toBe(false);
    expect(cache.store("board7", template("seven"), 1_000, 7, cache.start(), 2)).toBe(true);
  });

  it("does not keep answers that are not shareable, and remembers paths that were not", () => {
    const cache = new MicroCache();
    expect(cache.store("private", template(), 0, 1, cache.start(), 0)).toBe(false);
    cache.markNotShared("/results/C/E/live", 0);
    expect(cache.isNotShared("/results/C/E/live", NOT_SHARED_MS - 1)).toBe(true);
    expect(cache.isNotShared("/results/C/E/live", NOT_SHARED_MS)).toBe(false);
  });
});
