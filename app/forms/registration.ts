import { z } from "zod";
import { idList } from "./fields";

export const individualEntrySchema = z.object({
  intent: z.literal("individual"),
  eventId: z.coerce.number({ message: "reg.form.required" }).int().positive("reg.form.required"),
  workerId: z.coerce
    .number({ message: "reg.entry.chooseWorker" })
    .int()
    .positive("reg.entry.chooseWorker"),
});

export const teamEntrySchema = z.object({
  intent: z.literal("team"),
  eventId: z.coerce.number({ message: "reg.form.required" }).int().positive("reg.form.required"),
  teamName: z.string().trim().min(1, "reg.form.required").max(50, "reg.form.tooLong"),
  members: idList.pipe(z.array(z.number()).min(1, "reg.entry.chooseMembers")),
  substitutes: idList,
});

export const entryActionSchema = z.object({
  intent: z.enum(["withdraw", "resubmit"]),
  registrationId: z.coerce.number().int().positive(),
});

export const replaceSchema = z.object({
  intent: z.literal("replace"),
  registrationId: z.coerce.number().int().positive(),
  workerId: z.coerce
    .number({ message: "reg.entry.chooseWorker" })
    .int()
    .positive("reg.entry.chooseWorker"),
});

export const decisionSchema = z
  .object({
    intent: z.enum(["approve", "reject"]),
    ids: idList.pipe(z.array(z.number()).min(1, "reg.review.chooseSome")),
    reason: z.string().trim().max(500, "reg.form.tooLong").optional().default(""),
  })
  .refine((v) => v.intent !== "reject" || v.reason !== "", {
    path: ["reason"],
    message: "reg.review.reasonRequired",
  });

export const checkInSchema = z.object({
  intent: z.literal("checkin"),
  eventId: z.coerce.number().int().positive(),
});
