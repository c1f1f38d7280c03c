import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, MicroCache, cacheKey, sharedTtlMs } from "./micro-cache";

const anonymous = { "accept-language": "zh-CN", "accept-encoding": "gzip, br" };

describe("which requests may share an answer", () => {
  it("keys anonymous GETs of the results pages by URL, language cookie, Accept-Language and encoding", () => {
    const key = cacheKey("GET", "/results/C/E/data", anonymous);
    expect(key).not.toBeNull();
    expect(
      cacheKey("GET", "/results/C/E/data", { ...anonymous, "accept-language": "en" }),
    ).not.toBe(key);
    expect(cacheKey("GET", "/results/C/E/data", { ...anonymous, cookie: "jx_lang=en" })).not.toBe(
      key,
    );
    expect(
      cacheKey("GET", "/results/C/E/data", { ...anonymous, "accept-encoding": "identity" }),
    ).not.toBe(key);
    expect(cacheKey("GET", "/results/C/E/data?after=x", anonymous)).not.toBe(key);
  });

  it("never involves a signed-in visitor, another method, or another part of the site", () => {
    expect(
      cacheKey("GET", "/results/C/E", { ...anonymous, cookie: "jx_lang=zh; __jx_session=abc" }),
    ).toBeNull();
    expect(cacheKey("GET", "/results/C/E", { ...anonymous, authorization: "Basic x" })).toBeNull();
    expect(cacheKey("POST", "/results/C/E", anonymous)).toBeNull();
    expect(cacheKey("HEAD", "/results/C/E", anonymous)).toBeNull();
    expect(cacheKey("GET", "/me/results", anonymous)).toBeNull();
    expect(cacheKey("GET", "/admin/contests", anonymous)).toBeNull();
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
  const response = (body = "{}") => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: Buffer.from(body),
    ttlMs: 1_000,
  });

  it("serves an answer until it is a second old", () => {
    const cache = new MicroCache();
    expect(cache.store("k", response("a"), 7, cache.start(), 1_000)).toBe(true);
    expect(cache.lookup("k", 1_999)?.body.toString()).toBe("a");
    expect(cache.lookup("k", 2_000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("drops an event's answers when its results change, and refuses one computed across the change", () => {
    const cache = new MicroCache();
    cache.store("board7", response("old"), 7, cache.start(), 0);
    const startedBeforeChange = cache.start();
    cache.invalidate(7);
    expect(cache.lookup("board7", 1)).toBeNull();
    expect(
      cache.store("board7", response("computed before the change"), 7, startedBeforeChange, 2),
    ).toBe(false);
    expect(cache.lookup("board7", 3)).toBeNull();
    expect(cache.store("board7", response("new"), 7, cache.start(), 4)).toBe(true);
    expect(cache.lookup("board7", 5)?.body.toString()).toBe("new");
  });

  it("keeps an event's answers when another event changes, but not answers tied to no event", () => {
    const cache = new MicroCache();
    const started = cache.start();
    cache.store("board7", response("seven"), 7, started, 0);
    cache.store("contest", response("all events"), null, started, 0);
    cache.invalidate(8);
    expect(cache.lookup("board7", 1)?.body.toString()).toBe("seven");
    expect(cache.lookup("contest", 1)).toBeNull();
    // Computed while event 8 changed: fine for event 7's board, not for a contest-wide page.
    expect(cache.store("board7b", response("seven"), 7, started, 2)).toBe(true);
    expect(cache.store("contest", response("all events"), null, started, 2)).toBe(false);
  });

  it("does not keep answers that are too big or not shareable", () => {
    const cache = new MicroCache();
    expect(
      cache.store(
        "big",
        { ...response(), body: Buffer.alloc(MAX_BODY_BYTES + 1) },
        1,
        cache.start(),
        0,
      ),
    ).toBe(false);
    expect(cache.store("private", { ...response(), ttlMs: 0 }, 1, cache.start(), 0)).toBe(false);
  });
});
