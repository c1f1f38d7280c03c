// An organisation manager's entries: register workers and teams, withdraw or replace them
// before the deadline, import a file of entries. Every query is scoped by organisationId.
import { bulkWrite, prisma, write, type Tx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { eventDefinitionFromRecord } from "~/domain/contest/event-record";
import { checkTeamSide, sidesOf } from "~/domain/contest/sides";
import type { ContestStatus } from "~/domain/contest/status";
import { isSkillLevel } from "~/domain/contest/skill-levels";
import { isoDateOf, type IsoDate } from "~/domain/identity/dates";
import type { Gender } from "~/domain/identity/id-number";
import { checkAdmission, type Entrant, type EntryProblem } from "~/domain/registration/admission";
import {
  planRegistrationImport,
  registrationImportColumns,
  type ImportEventFacts,
  type ImportWorkerFacts,
} from "~/domain/registration/import-plan";
import { validateImport } from "~/domain/registration/import-rows";
import {
  ACTIVE_REGISTRATION_STATUSES,
  checkRegistrationTransition,
  type RegistrationStatus,
} from "~/domain/registration/status";
import { decryptIdNumber } from "~/models/id-number-crypto.server";
import { readSpreadsheet } from "~/utils/spreadsheet.server";
import { fail, failIfAny, ok, type Outcome } from "~/utils/outcome";
import { appendAudit, appendAuditSql } from "./audit.server";
import { EVENT_RULE_COLUMNS } from "./contest.server";
import { withEntryStats } from "./entry-stats.server";
import type { ImportOutcome } from "./worker.server";
import { fileProblem } from "~/domain/registration/import-rows";

const ACTIVE = [...ACTIVE_REGISTRATION_STATUSES] as string[];
export const MAX_REGISTRATION_ROWS = 5_000;

const CONTEST_FACTS = {
  id: true,
  code: true,
  name: true,
  status: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  startsAt: true,
} satisfies Prisma.ContestSelect;

type ContestFacts = {
  status: string;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startsAt: Date | null;
};

function windowOf(c: ContestFacts) {
  return c.registrationOpensAt && c.registrationClosesAt
    ? { opensAt: c.registrationOpensAt, closesAt: c.registrationClosesAt }
    : null;
}

export function contestDateOf(c: ContestFacts, now: Date): IsoDate {
  return isoDateOf(c.startsAt ?? now);
}

type Db = Pick<Tx, "registration" | "teamMember" | "worker" | "event">;

export function profileOf(w: {
  birthDate: Date;
  gender: string;
  skillLevel: string | null;
  unionMember: boolean;
  trade: string | null;
}) {
  return {
    birthDate: isoDateOf(w.birthDate),
    gender: (w.gender === "female" ? "female" : "male") as Gender,
    skillLevel: w.skillLevel !== null && isSkillLevel(w.skillLevel) ? w.skillLevel : null,
    unionMember: w.unionMember,
    tradeCode: w.trade,
  };
}

/** Who already holds entries in an event: counts for the quota, workers and teams for repeats. */
async function eventOccupancy(
  db: Db,
  eventId: number,
  organisationId: number,
  excludeRegistrationId?: number,
) {
  const notThis = excludeRegistrationId ? { NOT: { id: excludeRegistrationId } } : {};
  const [usedByOrg, usedTotal, individuals, teams] = await Promise.all([
    db.registration.count({
      where: { eventId, organisationId, status: { in: ACTIVE }, ...notThis },
    }),
    db.registration.count({ where: { eventId, status: { in: ACTIVE }, ...notThis } }),
    db.registration.findMany({
      where: { eventId, workerId: { not: null }, ...notThis },
      select: { workerId: true, status: true },
    }),
    db.registration.findMany({
      where: { eventId, teamId: { not: null }, status: { in: ACTIVE }, ...notThis },
      select: {
        organisationId: true,
        team: { select: { name: true, members: { select: { workerId: true } } } },
      },
    }),
  ]);
  return {
    usedByOrg,
    usedTotal,
    eventRegistrations: individuals.map((r) => ({
      workerId: String(r.workerId),
      status: r.status as RegistrationStatus,
    })),
    otherTeams: teams.map((t) => ({
      name: t.team?.name ?? "",
      memberIds: (t.team?.members ?? []).map((m) => String(m.workerId)),
      organisationId: t.organisationId,
    })),
  };
}

/** Contests open for entries with each event's rules and this organisation's places used and left. */
export async function listOpenEventsForOrg(organisationId: number) {
  const contests = await prisma.contest.findMany({
    where: { status: "registration_open", kind: "skills_contest" },
    orderBy: [{ registrationClosesAt: "asc" }, { id: "asc" }],
    select: {
      ...CONTEST_FACTS,
      events: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: EVENT_RULE_COLUMNS },
    },
  });
  const eventIds = contests.flatMap((c) => c.events.map((e) => e.id));
  const [counts, overall, ours] = await Promise.all([
    prisma.registration.groupBy({
      by: ["eventId"],
      where: { organisationId, status: { in: ACTIVE }, eventId: { in: eventIds } },
      _count: { _all: true },
    }),
    prisma.registration.groupBy({
      by: ["eventId"],
      where: { status: { in: ACTIVE }, eventId: { in: eventIds } },
      _count: { _all: true },
    }),
    // Who is already in each event (alone or in a team), so the picker can say so up front.
    prisma.registration.findMany({
      where: { organisationId, status: { in: ACTIVE }, eventId: { in: eventIds } },
      select: {
        eventId: true,
        workerId: true,
        team: { select: { name: true, members: { select: { workerId: true } } } },
      },
    }),
  ]);
  const used = new Map(counts.map((c) => [c.eventId, c._count._all]));
  const taken = new Map(overall.map((c) => [c.eventId, c._count._all]));
  const entered = new Map<number, Record<number, string | null>>();
  for (const r of ours) {
    const byWorker = entered.get(r.eventId) ?? {};
    if (r.workerId !== null) byWorker[r.workerId] = null;
    for (const m of r.team?.members ?? []) byWorker[m.workerId] = r.team?.name ?? null;
    entered.set(r.eventId, byWorker);
  }
  return contests.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    registrationOpensAt: c.registrationOpensAt,
    registrationClosesAt: c.registrationClosesAt,
    contestDate: contestDateOf(c, new Date()),
    events: c.events.map((e) => {
      const definition = eventDefinitionFromRecord(e);
      const usedByOrg = used.get(e.id) ?? 0;
      const usedOverall = taken.get(e.id) ?? 0;
      return {
        id: e.id,
        code: e.code,
        name: e.name,
        mode: definition.mode,
        team: definition.team ?? null,
        sides: sidesOf(e.sides),
        eligibility: definition.eligibility,
        quotaPerOrg: e.quotaPerOrg,
        cap: e.cap,
        used: usedByOrg,
        usedOverall,
        left: e.quotaPerOrg === null ? null : Math.max(0, e.quotaPerOrg - usedByOrg),
        /** Why nothing more can be entered: the unit's quota or the event's cap. */
        full:
          e.quotaPerOrg !== null && usedByOrg >= e.quotaPerOrg
            ? ("org" as const)
            : e.cap !== null && usedOverall >= e.cap
              ? ("overall" as const)
              : null,
        /** Workers of this unit already entered: worker id → their team's name (or null). */
        entered: entered.get(e.id) ?? {},
      };
    }),
  }));
}

/**
 * The entry made or moved (its id), or every reason it could not be, as domain problems (their
 * codes are message keys under rules. or reg.problem., a member's problem names them as its
 * subject). Null when the event, entry or worker is not this organisation's to use.
 */
export type EntryOutcome = Outcome<{ id: number }, EntryProblem> | null;

async function eventWithContest(db: Pick<Tx, "event">, eventId: number) {
  return db.event.findUnique({
    where: { id: eventId },
    select: { ...EVENT_RULE_COLUMNS, contest: { select: CONTEST_FACTS } },
  });
}

async function admit(
  tx: Tx,
  organisationId: number,
  eventId: number,
  workers: { workerId: number; substitute: boolean }[],
  now: Date,
  excludeRegistrationId?: number,
) {
  const event = await eventWithContest(tx, eventId);
  if (!event) return null;
  const roster = await tx.worker.findMany({
    where: { id: { in: workers.map((w) => w.workerId) }, organisationId },
    select: {
      id: true,
      name: true,
      organisationId: true,
      birthDate: true,
      gender: true,
      skillLevel: true,
      unionMember: true,
      trade: true,
    },
  });
  // A worker id from another organisation is treated like one that does not exist.
  if (roster.length !== new Set(workers.map((w) => w.workerId)).size) return null;
  const byId = new Map(roster.map((w) => [w.id, w]));
  const entrants: Entrant[] = workers.map((w) => {
    const r = byId.get(w.workerId);
    if (!r) throw new Error("unreachable");
    return {
      workerId: String(r.id),
      name: r.name,
      organisationId: String(r.organisationId),
      profile: profileOf(r),
      substitute: w.substitute,
    };
  });
  const occupancy = await eventOccupancy(tx, eventId, organisationId, excludeRegistrationId);
  const verdict = checkAdmission({
    contestStatus: event.contest.status as ContestStatus,
    window: windowOf(event.contest),
    now,
    contestDate: contestDateOf(event.contest, now),
    event: eventDefinitionFromRecord(event),
    organisationId: String(organisationId),
    entrants,
    ...occupancy,
  });
  return { event, verdict };
}

/** Enters one worker in an individual event; null when the event or worker is not this organisation's to use. */
export function registerIndividual(
  actorId: number,
  organisationId: number,
  eventId: number,
  workerId: number,
  now = new Date(),
): Promise<EntryOutcome> {
  return write(async (tx) => {
    const checked = await admit(
      tx,
      organisationId,
      eventId,
      [{ workerId, substitute: false }],
      now,
    );
    if (!checked) return null;
    if (checked.event.mode !== "individual") return null;
    const refused = failIfAny(checked.verdict.problems);
    if (refused) return refused;
    const created = await tx.registration.create({
      data: { eventId, organisationId, workerId, status: "submitted", submittedAt: now },
    });
    await appendAudit(tx, {
      actorId,
      action: "registration.submit",
      entityType: "Registration",
      entityId: created.id,
      after: { status: "submitted", workerId },
    });
    return ok({ id: created.id });
  });
}

export function registerTeam(
  actorId: number,
  organisationId: number,
  eventId: number,
  name: string,
  members: { workerId: number; substitute: boolean; role?: string }[],
  now = new Date(),
  side: string | null = null,
): Promise<EntryOutcome> {
  return write(async (tx) => {
    const checked = await admit(tx, organisationId, eventId, members, now);
    if (!checked) return null;
    if (checked.event.mode !== "team") return null;
    const problems: EntryProblem[] = [...checked.verdict.problems];
    // Teams of an event with sides (collective bargaining) say which side they are.
    problems.push(...checkTeamSide(sidesOf(checked.event.sides), side));
    const sameName = await tx.team.findFirst({
      where: { eventId, organisationId, name, registration: { status: { in: ACTIVE } } },
      select: { id: true },
    });
    if (sameName) problems.push({ code: "import_team_exists", params: { team: name } });
    const refused = failIfAny(problems);
    if (refused) return refused;
    const team = await tx.team.create({
      data: {
        eventId,
        organisationId,
        name,
        side: sidesOf(checked.event.sides).length > 0 ? side : null,
        members: {
          create: dedupe(members).map((m) => ({
            workerId: m.workerId,
            substitute: m.substitute,
            role: m.role ?? "",
          })),
        },
      },
    });
    const created = await tx.registration.create({
      data: { eventId, organisationId, teamId: team.id, status: "submitted", submittedAt: now },
    });
    await appendAudit(tx, {
      actorId,
      action: "registration.submit",
      entityType: "Registration",
      entityId: created.id,
      after: { status: "submitted", team: name, members },
    });
    return ok({ id: created.id });
  });
}

function dedupe<T extends { workerId: number }>(items: T[]): T[] {
  return [...new Map(items.map((i) => [i.workerId, i])).values()];
}

async function ownRegistration(tx: Tx, organisationId: number, registrationId: number) {
  return tx.registration.findFirst({
    where: { id: registrationId, organisationId },
    select: {
      id: true,
      status: true,
      eventId: true,
      workerId: true,
      teamId: true,
      event: { select: { contest: { select: CONTEST_FACTS } } },
    },
  });
}

function deadlineOf(c: ContestFacts, now: Date): Date {
  // Without a closing time the deadline is when the organiser closes registration.
  return (
    c.registrationClosesAt ?? (c.status === "registration_open" ? new Date(now.getTime() + 1) : now)
  );
}

type OwnRegistration = NonNullable<Awaited<ReturnType<typeof ownRegistration>>>;

/** Whether the entry may move to `to` now (the contest's registration deadline). */
function transitionVerdict(reg: OwnRegistration, to: "withdrawn" | "submitted", now: Date) {
  return checkRegistrationTransition(reg.status as RegistrationStatus, to, {
    now,
    deadline: deadlineOf(reg.event.contest, now),
  });
}

async function markWithdrawn(
  tx: Tx,
  actorId: number,
  reg: OwnRegistration,
  now: Date,
  reason?: string,
): Promise<void> {
  // Withdrawing an approved entry takes it out of the year in numbers.
  await withEntryStats(tx, [reg.id], () =>
    tx.registration.update({
      where: { id: reg.id },
      data: { status: "withdrawn", withdrawnAt: now },
    }),
  );
  await appendAudit(tx, {
    actorId,
    action: "registration.withdraw",
    entityType: "Registration",
    entityId: reg.id,
    before: reg.status,
    after: "withdrawn",
    reason,
  });
}

/** Withdraws an entry before the deadline. Null when it is not this organisation's. */
export function withdrawRegistration(
  actorId: number,
  organisationId: number,
  registrationId: number,
  now = new Date(),
): Promise<EntryOutcome> {
  return write(async (tx) => {
    const reg = await ownRegistration(tx, organisationId, registrationId);
    if (!reg) return null;
    const verdict = transitionVerdict(reg, "withdrawn", now);
    if (!verdict.ok) return verdict;
    await markWithdrawn(tx, actorId, reg, now);
    return ok({ id: reg.id });
  });
}

/**
 * Replaces the worker of an individual entry before the deadline: the old entry is
 * withdrawn and a new one submitted for review, in one transaction, so the place is never
 * lost to another organisation in between.
 */
export function replaceRegistration(
  actorId: number,
  organisationId: number,
  registrationId: number,
  workerId: number,
  now = new Date(),
): Promise<EntryOutcome> {
  return write(async (tx) => {
    const reg = await ownRegistration(tx, organisationId, registrationId);
    if (!reg || reg.workerId === null) return null;
    const verdict = transitionVerdict(reg, "withdrawn", now);
    if (!verdict.ok) return verdict;
    const checked = await admit(
      tx,
      organisationId,
      reg.eventId,
      [{ workerId, substitute: false }],
      now,
      reg.id,
    );
    if (!checked) return null;
    const refused = failIfAny(checked.verdict.problems);
    if (refused) return refused;
    const created = await tx.registration.create({
      data: {
        eventId: reg.eventId,
        organisationId,
        workerId,
        status: "submitted",
        submittedAt: now,
      },
    });
    await markWithdrawn(tx, actorId, reg, now, `replaced by #${created.id}`);
    await appendAudit(tx, {
      actorId,
      action: "registration.submit",
      entityType: "Registration",
      entityId: created.id,
      after: { status: "submitted", workerId, replaces: reg.id },
    });
    return ok({ id: created.id });
  });
}

/** Sends a rejected entry back for review (after fixing what the organiser named), with the quota checked again. */
export function resubmitRegistration(
  actorId: number,
  organisationId: number,
  registrationId: number,
  now = new Date(),
): Promise<EntryOutcome> {
  return write(async (tx) => {
    const reg = await ownRegistration(tx, organisationId, registrationId);
    if (!reg) return null;
    const verdict = transitionVerdict(reg, "submitted", now);
    if (!verdict.ok) return verdict;
    const members = reg.workerId
      ? [{ workerId: reg.workerId, substitute: false }]
      : await tx.teamMember.findMany({
          where: { teamId: reg.teamId ?? -1 },
          select: { workerId: true, substitute: true },
        });
    const checked = await admit(tx, organisationId, reg.eventId, members, now, reg.id);
    if (!checked) return null;
    // The entry's own earlier row is not a duplicate of itself.
    const problems = checked.verdict.problems.filter(
      (p) => p.code !== "registration_duplicate_worker",
    );
    const refused = failIfAny(problems);
    if (refused) return refused;
    await tx.registration.update({
      where: { id: reg.id },
      data: {
        status: "submitted",
        reason: null,
        decidedAt: null,
        decidedById: null,
        submittedAt: now,
      },
    });
    await appendAudit(tx, {
      actorId,
      action: "registration.resubmit",
      entityType: "Registration",
      entityId: reg.id,
      before: reg.status,
      after: "submitted",
    });
    return ok({ id: reg.id });
  });
}

export function listOrgRegistrations(
  organisationId: number,
  filter: { contestId?: number; status?: string } = {},
) {
  return prisma.registration.findMany({
    where: {
      organisationId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.contestId ? { event: { contestId: filter.contestId } } : {}),
    },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: 1000,
    select: {
      id: true,
      status: true,
      reason: true,
      entryNumber: true,
      submittedAt: true,
      decidedAt: true,
      worker: { select: { id: true, name: true } },
      team: {
        select: {
          name: true,
          side: true,
          members: {
            select: { substitute: true, role: true, worker: { select: { name: true } } },
          },
        },
      },
      event: {
        select: {
          id: true,
          code: true,
          name: true,
          mode: true,
          contest: {
            select: { id: true, code: true, name: true, status: true, registrationClosesAt: true },
          },
        },
      },
    },
  });
}

/**
 * Imports entries for one contest from a file. Rows name the event by code and the worker
 * by ID number (looked up in this organisation's roster only); nothing is stored unless
 * every row passes, including quota, eligibility and team rules.
 */
export async function importRegistrations(
  actorId: number,
  organisationId: number,
  contestId: number,
  file: { name: string; bytes: Uint8Array },
  now = new Date(),
): Promise<ImportOutcome | null> {
  const started = performance.now();
  const contest = await prisma.contest.findUnique({
    where: { id: contestId },
    select: { ...CONTEST_FACTS, events: { select: EVENT_RULE_COLUMNS } },
  });
  if (!contest || contest.status !== "registration_open") return null;
  const sheet = await readSpreadsheet(file, MAX_REGISTRATION_ROWS);
  if (!sheet.ok) return fail(...sheet.problems.map((p) => fileProblem(p)));
  const parsed = validateImport(sheet.value.table, registrationImportColumns(isoDateOf(now)), {
    maxRows: MAX_REGISTRATION_ROWS,
  });
  if (!parsed.ok) return parsed;
  const windowState = windowOf(contest);
  if (windowState && (now < windowState.opensAt || now >= windowState.closesAt)) {
    return fail({
      row: 1,
      column: null,
      code: now < windowState.opensAt ? "registration_not_open_yet" : "registration_closed",
      params: {},
    });
  }

  const roster = await prisma.worker.findMany({
    where: { organisationId },
    select: {
      id: true,
      name: true,
      idNumberCipher: true,
      birthDate: true,
      gender: true,
      skillLevel: true,
      unionMember: true,
      trade: true,
    },
  });
  const workers = new Map<string, ImportWorkerFacts>(
    roster.map((w) => [
      decryptIdNumber(w.idNumberCipher),
      { workerId: String(w.id), name: w.name, profile: profileOf(w) },
    ]),
  );
  const events = new Map<string, ImportEventFacts>();
  for (const e of contest.events) {
    const occupancy = await eventOccupancy(prisma, e.id, organisationId);
    const registered = new Map<string, RegistrationStatus>(
      occupancy.eventRegistrations.map((r) => [r.workerId, r.status]),
    );
    for (const t of occupancy.otherTeams)
      for (const m of t.memberIds) registered.set(m, "submitted");
    events.set(e.code.toUpperCase(), {
      id: String(e.id),
      definition: eventDefinitionFromRecord(e),
      usedByOrg: occupancy.usedByOrg,
      usedTotal: occupancy.usedTotal,
      registeredWorkers: registered,
      teamNames: new Set(
        occupancy.otherTeams.filter((t) => t.organisationId === organisationId).map((t) => t.name),
      ),
    });
  }
  const plan = planRegistrationImport(parsed.value, {
    events,
    workers,
    organisationId: String(organisationId),
    contestDate: contestDateOf(contest, now),
  });
  if (!plan.ok) return plan;

  const count = await bulkWrite(async (sql) => {
    // Occupancy is read again inside the transaction: a place taken since the plan was made fails the import.
    const planned = new Map<string, number>();
    for (const p of [...plan.value.individuals, ...plan.value.teams])
      planned.set(p.eventId, (planned.get(p.eventId) ?? 0) + 1);
    for (const [eventId, n] of planned) {
      const facts = [...events.values()].find((e) => e.id === eventId);
      const quota = facts?.definition.quotaPerOrg ?? null;
      const used = await sql.one<{ n: number }>(Prisma.sql`
        SELECT COUNT(*) AS "n" FROM "Registration"
        WHERE "eventId" = ${Number(eventId)} AND "organisationId" = ${organisationId} AND "status" IN (${Prisma.join(ACTIVE)})`);
      if (quota !== null && Number(used?.n ?? 0) + n > quota)
        throw new Error("quota changed during import");
    }
    const insertReg = async (eventId: number, workerId: number | null, teamId: number | null) =>
      (await sql.one<{ id: number }>(Prisma.sql`
        INSERT INTO "Registration" ("eventId", "organisationId", "workerId", "teamId", "status", "submittedAt")
        VALUES (${eventId}, ${organisationId}, ${workerId}, ${teamId}, 'submitted', ${now}) RETURNING "id"`))!
        .id;
    const audit = (registrationId: number, after: object) =>
      appendAuditSql(
        sql,
        [
          {
            actorId,
            action: "registration.submit",
            entityType: "Registration",
            entityId: registrationId,
            after,
          },
        ],
        now,
      );
    let n = 0;
    for (const p of plan.value.individuals) {
      const id = await insertReg(Number(p.eventId), Number(p.workerId), null);
      await audit(id, { status: "submitted", workerId: Number(p.workerId), importRow: p.row });
      n += 1;
    }
    for (const t of plan.value.teams) {
      const team = await sql.one<{ id: number }>(Prisma.sql`
        INSERT INTO "Team" ("eventId", "organisationId", "name", "createdAt")
        VALUES (${Number(t.eventId)}, ${organisationId}, ${t.name}, ${now}) RETURNING "id"`);
      await sql.load(
        "TeamMember",
        ["teamId", "workerId", "substitute"],
        t.members.map((m) => [team!.id, Number(m.workerId), m.substitute]),
      );
      const id = await insertReg(Number(t.eventId), null, team!.id);
      await audit(id, { status: "submitted", team: t.name, importRow: t.row });
      n += 1;
    }
    return n;
  });
  return ok({ count, samples: parsed.samples, ms: Math.round(performance.now() - started) });
}

export function listOpenContestsForImport() {
  return prisma.contest.findMany({
    where: { status: "registration_open", kind: "skills_contest" },
    orderBy: { id: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      events: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { code: true, name: true, mode: true },
      },
    },
  });
}
