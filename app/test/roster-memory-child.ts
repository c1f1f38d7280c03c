// Run by roster-import-memory.server.test.ts in a child process whose heap is capped: imports
// the roster file it is given into the organisation it is given, through the same import as an
// upload (importRoster, on this thread), and prints the outcome with the largest heap seen.
export {};

const [orgId, file] = process.argv.slice(2);
const { importRoster } = await import("~/models/worker.server");
const { disconnectDb } = await import("~/db.server");

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
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
  console.log(
    JSON.stringify({
      ok: outcome.ok,
      count: outcome.ok ? outcome.value.count : 0,
      errors: outcome.ok ? [] : outcome.problems.slice(0, 3),
      peakHeapMb: Math.round(peak / 1024 / 1024),
    }),
  );
} finally {
  clearInterval(timer);
  await disconnectDb();
}
