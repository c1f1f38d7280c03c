// ID numbers are sensitive personal data: stored encrypted (AES-256-GCM), found through a
// keyed hash, and shown masked except to the worker's own organisation manager.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  randomFillSync,
} from "node:crypto";
import { env } from "~/env.server";

const key = Buffer.from(env.ID_NUMBER_KEY, "hex");
// Imported once: a cipher or HMAC made from a KeyObject skips parsing the raw key each time.
const keyObject = createSecretKey(key);

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

/**
 * The keyed hash that finds a number without decrypting it: HMAC-SHA-256 truncated to its
 * first 128 bits (32 hex digits). Two different numbers share it with a chance of about
 * n²/2¹²⁹ among n numbers (under 10⁻²³ for a hundred million), so equal hashes are equal
 * numbers; half the width of the full HMAC keeps the roster's index on it small enough for a
 * million-row import (migration 20261201012700_short_id_number_hash shortened stored hashes).
 */
export function hashIdNumber(idNumber: string): string {
  return hashHex(createHmac("sha256", keyObject).update(idNumber.toUpperCase()).digest());
}

function hashHex(digest: Buffer): string {
  return digest.toString("hex", 0, HASH_BYTES);
}

const HASH_BYTES = 16;

/**
 * The stored forms of many ID numbers at once (a roster import): the same AES-256-GCM
 * ciphertext and HMAC as encryptIdNumber/hashIdNumber, with the key imported once and every
 * row's 12-byte IV drawn from one random fill instead of one system call per row.
 */
export function sealIdNumbers(idNumbers: readonly string[]): { cipher: string; hash: string }[] {
  const ivs = randomFillSync(Buffer.allocUnsafe(12 * idNumbers.length));
  const out: { cipher: string; hash: string }[] = new Array(idNumbers.length);
  for (let i = 0; i < idNumbers.length; i++) {
    const id = idNumbers[i] as string;
    const iv = ivs.subarray(12 * i, 12 * i + 12);
    const cipher = createCipheriv("aes-256-gcm", keyObject, iv);
    const body = Buffer.concat([cipher.update(id, "utf8"), cipher.final()]);
    out[i] = {
      cipher: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64"),
      hash: hashHex(createHmac("sha256", keyObject).update(id.toUpperCase()).digest()),
    };
  }
  return out;
}
