// Shared by seed-large.ts and its worker threads (seed-large-side.ts): the benchmark's size
// and the formulas that draw its entries and marks. Everything is a deterministic function of
// the row number, so two threads building different tables agree on every value.
import { RANK_KEY_COMPONENT_BITS } from "~/domain/ranking/rank-key";

export const LARGE_CONTEST_CODE = "CITY2026BENCH";
export const LARGE_EVENT_CODE = "BIG";
export const SMALL_EVENTS = Number(process.env.LARGE_SMALL_EVENTS ?? 50);
export const SMALL_SIZE = Number(process.env.LARGE_SMALL_SIZE ?? 20_000);
export const BIG_SIZE = Number(process.env.LARGE_BIG_SIZE ?? 500_000);
export const ORGS = 5_000;
export const JUDGES = 3;
export const CRITERIA = [
  { code: "C1", name: "工艺质量", max: 4000 },
  { code: "C2", name: "操作规范", max: 3000 },
  { code: "C3", name: "安全文明", max: 3000 },
];

export const SMALL_TOTAL = SMALL_EVENTS * SMALL_SIZE;
export const TOTAL = SMALL_TOTAL + BIG_SIZE;
export const BIG_EVENT_ID = SMALL_EVENTS + 1;
// Deterministic pseudo-random numbers in SQL (and JS): a multiplicative hash of the inputs.
export const HASH = (x: string) => `((((${x}) * 2654435761) % 4294967296) * 40503 % 1000003)`;
export const ORG_OF = (w: string) => `(2 + ${HASH(w)} % ${ORGS})`;
/** One judge's mark: the entry's ability (35–95 % of the maximum) plus ±6 % judge noise. */
export const MARK = (reg: string, c: string, j: string, max: string) =>
  `MAX(0, MIN(${max}, ${max} * (3500 + ${HASH(reg)} % 6000 + ${HASH(`${reg} * 16 + ${c} * 4 + ${j} + 7`)} % 1201 - 600) / 10000))`;
// Criterion ids are eventId × 10 + k, so SQL can name them without a join.
export const CRITERIA_PER_EVENT_ID = 10;
export const CRITERION_ID = (eventId: string) => `${eventId} * ${CRITERIA_PER_EVENT_ID}`;
/** Judges see a blind code, never the entry: a scrambled, unique six-hex-digit code per entry. */
export const BLIND_CODE = (id: string) => `printf('%06X', (${id} * 7919) % 16777213)`;

/** Each entry's row number i → its event, worker and place in the event (k). Small events first, so entry numbers rise with i. */
export const ENTRY_COLUMNS = `n.i AS i,
  CASE WHEN n.i > ${SMALL_TOTAL} THEN ${BIG_EVENT_ID} ELSE (n.i - 1) / ${SMALL_SIZE} + 1 END AS eventId,
  CASE WHEN n.i > ${SMALL_TOTAL} THEN n.i - ${SMALL_TOTAL} ELSE (n.i - 1) % ${BIG_SIZE} + 1 END AS w,
  CASE WHEN n.i > ${SMALL_TOTAL} THEN n.i - ${SMALL_TOTAL} - 1 ELSE (n.i - 1) % ${SMALL_SIZE} END AS k`;

/** A temp table n(i) of the row numbers 1..TOTAL. */
export const NUMBERS_SQL = `CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);
  WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${TOTAL}) INSERT INTO n SELECT i FROM c;`;

/** Every judge's mark of an entry as columns m<criterion><judge>, for an expression giving the registration id. */
export function markColumns(reg: string): string[] {
  const cols: string[] = [];
  CRITERIA.forEach((c, k) => {
    for (let j = 0; j < JUDGES; j++)
      cols.push(`${MARK(reg, String(k), String(j), String(c.max))} AS m${k}${j}`);
  });
  return cols;
}

/** A temp table mk (id, eventId, organisationId, m00 … m22): one row per entry with its nine marks. */
export const MARKS_TABLE_SQL = `CREATE TEMP TABLE mk (id INTEGER PRIMARY KEY, eventId, organisationId, ${CRITERIA.flatMap((_, k) => Array.from({ length: JUDGES }, (_, j) => `m${k}${j}`)).join(", ")});
  INSERT INTO mk SELECT x.i, x.eventId, ${ORG_OF("x.w")}, ${markColumns("x.i").join(", ")}
  FROM (SELECT ${ENTRY_COLUMNS} FROM n) AS x;`;

// Three judges: the trimmed mean drops the highest and lowest, leaving the middle mark.
const middle = (k: number) =>
  `(m${k}0 + m${k}1 + m${k}2 - MAX(m${k}0, m${k}1, m${k}2) - MIN(m${k}0, m${k}1, m${k}2))`;

/**
 * Result rows from mk (one parameter: updatedAt). Ranks and prizes (5% / 10% / 15%) from one
 * window pass (event sizes are known: a second window for COUNT(*) would sort the 1.5 million
 * rows again).
 */
export const RESULTS_SQL = `
  INSERT INTO Result (registrationId, eventId, organisationId, total, rankKey, detail, complete, rank, prize, updatedAt)
  SELECT id, eventId, organisationId, total, rankKey, '{}', 1, rk,
    CASE WHEN rk <= MAX(1, n * 5 / 100) THEN 'first' WHEN rk <= MAX(1, n * 15 / 100) THEN 'second'
         WHEN rk <= MAX(1, n * 30 / 100) THEN 'third' END, ?
  FROM (SELECT *, RANK() OVER (PARTITION BY eventId ORDER BY rankKey DESC) AS rk,
          CASE eventId WHEN ${BIG_EVENT_ID} THEN ${BIG_SIZE} ELSE ${SMALL_SIZE} END AS n
        FROM (SELECT id, eventId, organisationId, c0 + c1 + c2 AS total,
                ((c0 + c1 + c2) << ${2n * RANK_KEY_COMPONENT_BITS}) | (c0 << ${RANK_KEY_COMPONENT_BITS}) | c1 AS rankKey
              FROM (SELECT id, eventId, organisationId, ${middle(0)} AS c0, ${middle(1)} AS c1, ${middle(2)} AS c2 FROM mk)))`;

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌宁辉鹏飞波海峰亮晨浩宇欣怡嘉琪佳睿思远博涵子轩梓萱一诺雨泽";
export const workerName = (i: number) =>
  SURNAMES[i % SURNAMES.length]! +
  GIVEN[(i * 7 + 3) % GIVEN.length]! +
  (i % 3 === 0 ? "" : GIVEN[(i * 13 + 5) % GIVEN.length]!);

/** Pragmas for a throw-away bulk load: no journal, no syncing, everything in memory until COMMIT. */
export function bulkLoadPragmas(db: { pragma(source: string): unknown }): void {
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  // Room for the whole file (about 1.6 GB): no page is written before COMMIT, which writes them in order.
  db.pragma("cache_size = -3000000");
  db.pragma("temp_store = MEMORY");
  db.pragma("locking_mode = EXCLUSIVE");
  db.pragma("foreign_keys = OFF");
}
