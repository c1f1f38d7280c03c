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
  // The hex digest cut to its first 32 digits, without a digest buffer in between (an import
  // hashes a million numbers).
  return createHmac("sha256", keyObject)
    .update(idNumber.toUpperCase())
    .digest("hex")
    .slice(0, 2 * HASH_BYTES);
}

const HASH_BYTES = 16;

/**
 * The stored forms of many ID numbers at once (a roster import): the same AES-256-GCM
 * ciphertext and HMAC as encryptIdNumber/hashIdNumber (see IdNumberSealer).
 */
export function sealIdNumbers(idNumbers: readonly string[]): { cipher: string; hash: string }[] {
  const sealer = new IdNumberSealer(idNumbers.length);
  return idNumbers.map((id) => ({ cipher: sealer.cipher(id), hash: sealer.hash(id) }));
}

/**
 * Seals up to `count` ID numbers one at a time (a chunk of a roster import), with the key
 * imported once. A row's node:crypto calls (a cipher and an HMAC object each, native
 * underneath) are most of its cost and cannot be shared; what is avoided is the JavaScript
 * garbage around them. The IVs of all rows are drawn by one random fill, into the buffer
 * where an 18-byte number (every canonical ID number) is sealed in place: its tag and
 * ciphertext are copied in after its IV and the base64 taken from there, instead of two
 * concatenated buffers a row; the IV goes to the cipher in one 12-byte buffer kept for every
 * row (the cipher copies it when made), not in a view made per row. Neither returns an
 * object: a row's two strings go where they are stored.
 */
export class IdNumberSealer {
  private readonly sealed: Buffer;
  private readonly iv = Buffer.alloc(IV_BYTES);
  private next = 0;

  constructor(private readonly count: number) {
    this.sealed = randomFillSync(Buffer.allocUnsafe(SEALED_BYTES * count));
  }

  /** The next number's ciphertext as encryptIdNumber stores it (each call draws a new IV). */
  cipher(id: string): string {
    if (this.next >= this.count) throw new RangeError("more ID numbers than the sealer holds");
    const { sealed, iv } = this;
    const at = SEALED_BYTES * this.next++;
    for (let k = 0; k < IV_BYTES; k++) iv[k] = sealed[at + k]!;
    const cipher = createCipheriv("aes-256-gcm", keyObject, iv);
    // GCM is a stream mode: update returns the whole ciphertext and final only the tag.
    const body = cipher.update(id, "utf8");
    cipher.final();
    if (body.length !== ID_BYTES)
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    cipher.getAuthTag().copy(sealed, at + IV_BYTES);
    body.copy(sealed, at + IV_BYTES + TAG_BYTES);
    return sealed.toString("base64", at, at + SEALED_BYTES);
  }

  /** The number's keyed hash (hashIdNumber). */
  hash(id: string): string {
    return hashIdNumber(id);
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A canonical ID number's length in UTF-8 (18 ASCII characters), and so its ciphertext's. */
const ID_BYTES = 18;
/** A sealed canonical number: iv‖tag‖ciphertext, as encryptIdNumber stores it. */
const SEALED_BYTES = IV_BYTES + TAG_BYTES + ID_BYTES;
