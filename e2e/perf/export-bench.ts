// npm run bench:exports — the public board's latency while ten anonymous exports (five CSV,
// five XLSX) of the 500,000-entry event run, beside the same board measured alone in the
// same run (the floor). Needs the large seed (npm run seed:large; DATABASE_URL overrides
// prisma/data/large.db) and a build (JX_BUILD_NAME). Target: board p99 under 100 ms.
// Prints the machine's load average: on a shared machine the figures move with it.
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { ms, startServer, summarise, useScriptEnvironment } from "./support";

useScriptEnvironment();
process.env.DATABASE_URL ??= "file:./prisma/data/large.db";
const { databaseFile } = await import("~/utils/database-file.server");
const file = databaseFile(process.env.DATABASE_URL);
if (!existsSync(file)) {
  console.error(`No benchmark database at ${file}: run npm run seed:large first.`);
  process.exit(1);
}
const PORT = Number(process.env.BENCH_PORT ?? 3198);
const FLOOR_SECONDS = Number(process.env.BENCH_FLOOR_SECONDS ?? 15);
const LIMIT_SECONDS = Number(process.env.BENCH_EXPORT_SECONDS ?? 240);
const BOARD = "/results/CITY2026BENCH/BIG";
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

const server = await startServer(file, PORT);
try {
  // Two kinds of board read: the page as visitors load it (the micro-cache may answer), and
  // the JSON with a different query each time, which the app computes every time.
  let n = 0;
  const reads = [() => `${BOARD}`, () => `${BOARD}/data?entry=${encodeURIComponent(`X-${++n}`)}`];
  async function sample(seconds: number, until?: Promise<unknown>) {
    const samples = reads.map(() => [] as number[]);
    const stop = Date.now() + seconds * 1000;
    let done = false;
    void until?.then(() => (done = true));
    while (Date.now() < stop && !done) {
      for (const [i, read] of reads.entries()) {
        const t = performance.now();
        const response = await fetch(`${server.url}${read()}`);
        await response.arrayBuffer();
        samples[i]!.push(performance.now() - t);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return samples.map(summarise);
  }
  for (const read of reads) await (await fetch(`${server.url}${read()}`)).arrayBuffer();

  console.log(`Machine load before: ${load()}`);
  const floor = await sample(FLOOR_SECONDS);

  const started = performance.now();
  const exports = Array.from({ length: 10 }, async (_, i) => {
    const format = i % 2 === 0 ? "csv" : "xlsx";
    const t = performance.now();
    const response = await fetch(`${server.url}${BOARD}/export?format=${format}`);
    const bytes = (await response.arrayBuffer()).byteLength;
    return { format, status: response.status, bytes, ms: performance.now() - t };
  });
  const all = Promise.all(exports);
  const during = await sample(LIMIT_SECONDS, all);
  const finished = await Promise.race([
    all,
    new Promise<null>((r) => setTimeout(() => r(null), 1)),
  ]);
  console.log(`Machine load after: ${load()}\n`);

  const names = ["board page", "board JSON (uncached)"];
  for (const [i, name] of names.entries()) {
    const f = floor[i]!;
    const d = during[i]!;
    console.log(
      `${name.padEnd(24)} alone: p50 ${ms(f.p50)} p99 ${ms(f.p99)} (n=${f.n})   ` +
        `with 10 exports: p50 ${ms(d.p50)} p99 ${ms(d.p99)} max ${ms(d.max)} (n=${d.n})   target p99 < 100 ms`,
    );
  }
  if (finished) {
    for (const e of finished)
      console.log(
        `export ${e.format.padEnd(4)} ${e.status} ${(e.bytes / 1e6).toFixed(1)} MB in ${(e.ms / 1000).toFixed(1)} s`,
      );
    console.log(`all ten exports done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else console.log(`exports still running after ${LIMIT_SECONDS} s`);
} finally {
  await server.stop();
}
process.exit(0);
