// Record ids arrive from URLs and forms as text. Prisma's Int is a signed 32-bit integer, so
// anything outside 1..2^31-1 (or not all digits) is no id at all: answered 404 or 400,
// never passed to a query where it would fail with a 500.
import { z } from "zod";

export const MAX_DATABASE_ID = 2_147_483_647;

export function isDatabaseId(value: unknown): value is number {
  return (
    typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_DATABASE_ID
  );
}

/** "42" → 42; anything else (blank, "-1", "1e3", "4.2", "99999999999") → null. */
export function parseId(value: unknown): number | null {
  if (typeof value === "number") return isDatabaseId(value) ? value : null;
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return isDatabaseId(id) ? id : null;
}

/** A zod field for an id posted in a form; `message` is the i18n key shown when it is bad. */
export function idField(message: string) {
  return z
    .string({ message })
    .trim()
    .regex(/^\d{1,10}$/, message)
    .transform(Number)
    .refine(isDatabaseId, message);
}

/** A record id from the URL, or a 404: a malformed id names no record. */
export function idParam(value: string | undefined): number {
  const id = parseId(value);
  if (id === null) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  return id;
}
