// The files of public/ (favicon.svg beside the builds), served as express.static serves them,
// but asked of the disk first with a synchronous look: express.static tried to open every
// page's address there (/quiz/1 → public/quiz/1), and each miss came back through the thread
// pool as an error object with its stack, for every request the app answers. The look costs
// a microsecond and no object; what it finds still goes to express.static, which answers
// exactly as before (traversal refused, directories, caching headers).
import { statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import express from "express";

type Next = (error?: unknown) => void;

export function publicFiles(dir: string, options: Parameters<typeof express.static>[1]) {
  const serve = express.static(dir, options);
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    // express.static lets every other method through untouched.
    if ((req.method !== "GET" && req.method !== "HEAD") || !onDisk(dir, req.url ?? "/"))
      return next();
    serve(req as express.Request, res as express.Response, next);
  };
}

/** Whether the address may name something in `dir` (when unsure: yes, let express.static say). */
function onDisk(dir: string, url: string): boolean {
  try {
    const pathname = decodeURIComponent(url.split("?")[0]!);
    return statSync(path.join(dir, pathname), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}
