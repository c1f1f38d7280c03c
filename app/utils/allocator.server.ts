// glibc's malloc (Linux) gives every thread that allocates an arena of its own, up to eight
// per core, and memory freed in an arena stays there for that arena's later allocations. A
// roster import runs on two threads beside the one that serves (roster-import and
// roster-check): their SQLite page caches, OpenSSL's cipher objects, the duplicate table and
// the chunks' buffers spread over arenas that each keep their high-water mark, and the
// process's memory grew by 60–80 MB more than the threads' heaps over a 1,000,000-row import,
// by a different amount each run. With two arenas the threads share one and reuse each other's
// freed memory. glibc reads MALLOC_ARENA_MAX once, when a process starts, so it is set in the
// environment of the processes that serve (package.json's serve script; the cluster primary
// gives it to the workers it forks) and of the bench and the memory test that measure them.
// Elsewhere (macOS, musl) the variable means nothing and nothing changes.

/** The arenas a process that serves may make, unless its environment says otherwise. */
export const MALLOC_ARENAS = 2;

/** A serving process's allocator setting: MALLOC_ARENA_MAX as the environment has it, else MALLOC_ARENAS. */
export function allocatorEnv(env: Record<string, string | undefined> = process.env): {
  MALLOC_ARENA_MAX: string;
} {
  const own = env.MALLOC_ARENA_MAX?.trim();
  return { MALLOC_ARENA_MAX: own ? own : String(MALLOC_ARENAS) };
}
