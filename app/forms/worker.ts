import { z } from "zod";
import { SKILL_LEVELS } from "~/domain/contest/skill-levels";
import { parseIdNumber } from "~/domain/identity/id-number";
import { parseMobilePhone } from "~/domain/identity/phone";
import { MAX_DATABASE_ID } from "~/utils/ids";
import { checkbox, requiredInt } from "./fields";

export const workerSchema = z.object({
  name: z.string().trim().min(1, "reg.form.required").max(50, "reg.form.tooLong"),
  idNumber: z
    .string()
    .trim()
    .min(1, "reg.form.required")
    .superRefine((v, ctx) => {
      const parsed = parseIdNumber(v);
      if (!parsed.ok)
        ctx.addIssue({ code: "custom", message: `reg.worker.id.${parsed.problems[0]!.code}` });
    })
    .transform((v) => {
      const parsed = parseIdNumber(v);
      return parsed.ok ? parsed.value.idNumber : v;
    }),
  phone: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || parseMobilePhone(v).ok, "rules.mobile_phone_invalid")
    .transform((v) => {
      const parsed = parseMobilePhone(v);
      return parsed.ok ? parsed.value : null;
    }),
  trade: z
    .string()
    .trim()
    .max(50, "reg.form.tooLong")
    .optional()
    .default("")
    .transform((v) => (v === "" ? null : v)),
  skillLevel: z.preprocess(
    (v) => (v === "" ? null : v),
    z.enum(SKILL_LEVELS, { message: "reg.form.required" }).nullable().optional().default(null),
  ),
  unionMember: checkbox,
});

/** The organiser's decision on an ID number held by several organisations' rosters. */
export const identityDecisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("merge"),
    group: requiredInt(1, MAX_DATABASE_ID, "reg.identity.choose"),
    keep: requiredInt(1, MAX_DATABASE_ID, "reg.identity.choose"),
  }),
  z.object({
    intent: z.literal("keep_separate"),
    group: requiredInt(1, MAX_DATABASE_ID, "reg.identity.choose"),
  }),
]);
