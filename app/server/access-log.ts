// The access log: one line for each request Express answers (static files go before it, as
// they did with morgan), with what morgan's "tiny" format wrote — method, address, status,
// body length ("-" when streamed or unknown), milliseconds — e.g.
//   GET /quiz/1?q=2 200 - - 8.412 ms
// The time is until the response was complete or its connection closed (morgan's "tiny" timed
// until the headers went out; a streamed page sends them as soon as its shell is ready).
// Without morgan's machinery for every request (on-finished's listeners on the socket, the
// header hook, the compiled format's token lookups) the line costs one listener and a string,
// and lines are written together (every FLUSH_MS, or at FLUSH_BYTES, and when the process
// exits) instead of one write to stdout per request.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Lines wait at most this long before they are written. */
export const FLUSH_MS = 200;
/** …or until this much is gathered. */
export const FLUSH_BYTES = 16 * 1024;

export type AccessLog = {
  /** Express middleware: logs the request when its response is done. */
  handler(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /** Writes what is gathered now. */
  flush(): void;
};

export function accessLog(
  write: (text: string) => void = (text) => void process.stdout.write(text),
  flushMs = FLUSH_MS,
): AccessLog {
  let held = "";
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (held === "") return;
    const text = held;
    held = "";
    write(text);
  };
  // Nothing is lost when the process ends on its own or is told to stop (the server's SIGTERM
  // handler exits through process.exit).
  process.once("exit", flush);
  return {
    flush,
    handler(req, res, next) {
      const started = performance.now();
      res.once("close", () => {
        const length = res.getHeader("content-length");
        held += `${req.method} ${(req as { originalUrl?: string }).originalUrl ?? req.url} ${
          res.headersSent ? res.statusCode : "-"
        } ${length === undefined ? "-" : String(length)} - ${(performance.now() - started).toFixed(3)} ms\n`;
        if (held.length >= FLUSH_BYTES) flush();
        else if (!timer) timer = setTimeout(flush, flushMs).unref();
      });
      next();
    },
  };
}
