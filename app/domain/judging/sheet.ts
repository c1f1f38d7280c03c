// Reading a score sheet's typed marks. Judges type marks as they are printed ("7.25");
// WorldSkills judgement aspects take whole points 0–3. Errors are i18n keys per field.
import { parseCentimarks, WORLDSKILLS_MAX_POINT, type AggregationRule } from "~/domain/scoring";

export interface SheetCriterion {
  readonly id: number;
  readonly maxMark: number;
  readonly rule: AggregationRule;
}

export type SheetParse =
  | { readonly ok: true; readonly values: Map<number, number | null> }
  | { readonly ok: false; readonly errors: Record<number, string> };

/** One typed mark: null when blank, a number in the criterion's unit, or an error key. */
export function parseMark(
  criterion: SheetCriterion,
  raw: string | undefined,
): number | null | { error: string } {
  const text = (raw ?? "").trim();
  if (text === "") return null;
  if (criterion.rule === "worldskills") {
    if (!/^[0-3]$/.test(text)) return { error: "judging.sheet.point_invalid" };
    return Number(text);
  }
  const value = parseCentimarks(text);
  if (value === null || value < 0) return { error: "judging.sheet.mark_invalid" };
  if (value > criterion.maxMark) return { error: "judging.sheet.mark_above_max" };
  return value;
}

/** Every criterion's mark, or every field's error. Submitting requires all marks. */
export function parseSheet(
  criteria: readonly SheetCriterion[],
  raw: Readonly<Record<number, string | undefined>>,
  submit: boolean,
): SheetParse {
  const values = new Map<number, number | null>();
  const errors: Record<number, string> = {};
  for (const c of criteria) {
    const parsed = parseMark(c, raw[c.id]);
    if (parsed !== null && typeof parsed === "object") errors[c.id] = parsed.error;
    else if (parsed === null && submit) errors[c.id] = "judging.sheet.required";
    else values.set(c.id, parsed);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}

export function maxPointFor(criterion: Pick<SheetCriterion, "rule" | "maxMark">): number {
  return criterion.rule === "worldskills" ? WORLDSKILLS_MAX_POINT : criterion.maxMark;
}
