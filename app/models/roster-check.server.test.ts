import { describe, expect, it, vi } from "vitest";
import { withIdCheckChar } from "~/domain/identity/id-number";
import { RosterCheckThread } from "./roster-check.server";
import type { Engine } from "~/db/sql.server";
import { checkRosterFile, PROGRESS_ROWS } from "./roster-file.server";
import { stagedRecords, type StagedRows } from "./roster-stage.server";

const HEAD = "姓名,身份证号,性别,手机号,工种,技能等级,是否工会会员";

/** The n-th of many distinct valid ID numbers (1,000 per birth day from 1960); odd n male. */
function nthId(n: number): string {
  const day = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll("-", "");
  return withIdCheckChar(`610113${birth}${String(n % 1000).padStart(3, "0")}`);
}

const line = (n: number) => `职工${n},${nthId(n)},,13800138000,车工,,是`;

/** The time allowed a test that checks tens of thousands of rows (not a measure). */
const CHECK_MS = 120_000;

/**
 * Checks the file on the reading thread alone, or with the check thread (every other chunk
 * then checked on the reading thread all the same); what it reported.
 */
async function check(text: string, checkThread: boolean, stage: Engine = "sqlite") {
  const checked: [number, number][] = [];
  const staged: Record<string, unknown>[] = [];
  const outcome = await checkRosterFile(
    { name: "r.csv", bytes: new TextEncoder().encode(text) },
    "2026-11-30",
    { checked: (done, total) => void checked.push([done, total]) },
    async (rows: StagedRows) => void staged.push(...stagedRecords(rows)),
    checkThread ? { checkThread, hereEvery: 2, stage } : { checkThread, stage },
  );
  const sunk = staged.map((r) => Number(r.row));
  return { outcome, checked, sunk, staged };
}

/** A SQLite staged row's values as PostgreSQL's COPY text writes them. */
function pgText(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    out[k] =
      v === null
        ? "\\N"
        : k === "unionMember"
          ? v === 1
            ? "t"
            : "f"
          : k === "birthDate"
            ? String(v).replace("+00:00", "")
            : String(v);
  return out;
}

describe("a roster file checked on two threads", () => {
  it(
    "reads the first pass in two halves, the second on the check thread, to one pass's shape",
    async () => {
      // After the middle only: an example row, blank lines, and a value in a column with no
      // header, which the file's shape must hold (its width, its filled columns).
      const lines = [HEAD];
      for (let n = 0; n < 2 * PROGRESS_ROWS; n++) {
        if (n === 15_000)
          lines.push("【示例】张三,110101199003074514,男,13800138000,车工,高级工,是", "", " , ");
        lines.push(line(n));
      }
      const shape = vi.spyOn(RosterCheckThread.prototype, "shape");
      try {
        for (const extra of [false, true]) {
          if (extra) lines[16_000] = `${lines[16_000]},多余`;
          const text = `${lines.join("\n")}\n`;
          const alone = await check(text, false);
          shape.mockClear();
          const two = await check(text, true);
          expect(shape).toHaveBeenCalledTimes(1);
          const reply = await shape.mock.results[0]!.value;
          expect(reply).toMatchObject({ part: { samples: 1 } });
          // The same but for the ciphertexts, each sealed with an IV of its own.
          const plain = (run: typeof alone) => ({
            ...run,
            staged: run.staged.map(({ idNumberCipher: _, ...rest }) => rest),
          });
          expect(plain(two)).toEqual(plain(alone));
          if (extra) {
            expect(alone.outcome).toMatchObject({
              ok: false,
              problems: [{ row: 1, code: "import_blank_header" }],
            });
          } else {
            expect(alone.outcome).toEqual({
              ok: true,
              value: { count: 2 * PROGRESS_ROWS, samples: 1 },
            });
            expect(alone.checked.at(-1)).toEqual([2 * PROGRESS_ROWS, 2 * PROGRESS_ROWS]);
          }
        }
      } finally {
        shape.mockRestore();
      }
    },
    CHECK_MS,
  );

  it(
    "reports errors from every chunk in file order with the file's row numbers, as one thread does",
    async () => {
      // Rows are numbered as the file's lines (header = 1); blank lines and the template's
      // example row count as lines and are not checked.
      const lines = [HEAD, "【示例】张三,110101199003074514,男,13800138000,车工,高级工,是"];
      for (let n = 0; n < 4 * PROGRESS_ROWS + 500; n++) {
        if (n === 3) lines.push("坏号,110101199001011230,,13800138000,车工,,是");
        if (n === 7_000) lines.push("", "  ,  ,  ");
        // The second chunk: a number first seen in the first chunk, and a bad phone.
        if (n === 12_000) lines.push(`重复,${nthId(5)},,13800138000,车工,,是`);
        if (n === 15_000) lines.push(`坏手机,${nthId(900_000)},,12345,车工,,是`);
        // The fourth: a duplicate whose gender disagrees is a duplicate only (the gender is
        // checked on a row whose cells are all good); then a missing name before a duplicate,
        // and a gender mismatch alone.
        if (n === 31_000) lines.push(`重复女,${nthId(7)},女,13800138000,车工,,是`);
        if (n === 32_000) lines.push(`,${nthId(9)},,138,车工,,是`);
        if (n === 33_000) lines.push(`性别错,${nthId(900_001)},女,13800138000,车工,,是`);
        lines.push(line(n));
      }
      const text = `\uFEFF${lines.join("\r\n")}\r\n`;
      const rowOf = (content: string) => lines.indexOf(content) + 1;
      const alone = await check(text, false);
      const two = await check(text, true);
      expect(alone.outcome.ok).toBe(false);
      if (alone.outcome.ok) return;
      expect(alone.outcome.problems).toEqual([
        expect.objectContaining({
          row: rowOf("坏号,110101199001011230,,13800138000,车工,,是"),
          column: "身份证号",
          code: "id_number_check_digit",
        }),
        {
          row: rowOf(`重复,${nthId(5)},,13800138000,车工,,是`),
          column: "身份证号",
          code: "import_duplicate_value",
          params: { column: "身份证号", firstRow: rowOf(line(5)) },
        },
        expect.objectContaining({
          row: rowOf(`坏手机,${nthId(900_000)},,12345,车工,,是`),
          column: "手机号",
          code: "mobile_phone_invalid",
        }),
        expect.objectContaining({
          row: rowOf(`重复女,${nthId(7)},女,13800138000,车工,,是`),
          column: "身份证号",
          code: "import_duplicate_value",
          params: { column: "身份证号", firstRow: rowOf(line(7)) },
        }),
        expect.objectContaining({
          row: rowOf(`,${nthId(9)},,138,车工,,是`),
          column: "姓名",
          code: "import_required_value_missing",
        }),
        expect.objectContaining({
          row: rowOf(`,${nthId(9)},,138,车工,,是`),
          column: "身份证号",
          code: "import_duplicate_value",
        }),
        expect.objectContaining({
          row: rowOf(`,${nthId(9)},,138,车工,,是`),
          column: "手机号",
          code: "mobile_phone_invalid",
        }),
        expect.objectContaining({
          row: rowOf(`性别错,${nthId(900_001)},女,13800138000,车工,,是`),
          column: "性别",
          code: "import_gender_mismatch_id",
        }),
      ]);
      expect(two.outcome).toEqual(alone.outcome);
      // Nothing of a file with an error in its first chunk reaches the sink; progress rises
      // chunk by chunk either way.
      expect(alone.sunk).toEqual([]);
      expect(two.sunk).toEqual([]);
      expect(two.checked).toEqual(alone.checked);
      const total = alone.checked[0]![1];
      expect(alone.checked.map(([done]) => done)).toEqual([
        // The example row and the two blank lines are in the first chunk.
        ...[0, 1, 2, 3, 4].map((k) => k * PROGRESS_ROWS - (k > 0 ? 3 : 0)),
        // A refused file was still checked to its end: the bar ends full.
        total,
      ]);
    },
    CHECK_MS,
  );

  it(
    "a good file: every row sealed and handed over in file order, once",
    async () => {
      const lines = [HEAD];
      for (let n = 0; n < 2 * PROGRESS_ROWS + 10; n++) lines.push(line(n));
      const text = `${lines.join("\n")}\n`;
      const alone = await check(text, false);
      const two = await check(text, true);
      const rows = Array.from({ length: 2 * PROGRESS_ROWS + 10 }, (_, i) => i + 2);
      expect(two.outcome).toEqual({ ok: true, value: { count: rows.length, samples: 0 } });
      expect(two.sunk).toEqual(rows);
      expect(alone.sunk).toEqual(rows);
      expect(two.checked).toEqual(alone.checked);
      expect(two.checked).toEqual([
        [0, rows.length],
        [PROGRESS_ROWS, rows.length],
        [2 * PROGRESS_ROWS, rows.length],
        [rows.length, rows.length],
      ]);
      // PostgreSQL's COPY lines hold the same rows and values (the ciphers' IVs differ).
      const copied = await check(text, true, "postgresql");
      const sameness = (r: Record<string, unknown>) => ({ ...r, idNumberCipher: undefined });
      expect(copied.staged.map(sameness)).toEqual(two.staged.map((r) => sameness(pgText(r))));
      expect(two.staged[0]).toEqual({
        row: 2,
        name: "职工0",
        gender: "female",
        idNumberCipher: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
        idNumberHash: expect.stringMatching(/^[0-9a-f]{32}$/),
        idNumberMasked: `${nthId(0).slice(0, 4)}**********${nthId(0).slice(-4)}`,
        birthDate: "1959-12-31T16:00:00.000+00:00",
        phone: "13800138000",
        trade: "车工",
        skillLevel: null,
        unionMember: 1,
      });
    },
    CHECK_MS,
  );

  it(
    "numbers the staged rows as the file's when a stray quote made a chunk's records miscounted",
    async () => {
      // A quote inside an unquoted cell is text to the parser, but the reader's cut counts it
      // as opening a quote: the first chunk then holds three records more than it counted.
      const lines = [HEAD];
      for (let n = 0; n < 2 * PROGRESS_ROWS + 10; n++)
        lines.push(n === 5 || n === 8 ? line(n).replace("车工", '车"工') : line(n));
      const text = `${lines.join("\n")}\n`;
      const rows = Array.from({ length: 2 * PROGRESS_ROWS + 10 }, (_, i) => i + 2);
      for (const stage of ["sqlite", "postgresql"] as const) {
        const two = await check(text, true, stage);
        expect(two.outcome).toEqual({ ok: true, value: { count: rows.length, samples: 0 } });
        expect(two.sunk).toEqual(rows);
        expect(two.staged.filter((r) => String(r.trade).includes('"'))).toHaveLength(2);
      }
      expect((await check(text, false)).sunk).toEqual(rows);
    },
    CHECK_MS,
  );

  it(
    "stops at the error list's cap at the same row on either thread",
    async () => {
      const lines = [HEAD];
      for (let n = 0; n < 3 * PROGRESS_ROWS; n++)
        lines.push(n % 100 === 99 ? `职工${n},${nthId(n)},,1,车工,,是` : line(n));
      const text = `${lines.join("\n")}\n`;
      const alone = await check(text, false);
      const two = await check(text, true);
      expect(two.outcome).toEqual(alone.outcome);
      if (alone.outcome.ok) throw new Error("expected errors");
      expect(alone.outcome.problems).toHaveLength(201);
      expect(alone.outcome.problems.at(-1)).toMatchObject({
        row: 201 * 100 + 1,
        code: "import_too_many_errors",
      });
      // The bar ends at the chunk where the list filled up, the same on either thread.
      expect(two.checked).toEqual(alone.checked);
      const [done, total] = alone.checked.at(-1)!;
      expect(total).toBe(3 * PROGRESS_ROWS);
      expect(done).toBeGreaterThanOrEqual(201 * 100);
    },
    CHECK_MS,
  );

  it("a check thread that dies fails the chunks waiting for it", async () => {
    const thread = await RosterCheckThread.start();
    if (!thread) throw new Error("no check thread");
    try {
      // A chunk before the thread knows the file's columns throws there, and ends it.
      const chunk = { cells: [["张三", nthId(1)]], header: false, seal: true, base: 1 };
      await expect(thread.check(chunk)).rejects.toThrow();
      await expect(thread.check(chunk)).rejects.toThrow();
    } finally {
      await thread.end();
    }
  });
});
