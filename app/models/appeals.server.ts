// Appeals (申诉) against published results. An organisation manager lodges one in writing
// during the notice period; the entry's presiding judge (the chief judge, unless recused
// from it) starts a review (which reopens the entry's
// marks for correction), then upholds or dismisses it. The decision records the marks that
// changed and the entry's rank and total before and after, and the appellant sees it.
import { prisma, write, type Tx } from "~/db.server";
import { appealOpen, appealRefusal, type JudgingProblem } from "~/domain/judging/workflow";
import { appendAudit, auditWhere, type AuditEntityType } from "~/models/audit.server";
import type { AppealDecisionRecord } from "~/domain/judging/appeal-decision";
import { parseDecision } from "~/domain/judging/appeal-decision";
export { parseDecision, type AppealDecisionRecord } from "~/domain/judging/appeal-decision";
import { loadEventScoring, presiderOf, writeEventRanks } from "~/models/results.server";
import { publishResultsChanged } from "~/utils/live-events.server";
import { fail, ok, refuse, type Outcome } from "~/utils/outcome";

/** The new appeal's id, or why not (message keys). */
export type LodgeResult = Outcome<number, JudgingProblem>;

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
    if (!entry) return refuse("judging.appeal.not_found");
    const refusal = appealRefusal(entry.event, now);
    if (refusal) return fail(refusal);
    const open = await tx.appeal.count({
      where: { registrationId: entry.id, status: { in: ["submitted", "reviewing"] } },
    });
    if (open > 0) return refuse("judging.appeal.already_open");
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
      entityType: "Registration",
      entityId: entry.id,
      after: { appealId: appeal.id, status: "submitted" },
      reason: input.text,
    });
    return ok(appeal.id);
  });
}

/** An entry's appeals, for its own organisation's receipt and its presiding judge's review page. */
export async function listAppealsForEntry(registrationId: number) {
  const appeals = await prisma.appeal.findMany({
    where: { registrationId },
    orderBy: { id: "asc" },
    select: { id: true, status: true, text: true, createdAt: true, decision: true },
  });
  return appeals.map((a) => ({ ...a, decision: parseDecision(a.decision) }));
}

/**
 * The appeals of an event on entries this judge presides over, by blind code. A chief
 * recused from an entry never sees its appeal (its text names the appellant's case).
 */
export async function listAppealsForEvent(eventId: number, judgeId: number) {
  const scoring = await loadEventScoring(prisma, eventId);
  if (!scoring) return [];
  const appeals = await prisma.appeal.findMany({
    where: { registration: { eventId } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      text: true,
      createdAt: true,
      registration: {
        select: {
          id: true,
          organisationId: true,
          blindCode: true,
          organisation: { select: { id: true, parentId: true } },
        },
      },
    },
  });
  return appeals
    .filter((a) => presiderOf(scoring, a.registration)?.userId === judgeId)
    .map((a) => ({
      id: a.id,
      status: a.status,
      text: a.text,
      createdAt: a.createdAt,
      blindCode: a.registration.blindCode ?? "",
    }));
}

export type ReviewResult = Outcome<undefined, JudgingProblem>;

export type AppealAction = {
  appealId: number;
  eventId: number;
  /** The entry of the page the action came from: the appeal must be this entry's. */
  registrationId: number;
  /** The judge acting: must preside over the appeal's own entry. */
  judgeId: number;
};

/**
 * The appeal, when it is the named entry's and that entry's presiding judge is the one
 * acting. Every appeal action goes through here, inside its transaction: an appeal id
 * posted through another entry's page, or by a chief recused from its entry, is not found.
 */
async function appealToHandle(tx: Tx, action: AppealAction) {
  const appeal = await tx.appeal.findFirst({
    where: {
      id: action.appealId,
      registrationId: action.registrationId,
      registration: { eventId: action.eventId },
    },
    include: {
      registration: {
        select: {
          id: true,
          organisationId: true,
          organisation: { select: { id: true, parentId: true } },
        },
      },
    },
  });
  if (!appeal) return null;
  const scoring = await loadEventScoring(tx, action.eventId);
  if (!scoring || presiderOf(scoring, appeal.registration)?.userId !== action.judgeId) return null;
  return appeal;
}

const NOT_FOUND: ReviewResult = refuse("judging.appeal.not_found");

/** The presiding judge opens the review: the entry's marks may now be corrected (see correctMarks). */
export async function startAppealReview(action: AppealAction): Promise<ReviewResult> {
  return write(async (tx): Promise<ReviewResult> => {
    const appeal = await appealToHandle(tx, action);
    if (!appeal) return NOT_FOUND;
    if (appeal.status !== "submitted") return refuse("judging.appeal.not_open");
    await tx.appeal.update({ where: { id: appeal.id }, data: { status: "reviewing" } });
    // The published rank and total as the review starts: what the decision compares against.
    const published = await tx.result.findUnique({
      where: { registrationId: appeal.registrationId },
    });
    await appendAudit(tx, {
      actorId: action.judgeId,
      action: "appeal.review",
      entityType: "Registration",
      entityId: appeal.registrationId,
      before: { appealId: appeal.id, status: "submitted" },
      after: {
        appealId: appeal.id,
        status: "reviewing",
        rank: published?.rank ?? null,
        total: published?.total ?? null,
      },
    });
    return ok();
  });
}

/**
 * The presiding judge decides. Ranks, prizes and standardised scores of the whole event are
 * recomputed from the marks (an upheld appeal can move other entries too), and the
 * decision stores what changed since the review started.
 */
export async function decideAppeal(
  input: AppealAction & { outcome: "upheld" | "dismissed"; note: string },
): Promise<ReviewResult> {
  const result = await write(async (tx): Promise<ReviewResult> => {
    const appeal = await appealToHandle(tx, input);
    if (!appeal) return NOT_FOUND;
    if (!appealOpen(appeal.status)) return refuse("judging.appeal.not_open");
    const before = await tx.result.findMany({
      where: { eventId: input.eventId },
      select: { registrationId: true, rank: true, total: true },
    });
    const mine = before.find((r) => r.registrationId === appeal.registrationId);
    const { moved } = await writeEventRanks(tx, input.eventId);
    const after = await tx.result.findUnique({ where: { registrationId: appeal.registrationId } });
    const reviewStart = await tx.auditLog.findFirst({
      where: {
        ...auditWhere("Registration", appeal.registrationId),
        action: { in: ["appeal.review", "appeal.lodge"] },
      },
      orderBy: { id: "desc" },
    });
    // Corrections during the review already moved the stored total and ranks (every stored
    // figure follows every change); the published ones are in the review record, and the
    // ranks the corrections moved are in the event's result.ranks audit rows since then.
    const atReview =
      reviewStart?.action === "appeal.review"
        ? (JSON.parse(reviewStart.after ?? "{}") as { total?: number | null; rank?: number | null })
        : null;
    // What the audit log recorded since the review started.
    const sinceReview = (entityType: AuditEntityType, entityId: number, action: string) =>
      tx.auditLog.findMany({
        where: { ...auditWhere(entityType, entityId), action, id: { gt: reviewStart?.id ?? 0 } },
        orderBy: { id: "asc" },
      });
    const rankAtReview = new Map<number, number | null>();
    const rankRows = await sinceReview("Event", input.eventId, "result.ranks");
    for (const row of rankRows) {
      for (const [id, rank] of JSON.parse(row.before ?? "[]") as [number, number | null][])
        if (!rankAtReview.has(id)) rankAtReview.set(id, rank);
    }
    for (const m of moved)
      if (!rankAtReview.has(m.registrationId)) rankAtReview.set(m.registrationId, m.rankBefore);
    const rankNow = new Map(before.map((r) => [r.registrationId, r.rank] as const));
    for (const m of moved) rankNow.set(m.registrationId, m.rankAfter);
    const changed = await sinceReview("Registration", appeal.registrationId, "mark.correct");
    const record: AppealDecisionRecord = {
      note: input.note,
      rankBefore: atReview && atReview.rank !== undefined ? atReview.rank : (mine?.rank ?? null),
      rankAfter: after?.rank ?? null,
      totalBefore:
        atReview && atReview.total !== undefined ? atReview.total : (mine?.total ?? null),
      totalAfter: after?.total ?? null,
      othersMoved: [...rankAtReview].filter(
        ([id, rank]) => id !== appeal.registrationId && rankNow.get(id) !== rank,
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
        decidedById: input.judgeId,
        decidedAt: new Date(),
      },
    });
    await appendAudit(tx, {
      actorId: input.judgeId,
      action: "appeal.decide",
      entityType: "Registration",
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
    return ok();
  });
  if (result.ok) publishResultsChanged(input.eventId);
  return result;
}
