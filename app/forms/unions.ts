import { z } from "zod";
import { UNION_KINDS } from "~/domain/organisation/tree";
import { isCreditCode, normaliseCreditCode } from "~/domain/identity/credit-code";
import { MAX_DATABASE_ID } from "~/utils/ids";

const optionalId = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? null : Number(v)),
  z.number({ message: "reg.form.required" }).int().positive().max(MAX_DATABASE_ID).nullable(),
);

/** The top administrator sets up a union under a parent (a federation at the top). */
export const unionSchema = z.object({
  name: z.string().trim().min(2, "reg.form.required").max(60, "reg.form.tooLong"),
  shortName: z.string().trim().max(20, "reg.form.tooLong").optional().default(""),
  kind: z.enum(UNION_KINDS, { message: "reg.form.required" }),
  parentId: optionalId,
  creditCode: z
    .string()
    .trim()
    .max(30, "reg.form.tooLong")
    .optional()
    .default("")
    .transform((v) => (v === "" ? "" : normaliseCreditCode(v)))
    .refine((v) => v === "" || isCreditCode(v), "federation.unions.creditCodeInvalid"),
});

/** An organiser account for a union: signs in and manages that union's subtree. */
export const organiserAccountSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{2,31}$/, "federation.organisers.usernameInvalid"),
  displayName: z.string().trim().min(2, "reg.form.required").max(40, "reg.form.tooLong"),
  organisationId: z.coerce
    .number({ message: "reg.form.required" })
    .int()
    .positive("reg.form.required")
    .max(MAX_DATABASE_ID, "reg.form.required"),
  password: z.string().min(10, "federation.organisers.passwordShort").max(200, "reg.form.tooLong"),
});

export const organiserActiveSchema = z.object({
  intent: z.literal("active"),
  userId: z.coerce.number().int().positive().max(MAX_DATABASE_ID),
  active: z.enum(["true", "false"]),
});
