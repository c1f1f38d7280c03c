import { randomInt, shuffle, type Rng } from "~/domain/contest/random";
import { luhnModNCheckChar, luhnModNIsValid } from "~/domain/identity/check-chars";

/** 32 symbols: digits and capitals without 0/O and 1/I, which judges misread on paper. */
export const BLIND_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const BLIND_CODE_LENGTH = 6;

/**
 * Codes are five random symbols plus a Luhn mod 32 check symbol. Judges type the code when
 * entering marks; the check symbol turns a slip of one character (or a swap of two
 * neighbours) into a rejected code instead of a mark booked to someone else.
 * 32^5 ≈ 33.5 million codes leave collisions rare even across many contests.
 */
const RANDOM_PART = BLIND_CODE_LENGTH - 1;
const CAPACITY = BLIND_CODE_ALPHABET.length ** RANDOM_PART;

export function normaliseBlindCode(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

export function isValidBlindCode(input: string): boolean {
  const code = normaliseBlindCode(input);
  if (code.length !== BLIND_CODE_LENGTH) return false;
  if ([...code].some((c) => !BLIND_CODE_ALPHABET.includes(c))) return false;
  return luhnModNIsValid(code, BLIND_CODE_ALPHABET);
}

function randomCode(rng: Rng): string {
  let body = "";
  for (let i = 0; i < RANDOM_PART; i++)
    body += BLIND_CODE_ALPHABET[randomInt(rng, BLIND_CODE_ALPHABET.length)];
  return body + (luhnModNCheckChar(body, BLIND_CODE_ALPHABET) ?? "");
}

/**
 * `count` new codes, unique among themselves and against `existing`. Each code is drawn
 * independently, so nothing about a code reveals the entry order. Throws if the Rng keeps
 * repeating itself (a broken generator) rather than looping forever.
 */
export function generateBlindCodes(
  count: number,
  rng: Rng,
  existing: Iterable<string> = [],
): string[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError("count must be a non-negative integer");
  const taken = new Set<string>([...existing].map(normaliseBlindCode));
  if (count > CAPACITY - taken.size) throw new RangeError("Not enough blind codes left");
  const codes: string[] = [];
  const maxAttempts = count * 100 + 1000;
  for (let attempt = 0; codes.length < count; attempt++) {
    if (attempt >= maxAttempts)
      throw new Error("Random generator produced too many repeated codes");
    const code = randomCode(rng);
    if (taken.has(code)) continue;
    taken.add(code);
    codes.push(code);
  }
  return codes;
}

export interface BlindCodeAssignment {
  readonly entryId: string;
  readonly blindCode: string;
}

/**
 * Gives each entry a fresh code. The list comes back sorted by code, not by entry, so the
 * sheet handed to judges or printed on workpieces carries no trace of registration order.
 * Entries are shuffled before pairing as a second guard should the Rng be weak.
 */
export function assignBlindCodes(
  entryIds: readonly string[],
  rng: Rng,
  existing: Iterable<string> = [],
): BlindCodeAssignment[] {
  if (new Set(entryIds).size !== entryIds.length) throw new RangeError("Duplicate entry ids");
  const codes = generateBlindCodes(entryIds.length, rng, existing);
  const shuffled = shuffle(entryIds, rng);
  return shuffled
    .map((entryId, i) => ({ entryId, blindCode: codes[i] ?? "" }))
    .sort((a, b) => (a.blindCode < b.blindCode ? -1 : a.blindCode > b.blindCode ? 1 : 0));
}
