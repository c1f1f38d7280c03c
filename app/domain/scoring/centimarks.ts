// Exact integer arithmetic for marks. Everything that can round goes through
// `divRoundHalfUp` / `ratioRoundHalfUp`, so there is exactly one rounding rule
// in the module and it never depends on binary floating-point fractions.

/** Marks are stored as integer hundredths of a mark: 7.25 marks = 725. */
export type Centimarks = number;

/** Weights are integer basis points: 30% = 3000, the parts of an event sum to 10000. */
export type BasisPoints = number;

export const CENTIMARKS_PER_MARK = 100;
export const BASIS_POINTS_TOTAL = 10_000;

export function isCentimarks(value: unknown): value is Centimarks {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * num/den rounded half-up (ties go towards +∞: 2.5 → 3, −2.5 → −2).
 * `num` and `den` must be integers and `den` > 0. Falls back to BigInt when the
 * intermediate 2·num + den would leave the exactly representable range.
 */
export function divRoundHalfUp(num: number, den: number): number {
  if (!Number.isInteger(num) || !Number.isInteger(den) || den <= 0) {
    throw new RangeError(`divRoundHalfUp needs integers and den > 0 (got ${num}/${den})`);
  }
  const n2 = 2 * num + den;
  const d2 = 2 * den;
  if (Number.isSafeInteger(n2) && Number.isSafeInteger(d2) && Number.isSafeInteger(num)) {
    return floorDiv(n2, d2);
  }
  return Number(bigFloorDiv(2n * BigInt(num) + BigInt(den), 2n * BigInt(den)));
}

/**
 * (Π numFactors) / (Π denFactors) rounded half-up, exactly. Products that would
 * exceed 2^53 are carried in BigInt instead of silently losing digits.
 */
export function ratioRoundHalfUp(
  numFactors: readonly number[],
  denFactors: readonly number[],
): number {
  let num = 1;
  let den = 1;
  let safe = true;
  for (const f of numFactors) {
    num *= f;
    if (!Number.isSafeInteger(num)) safe = false;
  }
  for (const f of denFactors) {
    den *= f;
    if (!Number.isSafeInteger(den)) safe = false;
  }
  if (safe && Number.isSafeInteger(2 * num + den)) return divRoundHalfUp(num, den);
  let bn = 1n;
  let bd = 1n;
  for (const f of numFactors) bn *= BigInt(f);
  for (const f of denFactors) bd *= BigInt(f);
  if (bd <= 0n) throw new RangeError("ratioRoundHalfUp needs a positive denominator");
  return Number(bigFloorDiv(2n * bn + bd, 2n * bd));
}

// Float division of two safe integers can land on the wrong side of an
// integer when the quotient is huge, so the remainder check corrects it.
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q -= 1;
  else if (r >= b) q += 1;
  return q;
}

function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** 725 → "7.25", −5 → "-0.05". Decimal point and digits are the same in zh and en. */
export function formatCentimarks(value: Centimarks): string {
  if (!Number.isInteger(value)) return String(value);
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  const whole = Math.floor(abs / CENTIMARKS_PER_MARK);
  const frac = abs % CENTIMARKS_PER_MARK;
  return `${sign}${whole}.${frac.toString().padStart(2, "0")}`;
}

/**
 * Parses what a judge types ("7", "7.5", "7.25") into centimarks without going
 * through a float, so "0.29" is 29 and never 28.999…. More than two decimals,
 * signs or exponents are rejected (null) rather than rounded behind the judge's back.
 */
export function parseCentimarks(text: string): Centimarks | null {
  const m = /^\s*(\d{1,12})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = (m[2] ?? "").padEnd(2, "0");
  const value = whole * CENTIMARKS_PER_MARK + Number(frac);
  return Number.isSafeInteger(value) ? value : null;
}

/** 3000 → "30", 3333 → "33.33", 3350 → "33.5" (a percentage without the % sign). */
export function formatBasisPoints(bp: BasisPoints): string {
  if (!Number.isInteger(bp)) return String(bp / 100);
  const sign = bp < 0 ? "-" : "";
  const abs = Math.abs(bp);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${frac.toString().padStart(2, "0").replace(/0$/, "")}`;
}

/** 30 → 3000, 33.33 → 3333. Rounds to the nearest basis point. */
export function percentToBasisPoints(percent: number): BasisPoints {
  return Math.round(percent * 100);
}
