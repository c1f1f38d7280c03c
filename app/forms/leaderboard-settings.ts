import { z } from "zod";
import { RESULTS_VISIBILITIES } from "~/domain/contest/results-visibility";

/**
 * Organiser's board settings: who sees scores before publication, freeze time (empty = no
 * freeze) and best N for team totals.
 */
export const leaderboardSettingsSchema = z.object({
  intent: z.literal("settings"),
  resultsVisibility: z.enum(RESULTS_VISIBILITIES, {
    message: "leaderboard.settings.visibilityInvalid",
  }),
  freezeAt: z
    .string()
    .trim()
    .refine(
      (v) => v === "" || !Number.isNaN(Date.parse(v)),
      "leaderboard.settings.freezeAtInvalid",
    ),
  standingsBestN: z.coerce
    .number({ message: "leaderboard.settings.bestNInvalid" })
    .int("leaderboard.settings.bestNInvalid")
    .min(1, "leaderboard.settings.bestNInvalid")
    .max(50, "leaderboard.settings.bestNInvalid"),
});

export const unfreezeSchema = z.object({ intent: z.literal("unfreeze") });
