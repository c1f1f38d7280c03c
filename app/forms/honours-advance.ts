import { z } from "zod";
import { ROUND_STATES } from "~/domain/honours/states";
import { isIsoDate } from "~/domain/identity/dates";

/** One move of a round; notice dates only matter when publishing, a reason when going back or cancelling. */
export const advanceSchema = z
  .object({
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
    confirm: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    // Putting the shortlist on notice and conferring cannot be undone: the organiser ticks a
    // box that says what will happen (required in the browser, checked here without JS too).
    if ((value.to === "public_notice" || value.to === "conferred") && value.confirm !== "on")
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "confirm.required" });
  });
