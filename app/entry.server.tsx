import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { NonceContext } from "~/components/nonce";
import { dataOnItsWay, streamDocument } from "~/http/document-stream.server";
import { applySecurityHeaders, createNonce } from "~/http/security-headers.server";
import { shellTemplateOf } from "~/http/shared-viewer.server";

// The server in front asks who a visitor is before it serves a shared page (app/server).
export { sharedViewer } from "~/http/shared-viewer.server";

const ABORT_DELAY = 5_000;

// The document is streamed by app/http/document-stream.server.ts (react-dom's pipeable renderer,
// patched: see there).
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
  // Bots and no-JS clients get the whole document at once; browsers get it streamed when
  // some of its data is still on its way, and whole as well when none is (no route of ours
  // defers data, so that is every page): nothing would come later than a moment after the
  // shell, and one chunk costs one write and one compression flush instead of three.
  const { loaderData, actionData } = remixContext.staticHandlerContext;
  return streamDocument(
    <NonceContext.Provider value={nonce}>
      <RemixServer
        context={remixContext}
        url={request.url}
        abortDelay={ABORT_DELAY}
        nonce={nonce}
      />
    </NonceContext.Provider>,
    {
      status: responseStatusCode,
      headers: responseHeaders,
      nonce,
      waitForAll:
        isbot(request.headers.get("user-agent") ?? "") || !dataOnItsWay(loaderData, actionData),
      signal: request.signal,
      abortDelayMs: ABORT_DELAY,
    },
  );
}

export function handleDataRequest(response: Response) {
  applySecurityHeaders(response.headers);
  return response;
}
