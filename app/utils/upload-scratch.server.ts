// Where a request's uploaded files wait on disk while its action runs: one directory per
// request (never shared, never guessable), removed when the response has ended, whether it
// succeeded, failed or the client went away. The server wraps each request in a scope
// (app/server/app-server.ts); the form reader asks for the scope's directory. The scope lives
// on globalThis because the server and the app's build are two copies of this module.
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Every request's directory sits under this one (in the system's temporary directory). */
export function scratchRoot(): string {
  return path.join(tmpdir(), "jiangxin-uploads");
}

/**
 * A directory left by a process that died mid-request (or by a caller without a scope, such
 * as a test calling an action directly) is removed after this long.
 */
const STALE_MS = 24 * 60 * 60 * 1000;

type Scope = { dirs: string[]; ended: boolean };

const KEY = Symbol.for("jiangxin.uploadScratch");
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Scope> };
const scopes = (holder[KEY] ??= new AsyncLocalStorage<Scope>());

/**
 * Runs `handle` (one request) in a scope whose scratch directories are removed when `onEnd`
 * calls back (the response closed).
 */
export function withUploadScratch<T>(
  onEnd: (release: () => Promise<void>) => void,
  handle: () => T,
): T {
  const scope: Scope = { dirs: [], ended: false };
  onEnd(async () => {
    scope.ended = true;
    await Promise.all(scope.dirs.splice(0).map(removeScratch));
  });
  return scopes.run(scope, handle);
}

let swept = false;

/** A new, empty directory for this request's files (mode 0700). */
export async function scratchDir(): Promise<string> {
  const root = scratchRoot();
  await mkdir(root, { recursive: true, mode: 0o700 });
  if (!swept) {
    swept = true;
    void sweepStale(Date.now());
  }
  const dir = await mkdtemp(path.join(root, "req-"));
  const scope = scopes.getStore();
  if (scope?.ended) void removeScratch(dir);
  else scope?.dirs.push(dir);
  return dir;
}

/** Removes a scratch directory and what it holds (a failed read's partial files). */
export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/** Removes request directories older than STALE_MS (no request lasts that long). */
export async function sweepStale(now: number): Promise<number> {
  let removed = 0;
  const root = scratchRoot();
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith("req-")) continue;
    const dir = path.join(root, name);
    const info = await stat(dir).catch(() => null);
    if (info && now - info.mtimeMs > STALE_MS) {
      await removeScratch(dir);
      removed++;
    }
  }
  return removed;
}
