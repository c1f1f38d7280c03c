// The organiser's review of entries: filter, approve or reject in bulk (approval assigns the
// entry number), check-in (random blind codes), and exports. Each takes the organiser's
// scope: another union's contest is not found.
import { prisma, write } from "~/db.server";
import type { OrganiserScope } from "~/domain/organisation";
import type { Organiser } from "~/domain/roles";
import { assignBlindCodes } from "~/domain/registration/blind-codes";
import { formatEntryNumber, parseEntryNumber } from "~/domain/registration/entry-numbers";
import { eventDefinitionFromRecord } from "~/domain/contest/event-record";
import type { EntryProblem } from "~/domain/registration/admission";
import { eligibilityFlags, quotaFlags, type EventLimits } from "~/domain/registration/review";
import {
  ACTIVE_REGISTRATION_STATUSES,
  checkRegistrationTransition,
  type RegistrationStatus,
  type RegistrationTransitionProblem,
} from "~/domain/registration/status";
import type { Rng } from "~/domain/contest/random";
import { cryptoRng } from "~/models/crypto-rng.server";
import { appendAudit } from "./audit.server";
import { sharedIdentityWorkers } from "./identity.server";
import { EVENT_RULE_COLUMNS } from "./contest.server";
import { contestDateOf, profileOf } from "./registration-org.server";
import { contestInScope, eventsIn } from "./scope.server";
import { withEntryStats } from "./entry-stats.server";
import { fail, ok, type Outcome } from "~/utils/outcome";

const ACTIVE = [...ACTIVE_REGISTRATION_STATUSES] as string[];

/** What eligibility needs of a worker; read for the flags, never sent to the page. */
const PROFILE = {
  birthDate: true,
  gender: true,
  skillLevel: true,
  unionMember: true,
  trade: true,
} as const;

export type ReviewFilter = {
  eventId?: number;
  organisationId?: number;
  status?: string;
  /** Only entries waiting for review that have eligibility or quota problems */
  flagged?: boolean;
};

/**
 * Entries waiting for review (submitted) in the organiser's scope, optionally of one contest,
 * each flagged as the review list flags it (app/domain/registration/review.ts): beyond its
 * unit's quota or the event's cap in submission order, or a member not meeting the rules.
 */
export async function pendingReview(scope: OrganiserScope, contestId?: number) {
  // The events first, then their waiting entries through (eventId, status): a filter on the
  // event relation made SQLite look at every registration for its status.
  const inScope = await prisma.event.findMany({
    where: { AND: [eventsIn(scope), contestId ? { contestId } : {}] },
    select: { id: true },
  });
  if (inScope.length === 0) return [];
  const pending = await prisma.registration.findMany({
    where: { status: "submitted", eventId: { in: inScope.map((e) => e.id) } },
    select: {
      id: true,
      eventId: true,
      organisationId: true,
      worker: { select: { name: true, ...PROFILE } },
      team: {
        select: { members: { select: { worker: { select: { name: true, ...PROFILE } } } } },
      },
    },
  });
  if (pending.length === 0) return [];
  const eventIds = [...new Set(pending.map((p) => p.eventId))];
  const orgIds = [...new Set(pending.map((p) => p.organisationId))];
  const [events, byOrg, totals] = await Promise.all([
    prisma.event.findMany({
      where: { id: { in: eventIds } },
      select: {
        ...EVENT_RULE_COLUMNS,
        contestId: true,
        contest: {
          select: {
            status: true,
            registrationOpensAt: true,
            registrationClosesAt: true,
            startsAt: true,
          },
        },
      },
    }),
    prisma.registration.groupBy({
      by: ["eventId", "organisationId"],
      where: { eventId: { in: eventIds }, organisationId: { in: orgIds }, status: { in: ACTIVE } },
      _count: { _all: true },
    }),
    prisma.registration.groupBy({
      by: ["eventId"],
      where: { eventId: { in: eventIds }, status: { in: ACTIVE }, event: { cap: { not: null } } },
      _count: { _all: true },
    }),
  ]);
  const byId = new Map(events.map((e) => [e.id, e]));
  // The submission order matters only where a unit's or an event's active entries exceed its
  // places: read those queues alone (a whole event's where its cap is passed, else the
  // overflowing units' entries), not every active entry of the scope.
  const overCap = new Set(
    totals
      .filter((g) => {
        const cap = byId.get(g.eventId)?.cap ?? null;
        return cap !== null && g._count._all > cap;
      })
      .map((g) => g.eventId),
  );
  const overQuota = byOrg.filter((g) => {
    const quota = byId.get(g.eventId)?.quotaPerOrg ?? null;
    return !overCap.has(g.eventId) && quota !== null && g._count._all > quota;
  });
  const queue =
    overCap.size + overQuota.length === 0
      ? []
      : await prisma.registration.findMany({
          where: {
            status: { in: ACTIVE },
            OR: [
              ...[...overCap].map((eventId) => ({ eventId })),
              ...overQuota.map((g) => ({ eventId: g.eventId, organisationId: g.organisationId })),
            ],
          },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          select: { id: true, eventId: true, organisationId: true },
        });
  const limits = new Map<number, EventLimits>(
    events.map((e) => [
      e.id,
      // An event's count of all entries is in the queue only where its cap is passed.
      { quotaPerOrg: e.quotaPerOrg, overallCap: overCap.has(e.id) ? e.cap : null },
    ]),
  );
  const beyond = quotaFlags(queue, limits);
  const now = new Date();
  const out: { id: number; eventId: number; contestId: number; flags: EntryProblem[] }[] = [];
  for (const p of pending) {
    const event = byId.get(p.eventId);
    if (!event) continue;
    const entrants = p.worker
      ? [{ name: p.worker.name, profile: profileOf(p.worker) }]
      : (p.team?.members ?? []).map((m) => ({
          name: m.worker.name,
          profile: profileOf(m.worker),
        }));
    out.push({
      id: p.id,
      eventId: event.id,
      contestId: event.contestId,
      flags: [
        ...(beyond.get(p.id) ?? []),
        ...eligibilityFlags(
          entrants,
          eventDefinitionFromRecord(event),
          contestDateOf(event.contest, now),
          p.team !== null,
        ),
      ],
    });
  }
  return out;
}

function where(contestId: number, f: ReviewFilter) {
  return {
    event: { contestId },
    ...(f.eventId ? { eventId: f.eventId } : {}),
    ...(f.organisationId ? { organisationId: f.organisationId } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}

/**
 * The organiser's list, each active entry flagged where it breaks the event's rules as they
 * stand now (a member's age, level, membership) or lies beyond its unit's quota or the
 * event's cap in the order entries were submitted.
 */
export async function listRegistrationsForReview(
  scope: OrganiserScope,
  contestId: number,
  filter: ReviewFilter,
  take = 500,
) {
  if (!(await contestInScope(scope, contestId))) return null;
  // Waiting entries with something flagged, for the count above the list and its filter.
  const flaggedIds = (await pendingReview(scope, contestId))
    .filter((p) => p.flags.length > 0)
    .map((p) => p.id);
  const listed = filter.flagged
    ? { ...where(contestId, { ...filter, status: "submitted" }), id: { in: flaggedIds } }
    : where(contestId, filter);
  const [rows, total, organisations, byStatus, contest, queue] = await Promise.all([
    prisma.registration.findMany({
      where: listed,
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
          select: {
            id: true,
            name: true,
            idNumberMasked: true,
            ...PROFILE,
          },
        },
        team: {
          select: {
            name: true,
            side: true,
            members: {
              select: {
                substitute: true,
                role: true,
                worker: { select: { id: true, name: true, ...PROFILE } },
              },
            },
          },
        },
        event: { select: { id: true, code: true, name: true, mode: true } },
      },
    }),
    prisma.registration.count({ where: listed }),
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
    prisma.contest.findUnique({
      where: { id: contestId },
      select: {
        status: true,
        registrationOpensAt: true,
        registrationClosesAt: true,
        startsAt: true,
        events: { select: EVENT_RULE_COLUMNS },
      },
    }),
    // Every active entry of the contest in submission order, for the quota flags.
    prisma.registration.findMany({
      where: { event: { contestId }, status: { in: ACTIVE } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: { id: true, eventId: true, organisationId: true },
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
  const definitions = new Map(
    (contest?.events ?? []).map((e) => [e.id, eventDefinitionFromRecord(e)]),
  );
  const overQuota = quotaFlags(
    queue,
    new Map(
      [...definitions].map(([id, d]) => [
        id,
        { quotaPerOrg: d.quotaPerOrg ?? null, overallCap: d.overallCap ?? null },
      ]),
    ),
  );
  const contestDate = contestDateOf(
    contest ?? {
      status: "",
      registrationOpensAt: null,
      registrationClosesAt: null,
      startsAt: null,
    },
    new Date(),
  );
  const flagsOf = (r: (typeof rows)[number]): EntryProblem[] => {
    const definition = definitions.get(r.event.id);
    if (!ACTIVE.includes(r.status) || !definition) return [];
    const entrants = r.worker
      ? [{ name: r.worker.name, profile: profileOf(r.worker) }]
      : (r.team?.members ?? []).map((m) => ({
          name: m.worker.name,
          profile: profileOf(m.worker),
        }));
    return [
      ...(overQuota.get(r.id) ?? []),
      ...eligibilityFlags(entrants, definition, contestDate, r.team !== null),
    ];
  };
  return {
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      reason: r.reason,
      entryNumber: r.entryNumber,
      blindCode: r.blindCode,
      submittedAt: r.submittedAt,
      organisation: r.organisation,
      worker: r.worker
        ? {
            id: r.worker.id,
            name: r.worker.name,
            idNumberMasked: r.worker.idNumberMasked,
            skillLevel: r.worker.skillLevel,
          }
        : null,
      team: r.team
        ? {
            name: r.team.name,
            side: r.team.side,
            members: r.team.members.map((m) => ({
              substitute: m.substitute,
              role: m.role,
              worker: { id: m.worker.id, name: m.worker.name },
            })),
          }
        : null,
      event: r.event,
      sharedIdentity:
        (r.worker !== null && shared.has(r.worker.id)) ||
        (r.team?.members.some((m) => shared.has(m.worker.id)) ?? false),
      flags: flagsOf(r),
    })),
    flagged: flaggedIds.length,
    total,
    organisations,
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<
      string,
      number
    >,
  };
}

/**
 * A reason one entry of a decision could not make the move: the domain's problem, the entry
 * it kept as it was (`entryId`) and who that entry is (`subject`: the worker's or the team's
 * name), as an entry's problems name their member.
 */
export type EntryRefusal = RegistrationTransitionProblem & { entryId: number; subject: string };

export type Decided = {
  /** Entries that made the move. */
  count: number;
  /** Why the others could not, entry by entry; those entries are left as they were. */
  refused: EntryRefusal[];
};

/**
 * Approves or rejects the chosen entries of one contest in one transaction. Each entry is
 * decided on its own: those that can make the move do, the others stay as they were and are
 * listed with their reasons (the organiser reads "n approved, m not, because …"). It fails
 * only when entries were refused and none moved. Approval numbers the entry after the
 * highest number already used in its event.
 */
export async function decideRegistrations(
  actor: Organiser,
  contestId: number,
  ids: number[],
  decision: "approved" | "rejected",
  reason: string | null,
  now = new Date(),
): Promise<Outcome<Decided, EntryRefusal> | null> {
  if (!(await contestInScope(actor.scope, contestId))) return null;
  const actorId = actor.id;
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
    const refusals: EntryRefusal[] = [];
    for (const reg of regs) {
      const verdict = checkRegistrationTransition(reg.status as RegistrationStatus, decision, {
        now,
        deadline: reg.event.contest.registrationClosesAt ?? now,
        reason: reason ?? undefined,
      });
      if (!verdict.ok)
        for (const problem of verdict.problems)
          refusals.push({
            ...problem,
            entryId: reg.id,
            subject: reg.worker?.name ?? reg.team?.name ?? String(reg.id),
          });
    }
    const failed = new Set(refusals.map((f) => f.entryId));
    const moving = regs.filter((r) => !failed.has(r.id));
    if (moving.length === 0 && refusals.length > 0) return fail(...refusals);

    // Approving admits entries to the year in numbers; rejecting an approved one drops it.
    await withEntryStats(
      tx,
      moving.map((r) => r.id),
      async () => {
        const nextSeq = new Map<number, number>();
        for (const eventId of new Set(
          moving.filter((r) => decision === "approved" && !r.entryNumber).map((r) => r.eventId),
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
        for (const reg of moving) {
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
      },
    );
    return ok({ count: moving.length, refused: refusals });
  });
}

/**
 * Check-in (检录) of an event: every approved entry gets a fresh random blind code, the
 * only thing judges will see. Codes come from the operating system's generator.
 */
export async function checkInEvent(
  actor: Organiser,
  contestId: number,
  eventId: number,
  rng: Rng = cryptoRng,
  now = new Date(),
): Promise<{ count: number } | null> {
  if (!(await contestInScope(actor.scope, contestId))) return null;
  const actorId = actor.id;
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

export async function exportRegistrations(
  scope: OrganiserScope,
  contestId: number,
  eventId?: number,
) {
  if (!(await contestInScope(scope, contestId))) return null;
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
          side: true,
          members: {
            select: { substitute: true, role: true, worker: { select: { name: true } } },
          },
        },
      },
      event: { select: { code: true, name: true } },
    },
  });
}
