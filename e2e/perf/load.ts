// npm run load — many judges saving marks while many visitors read the leaderboards, against
// the production build on 127.0.0.1 with a fresh seeded database. The boards are read alone
// first (idle), then while the judges mark. Then it checks that no acknowledged mark was lost
// and that every stored total equals its recomputation from the marks, and prints throughput
// and latency. Bounded: LOAD_IDLE_SECONDS (default 10) of reading alone, LOAD_SECONDS (default
// 20) of reading while marking, LOAD_ROUNDS (default 2) passes of every judge over every sheet.
// SQLite by default (a new file); DATABASE_URL=postgres://…/<name> runs on PostgreSQL, on
// that database, dropped and made anew.
//
// LOAD_SAVES_PER_SECOND paces the judges (open loop): sheet saves are started on a fixed
// schedule, save k at k / rate seconds, dealt round-robin to the judges, for the whole reading
// phase (passes over the sheets repeat as needed), whatever the server's speed. A judge works
// one sheet at a time, so a save whose judge is still busy at its slot starts late: it is
// counted and its lateness reported, never skipped. The default, 20 saves a second, is more than
// a very large live final asks: 1,200 sheets a minute is several hundred judges each submitting a
// sheet every 10–20 s, while a real judge spends minutes watching a task before marking it.
// LOAD_SAVES_PER_SECOND=max is the closed loop (each judge saves again the moment the server
// answers, LOAD_ROUNDS passes over every sheet): a flood, where any cut in a save's cost only
// lets the judges save faster and take the same share of the machine.
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { Prisma } from "~/generated/prisma/client";
import { openSide } from "../../prisma/scripts/db-copy-lib.ts";
import {
  freshSeededDatabaseUrl,
  ms,
  ownCpuSeconds,
  postSheet,
  processGroupCpuSeconds,
  sessionCookie,
  startServer,
  summarise,
  useScriptEnvironment,
} from "./support";

useScriptEnvironment();
const PORT = Number(process.env.LOAD_PORT ?? 3210);
const EXTRA_JUDGES = Number(process.env.LOAD_JUDGES ?? 12);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 2);
const READ_SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const IDLE_SECONDS = Number(process.env.LOAD_IDLE_SECONDS ?? 10);
const PACE = process.env.LOAD_SAVES_PER_SECOND ?? "20";
const SAVES_PER_SECOND = PACE === "max" ? null : Number(PACE);
if (SAVES_PER_SECOND !== null && !(SAVES_PER_SECOND > 0)) {
  throw new Error(`LOAD_SAVES_PER_SECOND must be a positive number or "max", not ${PACE}`);
}

const given = process.env.DATABASE_URL;
const file = await freshSeededDatabaseUrl(
  "load",
  given && /^postgres(ql)?:\/\//.test(given) ? given : undefined,
);
// Before any app module reads the environment (the verification below uses the app's models).
process.env.DATABASE_URL = file;
console.log(`Database: ${file.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")}`);

// More judges than the demo has: each one assigned to every event of the skills contest.
const side = await openSide(file);
const db = side.sql;
const contest = (await db.one<{ id: number; code: string }>(
  Prisma.sql`SELECT "id", "code" FROM "Contest" WHERE "code" = 'XA2026SKILLS'`,
))!;
const events = await db.rows<{ id: number; code: string }>(
  Prisma.sql`SELECT "id", "code" FROM "Event" WHERE "contestId" = ${contest.id} ORDER BY "id"`,
);
const judgeIds: number[] = [];
await side.transaction(async (tx) => {
  // The demo contest has not started yet: open its events' scoring window so judges may save.
  await tx.run(
    Prisma.sql`UPDATE "Event" SET "scoringOpensAt" = ${new Date("2026-01-01T00:00:00Z")} WHERE "contestId" = ${contest.id}`,
  );
  for (const username of ["chief", "judge2", "judge3"]) {
    judgeIds.push(
      (await tx.one<{ id: number }>(
        Prisma.sql`SELECT "id" FROM "User" WHERE "username" = ${username}`,
      ))!.id,
    );
  }
  const { passwordHash } = (await tx.one<{ passwordHash: string }>(
    Prisma.sql`SELECT "passwordHash" FROM "User" WHERE "username" = 'chief'`,
  ))!;
  for (let i = 1; i <= EXTRA_JUDGES; i++) {
    const { id } = (await tx.one<{ id: number }>(
      Prisma.sql`INSERT INTO "User" ("username", "displayName", "passwordHash", "role", "locale", "active", "createdAt")
        VALUES (${`load-judge-${i}`}, ${`压测裁判${i}`}, ${passwordHash}, 'judge', 'zh', ${true}, ${new Date()}) RETURNING "id"`,
    ))!;
    judgeIds.push(id);
    for (const event of events) {
      await tx.run(
        Prisma.sql`INSERT INTO "JudgeAssignment" ("eventId", "userId", "isChief") VALUES (${event.id}, ${id}, ${false})`,
      );
    }
  }
});
const entries = await db.rows<{ id: number; eventId: number; blindCode: string }>(
  Prisma.sql`SELECT r."id", r."eventId", r."blindCode" FROM "Registration" r JOIN "Event" e ON e."id" = r."eventId"
     WHERE e."contestId" = ${contest.id} AND r."status" IN ('approved', 'checked_in') AND r."blindCode" IS NOT NULL ORDER BY r."id"`,
);
// The public reads these boards while judges mark: the organiser's live-scores choice.
await side.transaction((tx) =>
  tx.run(
    Prisma.sql`UPDATE "Event" SET "resultsVisibility" = 'live' WHERE "contestId" = ${contest.id}`,
  ),
);
await side.close();
console.log(
  `${judgeIds.length} judges × ${entries.length} entries in ${events.length} events, ${ROUNDS} rounds`,
);

// LOAD_CPU_PROF=<folder>: the server's processes write V8 CPU profiles there when they stop
// (node --cpu-prof), to see where the server's time goes; read the marking phase from the
// profile's last seconds.
const profileDir = process.env.LOAD_CPU_PROF;
const server = await startServer(
  file,
  PORT,
  profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
);
type Ack = { registrationId: number; judgeId: number; criterionId: number; value: string };
const acknowledged = new Map<string, Ack>();
const saveLatencies: number[] = [];
let saves = 0;
let refusals = 0;
let failures = 0;

type Entry = (typeof entries)[number];
/** One judge's random stream of marks (a linear congruential generator, seeded per judge). */
type Judge = { id: number; cookie: string; n: number; notMine: Set<number> };

/**
 * Opens one sheet (the full page) and submits it without JavaScript, as a judge's browser does.
 * False when the sheet is not the judge's (recused, or not on the entry's panel).
 */
async function markSheet(judge: Judge, entry: Entry): Promise<boolean> {
  const cookie = judge.cookie;
  const url = `${server.url}/judge/events/${entry.eventId}/entries/${entry.blindCode}`;
  const page = await fetch(url, { headers: { Cookie: cookie } });
  if (page.status === 404) return false; // recused or not on this entry's panel
  const html = await page.text();
  const body = new URLSearchParams();
  const inputs = [...html.matchAll(/<input\b[^>]*>/g)].map((m) => ({
    name: /\bname="([^"]+)"/.exec(m[0])?.[1] ?? "",
    value: /\bvalue="([^"]*)"/.exec(m[0])?.[1] ?? "",
  }));
  for (const input of inputs) if (/^v\d+$/.test(input.name)) body.set(input.name, input.value);
  const marks = [...new Set(inputs.map((i) => i.name).filter((name) => /^m\d+$/.test(name)))];
  if (marks.length === 0) return false;
  const values = new Map<string, string>();
  for (const field of marks) {
    // 0–3 is valid for every rule (WorldSkills points, marks out of any maximum ≥ 3).
    judge.n = (judge.n * 1103515245 + 12345) % 2147483648;
    const value = String(judge.n % 4);
    body.set(field, value);
    values.set(field, value);
  }
  // Submitted: only submitted marks are Mark rows (a draft stays on the judge's sheet).
  body.set("intent", "submit");
  const started = performance.now();
  const response = await postSheet(server.url, url, cookie, body);
  saveLatencies.push(performance.now() - started);
  await response.arrayBuffer();
  if (response.status === 302 || response.status === 303 || response.status === 204) {
    saves += 1;
    for (const [field, value] of values) {
      const criterionId = Number(field.slice(1));
      acknowledged.set(`${entry.id}:${criterionId}:${judge.id}`, {
        registrationId: entry.id,
        judgeId: judge.id,
        criterionId,
        value,
      });
    }
  } else if (response.status === 409 || response.status === 400) {
    refusals += 1;
  } else {
    failures += 1;
  }
  return true;
}

/** Closed loop (LOAD_SAVES_PER_SECOND=max): each judge's next sheet the moment the last is answered. */
async function judgeLoop(judge: Judge) {
  for (let round = 0; round < ROUNDS; round++) {
    for (const entry of entries) await markSheet(judge, entry);
  }
}

/** How late each paced save started after its slot, in ms (0 when on time). */
const lateness: number[] = [];
/**
 * Open loop: save k is due at k / rate seconds, by judge k mod J, on the sheets in order (each
 * judge's turn moves on through the entries, passes repeating), until `seconds` are up. A judge
 * still busy with its previous sheet at a save's slot starts it when done, counted late.
 */
async function pacedMarking(judges: Judge[], rate: number, seconds: number) {
  const t0 = performance.now();
  const total = Math.floor(rate * seconds);
  const busy = judges.map(() => Promise.resolve());
  const next = judges.map((_, j) => (j * entries.length) / judges.length);
  const running: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = t0 + (1000 * k) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const j = k % judges.length;
    const judge = judges[j]!;
    busy[j] = busy[j]!.then(async () => {
      lateness.push(Math.max(0, performance.now() - due));
      // The judge's next sheet of its own: one it is not on is learnt once, then passed over.
      for (let tries = 0; tries < entries.length; tries++) {
        const entry = entries[Math.floor(next[j]!++) % entries.length]!;
        if (judge.notMine.has(entry.id)) continue;
        if (await markSheet(judge, entry)) return;
        judge.notMine.add(entry.id);
      }
    });
    running.push(busy[j]!);
  }
  await Promise.all(running);
}

function read(path: string, seconds = READ_SECONDS): Promise<autocannon.Result> {
  return autocannon({
    url: `${server.url}${path}`,
    connections: Number(process.env.LOAD_CONNECTIONS ?? 25),
    duration: seconds,
    timeout: 10,
  });
}

// The boards alone first (after a short warm-up of the fresh server): what the judges'
// marking may take from them is read against this.
await Promise.all([
  read(`/results/${contest.code}/${events[0]!.code}/data`, 2),
  read(`/results/${contest.code}/${events[0]!.code}`, 2),
]);

/**
 * Where the machine's CPU went during a phase: the server's processes and this script's
 * (autocannon and the judges' requests share the cores with the server), and the load
 * average at its end. Honest figures need both: a board that "slows down" because the
 * client took a core is not the server's doing.
 */
type Phase = { seconds: number; server: number | null; client: number; load: number[] };
async function phase<T>(run: () => Promise<T>): Promise<[T, Phase]> {
  const pgid = server.process.pid!;
  const t0 = performance.now();
  const s0 = processGroupCpuSeconds(pgid);
  const c0 = ownCpuSeconds();
  const result = await run();
  const s1 = processGroupCpuSeconds(pgid);
  return [
    result,
    {
      seconds: (performance.now() - t0) / 1000,
      server: s0 === null || s1 === null ? null : s1 - s0,
      client: ownCpuSeconds() - c0,
      load: loadavg(),
    },
  ];
}

const [[idleData, idlePage], idle] = await phase(() =>
  Promise.all([
    read(`/results/${contest.code}/${events[0]!.code}/data`, IDLE_SECONDS),
    read(`/results/${contest.code}/${events[0]!.code}`, IDLE_SECONDS),
  ]),
);

const judges: Judge[] = await Promise.all(
  judgeIds.map(async (id, i) => ({
    id,
    cookie: await sessionCookie(id, file),
    n: i + 1,
    notMine: new Set<number>(),
  })),
);
const startedAt = performance.now();
const [[readData, readPage], busy] = await phase(() =>
  Promise.all([
    read(`/results/${contest.code}/${events[0]!.code}/data`),
    read(`/results/${contest.code}/${events[0]!.code}`),
    SAVES_PER_SECOND === null
      ? Promise.all(judges.map((judge) => judgeLoop(judge)))
      : pacedMarking(judges, SAVES_PER_SECOND, READ_SECONDS),
  ]),
);
const elapsed = (performance.now() - startedAt) / 1000;
// Writing a profile takes a moment after SIGTERM.
await server.stop(profileDir ? 5_000 : undefined);

// ── verification ──
const check = await openSide(file);
let lost = 0;
for (const ack of acknowledged.values()) {
  // A measurement is one value per entry, owned by whoever recorded it last.
  const criterion = await check.sql.one<{ type: string }>(
    Prisma.sql`SELECT "type" FROM "Criterion" WHERE "id" = ${ack.criterionId}`,
  );
  if (criterion?.type === "measurement") continue;
  const row = await check.sql.one<{ value: number }>(
    Prisma.sql`SELECT "value" FROM "Mark" WHERE "registrationId" = ${ack.registrationId} AND "criterionId" = ${ack.criterionId} AND "judgeId" = ${ack.judgeId}`,
  );
  const expected = Number(ack.value);
  // Stored in centimarks except WorldSkills points; accept either representation of the value.
  if (!row || (row.value !== expected && row.value !== expected * 100)) lost += 1;
}
await check.close();

const { computeEvent } = await import("~/models/results.server");
const { prisma, disconnectDb } = await import("~/db.server");
let mismatched = 0;
let checked = 0;
for (const event of events) {
  const computed = await computeEvent(prisma, event.id);
  if (!computed || !computed.results.ok) continue;
  const stored = new Map(
    (await prisma.result.findMany({ where: { eventId: event.id } })).map((r) => [
      r.registrationId,
      r.total,
    ]),
  );
  for (const entry of computed.results.value.entries) {
    checked += 1;
    const expected = entry.status === "complete" ? entry.total : null;
    if ((stored.get(Number(entry.entryId)) ?? null) !== expected) mismatched += 1;
  }
}
await disconnectDb();

const save = summarise(saveLatencies);
const line = (name: string, r: autocannon.Result) =>
  `${name.padEnd(28)} ${Math.round(r.requests.average).toLocaleString().padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`;
console.log(`\nLoad for ${elapsed.toFixed(1)} s on 127.0.0.1`);
console.log(
  `judges' sheet saves          ${saves} acknowledged (${(saves / elapsed).toFixed(1)}/s), ${refusals} refused, ${failures} failed`,
);
if (SAVES_PER_SECOND === null) {
  console.log(`  pace                       closed loop (LOAD_SAVES_PER_SECOND=max)`);
} else {
  const late = lateness.filter((l) => l >= 100);
  console.log(
    `  pace                       ${SAVES_PER_SECOND}/s asked, ${(saves / busy.seconds).toFixed(1)}/s achieved; ${late.length} of ${lateness.length} started ≥ 100 ms after their slot (max ${ms(Math.max(0, ...lateness))})`,
  );
}
console.log(
  `  save latency               p50 ${ms(save.p50)}  p95 ${ms(save.p95)}  p99 ${ms(save.p99)}  max ${ms(save.max)}`,
);
console.log(line("leaderboard data route", readData));
console.log(line("leaderboard page", readPage));
console.log(line("  idle: data route", idleData));
console.log(line("  idle: page", idlePage));
const kept = (busy: autocannon.Result, idle: autocannon.Result) =>
  `${Math.round((100 * busy.requests.average) / Math.max(1, idle.requests.average))}%`;
console.log(
  `boards under marking keep ${kept(readData, idleData)} (data route) and ${kept(readPage, idlePage)} (page) of their idle throughput (target ≥ 50%)`,
);
const cpu = (name: string, p: Phase) =>
  `${name.padEnd(28)} ${p.seconds.toFixed(1)} s: server ${p.server === null ? "?" : `${p.server.toFixed(1)} CPU-s (${(p.server / p.seconds).toFixed(2)} cores)`}, this script ${p.client.toFixed(1)} CPU-s (${(p.client / p.seconds).toFixed(2)} cores); load average ${p.load.map((l) => l.toFixed(2)).join(" ")}`;
console.log(cpu("CPU, idle reading", idle));
console.log(cpu("CPU, reading while marking", busy));
// What one judge's sheet (GET + POST, and the board work its change causes) costs the server:
// the marking phase's server CPU less its reads, each priced at the idle phase's CPU per read.
if (idle.server !== null && busy.server !== null && saves > 0) {
  const idleReads = (idleData.requests.average + idlePage.requests.average) * idle.seconds;
  const busyReads = (readData.requests.average + readPage.requests.average) * busy.seconds;
  const perRead = idle.server / Math.max(1, idleReads);
  console.log(
    `server CPU per sheet save     ${ms((1000 * (busy.server - busyReads * perRead)) / saves)} (marking phase less its reads at ${ms(1000 * perRead)} each; ${ms((1000 * busy.server) / saves)} with them)`,
  );
}
console.log(`\nmarks acknowledged: ${acknowledged.size}, lost: ${lost}`);
console.log(`entry totals checked: ${checked}, not equal to recomputation: ${mismatched}`);
const ok = lost === 0 && mismatched === 0 && failures === 0 && saves > 0;
console.log(ok ? "PASS: no mark lost, every total matches." : "FAIL");
process.exit(ok ? 0 : 1);
