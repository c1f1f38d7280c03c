// Whose records an organiser manages. An organiser belongs to a union and manages what that
// union and every union below it own (contests of every kind, honours rounds); a contest run
// jointly is managed by the organisers of its owner and of each co-organiser. The platform's
// top administrator has the whole platform in scope. The models apply these rules to every
// query an organiser's page makes (app/models/scope.server.ts), so a route cannot skip them.
import { isWithin, pathIds } from "./tree";

export type OrganiserScope =
  | { readonly kind: "platform" }
  | { readonly kind: "union"; readonly unionId: number; readonly path: string };

export const PLATFORM_SCOPE: OrganiserScope = { kind: "platform" };

export function unionScope(unionId: number, path: string): OrganiserScope {
  return { kind: "union", unionId, path };
}

/** Whether an organisation (by its path) lies in the scope. */
export function covers(scope: OrganiserScope, path: string): boolean {
  return scope.kind === "platform" || isWithin(path, scope.path);
}

/** A contest is in scope when its owner or any co-organiser is. */
export function managesContest(
  scope: OrganiserScope,
  contest: { ownerPath: string; coOrganiserPaths: readonly string[] },
): boolean {
  return covers(scope, contest.ownerPath) || contest.coOrganiserPaths.some((p) => covers(scope, p));
}

/**
 * Who a contest belongs to is decided by those above its owner: a co-organiser runs the
 * contest but may not hand it to another union or change who runs it with it.
 */
export function mayChangeOwnership(scope: OrganiserScope, ownerPath: string): boolean {
  return covers(scope, ownerPath);
}

/**
 * The unions whose statistics count a contest: the owner, each co-organiser and all their
 * ancestors, and 0 for the whole platform.
 */
export function statsUnionsOf(ownerPath: string, coOrganiserPaths: readonly string[]): number[] {
  const ids = new Set<number>([0]);
  for (const path of [ownerPath, ...coOrganiserPaths]) for (const id of pathIds(path)) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

/** The union whose statistics an organiser sees first: their own (0 = the whole platform). */
export function homeUnionOf(scope: OrganiserScope): number {
  return scope.kind === "platform" ? 0 : scope.unionId;
}
