import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_SHORT_HMAC_BYTES, ShortHmacSha256 } from "./hmac-sha256";

const nodeHex = (key: Uint8Array, text: string) =>
  createHmac("sha256", key).update(text, "utf8").digest("hex");

/** `length` random printable ASCII characters. */
const ascii = (length: number) =>
  String.fromCharCode(...Array.from(randomBytes(length), (byte) => 0x20 + (byte % 0x5f)));

describe("ShortHmacSha256", () => {
  it("gives RFC 4231's HMAC-SHA-256 for its test case 2 (key 'Jefe')", () => {
    const hmac = new ShortHmacSha256(Buffer.from("Jefe"));
    expect(hmac.hex("what do ya want for nothing?", 32)).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("is node:crypto's HMAC for every length it takes, keys of 0 to 64 bytes", () => {
    for (const keyBytes of [0, 1, 16, 31, 32, 33, 63, 64]) {
      const key = randomBytes(keyBytes);
      const hmac = new ShortHmacSha256(key);
      for (let length = 0; length <= MAX_SHORT_HMAC_BYTES; length++) {
        for (let round = 0; round < 4; round++) {
          const text = ascii(length);
          expect(hmac.hex(text, 32), `key ${keyBytes} B, "${text}"`).toBe(nodeHex(key, text));
        }
      }
    }
  });

  it("cuts the MAC to its first bytes, as the roster's keyed hash keeps 16", () => {
    const key = randomBytes(32);
    const hmac = new ShortHmacSha256(key);
    const full = nodeHex(key, "11010519491231002X");
    expect(hmac.hex("11010519491231002X", 16)).toBe(full.slice(0, 32));
    expect(hmac.hex("11010519491231002X", 4)).toBe(full.slice(0, 8));
    // One key's states do not leak into another's.
    const other = randomBytes(32);
    expect(new ShortHmacSha256(other).hex("11010519491231002X", 32)).toBe(
      nodeHex(other, "11010519491231002X"),
    );
    expect(hmac.hex("11010519491231002X", 32)).toBe(full);
  });

  it("leaves to node:crypto what does not fit one block or is not ASCII", () => {
    const hmac = new ShortHmacSha256(randomBytes(32));
    expect(hmac.hex(ascii(MAX_SHORT_HMAC_BYTES + 1), 32)).toBeNull();
    expect(hmac.hex("11010519491231002Ｘ", 32)).toBeNull();
    expect(hmac.hex("é", 32)).toBeNull();
    expect(() => new ShortHmacSha256(randomBytes(65))).toThrow(RangeError);
    expect(() => hmac.hex("1", 6)).toThrow(RangeError);
  });
});
