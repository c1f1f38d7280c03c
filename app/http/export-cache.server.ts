// Public result exports, computed once per event version and view and served from a file. Every
// export of a 500,000-entry event costs seconds of database reads and formatting; computed
// per request, six at once made the board take 34 s. Now:
//   - an export is written once to a temporary file per (event, results version, view
//     (hidden, frozen or live), format, language), and every request for it streams that file (no database, no
//     formatting); requests arriving while it is being written wait for the same file;
//   - at most MAX_BUILDING exports are built at a time, the rest queue; past MAX_QUEUED the
//     answer is 503 with Retry-After, so a crowd of exporters cannot take the server;
//   - the file is written off the event loop (app/http/leaderboard-export.server.ts writes it
//     on a thread of its own), so the board is served while it is built.
// The version is bumped by the results bus (a judge's save, a lock, a freeze setting): the
// next export is built afresh and the old file removed. Another process's changes are seen
// within MAX_AGE_MS at most, when the file is rebuilt anyway.
import { createReadStream, createWriteStream, mkdirSync, rmSync } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { subscribeResultsChanged } from "~/utils/live-events.server";

export const MAX_BUILDING = 1;
export const MAX_QUEUED = 16;
export const MAX_AGE_MS = 60_000;

const DIR = path.join(tmpdir(), `jiangxin-exports-${process.pid}`);

/** `gzip`: a compressed copy made once (text formats), so no download is compressed anew. */
type Built = { file: string; gzip: string | null; builtAt: number; version: number };
type Slot = { eventId: number; version: number; ready: Promise<Built> };

const slots = new Map<string, Slot>();
const versions = new Map<number, number>();
let building = 0;
const waiting: (() => void)[] = [];
let sequence = 0;

function versionOf(eventId: number): number {
  return versions.get(eventId) ?? 0;
}

function forget(key: string, slot: Slot): void {
  if (slots.get(key) !== slot) return;
  slots.delete(key);
  // An open download keeps reading the unlinked file.
  void slot.ready
    .then((built) => Promise.all([built.file, built.gzip].flatMap((f) => (f ? [unlink(f)] : []))))
    .catch(() => undefined);
}

let subscribed = false;
function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  subscribeResultsChanged(({ eventId }) => {
    versions.set(eventId, versionOf(eventId) + 1);
    for (const [key, slot] of slots) if (slot.eventId === eventId) forget(key, slot);
  });
  process.once("exit", () => rmSync(DIR, { recursive: true, force: true }));
}

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
  version: number,
  compressible: boolean,
): Promise<Built> {
  await turn();
  try {
    mkdirSync(DIR, { recursive: true });
    const file = path.join(DIR, `${Date.now()}-${++sequence}`);
    await produce(`${file}.part`);
    await rename(`${file}.part`, file);
    let gzip: string | null = null;
    if (compressible) {
      // zlib works on the thread pool; done once here instead of once per download.
      await pipeline(createReadStream(file), createGzip(), createWriteStream(`${file}.gz`));
      gzip = `${file}.gz`;
    }
    return { file, gzip, builtAt: Date.now(), version };
  } finally {
    release();
  }
}

/**
 * The export's bytes as a stream, written to a file by `produce` at most once per results
 * version (and per MAX_AGE_MS); gzip-compressed when `gzip` asks for it and the format is
 * compressible (then `encoding` is "gzip"). Throws ExportBusyError when too many exports are
 * waiting. The key names the view: a board hidden from the public (unpublished) and the
 * organiser's view of it are different files, never one served for the other.
 */
export async function cachedExport(
  key: { eventId: number; frozen: boolean; hidden: boolean; format: string; locale: string },
  produce: (file: string) => Promise<void>,
  options: { compressible?: boolean; gzip?: boolean; now?: number } = {},
): Promise<{ body: ReadableStream<Uint8Array>; encoding: "gzip" | null }> {
  const now = options.now ?? Date.now();
  subscribe();
  const view = key.hidden ? "hidden" : key.frozen ? "frozen" : "live";
  const name = `${key.eventId}:${view}:${key.format}:${key.locale}`;
  const version = versionOf(key.eventId);
  let slot = slots.get(name);
  if (slot) {
    const built = await slot.ready.catch(() => null);
    const stale =
      !built ||
      built.version !== version ||
      now - built.builtAt > MAX_AGE_MS ||
      slots.get(name) !== slot;
    if (stale) {
      forget(name, slot);
      slot = undefined;
    }
  }
  if (!slot) {
    if (waiting.length >= MAX_QUEUED) throw new ExportBusyError();
    const fresh: Slot = {
      eventId: key.eventId,
      version,
      ready: build(produce, version, options.compressible ?? false),
    };
    slots.set(name, fresh);
    fresh.ready.catch(() => forget(name, fresh));
    slot = fresh;
  }
  const built = await slot.ready;
  const gzip = options.gzip && built.gzip ? built.gzip : null;
  return {
    body: Readable.toWeb(
      createReadStream(gzip ?? built.file),
    ) as unknown as ReadableStream<Uint8Array>,
    encoding: gzip ? "gzip" : null,
  };
}
