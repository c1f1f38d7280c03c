import type { Problem } from "~/domain/identity/result";

/** What a reviewer confirms for each nominee before accepting them (评审要点). */
export const REVIEW_CHECKLIST_ITEMS = [
  "eligibility", // 符合推荐条件
  "materials_complete", // 推荐材料齐全
  "unit_publicised", // 已在本单位内部公示
  "no_misconduct", // 无违纪违法、安全事故等否决情形
] as const;
export type ReviewChecklistItem = (typeof REVIEW_CHECKLIST_ITEMS)[number];
export type ReviewChecklist = Readonly<Record<ReviewChecklistItem, boolean>>;

export type ChecklistProblem = Problem<"review_checklist_incomplete", { count: number }>;

export const CHECKLIST_PROBLEM_CODES = Object.keys({
  review_checklist_incomplete: true,
} satisfies Record<ChecklistProblem["code"], true>) as ChecklistProblem["code"][];

export function emptyChecklist(): ReviewChecklist {
  return Object.fromEntries(REVIEW_CHECKLIST_ITEMS.map((item) => [item, false])) as ReviewChecklist;
}

/** Ticked items from a list of names; unknown names are ignored. */
export function checklistFrom(ticked: readonly string[]): ReviewChecklist {
  const set = new Set(ticked);
  return Object.fromEntries(
    REVIEW_CHECKLIST_ITEMS.map((item) => [item, set.has(item)]),
  ) as ReviewChecklist;
}

export function parseChecklist(json: string): ReviewChecklist {
  const value: unknown = JSON.parse(json || "{}");
  const record =
    typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  return checklistFrom(REVIEW_CHECKLIST_ITEMS.filter((item) => record[item] === true));
}

/** Accepting needs every item confirmed; rejecting needs none (the reason says why). */
export function checkChecklistForAcceptance(checklist: ReviewChecklist): ChecklistProblem | null {
  const missing = REVIEW_CHECKLIST_ITEMS.filter((item) => !checklist[item]).length;
  return missing === 0 ? null : { code: "review_checklist_incomplete", params: { count: missing } };
}
