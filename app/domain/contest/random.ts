/**
 * Randomness is always injected so draws, shuffles and blind codes are reproducible in
 * tests and auditable in production (store the seed next to the draw).
 * An Rng returns a float in [0, 1), like Math.random.
 */
export type Rng = () => number;

/**
 * mulberry32: tiny, fast and well distributed for shuffling and sampling. It is not a
 * cryptographic generator; when codes must be unguessable, pass an Rng backed by
 * crypto.getRandomValues instead.
 */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n). Guards against an Rng that returns exactly 1. */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError("n must be a positive integer");
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** Fisher–Yates on a copy; the input is left untouched. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/**
 * xoshiro128**, seeded with 128 bits written as 32 hex digits: a draw that records its seed
 * can be repeated by anyone with the same candidates. The seed itself must come from a
 * cryptographic source (node:crypto) so the draw cannot be steered.
 */
export function seededRng128(seedHex: string): Rng {
  if (!/^[0-9a-f]{32}$/i.test(seedHex)) throw new RangeError("seed must be 32 hex digits");
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) s[i] = Number.parseInt(seedHex.slice(i * 8, i * 8 + 8), 16);
  // An all-zero state would stay zero forever.
  if (s[0] === 0 && s[1] === 0 && s[2] === 0 && s[3] === 0) s[0] = 1;
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  return () => {
    const result = rotl(Math.imul(s[1]!, 5) >>> 0, 7);
    const out = Math.imul(result, 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return out / 4294967296;
  };
}
