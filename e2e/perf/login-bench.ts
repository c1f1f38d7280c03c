// npm run bench:login — public page latency while 20 anonymous sign-ins with random names
// run at once, over and over, each from its own address (so every one is hashed: the
// per-address throttle would otherwise refuse most before hashing), beside the same page
// measured alone in the same run. Before hashing moved to worker threads, this pushed the
// page's p50 from ~50 ms to 1.9 s. Prints the machine's load average.
import { loadavg } from "node:os";
import { freshSeededDatabase, ms, startServer, summarise, useScriptEnvironment } from "./support";

useScriptEnvironment();
process.env.TRUST_PROXY = "1";
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PAGE = "/results";
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

const file = freshSeededDatabase("login-bench");
const server = await startServer(file, PORT);
try {
  async function sample(seconds: number) {
    const samples: number[] = [];
    const stop = Date.now() + seconds * 1000;
    while (Date.now() < stop) {
      const t = performance.now();
      await (
        await fetch(`${server.url}${PAGE}`, { headers: { "Cache-Control": "no-cache" } })
      ).arrayBuffer();
      samples.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    return summarise(samples);
  }
  await sample(2);
  console.log(`Machine load before: ${load()}`);
  const floor = await sample(SECONDS);

  let signIns = 0;
  let running = true;
  let address = 0;
  const signer = async () => {
    while (running) {
      const body = new URLSearchParams({
        username: `nobody-${Math.random().toString(36).slice(2)}`,
        password: "wrong-password",
      });
      const response = await fetch(`${server.url}/login`, {
        method: "POST",
        body,
        headers: {
          Origin: server.url,
          "X-Forwarded-For": `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
        },
      });
      await response.arrayBuffer();
      signIns += 1;
    }
  };
  const signers = Array.from({ length: 20 }, signer);
  const during = await sample(SECONDS);
  running = false;
  await Promise.all(signers);
  console.log(`Machine load after: ${load()}\n`);
  console.log(
    `${PAGE} alone:                 p50 ${ms(floor.p50)} p99 ${ms(floor.p99)} (n=${floor.n})`,
  );
  console.log(
    `${PAGE} with 20 sign-ins at once: p50 ${ms(during.p50)} p99 ${ms(during.p99)} max ${ms(during.max)} (n=${during.n}); ${signIns} sign-ins answered in ${SECONDS} s`,
  );
} finally {
  await server.stop();
}
process.exit(0);
