// Forms of the quiz pages. Messages are i18n keys (app/i18n/messages/quiz.ts).
import { z } from "zod";
import { idField } from "~/utils/ids";
import { DRAW_MODES, PARTIAL_CREDIT_RULES, QUIZ_KINDS, REVIEW_POLICIES } from "~/domain/quiz";

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ message }).int(message).min(min, message).max(max, message),
  );

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "quiz.form.datetime");

const MAX_CAMPAIGN_DAYS = 366;

/**
 * Composition of a quiz; `count_<i>` is the number drawn from the i-th category of the bank
 * and `difficulty_<i>` restricts it to one level ("" for any).
 */
export function quizComposeSchema(categoryCount: number) {
  const shape: Record<string, z.ZodType> = {
    name: z.string().trim().min(2, "quiz.form.name").max(60, "quiz.form.name"),
    kind: z.enum(QUIZ_KINDS, { message: "quiz.form.choice" }),
    scopeOrgId: idField("quiz.form.scope"),
    timeLimitSec: wholeNumber(10, 4 * 3600, "quiz.form.timeLimit"),
    attemptsAllowed: wholeNumber(1, 20, "quiz.form.attempts"),
    pointsPerQuestion: wholeNumber(1, 100, "quiz.form.points"),
    opensAt: localDateTime,
    closesAt: localDateTime,
    drawMode: z.enum(DRAW_MODES, { message: "quiz.form.choice" }),
    reviewPolicy: z.enum(REVIEW_POLICIES, { message: "quiz.form.choice" }),
    partialCredit: z.enum(PARTIAL_CREDIT_RULES, { message: "quiz.form.choice" }),
    shuffle: z.preprocess((v) => v === "on" || v === true, z.boolean()),
    layout: z.enum(["one", "all"], { message: "quiz.form.layout" }),
  };
  for (let i = 0; i < categoryCount; i++) {
    shape[`count_${i}`] = wholeNumber(0, 500, "quiz.form.count");
    shape[`difficulty_${i}`] = z.enum(["", "1", "2", "3", "4", "5"], {
      message: "quiz.form.difficulty",
    });
  }
  return z
    .object(shape)
    .refine((v) => String(v.closesAt) > String(v.opensAt), {
      message: "quiz.form.closeOrder",
      path: ["closesAt"],
    })
    .refine(
      (v) =>
        v.kind !== "campaign" ||
        Date.parse(`${String(v.closesAt)}:00Z`) - Date.parse(`${String(v.opensAt)}:00Z`) <=
          MAX_CAMPAIGN_DAYS * 86_400_000,
      { message: "quiz.form.campaignLength", path: ["closesAt"] },
    )
    .refine((v) => Object.entries(v).some(([k, n]) => k.startsWith("count_") && Number(n) > 0), {
      message: "quiz.form.noQuestions",
      path: ["count_0"],
    });
}

export const quizAnswerSchema = z.object({
  attemptId: idField("quiz.form.invalid"),
  questionId: z.string().regex(/^\d{1,12}$/, "quiz.form.invalid"),
  option: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(10)).max(10),
  ),
});

export const quizSubmitSchema = z.object({
  attemptId: idField("quiz.form.invalid"),
});

const reason = z.string().trim().min(2, "quiz.form.reason").max(200, "quiz.form.reason");

/** Correcting a bank question: the right option ids, the explanation, and why. */
export const questionCorrectionSchema = z.object({
  answer: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().regex(/^[A-F]$|^true$|^false$/, "quiz.form.answer"))
      .min(1, "quiz.form.answer")
      .max(6, "quiz.form.answer"),
  ),
  explanation: z.string().trim().max(1000, "quiz.form.explanation"),
  reason,
});

export const quizRulesSchema = z.object({
  reviewPolicy: z.enum(REVIEW_POLICIES, { message: "quiz.form.choice" }),
  partialCredit: z.enum(PARTIAL_CREDIT_RULES, { message: "quiz.form.choice" }),
});

export const rescoreSchema = z.object({ reason });
