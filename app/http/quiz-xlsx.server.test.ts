import { describe, expect, it } from "vitest";
import { checkQuestionRow, questionImportColumns } from "~/domain/quiz";
import { validateImport } from "~/domain/registration/import-rows";
import { questionTemplate, readXlsxTable } from "./quiz-xlsx.server";

describe("question-bank template", () => {
  it("imports as it is: every example sits under its header, explanations included", async () => {
    const buffer = await questionTemplate();
    const table = await readXlsxTable(
      buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
      10,
    );
    expect(table?.[0]).toContain("解析");
    const result = validateImport(table ?? [], questionImportColumns, {
      checkRow: checkQuestionRow,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((r) => [r.values.type, r.values.answer])).toEqual([
      ["single", ["A"]],
      ["multiple", ["A", "B", "C"]],
      ["true_false", ["true"]],
    ]);
    expect(result.value[0]?.values.explanation).toMatch(/安全生产法/);
  });
});
