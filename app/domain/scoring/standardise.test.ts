import { describe, expect, it } from "vitest";
import {
  formatStandardised,
  standardisationBasis,
  standardisedDecimals,
  standardisedUnits,
  standardiseScore,
  standardiseScores,
} from "./standardise";

describe("standardised score = 700 + 100 × (x − median) / (1.4826 × MAD)", () => {
  it("60, 70, 80, 90, 100: median 80.00, MAD 10.00; 100 → 700 + 100×20/14.826 = 834.9 → 835", () => {
    const { basis, scores } = standardiseScores([6000, 7000, 8000, 9000, 10000]);
    expect(basis).toMatchObject({ count: 5, median: 8000, mad: 1000, spread: { kind: "mad" } });
    // 60 → 700 − 134.9 = 565.1 → 565; 70 → 700 − 67.45 = 632.55 → 633
    expect(scores).toEqual([565, 633, 700, 767, 835]);
  });

  it("even count: 70.00 70.01 80.00 80.03 → median 75.005, MAD (4.995 + 5.005)/2 = 5.00", () => {
    const basis = standardisationBasis([8003, 7000, 8000, 7001]);
    expect(basis.median).toBe(7500.5);
    expect(basis.mad).toBe(500);
    // 80.03: 700 + 100 × 5.025 / (1.4826 × 5.00) = 700 + 67.78 = 767.78 → 768
    expect(standardiseScore(8003, basis)).toBe(768);
    // 70.00: 700 − 100 × 5.005 / 7.413 = 700 − 67.52 = 632.48 → 632
    expect(standardiseScore(7000, basis)).toBe(632);
  });

  it("does not depend on the order of the totals", () => {
    expect(standardisationBasis([10000, 6000, 9000, 7000, 8000])).toEqual(
      standardisationBasis([6000, 7000, 8000, 9000, 10000]),
    );
  });
});

describe("MAD = 0 fallbacks", () => {
  it("majority equal: five on 80.00, one 70.00, one 95.00 → mean absolute deviation 25.00/7", () => {
    const { basis, scores } = standardiseScores([8000, 8000, 8000, 8000, 8000, 7000, 9500]);
    expect(basis.mad).toBe(0);
    expect(basis.spread).toEqual({ kind: "mean_absolute_deviation" });
    expect(basis.meanAbsoluteDeviation).toBeCloseTo(2500 / 7, 9);
    // scale = 1.2533 × 357.14 = 447.61
    // 95.00 → 700 + 100 × 1500 / 447.61 = 700 + 335.11 → 1035
    // 70.00 → 700 − 100 × 1000 / 447.61 = 700 − 223.41 = 476.59 → 477
    expect(scores).toEqual([700, 700, 700, 700, 700, 477, 1035]);
  });

  it("all equal: everyone gets 700", () => {
    const { basis, scores } = standardiseScores([8000, 8000, 8000]);
    expect(basis.spread).toEqual({ kind: "none" });
    expect(scores).toEqual([700, 700, 700]);
  });

  it("a single entrant gets 700; an empty field has no scores", () => {
    expect(standardiseScores([5000]).scores).toEqual([700]);
    expect(standardiseScores([]).scores).toEqual([]);
  });
});

describe("clamping to 0 … 1400", () => {
  it("nine on 80.00 and one on 0.00: 700 − 100 × 80 / (1.2533 × 8.00) = −98 → 0", () => {
    expect(standardiseScores([...Array<number>(9).fill(8000), 0]).scores.at(-1)).toBe(0);
  });

  it("nine on 80.00 and one on 100.00: 700 + 797.9 = 1498 → 1400", () => {
    expect(standardiseScores([...Array<number>(9).fill(8000), 10000]).scores.at(-1)).toBe(1400);
  });
});

describe("scale", () => {
  it("handles 200,001 entrants exactly (integer arithmetic, no drift)", () => {
    const totals = Array.from({ length: 200_001 }, (_, i) => i % 10001);
    const { basis, scores } = standardiseScores(totals);
    expect(basis.median).toBe(5000);
    expect(scores[5000]).toBe(700);
    // symmetric uniform field: equal distances above and below the median mirror exactly
    expect(scores[10000]! - 700).toBe(700 - scores[0]!);
  });
});

describe("decimals: distinct totals keep distinct scores", () => {
  it("whole points when the spread is narrow enough (one centimark moves the score ≥ 1 point)", () => {
    const totals = [7000, 7001, 7002, 7003, 7004];
    const { decimals, scores } = standardiseScores(totals);
    expect(decimals).toBe(0);
    expect(new Set(scores).size).toBe(totals.length);
  });

  it("80.00 and 80.01 on a wide field: whole points tie them, one decimal does not", () => {
    const totals = [5000, 6000, 7000, 8000, 8001, 9000, 10000];
    const basis = standardisationBasis(totals);
    expect(standardiseScore(8000, basis)).toBe(standardiseScore(8001, basis));
    expect(standardisedDecimals(totals, basis)).toBe(1);
    const { scores } = standardiseScores(totals);
    // 700 + 100 × 0.01 / (1.4826 × 10.00) = 700.067… → 700.1
    expect(scores.slice(3, 5)).toEqual([700, 700.1]);
  });

  it("keeps the raw order for every pair of distinct totals (property, seeded)", () => {
    for (const seed of [1, 7, 99]) {
      let x = seed;
      const next = () => ((x = (x * 1103515245 + 12345) % 2147483648), x);
      const totals = Array.from({ length: 400 }, () => next() % 10001);
      const { scores } = standardiseScores(totals);
      const byTotal = totals.map((t, i) => [t, scores[i]!] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < byTotal.length; i++) {
        const [t0, s0] = byTotal[i - 1]!;
        const [t1, s1] = byTotal[i]!;
        if (t1 > t0 && s1 > 0 && s1 < 1400 && s0 > 0) expect(s1).toBeGreaterThan(s0);
      }
    }
  });

  it("formats the stored ten-thousandths with the event's decimals", () => {
    expect(standardisedUnits(700.1)).toBe(7001000);
    expect(formatStandardised(7001000, 1)).toBe("700.1");
    expect(formatStandardised(7120000, 0)).toBe("712");
    expect(formatStandardised(null, 2)).toBe("—");
  });
});
