import { describe, expect, it } from "vitest";
import type { EventDefinition } from "~/domain/contest/events";
import { GENDERS } from "~/domain/identity/id-number";
import { missingEnumNames, missingMessages, renderGaps } from "~/test/rule-messages";
import { ELIGIBILITY_PROBLEM_CODES, checkEligibility, type WorkerProfile } from "./eligibility";

const event: Pick<EventDefinition, "eligibility" | "tradeCodes"> = {
  tradeCodes: ["CNC_TURNER"],
  eligibility: {
    minAge: 18,
    maxAge: 55,
    minSkillLevel: "senior",
    unionMemberRequired: true,
    tradeMustMatch: true,
  },
};
const worker: WorkerProfile = {
  birthDate: "1990-03-07",
  gender: "male",
  skillLevel: "technician",
  unionMember: true,
  tradeCode: "CNC_TURNER",
};
const contestDate = "2026-05-20";

describe("checkEligibility", () => {
  it("passes an eligible worker", () => {
    expect(checkEligibility(worker, event, contestDate)).toEqual([]);
  });
  it("measures age on the contest date, bounds inclusive", () => {
    // Turns 18 on the contest day: eligible. One day short: not.
    expect(checkEligibility({ ...worker, birthDate: "2008-05-20" }, event, contestDate)).toEqual(
      [],
    );
    expect(checkEligibility({ ...worker, birthDate: "2008-05-21" }, event, contestDate)).toEqual([
      { code: "age_out_of_range", params: { min: 18, max: 55, age: 17 } },
    ]);
    // Still 55 the day before the 56th birthday; 56 on it.
    expect(checkEligibility({ ...worker, birthDate: "1970-05-21" }, event, contestDate)).toEqual(
      [],
    );
    expect(checkEligibility({ ...worker, birthDate: "1970-05-20" }, event, contestDate)).toEqual([
      { code: "age_out_of_range", params: { min: 18, max: 55, age: 56 } },
    ]);
    expect(checkEligibility({ ...worker, birthDate: "1965-01-01" }, event, contestDate)).toEqual([
      { code: "age_out_of_range", params: { min: 18, max: 55, age: 61 } },
    ]);
  });
  it("names a single bound when only one is set", () => {
    const minOnly = { ...event, eligibility: { ...event.eligibility, maxAge: null } };
    const maxOnly = { ...event, eligibility: { ...event.eligibility, minAge: null } };
    expect(
      checkEligibility({ ...worker, birthDate: "2010-01-01" }, minOnly, contestDate)[0],
    ).toEqual({
      code: "age_below_minimum",
      params: { min: 18, age: 16 },
    });
    expect(
      checkEligibility({ ...worker, birthDate: "1960-01-01" }, maxOnly, contestDate)[0],
    ).toEqual({
      code: "age_above_maximum",
      params: { max: 55, age: 66 },
    });
  });
  it("handles a leap-day birthday against the contest date", () => {
    const e = { ...event, eligibility: { minAge: 18 } };
    expect(checkEligibility({ ...worker, birthDate: "2008-02-29" }, e, "2026-02-28")).toMatchObject(
      [{ code: "age_below_minimum" }],
    );
    expect(checkEligibility({ ...worker, birthDate: "2008-02-29" }, e, "2026-03-01")).toEqual([]);
  });
  it("lists every failed rule at once", () => {
    const failing: WorkerProfile = {
      birthDate: "1960-01-01",
      gender: "female",
      skillLevel: "intermediate",
      unionMember: false,
      tradeCode: "WELDER",
    };
    expect(
      checkEligibility(
        failing,
        { ...event, eligibility: { ...event.eligibility, gender: "male" } },
        contestDate,
      ),
    ).toEqual([
      { code: "age_out_of_range", params: { min: 18, max: 55, age: 66 } },
      { code: "skill_level_too_low", params: { required: "senior", actual: "intermediate" } },
      { code: "not_union_member", params: {} },
      { code: "gender_not_allowed", params: { required: "male" } },
      { code: "trade_mismatch", params: { actual: "WELDER" } },
    ]);
  });
  it("distinguishes a missing skill level and a missing trade", () => {
    expect(
      checkEligibility({ ...worker, skillLevel: null, tradeCode: " " }, event, contestDate),
    ).toEqual([
      { code: "skill_level_missing", params: { required: "senior" } },
      { code: "trade_missing", params: {} },
    ]);
  });
  it("ignores rules the event does not set", () => {
    const open = { eligibility: {} };
    expect(
      checkEligibility(
        { ...worker, skillLevel: null, unionMember: false, tradeCode: null },
        open,
        contestDate,
      ),
    ).toEqual([]);
  });
  it("reports an invalid stored birth date instead of throwing", () => {
    expect(checkEligibility({ ...worker, birthDate: "1990-02-30" }, event, contestDate)).toEqual([
      { code: "birth_date_invalid", params: { date: "1990-02-30" } },
    ]);
    expect(() => checkEligibility(worker, event, "20260520")).toThrow(RangeError);
  });
  it("has messages", () => {
    expect(missingMessages(ELIGIBILITY_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("gender", GENDERS)).toEqual([]);
    const problems = [
      ...checkEligibility(
        {
          birthDate: "1960-01-01",
          gender: "female",
          skillLevel: "junior",
          unionMember: false,
          tradeCode: "X",
        },
        { ...event, eligibility: { ...event.eligibility, gender: "male" } },
        contestDate,
      ),
      ...checkEligibility(
        { ...worker, birthDate: "2010-01-01", skillLevel: null, tradeCode: null },
        { ...event, eligibility: { ...event.eligibility, maxAge: null } },
        contestDate,
      ),
      ...checkEligibility(
        { ...worker, birthDate: "1950-01-01" },
        { ...event, eligibility: { ...event.eligibility, minAge: null } },
        contestDate,
      ),
      ...checkEligibility({ ...worker, birthDate: "bad" }, event, contestDate),
    ];
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(ELIGIBILITY_PROBLEM_CODES));
    expect(renderGaps(problems)).toEqual([]);
  });
});
