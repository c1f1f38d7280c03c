import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { PLATFORM_SCOPE } from "~/domain/organisation";
import { prisma, write } from "~/db.server";
import { withIdCheckChar } from "~/domain/identity/id-number";
import { createOrganisation } from "~/test/factories";
import { checkRosterFile, PROGRESS_ROWS } from "./roster-file.server";
import { stagedRecords } from "./roster-stage.server";
import {
  failInterruptedImports,
  getRosterImport,
  LEASE_MS,
  startRosterImport,
  waitFor,
  type RosterImportView,
} from "./roster-import.server";
import { createWorker, ImportJobLost, importRoster } from "./worker.server";

// Above this hour's cap on new ID numbers (the job's thread reads the same environment).
vi.hoisted(() => {
  process.env.ROSTER_NEW_IDS_PER_HOUR = "100000";
});

const HEAD = "姓名,身份证号,性别,手机号,工种,技能等级,是否工会会员";
const DIR = mkdtempSync(path.join(tmpdir(), "roster-import-test-"));
let files = 0;

/** The n-th of many distinct valid ID numbers (1,000 per birth day from 1960). */
function nthId(n: number): string {
  const day = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll("-", "");
  return withIdCheckChar(`610113${birth}${String(n % 1000).padStart(3, "0")}`);
}

function rosterCsv(count: number, last?: string): string {
  const lines = [HEAD];
  for (let n = 0; n < count; n++) lines.push(`职工${n},${nthId(n)},,13800138000,车工,,是`);
  if (last) lines.push(last);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A file spooled as the upload route spools it. */
function spool(text: string, name = "roster.csv") {
  const file = path.join(DIR, `upload-${++files}`);
  writeFileSync(file, text);
  return { name, path: file, bytes: Buffer.byteLength(text) };
}

const counts = async () => ({
  workers: await prisma.worker.count(),
  audit: await prisma.auditLog.count(),
});

/** Reads the job over and over while it runs: every reading is kept. */
async function watch(viewer: { organisationId: number }, id: number) {
  const seen: RosterImportView[] = [];
  const done = waitFor(id);
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const job = await getRosterImport(viewer, id);
    if (job) seen.push(job);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await done;
  seen.push((await getRosterImport(viewer, id))!);
  return seen;
}

/**
 * The time allowed a test that imports thousands of rows through the database (not a
 * measure: the bench measures); a machine shared by many runs can take a minute.
 */
const IMPORT_MS = 120_000;

const ORDER = ["queued", "parsing", "checking", "loading", "done", "failed"];

describe("roster import jobs", () => {
  it(
    "checks the file in chunks and reports every chunk, rising to the total",
    async () => {
      const reports: [number, number][] = [];
      const bytes = new TextEncoder().encode(rosterCsv(25_000));
      let read = 0;
      const chunks: number[] = [];
      const result = await checkRosterFile(
        { name: "r.csv", bytes },
        "2026-11-30",
        {
          // Bytes are reported by the first pass only, all before the first row is checked.
          read: (more) => {
            expect(reports).toEqual([]);
            read += more;
          },
          checked: (done, total) => void reports.push([done, total]),
        },
        // Sealed rows arrive a chunk at a time, in file order, never the whole file at once.
        async (chunk) => {
          const rows = stagedRecords(chunk);
          expect(rows[0]?.row).toBe(2 + chunks.reduce((a, b) => a + b, 0));
          expect(rows.every((r) => /^[0-9a-f]{32}$/.test(String(r.idNumberHash)))).toBe(true);
          chunks.push(rows.length);
        },
      );
      expect(read).toBe(bytes.byteLength);
      expect(result).toEqual({ ok: true, value: { count: 25_000, samples: 0 } });
      expect(chunks).toEqual([PROGRESS_ROWS, PROGRESS_ROWS, 5_000]);
      expect(reports).toEqual([
        [0, 25_000],
        [PROGRESS_ROWS, 25_000],
        [2 * PROGRESS_ROWS, 25_000],
        [25_000, 25_000],
      ]);
    },
    IMPORT_MS,
  );

  it(
    "runs on its thread: progress only rises, to the total, and the roster is stored",
    async () => {
      const org = await createOrganisation();
      const started = await startRosterImport(org.id, 7, spool(rosterCsv(25_000)), {
        thread: true,
      });
      if (!started.ok) throw new Error("not started");
      const seen = await watch({ organisationId: org.id }, started.value.id);
      for (let i = 1; i < seen.length; i++) {
        const [before, after] = [seen[i - 1]!, seen[i]!];
        expect(ORDER.indexOf(after.status)).toBeGreaterThanOrEqual(ORDER.indexOf(before.status));
        expect(after.rowsDone).toBeGreaterThanOrEqual(before.rowsDone);
        expect(after.rowsDone).toBeLessThanOrEqual(Math.max(after.rowsTotal, 0));
        expect(after.rowsWritten).toBeGreaterThanOrEqual(before.rowsWritten);
        expect(after.rowsWritten).toBeLessThanOrEqual(Math.max(after.rowsTotal, 0));
      }
      expect(seen.at(-1)).toMatchObject({
        status: "done",
        rowsDone: 25_000,
        rowsWritten: 25_000,
        rowsTotal: 25_000,
        problem: null,
        errors: [],
      });
      expect(seen.at(-1)?.finishedAt).toBeInstanceOf(Date);
      expect(await prisma.worker.count({ where: { organisationId: org.id } })).toBe(25_000);
      const trail = await prisma.auditLog.findFirstOrThrow({
        where: { entityType: "Organisation", entityId: org.id, action: "worker.import" },
      });
      expect(trail.actorId).toBe(7);
    },
    IMPORT_MS,
  );

  it(
    "a file with one bad row stores nothing and keeps the row's error as keys",
    async () => {
      const org = await createOrganisation();
      const before = await counts();
      const bad = `坏行,110101199001011230,,13800138000,,,是`;
      const started = await startRosterImport(org.id, 7, spool(rosterCsv(12_000, bad)), {
        thread: false,
      });
      if (!started.ok) throw new Error("not started");
      // The first chunk was staged before the bad row was read.
      const seen = await watch({ organisationId: org.id }, started.value.id);
      expect(Math.max(...seen.map((j) => j.rowsWritten))).toBe(PROGRESS_ROWS);
      const job = await getRosterImport({ organisationId: org.id }, started.value.id);
      expect(job).toMatchObject({ status: "failed", problem: null, rowsTotal: 12_001 });
      expect(job?.errors).toEqual([
        expect.objectContaining({ row: 12_002, column: "身份证号", code: expect.any(String) }),
      ]);
      expect(await counts()).toEqual(before);
    },
    IMPORT_MS,
  );

  it("a file that is not a spreadsheet fails with its problem; the spooled file is removed", async () => {
    const org = await createOrganisation();
    const file = spool("MZ\u0000binary", "virus.exe");
    const started = await startRosterImport(org.id, 7, file, { thread: false });
    if (!started.ok) throw new Error("not started");
    await waitFor(started.value.id);
    expect(await getRosterImport({ organisationId: org.id }, started.value.id)).toMatchObject({
      status: "failed",
      problem: "import_not_spreadsheet",
      errors: [],
    });
    expect(existsSync(file.path)).toBe(false);
  });

  it("only the job's own organisation (and an admin) can see it", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const started = await startRosterImport(org.id, 7, spool(rosterCsv(3)), { thread: false });
    if (!started.ok) throw new Error("not started");
    await waitFor(started.value.id);
    expect(await getRosterImport({ organisationId: other.id }, started.value.id)).toBeNull();
    expect(await getRosterImport({ organisationId: org.id }, started.value.id + 1000)).toBeNull();
    expect(await getRosterImport({ scope: PLATFORM_SCOPE }, started.value.id)).toMatchObject({
      status: "done",
    });
  });

  it("refuses a second import while one of the organisation's runs", async () => {
    const org = await createOrganisation();
    // One runs in another live process on this host (the test runner's parent).
    const runningId = await jobRow(org.id, "checking", `${hostname()}|${process.ppid}|other`);
    const second = spool(rosterCsv(2));
    expect(await startRosterImport(org.id, 7, second)).toEqual({
      ok: false,
      problems: [{ row: null, column: null, code: "import_running", params: { jobId: runningId } }],
    });
    expect(existsSync(second.path)).toBe(false);
    // Another organisation imports meanwhile.
    const other = await createOrganisation();
    const theirs = await startRosterImport(other.id, 8, spool(rosterCsv(2)), { thread: false });
    expect(theirs.ok).toBe(true);
    if (theirs.ok) await waitFor(theirs.value.id);
  });

  it("a restart marks failed the jobs whose process died, and only those", async () => {
    const org = await createOrganisation();
    // A process that has exited: its pid names no live process.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const host = hostname();
    const died = await jobRow(org.id, "loading", `${host}|${gone}|old`);
    const earlierSelf = await jobRow(org.id, "checking", `${host}|${process.pid}|before-restart`);
    const elsewhere = await jobRow(org.id, "loading", `another-host|${gone}|x`);
    const beside = await jobRow(org.id, "parsing", `${host}|${process.ppid}|live`);
    const finished = await jobRow(org.id, "done", `${host}|${gone}|old`);
    const before = await counts();
    expect(await failInterruptedImports()).toBe(2);
    const status = async (id: number) =>
      (await getRosterImport({ organisationId: org.id }, id))?.status;
    expect(await status(died)).toBe("failed");
    expect(await status(earlierSelf)).toBe("failed");
    expect(await getRosterImport({ organisationId: org.id }, died)).toMatchObject({
      problem: "import_interrupted",
    });
    expect(await status(elsewhere)).toBe("loading");
    expect(await status(beside)).toBe("parsing");
    expect(await status(finished)).toBe("done");
    expect(await counts()).toEqual(before);
  });
});

async function jobRow(
  organisationId: number,
  status: string,
  runner: string,
  heartbeatAt = new Date(),
) {
  const job = await write((tx) =>
    tx.rosterImport.create({
      data: {
        organisationId,
        userId: 1,
        fileName: "r.csv",
        fileBytes: 10,
        status,
        runner,
        heartbeatAt,
      },
      select: { id: true },
    }),
  );
  return job.id;
}

describe("a job whose machine died", () => {
  it("is failed by any process once it has missed its lease; a job still beating is kept", async () => {
    const org = await createOrganisation();
    const now = new Date();
    const late = new Date(now.getTime() - LEASE_MS - 1000);
    const fresh = new Date(now.getTime() - LEASE_MS + 5000);
    // Another machine: its pid means nothing here, only its heartbeat tells.
    const silent = await jobRow(org.id, "checking", "dead-host|4242|t", late);
    const beating = await jobRow(org.id, "loading", "live-host|4242|t", fresh);
    // A live process on this host that stopped beating (frozen, or cut off from the database).
    const frozen = await jobRow(org.id, "parsing", `${hostname()}|${process.ppid}|t`, late);
    const ended = await jobRow(org.id, "done", "dead-host|4242|t", late);
    const workers = await prisma.worker.count();

    expect(await failInterruptedImports(now)).toBe(2);
    const job = (id: number) => getRosterImport({ organisationId: org.id }, id);
    expect(await job(silent)).toMatchObject({ status: "failed", problem: "import_interrupted" });
    expect(await job(frozen)).toMatchObject({ status: "failed", problem: "import_interrupted" });
    expect((await job(beating))?.status).toBe("loading");
    expect((await job(ended))?.status).toBe("done");
    // Nothing of the failed job reached the roster.
    expect(await prisma.worker.count()).toBe(workers);
    // The organisation can import again: the silent job no longer blocks it (the beating
    // one still does, until it ends or misses its lease too).
    expect(await startRosterImport(org.id, 7, spool(rosterCsv(1)))).toEqual({
      ok: false,
      problems: [{ row: null, column: null, code: "import_running", params: { jobId: beating } }],
    });
    await write((tx) =>
      tx.rosterImport.update({ where: { id: beating }, data: { heartbeatAt: late } }),
    );
    await failInterruptedImports(now);
    const again = await startRosterImport(org.id, 7, spool(rosterCsv(2)), { thread: false });
    expect(again.ok).toBe(true);
    if (again.ok) await waitFor(again.value.id);
  });

  it("a job marked failed while it still ran cannot move its rows into the roster", async () => {
    const org = await createOrganisation();
    // Another process failed the job (its lease ran out while its machine stalled); the
    // stalled process then wakes and reaches the move.
    const lost = await jobRow(org.id, "failed", "stalled-host|1|t");
    const before = await counts();
    const { name, path: file } = spool(rosterCsv(3));
    await expect(
      importRoster(org.id, 7, { name, path: file }, undefined, {}, lost),
    ).rejects.toBeInstanceOf(ImportJobLost);
    expect(await counts()).toEqual(before);
    // Its places under the hourly cap went back: the same file imports in full afterwards.
    const again = spool(rosterCsv(3));
    const outcome = await importRoster(org.id, 7, { name: again.name, path: again.path });
    expect(outcome).toMatchObject({ ok: true, value: { count: 3 } });
  });
});

describe("the rows' way into the roster", () => {
  it(
    "writes them a chunk at a time inside one transaction, telling each; a failure undoes all",
    async () => {
      const org = await createOrganisation();
      const reports: [number, number][] = [];
      const seenByOthers: number[] = [];
      const { name, path: file } = spool(rosterCsv(25_000));
      const outcome = await importRoster(org.id, 7, { name, path: file }, undefined, {
        written: async (done, total) => {
          reports.push([done, total]);
          // Another connection sees none of them until the import commits (on PostgreSQL
          // they are in the roster's open transaction, on SQLite in the import's stage).
          seenByOthers.push(await prisma.worker.count({ where: { organisationId: org.id } }));
        },
      });
      expect(outcome).toMatchObject({ ok: true, value: { count: 25_000 } });
      expect(reports).toEqual([
        [10_000, 25_000],
        [20_000, 25_000],
        [25_000, 25_000],
      ]);
      expect(seenByOthers).toEqual([0, 0, 0]);
      // In file order, every row once.
      const stored = await prisma.worker.findMany({
        where: { organisationId: org.id },
        orderBy: { id: "asc" },
        select: { name: true },
      });
      expect(stored.map((w) => w.name)).toEqual(
        Array.from({ length: 25_000 }, (_, n) => `职工${n}`),
      );

      // An import that fails after its second chunk stores nothing of the file.
      const other = await createOrganisation();
      const before = await counts();
      const again = spool(rosterCsv(25_000));
      await expect(
        importRoster(other.id, 7, { name: again.name, path: again.path }, undefined, {
          written: (done) => {
            if (done >= 20_000) throw new Error("the process fails mid-import");
          },
        }),
      ).rejects.toThrow("mid-import");
      expect(await counts()).toEqual(before);
    },
    IMPORT_MS,
  );

  it(
    "stores nothing when a save puts one of the file's numbers on the roster meanwhile",
    async () => {
      const org = await createOrganisation();
      const before = await counts();
      const { name, path: file } = spool(rosterCsv(25_000));
      // Row 20,002 of the file (worker 20,000 from 0), saved by hand while the import runs.
      let saves = 0;
      const outcome = await importRoster(org.id, 7, { name, path: file }, undefined, {
        written: async (done) => {
          if (done !== 10_000 || saves++ > 0) return;
          const saved = await createWorker(org.id, {
            name: "职工20000",
            idNumber: nthId(20_000),
            phone: null,
            trade: null,
            skillLevel: null,
            unionMember: true,
          });
          expect(saved.ok).toBe(true);
        },
      });
      // On SQLite the stage is looked up once the file is checked. On PostgreSQL the rows
      // are in the roster's transaction already: the unique index refuses the chunk that
      // holds the number, and the file is checked again from the start, which finds it.
      expect(outcome).toEqual({
        ok: false,
        problems: [{ row: 20_002, column: "身份证号", code: "import_id_in_roster", params: {} }],
      });
      const after = await counts();
      expect(after).toEqual({ ...before, workers: before.workers + 1 });
    },
    IMPORT_MS,
  );
});
