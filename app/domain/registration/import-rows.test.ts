import { describe, expect, expectTypeOf, it } from "vitest";
import { withIdCheckChar } from "~/domain/identity/id-number";
import { missingMessages, renderGaps } from "~/test/rule-messages";
import type { Gender } from "~/domain/identity/id-number";
import type { SkillLevel } from "~/domain/contest/skill-levels";
import { IMPORT_CELL_PROBLEM_CODES, checkWorkerRow, workerImportColumns } from "./import-cells";
import {
  IMPORT_PROBLEM_CODES,
  columnLetter,
  isSampleRow,
  normaliseHeader,
  optionalColumn,
  requiredColumn,
  RowChecker,
  TableShape,
  validateImport,
  type ImportError,
} from "./import-rows";
import { integerCell, textCell } from "./import-cells";

const ZHANG = withIdCheckChar("61010119900307123"); // 610101199003071231, male
const LI = withIdCheckChar("11010519491231002"); // 11010519491231002X, female
const header = ["*姓名", "身份证号", "手机号", "单位", "技能等级", "是否工会会员"];
const spec = workerImportColumns("2026-05-01");

describe("example rows", () => {
  it("are the rows whose first cell starts with the marker, however it is bracketed", () => {
    expect(isSampleRow(["【示例】张三", ZHANG])).toBe(true);
    expect(isSampleRow([" [示例] 张三"])).toBe(true);
    expect(isSampleRow(["［示例］张三"])).toBe(true);
    expect(isSampleRow(["[Example] Zhang San"])).toBe(true);
    expect(isSampleRow(["张三", "【示例】"])).toBe(false);
    expect(isSampleRow(["示例张三"])).toBe(false);
    expect(isSampleRow([])).toBe(false);
  });

  it("are skipped, counted, and leave the other rows' numbers alone", () => {
    const table = [
      header,
      ["【示例】张三", ZHANG, "13800138000", "西安机床厂", "高级工", "是"],
      ["张三", ZHANG, "13800138000", "西安机床厂", "高级工", "是"],
    ];
    const result = validateImport(table, spec);
    expect(result).toMatchObject({ ok: true, samples: 1 });
    if (!result.ok) return;
    expect(result.value.map((r) => [r.row, r.values.name])).toEqual([[3, "张三"]]);
  });

  it("are not data: a file of headers and examples has no data rows", () => {
    const table = [header, ["【示例】张三", "not checked", "", "", "", ""]];
    expect(validateImport(table, spec)).toEqual({
      ok: false,
      problems: [{ row: 2, column: null, code: "import_no_data_rows", params: {} }],
    });
  });
});

describe("validateImport", () => {
  it("parses a good file, with spreadsheet row numbers and blank rows skipped", () => {
    const table = [
      ["\uFEFF" + header[0], ...header.slice(1), "", ""],
      ["张三", ZHANG, "138 0013 8000", "西安机床厂", "高级工", "是", "", ""],
      ["", "", "", "", "", ""],
      [" 李四 ", LI.toLowerCase(), "13900139000", "北京电力", "", "否"],
    ];
    const result = validateImport(table, spec);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((r) => r.row)).toEqual([2, 4]);
    expect(result.value[0]?.values).toEqual({
      name: "张三",
      idNumber: { idNumber: ZHANG, regionCode: "610101", birthDate: "1990-03-07", gender: "male" },
      gender: undefined,
      mobile: "13800138000",
      organisation: "西安机床厂",
      trade: undefined,
      skillLevel: "senior",
      unionMember: true,
    });
    expect(result.value[1]?.values).toMatchObject({
      name: "李四",
      skillLevel: undefined,
      unionMember: false,
    });
    expect(result.value[1]?.values.idNumber.idNumber).toBe(LI);
  });
  it("takes in a later part of a file read as a shape of its own, as if read here", () => {
    const table = [
      ["姓名", "身份证号", ""],
      ["张三", ZHANG],
      ["", "  "],
      ["【示例】张三", "110101199003074514", "男"],
      ["李四", LI, "", "", "多余"],
      ["王五", LI],
    ];
    const whole = new TableShape(10);
    table.forEach((cells, i) => whole.add(cells, i + 1));
    for (let cutAt = 1; cutAt <= table.length; cutAt++) {
      const first = new TableShape(10);
      table.slice(0, cutAt).forEach((cells, i) => first.add(cells, i + 1));
      const rest = TableShape.afterHeader();
      table.slice(cutAt).forEach((cells) => rest.add(cells, 0));
      expect(first.absorb(rest.part())).toBe(true);
      expect(first).toEqual(whole);
      for (let i = 0; i < 6; i++) expect(first.hasValue(i)).toBe(whole.hasValue(i));
    }
    // Past the limit, the part is not taken in: which row is the first too many is found by
    // reading it where the rows are numbered.
    const first = new TableShape(2);
    table.slice(0, 3).forEach((cells, i) => first.add(cells, i + 1));
    const rest = TableShape.afterHeader();
    table.slice(3).forEach((cells) => rest.add(cells, 0));
    const before = structuredClone(first);
    expect(first.absorb(rest.part())).toBe(false);
    expect(first).toEqual(before);
  });

  it("gives each row's values every key: the file's columns in its order, then the absent ones", () => {
    // The order of the file, not of the spec; a checker bound to another's columns (the check
    // thread's) gives the same verdicts, keys and their order included.
    const table = [
      ["是否工会会员", "单位", "手机号", "身份证号", "姓名"],
      ["是", "西安机床厂", "13800138000", ZHANG, "张三"],
      ["", "北京电力", "13900139000", LI, "李四"],
      ["否", "北京电力", "139", LI, ""],
    ];
    const shape = new TableShape();
    table.forEach((cells, i) => shape.add(cells, i + 1));
    const checker = new RowChecker(spec, { checkRow: checkWorkerRow });
    expect(checker.start(shape)).toBe(true);
    const other = new RowChecker(spec, { checkRow: checkWorkerRow });
    other.bindTo(checker.bindings);
    const order = [
      "unionMember",
      "organisation",
      "mobile",
      "idNumber",
      "name",
      "gender",
      "trade",
      "skillLevel",
    ];
    for (const c of [checker, other]) {
      const [first, second, bad] = table.slice(1).map((cells, i) => c.verdict(cells, i + 2));
      expect(Object.keys(first!.values!)).toEqual(order);
      expect(Object.keys(second!.values!)).toEqual(order);
      expect(second!.values!.unionMember).toBeUndefined();
      // A good row's verdict is its values and its unique cell, no problem keys.
      expect(Object.keys(first!)).toEqual(["row", "values", "unique"]);
      expect(first!.unique).toEqual([{ column: "idNumber", key: ZHANG, at: 0 }]);
      expect(bad).toStrictEqual({
        row: 4,
        values: null,
        problems: [
          { column: "手机号", code: "mobile_phone_invalid", params: { column: "手机号" } },
          { column: "姓名", code: "import_required_value_missing", params: { column: "姓名" } },
        ],
        unique: [{ column: "idNumber", key: LI, at: 1 }],
      });
    }
    expect(other.verdict(table[1]!, 2)).toStrictEqual(checker.verdict(table[1]!, 2));
  });

  it("types required columns as present and optional ones as possibly undefined", () => {
    const result = validateImport([], spec);
    if (result.ok) {
      const values = result.value[0]!.values;
      expectTypeOf(values.name).toEqualTypeOf<string>();
      expectTypeOf(values.gender).toEqualTypeOf<Gender | undefined>();
      expectTypeOf(values.skillLevel).toEqualTypeOf<SkillLevel | undefined>();
    }
  });
  it("accepts header aliases", () => {
    const table = [
      ["姓名", "公民身份号码", "联系电话", "工作单位"],
      ["张三", ZHANG, "13800138000", "西安机床厂"],
    ];
    expect(validateImport(table, spec).ok).toBe(true);
  });
  it("reports an empty file, a missing header row and a header-only file", () => {
    expect(validateImport([], spec)).toEqual({
      ok: false,
      problems: [{ row: 1, column: null, code: "import_empty_file", params: {} }],
    });
    expect(validateImport([[" ", ""], [""]], spec)).toMatchObject({
      problems: [{ code: "import_empty_file" }],
    });
    expect(
      validateImport(
        [
          ["", ""],
          ["张三", ZHANG],
        ],
        spec,
      ),
    ).toMatchObject({ problems: [{ row: 1, code: "import_header_missing" }] });
    expect(validateImport([header, ["", ""]], spec)).toEqual({
      ok: false,
      problems: [{ row: 2, column: null, code: "import_no_data_rows", params: {} }],
    });
  });
  it("reports missing, unknown, duplicated and blank headers before looking at rows", () => {
    const table = [
      ["姓名", "身份证号", "身份证号码", "部门", "", "单位"],
      ["张三", ZHANG, ZHANG, "车间", "多余", "西安机床厂"],
    ];
    expect(validateImport(table, spec)).toEqual({
      ok: false,
      problems: [
        {
          row: 1,
          column: "身份证号码",
          code: "import_duplicate_column",
          params: { column: "身份证号码" },
        },
        { row: 1, column: "部门", code: "import_unknown_column", params: { column: "部门" } },
        { row: 1, column: "E", code: "import_blank_header", params: { column: "E" } },
        { row: 1, column: "手机号", code: "import_missing_column", params: { column: "手机号" } },
      ],
    });
  });
  it("reports cells with their row, column and the parser's own code", () => {
    const table = [
      header,
      ["张三", ZHANG, "13800138000", "西安机床厂", "高级工", "是"],
      ["", "110105194912310021", "1380013800", "北京电力", "特级", "也许"],
    ];
    expect(validateImport(table, spec)).toEqual({
      ok: false,
      problems: [
        {
          row: 3,
          column: "*姓名",
          code: "import_required_value_missing",
          params: { column: "*姓名" },
        },
        {
          row: 3,
          column: "身份证号",
          code: "id_number_check_digit",
          params: { column: "身份证号" },
        },
        { row: 3, column: "手机号", code: "mobile_phone_invalid", params: { column: "手机号" } },
        {
          row: 3,
          column: "技能等级",
          code: "import_skill_level_unknown",
          params: { column: "技能等级", value: "特级" },
        },
        {
          row: 3,
          column: "是否工会会员",
          code: "import_yes_no_unknown",
          params: { column: "是否工会会员", value: "也许" },
        },
      ],
    });
  });
  it("finds the same ID number twice even when written differently", () => {
    const table = [
      header,
      ["李四", LI, "13900139000", "北京电力"],
      ["张三", ZHANG, "13800138000", "西安机床厂"],
      ["李四", " " + LI.toLowerCase(), "13900139001", "北京电力"],
    ];
    expect(validateImport(table, spec)).toEqual({
      ok: false,
      problems: [
        {
          row: 4,
          column: "身份证号",
          code: "import_duplicate_value",
          params: { column: "身份证号", firstRow: 2 },
        },
      ],
    });
  });
  it("refuses future birth dates through the ID parser", () => {
    const table = [header, ["小明", withIdCheckChar("11010120260502001"), "13800138000", "厂"]];
    expect(validateImport(table, spec)).toMatchObject({
      problems: [{ row: 2, code: "id_number_future_date" }],
    });
  });
  it("runs cross-column checks on rows that parsed", () => {
    const table = [
      ["姓名", "身份证号", "性别", "手机号", "单位"],
      ["张三", ZHANG, "女", "13800138000", "西安机床厂"],
      ["李四", LI, "女", "13900139000", "北京电力"],
    ];
    expect(validateImport(table, spec, { checkRow: checkWorkerRow })).toEqual({
      ok: false,
      problems: [{ row: 2, column: "性别", code: "import_gender_mismatch_id", params: {} }],
    });
  });
  it("limits rows and errors", () => {
    const rows = Array.from({ length: 5 }, () => ["", "bad", "bad", ""]);
    expect(validateImport([header, ...rows], spec, { maxRows: 4 })).toEqual({
      ok: false,
      problems: [
        { row: 6, column: null, code: "import_too_many_rows", params: { max: 4, count: 5 } },
      ],
    });
    const limited = validateImport([header, ...rows], spec, { maxErrors: 3 });
    expect(limited.ok).toBe(false);
    const errors = limited.ok ? [] : limited.problems;
    expect(errors).toHaveLength(4);
    expect(errors[3]).toEqual({
      row: 2,
      column: null,
      code: "import_too_many_errors",
      params: { max: 3 },
    });
  });
  it("works with any spec", () => {
    const s = {
      code: requiredColumn("代码", textCell(4), { unique: true }),
      count: optionalColumn("数量", integerCell(0, 10)),
    };
    expect(
      validateImport(
        [
          ["代码", "数量"],
          ["A1", "3"],
          ["B2", ""],
        ],
        s,
      ),
    ).toEqual({
      ok: true,
      value: [
        { row: 2, values: { code: "A1", count: 3 } },
        { row: 3, values: { code: "B2", count: undefined } },
      ],
      samples: 0,
    });
    expect(
      validateImport(
        [
          ["代码", "数量"],
          ["TOOLONG", "11"],
          ["A1", "x"],
        ],
        s,
      ),
    ).toEqual({
      ok: false,
      problems: [
        {
          row: 2,
          column: "代码",
          code: "import_text_too_long",
          params: { column: "代码", max: 4, length: 7 },
        },
        {
          row: 2,
          column: "数量",
          code: "import_integer_out_of_range",
          params: { column: "数量", min: 0, max: 10, value: 11 },
        },
        {
          row: 3,
          column: "数量",
          code: "import_integer_invalid",
          params: { column: "数量", value: "x" },
        },
      ],
    });
  });
  it("has messages for its codes", () => {
    expect(missingMessages(IMPORT_PROBLEM_CODES)).toEqual([]);
    expect(missingMessages(IMPORT_CELL_PROBLEM_CODES)).toEqual([]);
    const errors: ImportError[] = [];
    const collect = (r: ReturnType<typeof validateImport>) => {
      if (!r.ok) errors.push(...r.problems);
    };
    collect(validateImport([], spec));
    collect(validateImport([[""], ["x"]], spec));
    collect(validateImport([header], spec));
    collect(
      validateImport(
        [
          ["姓名", "姓名", "x", ""],
          ["a", "b", "c", "d"],
        ],
        spec,
      ),
    );
    collect(
      validateImport(
        [
          header,
          ["", "bad", "1", "", "??", "??"],
          ["a", ZHANG, "13800138000", "b"],
          ["a", ZHANG, "13800138000", "b"],
        ],
        spec,
        { maxErrors: 20 },
      ),
    );
    collect(validateImport([header, ["a"], ["b"]], spec, { maxRows: 1 }));
    collect(validateImport([header, ["", "bad"], ["", "bad"]], spec, { maxErrors: 1 }));
    const seen = new Set(errors.map((e) => e.code));
    for (const code of IMPORT_PROBLEM_CODES) expect(seen.has(code), code).toBe(true);
    expect(renderGaps(errors)).toEqual([]);
  });
});

describe("header helpers", () => {
  it("normalise decorations around headers", () => {
    expect(normaliseHeader("\uFEFF* 姓 名 ")).toBe("姓名");
    expect(normaliseHeader("职业（工种）＊")).toBe("职业(工种)");
  });
  it("name columns like a spreadsheet", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});
