// Forms of the labour-competition pages. Messages are i18n keys (app/i18n/messages/labour.ts).
import { z } from "zod";
import { INDICATOR_METHODS, LABOUR_INDICATORS, VETO_REASONS } from "~/domain/labour";

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ message }).int(message).min(min, message).max(max, message),
  );

/** Two decimals at most, stored as hundredths. */
const decimal = (max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, message)
    .refine((v) => Number(v) <= max, message)
    .transform((v) => Math.round(Number(v) * 100));

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const labourIndicatorsSchema = z.object(
  Object.fromEntries(
    LABOUR_INDICATORS.flatMap((code) => [
      [`weight_${code}`, wholeNumber(0, 100, "labour.form.weight")],
      [`method_${code}`, z.enum(INDICATOR_METHODS, { message: "labour.form.method" })],
      [`perHead_${code}`, checkbox],
    ]),
  ) as Record<string, z.ZodType>,
);

export const labourParticipantSchema = z.object({
  organisationId: wholeNumber(1, 1e9, "labour.form.unit"),
  headcount: wholeNumber(1, 1_000_000, "labour.form.headcount"),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "labour.form.date");

export const labourPeriodSchema = z
  .object({
    name: z.string().trim().min(1, "labour.form.periodName").max(40, "labour.form.periodName"),
    startsOn: isoDay,
    endsOn: isoDay,
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: "labour.form.dateOrder", path: ["endsOn"] });

/** The panel's form for one unit: a figure or mark per indicator (by id) and a veto. */
export function labourPanelSchema(indicators: readonly { id: number; method: string }[]) {
  const shape: Record<string, z.ZodType> = {
    organisationId: wholeNumber(1, 1e9, "labour.form.unit"),
    veto: z.union([z.literal(""), z.enum(VETO_REASONS)], { message: "labour.form.veto" }),
  };
  for (const i of indicators) {
    shape[`ind_${i.id}`] =
      i.method === "panel" ? decimal(100, "labour.form.mark") : decimal(1e9, "labour.form.value");
  }
  return z.object(shape);
}

/** What a unit reports for a period: its measurements and where the evidence is. */
export function labourSubmissionSchema(indicators: readonly { id: number }[]) {
  const shape: Record<string, z.ZodType> = {
    evidence: z.string().trim().min(4, "labour.form.evidence").max(2000, "labour.form.evidence"),
  };
  for (const i of indicators) shape[`ind_${i.id}`] = decimal(1e9, "labour.form.value");
  return z.object(shape);
}
