// The append-only audit log. This module only inserts and reads; the database refuses
// UPDATE and DELETE on AuditLog through triggers, so the app cannot rewrite history.
// Every audit row is written through `auditRow` (by Prisma, or by the raw connections of the
// sheet save and the bulk imports), so the columns are filled one way everywhere.
import { prisma, type Sql, type Tx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

/** What an audit row is about: the model's name, spelled as the model is. */
export type AuditEntityType = Extract<
  Prisma.ModelName,
  | "Contest"
  | "Event"
  | "Registration"
  | "Organisation"
  | "NominationRound"
  | "Nomination"
  | "HonourAward"
  | "Certificate"
  | "LabourPeriod"
  | "LabourSubmission"
  | "Worker"
  | "Quiz"
  | "QuizQuestion"
  | "User"
>;

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: AuditEntityType;
  entityId: number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** The stored columns of an audit entry. */
export function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: json(entry.before),
    after: json(entry.after),
    reason: entry.reason ?? null,
  };
}

export function appendAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({ data: auditRow(entry) });
}

export function appendAuditMany(tx: Tx, entries: AuditEntry[]) {
  return tx.auditLog.createMany({ data: entries.map(auditRow) });
}

/**
 * The same as statements for a raw connection to run inside its transaction (the sheet save
 * sends them with its other writes): one INSERT of the rows, in the order given, or none.
 */
export function auditInsertSql(entries: AuditEntry[], at: Date): Prisma.Sql[] {
  if (entries.length === 0) return [];
  const rows = entries
    .map(auditRow)
    .map(
      (row) =>
        Prisma.sql`(${at}, ${row.actorId}, ${row.action}, ${row.entityType}, ${row.entityId}, ${row.before}, ${row.after}, ${row.reason})`,
    );
  return [
    Prisma.sql`INSERT INTO "AuditLog" ("at", "actorId", "action", "entityType", "entityId", "before", "after", "reason")
      VALUES ${Prisma.join(rows)}`,
  ];
}

/** The same, run on a raw connection inside its transaction (bulk imports). */
export async function appendAuditSql(
  sql: Sql,
  entries: AuditEntry[],
  at = new Date(),
): Promise<void> {
  for (const statement of auditInsertSql(entries, at)) await sql.run(statement);
}

// Rows written before the entity type had one spelling said "registration" and "event"; the
// log is append-only, so those rows stay, and readers match every spelling a type ever had.
const LEGACY_SPELLINGS: Partial<Record<AuditEntityType, string[]>> = {
  Registration: ["registration"],
  Event: ["event"],
};

/** The rows about these entities, whatever spelling their type was stored under. */
export function auditWhere(
  entityType: AuditEntityType,
  entityIds: number | number[],
): Prisma.AuditLogWhereInput {
  return {
    entityType: { in: [entityType, ...(LEGACY_SPELLINGS[entityType] ?? [])] },
    entityId: typeof entityIds === "number" ? entityIds : { in: entityIds },
  };
}

export function listAudit(entityType: AuditEntityType, entityId: number) {
  return prisma.auditLog.findMany({
    where: auditWhere(entityType, entityId),
    orderBy: { id: "asc" },
  });
}

/** The rows about these entities, oldest first, with the name of who wrote each (null: no one signed in). */
export async function auditTrail(
  entityType: AuditEntityType,
  entityIds: number[],
  actions?: string[],
) {
  if (entityIds.length === 0) return [];
  const entries = await prisma.auditLog.findMany({
    where: {
      ...auditWhere(entityType, entityIds),
      ...(actions ? { action: { in: actions } } : {}),
    },
    orderBy: { id: "asc" },
  });
  const actorIds = [
    ...new Set(entries.map((e) => e.actorId).filter((id): id is number => id !== null)),
  ];
  const actors = await prisma.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.displayName]));
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    action: e.action,
    entityId: e.entityId,
    actor: e.actorId === null ? null : (names.get(e.actorId) ?? String(e.actorId)),
    before: e.before,
    after: e.after,
    reason: e.reason,
  }));
}
