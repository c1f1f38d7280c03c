import { describe, expect, it } from "vitest";
import { checkAdmission, type AdmissionInput, type Entrant } from "./admission";

const window = {
  opensAt: new Date("2026-03-01T00:00:00+08:00"),
  closesAt: new Date("2026-03-31T17:00:00+08:00"),
};
const now = new Date("2026-03-10T10:00:00+08:00");
const entrant = (id: string, extra: Partial<Entrant> = {}): Entrant => ({
  workerId: id,
  name: `工人${id}`,
  organisationId: "org1",
  profile: { birthDate: "1990-01-01", gender: "male", skillLevel: "senior", unionMember: true },
  ...extra,
});
const base: AdmissionInput = {
  contestStatus: "registration_open",
  window,
  now,
  contestDate: "2026-05-20",
  event: {
    mode: "individual",
    quotaPerOrg: 2,
    overallCap: null,
    eligibility: { minAge: 18, maxAge: 55 },
  },
  organisationId: "org1",
  entrants: [entrant("1")],
  usedByOrg: 0,
  usedTotal: 0,
  eventRegistrations: [],
  otherTeams: [],
};

describe("checkAdmission", () => {
  it("admits an eligible worker and reports the places left", () => {
    expect(checkAdmission(base)).toEqual({
      problems: [],
      remaining: { orgPlacesLeft: 1, overallPlacesLeft: null },
    });
  });

  it("refuses when the contest is not open or the window has closed", () => {
    expect(checkAdmission({ ...base, contestStatus: "draft" }).problems).toEqual([
      { code: "registration_contest_not_open", params: {} },
    ]);
    expect(checkAdmission({ ...base, now: window.closesAt }).problems).toEqual([
      { code: "registration_closed", params: {} },
    ]);
  });

  it("collects quota, duplicate and eligibility problems together, naming the worker", () => {
    const old = entrant("9", {
      name: "老王",
      profile: { birthDate: "1960-01-01", gender: "male", skillLevel: "senior", unionMember: true },
    });
    const verdict = checkAdmission({
      ...base,
      entrants: [old],
      usedByOrg: 2,
      usedTotal: 2,
      eventRegistrations: [{ workerId: "9", status: "approved" }],
    });
    expect(verdict.remaining).toBeNull();
    expect(verdict.problems).toEqual([
      { code: "quota_org_full", params: { quota: 2, used: 2 } },
      { code: "registration_duplicate_worker", params: {}, subject: "老王" },
      { code: "age_out_of_range", params: { min: 18, max: 55, age: 66 }, subject: "老王" },
    ]);
  });

  it("checks a team's composition and each member's eligibility once", () => {
    const team: AdmissionInput = {
      ...base,
      event: {
        mode: "team",
        team: { minSize: 2, maxSize: 3, substitutes: 1 },
        quotaPerOrg: 1,
        eligibility: { unionMemberRequired: true },
      },
      entrants: [
        entrant("1"),
        entrant("2", { profile: { ...entrant("2").profile, unionMember: false } }),
        entrant("2"),
      ],
      otherTeams: [{ name: "一队", memberIds: ["1"] }],
    };
    expect(checkAdmission(team).problems).toEqual([
      { code: "team_member_in_other_team", params: { name: "工人1", team: "一队" } },
      { code: "team_member_duplicate", params: { name: "工人2" } },
      { code: "not_union_member", params: {}, subject: "工人2" },
    ]);
  });
});
