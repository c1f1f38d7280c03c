// Shared by browser and server: one zod schema per form, whose messages are i18n keys.
// The browser validates as the user types (react-hook-form); the action validates again.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/**
 * A form read through its schema, shaped as zod's safeParse (its `data`): this is the input's
 * check before any model runs, not a refusal. Its errors are the form's (field → message
 * key), which the route hands on as they are with invalidForm() (app/http/refusal.server.ts).
 */
export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** First problem per field, keyed by the field's path ("members.0.workerId"). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: zodFieldErrors(result.error) };
}

/** FormData to a plain object; repeated names become arrays. Files are left out. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): ParseResult<z.output<S>> {
  return parseWith(schema, formDataToObject(formData));
}
