import { describe, expect, it } from "vitest";
import { renderGaps } from "~/test/rule-messages";
import type { Problem } from "~/domain/identity/result";
import {
  dateCell,
  genderCell,
  integerCell,
  skillLevelCell,
  textCell,
  yesNoCell,
} from "./import-cells";

describe("cell parsers", () => {
  it("read dates in the usual Chinese spreadsheet forms", () => {
    for (const raw of [
      "2026-05-01",
      "2026/5/1",
      "2026.05.01",
      "2026年5月1日",
      "20260501",
      "46143",
      " 2026 年 5 月 1 日 ",
    ]) {
      expect(dateCell(raw), raw).toEqual({ ok: true, value: "2026-05-01" });
    }
    expect(dateCell("2024/2/29")).toEqual({ ok: true, value: "2024-02-29" });
  });
  it("refuse impossible or ambiguous dates", () => {
    for (const raw of ["2026-02-30", "2025/2/29", "05/01/2026", "明天", "2026-13-01"]) {
      expect(dateCell(raw), raw).toEqual({
        ok: false,
        problems: [{ code: "import_date_invalid", params: { value: raw } }],
      });
    }
  });
  it("read genders, yes/no answers and skill levels", () => {
    expect(genderCell("男")).toEqual({ ok: true, value: "male" });
    expect(genderCell("F")).toEqual({ ok: true, value: "female" });
    expect(genderCell("未知")).toMatchObject({
      ok: false,
      problems: [{ code: "import_gender_unknown" }],
    });
    expect(yesNoCell("是")).toEqual({ ok: true, value: true });
    expect(yesNoCell("√")).toEqual({ ok: true, value: true });
    expect(yesNoCell("否")).toEqual({ ok: true, value: false });
    expect(yesNoCell("N")).toEqual({ ok: true, value: false });
    expect(skillLevelCell("二级/技师")).toEqual({ ok: true, value: "technician" });
  });
  it("read integers with thousands separators and full-width digits", () => {
    expect(integerCell(0, 100_000)("12,345")).toEqual({ ok: true, value: 12345 });
    expect(integerCell(0, 100)("８０")).toEqual({ ok: true, value: 80 });
    expect(integerCell(0, 100)("8.5")).toMatchObject({
      ok: false,
      problems: [{ code: "import_integer_invalid" }],
    });
  });
  it("count characters, not UTF-16 units, for text length", () => {
    expect(textCell(2)("𠮷野")).toEqual({ ok: true, value: "𠮷野" });
    expect(textCell(1)("𠮷野")).toEqual({
      ok: false,
      problems: [{ code: "import_text_too_long", params: { max: 1, length: 2 } }],
    });
  });
  it("store text composed (NFC), however it was typed", () => {
    // "José" typed with a combining accent, and a compatibility ideograph beside CJK text.
    expect(textCell(10)("Jose\u0301")).toEqual({ ok: true, value: "Jos\u00e9" });
    expect(textCell(10)("张\uf900")).toEqual({ ok: true, value: "张\u8c48" });
    expect(textCell(10)("张三·李")).toEqual({ ok: true, value: "张三·李" });
    expect(textCell(4)("Jose\u0301")).toEqual({ ok: true, value: "Jos\u00e9" });
  });
  it("produce renderable problems", () => {
    const problems: Problem[] = [];
    for (const r of [
      dateCell("x"),
      genderCell("x"),
      yesNoCell("x"),
      integerCell(0, 1)("x"),
      integerCell(0, 1)("5"),
      textCell(1)("ab"),
      skillLevelCell("x"),
    ]) {
      if (!r.ok) problems.push(...r.problems);
    }
    expect(problems).toHaveLength(7);
    expect(renderGaps(problems)).toEqual([]);
  });
});
