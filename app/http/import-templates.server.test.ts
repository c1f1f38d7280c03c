import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { validateImport } from "~/domain/registration/import-rows";
import { registrationImportColumns } from "~/domain/registration/import-plan";
import { importRoster, listWorkers } from "~/models/worker.server";
import { createOrganisation } from "~/test/factories";
import { idNumber } from "~/test/registration-factories";
import { readSpreadsheet } from "~/utils/spreadsheet.server";
import { importTemplate } from "./import-templates.server";

describe("import templates", () => {
  it("carry one example row, marked as such, under the headers", async () => {
    const { bytes } = await importTemplate("roster", "csv");
    const lines = new TextDecoder().decode(bytes).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^【示例】张三,610113199003070015,男,/);
  });

  it("as downloaded, import nothing and say the file has no data", async () => {
    const org = await createOrganisation();
    for (const format of ["csv", "xlsx"] as const) {
      const { bytes } = await importTemplate("roster", format);
      expect(await importRoster(org.id, 1, { name: `roster.${format}`, bytes })).toMatchObject({
        ok: false,
        problems: [{ code: "import_no_data_rows" }],
      });
    }
    const entries = await readSpreadsheet({
      name: "entries.xlsx",
      bytes: (await importTemplate("entries", "xlsx")).bytes,
    });
    expect(entries.ok).toBe(true);
    if (!entries.ok) return;
    expect(
      validateImport(entries.value.table, registrationImportColumns("2026-05-01")),
    ).toMatchObject({
      ok: false,
      problems: [{ code: "import_no_data_rows" }],
    });
  });

  it("filled in below the example (CSV and Excel), import the rows and skip the example", async () => {
    const csvOrg = await createOrganisation();
    const csv = new TextDecoder().decode((await importTemplate("roster", "csv")).bytes);
    const filled = `${csv}李四,${idNumber("19920301", 22)},女,13900139000,,,否\r\n`;
    expect(
      await importRoster(csvOrg.id, 1, {
        name: "roster.csv",
        bytes: new TextEncoder().encode(filled),
      }),
    ).toMatchObject({ ok: true, value: { count: 1, samples: 1 } });

    const xlsxOrg = await createOrganisation();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await importTemplate("roster", "xlsx")).bytes.buffer as unknown as ExcelJS.Buffer,
    );
    workbook.worksheets[0]!.addRow(["王五", idNumber("19850101", 33), "男", "13700137000"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importRoster(xlsxOrg.id, 1, { name: "roster.xlsx", bytes })).toMatchObject({
      ok: true,
      value: { count: 1, samples: 1 },
    });

    expect((await listWorkers(csvOrg.id)).map((w) => w.name)).toEqual(["李四"]);
    expect((await listWorkers(xlsxOrg.id)).map((w) => w.name)).toEqual(["王五"]);
  });
});
