import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, renderGaps } from "~/test/rule-messages";
import type { NominationState } from "./states";
import {
  NOMINEE_ATTRIBUTES,
  ROUND_RULE_PROBLEM_CODES,
  allRulesPass,
  evaluateRoundRules,
  type NominationForRules,
  type NomineeAttribute,
} from "./ratio-rules";

let seq = 0;
function nominees(
  count: number,
  attributes: NomineeAttribute[],
  organisationId = "org1",
  state: NominationState = "accepted",
): NominationForRules[] {
  return Array.from({ length: count }, () => ({
    id: `n${++seq}`,
    organisationId,
    state,
    attributes,
  }));
}

const frontLine60 = { kind: "min_share", attribute: "front_line", percent: 60 } as const;
const managers15 = { kind: "max_share", attribute: "manager", percent: 15 } as const;

describe("evaluateRoundRules", () => {
  it("passes exactly 60 % front-line workers and exactly 15 % managers", () => {
    // 20 nominees: 12 front-line (60 %), 3 managers (15 %), 5 others.
    const list = [...nominees(12, ["front_line"]), ...nominees(3, ["manager"]), ...nominees(5, [])];
    const [front, managers] = evaluateRoundRules([frontLine60, managers15], list);
    expect(front).toMatchObject({
      status: "pass",
      actual: 6000,
      required: 6000,
      count: 12,
      total: 20,
      problems: [],
    });
    expect(managers).toMatchObject({
      status: "pass",
      actual: 1500,
      required: 1500,
      count: 3,
      total: 20,
      problems: [],
    });
  });
  it("warns one nominee either side of the line", () => {
    const list = [...nominees(11, ["front_line"]), ...nominees(4, ["manager"]), ...nominees(5, [])];
    const [front, managers] = evaluateRoundRules([frontLine60, managers15], list);
    expect(front).toMatchObject({
      status: "warn",
      actual: 5500,
      problems: [
        {
          code: "round_rule_min_share",
          params: { attribute: "front_line", required: 60, actual: 55 },
        },
      ],
    });
    expect(managers).toMatchObject({
      status: "warn",
      actual: 2000,
      problems: [
        {
          code: "round_rule_max_share",
          params: { attribute: "manager", required: 15, actual: 20 },
        },
      ],
    });
  });
  it("rounds shown shares towards the failing side", () => {
    // 2 of 3 = 66.666…% front-line: shown as 66.66; 1 of 7 = 14.2857…% managers: shown as 14.29.
    const [front] = evaluateRoundRules(
      [frontLine60],
      [...nominees(2, ["front_line"]), ...nominees(1, [])],
    );
    expect(front?.actual).toBe(6666);
    const [managers] = evaluateRoundRules(
      [managers15],
      [...nominees(1, ["manager"]), ...nominees(6, [])],
    );
    expect(managers).toMatchObject({ actual: 1429, status: "pass" });
    // 5 of 9 = 55.55…% front-line: shown as 55.55 and warned.
    const [nine] = evaluateRoundRules(
      [frontLine60],
      [...nominees(5, ["front_line"]), ...nominees(4, [])],
    );
    expect(nine).toMatchObject({ status: "warn", actual: 5555 });
  });
  it("ignores rejected and withdrawn nominations", () => {
    const list = [
      ...nominees(3, ["front_line"]),
      ...nominees(2, [], "org1", "rejected"),
      ...nominees(5, [], "org1", "withdrawn"),
    ];
    expect(evaluateRoundRules([frontLine60], list)[0]).toMatchObject({ status: "pass", total: 3 });
  });
  it("checks the total quota at its edge", () => {
    expect(evaluateRoundRules([{ kind: "max_total", max: 3 }], nominees(3, []))[0]).toMatchObject({
      status: "pass",
      actual: 3,
      required: 3,
    });
    expect(evaluateRoundRules([{ kind: "max_total", max: 3 }], nominees(4, []))[0]).toMatchObject({
      status: "warn",
      problems: [{ code: "round_rule_max_total", params: { max: 3, count: 4 } }],
    });
  });
  it("checks per-organisation quotas, with allocated overrides", () => {
    const list = [
      ...nominees(2, [], "a"),
      ...nominees(3, [], "b").map((n) => ({ ...n, organisationName: "乙公司" })),
      ...nominees(4, [], "c"),
    ];
    const [result] = evaluateRoundRules(
      [{ kind: "max_per_organisation", max: 2, overrides: { c: 4 } }],
      list,
    );
    expect(result).toMatchObject({
      status: "warn",
      actual: 3,
      required: 2,
      problems: [
        {
          code: "round_rule_max_per_organisation",
          params: { organisation: "乙公司", max: 2, count: 3 },
        },
      ],
    });
    expect(
      evaluateRoundRules(
        [{ kind: "max_per_organisation", max: null, overrides: { c: 4 } }],
        list,
      )[0]?.status,
    ).toBe("pass");
  });
  it("passes everything with no nominations yet", () => {
    const results = evaluateRoundRules(
      [
        frontLine60,
        managers15,
        { kind: "max_total", max: 1 },
        { kind: "max_per_organisation", max: 1 },
      ],
      [],
    );
    expect(results.map((r) => r.status)).toEqual(["pass", "pass", "pass", "pass"]);
    expect(allRulesPass(results)).toBe(true);
  });
  it("has messages and display names", () => {
    expect(missingMessages(ROUND_RULE_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("nominee_attribute", NOMINEE_ATTRIBUTES)).toEqual([]);
    const results = evaluateRoundRules(
      [
        frontLine60,
        managers15,
        { kind: "max_total", max: 1 },
        { kind: "max_per_organisation", max: 1 },
      ],
      [...nominees(2, ["manager"], "x")],
    );
    const problems = results.flatMap((r) => r.problems);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(ROUND_RULE_PROBLEM_CODES));
    expect(renderGaps(problems)).toEqual([]);
  });
});
