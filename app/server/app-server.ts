// The production HTTP server of one process: what remix-serve does (compression, static
// assets with long caching for fingerprinted builds, public/'s own files (public-files.ts),
// access log (access-log.ts), the Remix handler), plus the micro-cache (micro-cache.ts)
// answering reads of the public leaderboards (contest results and quiz boards) before Express
// and Remix are reached, for anonymous and signed-in visitors alike (quiz boards: anonymous
// only). serve.ts starts it, in each worker when there are several.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler as createExpressHandler } from "@remix-run/express";
import {
  createRequestHandler,
  installGlobals,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import compression from "compression";
import express from "express";
import { subscribeChanges, subscribeResync } from "../utils/live-events.server";
import { isSameOriginRequest } from "../utils/same-origin";
import { withUploadScratch } from "../utils/upload-scratch.server";
import type { SharedPagesEntry, SharedViewer } from "../utils/shared-pages";
import { accessLog } from "./access-log";
import { publicFiles } from "./public-files";
import {
  MAX_BODY_BYTES,
  MicroCache,
  RESULTS_EVENT_HEADER,
  cookiesBesidesSession,
  hasSessionCookie,
  membersShare,
  sharedKeyBase,
  sharedTtlMs,
} from "./micro-cache";
import {
  fill,
  fillGzip,
  headersOf,
  isPersonal,
  makeTemplate,
  type Markers,
  type PageTemplate,
} from "./page-template";

export async function startAppServer(buildArg: string): Promise<void> {
  const buildPath = path.resolve(buildArg);
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  // The build sits in the project's top folder (build/index.js): static paths are relative to
  // the project, whatever the working directory.
  const projectRoot = path.resolve(path.dirname(buildPath), "..");
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  const mode = process.env.NODE_ENV;

  const cache = new MicroCache();
  // The app publishes every results change on its change bus (a judge's save, a lock, an
  // appeal decided) and every change of an event's board settings, in this process and,
  // through the bus's transport, in every other: no visitor is served a board more than
  // RESULTS_STALE_MS behind a results change, nor one made before a settings change.
  subscribeChanges((change) => {
    // A coalesced change counts from when its earliest write was published (a duration, so
    // other machines' clocks do not matter).
    if (change.kind === "results")
      cache.invalidate(change.eventId, Date.now() - (change.heldMs ?? 0));
    else if (change.kind === "board-settings") cache.drop(change.eventId);
  });
  // The bus lost touch with the other processes for a while: any answer may be stale.
  subscribeResync(() => cache.clear());

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use(
    build.publicPath,
    express.static(path.resolve(projectRoot, build.assetsBuildDirectory), {
      immutable: true,
      maxAge: "1y",
    }),
  );
  app.use(publicFiles(path.resolve(projectRoot, "public"), { maxAge: "1h" }));
  app.use(accessLog().handler);
  // The socket's peer: the app picks the client address from it and X-Forwarded-For
  // according to TRUST_PROXY (app/http/client-address.server.ts).
  const loadContext = (req: IncomingMessage): AppLoadContext => ({
    peerAddress: req.socket.remoteAddress ?? null,
  });
  const remixHandler = createExpressHandler({ build, mode, getLoadContext: loadContext });
  // Remix's handler catches its own errors and passes them to next(); Express 4 ignores the
  // promise. Files uploaded with the request wait on disk until its response has closed.
  app.all("*", (req, res, next) =>
    withUploadScratch(
      (release) => res.once("close", () => void release()),
      () => void remixHandler(req, res, next),
    ),
  );

  // Shared answers are rendered through Remix's fetch handler, away from the socket, so that
  // one render serves every visitor waiting for it.
  const render = createRequestHandler(build, mode);
  const entry = build.entry.module as Partial<SharedPagesEntry>;
  // Random per process: no page content can contain them by chance or on purpose.
  const tag = randomBytes(12).toString("hex");
  const markers: Markers = { nonce: `jx${tag}n`, displayName: `jx${tag}d` };
  const pending = new Map<string, Promise<PageTemplate | null>>();

  /** Serves a shared answer when there is one; otherwise lets Express and Remix answer. */
  async function handle(req: IncomingMessage, res: ServerResponse) {
    // A cross-site form post is refused here with 403: Remix's own check would throw and
    // answer 500 before any action could refuse it properly.
    if (!isSameOriginRequest(req.method ?? "GET", { get: (name) => headerValue(req, name) })) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      res.end("Cross-site request refused");
      return;
    }
    const base = sharedKeyBase(req.method, req.url, req.headers);
    const pathname = (req.url ?? "").split("?")[0]!;
    if (base === null || cache.isNotShared(pathname, Date.now())) return void app(req, res);
    const viewer: SharedViewer =
      hasSessionCookie(req.headers) && entry.sharedViewer
        ? await entry.sharedViewer(headerValue(req, "cookie"))
        : hasSessionCookie(req.headers)
          ? { kind: "own" }
          : { kind: "anonymous" };
    if (viewer.kind === "own" || (viewer.kind === "member" && !membersShare(req.url ?? "")))
      return void app(req, res);
    const key = `${base}\u0000${viewer.kind === "member" ? viewer.role : ""}`;
    const found = cache.lookup(key, Date.now());
    if (found) {
      // A stale answer is served while one render (this process's only one for the key)
      // replaces it; nobody waits for it. The render waits for the rest of the answer's
      // RENDER_INTERVAL_MS when the last one started less than that long ago.
      if (found.stale) renderSoon(req, key, pathname, viewer);
      return send(req, res, found.template, viewer, found.stale ? "UPDATING" : "HIT");
    }
    const template = await rendering(req, key, pathname, viewer);
    if (!template) return void app(req, res);
    send(req, res, template, viewer, "MISS");
  }

  /** Renders a stale answer anew, now or when its turn comes; once, however many ask. */
  function renderSoon(
    req: IncomingMessage,
    key: string,
    pathname: string,
    viewer: Exclude<SharedViewer, { kind: "own" }>,
  ) {
    cache.renderSoon(
      key,
      Date.now(),
      () => pending.has(key),
      () =>
        void rendering(req, key, pathname, viewer).catch((error: unknown) =>
          console.error("shared answer failed to render", error),
        ),
    );
  }

  /** The render of a shared answer under way for `key`, or a new one: everyone asking shares it. */
  function rendering(
    req: IncomingMessage,
    key: string,
    pathname: string,
    viewer: Exclude<SharedViewer, { kind: "own" }>,
  ): Promise<PageTemplate | null> {
    let render = pending.get(key);
    if (!render) {
      render = renderShared(req, key, pathname, viewer).finally(() => pending.delete(key));
      pending.set(key, render);
    }
    return render;
  }

  /** Renders the page once as a template for everyone of this viewer's kind; null if not shareable. */
  async function renderShared(
    req: IncomingMessage,
    key: string,
    pathname: string,
    viewer: Exclude<SharedViewer, { kind: "own" }>,
  ): Promise<PageTemplate | null> {
    const startedAt = cache.start(Date.now());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === "cookie") continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    // Rendered as for an anonymous visitor, with the viewer's shell as markers: the app marks
    // the answer public only when no one signed in would see anything else.
    const cookie = cookiesBesidesSession(headerValue(req, "cookie") ?? "");
    if (cookie) headers.set("cookie", cookie);
    const request = new Request(requestUrl(req), { headers });
    const response = await render(request, {
      ...loadContext(req),
      shellTemplate: {
        nonce: markers.nonce,
        viewer:
          viewer.kind === "member" ? { role: viewer.role, displayName: markers.displayName } : null,
      },
    });
    const responseHeaders = Object.fromEntries(response.headers);
    const ttlMs = sharedTtlMs(response.status, responseHeaders);
    const body = ttlMs > 0 ? await readLimited(response) : null;
    if (body === null) {
      await response.body?.cancel().catch(() => undefined);
      cache.markNotShared(pathname, Date.now());
      return null;
    }
    const named = Number(responseHeaders[RESULTS_EVENT_HEADER]);
    const eventId = Number.isSafeInteger(named) && named > 0 ? named : null;
    delete responseHeaders[RESULTS_EVENT_HEADER];
    delete responseHeaders["content-length"];
    const template = makeTemplate(response.status, responseHeaders, body, markers);
    if (!template) {
      cache.markNotShared(pathname, Date.now());
      return null;
    }
    cache.store(key, template, ttlMs, eventId, startedAt, Date.now());
    return template;
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    template: PageTemplate,
    viewer: Exclude<SharedViewer, { kind: "own" }>,
    status: "HIT" | "UPDATING" | "MISS",
  ) {
    const values = {
      nonce: randomBytes(16).toString("base64"),
      displayName: viewer.kind === "member" ? viewer.displayName : "",
    };
    const headers: Record<string, string> = { ...headersOf(template, values, markers) };
    // A page with a visitor's name is theirs alone: no shared cache further on may keep it.
    if (isPersonal(template)) headers["cache-control"] = "private, no-store";
    const compressible = /^(text\/|application\/json)/i.test(headers["content-type"] ?? "");
    const gzip = compressible && /\bgzip\b/.test(headerValue(req, "accept-encoding") ?? "");
    const body = gzip ? fillGzip(template, values) : fill(template, values);
    if (compressible) headers.vary = "Accept-Encoding";
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = String(body.length);
    // As a caching proxy says it (nginx's $upstream_cache_status; UPDATING: stale, served
    // while rendered anew): for operators and the two-process tests, which check that a
    // change reaches the cached answer in every process.
    headers["x-cache"] = status;
    res.writeHead(template.status, headers);
    res.end(body);
  }

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  const onListen = () => {
    // With several workers the primary says where it listens.
    if (!process.env.JX_WORKER) console.log(`[jiangxin] http://${host ?? "localhost"}:${port}`);
  };
  if (host) server.listen(port, host, onListen);
  else server.listen(port, onListen);

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      // Open SSE streams never end on their own.
      server.closeAllConnections();
    });
  }
}

/** The request's absolute URL, as Remix's Express adapter makes it (any host: nothing links with it). */
function requestUrl(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`).href;
  } catch {
    return new URL(req.url ?? "/", "http://localhost").href;
  }
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** The whole body, or null past the size a shared answer may have. */
async function readLimited(response: Response): Promise<Buffer | null> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
