// Streams a server-rendered document (entry.server.tsx). A client that goes away before the
// page is complete (a closed tab, a navigation that replaces a half-loaded page, a reader that
// stops reading) is normal: the render is abandoned and nothing is logged. React's own answer
// to a body closed early is to abort the rest with "The destination stream closed early" and
// report that to onError for every unfinished Suspense boundary (the loader data Remix streams
// after the shell is one), which was logged as a server error.
import { Transform, type TransformCallback } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";

// renderToPipeableStream of react-dom 18.3.1 as installed, i.e. with
// patches/react-dom+18.3.1.patch applied by `npm install` (postinstall): unpatched, its Node
// build sends a whole 2 KB buffer when a multi-byte character does not fit at its end,
// unwritten NUL bytes included (“主\0\0办”, react#31134). The patch is React 19's fix
// (react#26228), which was never released for 18.x: send only the bytes written.
// renderToReadableStream (the Web Streams build) does not have the bug but rendered our
// pages about twice as slowly under Node. app/entry.server.test.ts and e2e/crawl.spec.ts fail
// if the patch is missing. See README "Server rendering".

/** Why a render was abandoned when its client went away: no error of the app, not logged. */
export const CLIENT_GONE = new Error("The client went away before the page was complete");

export type DocumentStreamOptions = {
  status: number;
  headers: Headers;
  nonce: string;
  /** The whole document at once (bots, clients without JavaScript) instead of the shell first. */
  waitForAll: boolean;
  /** The request's signal: Remix's adapter aborts it when the client disconnects mid-answer. */
  signal: AbortSignal;
  /** After this long, what is still pending is left to the browser to render. */
  abortDelayMs: number;
  /**
   * Where render errors of a page that is sent go (a part that failed inside a Suspense
   * boundary; React renders its fallback). A failed shell is not logged here: the promise
   * rejects with it and Remix answers and logs it.
   */
  log?: (error: unknown) => void;
};

/**
 * Passes on what React writes in one go as one chunk. React's Node renderer writes a page in
 * 2 KB pieces, and Remix's Express adapter writes each chunk it gets to the response and
 * flushes it: behind the compression middleware every flush ends a deflate block, so a page
 * cost dozens of zlib calls and compressed worse. React writes everything it has ready in one
 * synchronous pass, so holding the pieces until that pass is over delays nothing; what comes
 * later (Remix's streamed loader data) still goes out as soon as React writes it.
 */
class OnePassPerChunk extends Transform {
  private held: Buffer[] = [];
  private scheduled = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.held.push(chunk);
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(() => this.release());
    }
    done();
  }

  override _flush(done: TransformCallback) {
    this.release();
    done();
  }

  private release() {
    this.scheduled = false;
    if (this.held.length === 0 || this.destroyed) return;
    const held = this.held;
    this.held = [];
    this.push(held.length === 1 ? held[0] : Buffer.concat(held));
  }
}

/**
 * Whether a page's route data (loaderData, actionData) still has something on its way: a
 * promise in a route's data, as Remix streams deferred data, at its top level. Without one the
 * document is complete as soon as its shell and Remix's transfer of the data are, a moment
 * later: rendering it whole (waitForAll) then sends it as one chunk, one write and one
 * compression flush, instead of the shell and then the data in later passes of their own.
 */
export function dataOnItsWay(...routeData: (Record<string, unknown> | null | undefined)[]) {
  for (const byRoute of routeData)
    for (const data of Object.values(byRoute ?? {})) {
      if (data instanceof Promise) return true;
      if (data !== null && typeof data === "object")
        for (const value of Object.values(data)) if (value instanceof Promise) return true;
    }
  return false;
}

export function streamDocument(element: ReactNode, options: DocumentStreamOptions) {
  const log = options.log ?? ((error: unknown) => console.error(error));
  let status = options.status;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Errors of the render before it is sent (with waitForAll, the whole page's): logged once
    // the page goes out, not if the shell failed (Remix logs that one).
    const early: unknown[] = [];
    let gone = false;
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce: options.nonce,
      [options.waitForAll ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        for (const error of early.splice(0)) log(error);
        const body = new OnePassPerChunk();
        // Registered before pipe() adds React's own listener, so the render is abandoned with
        // CLIENT_GONE first and React finds nothing left to abort with its own error. A body
        // that closes after React ended it is a finished page.
        body.once("close", () => {
          if (!body.writableFinished) return leave();
          clearTimeout(timer);
          options.signal.removeEventListener("abort", leave);
        });
        options.headers.set("Content-Type", "text/html; charset=utf-8");
        const stream = createReadableStreamFromReadable(body);
        resolve(new Response(stream, { headers: options.headers, status }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        if (error === CLIENT_GONE) return;
        status = 500;
        if (shellRendered) log(error);
        else early.push(error);
      },
    });
    const timer = setTimeout(() => abort(), options.abortDelayMs);
    function leave() {
      if (gone) return;
      gone = true;
      clearTimeout(timer);
      options.signal.removeEventListener("abort", leave);
      abort(CLIENT_GONE);
      // Gone before the shell: no answer will be sent. Remix does not log a failure of a
      // request whose signal was aborted.
      if (!shellRendered) reject(CLIENT_GONE);
    }
    if (options.signal.aborted) leave();
    else options.signal.addEventListener("abort", leave);
  });
}
