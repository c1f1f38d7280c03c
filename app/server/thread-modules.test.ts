// Every module that answers a thread's task is bundled alone by the build: a task missing from
// THREAD_MODULES would still run, but on the whole server bundle (about 85 MB per thread).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { THREAD_MODULES } from "./thread-modules";

/** The app's non-test TypeScript files, relative to the repository (app/…). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Task → file for every module whose top level answers a task (isThreadFor with its TASK). */
function threadTasks(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const file of sources("app")) {
    const text = readFileSync(file, "utf8");
    if (!/\bisThreadFor\(TASK\)/.test(text)) continue;
    const task = /\bconst TASK = "([^"]+)"/.exec(text)?.[1];
    if (!task) throw new Error(`${file} answers isThreadFor(TASK) without a literal TASK`);
    found[task] = file.split(path.sep).join("/");
  }
  return found;
}

describe("thread modules", () => {
  it("lists every module that answers a thread's task, and only those", () => {
    expect(threadTasks()).toEqual(THREAD_MODULES);
  });

  it("finds tasks the way the modules name them", () => {
    // The scan must find some, or the test above would pass on an empty list too.
    expect(Object.keys(threadTasks()).length).toBeGreaterThanOrEqual(4);
  });
});
