import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { gcmTag, ghashTables } from "./ghash";

/** One AES block of `key` in ECB, as the sealer takes its counter blocks. */
function aesBlock(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/** A message's tag through gcmTag: H = AES(K, 0¹²⁸), mask = AES(K, IV‖1). */
function tagOf(key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  const tables = ghashTables(aesBlock(key, Buffer.alloc(16)));
  const j0 = Buffer.concat([iv, Buffer.from([0, 0, 0, 1])]);
  // The ciphertext sits inside a larger buffer, as a sealed row does.
  const data = Buffer.concat([randomBytes(5), ciphertext, randomBytes(7)]);
  const out = Buffer.alloc(20);
  gcmTag(tables, data, 5, ciphertext.length, aesBlock(key, j0), 0, out, 2);
  return out.subarray(2, 18);
}

describe("gcmTag", () => {
  it("gives NIST's tag for the zero key and one zero block (SP 800-38D test case 2)", () => {
    const key = Buffer.alloc(16);
    const ciphertext = Buffer.from("0388dace60b6a392f328c2b971b2fe78", "hex");
    expect(aesBlock(key, Buffer.alloc(16)).toString("hex")).toBe(
      "66e94bd4ef8a2c3b884cfa59ca342b2e",
    );
    expect(tagOf(key, Buffer.alloc(12), ciphertext).toString("hex")).toBe(
      "ab6e47d42cec13bdf53a67b21257bddf",
    );
  });

  it("gives node:crypto's AES-256-GCM tag for every length from 0 to 80 bytes", () => {
    for (let length = 0; length <= 80; length++) {
      const key = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(randomBytes(length)), cipher.final()]);
      expect(tagOf(key, iv, ciphertext).toString("hex"), `length ${length}`).toBe(
        cipher.getAuthTag().toString("hex"),
      );
    }
  });

  it("takes the hash key as one block", () => {
    expect(() => ghashTables(new Uint8Array(15))).toThrow(RangeError);
  });
});
