import { describe, expect, it } from "vitest";
import { missingMessages, renderGaps } from "~/test/rule-messages";
import { TEAM_PROBLEM_CODES, checkTeamComposition, type TeamMember } from "./team";

const rules = { minSize: 3, maxSize: 4, substitutes: 1 };
const member = (id: string, extra: Partial<TeamMember> = {}): TeamMember => ({
  workerId: id,
  name: `工人${id}`,
  organisationId: "org1",
  ...extra,
});

describe("checkTeamComposition", () => {
  it("accepts a team within size with one substitute", () => {
    const members = [member("1"), member("2"), member("3"), member("4", { substitute: true })];
    expect(
      checkTeamComposition({ members, rules, organisationId: "org1", otherTeams: [] }),
    ).toEqual([]);
  });
  it("names a person ticked as member and substitute, and still counts them as a member", () => {
    const members = [
      member("1"),
      member("2"),
      member("3"),
      member("2", { substitute: true, name: "李四" }),
    ];
    expect(
      checkTeamComposition({ members, rules, organisationId: "org1", otherTeams: [] }),
    ).toEqual([{ code: "team_member_also_substitute", params: { name: "李四" } }]);
  });
  it("checks sizes at the edges, substitutes not counted", () => {
    const three = [member("1"), member("2"), member("3")];
    const four = [...three, member("4")];
    expect(
      checkTeamComposition({ members: three, rules, organisationId: "org1", otherTeams: [] }),
    ).toEqual([]);
    expect(
      checkTeamComposition({ members: four, rules, organisationId: "org1", otherTeams: [] }),
    ).toEqual([]);
    expect(
      checkTeamComposition({
        members: [member("1"), member("2"), member("3", { substitute: true })],
        rules,
        organisationId: "org1",
        otherTeams: [],
      }),
    ).toEqual([{ code: "team_too_small", params: { min: 3, size: 2 } }]);
    expect(
      checkTeamComposition({
        members: [...four, member("5")],
        rules,
        organisationId: "org1",
        otherTeams: [],
      }),
    ).toEqual([{ code: "team_too_large", params: { max: 4, size: 5 } }]);
    expect(
      checkTeamComposition({
        members: [...three, member("8", { substitute: true }), member("9", { substitute: true })],
        rules,
        organisationId: "org1",
        otherTeams: [],
      }),
    ).toEqual([{ code: "team_too_many_substitutes", params: { max: 1, count: 2 } }]);
  });
  it("requires one organisation, no repeats, and nobody from another team", () => {
    const members = [
      member("1"),
      member("2", { organisationId: "org2", name: "李四" }),
      member("1"),
      member("3", { name: "王五" }),
    ];
    expect(
      checkTeamComposition({
        members,
        rules,
        organisationId: "org1",
        otherTeams: [{ name: "一队", memberIds: ["3"] }],
      }),
    ).toEqual([
      { code: "team_member_other_organisation", params: { name: "李四" } },
      { code: "team_member_duplicate", params: { name: "工人1" } },
      { code: "team_member_in_other_team", params: { name: "王五", team: "一队" } },
    ]);
  });
  it("has messages", () => {
    expect(missingMessages(TEAM_PROBLEM_CODES)).toEqual([]);
    const problems = [
      ...checkTeamComposition({
        members: [
          member("1"),
          member("1"),
          member("2", { organisationId: "x" }),
          member("1", { substitute: true }),
        ],
        rules,
        organisationId: "org1",
        otherTeams: [{ name: "A", memberIds: ["2"] }],
      }),
      ...checkTeamComposition({
        members: [1, 2, 3, 4, 5, 6, 7].map((i) => member(String(i), { substitute: i > 5 })),
        rules: { ...rules, maxSize: 4 },
        organisationId: "org1",
        otherTeams: [],
      }),
    ];
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(TEAM_PROBLEM_CODES));
    expect(renderGaps(problems)).toEqual([]);
  });
});
