// GHASH, the keyed hash inside an AES-GCM tag (NIST SP 800-38D, §6.4), for sealing many short
// messages under one key. node:crypto offers AES-GCM only as an object per message: about 6 µs
// of object making and collecting for an 18-byte ID number, most of a million-row roster
// import's work. The import instead takes AES from node:crypto once per chunk (every row's
// counter blocks in one aes-256-ecb call) and GCM's hash from here; its output is byte for
// byte node:crypto's AES-GCM (id-number-crypto.server.test.ts and ghash.test.ts hold the two
// side by side), and node:crypto decrypts it.
//
// Multiplying by the hash key H in GF(2¹²⁸) is linear in the other factor, so a block X is
// H·X = ⊕ over X's 32 four-bit places p of T[p][nibble of X at p], T being the 16 products of H
// with each place's values: 32 lookups a block (8 KB of tables, as OpenSSL's four-bit
// fallback keeps), no shifts.

/** Each place's 16 products, four 32-bit words each, most significant word first. */
const PLACES = 32;
const WORDS = 4;

/**
 * The multiplication tables of the hash key `h` (16 bytes: AES(K, 0¹²⁸)) in GCM's bit order:
 * bit 0 of a block is the top bit of its first byte and the coefficient of x⁰.
 */
export function ghashTables(h: Uint8Array): Uint32Array {
  if (h.length !== 16) throw new RangeError("the hash key is one 16-byte block");
  // H·xⁱ for each bit i of a block: multiplying by x shifts the block one bit towards its end
  // and folds the bit that leaves it back in as x¹²⁸ = x⁷ + x² + x + 1 (0xe1 in the first byte).
  const powers = new Uint32Array(128 * WORDS);
  let w0 = wordAt(h, 0, 16);
  let w1 = wordAt(h, 4, 16);
  let w2 = wordAt(h, 8, 16);
  let w3 = wordAt(h, 12, 16);
  for (let i = 0; i < 128; i++) {
    powers.set([w0, w1, w2, w3], i * WORDS);
    const carry = w3 & 1;
    w3 = ((w3 >>> 1) | (w2 << 31)) >>> 0;
    w2 = ((w2 >>> 1) | (w1 << 31)) >>> 0;
    w1 = ((w1 >>> 1) | (w0 << 31)) >>> 0;
    w0 = (w0 >>> 1) ^ (carry ? 0xe1000000 : 0);
  }
  const tables = new Uint32Array(PLACES * 16 * WORDS);
  for (let place = 0; place < PLACES; place++) {
    for (let value = 1; value < 16; value++) {
      // A value's product is that of the value without its lowest set bit, plus H·xⁱ for the
      // block bit i that lowest bit stands for (a nibble's top bit is its place's first bit).
      const rest = value & (value - 1);
      const bit = 4 * place + (3 - (31 - Math.clz32(value ^ rest)));
      for (let k = 0; k < WORDS; k++) {
        tables[(place * 16 + value) * WORDS + k] =
          tables[(place * 16 + rest) * WORDS + k]! ^ powers[bit * WORDS + k]!;
      }
    }
  }
  return tables;
}

/**
 * Writes the GCM tag of a message with no additional data into out[outAt, outAt + 16): GHASH
 * of its ciphertext data[at, at + length) zero-padded to whole blocks and of the lengths'
 * block, XORed with mask[maskAt, maskAt + 16) (AES(K, J0), the tag's own counter block).
 */
export function gcmTag(
  tables: Uint32Array,
  data: Uint8Array,
  at: number,
  length: number,
  mask: Uint8Array,
  maskAt: number,
  out: Uint8Array,
  outAt: number,
): void {
  const end = at + length;
  const y = state.fill(0);
  for (let block = at; block < end; block += 16) {
    for (let k = 0; k < WORDS; k++) y[k] = y[k]! ^ wordAt(data, block + 4 * k, end);
    multiply(tables, y);
  }
  // The lengths in bits, 64 bits each: the additional data's (none) and the ciphertext's.
  const bits = length * 8;
  y[2] = y[2]! ^ Math.floor(bits / 2 ** 32);
  y[3] = y[3]! ^ bits;
  multiply(tables, y);
  for (let k = 0; k < WORDS; k++) {
    writeWord(out, outAt + 4 * k, (y[k]! ^ wordAt(mask, maskAt + 4 * k, maskAt + 16)) >>> 0);
  }
}

/** gcmTag's running hash, one for the thread: a million tags make no garbage. */
const state = new Uint32Array(WORDS);

/** y ← y·H, through H's tables. */
function multiply(tables: Uint32Array, y: Uint32Array): void {
  let o0 = 0;
  let o1 = 0;
  let o2 = 0;
  let o3 = 0;
  for (let k = 0; k < WORDS; k++) {
    const word = y[k]!;
    for (let nibble = 0; nibble < 8; nibble++) {
      const value = (word >>> (28 - 4 * nibble)) & 15;
      const row = ((k * 8 + nibble) * 16 + value) * WORDS;
      o0 ^= tables[row]!;
      o1 ^= tables[row + 1]!;
      o2 ^= tables[row + 2]!;
      o3 ^= tables[row + 3]!;
    }
  }
  y[0] = o0;
  y[1] = o1;
  y[2] = o2;
  y[3] = o3;
}

/** The big-endian word at bytes[at, at + 4), bytes from `end` on read as zero. */
function wordAt(bytes: Uint8Array, at: number, end: number): number {
  let word = 0;
  for (let k = 0; k < 4; k++) word = (word << 8) | (at + k < end ? bytes[at + k]! : 0);
  return word >>> 0;
}

function writeWord(bytes: Uint8Array, at: number, word: number): void {
  bytes[at] = word >>> 24;
  bytes[at + 1] = (word >>> 16) & 0xff;
  bytes[at + 2] = (word >>> 8) & 0xff;
  bytes[at + 3] = word & 0xff;
}
