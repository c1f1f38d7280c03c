import { z } from "zod";
import { idField } from "~/utils/ids";
import { REVIEW_CHECKLIST_ITEMS } from "~/domain/honours/checklist";

const nominationIdField = idField("honours.form.required");

/** The organiser's decision on one nominee; the reason is required to reject (the domain checks). */
export const reviewSchema = z.object({
  nominationId: nominationIdField,
  decision: z.enum(["accepted", "rejected"], { message: "honours.form.choice" }),
  checklist: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(REVIEW_CHECKLIST_ITEMS))),
  reason: z.string().trim().max(500, "honours.form.tooLong").default(""),
});

export const withdrawSchema = z.object({
  nominationId: nominationIdField,
  reason: z.string().trim().min(1, "honours.form.required").max(500, "honours.form.tooLong"),
});
