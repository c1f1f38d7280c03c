import { z } from "zod";
import { CONTEST_KINDS } from "~/domain/contest/kinds";
import { chinaInstant, idList, optionalDateTime } from "./fields";

export const contestSchema = z
  .object({
    code: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{2,12}$/, "reg.contest.codeInvalid")),
    kind: z.enum(CONTEST_KINDS, { message: "reg.form.required" }),
    name: z.string().trim().min(1, "reg.form.required").max(100, "reg.form.tooLong"),
    organiserId: z.coerce
      .number({ message: "reg.form.required" })
      .int()
      .positive("reg.form.required"),
    // A disabled select submits nothing: a co-organiser's save keeps the stored ones.
    coOrganiserIds: idList.pipe(z.array(z.number()).max(20, "reg.form.tooLong")),
    description: z.string().max(5000, "reg.form.tooLong").optional().default(""),
    rules: z.string().max(10000, "reg.form.tooLong").optional().default(""),
    /** Whole percent 0–100; empty = the default of the contest kind (theory-cap.ts). */
    theoryCapPct: z
      .string()
      .trim()
      .regex(/^(\d{1,3})?$/, "reg.contest.theoryCapInvalid")
      .refine((v) => v === "" || Number(v) <= 100, "reg.contest.theoryCapInvalid")
      .optional()
      .default(""),
    registrationOpensAt: optionalDateTime,
    registrationClosesAt: optionalDateTime,
    startsAt: optionalDateTime,
    endsAt: optionalDateTime,
  })
  .superRefine((v, ctx) => {
    const opens = chinaInstant(v.registrationOpensAt);
    const closes = chinaInstant(v.registrationClosesAt);
    if (opens && closes && closes <= opens)
      ctx.addIssue({
        code: "custom",
        path: ["registrationClosesAt"],
        message: "reg.contest.closesBeforeOpens",
      });
    const starts = chinaInstant(v.startsAt);
    const ends = chinaInstant(v.endsAt);
    if (starts && ends && ends < starts)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "reg.contest.endsBeforeStarts" });
    if (closes && starts && starts < closes)
      ctx.addIssue({
        code: "custom",
        path: ["startsAt"],
        message: "reg.contest.startsBeforeClose",
      });
  });

/** The form's values as the contest model takes them: dates as instants in China time. */
export function contestInput(v: z.output<typeof contestSchema>) {
  return {
    ...v,
    registrationOpensAt: chinaInstant(v.registrationOpensAt),
    registrationClosesAt: chinaInstant(v.registrationClosesAt),
    startsAt: chinaInstant(v.startsAt),
    endsAt: chinaInstant(v.endsAt),
    theoryCapPct: v.theoryCapPct === "" ? null : Number(v.theoryCapPct),
  };
}

export const contestStatusSchema = z.object({
  intent: z.literal("status"),
  to: z.string().min(1),
  reason: z.string().max(500).optional(),
});
