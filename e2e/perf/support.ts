// Shared by the load, fault and benchmark scripts: a throw-away database, the production
// server started on 127.0.0.1, signed-in cookies minted like the app does, percentiles.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Secrets for throw-away servers; set before any app module reads the environment. */
export function useScriptEnvironment(): void {
  process.env.SESSION_SECRET ??= "perf-session-secret-0123456789abcdefghijklmnopqrstuvwxyz";
  process.env.ID_NUMBER_KEY ??= "5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e5e2e";
  // The scripts import rosters far larger than one organisation's hourly cap on new numbers.
  process.env.ROSTER_NEW_IDS_PER_HOUR ??= "10000000";
}

/** Creates, migrates and seeds a fresh database file; returns its path. */
export function freshSeededDatabase(name: string): string {
  const dir = path.join(ROOT, "e2e", ".data");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${Date.now()}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  for (const script of ["prisma/scripts/migrate-deploy.ts", "prisma/seed.ts"]) {
    const result = spawnSync("npx", ["tsx", script], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error(`${script} failed for ${file}`);
  }
  return file;
}

/**
 * A fresh seeded database for a script: a new SQLite file (freshSeededDatabase), or, when
 * `postgresUrl` is given, that PostgreSQL database dropped, made anew, migrated and seeded.
 * Returns its DATABASE_URL.
 */
export async function freshSeededDatabaseUrl(name: string, postgresUrl?: string): Promise<string> {
  if (!postgresUrl) return `file:${freshSeededDatabase(name)}`;
  const database = decodeURIComponent(new URL(postgresUrl).pathname.slice(1));
  const server = new URL(postgresUrl);
  server.pathname = "/postgres";
  server.search = "";
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const quoted = `"${database.replace(/"/g, '""')}"`;
    await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await admin.end();
  }
  for (const script of ["prisma/scripts/migrate-deploy.ts", "prisma/seed.ts"]) {
    const result = spawnSync("npx", ["tsx", script], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: postgresUrl },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error(`${script} failed for ${database}`);
  }
  return postgresUrl;
}

/** A database file's DATABASE_URL; a URL is kept as it is. */
function databaseUrl(database: string): string {
  return /^(file:|postgres(ql)?:\/\/)/.test(database) ? database : `file:${database}`;
}

/** Builds the app unless a build exists (JX_BUILD_NAME picks the folder, as for e2e). */
export function ensureBuild(): string {
  const name = process.env.JX_BUILD_NAME || "build";
  const entry = path.join(ROOT, name, "index.js");
  if (!existsSync(entry)) {
    const result = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) throw new Error("remix build failed");
  }
  return entry;
}

export type Server = {
  url: string;
  process: ChildProcess;
  /** SIGTERM to the whole group, SIGKILL after `graceMs` (300 unless said). */
  stop(graceMs?: number): Promise<void>;
  kill(): void;
};

/** The production server on `database` (a SQLite file, or a DATABASE_URL on either engine). */
export async function startServer(
  database: string,
  port: number,
  /** Flags for node (tsx passes them on; the workers inherit the primary's). */
  nodeArgs: string[] = [],
): Promise<Server> {
  const entry = ensureBuild();
  const child = spawn("npx", ["tsx", ...nodeArgs, "app/server/serve.ts", entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl(database),
      COOKIE_SECURE: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  await waitForServer(`${url}/healthz`);
  return {
    url,
    process: child,
    kill: () => signal("SIGKILL"),
    stop: async (graceMs = 300) => {
      signal("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, graceMs));
      signal("SIGKILL");
    },
  };
}

export async function waitForServer(url: string, attempts = 240): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer at ${url}`);
}

/**
 * "Cookie" header value that signs a user in, through the app's own session module: a
 * Session row in `databaseFile`, which this process then keeps using (one database a script).
 */
export async function sessionCookie(userId: number, database: string): Promise<string> {
  const url = databaseUrl(database);
  if (process.env.DATABASE_URL && process.env.DATABASE_URL !== url)
    throw new Error(`this script already signs in on ${process.env.DATABASE_URL}`);
  process.env.DATABASE_URL = url;
  const { signedInCookie } = await import("~/http/session.server");
  return signedInCookie(userId);
}

/**
 * CPU seconds (user + system) used so far by the live processes of a process group: the
 * server started by startServer is one group (npx, tsx, the primary and its workers), so a
 * script can say how the machine's cores were shared between the server and itself.
 * Linux only (reads /proc); null elsewhere.
 */
export function processGroupCpuSeconds(pgid: number): number | null {
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node runs on
  let ticks = 0;
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return ticks / ticksPerSecond;
}

/** This process's CPU seconds (user + system) so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** Percentiles of `n` timed calls, after up to 50 untimed ones to warm caches and the JIT. */
export async function measure(n: number, fn: (i: number) => unknown) {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

/**
 * A judge's score sheet posted as a browser without JavaScript posts it (a form, the server's
 * own origin, the redirect left to the caller, which counts a 302/303 as acknowledged).
 */
export function postSheet(
  origin: string,
  url: string,
  cookie: string,
  body: URLSearchParams,
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      Cookie: cookie,
      Origin: origin,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body,
    redirect: "manual",
  });
}
