import { describe, expect, it } from "vitest";
import { missingMessages, renderGaps } from "~/test/rule-messages";
import { REVIEW_PROBLEM_CODES, eligibilityFlags, quotaFlags } from "./review";

describe("quotaFlags", () => {
  const limits = new Map([
    [1, { quotaPerOrg: 2, overallCap: 3 }],
    [2, { quotaPerOrg: null, overallCap: null }],
  ]);

  it("flags the entries beyond a unit's quota and the event's cap, in submission order", () => {
    const queue = [
      { id: 10, eventId: 1, organisationId: 7 },
      { id: 11, eventId: 1, organisationId: 8 },
      { id: 12, eventId: 1, organisationId: 7 },
      { id: 13, eventId: 1, organisationId: 7 },
      { id: 14, eventId: 1, organisationId: 8 },
      { id: 15, eventId: 2, organisationId: 7 },
    ];
    const flags = quotaFlags(queue, limits);
    expect([...flags.keys()]).toEqual([13, 14]);
    expect(flags.get(13)).toEqual([
      { code: "review_beyond_org_quota", params: { position: 3, quota: 2 } },
      { code: "review_beyond_cap", params: { position: 4, cap: 3 } },
    ]);
    expect(flags.get(14)).toEqual([{ code: "review_beyond_cap", params: { position: 5, cap: 3 } }]);
  });

  it("flags nothing within the limits or without them", () => {
    expect(
      quotaFlags(
        [
          { id: 1, eventId: 1, organisationId: 7 },
          { id: 2, eventId: 2, organisationId: 7 },
          { id: 3, eventId: 2, organisationId: 7 },
          { id: 4, eventId: 2, organisationId: 7 },
        ],
        limits,
      ).size,
    ).toBe(0);
  });

  it("has a message for each problem in both languages", () => {
    expect(missingMessages(REVIEW_PROBLEM_CODES)).toEqual([]);
    const problems = [
      ...quotaFlags(
        [1, 2, 3, 4].map((id) => ({ id, eventId: 1, organisationId: 7 })),
        limits,
      ).values(),
    ];
    expect(renderGaps(problems.flat())).toEqual([]);
  });
});

describe("eligibilityFlags", () => {
  const event = {
    eligibility: { minAge: 18, maxAge: 60, minSkillLevel: null, unionMemberRequired: true },
    tradeCodes: [],
  };
  const profile = {
    birthDate: "1990-05-01",
    gender: "male" as const,
    skillLevel: null,
    unionMember: true,
  };

  it("names each team member who breaks a rule, and no one who does not", () => {
    const flags = eligibilityFlags(
      [
        { name: "甲", profile },
        { name: "乙", profile: { ...profile, unionMember: false } },
        { name: "丙", profile: { ...profile, birthDate: "2010-01-01" } },
      ],
      event,
      "2026-12-18",
      true,
    );
    expect(flags).toEqual([
      { code: "not_union_member", params: {}, subject: "乙" },
      { code: "age_out_of_range", params: { min: 18, max: 60, age: 16 }, subject: "丙" },
    ]);
  });

  it("leaves the one worker of an individual entry unnamed", () => {
    expect(
      eligibilityFlags(
        [{ name: "甲", profile: { ...profile, unionMember: false } }],
        event,
        "2026-12-18",
        false,
      ),
    ).toEqual([{ code: "not_union_member", params: {} }]);
  });
});
