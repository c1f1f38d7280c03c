// Results of judged events: the maintained Result row of each entry (recomputed inside the
// same write as every mark change), event-wide ranks, prizes and standardised scores at
// lock / publish / upheld appeal, chief-judge progress, and competitors' receipts.
// All arithmetic is app/domain/scoring's; this module only loads and stores.
import { proposeTechnicalExpertsInTx } from "~/models/technical-experts.server";
import { prisma, write, type Tx } from "~/db.server";
import {
  entryMarks,
  eventDefinition,
  parsePrizeRules,
  parseTieBreaks,
  rankKeyFor,
} from "~/domain/judging/definition";
import {
  measurementRecorder,
  panelFor,
  presidingJudge,
  type PanelJudge,
} from "~/domain/judging/recusal";
import { noticeEndsAt, publishProblems, type JudgingProblem } from "~/domain/judging/workflow";
import { theoryCapPct, theoryCapProblems } from "~/domain/contest/theory-cap";
import {
  buildReceipt,
  computeEventResults,
  standardisedUnits,
  validateEvent,
  validatePrizeRules,
  type EntryResult,
  type ScoringProblem,
} from "~/domain/scoring";
import { appendAudit } from "~/models/audit.server";
import { changeContestStatusInTx } from "~/models/contest-admin.server";
import { applyResultChange, type ResultState } from "~/models/ranking-tables.server";
import { withPrizeStats } from "~/models/entry-stats.server";
import { publishResultsChanged, publishScoringChanged } from "~/utils/live-events.server";
import type { Prisma } from "~/generated/prisma/client";
import { failIfAny, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";
import { keyedProblem } from "~/i18n";

/** Registrations that are judged. */
export const JUDGED_STATUSES = ["approved", "checked_in"];

/** The judged entries of an event (approved or checked in, blind-coded), as a Prisma filter; loadJudgedEntrySql says the same in SQL. */
export const judgedEntriesOf = (eventId: number) => ({
  eventId,
  status: { in: JUDGED_STATUSES },
  blindCode: { not: null },
});

export type Db = Tx;

const eventSelect = {
  id: true,
  code: true,
  name: true,
  status: true,
  fullMark: true,
  aggregation: true,
  tieBreaks: true,
  prizeRules: true,
  lockedAt: true,
  publishedAt: true,
  noticeEndsAt: true,
  standardisedDecimals: true,
  scoringOpensAt: true,
  scoringClosesAt: true,
  contest: {
    select: {
      id: true,
      code: true,
      name: true,
      noticeDays: true,
      kind: true,
      theoryCapPct: true,
      startsAt: true,
    },
  },
  recheckTopN: true,
  recheckShareBp: true,
  recheckErrorBp: true,
  recheckFullReviewAt: true,
  parts: {
    orderBy: [{ sortOrder: "asc" as const }, { id: "asc" as const }],
    select: {
      id: true,
      kind: true,
      name: true,
      weight: true,
      fullMark: true,
      sortOrder: true,
      criteria: {
        orderBy: [{ sortOrder: "asc" as const }, { id: "asc" as const }],
        select: {
          id: true,
          code: true,
          name: true,
          subCriterion: true,
          type: true,
          maxMark: true,
          aggregation: true,
          descriptors: true,
          sortOrder: true,
        },
      },
    },
  },
  judges: {
    orderBy: { id: "asc" as const },
    select: {
      userId: true,
      isChief: true,
      reserve: true,
      user: { select: { organisationId: true, displayName: true, username: true } },
    },
  },
};

export type JudgingJudge = PanelJudge & { displayName: string; username: string };

/** Everything needed to score an event: its row, scheme, rules and judges. */
export async function loadEventScoring(db: Db, eventId: number) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: eventSelect });
  return event ? scoringOf(event) : null;
}

export type ScoringEventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

/** The scoring set-up built from the event row, however it was read. */
export function scoringOf(event: ScoringEventRow) {
  const definition = eventDefinition(event);
  const judges: JudgingJudge[] = event.judges.map((j) => ({
    userId: j.userId,
    isChief: j.isChief,
    reserve: j.reserve,
    organisationId: j.user.organisationId,
    displayName: j.user.displayName,
    username: j.user.username,
  }));
  return {
    event,
    definition,
    tieBreaks: parseTieBreaks(event.tieBreaks, event.parts),
    prizes: parsePrizeRules(event.prizeRules),
    judges,
  };
}

export type EventScoring = ReturnType<typeof scoringOf>;

const entrySelect = {
  id: true,
  eventId: true,
  organisationId: true,
  blindCode: true,
  entryNumber: true,
  status: true,
  organisation: { select: { id: true, parentId: true, name: true } },
  worker: { select: { name: true } },
  team: { select: { name: true } },
};

export type EntryRow = {
  id: number;
  organisationId: number;
  organisation: { id: number; parentId: number | null };
};

export function panelOf(scoring: EventScoring, entry: EntryRow): JudgingJudge[] {
  return panelFor(scoring.judges, entry.organisation);
}

export function recorderOf(scoring: EventScoring, entry: EntryRow): JudgingJudge | null {
  return measurementRecorder(panelOf(scoring, entry));
}

/** The judge who reviews the entry, corrects its marks and handles its appeals. */
export function presiderOf(scoring: EventScoring, entry: EntryRow): JudgingJudge | null {
  return presidingJudge(panelOf(scoring, entry));
}

async function marksOf(db: Db, registrationIds: number[]) {
  return db.mark.findMany({
    where: { registrationId: { in: registrationIds } },
    select: { registrationId: true, criterionId: true, judgeId: true, value: true },
  });
}

export type StoredMark = {
  registrationId: number;
  criterionId: number;
  judgeId: number;
  value: number;
};

/** Scoring-module input for the given entries of an event. */
function entriesInput(scoring: EventScoring, entries: EntryRow[], marks: StoredMark[]) {
  const byEntry = new Map<number, typeof marks>();
  for (const m of marks)
    byEntry.set(m.registrationId, [...(byEntry.get(m.registrationId) ?? []), m]);
  return entries.map((e) =>
    entryMarks(
      String(e.id),
      scoring.definition,
      panelOf(scoring, e).map((j) => j.userId),
      byEntry.get(e.id) ?? [],
    ),
  );
}

/**
 * The scoring module over the given entries. Prize rules are event-wide: one entry's total
 * and rank key never depend on them, so a per-entry computation leaves them out and an
 * unworkable prize rule cannot stop totals reaching the board (it stops lock instead).
 */
function compute(scoring: EventScoring, input: ReturnType<typeof entriesInput>, withPrizes = true) {
  return computeEventResults({
    event: scoring.definition,
    entries: input,
    tieBreaks: scoring.tieBreaks,
    prizes: withPrizes ? scoring.prizes : undefined,
  });
}

/**
 * Why the event's results cannot be computed or locked at all, from its rules alone: the
 * marking scheme and weights, the prize rules, and the contest's theory cap. Each problem is
 * an i18n key (`scoring.<code>` / `rules.<code>`) with its params.
 */
export function configurationProblems(scoring: EventScoring): JudgingProblem[] {
  const scoringProblems: ScoringProblem[] = [
    ...validateEvent(scoring.definition),
    ...validatePrizeRules(scoring.prizes),
  ];
  const cap = theoryCapPct(scoring.event.contest.kind, scoring.event.contest.theoryCapPct);
  return [
    ...scoringProblems.map(asJudgingProblem),
    ...theoryCapProblems(scoring.event.parts, cap).map((p) => keyedProblem("rules", p)),
  ];
}

function asJudgingProblem(p: ScoringProblem): JudgingProblem {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params)) params[k] = typeof v === "number" ? v : String(v);
  return { code: `scoring.${p.code}`, params };
}

/**
 * The whole event recomputed from its marks (what the stored rows must agree with).
 * `withPrizes: false` computes totals and ranks even while the prize rules are unworkable.
 */
export async function computeEvent(
  db: Db,
  eventId: number,
  options: { withPrizes?: boolean } = {},
) {
  const scoring = await loadEventScoring(db, eventId);
  if (!scoring) return null;
  const entries = await db.registration.findMany({
    where: judgedEntriesOf(eventId),
    orderBy: { id: "asc" },
    select: entrySelect,
  });
  const results = compute(
    scoring,
    entriesInput(
      scoring,
      entries,
      await marksOf(
        db,
        entries.map((e) => e.id),
      ),
    ),
    options.withPrizes ?? true,
  );
  return { scoring, entries, results };
}

function detailOf(r: EntryResult) {
  return {
    status: r.status,
    parts: r.parts.map((p) => ({ partId: p.partId, total: p.total, contribution: p.contribution })),
    criteria: r.criteria.map((c) => ({
      criterionId: c.criterionId,
      rule: c.rule,
      value: c.result?.value ?? null,
    })),
    disagreements: r.disagreements.map((d) => d.code),
  };
}

function rankKeyOf(scoring: EventScoring, r: EntryResult): bigint | null {
  if (r.total === null || r.status !== "complete") return null;
  return rankKeyFor(r.total, scoring.tieBreaks, {
    parts: Object.fromEntries(r.parts.map((p) => [p.partId, p.total])),
    criteria: Object.fromEntries(r.criteria.map((c) => [c.criterionId, c.result?.value ?? null])),
  });
}

export function stateOf(
  row: { rankKey: bigint | null; total: number | null; prize: string | null } | null,
): ResultState | null {
  return row ? { rankKey: row.rankKey, total: row.total, prize: row.prize } : null;
}

/** One entry's Result columns (total, rank key, detail, complete) from its marks; null when the scheme is invalid. */
export function entryResultRow(scoring: EventScoring, entry: EntryRow, marks: StoredMark[]) {
  const results = compute(scoring, entriesInput(scoring, [entry], marks), false);
  if (!results.ok) return null;
  const r = results.value.entries[0]!;
  const complete = r.status === "complete";
  return {
    total: complete ? r.total : null,
    rankKey: rankKeyOf(scoring, r),
    detail: JSON.stringify(detailOf(r)),
    complete,
  };
}

/** Once locked, ranks, prizes and standardised scores are stored and must follow every change. */
export function ranksStored(status: string): boolean {
  return status === "locked" || status === "published";
}

/**
 * Recomputes one entry's Result row (total, rank key, detail, complete) after its marks
 * changed, and passes the change to the ranking tables. Runs inside the caller's write.
 * While the event is being marked, rank, prize and standardised score are not stored yet
 * (the board ranks live from the rank keys); once they are stored (locked or published,
 * e.g. a correction during an appeal review) the whole event is rewritten, because one
 * entry's new total can move everyone's rank, prize and standardised score.
 * (The judge's sheet save does the same on the raw connection: see scoring-sql.server.ts.)
 */
export async function refreshEntryResult(
  tx: Tx,
  registrationId: number,
  actorId: number | null = null,
): Promise<void> {
  const entry = await tx.registration.findUnique({
    where: { id: registrationId },
    select: entrySelect,
  });
  if (!entry) return;
  const scoring = await loadEventScoring(tx, entry.eventId);
  if (!scoring) return;
  if (ranksStored(scoring.event.status)) {
    const { moved } = await writeEventRanks(tx, entry.eventId);
    // Other entries' stored ranks moved with this one: the audit keeps what they were, so an
    // appeal decision can say whose rank its corrections changed.
    if (moved.length > 0)
      await appendAudit(tx, {
        actorId,
        action: "result.ranks",
        entityType: "Event",
        entityId: entry.eventId,
        before: moved.map((m) => [m.registrationId, m.rankBefore]),
        after: moved.map((m) => [m.registrationId, m.rankAfter]),
      });
    return;
  }
  const data = entryResultRow(scoring, entry, await marksOf(tx, [entry.id]));
  if (!data) return;
  const before = await tx.result.findUnique({ where: { registrationId } });
  const after = await tx.result.upsert({
    where: { registrationId },
    create: {
      registrationId,
      eventId: entry.eventId,
      organisationId: entry.organisationId,
      ...data,
    },
    update: data,
  });
  await applyResultChange(tx, {
    eventId: entry.eventId,
    organisationId: entry.organisationId,
    registrationId,
    before: stateOf(before),
    after: stateOf(after),
  });
}

/**
 * Writes ranks, prizes and standardised scores of the whole event from one pure
 * computation, and tells the ranking tables about every prize that moved. Returns the rank
 * per registration id and the entries whose stored rank changed, for appeal records.
 */
export async function writeEventRanks(
  tx: Tx,
  eventId: number,
): Promise<{ ranks: Map<number, number | null>; moved: RankMove[] }> {
  // After an appeal a published event's prizes can move: the year in numbers moves with them.
  return withPrizeStats(tx, eventId, () => writeRanks(tx, eventId));
}

async function writeRanks(
  tx: Tx,
  eventId: number,
): Promise<{ ranks: Map<number, number | null>; moved: RankMove[] }> {
  const computed = await computeEvent(tx, eventId);
  const ranks = new Map<number, number | null>();
  const moved: RankMove[] = [];
  if (!computed || !computed.results.ok) return { ranks, moved };
  const { scoring, entries, results } = computed;
  if (scoring.event.standardisedDecimals !== results.value.standardisedDecimals)
    await tx.event.update({
      where: { id: eventId },
      data: { standardisedDecimals: results.value.standardisedDecimals },
    });
  const orgOf = new Map(entries.map((e) => [e.id, e.organisationId] as const));
  const existing = new Map(
    (await tx.result.findMany({ where: { eventId } })).map((r) => [r.registrationId, r] as const),
  );
  for (const r of results.value.entries) {
    const registrationId = Number(r.entryId);
    const organisationId = orgOf.get(registrationId)!;
    const before = existing.get(registrationId) ?? null;
    const complete = r.status === "complete";
    const data = {
      total: complete ? r.total : null,
      rankKey: rankKeyOf(scoring, r),
      detail: JSON.stringify(detailOf(r)),
      complete,
      rank: r.rank,
      prize: r.prize,
      standardised: r.standardised === null ? null : standardisedUnits(r.standardised),
    };
    ranks.set(registrationId, r.rank);
    if ((before?.rank ?? null) !== r.rank)
      moved.push({ registrationId, rankBefore: before?.rank ?? null, rankAfter: r.rank });
    const unchanged =
      before &&
      before.total === data.total &&
      before.rankKey === data.rankKey &&
      before.rank === data.rank &&
      before.prize === data.prize &&
      before.standardised === data.standardised &&
      before.detail === data.detail;
    if (unchanged) continue;
    const after = await tx.result.upsert({
      where: { registrationId },
      create: { registrationId, eventId, organisationId, ...data },
      update: data,
    });
    await applyResultChange(tx, {
      eventId,
      organisationId,
      registrationId,
      before: stateOf(before),
      after: stateOf(after),
    });
  }
  return { ranks, moved };
}

export type RankMove = {
  registrationId: number;
  rankBefore: number | null;
  rankAfter: number | null;
};

/** A chief judge's step (lock, publish): done, or every reason it is refused. */
export type ActionOutcome = Outcome<undefined, KeyedProblem>;

/** Chief judge: publishes the locked results; the notice period (公示期) starts now. */
export async function publishEvent(
  eventId: number,
  actorId: number,
  now = new Date(),
): Promise<ActionOutcome> {
  const outcome = await write(async (tx): Promise<ActionOutcome> => {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: {
        status: true,
        contestId: true,
        contest: { select: { noticeDays: true, kind: true, status: true } },
      },
    });
    if (!event) return refuse("judging.publish.not_locked");
    const refusal = failIfAny(publishProblems(event.status));
    if (refusal) return refusal;
    const ends = noticeEndsAt(now, event.contest.noticeDays);
    // Published prizes count in the year in numbers from this moment.
    await withPrizeStats(tx, eventId, async () => {
      await writeEventRanks(tx, eventId);
      await tx.event.update({
        where: { id: eventId },
        data: { status: "published", publishedAt: now, noticeEndsAt: ends },
      });
    });
    await appendAudit(tx, {
      actorId,
      action: "event.publish",
      entityType: "Event",
      entityId: eventId,
      before: { status: event.status },
      after: { status: "published", noticeEndsAt: ends.toISOString() },
    });
    // The contest follows its events: with the last one published it moves to 成绩已公布
    // (when the workflow allows it; otherwise the organiser's page prompts for the move).
    const unpublished = await tx.event.count({
      where: { contestId: event.contestId, status: { not: "published" } },
    });
    if (unpublished === 0 && event.contest.status === "in_progress")
      await changeContestStatusInTx(tx, actorId, event.contestId, "results_published", { now });
    // Results feed the honours: a skills contest's top finishers are proposed for the
    // technical-expert title in a draft round, in the same transaction as publication.
    if (event.contest.kind === "skills_contest")
      await proposeTechnicalExpertsInTx(tx, eventId, actorId);
    return ok();
  });
  if (outcome.ok) {
    publishResultsChanged(eventId);
    // The event's status and notice are part of its scoring definition (sheets cache it).
    publishScoringChanged(eventId);
  }
  return outcome;
}

/** Receipt data of one published entry, with the event's standardisation basis. */
export async function receiptFor(registrationId: number) {
  const entry = await prisma.registration.findUnique({
    where: { id: registrationId },
    select: { eventId: true },
  });
  if (!entry) return null;
  const computed = await computeEvent(prisma, entry.eventId);
  if (!computed || !computed.results.ok) return null;
  const { scoring, entries, results } = computed;
  if (scoring.event.status !== "published") return null;
  const receipt = buildReceipt(results.value, String(registrationId));
  const row = entries.find((e) => e.id === registrationId);
  if (!receipt || !row) return null;
  const criterionNames = Object.fromEntries(
    scoring.event.parts.flatMap((p) => p.criteria.map((c) => [String(c.id), c.name] as const)),
  );
  const partNames = Object.fromEntries(
    scoring.event.parts.map((p) => [String(p.id), p.name] as const),
  );
  const stored = await prisma.result.findUnique({ where: { registrationId } });
  const recheck = await prisma.recheck.findUnique({
    where: { registrationId },
    select: { reason: true, status: true, differences: true, doneAt: true },
  });
  return {
    event: {
      id: scoring.event.id,
      name: scoring.event.name,
      contestName: scoring.event.contest.name,
      publishedAt: scoring.event.publishedAt,
      noticeEndsAt: scoring.event.noticeEndsAt,
    },
    entry: {
      id: row.id,
      organisationId: row.organisationId,
      entryNumber: row.entryNumber,
      blindCode: row.blindCode,
      name: row.worker?.name ?? row.team?.name ?? "",
      organisationName: row.organisation.name,
    },
    receipt,
    standardisation: results.value.standardisation.spread.kind,
    criterionNames,
    partNames,
    stored: stored
      ? {
          total: stored.total,
          rank: stored.rank,
          prize: stored.prize,
          standardised: stored.standardised,
        }
      : null,
    /** The recheck (复核) the entry had before the results were locked, if any. */
    recheck:
      recheck?.status === "done" && recheck.doneAt
        ? { reason: recheck.reason, differences: recheck.differences, doneAt: recheck.doneAt }
        : null,
  };
}

/** Published results of a worker's entries or an organisation's entries, for their lists. */
export function listPublishedResults(where: { workerId?: number; organisationId?: number }) {
  return prisma.registration.findMany({
    where: {
      ...(where.workerId !== undefined
        ? {
            OR: [
              { workerId: where.workerId },
              { team: { members: { some: { workerId: where.workerId } } } },
            ],
          }
        : { organisationId: where.organisationId }),
      event: { status: "published" },
      result: { isNot: null },
    },
    orderBy: { id: "asc" },
    select: {
      id: true,
      entryNumber: true,
      worker: { select: { name: true } },
      team: { select: { name: true } },
      event: {
        select: { id: true, name: true, noticeEndsAt: true, contest: { select: { name: true } } },
      },
      result: { select: { total: true, rank: true, prize: true, standardised: true } },
    },
  });
}
