import { z } from "zod";
import { SKILL_LEVELS } from "~/domain/contest/skill-levels";
import type { PartKind, RoundStage } from "~/domain/contest/events";
import { parseSides, sidesValid } from "~/domain/contest/sides";
import { checkbox, optionalInt } from "./fields";

/**
 * Rounds are entered as a small grid: a preliminary (optional) and the final, each with a
 * theory and a practical weight; a blank weight means the part is not held in that round.
 */
export const eventSchema = z
  .object({
    code: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{2,10}$/, "reg.event.codeInvalid")),
    name: z.string().trim().min(1, "reg.form.required").max(100, "reg.form.tooLong"),
    category: z.string().trim().max(50, "reg.form.tooLong").optional().default(""),
    trade: z.string().trim().max(50, "reg.form.tooLong").optional().default(""),
    mode: z.enum(["individual", "team"], { message: "reg.form.required" }),
    teamMin: optionalInt(2, 20, "reg.event.teamSizeInvalid"),
    teamMax: optionalInt(2, 20, "reg.event.teamSizeInvalid"),
    substitutes: optionalInt(0, 10, "reg.event.substitutesInvalid"),
    // "职工方、企业方": the sides teams enter on (team events only); blank for none.
    sides: z
      .string()
      .max(100, "reg.form.tooLong")
      .optional()
      .default("")
      .transform(parseSides)
      .refine(sidesValid, "federation.event.sidesInvalid"),
    quotaPerOrg: optionalInt(1, 100_000, "reg.event.quotaInvalid"),
    cap: optionalInt(1, 1_000_000, "reg.event.quotaInvalid"),
    minAge: optionalInt(16, 100, "reg.event.ageInvalid"),
    maxAge: optionalInt(16, 100, "reg.event.ageInvalid"),
    minSkillLevel: z.preprocess(
      (v) => (v === "" ? null : v),
      z.enum(SKILL_LEVELS).nullable().optional().default(null),
    ),
    unionMemberRequired: checkbox,
    prelimTheory: optionalInt(1, 100, "reg.event.weightInvalid"),
    prelimPractical: optionalInt(1, 100, "reg.event.weightInvalid"),
    prelimAdvance: optionalInt(1, 100_000, "reg.event.advanceInvalid"),
    finalTheory: optionalInt(1, 100, "reg.event.weightInvalid"),
    finalPractical: optionalInt(1, 100, "reg.event.weightInvalid"),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "team") {
      if (v.teamMin === null)
        ctx.addIssue({ code: "custom", path: ["teamMin"], message: "reg.event.teamSizeInvalid" });
      if (v.teamMax === null)
        ctx.addIssue({ code: "custom", path: ["teamMax"], message: "reg.event.teamSizeInvalid" });
      if (v.teamMin !== null && v.teamMax !== null && v.teamMax < v.teamMin)
        ctx.addIssue({ code: "custom", path: ["teamMax"], message: "reg.event.teamSizeInvalid" });
    }
    if (v.minAge !== null && v.maxAge !== null && v.maxAge < v.minAge)
      ctx.addIssue({ code: "custom", path: ["maxAge"], message: "reg.event.ageInvalid" });
    const finalSum = (v.finalTheory ?? 0) + (v.finalPractical ?? 0);
    if (finalSum !== 100)
      ctx.addIssue({ code: "custom", path: ["finalPractical"], message: "reg.event.weightsSum" });
    const hasPrelim = v.prelimTheory !== null || v.prelimPractical !== null;
    if (hasPrelim && (v.prelimTheory ?? 0) + (v.prelimPractical ?? 0) !== 100) {
      ctx.addIssue({ code: "custom", path: ["prelimPractical"], message: "reg.event.weightsSum" });
    }
    if (hasPrelim && v.prelimAdvance === null)
      ctx.addIssue({
        code: "custom",
        path: ["prelimAdvance"],
        message: "reg.event.advanceInvalid",
      });
  });

export type EventFormValues = z.output<typeof eventSchema>;

export function roundsFromForm(v: EventFormValues): {
  stage: RoundStage;
  advanceCount: number | null;
  parts: { kind: PartKind; weight: number }[];
}[] {
  const parts = (theory: number | null, practical: number | null) => [
    ...(theory !== null ? [{ kind: "theory" as const, weight: theory }] : []),
    ...(practical !== null ? [{ kind: "practical" as const, weight: practical }] : []),
  ];
  const rounds: {
    stage: RoundStage;
    advanceCount: number | null;
    parts: { kind: PartKind; weight: number }[];
  }[] = [];
  if (v.prelimTheory !== null || v.prelimPractical !== null) {
    rounds.push({
      stage: "preliminary",
      advanceCount: v.prelimAdvance,
      parts: parts(v.prelimTheory, v.prelimPractical),
    });
  }
  rounds.push({
    stage: "final",
    advanceCount: null,
    parts: parts(v.finalTheory, v.finalPractical),
  });
  return rounds;
}
