import { describe, expect, it } from "vitest";
import { honourRatios, strictestShareRules, type HonouredPerson } from "./ratios";

const person = (p: Partial<HonouredPerson> = {}): HonouredPerson => ({
  frontLine: true,
  manager: false,
  female: false,
  migrant: false,
  ...p,
});

describe("honour ratio checks", () => {
  it("give each attribute's share and check the rounds' strictest share rules", () => {
    const people = [
      person({ female: true }),
      person({ migrant: true }),
      person({ frontLine: false, manager: true }),
      person({ migrant: null }),
    ];
    const { shares, checks } = honourRatios(people, [
      { kind: "min_share", attribute: "front_line", percent: 60 },
      { kind: "min_share", attribute: "front_line", percent: 80 },
      { kind: "max_share", attribute: "manager", percent: 30 },
      { kind: "max_total", max: 10 },
    ]);
    expect(shares).toEqual([
      { attribute: "front_line", count: 3, total: 4, share: 7500 },
      { attribute: "manager", count: 1, total: 4, share: 2500 },
      { attribute: "female", count: 1, total: 4, share: 2500 },
      // Recorded for three of the four.
      { attribute: "migrant_worker", count: 1, total: 3, share: 3333 },
    ]);
    expect(checks.map((c) => [c.rule.kind, c.status])).toEqual([
      ["min_share", "warn"],
      ["max_share", "pass"],
    ]);
  });

  it("fall back to the platform defaults when no round set share rules", () => {
    const { checks } = honourRatios([person({ frontLine: false, manager: true })], []);
    expect(checks.map((c) => [c.rule.kind, c.status])).toEqual([
      ["min_share", "warn"],
      ["max_share", "warn"],
    ]);
    expect(strictestShareRules([{ kind: "max_total", max: 3 }])).toEqual([]);
  });
});
