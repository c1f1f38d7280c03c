// Run by roster-import-memory.server.test.ts in a child process (started with --expose-gc and
// a capped heap): imports each roster file it is given into the organisation given with it,
// one after another, through the same import as an upload (importRoster, on this thread, as
// the job's thread runs it), and prints per file what the import kept alive: at every
// progress report (before the first row, each 10,000 rows checked, after the last) it waits
// until the chunk handed to the staging has been written, collects all garbage, and reads the
// heap and the memory of array buffers (the in-file duplicate table's typed arrays). No
// checked chunk is then in flight: what is left is the import's own state, the piece of the
// file being read, and whatever it holds for the rows behind it.
export {};

const pairs = process.argv.slice(2);
const { importRoster } = await import("~/models/worker.server");
const { disconnectDb } = await import("~/db.server");

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const turn = () => new Promise((resolve) => setImmediate(resolve));

try {
  for (let i = 0; i < pairs.length; i += 2) {
    let written = 0;
    const heap: number[] = [];
    const buffers: number[] = [];
    const outcome = await importRoster(
      Number(pairs[i]),
      0,
      { name: "roster.csv", path: pairs[i + 1]! },
      undefined,
      {
        checked: async (done) => {
          // The chunk just handed over is written before this report is measured.
          const since = Date.now();
          while (written < done) {
            if (Date.now() - since > 120_000) throw new Error("the staging wrote nothing");
            await turn();
          }
          gc();
          const now = process.memoryUsage();
          heap.push(now.heapUsed);
          buffers.push(now.arrayBuffers);
        },
        written: (done) => {
          written = done;
        },
      },
    );
    console.log(
      JSON.stringify({
        ok: outcome.ok,
        count: outcome.ok ? outcome.value.count : 0,
        errors: outcome.ok ? [] : outcome.problems.slice(0, 3),
        heap,
        buffers,
      }),
    );
  }
} finally {
  await disconnectDb();
}
