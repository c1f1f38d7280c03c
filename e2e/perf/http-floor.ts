// The HTTP figures' raw floor (npm run bench): a bare node:http server with as many workers
// as the app answering each path with the bytes the app answered it with, no routing, no
// cache, no database. What this machine serves to autocannon while it is as busy as it is;
// the app's throughput is read beside it. FLOOR_ANSWERS names a JSON file
// { "<path>": { "status", "headers", "body" (base64) } }; FLOOR_PORT, FLOOR_WORKERS.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

type Answer = { status: number; headers: Record<string, string>; body: string };

const workers = Number(process.env.FLOOR_WORKERS ?? 1);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  const stored = JSON.parse(readFileSync(process.env.FLOOR_ANSWERS!, "utf8")) as Record<
    string,
    Answer
  >;
  const answers = new Map(
    Object.entries(stored).map(([path, a]) => [
      path,
      { status: a.status, headers: a.headers, body: Buffer.from(a.body, "base64") },
    ]),
  );
  createServer((req, res) => {
    const answer = answers.get(req.url ?? "");
    if (!answer) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }).listen(Number(process.env.FLOOR_PORT), "127.0.0.1");
}
