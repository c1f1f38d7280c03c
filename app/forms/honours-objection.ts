import { z } from "zod";
import { isMobilePhone } from "~/domain/identity/phone";
import { OBJECTION_OUTCOMES } from "~/domain/honours/objection";

/** Anyone may object during the notice; the contact details are for the organisers only. */
export const objectionSchema = z.object({
  nominationId: z.string().regex(/^\d+$/, "honours.form.choice").transform(Number),
  text: z.string().trim().min(1, "honours.form.required").max(2000, "honours.form.tooLong"),
  contactName: z.string().trim().min(1, "honours.form.required").max(50, "honours.form.tooLong"),
  contactPhone: z.string().trim().refine(isMobilePhone, "honours.form.phone"),
});

/** The organiser's record of how an objection was checked and what was found. */
export const objectionHandlingSchema = z.object({
  objectionId: z.string().regex(/^\d+$/, "honours.form.required").transform(Number),
  outcome: z.enum(OBJECTION_OUTCOMES, { message: "honours.form.choice" }),
  note: z.string().trim().min(1, "honours.form.required").max(1000, "honours.form.tooLong"),
});

/** Many lodged objections dismissed at once (spam, duplicates, abuse), with one note. */
export const objectionBulkDismissalSchema = z.object({
  note: z.string().trim().min(1, "honours.form.required").max(1000, "honours.form.tooLong"),
});
