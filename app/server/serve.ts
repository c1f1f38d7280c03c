// The production HTTP server: what remix-serve does (compression, static assets with long
// caching for fingerprinted builds, access log, the Remix handler), plus the micro-cache
// (micro-cache.ts) answering anonymous reads of the public leaderboards before Express and
// Remix are reached. Usage: tsx app/server/serve.ts build/index.js (PORT, HOST).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { subscribeResultsChanged } from "../utils/live-events.server";
import { isSameOriginRequest } from "../utils/same-origin";
import {
  MAX_BODY_BYTES,
  MicroCache,
  RESULTS_EVENT_HEADER,
  cacheKey,
  sharedTtlMs,
  type Started,
} from "./micro-cache";

process.env.NODE_ENV ??= "production";

const buildArg = process.argv[2];
if (!buildArg) {
  console.error("Usage: tsx app/server/serve.ts <server-build-path>, e.g. build/index.js");
  process.exit(1);
}
const buildPath = path.resolve(buildArg);
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
// The build sits in the project's top folder (build/index.js): static paths are relative to
// the project, whatever the working directory.
const projectRoot = path.resolve(path.dirname(buildPath), "..");
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const cache = new MicroCache();
// The app publishes every results change on an in-process bus (a judge's save, a lock,
// a freeze setting): no visitor is served a board older than the change.
subscribeResultsChanged(({ eventId }) => cache.invalidate(eventId));

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
app.use(express.static(path.resolve(projectRoot, "public"), { maxAge: "1h" }));
app.use(morgan("tiny"));
const remixHandler = createRequestHandler({
  build,
  mode: process.env.NODE_ENV,
  // The socket's peer: the app picks the client address from it and X-Forwarded-For
  // according to TRUST_PROXY (app/http/client-address.server.ts).
  getLoadContext: (req) => ({ peerAddress: req.socket.remoteAddress ?? null }),
});
// Remix's handler catches its own errors and passes them to next(); Express 4 ignores the promise.
app.all("*", (req, res, next) => void remixHandler(req, res, next));

/** Serves a hit; otherwise lets Express answer and keeps the answer if the app marked it public. */
function handle(req: IncomingMessage, res: ServerResponse) {
  // A cross-site form post is refused here with 403: Remix's own check would throw and
  // answer 500 before any action could refuse it properly.
  if (!isSameOriginRequest(req.method ?? "GET", { get: (name) => headerValue(req, name) })) {
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
    res.end("Cross-site request refused");
    return;
  }
  const key = cacheKey(req.method, req.url, req.headers);
  if (key === null) return void app(req, res);
  const now = Date.now();
  const hit = cache.lookup(key, now);
  if (hit) {
    res.writeHead(hit.status, {
      ...hit.headers,
      "content-length": String(hit.body.length),
      age: "0",
    });
    res.end(hit.body);
    return;
  }
  capture(res, key, cache.start());
  void app(req, res);
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

// Records what is written (after compression, so the stored bytes match the key's encoding)
// until it turns out not to be shareable: SSE streams and private pages are never buffered.
function capture(res: ServerResponse, key: string, startedAt: Started) {
  const chunks: Buffer[] = [];
  let size = 0;
  let keep: boolean | null = null;
  let eventId: number | null = null;
  // Decided as the headers go out (compression sends them from inside its own write), when
  // the app has set every header; the app's event header never reaches the client.
  const decide = () => {
    if (keep === null) {
      keep = sharedTtlMs(res.statusCode, res.getHeaders() as Record<string, string | string[]>) > 0;
      const named = Number(res.getHeader(RESULTS_EVENT_HEADER));
      eventId = Number.isSafeInteger(named) && named > 0 ? named : null;
      if (!res.headersSent) res.removeHeader(RESULTS_EVENT_HEADER);
    }
    return keep;
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    if (typeof args[0] === "number") res.statusCode = args[0];
    decide();
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
  const add = (chunk: unknown, encoding?: unknown) => {
    if (!decide() || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === "string"
        ? Buffer.from(
            chunk,
            typeof encoding === "string" ? (encoding as BufferEncoding) : undefined,
          )
        : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      keep = false;
      chunks.length = 0;
    } else chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    add(args[0], args[1]);
    return write(...args);
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    add(args[0], args[1]);
    if (decide()) {
      const headers = { ...(res.getHeaders() as Record<string, string | string[]>) };
      delete headers["content-length"];
      delete headers["transfer-encoding"];
      delete headers.connection;
      delete headers["keep-alive"];
      delete headers[RESULTS_EVENT_HEADER];
      cache.store(
        key,
        {
          status: res.statusCode,
          headers,
          body: Buffer.concat(chunks),
          ttlMs: sharedTtlMs(res.statusCode, headers),
        },
        eventId,
        startedAt,
        Date.now(),
      );
    }
    return end(...args);
  }) as ServerResponse["end"];
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const server = createServer(handle);
server.keepAliveTimeout = 65_000;
const onListen = () => console.log(`[jiangxin] http://${host ?? "localhost"}:${port}`);
if (host) server.listen(port, host, onListen);
else server.listen(port, onListen);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Open SSE streams never end on their own.
    server.closeAllConnections();
  });
}
