import { describe, expect, it } from "vitest";
import {
  combineParts,
  partContribution,
  validateEvent,
  type EventDefinition,
  type EventPart,
} from "./parts";

const part = (id: string, weightBp: number, fullMark = 10000): EventPart => ({
  id,
  code: id,
  weightBp,
  fullMark,
  scheme: {
    criteria: [
      { id: `${id}-c`, code: `${id.toUpperCase()}1`, maxMark: fullMark, type: "judgement" },
    ],
  },
});

const event30_70: EventDefinition = {
  fullMark: 10000,
  defaultAggregation: "mean",
  parts: [part("theory", 3000), part("practical", 7000)],
};

describe("part weighting", () => {
  it("theory 85.50 × 30% = 25.65, practical 91.25 × 70% = 63.875 → 63.88; total 89.53", () => {
    const { parts, total } = combineParts(event30_70, { theory: 8550, practical: 9125 });
    expect(parts.map((p) => p.contribution)).toEqual([2565, 6388]);
    expect(total).toBe(8953);
  });

  it("the total is the sum of the rounded contributions, so receipts add up", () => {
    // 33.33 × 30% = 9.999 → 10.00 ; 33.33 × 70% = 23.331 → 23.33 ; total 33.33
    const { parts, total } = combineParts(event30_70, { theory: 3333, practical: 3333 });
    expect(parts.map((p) => p.contribution)).toEqual([1000, 2333]);
    expect(total).toBe(3333);
  });

  it("normalises parts with different full marks: 43.21/50.00 × 30% × 100.00 = 25.926 → 25.93", () => {
    expect(partContribution(4321, 5000, 3000, 10000)).toBe(2593);
    // 120.00/150.00 × 70% × 100.00 = 56.00 exactly
    expect(partContribution(12000, 15000, 7000, 10000)).toBe(5600);
  });

  it("leaves the total open while any part is incomplete", () => {
    const { parts, total } = combineParts(event30_70, { theory: 8000, practical: null });
    expect(parts[0]?.contribution).toBe(2400);
    expect(parts[1]?.contribution).toBeNull();
    expect(total).toBeNull();
  });

  it("a single part at 100% passes its total straight through", () => {
    const single: EventDefinition = {
      fullMark: 10000,
      defaultAggregation: "mean",
      parts: [part("all", 10000)],
    };
    expect(combineParts(single, { all: 8765 }).total).toBe(8765);
  });
});

describe("validateEvent", () => {
  it("accepts 30/70", () => {
    expect(validateEvent(event30_70)).toEqual([]);
  });

  it("requires weights to sum to 100% (30% + 60% = 90%)", () => {
    const e = { ...event30_70, parts: [part("theory", 3000), part("practical", 6000)] };
    expect(validateEvent(e)).toEqual([{ code: "part_weights_sum", params: { sum: "90" } }]);
  });

  it("rejects zero or fractional weights, duplicate parts and criteria shared between parts", () => {
    const clash = { ...part("b", 5000), scheme: part("a", 5000).scheme };
    const problems = validateEvent({
      ...event30_70,
      parts: [part("a", 5000), clash, part("a", 0), part("c", 0.5)],
    });
    expect(problems).toContainEqual({ code: "criterion_duplicate_id", params: { id: "a-c" } });
    expect(problems).toContainEqual({ code: "part_duplicate_id", params: { part: "a" } });
    expect(problems).toContainEqual({
      code: "part_weight_invalid",
      params: { part: "a", weight: "0" },
    });
    expect(problems).toContainEqual({
      code: "part_weight_invalid",
      params: { part: "c", weight: "0.005" },
    });
  });

  it("validates each part's scheme against that part's full mark", () => {
    const bad = { ...part("theory", 3000), fullMark: 5000 };
    expect(validateEvent({ ...event30_70, parts: [bad, part("practical", 7000)] })).toEqual([
      { code: "scheme_total_mismatch", params: { total: "100.00", fullMark: "50.00" } },
    ]);
  });

  it("reports an event without parts or with a bad full mark", () => {
    expect(validateEvent({ fullMark: -1, defaultAggregation: "mean", parts: [] })).toEqual([
      { code: "event_full_mark_invalid", params: { fullMark: "-0.01" } },
      { code: "event_no_parts", params: {} },
    ]);
  });
});
