import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, renderGaps } from "~/test/rule-messages";
import {
  EVENT_MODES,
  EVENT_PROBLEM_CODES,
  PART_KINDS,
  ROUND_STAGES,
  validateEvent,
  type EventDefinition,
} from "./events";

const cnc: EventDefinition = {
  code: "CNC",
  name: "数控车工",
  mode: "individual",
  quotaPerOrg: 3,
  overallCap: 60,
  tradeCodes: ["6-18-01-01"],
  eligibility: {
    minAge: 18,
    maxAge: 55,
    minSkillLevel: "senior",
    unionMemberRequired: true,
    tradeMustMatch: true,
  },
  rounds: [
    { stage: "preliminary", advanceCount: 20, parts: [{ kind: "theory", weight: 100 }] },
    {
      stage: "final",
      parts: [
        { kind: "theory", weight: 30 },
        { kind: "practical", weight: 70 },
      ],
    },
  ],
};

const relay: EventDefinition = {
  code: "ELEC4",
  name: "电工团体赛",
  mode: "team",
  team: { minSize: 3, maxSize: 4, substitutes: 1 },
  quotaPerOrg: 1,
  overallCap: null,
  eligibility: {},
  rounds: [{ stage: "final", parts: [{ kind: "practical", weight: 100 }] }],
};

const codes = (e: EventDefinition) => validateEvent(e).map((p) => p.code);

describe("validateEvent", () => {
  it("accepts well-formed individual and team events", () => {
    expect(validateEvent(cnc)).toEqual([]);
    expect(validateEvent(relay)).toEqual([]);
  });
  it("checks code and name", () => {
    expect(validateEvent({ ...cnc, code: "cnc-1", name: " " })).toEqual([
      { code: "event_code_invalid", params: { code: "cnc-1" } },
      { code: "event_name_missing", params: {} },
    ]);
  });
  it("needs team sizes for team events and checks them", () => {
    expect(codes({ ...relay, team: null })).toEqual(["event_team_rules_missing"]);
    expect(validateEvent({ ...relay, team: { minSize: 4, maxSize: 3, substitutes: -1 } })).toEqual([
      { code: "event_team_size_invalid", params: { min: 4, max: 3 } },
      { code: "event_team_substitutes_invalid", params: { substitutes: -1 } },
    ]);
    expect(codes({ ...relay, team: { minSize: 1, maxSize: 1, substitutes: 0 } })).toEqual([
      "event_team_size_invalid",
    ]);
    expect(codes({ ...relay, team: { minSize: 2, maxSize: 2, substitutes: 0 } })).toEqual([]);
    // Team rules on an individual event are simply ignored.
    expect(codes({ ...cnc, team: { minSize: 0, maxSize: 0, substitutes: 0 } })).toEqual([]);
  });
  it("checks quota and cap", () => {
    expect(validateEvent({ ...cnc, quotaPerOrg: 0, overallCap: 2.5 })).toEqual([
      { code: "event_quota_invalid", params: { quota: 0 } },
      { code: "event_cap_invalid", params: { cap: 2.5 } },
    ]);
    expect(validateEvent({ ...cnc, quotaPerOrg: 61 })).toEqual([
      { code: "event_quota_exceeds_cap", params: { quota: 61, cap: 60 } },
    ]);
    expect(codes({ ...cnc, quotaPerOrg: 60 })).toEqual([]);
    expect(codes({ ...cnc, quotaPerOrg: null, overallCap: null })).toEqual([]);
  });
  it("checks the age range against the legal working age", () => {
    const withAges = (minAge: number | null, maxAge: number | null) => ({
      ...cnc,
      eligibility: { ...cnc.eligibility, minAge, maxAge },
    });
    expect(validateEvent(withAges(15, 55))).toEqual([
      { code: "event_age_below_legal_minimum", params: { min: 15, legal: 16 } },
    ]);
    expect(codes(withAges(16, 16))).toEqual([]);
    expect(validateEvent(withAges(40, 35))).toEqual([
      { code: "event_age_range_invalid", params: { min: 40, max: 35 } },
    ]);
    expect(validateEvent(withAges(18.5, null))).toEqual([
      { code: "event_age_invalid", params: { age: 18.5 } },
    ]);
    expect(codes(withAges(null, null))).toEqual([]);
  });
  it("needs trades when the trade must match", () => {
    expect(codes({ ...cnc, tradeCodes: [] })).toEqual(["event_trade_codes_missing"]);
    expect(
      codes({
        ...cnc,
        tradeCodes: null,
        eligibility: { ...cnc.eligibility, tradeMustMatch: false },
      }),
    ).toEqual([]);
  });
  it("checks rounds: presence, order, duplicates, a final, advancing numbers", () => {
    expect(codes({ ...cnc, rounds: [] })).toEqual(["event_no_rounds"]);
    const final = { stage: "final" as const, parts: [{ kind: "practical" as const, weight: 100 }] };
    const prelim = {
      stage: "preliminary" as const,
      advanceCount: 10,
      parts: [{ kind: "theory" as const, weight: 100 }],
    };
    expect(validateEvent({ ...cnc, rounds: [final, prelim] })).toEqual([
      { code: "event_round_order", params: { stage: "preliminary" } },
    ]);
    expect(validateEvent({ ...cnc, rounds: [prelim, prelim, final] })).toEqual([
      { code: "event_round_duplicate", params: { stage: "preliminary" } },
    ]);
    expect(validateEvent({ ...cnc, rounds: [prelim] })).toEqual([
      { code: "event_final_missing", params: {} },
    ]);
    expect(validateEvent({ ...cnc, rounds: [{ ...prelim, advanceCount: null }, final] })).toEqual([
      { code: "event_round_advance_invalid", params: { stage: "preliminary" } },
    ]);
    expect(
      codes({
        ...cnc,
        rounds: [prelim, { ...prelim, stage: "semi_final", advanceCount: 5 }, final],
      }),
    ).toEqual([]);
  });
  it("checks part weights add up to exactly 100 per round", () => {
    const round = (parts: { kind: "theory" | "practical"; weight: number }[]) => ({
      ...cnc,
      rounds: [{ stage: "final" as const, parts }],
    });
    expect(
      validateEvent(
        round([
          { kind: "theory", weight: 30 },
          { kind: "practical", weight: 60 },
        ]),
      ),
    ).toEqual([{ code: "event_part_weights_sum", params: { stage: "final", sum: 90 } }]);
    expect(
      validateEvent(
        round([
          { kind: "theory", weight: 0 },
          { kind: "practical", weight: 100 },
        ]),
      ),
    ).toEqual([
      { code: "event_part_weight_invalid", params: { stage: "final", part: "theory", weight: 0 } },
    ]);
    expect(
      validateEvent(
        round([
          { kind: "theory", weight: 50 },
          { kind: "theory", weight: 50 },
        ]),
      ),
    ).toEqual([{ code: "event_part_duplicate", params: { stage: "final", part: "theory" } }]);
    expect(validateEvent(round([]))).toEqual([
      { code: "event_round_no_parts", params: { stage: "final" } },
    ]);
    expect(
      codes(
        round([
          { kind: "theory", weight: 20 },
          { kind: "practical", weight: 80 },
        ]),
      ),
    ).toEqual([]);
  });
  it("has messages for every code and enum", () => {
    expect(missingMessages(EVENT_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("event_mode", EVENT_MODES)).toEqual([]);
    expect(missingEnumNames("round_stage", ROUND_STAGES)).toEqual([]);
    expect(missingEnumNames("part_kind", PART_KINDS)).toEqual([]);
    const bad: EventDefinition = {
      code: "x",
      name: "",
      mode: "team",
      team: { minSize: 1, maxSize: 0, substitutes: -1 },
      quotaPerOrg: 5,
      overallCap: 2,
      eligibility: { minAge: 14, maxAge: 12, tradeMustMatch: true },
      rounds: [
        {
          stage: "final",
          parts: [
            { kind: "theory", weight: 0 },
            { kind: "theory", weight: 10 },
          ],
        },
        { stage: "preliminary", parts: [] },
        { stage: "preliminary", parts: [{ kind: "practical", weight: 100 }] },
      ],
    };
    const problems = [
      ...validateEvent(bad, { theoryCapPct: 5 }),
      ...validateEvent({ ...bad, team: null, rounds: [], quotaPerOrg: -1, overallCap: 0 }),
    ];
    problems.push(
      ...validateEvent({
        ...cnc,
        eligibility: { minAge: 1.5 },
        rounds: [{ stage: "preliminary", parts: [] }],
      }),
    );
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(EVENT_PROBLEM_CODES));
    expect(renderGaps(problems)).toEqual([]);
  });
});
