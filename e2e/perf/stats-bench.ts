// npm run bench:stats — the year in numbers and the organiser's task list on the large seed
// (npm run seed:large): every figure of the statistics page as the models compute it, each
// beside its raw-SQL floor (better-sqlite3 prepared statements) measured in the same run, and
// the plain query over the base tables that the maintained StatCount replaces; the task list
// beside its main questions as prepared statements; the organiser's home loader, part by part
// and whole, beside the same questions as prepared statements (and what it counted before it
// read StatCount); then the whole statistics page and the organiser's home through a production
// server started here (one process, so its CPU time per request can be read), each beside the
// raw-SQL floor of its figures plus an HTTP round trip (/healthz) measured in the same run.
// DATABASE_URL overrides the database (default prisma/data/large.db); JX_BUILD_NAME picks the
// build (built if missing); BENCH_PORT the port (default 3172); BENCH_FIGURES_ONLY=1 measures
// the figures and the task list only (no plain queries, no server).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import Database from "better-sqlite3";
import { sessionCookie, startServer, summarise, useScriptEnvironment } from "./support";

useScriptEnvironment();
process.env.DATABASE_URL ??= "file:./prisma/data/large.db";
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const PORT = Number(process.env.BENCH_PORT ?? 3172);
const FIGURES_ONLY = process.env.BENCH_FIGURES_ONLY === "1";
/** The organiser's home, loader and over HTTP: the statistics page's whole-page target. */
const HOME_TARGET = 200;

const { databaseFile } = await import("~/utils/database-file.server");
const file = databaseFile(process.env.DATABASE_URL);
if (!existsSync(file)) {
  console.error(`No benchmark database at ${file}: run npm run seed:large first.`);
  process.exit(1);
}
// One spelling of the database for the app's modules and the signed-in cookie.
process.env.DATABASE_URL = `file:${file}`;
const { dbReady, disconnectDb } = await import("~/db.server");
const stats = await import("~/models/statistics.server");
const { organiserTasks } = await import("~/models/organiser-tasks.server");
const { adminOverview } = await import("~/models/contest.server");
const { scopeUnionName } = await import("~/models/scope.server");
const { unionScope, PLATFORM_SCOPE } = await import("~/domain/organisation");
const { FIRST_UNION_ID } = await import("../../prisma/scripts/seed-large-federation");
await dbReady();

// Wall time, and CPU time per call: on a machine shared with other work the wall time
// includes waiting for a core, while the CPU time is close to what an idle machine would
// take. In-process figures (the models, the query compiler and SQLite all run in this
// process) read this process's CPU per call; the HTTP figures read the server's processes
// (/proc, whole process group) over the run and divide by the requests.
type Summary = ReturnType<typeof summarise> & { cpu: number | null };
async function measure(
  fn: () => unknown,
  n = ITERATIONS,
  cpuOf: "self" | (() => number) = "self",
): Promise<Summary> {
  for (let i = 0; i < Math.min(5, n); i++) await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  const before = cpuOf === "self" ? 0 : cpuOf();
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    ...summarise(samples),
    cpu: cpuOf === "self" ? summarise(cpu).p50 : (cpuOf() - before) / n,
  };
}

/** CPU milliseconds used so far by every process of a process group (Linux /proc). */
function groupCpuMs(pgid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // After the command name in parentheses: state ppid pgrp … utime (14th) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    total += (Number(fields[11]) + Number(fields[12])) * tick;
  }
  return total;
}

const f = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`.padStart(10);
const table: string[] = [];
function report(
  name: string,
  app: Summary,
  floor: Summary | { p50: number } | null,
  target: number | null,
) {
  const verdict =
    target === null ? "" : app.p50 <= target ? `≤ ${target} ms ✓` : `≤ ${target} ms ✗`;
  const dash = "         —";
  const line = `${name.padEnd(44)} p50 ${f(app.p50)}  p95 ${f(app.p95)}  cpu p50 ${app.cpu === null ? dash : f(app.cpu)}   floor p50 ${floor ? f(floor.p50) : dash}   ${verdict}`;
  console.log(line);
  table.push(
    `| ${name} | ${app.p50.toFixed(1)} | ${app.p95.toFixed(1)} | ${app.cpu === null ? "—" : app.cpu.toFixed(1)} | ${floor ? floor.p50.toFixed(1) : "—"} | ${target === null ? "" : `≤ ${target}`} |`,
  );
}

const raw = new Database(file, { readonly: true });
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
console.log(
  `Statistics benchmark on ${file}; load average ${load()} on ${os.cpus().length} cores.`,
);
const counts = raw
  .prepare(
    `SELECT (SELECT COUNT(*) FROM Registration) AS registrations, (SELECT COUNT(*) FROM QuizAttempt) AS attempts,
      (SELECT COUNT(*) FROM HonourAward) AS honours, (SELECT COUNT(*) FROM LabourParticipant) AS units,
      (SELECT COUNT(*) FROM Organisation) AS organisations`,
  )
  .get() as Record<string, number>;
console.log(
  `${counts.registrations?.toLocaleString("en")} entries, ${counts.attempts?.toLocaleString("en")} quiz attempts, ${counts.honours?.toLocaleString("en")} honours, ${counts.units?.toLocaleString("en")} labour units, ${counts.organisations?.toLocaleString("en")} organisations.\n`,
);

const xian = raw.prepare(`SELECT id, path FROM Organisation WHERE id = 1`).get() as {
  id: number;
  path: string;
};
const district = raw
  .prepare(`SELECT id, name, path FROM Organisation WHERE id = ?`)
  .get(FIRST_UNION_ID) as { id: number; name: string; path: string };
const YEAR = 2026;

// Raw floors: the same questions as single prepared statements.
const floors = {
  participation: raw.prepare(
    `SELECT dim, value, entries, workers, organisations, firstPrizes, secondPrizes, thirdPrizes, meritPrizes
     FROM StatCount WHERE unionId = ? AND year = ? AND dim IN ('all', 'kind', 'category', 'trade', 'branch')`,
  ),
  honours: raw.prepare(
    `SELECT h.kind, h.level, COUNT(*) FROM HonourAward h JOIN Organisation o ON o.id = h.organisationId
     WHERE h.year = ? AND o.path LIKE ? GROUP BY h.kind, h.level`,
  ),
  ratios: raw.prepare(
    `SELECT COALESCE(n.frontLine, w.frontLine), COALESCE(n.manager, w.manager),
       w.gender = 'female', w.migrantWorker, COUNT(*) FROM HonourAward h
     JOIN Organisation o ON o.id = h.organisationId JOIN Worker w ON w.id = h.workerId
     LEFT JOIN Nomination n ON n.id = h.nominationId
     WHERE h.year = ? AND o.path LIKE ? GROUP BY 1, 2, 3, 4`,
  ),
  labour: raw.prepare(
    `SELECT c.id, COUNT(p.organisationId), SUM(p.headcount) FROM Contest c
     JOIN LabourParticipant p ON p.contestId = c.id
     WHERE c.kind = 'labour_competition' AND c.year = ? GROUP BY c.id`,
  ),
  quiz: raw.prepare(
    `SELECT value, entries, workers FROM StatCount WHERE unionId = 0 AND year = 0 AND dim = 'quiz'
       AND value IN (SELECT CAST(q.id AS TEXT) FROM Quiz q JOIN Contest c ON c.id = q.contestId WHERE c.year = ?)`,
  ),
};
// What the maintained quiz rows save: counting the attempts at every look.
const plainQuiz = raw.prepare(
  `SELECT quizId, COUNT(DISTINCT workerId), COUNT(*) FROM QuizAttempt
   WHERE quizId IN (SELECT q.id FROM Quiz q JOIN Contest c ON c.id = q.contestId WHERE c.year = ?)
     AND status IN ('submitted', 'timed_out') GROUP BY quizId`,
);
// What StatCount saves: the participation figure straight from the base tables.
const plain = raw.prepare(
  `SELECT COUNT(*), COUNT(DISTINCT r.workerId), COUNT(DISTINCT r.organisationId)
   FROM Registration r JOIN Event e ON e.id = r.eventId JOIN Contest c ON c.id = e.contestId
   WHERE c.year = ? AND r.status IN ('approved', 'checked_in')`,
);

/** The page's raw-SQL floor per union: the sum of its figures' floors, for the HTTP rows. */
const pageFloor = new Map<number, number>();
for (const [label, target] of [
  [
    "federation 西安市总工会",
    await stats.resolveStatsTarget(unionScope(xian.id, xian.path), null, YEAR),
  ],
  [
    `district ${district.name}`,
    await stats.resolveStatsTarget(unionScope(district.id, district.path), null, YEAR),
  ],
  ["whole platform", await stats.resolveStatsTarget(PLATFORM_SCOPE, 0, YEAR)],
] as const) {
  if (!target) throw new Error(label);
  const path = target.scope.kind === "platform" ? "%" : `${target.scope.path}%`;
  console.log(`── ${label} ──`);
  const figureFloors = {
    participation: await measure(() => floors.participation.all(target.unionId, YEAR)),
    honours: await measure(() => floors.honours.all(YEAR, path)),
    ratios: await measure(() => floors.ratios.all(YEAR, path)),
    labour: await measure(() => floors.labour.all(YEAR)),
    quiz: await measure(() => floors.quiz.all(YEAR)),
  };
  pageFloor.set(
    target.unionId,
    Object.values(figureFloors).reduce((sum, floor) => sum + floor.p50, 0),
  );
  report(
    "participation (StatCount)",
    await measure(() => stats.participationFigure(target)),
    figureFloors.participation,
    50,
  );
  report(
    "honours by kind, level and year",
    await measure(() => stats.honoursFigure(target)),
    figureFloors.honours,
    50,
  );
  report(
    "honour ratio checks",
    await measure(() => stats.honourRatiosFigure(target)),
    figureFloors.ratios,
    50,
  );
  report(
    "labour-competition coverage",
    await measure(() => stats.labourFigure(target)),
    figureFloors.labour,
    50,
  );
  report(
    "quiz participation",
    await measure(() => stats.quizFigure(target)),
    figureFloors.quiz,
    50,
  );
  report("years with figures", await measure(() => stats.statsYears(target)), null, 50);
  report(
    "all figures (the page's loader)",
    await measure(() => stats.yearInNumbers(target)),
    { p50: pageFloor.get(target.unionId) ?? 0 },
    200,
  );
}
if (!FIGURES_ONLY) {
  console.log("── the plain query StatCount replaces ──");
  report(
    "participation from Registration (no summary)",
    await measure(() => plain.all(YEAR), 5),
    null,
    null,
  );
  report(
    "quiz participation from QuizAttempt (no summary)",
    await measure(() => plainQuiz.all(YEAR), 5),
    null,
    null,
  );
}

// The task list's floor: its main questions as prepared statements, asked the way the model
// asks them: the scope's events first (owned or co-organised by a union of the subtree), then
// each event's waiting entries through (eventId, status) with the profile their checks read,
// the active entries per unit of the events that have any waiting (the quota checks), the
// events still to set up, and the judged-entry rows of the events that may be ready to lock.
// (Joining the waiting entries to the scope in one statement made SQLite walk every
// registration, about 200 ms: that was no lower bound of a model that reads ~10 ms.)
const scopeEvents = raw
  .prepare(
    `SELECT e.id FROM Event e JOIN Contest c ON c.id = e.contestId
     WHERE EXISTS (SELECT 1 FROM Organisation s WHERE s.id = c.organiserId AND s.path LIKE @path)
        OR EXISTS (SELECT 1 FROM ContestCoOrganiser co JOIN Organisation s ON s.id = co.organisationId
                   WHERE co.contestId = c.id AND s.path LIKE @path)`,
  )
  .pluck();
const waitingOf = raw.prepare(
  `SELECT r.id, r.organisationId, r.workerId, r.teamId, w.name, w.birthDate, w.gender, w.skillLevel,
          w.unionMember, w.trade
   FROM Registration r LEFT JOIN Worker w ON w.id = r.workerId
   WHERE r.eventId = ? AND r.status = 'submitted'`,
);
const activePerUnit = raw.prepare(
  `SELECT organisationId, COUNT(*) FROM Registration
   WHERE eventId = ? AND status IN ('submitted', 'approved', 'checked_in') GROUP BY organisationId`,
);
const taskFloors = [
  raw.prepare(
    `SELECT e.id FROM Event e JOIN Contest c ON c.id = e.contestId JOIN Organisation o ON o.id = c.organiserId
     WHERE o.path LIKE @path AND e.status = 'open' AND c.kind = 'skills_contest'
       AND (NOT EXISTS (SELECT 1 FROM JudgeAssignment j WHERE j.eventId = e.id AND j.isChief = 1)
         OR NOT EXISTS (SELECT 1 FROM EventPart p JOIN Criterion k ON k.partId = p.id WHERE p.eventId = e.id))`,
  ),
  raw.prepare(
    `SELECT s.value, s.entries FROM Event e JOIN Contest c ON c.id = e.contestId JOIN Organisation o ON o.id = c.organiserId
     JOIN StatCount s ON s.unionId = 0 AND s.dim = 'event' AND s.value = CAST(e.id AS TEXT) AND s.year = c.year
     WHERE o.path LIKE @path AND e.status IN ('open', 'scoring')`,
  ),
];
const taskFloorOf = (path: string) => () => {
  const like = { path };
  for (const eventId of scopeEvents.all(like) as number[])
    if (waitingOf.all(eventId).length > 0) activePerUnit.all(eventId);
  for (const statement of taskFloors) statement.all(like);
};
const taskFloor = new Map<string, number>();
console.log("── task list ──");
const scopes = [
  ["federation", unionScope(xian.id, xian.path), xian.path],
  ["district", unionScope(district.id, district.path), district.path],
  ["whole platform", PLATFORM_SCOPE, "/"],
] as const;
for (const [label, scope, path] of scopes) {
  const floor = await measure(taskFloorOf(`${path}%`));
  taskFloor.set(label, floor.p50);
  report(`organiser's tasks, ${label}`, await measure(() => organiserTasks(scope)), floor, 50);
}

// The organiser's home: its loader's parts (the scope's contests, events and honours with the
// contests changed last; the year's totals, one StatCount row; the task list; the union's
// name), each beside the same questions as prepared statements, then the whole loader beside
// the sum of those floors.
// A row is in scope through its organisation's path, asked per row (EXISTS): the list form
// (organiserId IN (SELECT id … path LIKE …)) took ~7 ms a count against ~0.1 ms, so it was no
// floor for the model's ~8 ms.
const inScope = (org: string) =>
  `EXISTS (SELECT 1 FROM Organisation s WHERE s.id = ${org} AND s.path LIKE @path)`;
const contestInScope = `(${inScope("c.organiserId")} OR EXISTS (SELECT 1 FROM ContestCoOrganiser co WHERE co.contestId = c.id AND ${inScope("co.organisationId")}))`;
const homeFloors = {
  overview: [
    raw.prepare(`SELECT COUNT(*) FROM Contest c WHERE ${contestInScope}`),
    raw.prepare(
      `SELECT COUNT(*) FROM Event e JOIN Contest c ON c.id = e.contestId WHERE ${contestInScope}`,
    ),
    raw.prepare(
      `SELECT COUNT(*) FROM HonourAward h JOIN Organisation s ON s.id = h.organisationId WHERE s.path LIKE @path`,
    ),
    raw.prepare(
      `SELECT c.id, c.code, c.name, c.kind, c.status, (SELECT COUNT(*) FROM Event e WHERE e.contestId = c.id)
       FROM Contest c WHERE ${contestInScope} ORDER BY c.updatedAt DESC LIMIT 20`,
    ),
  ],
  totals: raw.prepare(
    `SELECT entries, workers, organisations FROM StatCount
     WHERE unionId = ? AND year = ? AND dim = 'all' AND value = ''`,
  ),
  union: raw.prepare(`SELECT name FROM Organisation WHERE id = ?`),
};
// What the home counted at every look before it read the year's totals from StatCount: every
// entry of the scope's events and every worker of its organisations, asked as they were then
// asked (the list form of the scope).
const contestInScopeBefore = `(c.organiserId IN (SELECT id FROM Organisation WHERE path LIKE @path) OR c.id IN (SELECT co.contestId FROM ContestCoOrganiser co WHERE co.organisationId IN (SELECT id FROM Organisation WHERE path LIKE @path)))`;
const homeBefore = [
  raw.prepare(
    `SELECT COUNT(*) FROM Registration r JOIN Event e ON e.id = r.eventId JOIN Contest c ON c.id = e.contestId
     WHERE ${contestInScopeBefore}`,
  ),
  raw.prepare(
    `SELECT COUNT(*) FROM Registration r JOIN Event e ON e.id = r.eventId JOIN Contest c ON c.id = e.contestId
     WHERE r.status = 'submitted' AND ${contestInScopeBefore}`,
  ),
  raw.prepare(
    `SELECT COUNT(*) FROM Worker w WHERE w.organisationId IN (SELECT id FROM Organisation WHERE path LIKE @path)`,
  ),
];
const homeFloor = new Map<string, number>();
console.log("── organiser's home (loader) ──");
for (const [label, scope, path] of scopes) {
  const like = { path: `${path}%` };
  const unionId = scope.kind === "platform" ? 0 : scope.unionId;
  const { year } = await stats.participationTotals(scope);
  const floors = {
    overview: await measure(() => {
      for (const statement of homeFloors.overview) statement.all(like);
    }),
    totals: await measure(() => homeFloors.totals.get(unionId, year)),
    union: await measure(() => homeFloors.union.get(unionId)),
  };
  report(
    `home: contests, events, honours, ${label}`,
    await measure(() => adminOverview(scope)),
    floors.overview,
    null,
  );
  report(
    `home: the year's totals (StatCount), ${label}`,
    await measure(() => stats.participationTotals(scope)),
    floors.totals,
    null,
  );
  const floor = {
    p50: floors.overview.p50 + floors.totals.p50 + floors.union.p50 + (taskFloor.get(label) ?? 0),
  };
  homeFloor.set(label, floor.p50);
  report(
    `home loader (all of it), ${label}`,
    await measure(() =>
      Promise.all([
        adminOverview(scope),
        stats.participationTotals(scope),
        organiserTasks(scope),
        scopeUnionName(scope),
      ]),
    ),
    floor,
    HOME_TARGET,
  );
  if (!FIGURES_ONLY)
    report(
      `home's old counts (no summary), ${label}`,
      await measure(() => {
        for (const statement of homeBefore) statement.all(like);
      }, 3),
      null,
      null,
    );
}
raw.close();
// User 1 of the large seed: the organiser of the federation (西安市总工会). Signed in through
// the app's session module while this process still holds the database.
const cookie = FIGURES_ONLY ? "" : await sessionCookie(1, file);
await disconnectDb();

// The whole pages through the production server: loader, render and transfer on loopback.
// One server process (WEB_CONCURRENCY=1): the requests come one at a time, and its CPU time
// per request is then the server's own work. Each page's floor is the raw-SQL floor of its
// questions (above, same run) plus an HTTP round trip to /healthz.
async function httpFigures() {
  console.log("── HTTP, production build, one server process ──");
  process.env.WEB_CONCURRENCY ??= "1";
  const server = await startServer(file, PORT);
  const pgid = server.process.pid!;
  const serverCpu = () => groupCpuMs(pgid);
  try {
    const get = async (url: string, signedIn = true) => {
      const res = await fetch(url, signedIn ? { headers: { Cookie: cookie } } : {});
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      await res.arrayBuffer();
    };
    const http = await measure(() => get(`${server.url}/healthz`, false), 40, serverCpu);
    report("HTTP round trip (/healthz)", http, null, null);
    const floorOf = (sql: number | undefined) => ({ p50: (sql ?? 0) + http.p50 });
    report(
      "statistics page (federation)",
      await measure(
        () => get(`${server.url}/admin/statistics?union=1&year=${YEAR}`),
        20,
        serverCpu,
      ),
      floorOf(pageFloor.get(1)),
      200,
    );
    report(
      "statistics page (district)",
      await measure(
        () => get(`${server.url}/admin/statistics?union=${district.id}&year=${YEAR}`),
        20,
        serverCpu,
      ),
      floorOf(pageFloor.get(district.id)),
      200,
    );
    report(
      "organiser's home, federation",
      await measure(() => get(`${server.url}/admin`), 20, serverCpu),
      floorOf(homeFloor.get("federation")),
      HOME_TARGET,
    );
    report(
      "statistics XLSX (federation)",
      await measure(
        () => get(`${server.url}/admin/statistics.xlsx?union=1&year=${YEAR}`),
        5,
        serverCpu,
      ),
      null,
      null,
    );
    report(
      "statistics PDF (federation)",
      await measure(
        () => get(`${server.url}/admin/statistics.pdf?union=1&year=${YEAR}`),
        5,
        serverCpu,
      ),
      null,
      null,
    );
  } finally {
    await server.stop();
  }
}
if (!FIGURES_ONLY) await httpFigures();
console.log(`\nLoad average at the end: ${load()}.\n`);
console.log(
  "| figure | p50 ms | p95 ms | CPU p50 ms | raw floor p50 ms | target ms |\n|---|---|---|---|---|---|",
);
console.log(table.join("\n"));
