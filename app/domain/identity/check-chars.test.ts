import { describe, expect, it } from "vitest";
import { idCheckCharOf, iso7064Mod11_2, luhnModNCheckChar, luhnModNIsValid } from "./check-chars";

describe("iso7064Mod11_2", () => {
  it("matches the worked example of GB 11643-1999", () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → "X"
    expect(iso7064Mod11_2("11010519491231002")).toBe("X");
  });
  it("refuses anything but 17 digits", () => {
    expect(() => iso7064Mod11_2("1101051949123100")).toThrow(RangeError);
    expect(() => iso7064Mod11_2("1101051949123100A")).toThrow(RangeError);
  });
  it("is the check character of a whole number's first 17 digits (idCheckCharOf)", () => {
    expect(idCheckCharOf("11010519491231002X")).toBe("X");
    // Every check character turns up among a few thousand pseudo-random numbers.
    const seen = new Set<string>();
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let first17 = "";
      for (let i = 0; i < 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        first17 += String(Math.floor(seed / 65536) % 10);
      }
      expect(idCheckCharOf(`${first17}?`)).toBe(iso7064Mod11_2(first17));
      seen.add(iso7064Mod11_2(first17));
    }
    expect(seen.size).toBe(11);
  });
});

describe("Luhn mod N", () => {
  it("reduces to the classic Luhn digit over 0-9", () => {
    expect(luhnModNCheckChar("7992739871", "0123456789")).toBe("3");
    expect(luhnModNIsValid("79927398713", "0123456789")).toBe(true);
    expect(luhnModNIsValid("79927398710", "0123456789")).toBe(false);
  });
  it("matches the textbook base-6 example (abcdef → e)", () => {
    expect(luhnModNCheckChar("abcdef", "abcdef")).toBe("e");
  });
  it("returns null for characters outside the alphabet", () => {
    expect(luhnModNCheckChar("AB1", "ABC")).toBeNull();
    expect(luhnModNIsValid("A", "ABC")).toBe(false);
  });
  it("catches every single-character substitution", () => {
    const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    const body = "K7QX3";
    const code = body + luhnModNCheckChar(body, alphabet);
    for (let i = 0; i < code.length; i++) {
      for (const c of alphabet) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(luhnModNIsValid(typo, alphabet), typo).toBe(false);
      }
    }
  });
  it("catches swaps of neighbouring characters", () => {
    const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    const body = "K7QX3";
    const code = body + luhnModNCheckChar(body, alphabet);
    for (let i = 0; i + 1 < code.length; i++) {
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      if (swapped !== code) expect(luhnModNIsValid(swapped, alphabet), swapped).toBe(false);
    }
  });
});
