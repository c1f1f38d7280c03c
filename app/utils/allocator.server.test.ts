import { describe, expect, it } from "vitest";
import { allocatorEnv, MALLOC_ARENAS, MALLOC_MMAP_THRESHOLD } from "./allocator.server";

describe("the serving process's allocator settings", () => {
  it("are two arenas and a fixed 128 KB mapping threshold unless the environment sets its own", () => {
    expect([MALLOC_ARENAS, MALLOC_MMAP_THRESHOLD]).toEqual([2, 131072]);
    const ours = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" };
    expect(allocatorEnv({})).toEqual(ours);
    expect(allocatorEnv({ MALLOC_ARENA_MAX: " ", MALLOC_MMAP_THRESHOLD_: "" })).toEqual(ours);
    expect(allocatorEnv({ MALLOC_ARENA_MAX: "4" })).toEqual({ ...ours, MALLOC_ARENA_MAX: "4" });
    expect(allocatorEnv({ MALLOC_MMAP_THRESHOLD_: "65536" })).toEqual({
      ...ours,
      MALLOC_MMAP_THRESHOLD_: "65536",
    });
  });

  it("are what npm run serve and npm run bench:import start with", async () => {
    const { readFile } = await import("node:fs/promises");
    const { scripts } = JSON.parse(await readFile("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    const start = `MALLOC_ARENA_MAX=\${MALLOC_ARENA_MAX:-${MALLOC_ARENAS}} MALLOC_MMAP_THRESHOLD_=\${MALLOC_MMAP_THRESHOLD_:-${MALLOC_MMAP_THRESHOLD}} `;
    expect(scripts.serve?.startsWith(start)).toBe(true);
    expect(scripts["bench:import"]?.startsWith(start)).toBe(true);
  });
});
