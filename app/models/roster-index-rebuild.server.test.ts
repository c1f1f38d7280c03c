// A large load into a roster table no larger than it builds Worker's indexes (and, on
// PostgreSQL, its foreign key) after the rows instead of row by row (deferringRosterIndexes).
// Its own test file: the decision looks at the whole Worker table, which starts empty here.
import { afterEach, describe, expect, it, vi } from "vitest";
import { PostgresSql } from "~/db/postgres.server";
import { SqliteSql } from "~/db/sqlite.server";
import { bulkWrite, databaseEngine, prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { createOrganisation } from "~/test/factories";
import { idNumber } from "~/test/registration-factories";
import { importRoster } from "./worker.server";

const HEAD = "姓名,身份证号,性别,手机号,工种,技能等级,是否工会会员";
const csv = (...lines: string[]) => ({
  name: "roster.csv",
  bytes: new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`),
});

/** Worker's indexes and foreign keys as the catalog defines them. */
async function definitions(): Promise<string[]> {
  const rows =
    databaseEngine() === "postgresql"
      ? await prisma.$queryRaw<{ d: string }[]>(Prisma.sql`
          SELECT pg_get_indexdef(x."indexrelid") AS "d" FROM pg_index x
          WHERE x."indrelid" = to_regclass('"Worker"')
          UNION ALL
          SELECT "conname" || ' ' || pg_get_constraintdef("oid") FROM pg_constraint
          WHERE "conrelid" = to_regclass('"Worker"')`)
      : await prisma.$queryRaw<{ d: string }[]>(Prisma.sql`
          SELECT "name" || ' ' || coalesce("sql", '') AS "d" FROM "sqlite_master"
          WHERE "tbl_name" = 'Worker' AND "type" = 'index'`);
  return rows.map((r) => r.d).sort();
}

const deferred = () =>
  vi.spyOn((databaseEngine() === "postgresql" ? PostgresSql : SqliteSql).prototype, "deferIndexes");

afterEach(() => {
  vi.restoreAllMocks();
});

// The tests share the file's database and run in order: the first finds Worker empty.
describe("a roster load that rebuilds Worker's indexes", () => {
  it("two first imports of one file at once: one stores it, the other is refused row by row", async () => {
    const org = await createOrganisation();
    const file = csv(
      HEAD,
      `甲,${idNumber("19910101", 31)},男,13800138000,,,是`,
      `乙,${idNumber("19910102", 32)},女,13800138001,,,是`,
    );
    const spy = deferred();
    // Both find the roster empty; the second's move rebuilds the unique index over the first's
    // rows, which refuses it whole (the same refusal as the index refusing an insert).
    const results = await Promise.all([
      importRoster(org.id, 1, file, undefined, { rebuildIndexesFrom: 1 }),
      importRoster(org.id, 1, file, undefined, { rebuildIndexesFrom: 1 }),
    ]);
    expect(spy).toHaveBeenCalled();
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
  });

  it("a first import at least as large as the roster: rows stored, the same indexes after", async () => {
    const before = await definitions();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const spy = deferred();
    const org = await createOrganisation();
    const result = await importRoster(
      org.id,
      1,
      csv(
        HEAD,
        `甲,${idNumber("19900101", 11)},男,13800138000,,,是`,
        `乙,${idNumber("19900102", 12)},女,13800138001,,,是`,
        `丙,${idNumber("19900103", 13)},男,13800138002,,,否`,
      ),
      undefined,
      { rebuildIndexesFrom: 2 },
    );
    expect(result).toMatchObject({ ok: true, value: { count: 3 } });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe("Worker");
    expect(await definitions()).toEqual(before);
    const names = await prisma.worker.findMany({
      where: { organisationId: org.id },
      orderBy: { id: "asc" },
      select: { name: true },
    });
    expect(names.map((w) => w.name)).toEqual(["甲", "乙", "丙"]);

    // Into a roster table larger than the load, the rows go in with the indexes in place.
    spy.mockClear();
    const next = await importRoster(
      (await createOrganisation()).id,
      1,
      csv(HEAD, `丁,${idNumber("19900104", 14)},女,13800138003,,,是`),
      undefined,
      { rebuildIndexesFrom: 1 },
    );
    expect(next).toMatchObject({ ok: true });
    expect(spy).not.toHaveBeenCalled();
    // Below the size given, too.
    const small = await importRoster(
      (await createOrganisation()).id,
      1,
      csv(
        HEAD,
        ...Array.from(
          { length: 5 },
          (_, i) =>
            `戊${i},${idNumber("19900105", 20 + i)},${i % 2 ? "男" : "女"},13800138004,,,是`,
        ),
      ),
    );
    expect(small).toMatchObject({ ok: true });
    expect(spy).not.toHaveBeenCalled();
  });

  it("a duplicate found when the unique index is built refuses the whole load as the insert would", async () => {
    const org = await createOrganisation();
    const before = await definitions();
    const workers = await prisma.worker.count();
    const now = new Date();
    const row = (name: string) => [
      org.id,
      name,
      "male",
      "cipher",
      "0123456789abcdef0123456789abcdef",
      "6101**********0011",
      now,
      true,
      false,
      now,
      now,
    ];
    const failed = await bulkWrite((sql) =>
      sql.withIndexesDeferred("Worker", () =>
        sql.load(
          "Worker",
          [
            "organisationId",
            "name",
            "gender",
            "idNumberCipher",
            "idNumberHash",
            "idNumberMasked",
            "birthDate",
            "frontLine",
            "manager",
            "createdAt",
            "updatedAt",
          ],
          [row("一"), row("二")],
        ),
      ),
    ).catch((error: unknown) => error);
    expect((failed as { code?: unknown }).code).toBe(
      databaseEngine() === "postgresql" ? "23505" : "SQLITE_CONSTRAINT_UNIQUE",
    );
    // Nothing of it stayed: no row, and every index and key as it was.
    expect(await prisma.worker.count()).toBe(workers);
    expect(await definitions()).toEqual(before);
  });
});
