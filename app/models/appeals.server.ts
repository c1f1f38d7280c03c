// Appeals (申诉) against published results. An organisation manager lodges one in writing
// during the notice period; the chief judge starts a review (which reopens the entry's
// marks for correction), then upholds or dismisses it. The decision records the marks that
// changed and the entry's rank and total before and after, and the appellant sees it.
import { prisma, write } from "~/db.server";
import { appealOpen, appealRefusal, type JudgingProblem } from "~/domain/judging/workflow";
import { appendAudit } from "~/models/audit.server";
import type { AppealDecisionRecord } from "~/domain/judging/appeal-decision";
export { parseDecision, type AppealDecisionRecord } from "~/domain/judging/appeal-decision";
import { writeEventRanks } from "~/models/results.server";
import { publishResultsChanged } from "~/utils/live-events.server";

export type LodgeResult = { ok: true; id: number } | { ok: false; problem: JudgingProblem };

export async function lodgeAppeal(input: {
  registrationId: number;
  organisationId: number;
  userId: number;
  text: string;
  now?: Date;
}): Promise<LodgeResult> {
  const now = input.now ?? new Date();
  return write(async (tx): Promise<LodgeResult> => {
    const entry = await tx.registration.findFirst({
      where: { id: input.registrationId, organisationId: input.organisationId },
      select: {
        id: true,
        event: { select: { status: true, publishedAt: true, noticeEndsAt: true } },
      },
    });
    if (!entry) return { ok: false, problem: { code: "judging.appeal.not_found", params: {} } };
    const refusal = appealRefusal(entry.event, now);
    if (refusal) return { ok: false, problem: refusal };
    const open = await tx.appeal.count({
      where: { registrationId: entry.id, status: { in: ["submitted", "reviewing"] } },
    });
    if (open > 0)
      return { ok: false, problem: { code: "judging.appeal.already_open", params: {} } };
    const appeal = await tx.appeal.create({
      data: {
        registrationId: entry.id,
        organisationId: input.organisationId,
        submittedById: input.userId,
        text: input.text,
      },
    });
    await appendAudit(tx, {
      actorId: input.userId,
      action: "appeal.lodge",
      entityType: "registration",
      entityId: entry.id,
      after: { appealId: appeal.id, status: "submitted" },
      reason: input.text,
    });
    return { ok: true, id: appeal.id };
  });
}

export function listAppealsForEntry(registrationId: number) {
  return prisma.appeal.findMany({ where: { registrationId }, orderBy: { id: "asc" } });
}

export function listAppealsForEvent(eventId: number) {
  return prisma.appeal.findMany({
    where: { registration: { eventId } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      text: true,
      createdAt: true,
      registrationId: true,
      registration: { select: { blindCode: true } },
    },
  });
}

export type ReviewResult = { ok: true } | { ok: false; problem: JudgingProblem };

async function chiefOf(eventId: number, userId: number) {
  const a = await prisma.judgeAssignment.findUnique({
    where: { eventId_userId: { eventId, userId } },
  });
  return a?.isChief === true;
}

/** Chief judge opens the review: the entry's marks may now be corrected (see correctMarks). */
export async function startAppealReview(
  appealId: number,
  eventId: number,
  chiefId: number,
): Promise<ReviewResult> {
  if (!(await chiefOf(eventId, chiefId)))
    return { ok: false, problem: { code: "judging.appeal.not_found", params: {} } };
  return write(async (tx): Promise<ReviewResult> => {
    const appeal = await tx.appeal.findFirst({
      where: { id: appealId, registration: { eventId } },
    });
    if (!appeal) return { ok: false, problem: { code: "judging.appeal.not_found", params: {} } };
    if (appeal.status !== "submitted")
      return { ok: false, problem: { code: "judging.appeal.not_open", params: {} } };
    await tx.appeal.update({ where: { id: appeal.id }, data: { status: "reviewing" } });
    // The published rank and total as the review starts: what the decision compares against.
    const published = await tx.result.findUnique({
      where: { registrationId: appeal.registrationId },
    });
    await appendAudit(tx, {
      actorId: chiefId,
      action: "appeal.review",
      entityType: "registration",
      entityId: appeal.registrationId,
      before: { appealId, status: "submitted" },
      after: {
        appealId,
        status: "reviewing",
        rank: published?.rank ?? null,
        total: published?.total ?? null,
      },
    });
    return { ok: true };
  });
}

/**
 * Chief judge decides. Ranks, prizes and standardised scores of the whole event are
 * recomputed from the marks (an upheld appeal can move other entries too), and the
 * decision stores what changed since the review started.
 */
export async function decideAppeal(input: {
  appealId: number;
  eventId: number;
  chiefId: number;
  outcome: "upheld" | "dismissed";
  note: string;
}): Promise<ReviewResult> {
  if (!(await chiefOf(input.eventId, input.chiefId)))
    return { ok: false, problem: { code: "judging.appeal.not_found", params: {} } };
  const result = await write(async (tx): Promise<ReviewResult> => {
    const appeal = await tx.appeal.findFirst({
      where: { id: input.appealId, registration: { eventId: input.eventId } },
    });
    if (!appeal) return { ok: false, problem: { code: "judging.appeal.not_found", params: {} } };
    if (!appealOpen(appeal.status))
      return { ok: false, problem: { code: "judging.appeal.not_open", params: {} } };
    const before = await tx.result.findMany({
      where: { eventId: input.eventId },
      select: { registrationId: true, rank: true, total: true },
    });
    const mine = before.find((r) => r.registrationId === appeal.registrationId);
    const ranks = await writeEventRanks(tx, input.eventId);
    const after = await tx.result.findUnique({ where: { registrationId: appeal.registrationId } });
    const reviewStart = await tx.auditLog.findFirst({
      where: {
        entityType: "registration",
        entityId: appeal.registrationId,
        action: { in: ["appeal.review", "appeal.lodge"] },
      },
      orderBy: { id: "desc" },
    });
    // Corrections during the review already moved the stored total; the published one is in the review record.
    const atReview =
      reviewStart?.action === "appeal.review"
        ? (JSON.parse(reviewStart.after ?? "{}") as { total?: number | null })
        : null;
    const changed = await tx.auditLog.findMany({
      where: {
        entityType: "registration",
        entityId: appeal.registrationId,
        action: "mark.correct",
        id: { gt: reviewStart?.id ?? 0 },
      },
      orderBy: { id: "asc" },
    });
    const record: AppealDecisionRecord = {
      note: input.note,
      rankBefore: mine?.rank ?? null,
      rankAfter: after?.rank ?? null,
      totalBefore:
        atReview && atReview.total !== undefined ? atReview.total : (mine?.total ?? null),
      totalAfter: after?.total ?? null,
      othersMoved: before.filter(
        (r) =>
          r.registrationId !== appeal.registrationId &&
          ranks.has(r.registrationId) &&
          ranks.get(r.registrationId) !== r.rank,
      ).length,
      changedMarks: changed.map((row) => {
        const b = JSON.parse(row.before ?? "{}") as {
          criterion?: string;
          judgeNo?: number;
          display?: string | null;
        };
        const a = JSON.parse(row.after ?? "{}") as { display?: string | null };
        return {
          criterion: b.criterion ?? "",
          judgeNo: b.judgeNo ?? 0,
          before: b.display ?? null,
          after: a.display ?? null,
          reason: row.reason,
        };
      }),
    };
    await tx.appeal.update({
      where: { id: appeal.id },
      data: {
        status: input.outcome,
        decision: JSON.stringify(record),
        decidedById: input.chiefId,
        decidedAt: new Date(),
      },
    });
    await appendAudit(tx, {
      actorId: input.chiefId,
      action: "appeal.decide",
      entityType: "registration",
      entityId: appeal.registrationId,
      before: {
        appealId: appeal.id,
        status: appeal.status,
        rank: record.rankBefore,
        total: record.totalBefore,
      },
      after: {
        appealId: appeal.id,
        status: input.outcome,
        rank: record.rankAfter,
        total: record.totalAfter,
      },
      reason: input.note,
    });
    return { ok: true };
  });
  if (result.ok) publishResultsChanged(input.eventId);
  return result;
}
