// public/'s own files are served as express.static serves them; every other address goes on
// to the app without express.static being asked.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicFiles } from "./public-files";

let dir = "";
let server: Server;
let base = "";

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "jx-public-"));
  writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  mkdirSync(path.join(dir, "icons"));
  writeFileSync(path.join(dir, "icons", "a b.txt"), "spaced");
  const app = express();
  app.use(publicFiles(dir, { maxAge: "1h" }));
  app.use((req, res) => void res.status(404).send(`app ${req.method} ${req.url}`));
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("public files", () => {
  it("serves what public/ holds, with its caching", async () => {
    const icon = await fetch(`${base}/favicon.svg?v=2`);
    expect(icon.status).toBe(200);
    expect(await icon.text()).toBe("<svg/>");
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await (await fetch(`${base}/icons/a%20b.txt`)).text()).toBe("spaced");
    expect((await fetch(`${base}/favicon.svg`, { method: "HEAD" })).status).toBe(200);
  });

  it("lets everything else through to the app", async () => {
    expect(await (await fetch(`${base}/quiz/1?q=2`)).text()).toBe("app GET /quiz/1?q=2");
    expect(await (await fetch(`${base}/favicon.svg`, { method: "POST" })).text()).toBe(
      "app POST /favicon.svg",
    );
    expect(await (await fetch(`${base}/favicon.svg/inside`)).text()).toBe(
      "app GET /favicon.svg/inside",
    );
    expect(await (await fetch(`${base}/%E0%A4%A`)).text()).toBe("app GET /%E0%A4%A");
  });
});
