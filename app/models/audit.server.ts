// The append-only audit log. This module only inserts and reads; the database refuses
// UPDATE and DELETE on AuditLog through triggers, so the app cannot rewrite history.
import { prisma, type Tx } from "~/db.server";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** The stored columns of an audit entry (also written raw by the sheet save). */
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

export function listAudit(entityType: string, entityId: number) {
  return prisma.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: { id: "asc" },
  });
}
