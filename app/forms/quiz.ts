// Forms of the quiz pages. Messages are i18n keys (app/i18n/messages/quiz.ts).
import { z } from "zod";

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ message }).int(message).min(min, message).max(max, message),
  );

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "quiz.form.datetime");

/** Composition of a quiz; `count_<i>` is the number drawn from the i-th category of the bank. */
export function quizComposeSchema(categoryCount: number) {
  const shape: Record<string, z.ZodType> = {
    name: z.string().trim().min(2, "quiz.form.name").max(60, "quiz.form.name"),
    timeLimitSec: wholeNumber(10, 4 * 3600, "quiz.form.timeLimit"),
    attemptsAllowed: wholeNumber(1, 20, "quiz.form.attempts"),
    pointsPerQuestion: wholeNumber(1, 100, "quiz.form.points"),
    opensAt: localDateTime,
    closesAt: localDateTime,
    shuffle: z.preprocess((v) => v === "on", z.boolean()),
    layout: z.enum(["one", "all"], { message: "quiz.form.layout" }),
  };
  for (let i = 0; i < categoryCount; i++)
    shape[`count_${i}`] = wholeNumber(0, 500, "quiz.form.count");
  return z
    .object(shape)
    .refine((v) => String(v.closesAt) > String(v.opensAt), {
      message: "quiz.form.closeOrder",
      path: ["closesAt"],
    })
    .refine((v) => Object.entries(v).some(([k, n]) => k.startsWith("count_") && Number(n) > 0), {
      message: "quiz.form.noQuestions",
      path: ["count_0"],
    });
}

export const quizAnswerSchema = z.object({
  attemptId: wholeNumber(1, 1e12, "quiz.form.invalid"),
  questionId: z.string().regex(/^\d+$/, "quiz.form.invalid"),
  option: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(10)).max(10),
  ),
});

export const quizSubmitSchema = z.object({
  attemptId: wholeNumber(1, 1e12, "quiz.form.invalid"),
});
