import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fill, fillGzip, headersOf, isPersonal, makeTemplate, type Markers } from "./page-template";
import { restartDelayMs, workerCount } from "./primary";

const markers: Markers = { nonce: "jxabc123n", displayName: "jxabc123d" };
const html = { "content-type": "text/html; charset=utf-8" };
const STREAM = "window.__remixContext.streamController.enqueue(";

describe("page templates", () => {
  const page = [
    `<html><head><script nonce="${markers.nonce}">${STREAM}"[{\\"user\\":{\\"displayName\\":\\"${markers.displayName}\\"}}]")</script></head>`,
    `<body><p title="${markers.displayName}">已登录：${markers.displayName}</p></body></html>`,
  ].join("");
  const values = { nonce: "Tm9uY2U=", displayName: `王<b>"伟'&` };

  it("fills each visitor's name escaped for where it stands, and a fresh nonce", () => {
    const template = makeTemplate(200, html, Buffer.from(page), markers)!;
    expect(template).not.toBeNull();
    expect(isPersonal(template)).toBe(true);
    const text = fill(template, values).toString("utf8");
    expect(text).toContain('<script nonce="Tm9uY2U=">');
    expect(text).toContain(
      `<p title="王&lt;b&gt;&quot;伟&#x27;&amp;">已登录：王&lt;b&gt;&quot;伟&#x27;&amp;</p>`,
    );
    // Inside Remix's data script: a JSON string within a JSON string, with <, > and & escaped.
    expect(text).toContain(`\\"displayName\\":\\"王\\u003cb\\u003e\\\\\\"伟'\\u0026\\"`);
    expect(text).not.toContain("jxabc123");
    expect(text).not.toContain("<b>");
  });

  it("assembles the same answer gzip-encoded from segments compressed once", () => {
    const template = makeTemplate(200, html, Buffer.from(page), markers)!;
    for (const name of ["张三", "x".repeat(70_000)]) {
      const v = { ...values, displayName: name };
      expect(gunzipSync(fillGzip(template, v)).equals(fill(template, v))).toBe(true);
    }
  });

  it("puts the nonce into the headers that name it", () => {
    const template = makeTemplate(
      200,
      { ...html, "content-security-policy": `script-src 'nonce-${markers.nonce}'` },
      Buffer.from(page),
      markers,
    )!;
    expect(headersOf(template, values, markers)["content-security-policy"]).toBe(
      "script-src 'nonce-Tm9uY2U='",
    );
  });

  it("refuses to share a page whose name stands where its escaping is unknown, or in a header", () => {
    const inOtherScript = `<script>var n = "${markers.displayName}";</script>`;
    expect(makeTemplate(200, html, Buffer.from(inOtherScript), markers)).toBeNull();
    expect(
      makeTemplate(200, { ...html, "x-name": markers.displayName }, Buffer.from(page), markers),
    ).toBeNull();
    // A marker cut in two (or rewritten) must never go out.
    expect(
      makeTemplate(200, html, Buffer.from(`<p>${markers.displayName.slice(0, -1)}</p>`), markers),
    ).toBeNull();
  });

  it("shares a page without a name as it is (anonymous visitors)", () => {
    const template = makeTemplate(200, html, Buffer.from("<p>公开</p>"), markers)!;
    expect(isPersonal(template)).toBe(false);
    expect(fill(template, values).toString("utf8")).toBe("<p>公开</p>");
  });
});

describe("worker processes", () => {
  it("runs one per core unless WEB_CONCURRENCY says otherwise, and refuses nonsense", () => {
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount("", 8)).toBe(8);
    expect(workerCount("3", 2)).toBe(3);
    for (const bad of ["0", "65", "two", "-1", "1.5"]) expect(() => workerCount(bad, 2)).toThrow();
  });

  it("restarts a long-lived worker at once and one that keeps dying ever more slowly", () => {
    expect(restartDelayMs(60_000, 8_000)).toBe(0);
    expect(restartDelayMs(100, 0)).toBe(500);
    expect(restartDelayMs(100, 500)).toBe(1_000);
    expect(restartDelayMs(100, 20_000)).toBe(30_000);
  });
});
