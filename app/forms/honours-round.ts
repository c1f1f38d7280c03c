import { z } from "zod";
import { HONOUR_KINDS, HONOUR_LEVELS } from "~/domain/honours/kinds";
import { isIsoDate } from "~/domain/identity/dates";

const optionalInt = (max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) <= max), message)
    .transform((v) => (v === "" ? null : Number(v)));

/** The organiser opens a round: what is conferred, by whom, how many, and the ratio rules. */
export const roundSchema = z.object({
  organiserId: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,9}$/, "honours.form.choice")
    .transform(Number),
  name: z.string().trim().min(1, "honours.form.required").max(100, "honours.form.tooLong"),
  kind: z.enum(HONOUR_KINDS, { message: "honours.form.choice" }),
  level: z.enum(HONOUR_LEVELS, { message: "honours.form.choice" }),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "honours.form.year")
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, "honours.form.year"),
  conferringBody: z
    .string()
    .trim()
    .min(1, "honours.form.required")
    .max(100, "honours.form.tooLong"),
  quota: z
    .string()
    .trim()
    .regex(/^\d+$/, "honours.form.number")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 10000, "honours.form.number"),
  perOrgQuota: optionalInt(10000, "honours.form.number"),
  minFrontLinePercent: optionalInt(100, "honours.form.percent"),
  maxManagerPercent: optionalInt(100, "honours.form.percent"),
  deadline: z.string().trim().refine(isIsoDate, "honours.form.date"),
});
