// Forms of recheck before lock (复核). Messages are i18n keys (app/i18n/messages/integrity.ts).
import { z } from "zod";
import { RECHECK_TOP_MAX } from "~/domain/judging/recheck";

const percent = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, message)
    .refine((v) => Number(v) <= 100, message);

/** The organiser's rule: top N in full, a share of the rest, the error rate for a full re-review. */
export const recheckConfigSchema = z.object({
  topN: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, "recheck.config.top_invalid")
    .refine((v) => Number(v) <= RECHECK_TOP_MAX, "recheck.config.top_invalid"),
  share: percent("recheck.config.share_invalid"),
  errorRate: percent("recheck.config.error_invalid"),
});

/** "15.5" (percent) → 1550 basis points, without going through a float. */
export function percentToBp(text: string): number {
  const [whole, frac = ""] = text.trim().split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** The chief judge gives one recheck to one judge. */
export const recheckAssignSchema = z.object({
  recheckId: z.coerce.number().int().positive(),
  judgeId: z.coerce
    .number({ message: "recheck.assign.not_eligible" })
    .int()
    .positive("recheck.assign.not_eligible"),
});

/** The rechecker's note on what differed (required by the model when a mark changes). */
export const recheckSheetSchema = z.object({
  reason: z.string().trim().max(500, "judging.review.reason_long").optional().default(""),
});
