// ID numbers are sensitive personal data: stored encrypted (AES-256-GCM), found through a
// keyed hash, and shown masked except to the worker's own organisation manager.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { env } from "~/env.server";

const key = Buffer.from(env.ID_NUMBER_KEY, "hex");

export function encryptIdNumber(idNumber: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(idNumber, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export function decryptIdNumber(stored: string): string {
  const raw = Buffer.from(stored, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export function hashIdNumber(idNumber: string): string {
  return createHmac("sha256", key).update(idNumber.toUpperCase()).digest("hex");
}
