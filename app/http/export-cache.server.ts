// Public result exports, computed once per results change and view and served from a file.
// Every export of a 500,000-entry event costs seconds of database reads and formatting;
// computed per request, six at once made the board take 34 s. Now:
//   - an export is written once to a temporary file per (event, view (hidden, frozen or live),
//     format, language) until the event's results change, and every request for it streams
//     that file (no database, no formatting); requests arriving while it is being written
//     wait for the same file;
//   - at most MAX_BUILDING exports are built at a time, the rest queue; past MAX_QUEUED the
//     answer is 503 with Retry-After, so a crowd of exporters cannot take the server;
//   - the file is written off the event loop (app/http/leaderboard-export.server.ts writes it
//     on a thread of its own), so the board is served while it is built.
// The files live in the app's one cache (app/utils/cache.server.ts), tagged with the event's
// results: a change on the results bus (a judge's save, a lock, a freeze setting) drops them,
// the next export is built afresh and the old file removed. Another process's changes are
// seen within MAX_AGE_MS at most, when the file is rebuilt anyway.
import { createReadStream, createWriteStream, mkdirSync, rmSync } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { cacheTag, defineCache } from "~/utils/cache.server";

export const MAX_BUILDING = 1;
export const MAX_QUEUED = 16;
export const MAX_AGE_MS = 60_000;

const DIR = path.join(tmpdir(), `jiangxin-exports-${process.pid}`);

/** `gzip`: a compressed copy made once (text formats), so no download is compressed anew. */
type Built = { file: string; gzip: string | null };

let building = 0;
const waiting: (() => void)[] = [];
let sequence = 0;
// Downloads open the file just after the build they waited for; one that is dropped at that
// moment is unlinked a little later, and whatever is left goes when the process exits.
const UNLINK_DELAY_MS = 30_000;

const exportFiles = defineCache({
  name: "result-exports",
  ttlMs: MAX_AGE_MS,
  max: 200,
  onDrop: (value) => {
    void (value as Promise<Built>)
      .then((built) => {
        setTimeout(() => {
          for (const file of [built.file, built.gzip]) if (file) void unlink(file).catch(() => {});
        }, UNLINK_DELAY_MS).unref();
      })
      .catch(() => undefined);
  },
});

let cleanupRegistered = false;

async function turn(): Promise<void> {
  if (building < MAX_BUILDING) {
    building += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else building -= 1;
}

export class ExportBusyError extends Error {
  constructor() {
    super("too many exports waiting");
  }
}

async function build(
  produce: (file: string) => Promise<void>,
  compressible: boolean,
): Promise<Built> {
  await turn();
  try {
    mkdirSync(DIR, { recursive: true });
    if (!cleanupRegistered) {
      cleanupRegistered = true;
      process.once("exit", () => rmSync(DIR, { recursive: true, force: true }));
    }
    const file = path.join(DIR, `${Date.now()}-${++sequence}`);
    await produce(`${file}.part`);
    await rename(`${file}.part`, file);
    let gzip: string | null = null;
    if (compressible) {
      // zlib works on the thread pool; done once here instead of once per download.
      await pipeline(createReadStream(file), createGzip(), createWriteStream(`${file}.gz`));
      gzip = `${file}.gz`;
    }
    return { file, gzip };
  } finally {
    release();
  }
}

/**
 * The export's bytes as a stream, written to a file by `produce` at most once between two
 * changes of the event's results (and once per MAX_AGE_MS); gzip-compressed when `gzip` asks
 * for it and the format is compressible (then `encoding` is "gzip"). Throws ExportBusyError
 * when too many exports are waiting. The key names the view: a board hidden from the public
 * (unpublished) and the organiser's view of it are different files, never one served for the
 * other.
 */
export async function cachedExport(
  key: { eventId: number; frozen: boolean; hidden: boolean; format: string; locale: string },
  produce: (file: string) => Promise<void>,
  options: { compressible?: boolean; gzip?: boolean } = {},
): Promise<{ body: ReadableStream<Uint8Array>; encoding: "gzip" | null }> {
  const view = key.hidden ? "hidden" : key.frozen ? "frozen" : "live";
  const name = `${key.eventId}:${view}:${key.format}:${key.locale}`;
  const built = await exportFiles.get(name, [cacheTag.results(key.eventId)], () => {
    if (waiting.length >= MAX_QUEUED) throw new ExportBusyError();
    return build(produce, options.compressible ?? false);
  });
  const gzip = options.gzip && built.gzip ? built.gzip : null;
  return {
    body: Readable.toWeb(
      createReadStream(gzip ?? built.file),
    ) as unknown as ReadableStream<Uint8Array>,
    encoding: gzip ? "gzip" : null,
  };
}
