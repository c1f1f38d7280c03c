import { randomInt as cryptoRandomInt } from "node:crypto";
import type { Rng } from "~/domain/contest/random";

/**
 * An Rng for codes that must not be guessable (blind codes): 48 bits from the operating
 * system's generator per draw, scaled into [0, 1) like Math.random.
 */
export const cryptoRng: Rng = () => cryptoRandomInt(0, 2 ** 48 - 1) / 2 ** 48;
