import { prisma, readSql, write as writeTx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { panelCoverage } from "~/domain/judging/panel";
import { isRecused, panelFor, presidingJudge } from "~/domain/judging/recusal";
import { normaliseBlindCode } from "~/domain/registration/blind-codes";
import { appendAudit } from "~/models/audit.server";
import { publishScoringChanged } from "~/utils/live-events.server";
import { ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";
import { eventReadiness } from "~/models/readiness.server";
import {
  configurationProblems,
  JUDGED_STATUSES,
  loadEventScoring,
  type EventScoring,
} from "~/models/results.server";
import { eventJudgesSql, loadJudgedEntrySql } from "~/models/scoring.sql.server";
import { eventsIn } from "~/models/scope.server";
import type { OrganiserScope } from "~/domain/organisation";

export function listJudgeAssignments(userId: number) {
  return prisma.judgeAssignment.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    select: {
      isChief: true,
      event: {
        select: {
          id: true,
          code: true,
          name: true,
          status: true,
          contest: { select: { code: true, name: true } },
          _count: { select: { registrations: true } },
        },
      },
    },
  });
}

// ── assignments, worklists and recusal ──
// Recusal is enforced here, not in routes: every entry lookup for a judge goes through
// judgeEntry(), which answers null for entries the judge may not see; the judge's own sheet
// through loadScoreSheet (marks.server.ts), by the same panel rules (panelFor).

/**
 * The judge's assignment to an event, or null when they are not on it. Read on every judging
 * request (a sheet's open and save included), so on the raw connection in one statement.
 */
export async function judgeAssignment(eventId: number, userId: number) {
  const row = await readSql().one<{
    isChief: number;
    organisationId: number | null;
    id: number;
    code: string;
    name: string;
    status: string;
    publishedAt: Date | null;
    noticeEndsAt: Date | null;
    scoringOpensAt: Date | null;
    scoringClosesAt: Date | null;
    contestName: string;
    noticeDays: number;
    startsAt: Date | null;
  }>(Prisma.sql`SELECT j."isChief", u."organisationId",
      e."id", e."code", e."name", e."status", e."publishedAt", e."noticeEndsAt", e."scoringOpensAt", e."scoringClosesAt",
      c."name" AS "contestName", c."noticeDays", c."startsAt"
    FROM "JudgeAssignment" j JOIN "User" u ON u."id" = j."userId"
      JOIN "Event" e ON e."id" = j."eventId" JOIN "Contest" c ON c."id" = e."contestId"
    WHERE j."eventId" = ${eventId} AND j."userId" = ${userId}`);
  if (!row) return null;
  return {
    isChief: row.isChief === 1,
    user: { organisationId: row.organisationId },
    event: {
      id: row.id,
      code: row.code,
      name: row.name,
      status: row.status,
      publishedAt: row.publishedAt,
      noticeEndsAt: row.noticeEndsAt,
      scoringOpensAt: row.scoringOpensAt,
      scoringClosesAt: row.scoringClosesAt,
      contest: { name: row.contestName, noticeDays: row.noticeDays, startsAt: row.startsAt },
    },
  };
}

/** The event's judges in assignment order, as the panel rules (panelFor) read them. */
async function eventPanelJudges(eventId: number) {
  const assigned = await eventJudgesSql(readSql(), eventId);
  return assigned.map((a) => ({
    userId: a.userId,
    isChief: a.isChief === 1,
    reserve: a.reserve === 1,
    organisationId: a.organisationId,
  }));
}

/**
 * Blind codes of the judged entries this judge marks, with their own sheet state: entries
 * whose panel they are on (not recused; a reserve only where recusal leaves the panel short).
 * Judges address entries by blind code only: nothing judge-facing carries a registration id,
 * which other pages could join to a person.
 */
export async function judgeWorklist(
  eventId: number,
  userId: number,
  judgeOrganisationId: number | null,
) {
  const panelJudges = await eventPanelJudges(eventId);
  const entries = await prisma.registration.findMany({
    where: { eventId, status: { in: JUDGED_STATUSES }, blindCode: { not: null } },
    orderBy: { blindCode: "asc" },
    select: {
      blindCode: true,
      organisation: { select: { id: true, parentId: true } },
      sheets: { where: { judgeId: userId }, select: { status: true, draft: true } },
    },
  });
  return entries
    .filter(
      (e) =>
        !isRecused(judgeOrganisationId, e.organisation) &&
        panelFor(panelJudges, e.organisation).some((j) => j.userId === userId),
    )
    .map((e) => {
      // The judge's own view: unsubmitted changes to a submitted sheet show as a draft.
      const state =
        e.sheets.length === 0
          ? "todo"
          : e.sheets.every((s) => s.status === "submitted" && s.draft === null)
            ? "submitted"
            : "draft";
      return { blindCode: e.blindCode!, state };
    });
}

/**
 * A judged entry of the event, found by its blind code, that this judge may see (null when
 * unknown or recused), and whether the judge presides over it (reviews, corrections and
 * appeals: the chief judge, or the first panel judge when the chief is recused).
 */
export async function judgeEntry(eventId: number, blindCode: string, judgeUserId: number) {
  const code = normaliseBlindCode(blindCode);
  if (code.length === 0 || code.length > 16) return null;
  const [entry, judges] = await Promise.all([
    loadJudgedEntrySql(readSql(), eventId, { blindCode: code }),
    eventPanelJudges(eventId),
  ]);
  if (!entry) return null;
  const panel = panelFor(judges, entry.organisation);
  if (!panel.some((j) => j.userId === judgeUserId)) return null;
  return {
    id: entry.id,
    blindCode: entry.blindCode!,
    presiding: presidingJudge(panel)?.userId === judgeUserId,
  };
}

/** Skills events with their judging state; `ids` narrows them to a task's events. */
export function listJudgedEvents(scope: OrganiserScope, ids?: number[]) {
  return prisma.event.findMany({
    where: {
      AND: [
        { contest: { kind: "skills_contest" } },
        eventsIn(scope),
        ids ? { id: { in: ids } } : {},
      ],
    },
    orderBy: [{ contestId: "asc" }, { sortOrder: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      contest: { select: { code: true, name: true } },
      _count: { select: { judges: true, parts: true } },
    },
  });
}

export async function eventJudgesPage(scope: OrganiserScope, eventId: number) {
  const event = await prisma.event.findFirst({
    where: { id: eventId, ...eventsIn(scope) },
    select: {
      id: true,
      name: true,
      status: true,
      scoringOpensAt: true,
      scoringClosesAt: true,
      contest: { select: { name: true, startsAt: true } },
      judges: { select: { userId: true, isChief: true, reserve: true } },
    },
  });
  if (!event) return null;
  const judges = await prisma.user.findMany({
    where: { role: "judge", active: true },
    orderBy: { id: "asc" },
    select: {
      id: true,
      displayName: true,
      username: true,
      organisation: { select: { name: true } },
    },
  });
  return { event, judges, ...(await panelReport(eventId)) };
}

/** Per organisation with entries: what recusal leaves of the panel and what it cannot mark. */
async function coverageOf(eventId: number, scoring: EventScoring) {
  const groups = await prisma.registration.groupBy({
    by: ["organisationId"],
    where: { eventId, status: { in: JUDGED_STATUSES } },
    _count: true,
  });
  const organisations = await prisma.organisation.findMany({
    where: { id: { in: groups.map((g) => g.organisationId) } },
    select: { id: true, parentId: true, name: true },
  });
  const byId = new Map(organisations.map((o) => [o.id, o] as const));
  const coverage = panelCoverage(
    scoring.definition,
    scoring.judges,
    groups.flatMap((g) => {
      const organisation = byId.get(g.organisationId);
      return organisation ? [{ organisation, entries: g._count }] : [];
    }),
  ).map((gap) => ({
    organisation: gap.organisation.name,
    entries: gap.entries,
    judges: gap.judges,
    shortfalls: gap.shortfalls,
  }));
  return { coverage, organisationName: (id: number) => byId.get(id)?.name ?? "" };
}

/**
 * Whether the panel can mark every entry, for the organiser: per organisation with
 * entries, what recusal leaves and what that cannot mark (before any mark is entered), and
 * the entries that have no computable total now, with the reason and what to do.
 */
export async function panelReport(eventId: number) {
  const scoring = await loadEventScoring(prisma, eventId);
  if (!scoring) return { coverage: [], blocked: [] };
  const { coverage, organisationName } = await coverageOf(eventId, scoring);
  const readiness = await eventReadiness(prisma, eventId);
  const blocked = (readiness?.entries ?? [])
    .filter((e) => e.reasons.length > 0)
    .map((e) => ({
      registrationId: e.registrationId,
      organisation: organisationName(e.organisationId),
      reasons: e.reasons,
    }));
  return { coverage, blocked };
}

/**
 * Skills events with their judging state for the organiser's overview, and how many things
 * need fixing in each: rules that stop results (configurationProblems) and organisations
 * whose entries the panel cannot mark after recusal.
 */
export async function judgingOverview(scope: OrganiserScope, ids?: number[]) {
  const events = await listJudgedEvents(scope, ids);
  const rows = [];
  for (const e of events) {
    const scoring = await loadEventScoring(prisma, e.id);
    const problems = scoring
      ? configurationProblems(scoring).length + (await coverageOf(e.id, scoring)).coverage.length
      : 0;
    rows.push({ ...e, problems });
  }
  return rows;
}

export type AssignJudgesResult = Outcome<undefined, KeyedProblem>;

/**
 * Replaces the event's panel. Once marking has started only reserve judges may be added: a
 * judge removed mid-way would leave slots empty, renumbering 裁判1/2/3 would change
 * published receipts, and a new regular judge would join every panel. A reserve joins only
 * the panels recusal leaves short, after the others, so no existing number changes.
 */
export async function assignJudges(
  scope: OrganiserScope,
  eventId: number,
  input: { judgeIds: number[]; chiefId: number | null; reserveIds?: number[] },
  actorId: number,
): Promise<AssignJudgesResult> {
  const outcome = await writeTx(async (tx): Promise<AssignJudgesResult> => {
    const event = await tx.event.findFirst({
      where: { id: eventId, ...eventsIn(scope) },
      select: { status: true },
    });
    if (!event) return refuse("judging.judges.not_found");
    if (event.status !== "open" && event.status !== "scoring")
      return refuse("judging.judges.scoring_started");
    const ids = [...new Set(input.judgeIds)];
    const reserves = new Set((input.reserveIds ?? []).filter((id) => ids.includes(id)));
    if (input.chiefId !== null && !ids.includes(input.chiefId))
      return refuse("judging.judges.chief_not_assigned");
    if (input.chiefId !== null && reserves.has(input.chiefId))
      return refuse("judging.judges.chief_reserve");
    const valid = await tx.user.count({ where: { id: { in: ids }, role: "judge" } });
    if (valid !== ids.length) return refuse("judging.judges.not_a_judge");
    const before = await tx.judgeAssignment.findMany({
      where: { eventId },
      orderBy: { id: "asc" },
      select: { userId: true, isChief: true, reserve: true },
    });
    if (event.status === "scoring") {
      const kept = before.every(
        (b) =>
          ids.includes(b.userId) &&
          (b.userId === input.chiefId) === b.isChief &&
          reserves.has(b.userId) === b.reserve,
      );
      const added = ids.filter((id) => !before.some((b) => b.userId === id));
      if (!kept || added.some((id) => !reserves.has(id)))
        return refuse("judging.judges.cannot_remove");
    }
    await tx.judgeAssignment.deleteMany({ where: { eventId, userId: { notIn: ids } } });
    // New assignments are created in the order given: assignment order is panel order.
    for (const userId of ids) {
      const isChief = userId === input.chiefId;
      const reserve = reserves.has(userId);
      await tx.judgeAssignment.upsert({
        where: { eventId_userId: { eventId, userId } },
        create: { eventId, userId, isChief, reserve },
        update: { isChief, reserve },
      });
    }
    await appendAudit(tx, {
      actorId,
      action: "event.judges",
      entityType: "Event",
      entityId: eventId,
      before,
      after: ids.map((userId) => ({
        userId,
        isChief: userId === input.chiefId,
        reserve: reserves.has(userId),
      })),
    });
    return ok();
  });
  // The panel (and its units, for recusal) is part of the scoring definition sheets read.
  if (outcome.ok) publishScoringChanged(eventId);
  return outcome;
}

/** Sets when judges may save sheets for the event (null ends: see scoringWindowOf). */
export async function setScoringWindow(
  eventId: number,
  actorId: number,
  window: { opensAt: Date | null; closesAt: Date | null },
) {
  const changed = await writeTx(async (tx) => {
    const before = await tx.event.findUnique({
      where: { id: eventId },
      select: { scoringOpensAt: true, scoringClosesAt: true },
    });
    if (!before) return false;
    await tx.event.update({
      where: { id: eventId },
      data: { scoringOpensAt: window.opensAt, scoringClosesAt: window.closesAt },
    });
    await appendAudit(tx, {
      actorId,
      action: "event.scoring_window",
      entityType: "Event",
      entityId: eventId,
      before,
      after: { scoringOpensAt: window.opensAt, scoringClosesAt: window.closesAt },
    });
    return true;
  });
  if (changed) publishScoringChanged(eventId);
  return changed;
}
