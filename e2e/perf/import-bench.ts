// Benchmark (not a test): imports roster files of 5,000 and 50,000 rows through the same
// path as an upload (read → validate every row → duplicate check → one bulk transaction)
// into a fresh migrated database, and prints rows per second. Run: npm run bench:import
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  openSchemaEngine,
} from "../../prisma/scripts/schema-engine";
import { withIdCheckChar } from "~/domain/identity/id-number";

const dir = mkdtempSync(path.join(os.tmpdir(), "jiangxin-import-bench-"));
const file = path.join(dir, "bench.db");
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.close();
const engine = await openSchemaEngine(`file:${file}`);
await applyPendingMigrations(engine);
await closeSchemaEngine(engine);

process.env.DATABASE_URL = `file:${file}`;
process.env.ID_NUMBER_KEY ??= "b3".repeat(32);
process.env.SESSION_SECRET ??= "import-bench-session-secret-0123456789abcdef";
// The benchmark measures import speed, not the hourly cap on new ID numbers per organisation.
process.env.ROSTER_NEW_IDS_PER_HOUR ??= "10000000";

const { write, disconnectDb } = await import("~/db.server");
const { importRoster } = await import("~/models/worker.server");

const LEVELS = ["初级工", "中级工", "高级工", "技师", "高级技师"];

/** `count` distinct valid people; `offset` keeps the files of different runs apart. */
function rows(count: number, offset: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const day = String(1 + (n % 28)).padStart(2, "0");
    const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, "0");
    const year = 1970 + (Math.floor(n / 336) % 35);
    const region = 610100 + (Math.floor(n / 11760) % 99);
    const id = withIdCheckChar(
      `${region}${year}${month}${day}${String(Math.floor(n / 336 / 35) % 1000).padStart(3, "0")}`,
    );
    out.push([
      `职工${n}`,
      id,
      `13${String(n).padStart(9, "0")}`,
      "数控铣工",
      LEVELS[n % 5] ?? "高级工",
      n % 9 === 0 ? "否" : "是",
    ]);
  }
  return out;
}

const HEADER = ["姓名", "身份证号", "手机号", "工种", "技能等级", "是否工会会员"];

function csv(table: string[][]): Uint8Array {
  return new TextEncoder().encode(
    `\uFEFF${[HEADER, ...table].map((r) => r.join(",")).join("\r\n")}\r\n`,
  );
}

async function xlsx(table: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("职工名册");
  sheet.addRow(HEADER);
  for (const r of table) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let offset = 0;
async function run(label: string, count: number, format: "csv" | "xlsx") {
  const org = await write((tx) =>
    tx.organisation.create({ data: { name: `基准测试单位${label}`, kind: "enterprise" } }),
  );
  const table = rows(count, offset);
  offset += count;
  const bytes = format === "csv" ? csv(table) : await xlsx(table);
  const started = performance.now();
  const result = await importRoster(org.id, 0, { name: `roster.${format}`, bytes });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`${label} failed: ${JSON.stringify(result).slice(0, 500)}`);
  const line = `${label.padEnd(14)} ${String(count).padStart(6)} rows  ${(bytes.byteLength / 1024 / 1024).toFixed(2).padStart(6)} MB  ${seconds.toFixed(2).padStart(6)} s  ${Math.round(
    count / seconds,
  )
    .toLocaleString("en")
    .padStart(8)} rows/s`;
  console.log(line);
}

try {
  console.log(
    "Roster import (parse, validate, duplicate check, encrypt, bulk insert), fresh database:",
  );
  await run("csv 5k", 5_000, "csv");
  await run("xlsx 5k", 5_000, "xlsx");
  await run("csv 50k", 50_000, "csv");
  await run("xlsx 50k", 50_000, "xlsx");
} finally {
  await disconnectDb();
  rmSync(dir, { recursive: true, force: true });
}
