import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/components/nonce";
import { applySecurityHeaders, createNonce } from "~/http/security-headers.server";
import { shellTemplateOf } from "~/http/shared-viewer.server";

// The server in front asks who a visitor is before it serves a shared page (app/server).
export { sharedViewer } from "~/http/shared-viewer.server";

const ABORT_DELAY = 5_000;

// renderToPipeableStream of react-dom 18.3.1 as installed, i.e. with
// patches/react-dom+18.3.1.patch applied by `npm install` (postinstall): unpatched, its Node
// build sends a whole 2 KB buffer when a multi-byte character does not fit at its end,
// unwritten NUL bytes included (“主\0\0办”, react#31134). The patch is React 19's fix
// (react#26228), which was never released for 18.x: send only the bytes written.
// renderToReadableStream (the Web Streams build) does not have the bug but rendered our
// pages about twice as slowly under Node. app/entry.server.test.ts and e2e/crawl.spec.ts fail
// if the patch is missing. See README "Server rendering".
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A shared page's template carries a marker that the server replaces per response.
  const nonce = shellTemplateOf(loadContext)?.nonce ?? createNonce();
  applySecurityHeaders(responseHeaders, nonce);
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleDataRequest(response: Response) {
  applySecurityHeaders(response.headers);
  return response;
}
