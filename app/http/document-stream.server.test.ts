import { Suspense, createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { CLIENT_GONE, dataOnItsWay, streamDocument } from "./document-stream.server";

/** A page whose second half waits for `ready` (as Remix's streamed loader data does). */
function page(ready: Promise<void>, fail = false) {
  let settled = false;
  void ready.then(() => (settled = true));
  function Late() {
    if (!settled) throw ready;
    if (fail) throw new Error("boom in the late part");
    return createElement("p", null, "late part");
  }
  return createElement(
    "main",
    null,
    createElement("h1", null, "shell"),
    createElement(Suspense, { fallback: createElement("p", null, "loading") }, createElement(Late)),
  );
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(
  element: ReturnType<typeof page>,
  signal = new AbortController().signal,
  waitForAll = false,
) {
  const log = vi.fn();
  const response = streamDocument(element, {
    status: 200,
    headers: new Headers(),
    nonce: "n",
    waitForAll,
    signal,
    abortDelayMs: 300,
    log,
  });
  return { log, response };
}

/** Reads the body until the shell has arrived; the late part is still pending. */
async function readShell(response: Response) {
  const reader = response.body!.getReader();
  let text = "";
  while (!text.includes("shell")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return reader;
}

describe("streamDocument", () => {
  it("abandons the render quietly when the client stops reading mid-page", async () => {
    const late = deferred();
    const { log, response } = start(page(late.promise));
    const reader = await readShell(await response);
    await reader.cancel();
    // React's own reaction would have been "The destination stream closed early" in the log,
    // and the abort timer's "aborted by the server" after 300 ms.
    await wait(400);
    late.resolve();
    await wait(50);
    expect(log).not.toHaveBeenCalled();
  });

  it("abandons the render quietly when the request is aborted (the client disconnected)", async () => {
    const late = deferred();
    const client = new AbortController();
    const { log, response } = start(page(late.promise), client.signal);
    const body = await response;
    client.abort();
    // The body ends without the late part: the browser would render it, were anyone there.
    const text = await body.text();
    expect(text).toContain("shell");
    expect(text).not.toContain("late part");
    await wait(400);
    expect(log).not.toHaveBeenCalled();
  });

  it("gives up before the shell without an answer when the client is already gone", async () => {
    const client = new AbortController();
    client.abort();
    const { log, response } = start(page(new Promise(() => {})), client.signal);
    await expect(response).rejects.toBe(CLIENT_GONE);
    expect(log).not.toHaveBeenCalled();
  });

  it("still logs a real error in the part streamed after the shell", async () => {
    const late = deferred();
    const { log, response } = start(page(late.promise, true));
    const body = await response;
    late.resolve();
    await body.text();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toContain("boom in the late part");
  });

  it("still logs a render the abort delay cut short, and sends a whole page quietly", async () => {
    const slow = start(page(new Promise(() => {})));
    await (await slow.response).text();
    expect(slow.log).toHaveBeenCalledTimes(1);
    expect(String(slow.log.mock.calls[0]![0])).toContain("aborted by the server");

    const late = deferred();
    const client = new AbortController();
    const whole = start(page(late.promise), client.signal);
    const body = await whole.response;
    late.resolve();
    expect(await body.text()).toContain("late part");
    // The connection closes after the answer (Remix's adapter no longer aborts then; a
    // signal that fires anyway changes nothing).
    client.abort();
    await wait(400);
    expect(whole.log).not.toHaveBeenCalled();
  });
  it("sends what React renders in one pass as one chunk, and the late part when it comes", async () => {
    const late = deferred();
    // About 60 KB of shell: React writes it in 2 KB pieces.
    const rows = Array.from({ length: 1500 }, (_, i) => createElement("p", { key: i }, `行 ${i}`));
    const element = createElement("div", null, ...rows, page(late.promise));
    const log = vi.fn();
    // Abandoned only long after the test: a loaded machine may take a while over 60 KB.
    const response = streamDocument(element, {
      status: 200,
      headers: new Headers(),
      nonce: "n",
      waitForAll: false,
      signal: new AbortController().signal,
      abortDelayMs: 30_000,
      log,
    });
    const reader = (await response).body!.getReader();
    const first = await reader.read();
    const shell = new TextDecoder().decode(first.value);
    expect(shell).toContain("行 1499");
    expect(shell).toContain("loading");
    expect(shell).not.toContain("late part");
    late.resolve();
    const rest: string[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read())
      rest.push(new TextDecoder().decode(next.value));
    expect(rest).toHaveLength(1);
    expect(rest[0]).toContain("late part");
    expect(log).not.toHaveBeenCalled();
  });

  it("sends a page rendered whole as one chunk, and logs a part of it that failed", async () => {
    const late = deferred();
    const whole = start(page(late.promise), undefined, true);
    setTimeout(late.resolve, 20);
    const reader = (await whole.response).body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("shell");
    expect(first).toContain("late part");
    expect(first).not.toContain("loading");
    expect((await reader.read()).done).toBe(true);
    expect(whole.log).not.toHaveBeenCalled();

    const failing = deferred();
    const broken = start(page(failing.promise, true), undefined, true);
    setTimeout(failing.resolve, 20);
    const response = await broken.response;
    expect(response.status).toBe(500);
    await response.text();
    expect(broken.log).toHaveBeenCalledTimes(1);
    expect(String(broken.log.mock.calls[0]![0])).toContain("boom in the late part");
  });
});

describe("dataOnItsWay", () => {
  it("finds a promise in a route's data, at its top level", () => {
    const pending = new Promise(() => {});
    expect(dataOnItsWay({ root: { user: null }, "routes/quiz": { quiz: { id: 1 } } }, null)).toBe(
      false,
    );
    expect(dataOnItsWay({ root: { user: null } }, { "routes/quiz": { late: pending } })).toBe(true);
    expect(dataOnItsWay({ "routes/quiz": pending }, undefined)).toBe(true);
    expect(dataOnItsWay({ "routes/quiz": [1, 2] }, { "routes/x": "text" })).toBe(false);
  });
});
