import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "~/env.server";
import { idNumber } from "~/test/registration-factories";
import {
  IdNumberSealer,
  decryptIdNumber,
  hashIdNumber,
  sealIdNumbers,
} from "./id-number-crypto.server";

const key = Buffer.from(env.ID_NUMBER_KEY, "hex");

describe("sealIdNumbers", () => {
  it("stores what encryptIdNumber and hashIdNumber would, each with its own IV", () => {
    const ids = [idNumber("19800101", 11), idNumber("19900202", 12), idNumber("19800101", 11)];
    const sealed = sealIdNumbers(ids);
    expect(sealed.map((s) => decryptIdNumber(s.cipher))).toEqual(ids);
    expect(sealed.map((s) => s.hash)).toEqual(ids.map(hashIdNumber));
    // The same number twice: equal hashes (duplicates are found), different ciphertexts.
    expect(sealed[0]?.cipher).not.toBe(sealed[2]?.cipher);
    const ivs = new Set(
      sealed.map((s) => Buffer.from(s.cipher, "base64").subarray(0, 12).toString("hex")),
    );
    expect(ivs.size).toBe(3);
  });

  it("hashes an ID number whatever the case of its check character", () => {
    const ids = ["11010519491231002X", "11010519491231002x"];
    const [upper, lower] = sealIdNumbers(ids);
    expect(upper?.hash).toBe(lower?.hash);
    expect(upper?.hash).toBe(hashIdNumber("11010519491231002X"));
    // Each is stored as it was given, as encryptIdNumber stores it.
    expect([upper, lower].map((s) => decryptIdNumber(s!.cipher))).toEqual(ids);
  });

  it("stores base64 of iv‖tag‖ciphertext, for 18-byte numbers and any other text alike", () => {
    // Most rows are sealed in one shared buffer; text of another length takes the general
    // path. Both must come out in encryptIdNumber's format, each row with its own IV.
    const ids = [idNumber("19800101", 11), "110105491231002", "１１０１０５ 身份证", "", "X"];
    const sealed = sealIdNumbers([...ids, ...ids]);
    expect(sealed.map((s) => decryptIdNumber(s.cipher))).toEqual([...ids, ...ids]);
    expect(sealed.map((s) => s.hash)).toEqual([...ids, ...ids].map(hashIdNumber));
    for (const [i, s] of sealed.entries()) {
      const raw = Buffer.from(s.cipher, "base64");
      expect(raw.toString("base64")).toBe(s.cipher);
      expect(raw.length).toBe(28 + Buffer.byteLength(ids[i % ids.length]!, "utf8"));
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const body = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      expect(body.toString("utf8")).toBe(ids[i % ids.length]);
    }
    const ivs = new Set(sealed.map((s) => Buffer.from(s.cipher, "base64").toString("hex", 0, 12)));
    expect(ivs.size).toBe(sealed.length);
  });

  it("seals as node:crypto's AES-256-GCM does with the same IV, byte for byte", () => {
    // The sealer computes GCM from one AES call per chunk (ghash.ts): each row must be exactly
    // what createCipheriv gives, for canonical numbers and for 18 characters that are not 18
    // bytes (the general path).
    const ids = [
      ...Array.from({ length: 500 }, (_, i) => idNumber("19800101", i % 1000)),
      "11010519491231002x",
      "１１０１０５１９４９１２３１００２Ｘ",
      "身份证号码身份证号码身份证号码身份证号",
    ];
    const sealer = new IdNumberSealer(ids.length);
    for (const id of ids) {
      const raw = Buffer.from(sealer.cipher(id), "base64");
      const cipher = createCipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      const body = Buffer.concat([cipher.update(id, "utf8"), cipher.final()]);
      expect(raw.subarray(12).toString("hex"), id).toBe(
        Buffer.concat([cipher.getAuthTag(), body]).toString("hex"),
      );
    }
  });

  it("seals an empty list", () => {
    expect(sealIdNumbers([])).toEqual([]);
  });

  it("seals as many numbers as its sealer was made for, and no more", () => {
    // Each number's IV comes from the sealer's one random fill; a number past its count would
    // have none of its own.
    const id = idNumber("19800101", 11);
    const sealer = new IdNumberSealer(2);
    const ciphers = [sealer.cipher(id), sealer.cipher(id)];
    expect(ciphers.map(decryptIdNumber)).toEqual([id, id]);
    expect(ciphers[0]).not.toBe(ciphers[1]);
    expect(() => sealer.cipher(id)).toThrow(RangeError);
    expect(sealer.hash(id)).toBe(hashIdNumber(id));
  });
});

describe("hashIdNumber", () => {
  it("is the first 128 bits of the keyed HMAC, as the migration shortened stored hashes", () => {
    // 20261201012700_short_id_number_hash keeps the first 32 hex digits of each stored
    // 64-digit HMAC: a number hashed now must find the row hashed before the migration.
    const id = idNumber("19800101", 11);
    const full = createHmac("sha256", Buffer.from(env.ID_NUMBER_KEY, "hex"))
      .update(id)
      .digest("hex");
    expect(hashIdNumber(id)).toBe(full.slice(0, 32));
    expect(hashIdNumber(id)).toMatch(/^[0-9a-f]{32}$/);
  });

  it("is the same HMAC of the upper-cased text where node:crypto computes it", () => {
    // Not ASCII, or too long for one block (hmac-sha256.ts): node:crypto's HMAC; a lower-case x.
    const key = Buffer.from(env.ID_NUMBER_KEY, "hex");
    for (const text of ["11010519491231002Ｘ", "1".repeat(60), "11010519491231002x"]) {
      const full = createHmac("sha256", key).update(text.toUpperCase()).digest("hex");
      expect(hashIdNumber(text)).toBe(full.slice(0, 32));
    }
  });
});
