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
import { gcmTag, ghashTables } from "~/utils/ghash";
import { ShortHmacSha256 } from "~/utils/hmac-sha256";

const key = Buffer.from(env.ID_NUMBER_KEY, "hex");
// Imported once: a cipher or HMAC made from a KeyObject skips parsing the raw key each time.
const keyObject = createSecretKey(key);
const shortHmac = new ShortHmacSha256(key);

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
  const text = idNumber.toUpperCase();
  // An import hashes a million numbers: a number of ASCII characters (every valid one) takes
  // the HMAC made without an object per message (hmac-sha256.ts), other text node:crypto's.
  return (
    shortHmac.hex(text, HASH_BYTES) ??
    createHmac("sha256", keyObject)
      .update(text)
      .digest("hex")
      .slice(0, 2 * HASH_BYTES)
  );
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
 * imported once. The IVs of all rows are drawn by one random fill, into the buffer where an
 * 18-byte number (every canonical ID number) is sealed in place, and the AES blocks GCM needs
 * for each row (the tag's counter block J0 = IV‖1, and IV‖2, IV‖3 for its 18 bytes) are
 * made for all rows by one aes-256-ecb call of node:crypto. A row then costs an XOR of its
 * bytes, GCM's hash (ghash.ts) and its base64: node:crypto's AES-GCM would make and drop a
 * cipher object per row, the largest part of a million-row import. The output is byte for
 * byte what createCipheriv("aes-256-gcm") gives with the same IV (the test holds both side by
 * side); text of another length takes that path. Neither returns an object: a row's two
 * strings go where they are stored.
 */
export class IdNumberSealer {
  private readonly sealed: Buffer;
  /** Per row: AES(K, J0), AES(K, J0 + 1), AES(K, J0 + 2). */
  private readonly keystream: Buffer;
  private next = 0;

  constructor(private readonly count: number) {
    this.sealed = randomFillSync(Buffer.allocUnsafe(SEALED_BYTES * count));
    const counters = Buffer.allocUnsafe(KEYSTREAM_BYTES * count);
    for (let row = 0; row < count; row++) {
      for (let block = 0; block < COUNTER_BLOCKS; block++) {
        const at = KEYSTREAM_BYTES * row + 16 * block;
        this.sealed.copy(counters, at, SEALED_BYTES * row, SEALED_BYTES * row + IV_BYTES);
        counters.writeUInt32BE(block + 1, at + IV_BYTES);
      }
    }
    this.keystream = aesBlocks(counters);
  }

  /** The next number's ciphertext as encryptIdNumber stores it (each call draws a new IV). */
  cipher(id: string): string {
    if (this.next >= this.count) throw new RangeError("more ID numbers than the sealer holds");
    const { sealed, keystream } = this;
    const at = SEALED_BYTES * this.next;
    const stream = KEYSTREAM_BYTES * this.next++;
    if (id.length === ID_BYTES && this.sealAscii(id, at, stream)) {
      gcmTag(
        gcmTables(),
        sealed,
        at + IV_BYTES + TAG_BYTES,
        ID_BYTES,
        keystream,
        stream,
        sealed,
        at + IV_BYTES,
      );
      return sealed.toString("base64", at, at + SEALED_BYTES);
    }
    const iv = sealed.subarray(at, at + IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", keyObject, iv);
    const body = Buffer.concat([cipher.update(id, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
  }

  /**
   * Writes the ciphertext of an 18-character number into its row: its bytes XOR the
   * keystream after J0's block. False (the row left to the general path) when a character
   * is not ASCII, so that the number is not 18 bytes.
   */
  private sealAscii(id: string, at: number, stream: number): boolean {
    const { sealed, keystream } = this;
    const body = at + IV_BYTES + TAG_BYTES;
    for (let k = 0; k < ID_BYTES; k++) {
      const code = id.charCodeAt(k);
      if (code > 0x7f) return false;
      sealed[body + k] = code ^ keystream[stream + 16 + k]!;
    }
    return true;
  }

  /** The number's keyed hash (hashIdNumber). */
  hash(id: string): string {
    return hashIdNumber(id);
  }
}

/** AES(K, block) for each 16-byte block of `blocks`, in one call. */
function aesBlocks(blocks: Buffer): Buffer {
  const cipher = createCipheriv("aes-256-ecb", keyObject, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(blocks), cipher.final()]);
}

let tables: Uint32Array | undefined;

/** GCM's hash key AES(K, 0¹²⁸) as multiplication tables, made at the first seal. */
function gcmTables(): Uint32Array {
  return (tables ??= ghashTables(aesBlocks(Buffer.alloc(16))));
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A canonical ID number's length in UTF-8 (18 ASCII characters), and so its ciphertext's. */
const ID_BYTES = 18;
/** A sealed canonical number: iv‖tag‖ciphertext, as encryptIdNumber stores it. */
const SEALED_BYTES = IV_BYTES + TAG_BYTES + ID_BYTES;
/** The AES blocks of a row: J0 for the tag, two counter blocks for an 18-byte number. */
const COUNTER_BLOCKS = 3;
const KEYSTREAM_BYTES = 16 * COUNTER_BLOCKS;
