// Benchmark (not a test): imports generated roster files the way the server does
// (startRosterImport: a job row, and from 1 MB a thread of its own that reads → validates every
// row → checks duplicates → encrypts and hashes → stages → moves in one transaction) into a
// fresh migrated database, each beside a raw floor measured in the same run: the same Worker
// rows, already encrypted, loaded by the bare bulk path (prepared multi-row INSERTs on SQLite,
// COPY on PostgreSQL) with no reading, checking or crypto, into the roster table as the
// import found it and with the same choice of building the indexes after the rows.
//
// Memory is the whole process's (main thread, the import's thread and every native buffer:
// SQLite's caches, pg's sockets): its peak resident size while the job runs, above what it
// was just before the job started, sampled every 50 ms and read from the kernel's own
// high-water mark (VmHWM, reset before the job) where Linux offers it. The generated file is
// written to disk in pieces and no copy of it is held, so the figure is the import's alone.
//
//   npm run bench:import                      SQLite, 5k/50k CSV and XLSX, then 1,000,000 CSV
//   DATABASE_URL=postgres://… npm run bench:import   the same on PostgreSQL (a scratch
//                                             database is made on that server and dropped)
//   npm run bench:import -- 200000            only a CSV of that many rows
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import pg from "pg";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  engineOf,
  openSchemaEngine,
  withDatabase,
} from "../../prisma/scripts/schema-engine";
import { withIdCheckChar } from "~/domain/identity/id-number";
import { kernelPeak, resetKernelPeak } from "~/test/process-peak";
import { runThreadsFromBundles } from "~/utils/module-thread.server";

const given = process.env.DATABASE_URL;
const engine = given ? engineOf(given) : "sqlite";
let url: string;
let cleanup: () => Promise<void>;
if (engine === "sqlite") {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jiangxin-import-bench-"));
  const file = path.join(dir, "bench.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
  url = `file:${file}`;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
} else {
  const admin = new pg.Client({ connectionString: given });
  await admin.connect();
  const name = `jx_import_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  url = withDatabase(given as string, name);
  cleanup = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}
const schemaEngine = await openSchemaEngine(url);
await applyPendingMigrations(schemaEngine, url);
await closeSchemaEngine(schemaEngine);

process.env.DATABASE_URL = url;
process.env.ID_NUMBER_KEY ??= "b3".repeat(32);
process.env.SESSION_SECRET ??= "import-bench-session-secret-0123456789abcdef";
// The benchmark measures import speed, not the hourly cap on new ID numbers per organisation.
process.env.ROSTER_NEW_IDS_PER_HOUR ??= "10000000";

const { bulkWrite, write, prisma, disconnectDb } = await import("~/db.server");
const { Prisma } = await import("~/generated/prisma/client");
const { startRosterImport, waitFor } = await import("~/models/roster-import.server");
// The import's threads start from bundles made as `npm run build` makes them, as the server's
// do: from the sources each thread would first compile them through tsx (about a second more).
const threads = path.resolve(".cache/import-bench-threads");
execFileSync("npx", ["tsx", "app/server/build-threads.ts"], {
  env: { ...process.env, JX_BUILD_NAME: threads },
  stdio: "inherit",
});
runThreadsFromBundles(threads);
const { deferringRosterIndexes } = await import("~/models/worker.server");

/** The Worker columns the floor loads, in the order its rows give them. */
const WORKER_LOAD_COLUMNS = [
  "organisationId",
  "name",
  "gender",
  "idNumberCipher",
  "idNumberHash",
  "idNumberMasked",
  "birthDate",
  "phone",
  "trade",
  "skillLevel",
  "unionMember",
  "frontLine",
  "manager",
  "createdAt",
  "updatedAt",
] as const;
const { sealIdNumbers } = await import("~/models/id-number-crypto.server");
const { maskIdNumber, parseIdNumber } = await import("~/domain/identity/id-number");

const LEVELS = ["初级工", "中级工", "高级工", "技师", "高级技师"];
const LEVEL_CODES = ["junior", "intermediate", "senior", "technician", "senior_technician"];

/** The n-th generated person's ID number: distinct for the first 12 million n. */
function idOf(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, "0");
  const year = 1960 + (Math.floor(n / 336) % 40);
  const serial = String(Math.floor(n / 13_440) % 1000).padStart(3, "0");
  const region = 610100 + Math.floor(n / 13_440_000);
  return withIdCheckChar(`${region}${year}${month}${day}${serial}`);
}

/** `count` distinct valid people; `offset` keeps the files of different runs apart. */
function rows(count: number, offset: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    out.push([
      `职工${n}`,
      idOf(n),
      `13${String(n).padStart(9, "0")}`,
      "数控铣工",
      LEVELS[n % 5] ?? "高级工",
      n % 9 === 0 ? "否" : "是",
    ]);
  }
  return out;
}

const HEADER = ["姓名", "身份证号", "手机号", "工种", "技能等级", "是否工会会员"];

/** Writes a CSV of `count` people from `offset` a piece at a time (no table held whole). */
async function writeCsv(file: string, count: number, offset: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`\uFEFF${HEADER.join(",")}\r\n`);
  for (let start = 0; start < count; start += 10_000) {
    const piece = rows(Math.min(10_000, count - start), offset + start);
    if (!out.write(`${piece.map((r) => r.join(",")).join("\r\n")}\r\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function xlsx(table: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("职工名册");
  sheet.addRow(HEADER);
  for (const r of table) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function newOrg(name: string): Promise<number> {
  const org = await write((tx) => tx.organisation.create({ data: { name, kind: "enterprise" } }));
  return org.id;
}

/** The raw floor: the same people as Worker rows, sealed beforehand, loaded with no checks. */
async function floor(label: string, table: string[][]): Promise<number> {
  const orgId = await newOrg(`基准测试单位${label}（下限）`);
  const ids = table.map((r) => r[1] as string);
  const sealed = sealIdNumbers(ids);
  const now = new Date();
  const values = table.map((r, i) => {
    const info = parseIdNumber(ids[i] as string);
    if (!info.ok) throw new Error(`generated ID ${ids[i]} is invalid`);
    const seal = sealed[i] as { cipher: string; hash: string };
    return [
      orgId,
      r[0] as string,
      info.value.gender,
      seal.cipher,
      seal.hash,
      maskIdNumber(info.value.idNumber),
      new Date(`${info.value.birthDate}T00:00:00+08:00`),
      r[2] as string,
      r[3] as string,
      LEVEL_CODES[i % 5] as string,
      r[5] === "是",
      true,
      false,
      now,
      now,
    ];
  });
  const started = performance.now();
  // The same decision the import's move makes (indexes built after a large load into a roster
  // table no larger than it), so the floor is the same load without the reading and checking.
  await bulkWrite((sql) =>
    deferringRosterIndexes(sql, values.length, undefined, () =>
      sql.load("Worker", WORKER_LOAD_COLUMNS, values),
    ),
  );
  return (performance.now() - started) / 1000;
}

const mb = (bytes: number) => `${Math.max(0, Math.round(bytes / 1024 / 1024))} MB`;
const spoolDir = mkdtempSync(path.join(os.tmpdir(), "jiangxin-import-spool-"));

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

let offset = 0;
async function run(count: number, format: "csv" | "xlsx") {
  const label = `${format} ${count >= 1_000_000 ? `${count / 1_000_000}M` : `${count / 1000}k`}`;
  const orgId = await newOrg(`基准测试单位${label}`);
  const first = offset;
  offset += count;
  // The file is spooled to disk as an upload is; the job reads it from there and removes it.
  const file = path.join(spoolDir, `roster-${label.replace(/\W+/g, "-")}.${format}`);
  if (format === "csv") await writeCsv(file, count, first);
  else writeFileSync(file, await xlsx(rows(count, first)));
  const size = statSync(file).size;
  global.gc?.();
  const base = process.memoryUsage();
  const kernel = resetKernelPeak();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const loadBefore = load();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const job = await startRosterImport(orgId, 0, {
    name: `roster.${format}`,
    path: file,
    bytes: size,
  });
  if (!job.ok) throw new Error(`${label} did not start: ${JSON.stringify(job.problems)}`);
  // When the job leaves "queued": its thread has started (from its bundle, as the server's).
  let queuedSeconds: number | null = null;
  let cpuAtStart: NodeJS.CpuUsage | null = null;
  const watch = setInterval(() => {
    void prisma.rosterImport
      .findUnique({ where: { id: job.value.id }, select: { status: true } })
      .then((row) => {
        if (queuedSeconds === null && row && row.status !== "queued") {
          queuedSeconds = (performance.now() - started) / 1000;
          cpuAtStart = process.cpuUsage();
        }
      });
  }, 200);
  await waitFor(job.value.id);
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = process.cpuUsage();
  clearInterval(watch);
  clearInterval(sampler);
  const threadSeconds = queuedSeconds ?? 0;
  sample();
  if (kernel) peakRss = Math.max(peakRss, kernelPeak() ?? 0);
  const done = await prisma.rosterImport.findUniqueOrThrow({
    where: { id: job.value.id },
    select: { status: true, rowsDone: true, problem: true, errors: true },
  });
  if (done.status !== "done" || done.rowsDone !== count)
    throw new Error(`${label} failed: ${JSON.stringify(done).slice(0, 500)}`);
  // The floor loads into the roster table as the import found it: without the import's rows.
  // One raw statement, outside Prisma's interactive transaction and its 60 s limit: on
  // PostgreSQL the delete checks every removed row against the eight tables that point at
  // Worker, about a minute of the server's time for a million rows on this machine.
  await bulkWrite((sql) =>
    sql.run(Prisma.sql`DELETE FROM "Worker" WHERE "organisationId" = ${orgId}`),
  );
  const floorSeconds = await floor(label, rows(count, first));
  // CPU time of every thread of the process (the import thread does nearly all of it): on a
  // shared machine it moves far less with the load than the wall-clock time does.
  const cpu = (from: NodeJS.CpuUsage) =>
    ((cpuAfter.user - from.user + cpuAfter.system - from.system) / 1e6).toFixed(1);
  const rate = (s: number) => Math.round(count / s).toLocaleString("en");
  console.log(
    `| ${label} | ${(size / 1024 / 1024).toFixed(1)} MB | ${size >= 1024 * 1024 ? "thread" : "main"} | ${seconds.toFixed(2)} s | ${rate(seconds)} | ${floorSeconds.toFixed(2)} s | ${rate(floorSeconds)} | ${(seconds / floorSeconds).toFixed(1)}× | ${threadSeconds.toFixed(1)} s / ${((seconds - threadSeconds) / floorSeconds).toFixed(1)}× | ${cpu(cpuBefore)} s / ${cpuAtStart ? cpu(cpuAtStart) : "–"} s | ${mb(peakRss - base.rss)} / ${mb(peakHeap - base.heapUsed)} | ${loadBefore} |`,
  );
}

// The server runs with two malloc arenas and a fixed mapping threshold (npm run serve,
// app/utils/allocator.server.ts), which glibc reads when a process starts: npm run bench:import
// starts the bench the same way, and the header says which settings a run had.
const arenas = ["MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_"]
  .map((name) => `${name}=${process.env[name] ?? "unset (glibc's default)"}`)
  .join(", ");

try {
  const only = Number(process.argv[2]);
  console.log(
    `Roster import on ${engine}, fresh database, ${os.cpus().length} cores. Import = startRosterImport to the job's end, as the server runs it (read, validate, duplicate check, encrypt, write: staged then moved on SQLite, into the roster's open transaction on PostgreSQL; on its own thread from 1 MB, from the thread bundles \`npm run build\` makes); floor = the same rows, already encrypted, through the bare bulk load. Extra memory = the process's peak resident size during the job (main thread + import thread + native caches) above its size before, and the main thread's heap. Allocator: ${arenas}.\n`,
  );
  console.log(
    "| file | size | runs on | import | rows/s | floor | rows/s | import/floor | queued (thread start) / the rest over floor | CPU, all threads: job / after the thread's start | extra memory: RSS / main heap | load avg (1/5/15) |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  if (Number.isInteger(only) && only > 0) await run(only, "csv");
  else {
    await run(5_000, "csv");
    await run(5_000, "xlsx");
    await run(50_000, "csv");
    await run(50_000, "xlsx");
    await run(1_000_000, "csv");
  }
  console.log(
    `\nTargets: a 1,000,000-row CSV in under 20 s; extra memory (the process's peak resident size above its size before the import) under 200 MB. Load average after: ${load()}.`,
  );
} finally {
  await disconnectDb();
  await cleanup();
  rmSync(spoolDir, { recursive: true, force: true });
}
