// npm run bench — leaderboard and score-save latency on the large seed (npm run seed:large),
// each figure beside the raw-SQL floor measured in the same run on the same engine (the same
// questions as prepared statements on a connection of their own, no Prisma, no model code:
// better-sqlite3 on SQLite, one pg client on PostgreSQL), then HTTP throughput of the public
// leaderboard against a production build started here. DATABASE_URL picks the database and
// so the engine (default prisma/data/large.db); JX_BUILD_NAME picks the build (built if
// missing); BENCH_PORT the port; BENCH_ITERATIONS, BENCH_SAVES, BENCH_HTTP_SECONDS,
// BENCH_RANK_ENTRIES and BENCH_RANK_RUNS shrink it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Prisma } from "~/generated/prisma/client";
import { measure, summarise, useScriptEnvironment } from "./support";

// The HTTP part starts a production server, which refuses to run without secrets.
useScriptEnvironment();

process.env.DATABASE_URL ??= "file:./prisma/data/large.db";
const CONTEST = "CITY2026BENCH";
const EVENT = "BIG";
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const SAVES = Number(process.env.BENCH_SAVES ?? 300);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const RANK_ENTRIES = Number(process.env.BENCH_RANK_ENTRIES ?? 500_000);
const RANK_RUNS = Number(process.env.BENCH_RANK_RUNS ?? 5);

const { engineOf } = await import("~/db/sql.server");
const engine = engineOf(process.env.DATABASE_URL);
if (engine === "sqlite") {
  const { databaseFile } = await import("~/utils/database-file.server");
  const file = databaseFile(process.env.DATABASE_URL);
  if (!existsSync(file)) {
    console.error(`No benchmark database at ${file}: run npm run seed:large first.`);
    process.exit(1);
  }
}
const { dbReady, write, disconnectDb } = await import("~/db.server");
const lb = await import("~/models/leaderboard.server");
const { applyResultChange } = await import("~/models/ranking-tables.server");
const { saveScoreSheet } = await import("~/models/marks.server");
const { openSide } = await import("../../prisma/scripts/db-copy-lib.ts");
const { totalOfKey, coarseBucketOfTotal, firstKeyOfTotal, TOTAL_SHIFT } =
  await import("~/domain/ranking/buckets");
await dbReady();

type Stats = { p50: number; p95: number; p99: number };
const stats: (samples: number[]) => Stats = summarise;
const ms = (v: number) => `${v.toFixed(3).padStart(8)} ms`;
const rows: string[][] = [];
function report(name: string, app: Stats, floor: Stats | null, target: string) {
  const ratio = floor ? `${(app.p50 / floor.p50).toFixed(1)}×` : "";
  rows.push([
    name,
    ms(app.p50),
    ms(app.p95),
    ms(app.p99),
    floor ? ms(floor.p50) : "",
    floor ? ms(floor.p99) : "",
    ratio,
    target,
  ]);
  console.log(
    `${name.padEnd(38)} app p50 ${ms(app.p50)} p95 ${ms(app.p95)} p99 ${ms(app.p99)}   floor p50 ${floor ? ms(floor.p50) : "    —"} p99 ${floor ? ms(floor.p99) : "    —"}  ${ratio.padStart(6)}   target ${target}`,
  );
}

// The floor's own connection: on SQLite configured like the app's writer (WAL, FULL, no
// automatic checkpoints: the background checkpointer's job); on PostgreSQL one pg client made
// as the app makes its raw connections (pipelined, generic plans: see rawConnection). Where
// the app issues statements that do not depend on each other together, so does the floor
// (Promise.all: one round trip on PostgreSQL, no difference on SQLite).
const raw = await openSide(process.env.DATABASE_URL, { asApp: true });
if (raw.engine === "sqlite") {
  const db = (raw.sql as import("~/db/sqlite.server").SqliteSql).db;
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("wal_autocheckpoint = 0");
}
const q = raw.sql;
const targets =
  engine === "sqlite"
    ? { top: "≤ 1 ms p50, ≤ 3× floor", view: "≤ 1 ms p50", save: "≤ 2 ms p50, ≤ 10 ms p99" }
    : { top: "≤ 3× floor", view: "≤ 2 ms p50", save: "≤ 5 ms p50" };

const event = await lb.findBoardEvent(CONTEST, EVENT);
if (!event) throw new Error("large seed event not found");
const live = { frozen: false, hidden: false };
const ranked = await lb.rankedCount(event.id);
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
console.log(
  `Benchmark on ${engine} (${process.env.DATABASE_URL.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")}): event ${EVENT} with ${ranked.toLocaleString("en")} ranked entries; ${ITERATIONS} iterations each. Load average (1/5/15 min) ${loadAverage()} on ${(await import("node:os")).cpus().length} cores.\n`,
);

// ── raw floors: the same questions as single prepared statements ──
const ROW = Prisma.sql`r."registrationId", r."total", r."rankKey", r."prize", r."standardised", g."entryNumber", w."name" AS "workerName", t."name" AS "teamName", r."organisationId", o."name" AS "organisation"
  FROM "Result" r JOIN "Registration" g ON g."id" = r."registrationId" LEFT JOIN "Worker" w ON w."id" = g."workerId" LEFT JOIN "Team" t ON t."id" = g."teamId"
  JOIN "Organisation" o ON o."id" = r."organisationId"`;
type Key = bigint | number;
const rawTop = () =>
  q.rows(Prisma.sql`SELECT ${ROW}
    WHERE r."eventId" = ${event.id} AND r."rankKey" IS NOT NULL ORDER BY r."rankKey" DESC, r."registrationId" DESC LIMIT 50`);
const rawPage = (key: Key, id: number) =>
  q.rows<{ rankKey: Key }>(Prisma.sql`SELECT ${ROW}
    WHERE r."eventId" = ${event.id} AND r."rankKey" <= ${key} AND NOT (r."rankKey" = ${key} AND r."registrationId" >= ${id})
    ORDER BY r."rankKey" DESC, r."registrationId" DESC LIMIT 50`);
const rawCount = () =>
  q.one(
    Prisma.sql`SELECT SUM("count") AS "n" FROM "ScoreBucket" WHERE "eventId" = ${event.id} AND "level" = 2`,
  );
const rawRankOf = (key: bigint) => {
  const total = totalOfKey(key);
  const coarse = coarseBucketOfTotal(total);
  return q.one(Prisma.sql`SELECT
    (SELECT SUM("count") FROM "ScoreBucket" WHERE "eventId" = ${event.id} AND "level" = 2 AND "bucket" > ${coarse}) AS "a",
    (SELECT SUM("count") FROM "ScoreBucket" WHERE "eventId" = ${event.id} AND "level" = 1 AND "bucket" > ${total} AND "bucket" < ${(coarse + 1) * 100}) AS "b",
    (SELECT SUM("count") FROM "ScoreCount" WHERE "eventId" = ${event.id} AND "rankKey" > ${key} AND "rankKey" < ${firstKeyOfTotal(total + 1)}) AS "c",
    (SELECT "count" FROM "ScoreCount" WHERE "eventId" = ${event.id} AND "rankKey" = ${key}) AS "tied"`);
};
const rawStandings = () =>
  q.rows(Prisma.sql`
    SELECT s."organisationId", o."name", s."bestNTotal", s."entries", s."prizes", s."firstPrizes", s."secondPrizes", s."thirdPrizes", s."meritPrizes"
    FROM "OrgStanding" s JOIN "Organisation" o ON o."id" = s."organisationId" WHERE s."eventId" = ${event.id} AND s."entries" > 0
    ORDER BY s."bestNTotal" DESC, s."organisationId" ASC LIMIT 50`);
const rawMe = (entry: string) =>
  q.one<{ registrationId: number; rankKey: Key }>(Prisma.sql`SELECT ${ROW}
    WHERE g."eventId" = ${event.id} AND g."entryNumber" = ${entry} AND r."rankKey" IS NOT NULL`);
const rawNeighbours = (key: Key, id: number) =>
  q.rows(Prisma.sql`SELECT ${ROW}
    WHERE r."eventId" = ${event.id} AND r."rankKey" <= ${key} AND NOT (r."rankKey" = ${key} AND r."registrationId" >= ${id})
    ORDER BY r."rankKey" DESC, r."registrationId" DESC LIMIT 2`);
const rawNeighboursUp = (key: Key, id: number) =>
  q.rows(Prisma.sql`SELECT ${ROW}
    WHERE r."eventId" = ${event.id} AND r."rankKey" >= ${key} AND NOT (r."rankKey" = ${key} AND r."registrationId" <= ${id})
    ORDER BY r."rankKey" ASC, r."registrationId" ASC LIMIT 2`);

// A cursor about half way down the big field, and an entry near the bottom.
const deepRow = (await q.one<{ rankKey: Key; registrationId: number }>(
  Prisma.sql`SELECT "rankKey", "registrationId" FROM "Result" WHERE "eventId" = ${event.id} AND "rankKey" IS NOT NULL
    ORDER BY "rankKey" DESC, "registrationId" DESC LIMIT 1 OFFSET ${Prisma.raw(String(Math.floor(ranked / 2)))}`,
))!;
const deep = { rankKey: BigInt(deepRow.rankKey), registrationId: deepRow.registrationId };
const bottom = (await q.one<{ entryNumber: string }>(
  Prisma.sql`SELECT g."entryNumber" FROM "Result" r JOIN "Registration" g ON g."id" = r."registrationId"
    WHERE r."eventId" = ${event.id} AND r."rankKey" IS NOT NULL ORDER BY r."rankKey" ASC LIMIT 1 OFFSET 10`,
))!.entryNumber;
// The board's own cursor names no record: the key and how many of its ties were shown.
const deepCursor = {
  rankKey: deep.rankKey,
  skip: Number(
    (await q.one<{ n: number }>(
      Prisma.sql`SELECT COUNT(*) AS "n" FROM "Result" WHERE "eventId" = ${event.id} AND "rankKey" = ${deep.rankKey} AND "registrationId" >= ${deep.registrationId}`,
    ))!.n,
  ),
};

const top = await lb.boardPage(event, live, null, 50);
const mine = await lb.myRank(event, live, bottom);
console.log(
  `Top entry ${top.rows[0]?.name} ${top.rows[0]?.total}; entry ${bottom} ranks ${mine?.me.rank} of ${ranked}; deep page starts at rank ${(await lb.boardPage(event, live, deepCursor, 50)).rows[0]?.rank}.\n`,
);

const rawMine = async () => {
  const me = (await rawMe(bottom))!;
  await Promise.all([
    rawNeighbours(me.rankKey, me.registrationId),
    rawNeighboursUp(me.rankKey, me.registrationId),
    rawRankOf(BigInt(me.rankKey)),
  ]);
};
report(
  "top-50 of the big event",
  await measure(ITERATIONS, () => lb.boardPage(event, live, null, 50)),
  await measure(ITERATIONS, () => Promise.all([rawTop(), rawCount()])),
  targets.top,
);
report(
  "page half way down (keyset)",
  await measure(ITERATIONS, () => lb.boardPage(event, live, deepCursor, 50)),
  await measure(ITERATIONS, async () => {
    const [page] = await Promise.all([rawPage(deep.rankKey, deep.registrationId), rawCount()]);
    await rawRankOf(BigInt(page[0]!.rankKey));
  }),
  targets.top,
);
report(
  "my rank, entry near the bottom",
  await measure(ITERATIONS, () => lb.myRank(event, live, bottom)),
  await measure(ITERATIONS, rawMine),
  targets.top,
);
report(
  "top-50 + my rank (one board view)",
  await measure(ITERATIONS, () => lb.loadBoard(event, live, { after: null, q: "", entry: bottom })),
  await measure(ITERATIONS, () => Promise.all([rawTop(), rawCount(), rawMine()])),
  targets.view,
);
report(
  "organisation standings, top 50",
  await measure(ITERATIONS, () => lb.eventStandings(event.id, live, 0, 50)),
  await measure(ITERATIONS, () => rawStandings()),
  "≤ 1 ms",
);

// ── score save: the judging model's save (marks, sheet, audit, Result, every ranking table) ──
const judge = (await q.one<{ userId: number }>(
  Prisma.sql`SELECT "userId" FROM "JudgeAssignment" WHERE "eventId" = ${event.id} ORDER BY "userId" LIMIT 1`,
))!.userId;
const criteria = await q.rows<{ id: number; maxMark: number; partId: number }>(
  Prisma.sql`SELECT c."id", c."maxMark", c."partId" FROM "Criterion" c JOIN "EventPart" p ON p."id" = c."partId" WHERE p."eventId" = ${event.id} ORDER BY c."id"`,
);
const sampleRegs = (
  await q.rows<{ registrationId: number }>(
    Prisma.sql`SELECT "registrationId" FROM "Result" WHERE "eventId" = ${event.id} AND "registrationId" % 997 = 0
      ORDER BY "registrationId" LIMIT ${Prisma.raw(String(SAVES + 60))}`,
  )
).map((r) => r.registrationId);
const versionOf = async (registrationId: number, partId: number) =>
  (
    await q.one<{ version: number }>(
      Prisma.sql`SELECT "version" FROM "ScoreSheet" WHERE "registrationId" = ${registrationId} AND "partId" = ${partId} AND "judgeId" = ${judge}`,
    )
  )?.version ?? 0;
// The judge's sheet versions, as their page would hold them: read before the timed saves
// and moved on by each accepted save, so only the save itself is timed.
const parts = [...new Set(criteria.map((c) => c.partId))];
const sheetVersions = new Map<number, Record<number, number>>();
for (const registrationId of sampleRegs) {
  const versions: Record<number, number> = {};
  for (const partId of parts) versions[partId] = await versionOf(registrationId, partId);
  sheetVersions.set(registrationId, versions);
}
let saveFailures = 0;
const saveStats = await measure(SAVES, async (i) => {
  const registrationId = sampleRegs[i % sampleRegs.length]!;
  const versions = sheetVersions.get(registrationId)!;
  const marks: Record<number, string> = {};
  criteria.forEach(
    (c, k) => (marks[c.id] = ((c.maxMark * (40 + ((i * 7 + k * 13) % 60))) / 10000).toFixed(2)),
  );
  const result = await saveScoreSheet({
    eventId: event.id,
    registrationId,
    judgeId: judge,
    versions,
    marks,
    submit: true,
  });
  if (result.ok) for (const partId of parts) versions[partId]! += 1;
  else {
    saveFailures++;
    if (saveFailures === 1) console.log("first refusal:", JSON.stringify(result));
  }
});
if (saveFailures > 0) console.log(`(${saveFailures} saves were refused)`);

// For comparison, the Prisma path a save used to take: Mark update + Result update +
// applyResultChange in one write() (interactive transaction on the writer client).
const rankingSamples: number[] = [];
const leanStats = await measure(SAVES, async (i) => {
  const registrationId = sampleRegs[(i + 7) % sampleRegs.length]!;
  const value = 1000 + ((i * 37) % 3000);
  await write(async (tx) => {
    const before = await tx.result.findUniqueOrThrow({ where: { registrationId } });
    await tx.mark.update({
      where: {
        registrationId_criterionId_judgeId: {
          registrationId,
          criterionId: criteria[0]!.id,
          judgeId: judge,
        },
      },
      data: { value },
    });
    const total = value + ((before.total ?? 0) % 1000);
    const rankKey = (BigInt(total) << TOTAL_SHIFT) | (BigInt(value) << 20n);
    const after = await tx.result.update({ where: { registrationId }, data: { total, rankKey } });
    const t = performance.now();
    await applyResultChange(tx, {
      eventId: event.id,
      organisationId: after.organisationId,
      registrationId,
      before: { rankKey: before.rankKey, total: before.total, prize: before.prize },
      after: { rankKey: after.rankKey, total: after.total, prize: after.prize },
    });
    rankingSamples.push(performance.now() - t);
  });
});

// Floor: the same statements on the raw connection, one transaction each, committed durably
// (synchronous=FULL on SQLite, synchronous_commit on PostgreSQL): the read, then the writes
// issued together, as the save issues its own.
const rawSave = (registrationId: number, value: number) =>
  raw.transaction(async (tx) => {
    const r = (await tx.one<{ organisationId: number; total: number; rankKey: Key }>(
      Prisma.sql`SELECT "organisationId", "total", "rankKey" FROM "Result" WHERE "registrationId" = ${registrationId}`,
    ))!;
    const writes: Promise<number>[] = [];
    writes.push(
      tx.run(
        Prisma.sql`UPDATE "Mark" SET "value" = ${value} WHERE "registrationId" = ${registrationId} AND "criterionId" = ${criteria[0]!.id} AND "judgeId" = ${judge}`,
      ),
    );
    const total = BigInt(value) + (BigInt(r.total) % 1000n);
    const key = (total << TOTAL_SHIFT) | (BigInt(value) << 20n);
    writes.push(
      tx.run(
        Prisma.sql`UPDATE "Result" SET "total" = ${total}, "rankKey" = ${key} WHERE "registrationId" = ${registrationId}`,
      ),
    );
    for (const [k, d] of [
      [BigInt(r.rankKey), -1],
      [key, 1],
    ] as const) {
      writes.push(
        tx.run(Prisma.sql`INSERT INTO "ScoreCount" ("eventId", "rankKey", "count") VALUES (${event.id}, ${k}, ${d})
        ON CONFLICT ("eventId", "rankKey") DO UPDATE SET "count" = "ScoreCount"."count" + excluded."count"`),
      );
      const t = Number(k >> TOTAL_SHIFT);
      for (const [level, bucket] of [
        [1, t],
        [2, Math.floor(t / 100)],
      ] as const)
        writes.push(
          tx.run(Prisma.sql`INSERT INTO "ScoreBucket" ("eventId", "level", "bucket", "count") VALUES (${event.id}, ${level}, ${bucket}, ${d})
          ON CONFLICT ("eventId", "level", "bucket") DO UPDATE SET "count" = "ScoreBucket"."count" + excluded."count"`),
        );
    }
    writes.push(
      tx.run(Prisma.sql`UPDATE "OrgStanding" SET "bestNTotal" = (SELECT COALESCE(SUM("total"), 0) FROM (
        SELECT "total" FROM "Result" WHERE "eventId" = ${event.id} AND "organisationId" = ${r.organisationId} AND "rankKey" IS NOT NULL
        ORDER BY "rankKey" DESC LIMIT 3) AS "best")
      WHERE "eventId" = ${event.id} AND "organisationId" = ${r.organisationId}`),
    );
    await Promise.all(writes);
  });
const rawSaveStats = await measure(SAVES, (i) =>
  rawSave(sampleRegs[(i + 13) % sampleRegs.length]!, 1000 + ((i * 53) % 3000)),
);
report("score save (judging saveScoreSheet)", saveStats, rawSaveStats, targets.save);
report(
  "  for comparison: Mark+Result+ranking via Prisma",
  leanStats,
  rawSaveStats,
  "(the path saves took before)",
);
report("    of which applyResultChange", stats(rankingSamples.slice(-SAVES)), null, "");

// ── the lock's ranking step in memory: rankEntries over a field the size of the big event,
// beside a native sort of the same totals (no database) ──
const { measureRanking } = await import("./rank-figure");
const ranking = measureRanking(RANK_ENTRIES, RANK_RUNS);
report(
  `rankEntries, ${ranking.entries.toLocaleString("en")} entries + tie-break`,
  stats(ranking.app),
  stats(ranking.floor),
  "≤ 2 s p50",
);
await raw.close();
await disconnectDb();
console.log(`Load average after the latency runs: ${loadAverage()}`);

// ── HTTP: a production build on the large database, 50 connections, bounded duration ──
const build = process.env.JX_BUILD_NAME || "build";
if (!existsSync(path.resolve(build, "index.js"))) {
  const built = spawnSync("npx", ["remix", "build"], { stdio: "inherit", env: process.env });
  if (built.status !== 0) process.exit(1);
}
const port = Number(process.env.BENCH_PORT ?? 31055);
// Another server answering on the port would be measured instead of ours.
const taken = await fetch(`http://127.0.0.1:${port}/healthz`).then(
  () => true,
  () => false,
);
if (taken) throw new Error(`Port ${port} is in use; set BENCH_PORT`);
// A signed-in visitor who is not the organiser (a judge of the large seed): their pages share
// the board with everyone and differ only in the page shell.
const { signedInCookie } = await import("~/http/session.server");
const { readSql } = await import("~/db.server");
const member = await readSql().one<{ id: number }>(
  Prisma.sql`SELECT "id" FROM "User" WHERE "role" <> 'admin' ORDER BY "id" LIMIT 1`,
);
if (!member) throw new Error("no signed-in visitor to measure: run npm run seed:large again");
const signedIn = { Cookie: (await signedInCookie(member.id)).split(";")[0]! };
await disconnectDb();
// All cores serve, as with npm start (WEB_CONCURRENCY chooses otherwise).
const workers = process.env.WEB_CONCURRENCY ?? String(availableParallelism());
const server = spawn(
  process.execPath,
  ["--import", "tsx", "app/server/serve.ts", `./${build}/index.js`],
  {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      COOKIE_SECURE: "0",
      WEB_CONCURRENCY: workers,
    },
    stdio: ["ignore", "ignore", "inherit"],
  },
);
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 300) throw new Error("server did not start");
  await new Promise((r) => setTimeout(r, 100));
}
async function load(url: string, headers: Record<string, string> = {}) {
  const probe = await fetch(url, { headers });
  if (!probe.ok)
    throw new Error(`${url} answered ${probe.status}: is ${build} a build of this checkout?`);
  await autocannon({ url, headers, connections: 50, duration: 2 });
  const r = await autocannon({ url, headers, connections: 50, duration: HTTP_SECONDS });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}
const httpRows: string[][] = [];
function record(name: string, r: Awaited<ReturnType<typeof load>>, target: string) {
  httpRows.push([
    name,
    `${Math.round(r.rps)} req/s`,
    `${r.p50} ms`,
    `${r.p99} ms`,
    `${r.non2xx + r.errors}`,
    target,
  ]);
  console.log(
    `${name.padEnd(38)} ${String(Math.round(r.rps)).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx/errors ${r.non2xx + r.errors}   target ${target}`,
  );
}
// What the app answered, for the floor below.
const answers: Record<string, { status: number; headers: Record<string, string>; body: string }> =
  {};
for (const [name, url, target, headers] of [
  ["healthz (Remix route, database check)", `${base}/healthz`, "", {}],
  [
    "leaderboard data route",
    `${base}/results/${CONTEST}/${EVENT}/data`,
    engine === "sqlite" ? "≥ 5,000 req/s, p99 < 20 ms" : "≥ 5,000 req/s",
    {},
  ],
  ["leaderboard full page", `${base}/results/${CONTEST}/${EVENT}`, "≥ 1,000 req/s", {}],
  [
    "data route, signed in (session cookie)",
    `${base}/results/${CONTEST}/${EVENT}/data`,
    "≥ 5,000 req/s",
    signedIn,
  ],
  [
    "full page, signed in (session cookie)",
    `${base}/results/${CONTEST}/${EVENT}`,
    "≥ 1,000 req/s",
    signedIn,
  ],
] as const) {
  const r = await load(url, headers);
  const pathname = new URL(url).pathname;
  if (!(pathname in answers)) {
    const answer = await fetch(url);
    const body = Buffer.from(await answer.arrayBuffer());
    const kept: Record<string, string> = { "content-length": String(body.length) };
    for (const name of ["content-type", "cache-control", "vary"]) {
      const value = answer.headers.get(name);
      if (value) kept[name] = value;
    }
    answers[pathname] = { status: answer.status, headers: kept, body: body.toString("base64") };
  }
  record(name, r, target);
}
server.kill("SIGTERM");

// The floor: the same bytes from a bare node:http server with as many workers (http-floor.ts).
const answersFile = path.resolve(tmpdir(), `jx-bench-floor-${process.pid}.json`);
writeFileSync(answersFile, JSON.stringify(answers));
const floorPort = port + 1;
const floorServer = spawn(process.execPath, ["--import", "tsx", "e2e/perf/http-floor.ts"], {
  env: {
    ...process.env,
    FLOOR_ANSWERS: answersFile,
    FLOOR_PORT: String(floorPort),
    FLOOR_WORKERS: workers,
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const floorPath = `/results/${CONTEST}/${EVENT}/data`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${floorPort}${floorPath}`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 300) throw new Error("floor server did not start");
  await new Promise((r) => setTimeout(r, 100));
}
for (const [name, pathname] of [
  ["floor: data route bytes, bare node:http", floorPath],
  ["floor: full page bytes, bare node:http", `/results/${CONTEST}/${EVENT}`],
] as const) {
  const r = await load(`http://127.0.0.1:${floorPort}${pathname}`);
  record(name, r, "");
}
floorServer.kill("SIGTERM");
rmSync(answersFile, { force: true });

console.log(
  "\n| measurement | app p50 | app p95 | app p99 | floor p50 | floor p99 | app/floor | target |\n|---|---|---|---|---|---|---|---|",
);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
console.log(
  "\n| HTTP (50 connections) | throughput | p50 | p99 | errors | target |\n|---|---|---|---|---|---|",
);
for (const r of httpRows) console.log(`| ${r.join(" | ")} |`);
console.log(
  `\nEngine ${engine}; ${workers} HTTP worker(s) on ${availableParallelism()} cores; load average at the end ${loadAverage()}.`,
);
process.exit(0);
