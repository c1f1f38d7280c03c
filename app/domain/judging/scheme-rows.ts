// Marking-scheme rows as organisers type them in the editor or in a spreadsheet: marks as
// printed ("25" or "12.5"), type and rule by their Chinese or English name, level
// descriptors as "0: 未完成; 1: 基本完成; …". Problems are i18n keys with the row's code.
import {
  isAggregationRule,
  parseCentimarks,
  type AggregationRule,
  type CriterionType,
} from "~/domain/scoring";
import type { ProblemCode } from "~/utils/outcome";

export interface SchemeRowInput {
  readonly code?: string;
  readonly name?: string;
  readonly subCriterion?: string;
  readonly type?: string;
  readonly maxMark?: string;
  readonly aggregation?: string;
  readonly descriptors?: string;
}

export interface SchemeRow {
  readonly code: string;
  readonly name: string;
  readonly subCriterion: string;
  readonly type: CriterionType;
  readonly maxMark: number;
  readonly aggregation: AggregationRule | null;
  readonly descriptors: { level: number; text: string }[];
}

const TYPE_NAMES: Record<string, CriterionType> = {
  measurement: "measurement",
  测量: "measurement",
  客观: "measurement",
  judgement: "judgement",
  评价: "judgement",
  主观: "judgement",
};

const RULE_NAMES: Record<string, AggregationRule> = {
  平均分: "mean",
  去掉一个最高分和一个最低分: "trimmed_mean",
  去掉最高最低: "trimmed_mean",
  中位数: "median",
  世界技能大赛评价法: "worldskills",
  测量值: "single",
};

export type RowProblem = { code: ProblemCode; params: Record<string, string | number> };

export function isBlankRow(row: SchemeRowInput): boolean {
  return Object.values(row).every((v) => (v ?? "").trim() === "");
}

export function formatDescriptors(descriptors: readonly { level: number; text: string }[]): string {
  return descriptors.map((d) => `${d.level}: ${d.text}`).join("; ");
}

export function parseSchemeRow(
  input: SchemeRowInput,
  line: number,
): { row: SchemeRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const code = (input.code ?? "").trim();
  const name = (input.name ?? "").trim();
  const where = { line, code: code || "?" };
  if (!code) problems.push({ code: "judging.scheme.code_required", params: where });
  if (!name) problems.push({ code: "judging.scheme.name_required", params: where });
  const type =
    TYPE_NAMES[(input.type ?? "").trim().toLowerCase()] ?? TYPE_NAMES[(input.type ?? "").trim()];
  if (!type) problems.push({ code: "judging.scheme.type_invalid", params: where });
  const maxMark = parseCentimarks(input.maxMark ?? "");
  if (maxMark === null || maxMark <= 0)
    problems.push({ code: "judging.scheme.max_invalid", params: where });
  const ruleText = (input.aggregation ?? "").trim();
  let aggregation: AggregationRule | null = null;
  if (ruleText) {
    const rule = isAggregationRule(ruleText) ? ruleText : RULE_NAMES[ruleText];
    if (!rule) problems.push({ code: "judging.scheme.rule_invalid", params: where });
    else aggregation = rule;
  }
  const descriptors: { level: number; text: string }[] = [];
  for (const piece of (input.descriptors ?? "").split(/[;；\n]/)) {
    const text = piece.trim();
    if (!text) continue;
    const m = /^(\d+)\s*[:：]\s*(.+)$/.exec(text);
    if (!m) {
      problems.push({ code: "judging.scheme.descriptor_invalid", params: where });
      break;
    }
    descriptors.push({ level: Number(m[1]), text: m[2]!.trim() });
  }
  if (problems.length > 0) return { problems };
  return {
    row: {
      code,
      name,
      subCriterion: (input.subCriterion ?? "").trim(),
      type: type!,
      maxMark: maxMark!,
      aggregation,
      descriptors,
    },
  };
}
