// npm run seed:large — a separate benchmark database (default prisma/data/large.db; set
// DATABASE_URL to move it) with 1,500,000 entries: 50 events of 20,000 and one of 500,000,
// 5,000 organisations, 3 judges × 3 criteria marked for every entry (13.5 million marks), the
// Result rows with rank keys and prizes, and every ranking table. Prisma's createMany manages
// about 6,000 rows/s here, so this is the raw path: better-sqlite3, rows generated inside
// SQLite in index order, no journal, one transaction. Two worker threads build Worker and
// Result (with the ranking tables) in side files on the second core meanwhile
// (seed-large-side.ts); the main thread copies them in at the end.
import { spawnSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import { databaseFile } from "~/utils/database-file.server";
import {
  BIG_EVENT_ID,
  BIG_SIZE,
  BLIND_CODE,
  CRITERIA,
  CRITERIA_PER_EVENT_ID,
  CRITERION_ID,
  ENTRY_COLUMNS,
  JUDGES,
  LARGE_EVENT_CODE,
  LARGE_CONTEST_CODE,
  MARKS_TABLE_SQL,
  NUMBERS_SQL,
  ORG_OF,
  ORGS,
  SMALL_EVENTS,
  TOTAL,
  bulkLoadPragmas,
} from "./seed-large-sql";
import {
  branchOfEnterprise,
  buildStatistics,
  describeEvents,
  insertHonours,
  insertLabourCompetition,
  insertQuiz,
  insertUnionTree,
} from "./seed-large-federation";

const STANDINGS_BEST_N = 3;
const started = Date.now();
const url = process.env.DATABASE_URL ?? "file:./prisma/data/large.db";
process.env.DATABASE_URL = url;
if (/^postgres(ql)?:\/\//.test(url)) {
  // PostgreSQL: generated here on SQLite, then moved with COPY (seed-large-postgres.ts).
  const { seedLargePostgres } = await import("./seed-large-postgres.ts");
  await seedLargePostgres(url);
  process.exit(0);
}
const file = databaseFile(url);
const lap = (what: string) =>
  console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${what}`);

for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
const migrate = spawnSync(
  process.execPath,
  ["--import", "tsx", path.resolve("prisma/scripts/migrate-deploy.ts")],
  {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "inherit",
  },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);
lap(`migrated ${file}`);

const db = new Database(file);
bulkLoadPragmas(db);
// Sorter threads for the index builds.
db.pragma("threads = 2");

const schemaOf = (tables: string[]) => {
  const rows = db
    .prepare(
      `SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (${tables.map(() => "?").join(",")}) ORDER BY type DESC`,
    )
    .all(...tables) as { type: string; sql: string }[];
  return {
    tables: rows.filter((r) => r.type === "table").map((r) => r.sql),
    indexes: rows.filter((r) => r.type === "index").map((r) => r.sql),
  };
};
const now = new Date().toISOString().replace("Z", "+00:00");
const SIDE_TABLES = {
  workers: ["Worker"],
  results: ["Result", "ScoreCount", "ScoreBucket", "OrgStanding"],
} as const;
const side = (job: keyof typeof SIDE_TABLES) => {
  const sideFile = `${file}.${job}`;
  const worker = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(new URL("./seed-large-side.ts", import.meta.url).href)}); });`,
    {
      eval: true,
      workerData: {
        job,
        file: sideFile,
        ddl: schemaOf([...SIDE_TABLES[job]]),
        now,
        events: Array.from({ length: SMALL_EVENTS + 1 }, (_, e) => ({
          id: e + 1,
          standingsBestN: STANDINGS_BEST_N,
        })),
      },
    },
  );
  return new Promise<string>((resolve, reject) => {
    worker.once("message", () => {
      lap(`${job} built beside`);
      resolve(sideFile);
    });
    worker.once("error", reject);
  });
};
// Both at once (measured: one after the other, the results thread finished 12 s later than
// the main thread's own work; side by side, three threads share the two cores and all finish
// together).
const sides = { workers: side("workers"), results: side("results") };

// Registrations arrive event by event with entry numbers and workers rising, and marks in
// (registration, criterion, judge) order: those indexes only ever grow at their end and are
// cheaper kept than rebuilt (deferring Mark's criterion index saved 5.5 s of loading and cost
// 8.5 s of building). The two on scrambled or random columns are built after the load.
const DEFERRED = [
  "Registration_eventId_blindCode_key",
  "Registration_organisationId_status_idx",
  "Registration_workerId_idx",
];
const deferred = db
  .prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (${DEFERRED.map(() => "?").join(",")})`,
  )
  .all(...DEFERRED) as { name: string; sql: string }[];

db.exec("BEGIN");
{
  for (const ix of deferred) db.exec(`DROP INDEX "${ix.name}"`);
  db.prepare(
    `INSERT INTO Organisation (id, name, kind, path, headcount, createdAt) VALUES (1, '西安市总工会', 'federation', '/1/', 0, ?)`,
  ).run(now);
  // The federation's district and industry unions; each enterprise sits under one of them.
  insertUnionTree(db, now);
  const org = db.prepare(
    `INSERT INTO Organisation (id, name, shortName, kind, parentId, path, headcount, createdAt) VALUES (?, ?, ?, 'enterprise', ?, ?, ?, ?)`,
  );
  for (let i = 0; i < ORGS; i++) {
    const id = i + 2;
    const branch = branchOfEnterprise(id);
    org.run(
      id,
      `西安第${i + 1}号精密制造有限公司`,
      `精密${i + 1}`,
      branch,
      `/1/${branch}/${id}/`,
      200 + (i % 800),
      now,
    );
  }

  // Judges come from a body outside the competing units' tree, so no one is recused.
  const judgesOrg = ORGS + 2;
  db.prepare(
    `INSERT INTO Organisation (id, name, kind, path, headcount, createdAt) VALUES (?, '西安市职业技能鉴定指导中心', 'industry_union', ?, 0, ?)`,
  ).run(judgesOrg, `/${judgesOrg}/`, now);
  const passwordHash = bcrypt.hashSync("Jiangxin2026!", 10);
  const user = db.prepare(
    `INSERT INTO User (id, username, displayName, passwordHash, role, organisationId, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  user.run(1, "admin", "李建华", passwordHash, "admin", 1, now);
  for (let j = 0; j < JUDGES; j++)
    user.run(2 + j, `judge${j + 1}`, `裁判${j + 1}`, passwordHash, "judge", judgesOrg, now);

  db.prepare(
    `INSERT INTO Contest (id, code, kind, name, organiserId, year, status, createdAt, updatedAt) VALUES (1, ?, 'skills_contest', '2026 年全市职工职业技能大赛（压力测试）', 1, 2026, 'in_progress', ?, ?)`,
  ).run(LARGE_CONTEST_CODE, now, now);

  const event = db.prepare(
    // Live boards: the benchmark and the load test read scores while judges mark.
    `INSERT INTO Event (id, contestId, code, name, mode, fullMark, aggregation, tieBreaks, prizeRules, standingsBestN, status, sortOrder, createdAt, resultsVisibility)
     VALUES (?, 1, ?, ?, 'individual', 10000, 'trimmed_mean', ?, ?, ${STANDINGS_BEST_N}, 'scoring', ?, ?, 'live')`,
  );
  const part = db.prepare(
    `INSERT INTO EventPart (id, eventId, kind, name, round, weight, fullMark, sortOrder) VALUES (?, ?, 'practical', '实操', 'final', 100, 10000, 0)`,
  );
  const criterion = db.prepare(
    `INSERT INTO Criterion (id, partId, code, name, type, maxMark, sortOrder) VALUES (?, ?, ?, ?, 'judgement', ?, ?)`,
  );
  const assign = db.prepare(
    `INSERT INTO JudgeAssignment (eventId, userId, isChief) VALUES (?, ?, ?)`,
  );
  const prizeRules = JSON.stringify([
    { tier: "first", share: 5 },
    { tier: "second", share: 10 },
    { tier: "third", share: 15 },
  ]);
  for (let e = 0; e <= SMALL_EVENTS; e++) {
    const id = e + 1;
    const big = e === SMALL_EVENTS;
    const criteria = CRITERIA.map((_, c) => id * CRITERIA_PER_EVENT_ID + c);
    const tieBreaks = JSON.stringify([
      { kind: "criterion", criterionId: criteria[0] },
      { kind: "criterion", criterionId: criteria[1] },
    ]);
    event.run(
      id,
      big ? LARGE_EVENT_CODE : `E${String(id).padStart(2, "0")}`,
      big ? "全市职工技能普及赛（50 万人）" : `职业技能赛项 ${id}`,
      tieBreaks,
      prizeRules,
      id,
      now,
    );
    part.run(id, id);
    CRITERIA.forEach((c, k) => criterion.run(criteria[k], id, c.code, c.name, c.max, k));
    for (let j = 0; j < JUDGES; j++) assign.run(id, 2 + j, j === 0 ? 1 : 0);
  }
  lap("organisations, judges, contest and events");

  // Entries and marks are generated inside SQLite (INSERT … SELECT over a numbers table): 15
  // million rows never cross into JavaScript one by one. Workers: one per entry of the big
  // event, each also entered in two of the small events.
  db.exec(NUMBERS_SQL);
  db.prepare(
    `INSERT INTO Registration (id, eventId, organisationId, workerId, status, entryNumber, blindCode, submittedAt)
     SELECT x.i, x.eventId, ${ORG_OF("x.w")}, x.w, 'checked_in', printf('%02d%06d', x.eventId, x.k + 1), ${BLIND_CODE("x.i")}, ?
     FROM (SELECT ${ENTRY_COLUMNS} FROM n) AS x`,
  ).run(now);
  lap(`${TOTAL.toLocaleString("en")} registrations`);
  db.exec(MARKS_TABLE_SQL);
  lap("marks drawn");
  // One row per (criterion, judge); a real table, so the join does not re-run a subquery per entry.
  db.exec(`CREATE TEMP TABLE p (k INTEGER PRIMARY KEY)`);
  db.exec(
    `INSERT INTO p VALUES ${Array.from({ length: CRITERIA.length * JUDGES }, (_, k) => `(${k})`).join(", ")}`,
  );
  const markInsert = db.prepare(
    `INSERT INTO Mark (registrationId, criterionId, judgeId, value, version, updatedAt)
     SELECT id, ${CRITERION_ID("eventId")} + p.k / ${JUDGES}, 2 + p.k % ${JUDGES},
       CASE p.k ${CRITERIA.flatMap((_, k) => Array.from({ length: JUDGES }, (_, j) => `WHEN ${k * JUDGES + j} THEN m${k}${j}`)).join(" ")} END, 1, ?
     FROM mk CROSS JOIN p`,
  );
  // Mark.updatedAt as epoch milliseconds, a DateTime encoding the Prisma adapter reads back
  // as well as ISO text (its timestampFormat "unixepoch-ms"): 6 bytes instead of 29 on 13.5
  // million rows, 300 MB less to write. Nothing filters or orders marks by it.
  markInsert.run(Date.parse(now));
  lap(`${(TOTAL * CRITERIA.length * JUDGES).toLocaleString("en")} marks`);
  for (const ix of deferred) db.exec(ix.sql);
  lap("registration indexes built");

  // The side files' tables have the same definitions and indexes, and ours are empty, so
  // SQLite transfers records and index entries as they are.
  for (const job of ["workers", "results"] as const) {
    const sideFile = await sides[job];
    db.exec(`ATTACH DATABASE '${sideFile.replaceAll("'", "''")}' AS ${job}`);
    for (const table of SIDE_TABLES[job])
      db.exec(`INSERT INTO main."${table}" SELECT * FROM ${job}."${table}"`);
    lap(`${job} copied in`);
  }
  // The federation's year in numbers: categories, labour, quiz, honours, then the figures.
  describeEvents(db, now);
  insertLabourCompetition(db, now);
  insertQuiz(db, now);
  insertHonours(db, now);
  lap("labour competition, quiz and honours");
  buildStatistics(db);
  lap("statistics built");
}
db.exec("COMMIT");
lap("committed");
// Detached after COMMIT: a database the transaction read from cannot be detached inside it.
for (const job of ["workers", "results"] as const) {
  db.exec(`DETACH DATABASE ${job}`);
  rmSync(`${file}.${job}`, { force: true });
}
db.pragma("locking_mode = NORMAL");
// Planner statistics for the tables the leaderboard queries; Mark's 13.5 million rows are only
// ever read by registration, through its unique index.
db.pragma("analysis_limit = 400");
for (const table of [
  "Result",
  "Registration",
  "Worker",
  "Organisation",
  "ScoreCount",
  "ScoreBucket",
  "OrgStanding",
  "StatCount",
  "QuizAttempt",
  "HonourAward",
  "LabourSubmission",
  "LabourParticipant",
])
  db.exec(`ANALYZE "${table}"`);
db.pragma("journal_mode = WAL");
db.close();
lap(
  `done: ${file} (${BIG_SIZE.toLocaleString("en")} entries in event ${BIG_EVENT_ID}, criteria ids = event × ${CRITERIA_PER_EVENT_ID} + k)`,
);
