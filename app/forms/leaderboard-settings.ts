import { z } from "zod";

/** Organiser's board settings: freeze time (empty = no freeze) and best N for team totals. */
export const leaderboardSettingsSchema = z.object({
  intent: z.literal("settings"),
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
