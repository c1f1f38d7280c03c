/**
 * Check-character algorithms shared by identifiers across the domain (ID numbers, blind
 * codes, certificate serials). Kept apart from the identifiers so each is testable alone.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = "10X98765432";

/**
 * ISO 7064 MOD 11-2 as used by GB 11643-1999. The weights are 2^(18-i) mod 11, and the
 * table maps (sum mod 11) straight to the check character. Expects 17 ASCII digits.
 */
export function iso7064Mod11_2(first17: string): string {
  if (first17.length !== 17) throw new RangeError("Expected 17 digits");
  for (let i = 0; i < 17; i++) {
    const digit = first17.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) throw new RangeError("Expected 17 digits");
  }
  return idCheckCharOf(first17);
}

/**
 * The MOD 11-2 check character of the first 17 characters of `id`, which the caller has
 * checked are ASCII digits (parseIdNumber): the number is not sliced to its first 17 and
 * checked again, as a roster import checks a million.
 */
export function idCheckCharOf(id: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? "";
}

/**
 * Luhn mod N over an arbitrary alphabet: catches every single mistyped character and every
 * swap of two adjacent characters except the pair (alphabet[0], alphabet[N-1]).
 * Returns null when `input` has characters outside the alphabet.
 */
export function luhnModNCheckChar(input: string, alphabet: string): string | null {
  const n = alphabet.length;
  let factor = 2;
  let sum = 0;
  for (let i = input.length - 1; i >= 0; i--) {
    const codePoint = alphabet.indexOf(input[i] ?? "");
    if (codePoint < 0) return null;
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return alphabet[(n - (sum % n)) % n] ?? null;
}

/** True when the last character of `value` is the Luhn mod N check for the rest. */
export function luhnModNIsValid(value: string, alphabet: string): boolean {
  if (value.length < 2) return false;
  const expected = luhnModNCheckChar(value.slice(0, -1), alphabet);
  return expected !== null && expected === value.slice(-1);
}
