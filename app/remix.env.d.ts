/// <reference types="@remix-run/dev" />
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  /** Given by app/server/serve.ts; absent under other servers and in tests. */
  interface AppLoadContext {
    peerAddress?: string | null;
  }
}
