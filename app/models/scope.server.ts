// The organiser's scope (app/domain/organisation/scope.ts) as Prisma filters. Every model
// function an organiser's page calls takes the scope and puts one of these into its query,
// so a record outside it is simply not found (404), like another organisation's records are
// for an organisation manager.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import {
  PLATFORM_SCOPE,
  UNION_KINDS,
  isUnionKind,
  unionScope,
  type OrganiserScope,
} from "~/domain/organisation";
import type { Role } from "~/domain/roles";

/**
 * The scope of a signed-in user, or null when they are not an organiser: the top
 * administrator has the platform; an organiser their union (which must be a union).
 */
export async function organiserScopeOf(user: {
  role: Role;
  organisationId: number | null;
}): Promise<OrganiserScope | null> {
  if (user.role === "superadmin") return PLATFORM_SCOPE;
  if (user.role !== "admin" || user.organisationId === null) return null;
  const union = await prisma.organisation.findUnique({
    where: { id: user.organisationId },
    select: { id: true, kind: true, path: true },
  });
  if (!union || !isUnionKind(union.kind)) return null;
  return unionScope(union.id, union.path);
}

/** Organisations in scope: the union's subtree. */
export function organisationsIn(scope: OrganiserScope): Prisma.OrganisationWhereInput {
  return scope.kind === "platform" ? {} : { path: { startsWith: scope.path } };
}

/** Contests of every kind owned or co-organised within the scope. */
export function contestsIn(scope: OrganiserScope): Prisma.ContestWhereInput {
  if (scope.kind === "platform") return {};
  return {
    OR: [
      { organiser: organisationsIn(scope) },
      { coOrganisers: { some: { organisation: organisationsIn(scope) } } },
    ],
  };
}

export function eventsIn(scope: OrganiserScope): Prisma.EventWhereInput {
  return scope.kind === "platform" ? {} : { contest: contestsIn(scope) };
}

export function roundsIn(scope: OrganiserScope): Prisma.NominationRoundWhereInput {
  return scope.kind === "platform" ? {} : { organiser: organisationsIn(scope) };
}

/** Unions an organiser may give a contest or round to: unions in scope. */
export function listOwnableUnions(scope: OrganiserScope) {
  return prisma.organisation.findMany({
    where: {
      ...organisationsIn(scope),
      kind: { in: [...UNION_KINDS] },
    },
    orderBy: [{ path: "asc" }],
    select: { id: true, name: true, kind: true, path: true },
  });
}

/** Whether an organisation is a union within the scope (for an owner chosen in a form). */
export async function isOwnableUnion(scope: OrganiserScope, organisationId: number) {
  const union = await prisma.organisation.findFirst({
    where: {
      id: organisationId,
      ...organisationsIn(scope),
      kind: { in: [...UNION_KINDS] },
    },
    select: { id: true },
  });
  return union !== null;
}

export async function contestInScope(scope: OrganiserScope, contestId: number) {
  return (await prisma.contest.count({ where: { id: contestId, ...contestsIn(scope) } })) > 0;
}

export async function eventInScope(scope: OrganiserScope, eventId: number) {
  return (await prisma.event.count({ where: { id: eventId, ...eventsIn(scope) } })) > 0;
}

export async function roundInScope(scope: OrganiserScope, roundId: number) {
  return (await prisma.nominationRound.count({ where: { id: roundId, ...roundsIn(scope) } })) > 0;
}

/** The name of the organiser's union (null for the whole platform). */
export async function scopeUnionName(scope: OrganiserScope): Promise<string | null> {
  if (scope.kind === "platform") return null;
  const union = await prisma.organisation.findUnique({
    where: { id: scope.unionId },
    select: { name: true },
  });
  return union?.name ?? null;
}

/** The path of an organisation in the scope, or null. */
export async function unionPathInScope(scope: OrganiserScope, organisationId: number) {
  const org = await prisma.organisation.findFirst({
    where: { id: organisationId, ...organisationsIn(scope) },
    select: { path: true },
  });
  return org?.path ?? null;
}
