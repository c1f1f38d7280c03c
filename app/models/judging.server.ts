import { prisma, write as writeTx } from "~/db.server";
import { isRecused, panelFor, presidingJudge } from "~/domain/judging/recusal";
import { normaliseBlindCode } from "~/domain/registration/blind-codes";
import { appendAudit } from "~/models/audit.server";
import { JUDGED_STATUSES } from "~/models/results.server";

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
// judgeEntry(), which answers null for entries the judge may not see.

/** The judge's assignment to an event, or null when they are not on it. */
export function judgeAssignment(eventId: number, userId: number) {
  return prisma.judgeAssignment.findUnique({
    where: { eventId_userId: { eventId, userId } },
    select: {
      isChief: true,
      user: { select: { organisationId: true } },
      event: {
        select: {
          id: true,
          code: true,
          name: true,
          status: true,
          publishedAt: true,
          noticeEndsAt: true,
          contest: { select: { name: true, noticeDays: true } },
        },
      },
    },
  });
}

/**
 * Blind codes of the judged entries this judge may mark, with their own sheet state. Judges
 * address entries by blind code only: nothing judge-facing carries a registration id, which
 * other pages could join to a person.
 */
export async function judgeWorklist(
  eventId: number,
  userId: number,
  judgeOrganisationId: number | null,
) {
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
    .filter((e) => !isRecused(judgeOrganisationId, e.organisation))
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
    prisma.registration.findFirst({
      where: { eventId, blindCode: code, status: { in: JUDGED_STATUSES } },
      select: { id: true, blindCode: true, organisation: { select: { id: true, parentId: true } } },
    }),
    prisma.judgeAssignment.findMany({
      where: { eventId },
      orderBy: { id: "asc" },
      select: { userId: true, isChief: true, user: { select: { organisationId: true } } },
    }),
  ]);
  if (!entry) return null;
  const panel = panelFor(
    judges.map((j) => ({
      userId: j.userId,
      isChief: j.isChief,
      organisationId: j.user.organisationId,
    })),
    entry.organisation,
  );
  if (!panel.some((j) => j.userId === judgeUserId)) return null;
  return {
    id: entry.id,
    blindCode: entry.blindCode!,
    presiding: presidingJudge(panel)?.userId === judgeUserId,
  };
}

/** Skills events with their judging state, for the organiser's judging overview. */
export function listJudgedEvents() {
  return prisma.event.findMany({
    where: { contest: { kind: "skills_contest" } },
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

export async function eventJudgesPage(eventId: number) {
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      name: true,
      status: true,
      contest: { select: { name: true } },
      judges: { select: { userId: true, isChief: true } },
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
  return { event, judges };
}

export type AssignJudgesResult = { ok: true } | { ok: false; error: string };

/**
 * Replaces the event's panel. Refused once marking has started: a judge removed mid-way
 * would leave slots empty, and renumbering 裁判1/2/3 would change published receipts.
 */
export function assignJudges(
  eventId: number,
  input: { judgeIds: number[]; chiefId: number | null },
  actorId: number,
): Promise<AssignJudgesResult> {
  return writeTx(async (tx): Promise<AssignJudgesResult> => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { status: true } });
    if (!event) return { ok: false, error: "judging.judges.not_found" };
    if (event.status !== "open") return { ok: false, error: "judging.judges.scoring_started" };
    const ids = [...new Set(input.judgeIds)];
    if (input.chiefId !== null && !ids.includes(input.chiefId))
      return { ok: false, error: "judging.judges.chief_not_assigned" };
    const valid = await tx.user.count({ where: { id: { in: ids }, role: "judge" } });
    if (valid !== ids.length) return { ok: false, error: "judging.judges.not_a_judge" };
    const before = await tx.judgeAssignment.findMany({
      where: { eventId },
      select: { userId: true, isChief: true },
    });
    await tx.judgeAssignment.deleteMany({ where: { eventId, userId: { notIn: ids } } });
    for (const userId of ids) {
      const isChief = userId === input.chiefId;
      await tx.judgeAssignment.upsert({
        where: { eventId_userId: { eventId, userId } },
        create: { eventId, userId, isChief },
        update: { isChief },
      });
    }
    await appendAudit(tx, {
      actorId,
      action: "event.judges",
      entityType: "event",
      entityId: eventId,
      before,
      after: ids.map((userId) => ({ userId, isChief: userId === input.chiefId })),
    });
    return { ok: true };
  });
}
