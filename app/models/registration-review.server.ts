// The organiser's review of entries: filter, approve or reject in bulk (approval assigns the
// entry number), check-in (random blind codes), and exports.
import { prisma, write } from "~/db.server";
import { assignBlindCodes } from "~/domain/registration/blind-codes";
import { formatEntryNumber, parseEntryNumber } from "~/domain/registration/entry-numbers";
import {
  checkRegistrationTransition,
  type RegistrationStatus,
  type RegistrationTransitionProblem,
} from "~/domain/registration/status";
import type { Rng } from "~/domain/contest/random";
import { cryptoRng } from "~/models/crypto-rng.server";
import { appendAudit } from "./audit.server";
import { sharedIdentityWorkers } from "./identity.server";

export type ReviewFilter = { eventId?: number; organisationId?: number; status?: string };

function where(contestId: number, f: ReviewFilter) {
  return {
    event: { contestId },
    ...(f.eventId ? { eventId: f.eventId } : {}),
    ...(f.organisationId ? { organisationId: f.organisationId } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}

export async function listRegistrationsForReview(
  contestId: number,
  filter: ReviewFilter,
  take = 500,
) {
  const [rows, total, organisations, byStatus] = await Promise.all([
    prisma.registration.findMany({
      where: where(contestId, filter),
      orderBy: [{ eventId: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        status: true,
        reason: true,
        entryNumber: true,
        blindCode: true,
        submittedAt: true,
        organisation: { select: { id: true, name: true } },
        // The masked number, never beside the birth date (which would narrow it down).
        worker: {
          select: { id: true, name: true, gender: true, idNumberMasked: true, skillLevel: true },
        },
        team: {
          select: {
            name: true,
            members: {
              select: { substitute: true, worker: { select: { id: true, name: true } } },
            },
          },
        },
        event: { select: { id: true, code: true, name: true, mode: true } },
      },
    }),
    prisma.registration.count({ where: where(contestId, filter) }),
    prisma.organisation.findMany({
      where: { registrations: { some: { event: { contestId } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.registration.groupBy({
      by: ["status"],
      where: { event: { contestId } },
      _count: { _all: true },
    }),
  ]);
  // Entrants whose ID number another organisation's roster also holds: the organiser checks
  // them (/admin/identities) before approving, since one person may be entered twice.
  const shared = await sharedIdentityWorkers(
    rows.flatMap((r) => [
      ...(r.worker ? [r.worker.id] : []),
      ...(r.team?.members.map((m) => m.worker.id) ?? []),
    ]),
  );
  return {
    rows: rows.map((r) => ({
      ...r,
      sharedIdentity:
        (r.worker !== null && shared.has(r.worker.id)) ||
        (r.team?.members.some((m) => shared.has(m.worker.id)) ?? false),
    })),
    total,
    organisations,
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<
      string,
      number
    >,
  };
}

export type DecisionOutcome =
  | { ok: true; count: number }
  | {
      ok: false;
      failures: { id: number; label: string; problems: RegistrationTransitionProblem[] }[];
    };

/**
 * Approves or rejects the chosen entries of one contest in one transaction: if any of them
 * cannot make the move, none is changed and the reasons are listed. Approval numbers the
 * entry after the highest number already used in its event.
 */
export function decideRegistrations(
  actorId: number,
  contestId: number,
  ids: number[],
  decision: "approved" | "rejected",
  reason: string | null,
  now = new Date(),
): Promise<DecisionOutcome> {
  return write(async (tx) => {
    const regs = await tx.registration.findMany({
      where: { id: { in: ids }, event: { contestId } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        status: true,
        eventId: true,
        entryNumber: true,
        worker: { select: { name: true } },
        team: { select: { name: true } },
        event: {
          select: { code: true, contest: { select: { code: true, registrationClosesAt: true } } },
        },
      },
    });
    const failures: { id: number; label: string; problems: RegistrationTransitionProblem[] }[] = [];
    for (const reg of regs) {
      const verdict = checkRegistrationTransition(reg.status as RegistrationStatus, decision, {
        now,
        deadline: reg.event.contest.registrationClosesAt ?? now,
        reason: reason ?? undefined,
      });
      if (!verdict.ok)
        failures.push({
          id: reg.id,
          label: reg.worker?.name ?? reg.team?.name ?? String(reg.id),
          problems: verdict.error,
        });
    }
    if (failures.length > 0) return { ok: false, failures };

    const nextSeq = new Map<number, number>();
    for (const eventId of new Set(
      regs.filter((r) => decision === "approved" && !r.entryNumber).map((r) => r.eventId),
    )) {
      const numbers = await tx.registration.findMany({
        where: { eventId, entryNumber: { not: null } },
        select: { entryNumber: true },
      });
      const max = numbers.reduce(
        (m, r) => Math.max(m, parseEntryNumber(r.entryNumber ?? "")?.seq ?? 0),
        0,
      );
      nextSeq.set(eventId, max + 1);
    }
    for (const reg of regs) {
      let entryNumber = reg.entryNumber;
      if (decision === "approved" && !entryNumber) {
        const seq = nextSeq.get(reg.eventId) ?? 1;
        nextSeq.set(reg.eventId, seq + 1);
        entryNumber = formatEntryNumber(reg.event.contest.code, reg.event.code, seq);
      }
      await tx.registration.update({
        where: { id: reg.id },
        data: {
          status: decision,
          reason: decision === "rejected" ? reason : null,
          entryNumber,
          decidedAt: now,
          decidedById: actorId,
        },
      });
      await appendAudit(tx, {
        actorId,
        action: decision === "approved" ? "registration.approve" : "registration.reject",
        entityType: "Registration",
        entityId: reg.id,
        before: reg.status,
        after: { status: decision, entryNumber },
        reason,
      });
    }
    return { ok: true, count: regs.length };
  });
}

/**
 * Check-in (检录) of an event: every approved entry gets a fresh random blind code, the
 * only thing judges will see. Codes come from the operating system's generator.
 */
export function checkInEvent(
  actorId: number,
  contestId: number,
  eventId: number,
  rng: Rng = cryptoRng,
  now = new Date(),
): Promise<{ count: number } | null> {
  return write(async (tx) => {
    const event = await tx.event.findFirst({
      where: { id: eventId, contestId },
      select: { id: true },
    });
    if (!event) return null;
    const approved = await tx.registration.findMany({
      where: { eventId, status: "approved" },
      select: { id: true },
    });
    const existing = await tx.registration.findMany({
      where: { eventId, blindCode: { not: null } },
      select: { blindCode: true },
    });
    const assignments = assignBlindCodes(
      approved.map((r) => String(r.id)),
      rng,
      existing.map((r) => r.blindCode ?? ""),
    );
    for (const a of assignments) {
      const id = Number(a.entryId);
      await tx.registration.update({
        where: { id },
        data: { status: "checked_in", blindCode: a.blindCode, checkedInAt: now },
      });
      // The code itself stays out of the audit log, which judges' chiefs may read.
      await appendAudit(tx, {
        actorId,
        action: "registration.check_in",
        entityType: "Registration",
        entityId: id,
        before: "approved",
        after: "checked_in",
      });
    }
    return { count: assignments.length };
  });
}

export async function exportRegistrations(contestId: number, eventId?: number) {
  return prisma.registration.findMany({
    where: { event: { contestId }, ...(eventId ? { eventId } : {}) },
    orderBy: [{ eventId: "asc" }, { entryNumber: "asc" }, { id: "asc" }],
    select: {
      status: true,
      reason: true,
      entryNumber: true,
      blindCode: true,
      submittedAt: true,
      organisation: { select: { name: true } },
      worker: {
        select: {
          name: true,
          gender: true,
          idNumberMasked: true,
          phone: true,
          trade: true,
          skillLevel: true,
        },
      },
      team: {
        select: {
          name: true,
          members: { select: { substitute: true, worker: { select: { name: true } } } },
        },
      },
      event: { select: { code: true, name: true } },
    },
  });
}
