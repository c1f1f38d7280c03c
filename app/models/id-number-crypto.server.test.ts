import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "~/env.server";
import { idNumber } from "~/test/registration-factories";
import { decryptIdNumber, hashIdNumber, sealIdNumbers } from "./id-number-crypto.server";

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
    const [upper, lower] = sealIdNumbers(["11010519491231002X", "11010519491231002x"]);
    expect(upper?.hash).toBe(lower?.hash);
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
});
