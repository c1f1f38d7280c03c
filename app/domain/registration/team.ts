import type { TeamRules } from "~/domain/contest/events";
import type { Problem } from "~/domain/identity/result";

export interface TeamMember {
  readonly workerId: string;
  /** Only used to name the member in problems. */
  readonly name: string;
  readonly organisationId: string;
  readonly substitute?: boolean;
}

export interface OtherTeam {
  readonly name: string;
  readonly memberIds: readonly string[];
}

export interface TeamCompositionInput {
  readonly members: readonly TeamMember[];
  readonly rules: TeamRules;
  /** The organisation entering the team. */
  readonly organisationId: string;
  /** Other active teams of the same event, this team excluded. */
  readonly otherTeams: readonly OtherTeam[];
}

export type TeamProblem =
  | Problem<"team_too_small", { min: number; size: number }>
  | Problem<"team_too_large", { max: number; size: number }>
  | Problem<"team_too_many_substitutes", { max: number; count: number }>
  | Problem<"team_member_other_organisation", { name: string }>
  | Problem<"team_member_duplicate", { name: string }>
  | Problem<"team_member_also_substitute", { name: string }>
  | Problem<"team_member_in_other_team", { name: string; team: string }>;

export const TEAM_PROBLEM_CODES = Object.keys({
  team_too_small: true,
  team_too_large: true,
  team_too_many_substitutes: true,
  team_member_other_organisation: true,
  team_member_duplicate: true,
  team_member_also_substitute: true,
  team_member_in_other_team: true,
} satisfies Record<TeamProblem["code"], true>) as TeamProblem["code"][];

/**
 * Size counts distinct starting members only; substitutes have their own limit, and a
 * member listed twice is reported rather than counted twice.
 */
export function checkTeamComposition(input: TeamCompositionInput): TeamProblem[] {
  const { members, rules, organisationId, otherTeams } = input;
  const problems: TeamProblem[] = [];

  // A person ticked both as a starting member and as a substitute counts as a starting member
  // (their first listing) and is named in a problem, rather than silently dropping out.
  const first = new Map<string, TeamMember>();
  for (const m of members) if (!first.has(m.workerId)) first.set(m.workerId, m);
  const distinct = [...first.values()];
  const size = distinct.filter((m) => !m.substitute).length;
  const substitutes = distinct.length - size;
  if (size < rules.minSize)
    problems.push({ code: "team_too_small", params: { min: rules.minSize, size } });
  if (size > rules.maxSize)
    problems.push({ code: "team_too_large", params: { max: rules.maxSize, size } });
  if (substitutes > rules.substitutes) {
    problems.push({
      code: "team_too_many_substitutes",
      params: { max: rules.substitutes, count: substitutes },
    });
  }

  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.workerId)) {
      const earlier = first.get(member.workerId);
      problems.push({
        code:
          Boolean(earlier?.substitute) !== Boolean(member.substitute)
            ? "team_member_also_substitute"
            : "team_member_duplicate",
        params: { name: member.name },
      });
      continue;
    }
    seen.add(member.workerId);
    if (member.organisationId !== organisationId) {
      problems.push({ code: "team_member_other_organisation", params: { name: member.name } });
    }
    const other = otherTeams.find((t) => t.memberIds.includes(member.workerId));
    if (other)
      problems.push({
        code: "team_member_in_other_team",
        params: { name: member.name, team: other.name },
      });
  }
  return problems;
}
