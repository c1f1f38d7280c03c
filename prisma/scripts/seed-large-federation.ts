// seed:large's federation (issue 17): the Xi'an federation's district and industry unions
// with the 5,000 enterprises spread under them, Weinan's federation beside it, the contest's
// events given categories and trades (20 of them published), a key-project labour
// competition of 2,000 units (over a million workers), the city quiz of 26,000 participants
// and 530,000 attempts, seven years of honours, and the statistics built from all of it with
// the app's own rebuild (one SQL statement pair, the same on SQLite and PostgreSQL).
import type Database from "better-sqlite3";
import { rebuildStatCountSql, markBuiltSql } from "~/models/statistics.sql.server";
import { ORGS, SMALL_EVENTS, HASH } from "./seed-large-sql";

export const LARGE_LABOUR_UNITS = Number(process.env.LARGE_LABOUR_UNITS ?? 2_000);
export const LARGE_QUIZ_WORKERS = Number(process.env.LARGE_QUIZ_WORKERS ?? 26_000);
export const LARGE_QUIZ_ATTEMPTS = Number(process.env.LARGE_QUIZ_ATTEMPTS ?? 530_000);
export const LARGE_HONOURS = Number(process.env.LARGE_HONOURS ?? 30_000);
/** Events 1…PUBLISHED have published results (their prizes count); the rest are being marked. */
export const LARGE_PUBLISHED_EVENTS = Math.min(20, SMALL_EVENTS);

const XA_DISTRICTS = [
  "新城区",
  "碑林区",
  "莲湖区",
  "雁塔区",
  "灞桥区",
  "未央区",
  "阎良区",
  "临潼区",
  "长安区",
  "高陵区",
  "鄠邑区",
  "蓝田县",
  "周至县",
];
const XA_INDUSTRIES = [
  "建设建材",
  "能源化工",
  "机械冶金",
  "交通运输",
  "教科文卫",
  "财贸金融",
  "电子信息",
  "国防邮电",
];
const WN_DISTRICTS = [
  "临渭区",
  "华州区",
  "华阴市",
  "韩城市",
  "潼关县",
  "大荔县",
  "合阳县",
  "澄城县",
  "蒲城县",
  "白水县",
  "富平县",
];

/** Union ids follow the judges' body (ORGS + 2): Xi'an's branches, then Weinan and its. */
export const FIRST_UNION_ID = ORGS + 3;
export const XA_BRANCHES = XA_DISTRICTS.length + XA_INDUSTRIES.length;
export const WN_FEDERATION_ID = FIRST_UNION_ID + XA_BRANCHES;

/** The branch (district or industry union) an enterprise (id 2 … ORGS + 1) sits under. */
export function branchOfEnterprise(id: number): number {
  return FIRST_UNION_ID + ((id * 7) % XA_BRANCHES);
}

export function insertUnionTree(db: Database.Database, now: string) {
  const union = db.prepare(
    `INSERT INTO Organisation (id, name, shortName, kind, parentId, path, headcount, createdAt) VALUES (?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  [...XA_DISTRICTS, ...XA_INDUSTRIES].forEach((name, i) => {
    const id = FIRST_UNION_ID + i;
    const district = i < XA_DISTRICTS.length;
    union.run(
      id,
      district ? `西安市${name}总工会` : `西安市${name}工会`,
      name,
      district ? "district_union" : "industry_union",
      1,
      `/1/${id}/`,
      now,
    );
  });
  union.run(
    WN_FEDERATION_ID,
    "渭南市总工会",
    "渭南市总",
    "federation",
    null,
    `/${WN_FEDERATION_ID}/`,
    now,
  );
  WN_DISTRICTS.forEach((name, i) => {
    const id = WN_FEDERATION_ID + 1 + i;
    union.run(
      id,
      `渭南市${name}总工会`,
      name,
      "district_union",
      WN_FEDERATION_ID,
      `/${WN_FEDERATION_ID}/${id}/`,
      now,
    );
  });
}

const CATEGORIES = [
  "装备制造",
  "信息技术",
  "建筑工程",
  "能源动力",
  "交通运输",
  "化工医药",
  "现代服务",
  "电子电气",
  "城市运维",
  "航空航天",
  "食品加工",
  "环境保护",
  "文化创意",
];
const TRADE_NAMES = [
  "数控车工",
  "数控铣工",
  "钳工",
  "焊工",
  "电工",
  "计算机程序设计员",
  "网络与信息安全管理员",
  "BIM建模员",
  "钢筋工",
  "混凝土工",
  "热力运行值班员",
  "锅炉运行值班员",
  "汽车维修工",
  "起重装卸机械操作工",
  "化学检验员",
  "药物制剂工",
  "中式烹调师",
  "美容师",
  "电子装接工",
  "工业机器人系统运维员",
  "城轨车辆检修工",
  "供水管道工",
  "飞机铆装工",
  "航空发动机装配工",
  "面包烘焙师",
  "污水处理工",
  "文物修复师",
  "车工",
  "铣工",
  "磨工",
  "模具工",
  "装配钳工",
  "维修电工",
  "仪表维修工",
  "制冷空调系统安装维修工",
  "电梯安装维修工",
  "架子工",
  "砌筑工",
  "防水工",
  "测量放线工",
  "燃气输配工",
  "变电设备检修工",
  "光伏电站运维员",
  "物流服务师",
  "快递员",
  "茶艺师",
  "育婴员",
  "养老护理员",
  "无人机驾驶员",
  "数字化解决方案设计师",
];

/** Categories and trades for every event; the first events' results published. */
export function describeEvents(db: Database.Database, now: string) {
  const update = db.prepare(`UPDATE Event SET category = ?, trade = ? WHERE id = ?`);
  for (let id = 1; id <= SMALL_EVENTS; id++)
    update.run(
      CATEGORIES[(id - 1) % CATEGORIES.length],
      TRADE_NAMES[(id - 1) % TRADE_NAMES.length],
      id,
    );
  update.run("综合技能", "职工岗位技能普及", SMALL_EVENTS + 1);
  db.prepare(
    `UPDATE Event SET status = 'published', lockedAt = ?, publishedAt = ?, noticeEndsAt = ? WHERE id <= ?`,
  ).run(now, now, now, LARGE_PUBLISHED_EVENTS);
}

const INDICATORS: [code: string, weight: number, method: string][] = [
  ["quality", 25, "panel"],
  ["safety", 25, "panel"],
  ["schedule", 20, "measurement"],
  ["innovation", 10, "measurement"],
  ["output", 10, "measurement"],
  ["participation", 10, "measurement"],
];

/** The key-project merit competition: units, indicators, three closed months and an open one. */
export function insertLabourCompetition(db: Database.Database, now: string) {
  const contestId = 2;
  db.prepare(
    `INSERT INTO Contest (id, code, kind, name, organiserId, year, status, startsAt, endsAt, createdAt, updatedAt)
     VALUES (?, 'CITY2026KEY', 'labour_competition', '全市重点项目立功竞赛（压力测试）', 1, 2026, 'in_progress', '2026-08-01T00:00:00.000+00:00', '2026-12-31T00:00:00.000+00:00', ?, ?)`,
  ).run(contestId, now, now);
  const indicator = db.prepare(
    `INSERT INTO LabourIndicator (contestId, code, name, weight, method, perHead, sortOrder) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  INDICATORS.forEach(([code, weight, method], i) =>
    indicator.run(contestId, code, code, weight, method, code === "participation" ? 1 : 0, i),
  );
  db.prepare(
    `INSERT INTO LabourParticipant (contestId, organisationId, headcount)
     SELECT ?, id, headcount * 3 FROM Organisation WHERE kind = 'enterprise' AND id BETWEEN 2 AND ?`,
  ).run(contestId, LARGE_LABOUR_UNITS + 1);
  const period = db.prepare(
    `INSERT INTO LabourPeriod (id, contestId, name, startsOn, endsOn, status, redFlagOrgId, sortOrder) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const submissions = db.prepare(
    `INSERT INTO LabourSubmission (periodId, organisationId, status, evidence, vetoed, score, rank, submittedAt, scoredAt)
     SELECT ?, organisationId, ?, '月报', CASE WHEN ${HASH("organisationId + ?")} % 97 = 0 THEN 1 ELSE 0 END,
       CASE WHEN ? THEN 6000 + ${HASH("organisationId * 3 + ?")} % 4000 END, NULL, ?, CASE WHEN ? THEN ? END
     FROM LabourParticipant WHERE contestId = ? AND (? OR organisationId % 4 <> 0)`,
  );
  const months = [
    ["2026年8月", "2026-08-01", "2026-08-31"],
    ["2026年9月", "2026-09-01", "2026-09-30"],
    ["2026年10月", "2026-10-01", "2026-10-31"],
    ["2026年11月", "2026-11-01", "2026-11-30"],
  ];
  months.forEach(([name, from, to], i) => {
    const id = i + 1;
    const closed = i < 3;
    period.run(
      id,
      contestId,
      name,
      `${from}T00:00:00.000+00:00`,
      `${to}T15:59:59.000+00:00`,
      closed ? "closed" : "open",
      closed ? 2 + ((i * 131) % LARGE_LABOUR_UNITS) : null,
      id,
    );
    // Closed months: every unit scored. The open month: three units in four have reported.
    submissions.run(
      id,
      closed ? "scored" : "submitted",
      id,
      closed ? 1 : 0,
      id,
      now,
      closed ? 1 : 0,
      now,
      contestId,
      closed ? 1 : 0,
    );
  });
  // Ranks within each closed month, by score.
  db.exec(`UPDATE LabourSubmission SET rank = (
      SELECT COUNT(*) + 1 FROM LabourSubmission s2
      WHERE s2.periodId = LabourSubmission.periodId AND s2.score > LabourSubmission.score)
    WHERE score IS NOT NULL`);
}

/** The city's online quiz: 26,000 participants, 530,000 finished attempts. */
export function insertQuiz(db: Database.Database, now: string) {
  const contestId = 3;
  db.prepare(
    `INSERT INTO Contest (id, code, kind, name, organiserId, year, status, startsAt, endsAt, createdAt, updatedAt)
     VALUES (?, 'CITY2026QUIZ', 'knowledge_quiz', '全市职工党史知识线上答题（压力测试）', 1, 2026, 'in_progress', '2026-07-01T00:00:00.000+00:00', '2026-07-31T00:00:00.000+00:00', ?, ?)`,
  ).run(contestId, now, now);
  db.prepare(
    `INSERT INTO Quiz (id, contestId, name, timeLimitSec, attemptsAllowed, opensAt, closesAt, plan, pointsPerQuestion, createdAt)
     VALUES (1, ?, '党史知识答题', 600, 100, '2026-07-01T00:00:00.000+00:00', '2026-07-31T00:00:00.000+00:00', '[]', 5, ?)`,
  ).run(contestId, now);
  db.exec(`CREATE TEMP TABLE qa (i INTEGER PRIMARY KEY);
    WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < ${LARGE_QUIZ_ATTEMPTS})
    INSERT INTO qa SELECT i FROM c;`);
  // Attempt i is worker 1 + i % workers' try number 1 + i / workers.
  db.prepare(
    `INSERT INTO QuizAttempt (quizId, workerId, organisationId, attemptNo, startedAt, deadline, submittedAt, status, paper, answers, score, durationMs)
     SELECT 1, w.id, w.organisationId, qa.i / ${LARGE_QUIZ_WORKERS} + 1, ?, ?, ?, 'submitted', '[]', '{}',
       ${HASH("qa.i")} % 101, 60000 + ${HASH("qa.i + 5")} % 500000
     FROM qa JOIN Worker w ON w.id = 1 + qa.i % ${LARGE_QUIZ_WORKERS}`,
  ).run(now, now, now);
  db.exec(`DROP TABLE qa`);
}

const HONOUR_KINDS = [
  "model_worker",
  "advanced_worker",
  "may_day_medal",
  "may_day_certificate",
  "craftsman",
  "technical_expert",
];
const HONOUR_LEVELS = ["national", "provincial", "city", "city", "district", "district"];

/** Seven years of honours for workers across the city (and a few for their units). */
export function insertHonours(db: Database.Database, now: string) {
  db.prepare(
    `INSERT INTO HonourAward (kind, level, year, conferringBody, citation, recipientKind, recipientName, workerId, organisationId, createdAt)
     SELECT CASE ${HASH("w.id")} % ${HONOUR_KINDS.length} ${HONOUR_KINDS.map((k, i) => `WHEN ${i} THEN '${k}'`).join(" ")} END,
       CASE ${HASH("w.id + 1")} % ${HONOUR_LEVELS.length} ${HONOUR_LEVELS.map((l, i) => `WHEN ${i} THEN '${l}'`).join(" ")} END,
       2020 + w.id % 7, '西安市总工会', '', 'worker', w.name, w.id, w.organisationId, ?
     FROM Worker w WHERE w.id <= ?`,
  ).run(now, LARGE_HONOURS);
  // Front-line and manager flags and migrant workers as an organisation would record them.
  db.exec(`UPDATE Worker SET
      frontLine = CASE WHEN id % 7 = 0 THEN 0 ELSE 1 END,
      manager = CASE WHEN id % 7 = 0 THEN 1 ELSE 0 END,
      migrantWorker = CASE WHEN id % 5 = 0 THEN 1 ELSE 0 END
    WHERE id <= ${LARGE_HONOURS}`);
}

/** The year in numbers of everything above, as the app rebuilds it. */
export function buildStatistics(db: Database.Database) {
  db.exec(`DELETE FROM StatCount`);
  for (const statement of rebuildStatCountSql(null))
    db.prepare(statement.sql).run(...(statement.values as (string | number)[]));
  const marker = markBuiltSql();
  db.prepare(marker.sql).run(...(marker.values as (string | number)[]));
}
