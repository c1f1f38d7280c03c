// Forms of the judging feature. Messages are i18n keys (app/i18n/messages/judging.ts).
import { z } from "zod";
import { parseMark, type SheetCriterion } from "~/domain/judging/sheet";
import { chinaInstant, optionalDateTime } from "~/forms/fields";

/** Schemas built, by what they check (see scoreSheetSchema); the oldest goes past the limit. */
const sheetSchemas = new Map<string, ReturnType<typeof buildScoreSheetSchema>>();
const MAX_SHEET_SCHEMAS = 1_000;

/**
 * The score sheet: one text field per criterion (`m<criterionId>`), the sheet versions
 * the form was built from (`v<partId>`), and the intent (save a draft or submit).
 * Built from the marking scheme, so browser and server check the same maxima.
 *
 * Kept per scheme: every sheet page render and every save asks for it, building a zod object
 * cost a noticeable share of a save, and it depends on nothing but each criterion's id, rule
 * and maximum and the part ids, which make its key (an edited scheme makes another key).
 */
export function scoreSheetSchema(criteria: readonly SheetCriterion[], partIds: readonly number[]) {
  const key = `${criteria.map((c) => `${c.id}:${c.rule}:${c.maxMark}`).join(",")}|${partIds.join(",")}`;
  let schema = sheetSchemas.get(key);
  if (!schema) {
    schema = buildScoreSheetSchema(
      // Only what the key holds: the schema must not keep (or depend on) anything else.
      criteria.map(({ id, rule, maxMark }) => ({ id, rule, maxMark })),
      [...partIds],
    );
    if (sheetSchemas.size >= MAX_SHEET_SCHEMAS) {
      sheetSchemas.delete(sheetSchemas.keys().next().value!);
    }
    sheetSchemas.set(key, schema);
  }
  return schema;
}

function buildScoreSheetSchema(criteria: readonly SheetCriterion[], partIds: readonly number[]) {
  // The intent comes from the pressed button, which the browser-side check does not see:
  // there it counts as a draft (format and maxima); the server also requires every mark on submit.
  const shape: Record<string, z.ZodType> = { intent: z.enum(["draft", "submit"]).default("draft") };
  for (const c of criteria) shape[`m${c.id}`] = z.string().max(20).optional();
  for (const p of partIds) shape[`v${p}`] = z.coerce.number().int().min(0);
  return z.object(shape).superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    for (const c of criteria) {
      const key = `m${c.id}`;
      const parsed = parseMark(c, typeof v[key] === "string" ? (v[key] as string) : "");
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: [key], message: parsed.problems[0] });
      else if (parsed.value === null && v.intent === "submit")
        ctx.addIssue({ code: "custom", path: [key], message: "judging.sheet.required" });
    }
  });
}

export const correctionReasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(2, "judging.review.reason_required")
    .max(500, "judging.review.reason_long"),
});

export const appealSchema = z.object({
  text: z
    .string()
    .trim()
    .min(10, "judging.appeal.text_short")
    .max(2000, "judging.appeal.text_long"),
});

export const decisionSchema = z.object({
  outcome: z.enum(["upheld", "dismissed"], { message: "judging.appeal.outcome_required" }),
  note: z
    .string()
    .trim()
    .min(2, "judging.appeal.note_required")
    .max(2000, "judging.appeal.text_long"),
  appealId: z.coerce.number().int().positive(),
});

export const judgesSchema = z.object({
  judgeIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive()).min(1, "judging.judges.none"),
  ),
  chiefId: z.coerce.number().int().positive({ message: "judging.judges.chief_required" }),
  reserveIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive()),
  ),
});

const mark = z
  .string()
  .trim()
  .regex(/^\d{1,5}(\.\d{1,2})?$/, "judging.scheme.full_mark_invalid");

export const partSchemeSchema = z.object({
  partId: z.coerce.number().int().positive(),
  weight: z.coerce
    .number({ message: "judging.scheme.weight_invalid" })
    .int("judging.scheme.weight_invalid")
    .min(1, "judging.scheme.weight_invalid")
    .max(100, "judging.scheme.weight_invalid"),
  fullMark: mark,
});

export const eventRulesSchema = z.object({
  aggregation: z.enum(["mean", "trimmed_mean", "median", "worldskills"], {
    message: "judging.scheme.rule_invalid_short",
  }),
  tieBreak1: z.string().max(40).optional(),
  tieBreak2: z.string().max(40).optional(),
  ...Object.fromEntries(
    (["first", "second", "third", "merit"] as const).flatMap((tier) => [
      [`${tier}Kind`, z.enum(["none", "share", "count"])],
      [
        `${tier}Value`,
        z
          .string()
          .trim()
          .regex(/^\d{0,4}$/, "judging.scheme.prize_value_invalid")
          .optional(),
      ],
      [
        `${tier}Min`,
        z
          .string()
          .trim()
          .regex(/^(\d{1,5}(\.\d{1,2})?)?$/, "judging.scheme.full_mark_invalid")
          .optional(),
      ],
    ]),
  ),
});

/**
 * The chief judge's irreversible steps. The box says what will happen (how many entries, when
 * the notice period ends) and must be ticked: `required` in the browser, this check in the
 * action, so it holds without JavaScript too.
 */
export const chiefStepSchema = z.object({
  intent: z.enum(["lock", "publish"], { message: "judging.unknown_action" }),
  confirm: z.literal("on", { message: "confirm.required" }),
});

/** The organiser's scoring window for an event (China time; either end may be left open). */
export const scoringWindowSchema = z
  .object({
    intent: z.literal("window"),
    scoringOpensAt: optionalDateTime,
    scoringClosesAt: optionalDateTime,
  })
  .superRefine((v, ctx) => {
    const opens = chinaInstant(v.scoringOpensAt);
    const closes = chinaInstant(v.scoringClosesAt);
    if (opens && closes && closes.getTime() <= opens.getTime())
      ctx.addIssue({ code: "custom", path: ["scoringClosesAt"], message: "judge.window.order" });
  });
