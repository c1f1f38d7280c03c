/// <reference types="@remix-run/dev" />
import "@remix-run/node";
import type { ShellTemplate } from "~/utils/shared-pages";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  /** Given by app/server/serve.ts; absent under other servers and in tests. */
  interface AppLoadContext {
    peerAddress?: string | null;
    /** Set by the server while it renders a page template to share (app/utils/shared-pages.ts). */
    shellTemplate?: ShellTemplate;
  }
}
