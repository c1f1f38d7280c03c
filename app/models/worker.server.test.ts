import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { databaseEngine, prisma, withLoadTransaction } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { createOrganisation } from "~/test/factories";
import { idNumber } from "~/test/registration-factories";
import { MAX_ROSTER_CSV_BYTES, MAX_UPLOAD_BYTES } from "~/utils/spreadsheet.server";
import {
  createWorker,
  getWorkerForManager,
  importRoster,
  listWorkers,
  onRoster,
} from "./worker.server";

const HEAD = "姓名,身份证号,性别,手机号,工种,技能等级,是否工会会员";
const csv = (...lines: string[]) => ({
  name: "roster.csv",
  bytes: new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`),
});
const counts = async () => ({
  workers: await prisma.worker.count(),
  audit: await prisma.auditLog.count(),
});

describe("importRoster", () => {
  it("stores a good CSV whole, with encrypted and masked ID numbers", async () => {
    const org = await createOrganisation();
    const a = idNumber("19880512", 11);
    const result = await importRoster(
      org.id,
      1,
      csv(
        HEAD,
        `张三,${a},男,13800138000,数控铣工,高级工,是`,
        `李四,${idNumber("19920301", 22)},女,13900139000,,,否`,
      ),
    );
    expect(result).toMatchObject({ ok: true, value: { count: 2 } });
    const trail = await prisma.auditLog.findMany({
      where: { entityType: "Organisation", entityId: org.id },
    });
    expect(trail.map((e) => [e.action, e.actorId, JSON.parse(e.after ?? "null")])).toEqual([
      ["worker.import", 1, { rows: 2, file: "roster.csv" }],
    ]);
    const workers = await listWorkers(org.id);
    expect(workers.map((w) => [w.name, w.gender, w.skillLevel, w.unionMember])).toEqual([
      ["张三", "male", "senior", true],
      ["李四", "female", null, false],
    ]);
    const zhang = workers.find((w) => w.name === "张三");
    expect(zhang?.idNumberMasked).toBe(`${a.slice(0, 4)}**********${a.slice(-4)}`);
    const stored = await prisma.worker.findFirstOrThrow({ where: { name: "张三" } });
    expect(stored.idNumberCipher).not.toContain(a);
    expect((await getWorkerForManager(org.id, stored.id))?.idNumber).toBe(a);
  });

  it("reads XLSX files the template way", async () => {
    const org = await createOrganisation();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("职工名册");
    sheet.addRow(["*姓名", "*身份证号", "*手机号"]);
    sheet.addRow(["王五", idNumber("19850101", 33), "13700137000"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importRoster(org.id, 1, { name: "名册.xlsx", bytes })).toMatchObject({
      ok: true,
      value: { count: 1 },
    });
  });

  const bad: [
    string,
    () => { name: string; bytes: Uint8Array },
    (r: Awaited<ReturnType<typeof importRoster>>) => void,
  ][] = [
    [
      "wrong columns",
      () => csv("名字,证件,电话", "张三,1,2"),
      (r) =>
        expect(r).toMatchObject({
          ok: false,
          problems: [
            { row: 1, code: "import_unknown_column" },
            { row: 1, code: "import_unknown_column" },
            { row: 1, code: "import_unknown_column" },
            { code: "import_missing_column" },
            { code: "import_missing_column" },
            { code: "import_missing_column" },
          ],
        }),
    ],
    [
      "bad ID numbers",
      () =>
        csv(HEAD, `张三,610113199001010112,男,13800138000,,,是`, `李四,12345,男,13800138000,,,是`),
      (r) =>
        expect(r).toMatchObject({
          ok: false,
          problems: [
            { row: 2, column: "身份证号", code: "id_number_check_digit" },
            { row: 3, column: "身份证号", code: "id_number_length" },
          ],
        }),
    ],
    [
      "duplicates in the file",
      () => {
        const d = idNumber("19900101", 55);
        return csv(HEAD, `张三,${d},男,13800138000,,,是`, `张三,${d},男,13800138000,,,是`);
      },
      (r) =>
        expect(r).toMatchObject({
          ok: false,
          problems: [
            { row: 3, column: "身份证号", code: "import_duplicate_value", params: { firstRow: 2 } },
          ],
        }),
    ],
    [
      "an empty file",
      () => ({ name: "empty.csv", bytes: new Uint8Array() }),
      (r) => expect(r).toMatchObject({ ok: false, problems: [{ code: "import_empty_file" }] }),
    ],
    [
      "only a header",
      () => csv(HEAD),
      (r) => expect(r).toMatchObject({ ok: false, problems: [{ code: "import_no_data_rows" }] }),
    ],
    [
      "not a spreadsheet",
      () => ({ name: "photo.csv", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) }),
      (r) =>
        expect(r).toEqual({
          ok: false,
          problems: [{ row: null, column: null, code: "import_not_spreadsheet", params: {} }],
        }),
    ],
    [
      "a broken xlsx",
      () => ({ name: "x.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }),
      (r) =>
        expect(r).toMatchObject({
          ok: false,
          problems: [{ row: null, code: "import_not_spreadsheet" }],
        }),
    ],
    [
      "a PDF",
      () => ({ name: "rules.pdf", bytes: new TextEncoder().encode("%PDF-1.7 ...") }),
      (r) =>
        expect(r).toMatchObject({
          ok: false,
          problems: [{ row: null, code: "import_not_spreadsheet" }],
        }),
    ],
    [
      "a huge file",
      () => ({ name: "huge.csv", bytes: new Uint8Array(MAX_ROSTER_CSV_BYTES + 1).fill(0x41) }),
      (r) =>
        expect(r).toEqual({
          ok: false,
          problems: [{ row: null, column: null, code: "import_file_too_large", params: {} }],
        }),
    ],
    [
      // A roster CSV may be large; an XLSX file keeps the ordinary limit.
      "an XLSX file past the ordinary limit",
      () => {
        const bytes = new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x41);
        bytes.set([0x50, 0x4b, 0x03, 0x04]);
        return { name: "big.xlsx", bytes };
      },
      (r) =>
        expect(r).toEqual({
          ok: false,
          problems: [{ row: null, column: null, code: "import_file_too_large", params: {} }],
        }),
    ],
  ];
  for (const [label, file, check] of bad) {
    it(`refuses ${label} and stores nothing`, async () => {
      const org = await createOrganisation();
      const before = await counts();
      const result = await importRoster(org.id, 1, file());
      check(result);
      expect(await counts()).toEqual(before);
    });
  }

  it("refuses a file with people already on this roster, and says nothing of other rosters", async () => {
    const mine = await createOrganisation();
    const other = await createOrganisation();
    const taken = idNumber("19800101", 71);
    const elsewhere = idNumber("19800101", 73);
    await createWorker(mine.id, {
      name: "老员工",
      idNumber: taken,
      phone: null,
      trade: null,
      skillLevel: null,
      unionMember: true,
    });
    await createWorker(other.id, {
      name: "外单位",
      idNumber: elsewhere,
      phone: null,
      trade: null,
      skillLevel: null,
      unionMember: true,
    });
    const before = await counts();
    const result = await importRoster(
      mine.id,
      1,
      csv(
        HEAD,
        `新人,${idNumber("19950101", 75)},男,13800138000,,,是`,
        `老员工,${taken},男,13800138000,,,是`,
        `外单位,${elsewhere},男,13800138000,,,是`,
      ),
    );
    // Row 4's number is on another organisation's roster: that is not this manager's business.
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 3, column: "身份证号", code: "import_id_in_roster", params: {} }],
    });
    expect(await counts()).toEqual(before);
    // A refused file takes no place in this hour's cap (the one added worker holds one).
    const counter = await prisma.rateCounter.findFirstOrThrow({
      where: { key: { startsWith: `roster-new-ids:${mine.id}:` } },
    });
    expect(counter.count).toBe(1);
  });

  it("two imports of one file at once: one stores it, the other is refused row by row", async () => {
    const org = await createOrganisation();
    const file = csv(
      HEAD,
      `甲,${idNumber("19900101", 81)},男,13800138000,,,是`,
      `乙,${idNumber("19900102", 82)},女,13800138001,,,是`,
    );
    // Both find the roster empty; the (organisationId, idNumberHash) index stops the second.
    const results = await Promise.all([
      importRoster(org.id, 1, file),
      importRoster(org.id, 1, file),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      problems: [2, 3].map((row) => ({
        row,
        column: "身份证号",
        code: "import_id_in_roster",
        params: {},
      })),
    });
    expect(await prisma.worker.count({ where: { organisationId: org.id } })).toBe(2);
    // The refused import gave its places in this hour's cap back.
    const counter = await prisma.rateCounter.findFirstOrThrow({
      where: { key: { startsWith: `roster-new-ids:${org.id}:` } },
    });
    expect(counter.count).toBe(2);
  });
});

describe("the roster's hash and name columns (PostgreSQL)", () => {
  it.skipIf(databaseEngine() !== "postgresql")(
    "compare byte by byte, and an import's look-up of a chunk's numbers finds Worker's unique index",
    async () => {
      // Under the database's libc collation the index builds after a large import compared
      // every pair through strcoll (migrations 20261202031500 and 20261202032000); names are
      // in code point order, as on SQLite, whatever the database's collation.
      const columns = await prisma.$queryRaw<{ column: string; collation: string | null }[]>(
        Prisma.sql`
        SELECT "column_name" AS "column", "collation_name" AS "collation"
        FROM information_schema.columns
        WHERE "table_name" = 'Worker' AND "column_name" IN ('idNumberHash', 'name')
        ORDER BY "column_name"`,
      );
      expect(columns).toEqual([
        { column: "idNumberHash", collation: "C" },
        { column: "name", collation: "C" },
      ]);
      // The plan a large roster gets (a look-up per number of a chunk), whatever this small
      // one's statistics suggest: without the table to walk or the (organisationId, name)
      // index, which this empty roster's few rows make as cheap. The look-up is possible only
      // in the index's collation. The transaction is taken back, and the index with it.
      class Plan extends Error {}
      const plan = await withLoadTransaction(async (sql) => {
        await sql.run(Prisma.sql`SELECT set_config('enable_seqscan', 'off', true)`);
        await sql.run(Prisma.sql`DROP INDEX "Worker_organisationId_name_idx"`);
        const lines = await sql.rows<{ "QUERY PLAN": string }>(
          Prisma.sql`EXPLAIN ${onRoster(1, ["0".repeat(32), "f".repeat(32)])}`,
        );
        throw new Plan(lines.map((line) => line["QUERY PLAN"]).join("\n"));
      }).catch((error: unknown) => {
        if (error instanceof Plan) return error.message;
        throw error;
      });
      expect(plan).toMatch(/Index (Only )?Scan using "Worker_idNumberHash_organisationId_key"/);
      expect(plan).toMatch(/Index Cond: \(\("idNumberHash" = ANY/);
    },
  );
});
