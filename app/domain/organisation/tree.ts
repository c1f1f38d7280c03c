// The organisation tree: federations (总工会) at the top, district and industry unions (区县 /
// 产业工会) under them, enterprises (基层工会 / 参赛单位) below. Each organisation keeps its
// ancestor path ("/1/4/37/"), so a subtree is a prefix and an ancestor list is a split.
import type { Problem } from "~/domain/identity/result";

export const ORGANISATION_KINDS = [
  "federation",
  "district_union",
  "industry_union",
  "enterprise",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Kinds that run contests and have organisers: every level above the enterprise. */
export const UNION_KINDS = ["federation", "district_union", "industry_union"] as const;
export type UnionKind = (typeof UNION_KINDS)[number];

export function isUnionKind(kind: string): kind is UnionKind {
  return (UNION_KINDS as readonly string[]).includes(kind);
}

export function isOrganisationKind(kind: string): kind is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(kind);
}

/** "/1/4/37/" → [1, 4, 37]: the organisation's ancestors from the top, itself last. */
export function pathIds(path: string): number[] {
  return path
    .split("/")
    .filter((part) => part !== "")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** The path of a new organisation `id` under a parent with `parentPath` ("/" for the top). */
export function childPath(parentPath: string | null, id: number): string {
  const base = parentPath ?? "/";
  return `${base.endsWith("/") ? base : `${base}/`}${id}/`;
}

/** Whether `path` is `ancestorPath` itself or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath.endsWith("/") ? ancestorPath : `${ancestorPath}/`);
}

/**
 * The union an organisation reports through in a federation's figures (its "branch"): the
 * organisation directly under the federation on its path (a district or industry union, or
 * an enterprise the federation holds directly), or the federation itself.
 */
export function branchOf(path: string): number {
  const ids = pathIds(path);
  return ids[1] ?? ids[0] ?? 0;
}

export type NewUnionProblem =
  | Problem<"union_name_required", Record<string, never>>
  | Problem<"union_federation_at_top", Record<string, never>>
  | Problem<"union_parent_required", Record<string, never>>
  | Problem<"union_parent_not_union", Record<string, never>>;

export const NEW_UNION_PROBLEM_CODES = Object.keys({
  union_name_required: true,
  union_federation_at_top: true,
  union_parent_required: true,
  union_parent_not_union: true,
} satisfies Record<NewUnionProblem["code"], true>) as NewUnionProblem["code"][];

/**
 * Where a new union may sit: a federation only at the top of the tree; a district or
 * industry union under a federation or under another district or industry union (a county
 * union's town unions, an industry union's trade unions), never under an enterprise.
 */
export function checkNewUnion(input: {
  name: string;
  kind: UnionKind;
  parent: { kind: string } | null;
}): NewUnionProblem[] {
  const problems: NewUnionProblem[] = [];
  if (input.name.trim() === "") problems.push({ code: "union_name_required", params: {} });
  if (input.kind === "federation") {
    if (input.parent !== null) problems.push({ code: "union_federation_at_top", params: {} });
  } else if (input.parent === null) {
    problems.push({ code: "union_parent_required", params: {} });
  } else if (!isUnionKind(input.parent.kind)) {
    problems.push({ code: "union_parent_not_union", params: {} });
  }
  return problems;
}
