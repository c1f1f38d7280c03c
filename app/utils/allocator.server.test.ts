import { describe, expect, it } from "vitest";
import { allocatorEnv, MALLOC_ARENAS } from "./allocator.server";

describe("the serving process's allocator setting", () => {
  it("is two arenas unless the environment sets its own", () => {
    expect(MALLOC_ARENAS).toBe(2);
    expect(allocatorEnv({})).toEqual({ MALLOC_ARENA_MAX: "2" });
    expect(allocatorEnv({ MALLOC_ARENA_MAX: " " })).toEqual({ MALLOC_ARENA_MAX: "2" });
    expect(allocatorEnv({ MALLOC_ARENA_MAX: "4" })).toEqual({ MALLOC_ARENA_MAX: "4" });
  });

  it("is what npm run serve and npm run bench:import start with", async () => {
    const { readFile } = await import("node:fs/promises");
    const { scripts } = JSON.parse(await readFile("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    const start = `MALLOC_ARENA_MAX=\${MALLOC_ARENA_MAX:-${MALLOC_ARENAS}} `;
    expect(scripts.serve?.startsWith(start)).toBe(true);
    expect(scripts["bench:import"]?.startsWith(start)).toBe(true);
  });
});
