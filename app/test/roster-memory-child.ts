// Run by roster-import-memory.server.test.ts in a child process whose heap is capped: imports
// the roster file it is given into the organisation it is given, through the same import as an
// upload (importRoster, on this thread), and prints the outcome with the largest heap seen and
// the process's peak resident size above its size before the import.
import { kernelPeak, resetKernelPeak } from "~/test/process-peak";

const [orgId, file] = process.argv.slice(2);
const { importRoster } = await import("~/models/worker.server");
const { disconnectDb } = await import("~/db.server");

// The whole process's memory besides the heap: the check thread (its isolate, its modules
// and the allocator's arena beside it), SQLite's page caches and the database driver's
// buffers, which a heap limit does not see. The kernel's peak is reset to the present size
// first (as bench:import does), so it tells the import's own peak.
globalThis.gc?.();
let rssPeak = process.memoryUsage().rss;
const rssBase = rssPeak;
// Off Linux the samples below are all there is.
const kernel = resetKernelPeak();

let peak = 0;
const sample = () => {
  const now = process.memoryUsage();
  peak = Math.max(peak, now.heapUsed);
  rssPeak = Math.max(rssPeak, now.rss);
};
const timer = setInterval(sample, 20);
try {
  const outcome = await importRoster(
    Number(orgId),
    0,
    { name: "roster.csv", path: file! },
    undefined,
    {
      checked: sample,
      written: sample,
    },
  );
  sample();
  if (kernel) rssPeak = Math.max(rssPeak, kernelPeak() ?? 0);
  console.log(
    JSON.stringify({
      ok: outcome.ok,
      count: outcome.ok ? outcome.value.count : 0,
      errors: outcome.ok ? [] : outcome.problems.slice(0, 3),
      peakHeapMb: Math.round(peak / 1024 / 1024),
      extraRssMb: Math.round((rssPeak - rssBase) / 1024 / 1024),
    }),
  );
} finally {
  clearInterval(timer);
  await disconnectDb();
}
