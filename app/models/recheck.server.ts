// Recheck before lock (复核): the organiser's configuration per event, the chief judge's
// selection (top N by name, the share of the rest by a recorded random draw, everything in
// a full re-review) and assignment to a judge who did not mark the entry, the rechecker's
// pass through the marks (every difference a correction with a reason in the audit log),
// and the error rate that can order a full re-review. The rules are app/domain/judging/recheck.ts;
// lock reads what is still required through eventReadiness (readiness.server.ts).
import { randomBytes } from "node:crypto";
import { prisma, write, type Tx } from "~/db.server";
import {
  canRecheck,
  drawRechecks,
  fullReviewDue,
  planRechecks,
  recheckActive,
  recheckErrorRate,
  recheckLockProblems,
  validateRecheckConfig,
  type RecheckConfig,
  type RecheckReason,
  type RecheckRecord,
  type RecheckStatus,
} from "~/domain/judging/recheck";
import { marksOpen, type JudgingProblem } from "~/domain/judging/workflow";
import { formatBasisPoints, type EventResults } from "~/domain/scoring";
import { appendAudit, appendAuditMany } from "~/models/audit.server";
import { correctMarksInTx, loadReviewGrid } from "~/models/marks.server";
import { computeEvent, panelOf, JUDGED_STATUSES, type EventScoring } from "~/models/results.server";
import { publishResultsChanged, publishScoringChanged } from "~/utils/live-events.server";
import { fail, refuse, type Outcome as OneOutcome } from "~/utils/outcome";

/** The recheck models' answer: the value, or problems in words (i18n keys with params). */
type Outcome<T> = OneOutcome<T, JudgingProblem>;

export function recheckConfigOf(event: {
  recheckTopN: number;
  recheckShareBp: number;
  recheckErrorBp: number;
}): RecheckConfig {
  return {
    topN: event.recheckTopN,
    shareBp: event.recheckShareBp,
    errorBp: event.recheckErrorBp,
  };
}

const recheckSelect = {
  id: true,
  registrationId: true,
  reason: true,
  status: true,
  differences: true,
  judgeId: true,
  drawId: true,
  doneAt: true,
  judge: { select: { displayName: true } },
  registration: {
    select: {
      blindCode: true,
      status: true,
      organisation: { select: { id: true, parentId: true } },
    },
  },
} as const;

async function rechecksOf(db: Tx, eventId: number) {
  return db.recheck.findMany({
    where: { eventId },
    orderBy: { id: "asc" },
    select: recheckSelect,
  });
}

type RecheckRow = Awaited<ReturnType<typeof rechecksOf>>[number];

function recordOf(row: RecheckRow): RecheckRecord {
  return {
    entryId: String(row.registrationId),
    reason: row.reason as RecheckReason,
    status: row.status as RecheckStatus,
    differences: row.differences,
  };
}

/**
 * Where an event stands on rechecks, from its ranking now (`results`, computed without
 * prizes) and its recheck rows: what is still to select, the error rate, and what stops lock.
 */
export function recheckStatus(
  scoring: EventScoring,
  results: EventResults,
  rows: readonly RecheckRow[],
) {
  const config = recheckConfigOf(scoring.event);
  const entries = results.ok
    ? results.value.entries.map((e) => ({ entryId: e.entryId, rank: e.rank }))
    : [];
  // Rechecks of entries that are no longer judged (withdrawn) neither count nor block.
  const judged = new Set(entries.map((e) => e.entryId));
  const records = rows.map(recordOf).filter((r) => judged.has(r.entryId));
  const plan = planRechecks(config, entries, records, scoring.event.recheckFullReviewAt !== null);
  const rate = recheckErrorRate(records, config.errorBp);
  return {
    config,
    active: recheckActive(config) || plan.fullReview,
    plan,
    rate,
    fullReviewAt: scoring.event.recheckFullReviewAt,
    lockProblems: recheckLockProblems(config, plan, records),
  };
}

export type RecheckStatusView = ReturnType<typeof recheckStatus>;

export async function loadRecheckStatus(db: Tx, scoring: EventScoring, results: EventResults) {
  return recheckStatus(scoring, results, await rechecksOf(db, scoring.event.id));
}

// ── organiser ──

export type RecheckConfigInput = { topN: number; shareBp: number; errorBp: number };

/** The organiser sets the event's recheck rule; refused once results are locked. */
export async function saveRecheckConfig(
  eventId: number,
  input: RecheckConfigInput,
  actorId: number,
): Promise<Outcome<null>> {
  const outcome = await write(async (tx): Promise<Outcome<null>> => {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { status: true, recheckTopN: true, recheckShareBp: true, recheckErrorBp: true },
    });
    if (!event) return refuse("recheck.not_found");
    if (!marksOpen(event.status)) return refuse("recheck.config.locked");
    const problems = validateRecheckConfig(input);
    if (problems.length > 0) return fail(...problems);
    await tx.event.update({
      where: { id: eventId },
      data: {
        recheckTopN: input.topN,
        recheckShareBp: input.shareBp,
        recheckErrorBp: input.errorBp,
      },
    });
    await appendAudit(tx, {
      actorId,
      action: "recheck.config",
      entityType: "Event",
      entityId: eventId,
      before: recheckConfigOf(event),
      after: input,
    });
    return { ok: true as const, value: null };
  });
  // The recheck rule is part of the event's scoring definition.
  if (outcome.ok) publishScoringChanged(eventId);
  return outcome;
}

// ── chief judge and organiser: the board ──

/**
 * The judges who marked each entry: its panel after recusal and everyone holding a mark on
 * it (one query for all the rows). A recheck goes to a judge outside this list.
 */
async function originalJudges(db: Tx, scoring: EventScoring, rows: readonly RecheckRow[]) {
  const marks = await db.mark.findMany({
    where: { registrationId: { in: rows.map((r) => r.registrationId) } },
    distinct: ["registrationId", "judgeId"],
    select: { registrationId: true, judgeId: true },
  });
  return new Map(
    rows.map((row) => {
      const panel = panelOf(scoring, {
        id: row.registrationId,
        organisationId: row.registration.organisation.id,
        organisation: row.registration.organisation,
      });
      const marked = marks.filter((m) => m.registrationId === row.registrationId);
      return [
        row.id,
        [...new Set([...panel.map((j) => j.userId), ...marked.map((m) => m.judgeId)])],
      ] as const;
    }),
  );
}

/**
 * Everything the rechecks page shows: the rule, where the event stands, every recheck with
 * who may take it, and the draws with their seeds. Null when the event does not exist.
 */
export async function recheckBoard(eventId: number) {
  const computed = await computeEvent(prisma, eventId, { withPrizes: false });
  if (!computed) return null;
  const { scoring, results } = computed;
  const rows = await rechecksOf(prisma, eventId);
  const { plan, ...status } = recheckStatus(scoring, results, rows);
  const judges = await prisma.user.findMany({
    where: { role: "judge", active: true },
    orderBy: { id: "asc" },
    select: { id: true, displayName: true, organisationId: true },
  });
  const originals = await originalJudges(prisma, scoring, rows);
  const rechecks = rows.map((row) => ({
    id: row.id,
    registrationId: row.registrationId,
    blindCode: row.registration.blindCode ?? "",
    reason: row.reason,
    status: row.status,
    differences: row.differences,
    judgeId: row.judgeId,
    judgeName: row.judge?.displayName ?? null,
    eligible: judges
      .filter((j) =>
        canRecheck(
          { userId: j.id, organisationId: j.organisationId },
          {
            organisation: row.registration.organisation,
            originalJudgeIds: originals.get(row.id) ?? [],
          },
        ),
      )
      .map((j) => ({ id: j.id, name: j.displayName })),
  }));
  const draws = await prisma.recheckDraw.findMany({
    where: { eventId },
    orderBy: { id: "asc" },
    select: { id: true, seed: true, candidates: true, count: true, drawn: true, createdAt: true },
  });
  const incomplete = results.ok
    ? results.value.entries.filter((e) => e.status !== "complete").length
    : null;
  return {
    event: {
      id: scoring.event.id,
      name: scoring.event.name,
      status: scoring.event.status,
      contestName: scoring.event.contest.name,
    },
    // The plan by its sizes: its entry ids (registration ids) never leave the model.
    status: {
      ...status,
      plan: {
        top: plan.top.length,
        restCount: plan.restCount,
        sampleSize: plan.sampleSize,
        sampled: plan.sampled,
        fullReview: plan.fullReview,
        toSelect: plan.toSelect.length,
        toDraw: plan.toDraw,
      },
    },
    rechecks,
    incomplete,
    draws: draws.map((d) => ({
      ...d,
      candidates: JSON.parse(d.candidates) as number[],
      drawn: JSON.parse(d.drawn) as number[],
    })),
  };
}

/**
 * The rechecks page as the chief judge sees it: entries by blind code only, and each draw
 * by its seed and sizes. Registration ids (of the rechecks and of a draw's candidates) stay
 * with the organiser's page and the audit log: nothing judge-facing carries one.
 */
export async function judgeRecheckBoard(eventId: number) {
  const board = await recheckBoard(eventId);
  if (!board) return null;
  return {
    ...board,
    rechecks: board.rechecks.map(({ registrationId: _id, ...r }) => r),
    draws: board.draws.map(({ candidates, drawn, ...d }) => ({
      ...d,
      candidates: candidates.length,
      drawn: drawn.length,
    })),
  };
}

// ── chief judge: select and assign ──

async function chiefOn(db: Tx, eventId: number, userId: number) {
  const a = await db.judgeAssignment.findUnique({
    where: { eventId_userId: { eventId, userId } },
    select: { isChief: true },
  });
  return a?.isChief === true;
}

export type SelectionResult = { selected: number; drawn: number; drawId: number | null };

/**
 * Selects what the rule requires now: top-N entries without a recheck by name, the missing
 * share of the rest by a random draw (seed from node:crypto, recorded with the candidates),
 * or every entry left in a full re-review. Needs every entry's total, since the top N
 * depends on the final ranking.
 */
export async function selectRechecks(
  eventId: number,
  chiefId: number,
  seed: string = randomBytes(16).toString("hex"),
): Promise<Outcome<SelectionResult>> {
  const result = await write(async (tx): Promise<Outcome<SelectionResult>> => {
    if (!(await chiefOn(tx, eventId, chiefId))) return refuse("recheck.not_found");
    const computed = await computeEvent(tx, eventId, { withPrizes: false });
    if (!computed) return refuse("recheck.not_found");
    const { scoring, results } = computed;
    if (!marksOpen(scoring.event.status)) return refuse("recheck.closed");
    if (!results.ok) return refuse("recheck.select.not_computable");
    const incomplete = results.value.entries.filter((e) => e.status !== "complete").length;
    if (incomplete > 0) return refuse("recheck.select.incomplete", { n: incomplete });
    const status = recheckStatus(scoring, results, await rechecksOf(tx, eventId));
    if (!status.active) return refuse("recheck.select.not_required");
    const { plan } = status;
    if (plan.toSelect.length === 0 && plan.toDraw === 0) return refuse("recheck.select.nothing");

    const named: RecheckReason = plan.fullReview ? "full" : "top";
    let drawId: number | null = null;
    let drawn: string[] = [];
    if (plan.toDraw > 0) {
      drawn = drawRechecks(plan.candidates, plan.toDraw, seed);
      const draw = await tx.recheckDraw.create({
        data: {
          eventId,
          seed,
          candidates: JSON.stringify(plan.candidates.map(Number)),
          count: plan.toDraw,
          drawn: JSON.stringify(drawn.map(Number)),
          actorId: chiefId,
        },
      });
      drawId = draw.id;
    }
    const picks = [
      ...plan.toSelect.map((id) => ({ id, reason: named, drawId: null as number | null })),
      ...drawn.map((id) => ({ id, reason: "random" as RecheckReason, drawId })),
    ];
    await tx.recheck.createMany({
      data: picks.map((p) => ({
        eventId,
        registrationId: Number(p.id),
        reason: p.reason,
        drawId: p.drawId,
      })),
    });
    await appendAuditMany(tx, [
      ...(drawId !== null
        ? [
            {
              actorId: chiefId,
              action: "recheck.draw",
              entityType: "Event" as const,
              entityId: eventId,
              after: {
                drawId,
                seed,
                candidates: plan.candidates.map(Number),
                count: plan.toDraw,
                drawn: drawn.map(Number),
              },
            },
          ]
        : []),
      ...picks.map((p) => ({
        actorId: chiefId,
        action: "recheck.select",
        entityType: "Registration" as const,
        entityId: Number(p.id),
        after: { reason: p.reason, drawId: p.drawId },
      })),
    ]);
    return { ok: true, value: { selected: plan.toSelect.length, drawn: drawn.length, drawId } };
  });
  return result;
}

/** The chief judge gives a recheck to a judge who may take it (not recused, did not mark it). */
export async function assignRecheck(
  eventId: number,
  chiefId: number,
  recheckId: number,
  judgeId: number,
): Promise<Outcome<null>> {
  return write(async (tx): Promise<Outcome<null>> => {
    if (!(await chiefOn(tx, eventId, chiefId))) return refuse("recheck.not_found");
    const row = await tx.recheck.findFirst({
      where: { id: recheckId, eventId },
      select: recheckSelect,
    });
    if (!row) return refuse("recheck.not_found");
    const computed = await computeEvent(tx, eventId, { withPrizes: false });
    if (!computed || !marksOpen(computed.scoring.event.status)) return refuse("recheck.closed");
    if (row.status === "done") return refuse("recheck.assign.done");
    const judge = await tx.user.findFirst({
      where: { id: judgeId, role: "judge", active: true },
      select: { id: true, organisationId: true },
    });
    const originals = (await originalJudges(tx, computed.scoring, [row])).get(row.id) ?? [];
    if (
      !judge ||
      !canRecheck(
        { userId: judge.id, organisationId: judge.organisationId },
        { organisation: row.registration.organisation, originalJudgeIds: originals },
      )
    )
      return refuse("recheck.assign.not_eligible");
    await tx.recheck.update({
      where: { id: row.id },
      data: { judgeId: judge.id, status: "assigned", assignedAt: new Date() },
    });
    await appendAudit(tx, {
      actorId: chiefId,
      action: "recheck.assign",
      entityType: "Registration",
      entityId: row.registrationId,
      before: { recheckId: row.id, judgeId: row.judgeId, status: row.status },
      after: { recheckId: row.id, judgeId: judge.id, status: "assigned" },
    });
    return { ok: true, value: null };
  });
}

// ── the rechecking judge ──

/** Rechecks given to a judge, with their event, newest first. */
export function listMyRechecks(judgeId: number) {
  return prisma.recheck.findMany({
    where: { judgeId },
    orderBy: { id: "desc" },
    select: {
      id: true,
      status: true,
      reason: true,
      registration: { select: { blindCode: true } },
      event: { select: { id: true, name: true, contest: { select: { name: true } } } },
    },
  });
}

/**
 * The rechecker's sheet: every mark of the entry by panel position (never judges' names),
 * or null when the recheck is not theirs.
 */
export async function loadRecheckSheet(recheckId: number, judgeId: number) {
  const row = await prisma.recheck.findFirst({
    where: { id: recheckId, judgeId },
    select: { id: true, eventId: true, registrationId: true, reason: true, status: true },
  });
  if (!row) return null;
  const grid = await loadReviewGrid(row.eventId, row.registrationId);
  if (!grid) return null;
  return {
    // The rechecker addresses the entry by blind code: its registration id stays here.
    recheck: { id: row.id, eventId: row.eventId, reason: row.reason, status: row.status },
    event: grid.event,
    blindCode: grid.blindCode,
    judges: grid.panel.map((p) => p.judgeNo),
    parts: grid.parts.map((part) => ({
      ...part,
      criteria: part.criteria.map((c) => ({
        ...c,
        cells: c.cells.map((cell) => ({
          key: `${c.id}:${cell.judgeId}`,
          judgeNo: cell.judgeNo,
          value: cell.value,
        })),
      })),
    })),
    open: marksOpen(grid.event.status),
  };
}

export type RecheckDone = { differences: number; fullReviewOrdered: boolean };

/**
 * The rechecker finishes: the cells they found different become corrections (reason
 * required, audited as mark.recheck), the recheck is done, and once the sample is complete
 * an error rate above the threshold orders a full re-review (recorded on the event).
 */
export async function completeRecheck(input: {
  recheckId: number;
  judgeId: number;
  cells: Record<string, string | undefined>;
  reason: string;
  now?: Date;
}): Promise<Outcome<RecheckDone>> {
  const now = input.now ?? new Date();
  type Done = {
    outcome: Outcome<RecheckDone>;
    changed: number;
    eventId: number;
  };
  const stop = (outcome: Done["outcome"]): Done => ({ outcome, changed: 0, eventId: 0 });
  const result = await write(async (tx): Promise<Done> => {
    const row = await tx.recheck.findFirst({
      where: { id: input.recheckId, judgeId: input.judgeId },
      select: { id: true, eventId: true, registrationId: true, status: true, differences: true },
    });
    if (!row) return stop(refuse("recheck.not_found"));
    const event = await tx.event.findUnique({
      where: { id: row.eventId },
      select: { status: true },
    });
    if (!event || !marksOpen(event.status)) return stop(refuse("recheck.closed"));
    if (row.status === "done") return stop(refuse("recheck.already_done"));
    const corrected = await correctMarksInTx(tx, {
      eventId: row.eventId,
      registrationId: row.registrationId,
      actorId: input.judgeId,
      cells: input.cells,
      reason: input.reason,
      action: "mark.recheck",
    });
    if (!corrected.ok) {
      // Cells' problems keep their fields; the sheet's own refusals in the recheck's words.
      const cells = corrected.problems.filter((p) => p.field !== undefined);
      if (cells.length > 0)
        return stop(fail(...refuse("recheck.sheet.invalid").problems, ...cells));
      if (corrected.problems.some((p) => p.code === "judging.review.reason_required"))
        return stop(refuse("recheck.sheet.reason_required"));
      return stop(refuse("recheck.not_found"));
    }
    await tx.recheck.update({
      where: { id: row.id },
      data: {
        status: "done",
        doneAt: now,
        differences: row.differences + corrected.value.changed,
      },
    });
    await appendAudit(tx, {
      actorId: input.judgeId,
      action: "recheck.done",
      entityType: "Registration",
      entityId: row.registrationId,
      before: { recheckId: row.id, status: row.status },
      after: { recheckId: row.id, status: "done", differences: corrected.value.changed },
      reason: corrected.value.changed > 0 ? input.reason.trim() : null,
    });
    const fullReviewOrdered = await orderFullReviewIfDue(tx, row.eventId, input.judgeId, now);
    return {
      outcome: { ok: true, value: { differences: corrected.value.changed, fullReviewOrdered } },
      changed: corrected.value.changed,
      eventId: row.eventId,
    };
  });
  if (result.changed > 0) publishResultsChanged(result.eventId);
  // The full review ordered is recorded on the event's scoring definition.
  if (result.outcome.ok && result.outcome.value.fullReviewOrdered)
    publishScoringChanged(result.eventId);
  return result.outcome;
}

/** Records on the event that the completed sample's error rate orders a full re-review. */
async function orderFullReviewIfDue(tx: Tx, eventId: number, actorId: number, now: Date) {
  const computed = await computeEvent(tx, eventId, { withPrizes: false });
  if (!computed || !computed.results.ok) return false;
  const { scoring, results } = computed;
  const rows = await rechecksOf(tx, eventId);
  const status = recheckStatus(scoring, results, rows);
  const judged = new Set(results.value.entries.map((e) => e.entryId));
  const records = rows.map(recordOf).filter((r) => judged.has(r.entryId));
  if (!fullReviewDue(status.config, status.plan, records)) return false;
  await tx.event.update({ where: { id: eventId }, data: { recheckFullReviewAt: now } });
  await appendAudit(tx, {
    actorId,
    action: "recheck.full_review",
    entityType: "Event",
    entityId: eventId,
    after: {
      rate: formatBasisPoints(status.rate.rateBp),
      threshold: formatBasisPoints(status.config.errorBp),
      done: status.rate.done,
      withDifferences: status.rate.withDifferences,
    },
  });
  return true;
}

/** Judged entries of an event (for the organiser's counts). */
export function judgedEntryCount(eventId: number) {
  return prisma.registration.count({ where: { eventId, status: { in: JUDGED_STATUSES } } });
}
