// HMAC-SHA-256 (RFC 2104, FIPS 180-4) of short ASCII text under one key, for hashing many ID
// numbers in a roster import. node:crypto makes an Hmac object per message: 1.7–2.2 µs for an
// 18-character number on a quiet machine and 2.2–4.6 µs with a second thread hashing beside
// it (OpenSSL allocates and fetches the digest at every init; the allocator is shared), about
// a tenth of a million-row import's work. Here the key's two padded blocks are compressed once
// (the inner and outer states), so a message of at most 55 bytes costs two compressions and no
// allocation: 0.8 µs either way. The output is node:crypto's HMAC byte for byte
// (hmac-sha256.test.ts holds the two side by side for every length it takes).

/** SHA-256's round constants. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256's initial state. */
const IV = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const BLOCK_BYTES = 64;
/** The longest message that fits in one block with SHA-256's padding (0x80, 64-bit length). */
export const MAX_SHORT_HMAC_BYTES = BLOCK_BYTES - 9;

/** The message schedule, shared by every call (JavaScript runs one call at a time per thread). */
const W = new Int32Array(64);

/** SHA-256's compression of the block in W[0..15] into the state `from`, written to `to`. */
function compress(from: Int32Array, to: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15]!;
    const y = W[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = from[0]!;
  let b = from[1]!;
  let c = from[2]!;
  let d = from[3]!;
  let e = from[4]!;
  let f = from[5]!;
  let g = from[6]!;
  let h = from[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  to[0] = (from[0]! + a) | 0;
  to[1] = (from[1]! + b) | 0;
  to[2] = (from[2]! + c) | 0;
  to[3] = (from[3]! + d) | 0;
  to[4] = (from[4]! + e) | 0;
  to[5] = (from[5]! + f) | 0;
  to[6] = (from[6]! + g) | 0;
  to[7] = (from[7]! + h) | 0;
}

const digest = Buffer.alloc(32);
const innerHash = new Int32Array(8);
const mac = new Int32Array(8);

/** HMAC-SHA-256 under one key, for messages of at most MAX_SHORT_HMAC_BYTES ASCII characters. */
export class ShortHmacSha256 {
  /** SHA-256's state after the key XOR ipad, and after the key XOR opad. */
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);

  /** `key`: at most one block (64 bytes); a longer HMAC key would first be hashed. */
  constructor(key: Uint8Array) {
    if (key.length > BLOCK_BYTES) throw new RangeError("an HMAC key of at most 64 bytes");
    for (const [pad, state] of [
      [0x36, this.inner],
      [0x5c, this.outer],
    ] as const) {
      for (let i = 0; i < 16; i++) {
        let word = 0;
        for (let j = 0; j < 4; j++) word = (word << 8) | ((key[4 * i + j] ?? 0) ^ pad);
        W[i] = word;
      }
      compress(IV, state);
    }
  }

  /**
   * The MAC of `text`'s bytes as hex, its first `bytes` bytes (a multiple of 4, at most 32),
   * or null when `text` is not ASCII or is longer than MAX_SHORT_HMAC_BYTES (the caller then
   * takes node:crypto's HMAC).
   */
  hex(text: string, bytes: number): string | null {
    if (bytes % 4 !== 0 || bytes < 0 || bytes > 32) throw new RangeError("4 to 32 bytes, by 4");
    const n = text.length;
    if (n > MAX_SHORT_HMAC_BYTES) return null;
    W.fill(0, 0, 16);
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) return null;
      W[i >> 2]! |= code << (24 - 8 * (i & 3));
    }
    // The inner hash's one block: the text, 0x80, zeros, and its length in bits after the key's block.
    W[n >> 2]! |= 0x80 << (24 - 8 * (n & 3));
    W[15] = (BLOCK_BYTES + n) * 8;
    compress(this.inner, innerHash);
    // The outer hash's one block: the inner hash's 32 bytes, 0x80, zeros, the length.
    W.set(innerHash, 0);
    W[8] = 0x80000000 | 0;
    W.fill(0, 9, 15);
    W[15] = (BLOCK_BYTES + 32) * 8;
    compress(this.outer, mac);
    // One flat string, made natively: built from pieces, a million hashes left V8 strings of
    // pieces to join and collect.
    for (let i = 0; i < bytes >> 2; i++) digest.writeInt32BE(mac[i]!, 4 * i);
    return digest.toString("hex", 0, bytes);
  }
}
