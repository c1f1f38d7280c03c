import { z } from "zod";
import { ROUND_STATES } from "~/domain/honours/states";
import { isIsoDate } from "~/domain/identity/dates";

/** One move of a round; notice dates only matter when publishing, a reason when going back or cancelling. */
export const advanceSchema = z.object({
  to: z.enum(ROUND_STATES, { message: "honours.form.choice" }),
  noticeStart: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isIsoDate(v), "honours.form.date"),
  noticeEnd: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isIsoDate(v), "honours.form.date"),
  reason: z.string().trim().max(500, "honours.form.tooLong").optional(),
});
