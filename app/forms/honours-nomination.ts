import { z } from "zod";

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v && /^\d+$/.test(v) ? Number(v) : null));

/** An organisation manager's nomination; attachments are checked separately as files. */
export const nominationSchema = z.object({
  workerId: optionalId,
  studioId: optionalId,
  collectiveName: z.string().trim().max(100, "honours.form.tooLong").optional(),
  supportingText: z
    .string()
    .trim()
    .min(50, "honours.form.supportingText")
    .max(3000, "honours.form.supportingText"),
});
