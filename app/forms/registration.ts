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
  /** The side the team negotiates for, when the event has sides (模拟集体协商) */
  side: z.string().trim().max(20, "reg.form.tooLong").optional().default(""),
});

/** Members' roles (首席代表, 队长…) posted as role_<workerId>; blank ones are dropped. */
export function rolesFromForm(formData: FormData, workerIds: readonly number[]) {
  const roles = new Map<number, string>();
  for (const id of workerIds) {
    const role = String(formData.get(`role_${id}`) ?? "")
      .trim()
      .slice(0, 20);
    if (role !== "") roles.set(id, role);
  }
  return roles;
}

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
