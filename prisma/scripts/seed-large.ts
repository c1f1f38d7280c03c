// npm run seed:large — a separate benchmark database (default prisma/data/large.db; set
// DATABASE_URL to move it) with 1,500,000 entries: 50 events of 20,000 and one of 500,000,
// 5,000 organisations, 3 judges × 3 criteria marked for every entry (13.5 million marks), the
// Result rows with rank keys and prizes, and every ranking table. Prisma's createMany manages
// about 6,000 rows/s here, so this is the raw path: one better-sqlite3 transaction, prepared
// statements, secondary indexes dropped before loading and built afterwards.
import { spawnSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import { RANK_KEY_COMPONENT_BITS } from "../../app/domain/ranking/rank-key";
import { databaseFile } from "../../app/utils/database-file.server";
import { rebuildAllRankingTables } from "../../app/models/ranking-tables.server";

export const LARGE_CONTEST_CODE = "CITY2026BENCH";
export const LARGE_EVENT_CODE = "BIG";
const SMALL_EVENTS = Number(process.env.LARGE_SMALL_EVENTS ?? 50);
const SMALL_SIZE = Number(process.env.LARGE_SMALL_SIZE ?? 20_000);
const BIG_SIZE = Number(process.env.LARGE_BIG_SIZE ?? 500_000);
const ORGS = 5_000;
const JUDGES = 3;
const CRITERIA = [
  { code: "C1", name: "工艺质量", max: 4000 },
  { code: "C2", name: "操作规范", max: 3000 },
  { code: "C3", name: "安全文明", max: 3000 },
];

const TOTAL = SMALL_EVENTS * SMALL_SIZE + BIG_SIZE;
const BIG_EVENT_ID = SMALL_EVENTS + 1;
// Deterministic pseudo-random numbers in SQL (and JS): a multiplicative hash of the inputs.
const HASH = (x: string) => `((((${x}) * 2654435761) % 4294967296) * 40503 % 1000003)`;
const ORG_OF = (w: string) => `(2 + ${HASH(w)} % ${ORGS})`;
/** One judge's mark: the entry's ability (35–95 % of the maximum) plus ±6 % judge noise. */
const MARK = (reg: string, c: string, j: string, max: string) =>
  `MAX(0, MIN(${max}, ${max} * (3500 + ${HASH(reg)} % 6000 + ${HASH(`${reg} * 16 + ${c} * 4 + ${j} + 7`)} % 1201 - 600) / 10000))`;
// Criterion ids are eventId × 10 + k, so SQL can name them without a join.
const CRITERIA_PER_EVENT_ID = 10;
const CRITERION_ID = (eventId: string) => `${eventId} * ${CRITERIA_PER_EVENT_ID}`;
/** Judges see a blind code, never the entry: a scrambled, unique six-hex-digit code per entry. */
const BLIND_CODE = (id: string) => `printf('%06X', (${id} * 7919) % 16777213)`;
const started = Date.now();
const url = process.env.DATABASE_URL ?? "file:./prisma/data/large.db";
process.env.DATABASE_URL = url;
const file = databaseFile(url);
const lap = (what: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${what}`);

for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
// 16 KiB pages before the migrations create anything: a quarter of the B-tree pages to
// split and write for 15 million rows (the page size is fixed once the file has a table).
{
  const init = new Database(file);
  init.pragma("page_size = 16384");
  init.exec("CREATE TABLE _page_size (x); DROP TABLE _page_size;");
  init.close();
}
const migrate = spawnSync(process.execPath, ["--import", "tsx", path.resolve("prisma/scripts/migrate-deploy.ts")], {
  env: { ...process.env, DATABASE_URL: url },
  stdio: "inherit",
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);
lap(`migrated ${file}`);

const db = new Database(file);
db.pragma("journal_mode = OFF");
db.pragma("synchronous = OFF");
// Room for the whole file (about 2 GB): no page is written before COMMIT, which writes them in order.
db.pragma("cache_size = -3000000");
db.pragma("temp_store = MEMORY");
db.pragma("locking_mode = EXCLUSIVE");
db.pragma("foreign_keys = OFF");
// Sorter threads for the index builds and the ranking window (the ID-number workers finish early).
db.pragma("threads = 2");

const LOADED = ["Worker", "Registration", "Mark", "Result"];
const indexes = db
  .prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOADED.map(() => "?").join(",")})`,
  )
  .all(...LOADED) as { name: string; sql: string }[];
// Marks arrive in (registration, criterion, judge) order, so their unique index only ever grows
// at its end, and the criterion index at one end per criterion: both are cheaper kept than
// rebuilt over 13.5 million rows (measured: deferring the criterion index saved 5.5 s of
// loading and cost 8.5 s of building). Every other index is built after the load.
const deferred = indexes.filter((ix) => !ix.name.startsWith("Mark_"));

const now = new Date().toISOString().replace("Z", "+00:00");
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌宁辉鹏飞波海峰亮晨浩宇欣怡嘉琪佳睿思远博涵子轩梓萱一诺雨泽";
const name = (i: number) =>
  SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7 + 3) % GIVEN.length]! + (i % 3 === 0 ? "" : GIVEN[(i * 13 + 5) % GIVEN.length]!);

// The ID-number crypto (~10 s of CPU) runs in a worker thread on the second core while SQLite
// generates the entries; a second crypto thread would only take CPU from SQLite's thread,
// which is the critical path.
const idsFile = new URL("./seed-large-ids.ts", import.meta.url).href;
const THREADS = 1;
const chunk = Math.ceil(BIG_SIZE / THREADS);
const idBatches = Array.from({ length: THREADS }, (_, t) => {
  const worker = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(idsFile)}); });`,
    { eval: true, workerData: { from: 1 + t * chunk, to: 1 + Math.min(BIG_SIZE, (t + 1) * chunk) } },
  );
  return new Promise<IdBatch>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
});
type IdBatch = { from: number; cipher: string[]; hash: string[]; masked: string[]; gender: string[]; birth: string[] };

db.exec("BEGIN");
{
  for (const ix of deferred) db.exec(`DROP INDEX "${ix.name}"`);

  db.prepare(`INSERT INTO Organisation (id, name, kind, path, headcount, createdAt) VALUES (1, '西安市总工会', 'federation', '/1/', 0, ?)`).run(now);
  const org = db.prepare(`INSERT INTO Organisation (id, name, shortName, kind, parentId, path, headcount, createdAt) VALUES (?, ?, ?, 'enterprise', 1, ?, ?, ?)`);
  for (let i = 0; i < ORGS; i++) {
    const id = i + 2;
    org.run(id, `西安第${i + 1}号精密制造有限公司`, `精密${i + 1}`, `/1/${id}/`, 200 + (i % 800), now);
  }

  // Judges come from a body outside the competing units' tree, so no one is recused.
  const judgesOrg = ORGS + 2;
  db.prepare(`INSERT INTO Organisation (id, name, kind, path, headcount, createdAt) VALUES (?, '西安市职业技能鉴定指导中心', 'industry_union', ?, 0, ?)`).run(judgesOrg, `/${judgesOrg}/`, now);
  const passwordHash = bcrypt.hashSync("Jiangxin2026!", 10);
  const user = db.prepare(`INSERT INTO User (id, username, displayName, passwordHash, role, organisationId, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  user.run(1, "admin", "李建华", passwordHash, "admin", 1, now);
  for (let j = 0; j < JUDGES; j++) user.run(2 + j, `judge${j + 1}`, `裁判${j + 1}`, passwordHash, "judge", judgesOrg, now);

  db.prepare(
    `INSERT INTO Contest (id, code, kind, name, organiserId, status, createdAt, updatedAt) VALUES (1, ?, 'skills_contest', '2026 年全市职工职业技能大赛（压力测试）', 1, 'in_progress', ?, ?)`,
  ).run(LARGE_CONTEST_CODE, now, now);

  const event = db.prepare(
    `INSERT INTO Event (id, contestId, code, name, mode, fullMark, aggregation, tieBreaks, prizeRules, standingsBestN, status, sortOrder, createdAt)
     VALUES (?, 1, ?, ?, 'individual', 10000, 'trimmed_mean', ?, ?, 3, 'scoring', ?, ?)`,
  );
  const part = db.prepare(`INSERT INTO EventPart (id, eventId, kind, name, round, weight, fullMark, sortOrder) VALUES (?, ?, 'practical', '实操', 'final', 100, 10000, 0)`);
  const criterion = db.prepare(`INSERT INTO Criterion (id, partId, code, name, type, maxMark, sortOrder) VALUES (?, ?, ?, ?, 'judgement', ?, ?)`);
  const assign = db.prepare(`INSERT INTO JudgeAssignment (eventId, userId, isChief) VALUES (?, ?, ?)`);
  const prizeRules = JSON.stringify([
    { tier: "first", share: 5 },
    { tier: "second", share: 10 },
    { tier: "third", share: 15 },
  ]);
  const events: { id: number; size: number; criteria: number[] }[] = [];
  for (let e = 0; e <= SMALL_EVENTS; e++) {
    const id = e + 1;
    const big = e === SMALL_EVENTS;
    const criteria = CRITERIA.map((_, c) => id * CRITERIA_PER_EVENT_ID + c);
    const tieBreaks = JSON.stringify([
      { kind: "criterion", criterionId: criteria[0] },
      { kind: "criterion", criterionId: criteria[1] },
    ]);
    event.run(id, big ? LARGE_EVENT_CODE : `E${String(id).padStart(2, "0")}`, big ? "全市职工技能普及赛（50 万人）" : `职业技能赛项 ${id}`, tieBreaks, prizeRules, id, now);
    part.run(id, id);
    CRITERIA.forEach((c, k) => criterion.run(criteria[k], id, c.code, c.name, c.max, k));
    for (let j = 0; j < JUDGES; j++) assign.run(id, 2 + j, j === 0 ? 1 : 0);
    events.push({ id, size: big ? BIG_SIZE : SMALL_SIZE, criteria });
  }
  lap("organisations, judges, contest and events");

    // Entries, marks and results are generated inside SQLite (INSERT … SELECT over a numbers
  // table): 15 million rows never cross into JavaScript one by one. Workers: one per entry of
  // the big event, each also entered in two of the small events.
  db.exec(`CREATE TEMP TABLE n (i INTEGER PRIMARY KEY)`);
  db.prepare(`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?) INSERT INTO n SELECT i FROM c`).run(TOTAL);
  db.prepare(
    `INSERT INTO Registration (id, eventId, organisationId, workerId, status, entryNumber, blindCode, submittedAt)
     SELECT x.i, x.eventId, ${ORG_OF("x.w")}, x.w, 'checked_in', printf('%02d%06d', x.eventId, x.k + 1), ${BLIND_CODE("x.i")}, ?
     FROM (SELECT n.i,
             CASE WHEN n.i <= ${BIG_SIZE} THEN ${BIG_EVENT_ID} ELSE (n.i - ${BIG_SIZE} - 1) / ${SMALL_SIZE} + 1 END AS eventId,
             CASE WHEN n.i <= ${BIG_SIZE} THEN n.i ELSE (n.i - ${BIG_SIZE} - 1) % ${BIG_SIZE} + 1 END AS w,
             CASE WHEN n.i <= ${BIG_SIZE} THEN n.i - 1 ELSE (n.i - ${BIG_SIZE} - 1) % ${SMALL_SIZE} END AS k
           FROM n) AS x`,
  ).run(now);
  lap(`${TOTAL.toLocaleString("en")} registrations`);
  // Every judge's mark of an entry, one row per entry, then spread into Mark (nine passes in
  // (registration, criterion, judge) order, so Mark's unique index grows at its end) and
  // folded into Result.
  const cols: string[] = [];
  CRITERIA.forEach((c, k) => {
    for (let j = 0; j < JUDGES; j++) cols.push(`${MARK("g.id", String(k), String(j), String(c.max))} AS m${k}${j}`);
  });
  db.exec(`CREATE TEMP TABLE mk (id INTEGER PRIMARY KEY, eventId, organisationId, ${cols.map((_, i) => `m${Math.floor(i / JUDGES)}${i % JUDGES}`).join(", ")})`);
  db.exec(`INSERT INTO mk SELECT g.id, g.eventId, g.organisationId, ${cols.join(", ")} FROM Registration g`);
  lap("marks drawn");
  // One row per (criterion, judge); a real table, so the join does not re-run a subquery per entry.
  db.exec(`CREATE TEMP TABLE p (k INTEGER PRIMARY KEY)`);
  db.exec(`INSERT INTO p VALUES ${Array.from({ length: CRITERIA.length * JUDGES }, (_, k) => `(${k})`).join(", ")}`);
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
  // Three judges: the trimmed mean drops the highest and lowest, leaving the middle mark.
  const middle = (k: number) => `(m${k}0 + m${k}1 + m${k}2 - MAX(m${k}0, m${k}1, m${k}2) - MIN(m${k}0, m${k}1, m${k}2))`;
  // Ranks and prizes (5% / 10% / 15%) from one window pass (event sizes are known: a second
  // window for COUNT(*) would sort the 1.5 million rows again).
  db.prepare(
    `INSERT INTO Result (registrationId, eventId, organisationId, total, rankKey, detail, complete, rank, prize, updatedAt)
     SELECT id, eventId, organisationId, total, rankKey, '{}', 1, rk,
       CASE WHEN rk <= MAX(1, n * 5 / 100) THEN 'first' WHEN rk <= MAX(1, n * 15 / 100) THEN 'second'
            WHEN rk <= MAX(1, n * 30 / 100) THEN 'third' END, ?
     FROM (SELECT *, RANK() OVER (PARTITION BY eventId ORDER BY rankKey DESC) AS rk,
             CASE eventId WHEN ${BIG_EVENT_ID} THEN ${BIG_SIZE} ELSE ${SMALL_SIZE} END AS n
           FROM (SELECT id, eventId, organisationId, c0 + c1 + c2 AS total,
                   ((c0 + c1 + c2) << ${2n * RANK_KEY_COMPONENT_BITS}) | (c0 << ${RANK_KEY_COMPONENT_BITS}) | c1 AS rankKey
                 FROM (SELECT id, eventId, organisationId, ${middle(0)} AS c0, ${middle(1)} AS c1, ${middle(2)} AS c2 FROM mk)))
     `,
  ).run(now);
  lap("results");

  const worker = db.prepare(
    `INSERT INTO Worker (id, organisationId, name, gender, idNumberCipher, idNumberHash, idNumberMasked, birthDate, frontLine, unionMember, manager, createdAt, updatedAt)
     VALUES (?, ${ORG_OF("?")}, ?, ?, ?, ?, ?, ?, 1, 1, 0, ?, ?)`,
  );
  for (const batch of await Promise.all(idBatches)) {
    batch.cipher.forEach((cipher, k) => {
      const id = batch.from + k;
      worker.run(id, id, name(id), batch.gender[k], cipher, batch.hash[k], batch.masked[k], batch.birth[k], now, now);
    });
  }
  lap(`${BIG_SIZE.toLocaleString("en")} workers`);
  for (const ix of deferred) db.exec(ix.sql);
  lap("indexes built");

  rebuildAllRankingTables(db);
  lap("ranking tables");
}
db.exec("COMMIT");
lap("committed");
db.pragma("locking_mode = NORMAL");
// Planner statistics for the tables the leaderboard queries; Mark's 13.5 million rows are only
// ever read by registration, through its unique index.
db.pragma("analysis_limit = 400");
for (const table of ["Result", "Registration", "Worker", "Organisation", "ScoreCount", "ScoreBucket", "OrgStanding"]) db.exec(`ANALYZE "${table}"`);
lap("analysed");
db.pragma("journal_mode = WAL");
db.close();
lap(`done: ${file}`);
