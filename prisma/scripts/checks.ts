// npm run checks — the type check, the lint and the format check side by side (npm test runs
// them after db:generate, since tsc and the typed lint read the generated clients). Each is
// one single-threaded process, so run one after another they kept one of CI's two cores idle
// for about as long as the two shorter ones took; together they take about as long as the
// longest. What each prints is held and printed whole when it ends, with its wall time, so
// the three never interleave. All three run to the end even when one fails, and npm run
// checks fails when any did.
import { spawn } from "node:child_process";

/** The package.json scripts, longest first (the typed lint analyses the whole program). */
const CHECKS = ["lint", "typecheck", "format:check"];

function run(script: string): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const output: Buffer[] = [];
    const child = spawn("npm", ["run", "--silent", script], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (error) => {
      output.push(Buffer.from(`${error.message}\n`));
    });
    child.on("close", (code, signal) => {
      const ok = code === 0;
      const seconds = Math.round((Date.now() - started) / 1000);
      const how = ok ? "passed" : `failed (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n> npm run ${script}: ${how} in ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(ok);
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
if (results.some((ok) => !ok)) process.exit(1);
