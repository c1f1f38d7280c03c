// The platform's top administrator manages the organisation tree's unions and the organiser
// accounts that act for them. Every change is audited.
import { prisma, write } from "~/db.server";
import {
  UNION_KINDS,
  checkNewUnion,
  childPath,
  isUnionKind,
  type NewUnionProblem,
  type UnionKind,
} from "~/domain/organisation";
import type { Organiser } from "~/domain/roles";
import { appendAudit } from "./audit.server";
import { hashPassword } from "./user.server";
import { fail, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";

export class NotTopAdministratorError extends Error {
  constructor() {
    super("Only the platform's top administrator manages unions and organisers");
    this.name = "NotTopAdministratorError";
  }
}

function requireTop(actor: Organiser): void {
  if (actor.role !== "superadmin" || actor.scope.kind !== "platform")
    throw new NotTopAdministratorError();
}

/** Every union in tree order, with how many enterprises sit directly under it and its organisers. */
export async function listUnionTree() {
  const unions = await prisma.organisation.findMany({
    where: { kind: { in: [...UNION_KINDS] } },
    orderBy: { path: "asc" },
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      path: true,
      parentId: true,
      creditCode: true,
      _count: { select: { children: { where: { kind: "enterprise" } } } },
      users: { where: { role: "admin" }, select: { username: true, active: true } },
    },
  });
  // Paths sort by text ("/1/10/" before "/1/2/"); order by each level's id instead.
  const key = (path: string) =>
    path
      .split("/")
      .filter(Boolean)
      .map((id) => id.padStart(10, "0"))
      .join("/");
  return unions
    .sort((a, b) => (key(a.path) < key(b.path) ? -1 : 1))
    .map((u) => ({ ...u, depth: u.path.split("/").filter(Boolean).length - 1 }));
}

export type UnionInput = {
  name: string;
  shortName: string;
  kind: UnionKind;
  parentId: number | null;
  creditCode: string;
};

/**
 * A union created, or why not, as message keys on the form's fields: the name, the parent
 * (federations only at the top, the others under a union) or the credit code (taken).
 */
export type UnionOutcome = Outcome<{ id: number }, KeyedProblem>;

const UNION_PROBLEM_FIELD: Record<NewUnionProblem["code"], keyof UnionInput> = {
  union_name_required: "name",
  union_federation_at_top: "parentId",
  union_parent_required: "parentId",
  union_parent_not_union: "parentId",
};

function unionProblem(code: NewUnionProblem["code"] | "union_credit_code_taken"): KeyedProblem {
  return {
    code: `federation.unions.problem.${code}`,
    params: {},
    field: code === "union_credit_code_taken" ? "creditCode" : UNION_PROBLEM_FIELD[code],
  };
}

export async function createUnion(actor: Organiser, input: UnionInput): Promise<UnionOutcome> {
  requireTop(actor);
  return write(async (tx): Promise<UnionOutcome> => {
    const parent =
      input.parentId === null
        ? null
        : await tx.organisation.findUnique({
            where: { id: input.parentId },
            select: { id: true, kind: true, path: true },
          });
    if (input.parentId !== null && !parent) return fail(unionProblem("union_parent_required"));
    const problems = checkNewUnion({ name: input.name, kind: input.kind, parent });
    if (problems.length > 0) return fail(...problems.map((p) => unionProblem(p.code)));
    if (
      input.creditCode !== "" &&
      (await tx.organisation.count({ where: { creditCode: input.creditCode } })) > 0
    )
      return fail(unionProblem("union_credit_code_taken"));
    const created = await tx.organisation.create({
      data: {
        name: input.name,
        shortName: input.shortName || null,
        kind: input.kind,
        parentId: parent?.id ?? null,
        creditCode: input.creditCode || null,
        contact: "组织部",
      },
    });
    const path = childPath(parent?.path ?? null, created.id);
    await tx.organisation.update({ where: { id: created.id }, data: { path } });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "union.create",
      entityType: "Organisation",
      entityId: created.id,
      after: { name: input.name, kind: input.kind, parentId: parent?.id ?? null, path },
    });
    return ok({ id: created.id });
  });
}

/** Organiser accounts (and the top administrators), with their unions. */
export function listOrganiserAccounts() {
  return prisma.user.findMany({
    where: { role: { in: ["admin", "superadmin"] } },
    orderBy: [{ role: "desc" }, { organisation: { path: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      organisation: { select: { id: true, name: true, kind: true } },
    },
  });
}

export type OrganiserAccountInput = {
  username: string;
  displayName: string;
  organisationId: number;
  password: string;
};

export type OrganiserAccountOutcome = Outcome<{ id: number }, KeyedProblem>;

export async function createOrganiserAccount(
  actor: Organiser,
  input: OrganiserAccountInput,
): Promise<OrganiserAccountOutcome> {
  requireTop(actor);
  const union = await prisma.organisation.findUnique({
    where: { id: input.organisationId },
    select: { kind: true },
  });
  if (!union || !isUnionKind(union.kind))
    return refuse("federation.organisers.unionRequired", {}, "organisationId");
  const passwordHash = await hashPassword(input.password);
  return write(async (tx): Promise<OrganiserAccountOutcome> => {
    if ((await tx.user.count({ where: { username: input.username } })) > 0)
      return refuse("federation.organisers.usernameTaken", {}, "username");
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: "admin",
        organisationId: input.organisationId,
      },
    });
    // The password never enters the log.
    await appendAudit(tx, {
      actorId: actor.id,
      action: "organiser.create",
      entityType: "User",
      entityId: user.id,
      after: { username: input.username, organisationId: input.organisationId },
    });
    return ok({ id: user.id });
  });
}

/** Suspends or restores an organiser account; a suspended account cannot sign in or act. */
export async function setOrganiserActive(actor: Organiser, userId: number, active: boolean) {
  requireTop(actor);
  return write(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, role: "admin" },
      select: { active: true },
    });
    if (!user) return false;
    await tx.user.update({ where: { id: userId }, data: { active } });
    await appendAudit(tx, {
      actorId: actor.id,
      action: active ? "organiser.activate" : "organiser.suspend",
      entityType: "User",
      entityId: userId,
      before: { active: user.active },
      after: { active },
    });
    return true;
  });
}
