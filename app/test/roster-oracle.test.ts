/// <reference types="vite/client" />
// No ID-number oracle across organisations (issue 12, finding 1). Every roster path that
// takes an ID number — or enters a person whom another organisation also holds — is run
// twice through its route action, as two managers of two identical organisations: one with
// a number another organisation holds (and has entered in the same events), one with a
// number nobody holds. What the manager gets back (status, message, row report, counts)
// must be the same, and so must the work the server does: the same SQL statements, none
// of them reaching other organisations' rows through the number (query plans are checked).
// The hourly cap on new numbers is tested at the end: atomic under concurrent requests,
// counted in the database (RateCounter), and refusing a whole file with nothing stored.
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma, write } from "~/db.server";
import { PLATFORM_SCOPE } from "~/domain/organisation";
import { env } from "~/env.server";
import { rosterCapKey } from "~/models/roster-cap.server";
import { getRosterImport, waitFor } from "~/models/roster-import.server";
import { createWorker as addWorker, importRoster } from "~/models/worker.server";
import { registerIndividual, registerTeam } from "~/models/registration-org.server";
import { fieldErrorsOf } from "~/utils/outcome";
import { createOrganisation, createUser } from "~/test/factories";
import {
  addToRoster,
  createEvent,
  createOpenContest,
  idNumber,
} from "~/test/registration-factories";
import { makeRequest, run, type RouteModule } from "~/test/route-harness";

const modules = import.meta.glob<RouteModule>("../routes/*.{ts,tsx}");
const action = async (file: string) => (await modules[`../routes/${file}`]!()).action!;

// ───────────── what the server executes, statement by statement ─────────────

type Executed = { sql: string; plan: string };
let trace: Executed[] | null = null;
let explaining = false;

/** Records every statement run on any connection of this process, with its query plan. */
function watchStatements() {
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  probe.close();
  // Prisma's adapter binds once, then runs without arguments: keep what was bound.
  const bound = new WeakMap<object, unknown[]>();
  const bind = proto.bind!;
  proto.bind = function (this: Database.Statement, ...args: unknown[]) {
    bound.set(this, args);
    return bind.apply(this, args);
  };
  for (const method of ["all", "get", "run", "iterate"]) {
    const original = proto[method]!;
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      if (trace && !explaining) {
        let plan = "";
        // Every statement that finds rows by an ID number's hash.
        if (/\b(WHERE|ON)\b[\s\S]*idNumberHash["`]?\s*(=|IN\b)/i.test(this.source)) {
          explaining = true;
          try {
            plan = (
              this.database
                .prepare(`EXPLAIN QUERY PLAN ${this.source}`)
                .all(...(args.length > 0 ? args : (bound.get(this) ?? []))) as {
                detail: string;
              }[]
            )
              .map((r) => r.detail)
              .join("; ");
          } finally {
            explaining = false;
          }
        }
        trace.push({ sql: this.source, plan });
      }
      return original.apply(this, args);
    };
  }
}

// ───────────── two identical worlds ─────────────

type World = {
  label: "warm-up" | "held elsewhere" | "held by nobody";
  org: number;
  manager: number;
  /** Numbers the paths below submit: one per path, so each path starts clean. */
  number: Record<string, string>;
  /** Workers of this organisation, for the paths that need one. */
  worker: Record<string, number>;
  /**
   * The world's own contest, built alike in every world, where the other organisation has
   * entered a person of its own: in "held elsewhere", the very person this world enters.
   */
  contest: { id: number; solo: { id: number; code: string }; team: { id: number } };
};

type Path = {
  name: string;
  run: (w: World) => Promise<{ outcome: string; body: string }>;
};

let holder = 0;
const worlds: World[] = [];

const NAME = "王同名";

function csvFile(lines: string[], name = "file.csv") {
  return new File([`\uFEFF${lines.join("\r\n")}\r\n`], name, { type: "text/csv" });
}

async function xlsxFile(rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("职工名册");
  for (const r of rows) sheet.addRow(r);
  return new File([new Uint8Array(await workbook.xlsx.writeBuffer())], "roster.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

async function post(file: string, url: string, w: World, body: FormData) {
  const request = await makeRequest(url, { method: "POST", userId: w.manager, body });
  const { outcome, value } = await run(await action(file), request, {
    workerId: url.split("/").pop() ?? "",
  });
  let body2: unknown = value;
  const job = /^\/org\/workers\/import\/(\d+)$/.exec(
    value instanceof Response ? (value.headers.get("Location") ?? "") : "",
  );
  if (job) {
    // A roster upload is answered with its job's page; the import runs after the answer (on
    // this thread for files this small), and what the manager sees is the job's outcome.
    // The file's size differs by design (each world's numbers compress differently).
    await waitFor(Number(job[1]));
    const {
      id: _id,
      createdAt: _at,
      finishedAt: _end,
      fileBytes: _bytes,
      bytesRead: _read,
      ...seen
    } = (await getRosterImport({ organisationId: w.org }, Number(job[1])))!;
    body2 = seen;
  } else if (value instanceof Response)
    body2 = { status: value.status, location: value.headers.get("Location") };
  else if (value && (value as { type?: string }).type === "DataWithResponseInit")
    body2 = (value as { data: unknown }).data;
  return { outcome, body: JSON.stringify(body2) };
}

function form(fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return body;
}

const ROSTER_HEAD = ["姓名", "身份证号", "手机号", "工种", "技能等级", "是否工会会员"];

const PATHS: Path[] = [
  {
    name: "add a worker",
    run: (w) =>
      post(
        "org.workers._index.tsx",
        "/org/workers",
        w,
        form({
          name: NAME,
          idNumber: w.number.add!,
          phone: "",
          trade: "",
          skillLevel: "",
          unionMember: "on",
        }),
      ),
  },
  {
    name: "change a worker's ID number",
    run: (w) =>
      post(
        "org.workers.$workerId.tsx",
        `/org/workers/${w.worker.edit}`,
        w,
        form({
          name: NAME,
          idNumber: w.number.edit!,
          phone: "",
          trade: "",
          skillLevel: "",
          unionMember: "on",
        }),
      ),
  },
  {
    name: "import a roster (CSV)",
    run: (w) =>
      post(
        "org.workers.import.tsx",
        "/org/workers/import",
        w,
        form({
          file: csvFile([
            ROSTER_HEAD.join(","),
            `${NAME},${w.number.csv},13800138000,钳工,高级工,是`,
          ]),
        }),
      ),
  },
  {
    name: "import a roster (XLSX)",
    run: async (w) =>
      post(
        "org.workers.import.tsx",
        "/org/workers/import",
        w,
        form({
          file: await xlsxFile([
            ROSTER_HEAD,
            [NAME, w.number.xlsx!, "13800138000", "钳工", "高级工", "是"],
          ]),
        }),
      ),
  },
  {
    name: "import entries naming a number not on the roster",
    run: (w) =>
      post(
        "org.registrations.import.tsx",
        "/org/registrations/import",
        w,
        form({
          contestId: String(w.contest.id),
          file: csvFile([
            "赛项代码,身份证号,姓名",
            `${w.contest.solo.code},${w.number.entries},${NAME}`,
          ]),
        }),
      ),
  },
  {
    name: "enter a worker the other unit also entered",
    run: (w) =>
      post(
        "org.registrations._index.tsx",
        "/org/registrations",
        w,
        form({
          intent: "individual",
          eventId: String(w.contest.solo.id),
          workerId: String(w.worker.solo),
        }),
      ),
  },
  {
    name: "enter a team with a member the other unit also entered",
    run: (w) => {
      const body = form({ intent: "team", eventId: String(w.contest.team.id), teamName: "一队" });
      body.append("members", String(w.worker.team));
      body.append("members", String(w.worker.mate));
      return post("org.registrations._index.tsx", "/org/registrations", w, body);
    },
  },
];

/** Ids, timings and the numbers themselves differ between worlds by design. */
function normalise(text: string, w: World): string {
  let out = text;
  for (const n of Object.values(w.number))
    out = out
      .replaceAll(n, "<ID>")
      .replaceAll(`${n.slice(0, 4)}**********${n.slice(-4)}`, "<MASKED>");
  return out
    .replace(/"(ms|eventId)":\d+/g, '"$1":0')
    .replace(/"at":\d+/g, '"at":0')
    .replace(/\/\d+(?=["?/])/g, "/<id>");
}

beforeAll(async () => {
  watchStatements();
  const federation = await createOrganisation({ kind: "federation" });
  holder = (await createOrganisation({ name: "原单位" })).id;
  const holderManager = (await createUser({ role: "org_manager", organisationId: holder })).id;

  const hire = (org: number, number: string) => addToRoster(org, number, NAME);
  // Same birth date and sex everywhere (odd sequence numbers): only "held elsewhere" differs.
  let seq = 1;
  const fresh = () => idNumber("19880808", (seq += 2));
  const keys = ["add", "edit", "csv", "xlsx", "entries", "solo", "team"];

  for (const label of ["warm-up", "held elsewhere", "held by nobody"] as const) {
    const org = (await createOrganisation()).id;
    const manager = (await createUser({ role: "org_manager", organisationId: org })).id;
    const number = Object.fromEntries(keys.map((k) => [k, fresh()]));
    const c = await createOpenContest(federation.id);
    const soloEvent = await createEvent(c.id, { code: "SOLO" });
    const teamEvent = await createEvent(c.id, {
      code: "TEAM",
      mode: "team",
      teamMin: 2,
      teamMax: 2,
    });
    // The other organisation holds this world's numbers only where they are "held
    // elsewhere", and in every world has entered one person of its own in each event.
    const holds = (k: string) => (label === "held elsewhere" ? number[k]! : fresh());
    for (const k of ["add", "edit", "csv", "xlsx", "entries"]) await hire(holder, holds(k));
    const heldSolo = await hire(holder, holds("solo"));
    const heldTeam = await hire(holder, holds("team"));
    const holderMate = await hire(holder, fresh());
    expect((await registerIndividual(holderManager, holder, soloEvent.id, heldSolo))?.ok).toBe(
      true,
    );
    expect(
      (
        await registerTeam(holderManager, holder, teamEvent.id, "原队", [
          { workerId: heldTeam, substitute: false },
          { workerId: holderMate, substitute: false },
        ])
      )?.ok,
    ).toBe(true);
    const worker: Record<string, number> = {
      edit: await hire(org, fresh()),
      solo: await hire(org, number.solo!),
      team: await hire(org, number.team!),
      mate: await hire(org, fresh()),
    };
    worlds.push({
      label,
      org,
      manager,
      number,
      worker,
      contest: {
        id: c.id,
        solo: { id: soloEvent.id, code: soloEvent.code },
        team: { id: teamEvent.id },
      },
    });
  }
}, 120_000);

describe("no ID-number oracle across organisations", () => {
  for (const path of PATHS) {
    it(`${path.name}: the same answer and the same work whether or not another unit holds the number`, async () => {
      const statements = (e: Executed[]) => e.map((x) => `${x.sql} ⟶ ${x.plan}`).sort();
      const seen = [];
      // The clock stands still for the three runs: the sweep of interrupted imports runs at
      // most every HEARTBEAT_MS by Date.now(), so on a loaded machine it could fall in one
      // traced run and not the other. Now it runs in the warm-up or in neither.
      const clock = vi.spyOn(Date, "now").mockReturnValue(Date.now());
      try {
        // The warm-up world runs first: connections and caches start up outside the trace.
        await path.run(worlds[0]!);
        for (const w of worlds.slice(1)) {
          trace = [];
          const answer = await path.run(w);
          const executed = trace;
          trace = null;
          seen.push({
            answer: { outcome: answer.outcome, body: normalise(answer.body, w) },
            executed,
          });
        }
      } finally {
        clock.mockRestore();
      }
      const [elsewhere, nobody] = seen;
      expect(elsewhere!.answer).toEqual(nobody!.answer);
      expect(elsewhere!.answer.outcome, elsewhere!.answer.body).not.toBe("error");
      // The same statements (in any order: some run concurrently), with the same plans.
      expect(statements(elsewhere!.executed)).toEqual(statements(nobody!.executed));
      // No statement looks a number up across organisations: a point look-up of (number,
      // organisation) in the unique index, never a range of the number alone (which would
      // pass other organisations' rows), and never a scan of the roster table.
      for (const x of elsewhere!.executed.filter((e) => e.plan !== "")) {
        expect(x.plan, x.sql).toMatch(
          /Worker_idNumberHash_organisationId_key \(idNumberHash=\? AND organisationId=\?\)/,
        );
        expect(x.plan, x.sql).not.toMatch(/Worker_idNumberHash_idx|SCAN (w|Worker)\b/);
      }
    });
  }

  it("stores the second unit's record and shows both to the organiser only", async () => {
    const [, elsewhere, nobody] = worlds;
    const shared = await prisma.worker.findMany({
      where: {
        idNumberHash: (
          await prisma.worker.findUniqueOrThrow({ where: { id: elsewhere!.worker.solo! } })
        ).idNumberHash,
      },
      select: { organisationId: true },
    });
    expect(shared.map((s) => s.organisationId).sort()).toEqual([holder, elsewhere!.org].sort());
    const { listSharedIdentities } = await import("~/models/identity.server");
    const groups = await listSharedIdentities(PLATFORM_SCOPE);
    expect(groups.some((g) => g.records.some((r) => r.organisation.id === elsewhere!.org))).toBe(
      true,
    );
    expect(groups.every((g) => g.records.every((r) => r.organisation.id !== nobody!.org))).toBe(
      true,
    );
  });
});

describe("the hourly cap on new ID numbers", () => {
  it("lets exactly the cap through under concurrent requests, counted in the database", async () => {
    const cap = env.ROSTER_NEW_IDS_PER_HOUR;
    const org = (await createOrganisation()).id;
    const now = new Date("2026-12-01T02:10:00.000Z");
    // Fill the hour to ten short of the cap through the counter itself.
    const key = rosterCapKey(org, now);
    await write((tx) =>
      tx.rateCounter.create({
        data: { key, count: cap - 10, expiresAt: new Date("2026-12-01T03:00:00.000Z") },
      }),
    );
    const tries = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        addWorker(
          org,
          {
            name: `并发${i}`,
            idNumber: idNumber("19770707", 100 + i),
            phone: null,
            trade: null,
            skillLevel: null,
            unionMember: true,
          },
          now,
        ),
      ),
    );
    expect(tries.filter((t) => t.ok)).toHaveLength(10);
    expect(
      tries.filter((t) => !t.ok).map((t) => !t.ok && fieldErrorsOf(t.problems).idNumber),
    ).toEqual(Array(15).fill("reg.worker.newIdsCapped"));
    expect(await prisma.worker.count({ where: { organisationId: org } })).toBe(10);
    expect((await prisma.rateCounter.findUniqueOrThrow({ where: { key } })).count).toBe(cap);
    // The next clock hour starts again.
    const later = await addWorker(
      org,
      {
        name: "下一小时",
        idNumber: idNumber("19770707", 200),
        phone: null,
        trade: null,
        skillLevel: null,
        unionMember: true,
      },
      new Date("2026-12-01T03:00:00.000Z"),
    );
    expect(later.ok).toBe(true);
  });

  it("refuses a whole file that would pass the cap, storing nothing", async () => {
    const cap = env.ROSTER_NEW_IDS_PER_HOUR;
    const org = (await createOrganisation()).id;
    const key = rosterCapKey(org, new Date());
    await write((tx) =>
      tx.rateCounter.create({
        data: { key, count: cap - 1, expiresAt: new Date(Date.now() + 3_600_000) },
      }),
    );
    const lines = [
      ROSTER_HEAD.join(","),
      `甲,${idNumber("19660606", 11)},13800138000,,,是`,
      `乙,${idNumber("19660606", 13)},13800138001,,,是`,
    ];
    const result = await importRoster(org, 0, {
      name: "roster.csv",
      bytes: new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`),
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { row: 1, code: "import_new_ids_capped", params: { cap, used: cap - 1, requested: 2 } },
      ],
    });
    expect(await prisma.worker.count({ where: { organisationId: org } })).toBe(0);
    expect((await prisma.rateCounter.findUniqueOrThrow({ where: { key } })).count).toBe(cap - 1);
  });
});
