// glibc's malloc (Linux) gives every thread that allocates an arena of its own, up to eight
// per core, and memory freed in an arena stays there for that arena's later allocations. A
// roster import runs on two threads beside the one that serves (roster-import and
// roster-check): their SQLite page caches, OpenSSL's cipher objects, the duplicate table and
// the chunks' buffers spread over arenas that each keep their high-water mark, and the
// process's memory grew by 60–80 MB more than the threads' heaps over a 1,000,000-row import,
// by a different amount each run. With two arenas the threads share one and reuse each other's
// freed memory.
//
// Blocks from 128 KB up are mapped on their own and unmapped when freed, but by default glibc
// raises that threshold to the size of each mapped block freed (up to 32 MB), and blocks
// below it then come from the arena and stay there: the in-file duplicate table's arrays
// (4–8 MB as it doubles) and on PostgreSQL each chunk's COPY buffers (a few MB) kept the shared
// arena 58 MB above its start at a million rows. A threshold set in the environment stays
// where it is set.
//
// glibc reads both once, when a process starts, so they are set in the environment of the
// processes that serve (package.json's serve script; the cluster primary gives them to the
// workers it forks) and of the bench and the memory test that measure them. Elsewhere
// (macOS, musl) the variables mean nothing and nothing changes.

/** The arenas a process that serves may make, unless its environment says otherwise. */
export const MALLOC_ARENAS = 2;

/** The size (bytes) from which a block is mapped on its own, unless the environment says otherwise. */
export const MALLOC_MMAP_THRESHOLD = 128 * 1024;

/** A serving process's allocator settings: each as the environment has it, else ours. */
export function allocatorEnv(env: Record<string, string | undefined> = process.env): {
  MALLOC_ARENA_MAX: string;
  MALLOC_MMAP_THRESHOLD_: string;
} {
  return {
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX?.trim() || String(MALLOC_ARENAS),
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_?.trim() || String(MALLOC_MMAP_THRESHOLD),
  };
}
