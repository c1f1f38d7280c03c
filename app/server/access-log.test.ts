// The access log writes morgan "tiny"'s fields for every request, gathered into one write.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { accessLog, type AccessLog } from "./access-log";

let server: Server | null = null;
let closed = 0;

/** A server logging through `log`; `/plain` answers with a length, anything else streamed 404. */
async function serve(log: AccessLog): Promise<string> {
  closed = 0;
  server = createServer((req: IncomingMessage, res: ServerResponse) =>
    log.handler(req, res, () => {
      // After the log's own listener: by then the line is gathered.
      res.once("close", () => closed++);
      if (req.url?.startsWith("/plain")) {
        // As Express sets them (headers given to writeHead alone are not kept to be read).
        res.setHeader("content-type", "text/plain");
        res.setHeader("content-length", "5");
        res.end("hello");
      } else {
        res.writeHead(404, { "content-type": "text/html" });
        res.write("<p>");
        res.end("not here</p>");
      }
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  server = null;
});

describe("access log", () => {
  it("writes method, address, status, length and time, several requests in one write", async () => {
    const writes: string[] = [];
    // Not written by the clock during the test, however slow the machine.
    const log = accessLog((text) => writes.push(text), 60_000);
    const base = await serve(log);
    expect((await fetch(`${base}/plain?x=1`)).status).toBe(200);
    const missing = await fetch(`${base}/elsewhere`, { method: "POST", body: "a=1" });
    expect(await missing.text()).toBe("<p>not here</p>");
    await vi.waitFor(() => expect(closed).toBe(2));
    // Gathered, not written per request.
    expect(writes).toEqual([]);
    log.flush();
    expect(writes).toHaveLength(1);
    const lines = writes[0]!.split("\n");
    expect(lines[0]).toMatch(/^GET \/plain\?x=1 200 5 - \d+\.\d{3} ms$/);
    expect(lines[1]).toMatch(/^POST \/elsewhere 404 - - \d+\.\d{3} ms$/);
    expect(lines[2]).toBe("");
  });

  it("writes what it gathered within a moment without being asked", async () => {
    const writes: string[] = [];
    const log = accessLog((text) => writes.push(text));
    const base = await serve(log);
    await (await fetch(`${base}/plain`)).text();
    await vi.waitFor(() => expect(writes).toHaveLength(1), { timeout: 10_000 });
    expect(writes[0]).toMatch(/^GET \/plain 200 5 - \d+\.\d{3} ms\n$/);
  });
});
