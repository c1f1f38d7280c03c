// Reading a score sheet's typed marks. Judges type marks as they are printed ("7.25");
// WorldSkills judgement aspects take whole points 0–3. Problems are i18n keys per field.
import { parseCentimarks, WORLDSKILLS_MAX_POINT, type AggregationRule } from "~/domain/scoring";
import { fail, failIfAny, ok, type Outcome, type ProblemCode } from "~/utils/outcome";
import type { JudgingProblem } from "./workflow";

export interface SheetCriterion {
  readonly id: number;
  readonly maxMark: number;
  readonly rule: AggregationRule;
}

/** A sheet's problem: the criterion it belongs to (its id, as the field) and the message key. */
export type SheetProblem = JudgingProblem & { field: string };

export type SheetParse = Outcome<Map<number, number | null>, SheetProblem>;

/** One typed mark: null when blank, a number in the criterion's unit, or the message key. */
export function parseMark(
  criterion: SheetCriterion,
  raw: string | undefined,
): Outcome<number | null, ProblemCode> {
  const text = (raw ?? "").trim();
  if (text === "") return ok(null);
  if (criterion.rule === "worldskills") {
    if (!/^[0-3]$/.test(text)) return fail("judging.sheet.point_invalid");
    return ok(Number(text));
  }
  const value = parseCentimarks(text);
  if (value === null || value < 0) return fail("judging.sheet.mark_invalid");
  if (value > criterion.maxMark) return fail("judging.sheet.mark_above_max");
  return ok(value);
}

/** Every criterion's mark, or every field's problem. Submitting requires all marks. */
export function parseSheet(
  criteria: readonly SheetCriterion[],
  raw: Readonly<Record<number, string | undefined>>,
  submit: boolean,
): SheetParse {
  const values = new Map<number, number | null>();
  const problems: SheetProblem[] = [];
  const refuse = (c: SheetCriterion, code: ProblemCode) =>
    problems.push({ code, params: {}, field: String(c.id) });
  for (const c of criteria) {
    const parsed = parseMark(c, raw[c.id]);
    if (!parsed.ok) refuse(c, parsed.problems[0]!);
    else if (parsed.value === null && submit) refuse(c, "judging.sheet.required");
    else values.set(c.id, parsed.value);
  }
  return failIfAny(problems) ?? ok(values);
}

export function maxPointFor(criterion: Pick<SheetCriterion, "rule" | "maxMark">): number {
  return criterion.rule === "worldskills" ? WORLDSKILLS_MAX_POINT : criterion.maxMark;
}
