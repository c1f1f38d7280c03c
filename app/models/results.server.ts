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
import {
  lockProblems,
  noticeEndsAt,
  publishProblems,
  type JudgingProblem,
} from "~/domain/judging/workflow";
import {
  buildReceipt,
  computeEventResults,
  type EntryResult,
  type EventResultsOk,
  type ScoringProblem,
} from "~/domain/scoring";
import { appendAudit } from "~/models/audit.server";
import { applyResultChange, type ResultState } from "~/models/ranking-tables.server";
import { publishResultsChanged } from "~/utils/live-events.server";
import type { Prisma } from "~/generated/prisma/client";

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
  contest: { select: { id: true, code: true, name: true, noticeDays: true, kind: true } },
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

function compute(scoring: EventScoring, input: ReturnType<typeof entriesInput>) {
  return computeEventResults({
    event: scoring.definition,
    entries: input,
    tieBreaks: scoring.tieBreaks,
    prizes: scoring.prizes,
  });
}

/** The whole event recomputed from its marks (what the stored rows must agree with). */
export async function computeEvent(db: Db, eventId: number) {
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
  const results = compute(scoring, entriesInput(scoring, [entry], marks));
  if (!results.ok) return null;
  const r = results.entries[0]!;
  const complete = r.status === "complete";
  return {
    total: complete ? r.total : null,
    rankKey: rankKeyOf(scoring, r),
    detail: JSON.stringify(detailOf(r)),
    complete,
  };
}

/**
 * Recomputes one entry's Result row (total, rank key, detail, complete) after its marks
 * changed, and passes the change to the ranking tables. Runs inside the caller's write.
 * Rank, prize and standardised score are event-wide and are left to writeEventRanks.
 * (The judge's sheet save does the same on the raw connection: see sheet-save.server.ts.)
 */
export async function refreshEntryResult(tx: Tx, registrationId: number): Promise<void> {
  const entry = await tx.registration.findUnique({
    where: { id: registrationId },
    select: entrySelect,
  });
  if (!entry) return;
  const scoring = await loadEventScoring(tx, entry.eventId);
  if (!scoring) return;
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
 * computation, and tells the ranking tables about every prize that moved.
 * Returns rank per registration id, for appeal records.
 */
export async function writeEventRanks(
  tx: Tx,
  eventId: number,
): Promise<Map<number, number | null>> {
  const computed = await computeEvent(tx, eventId);
  const ranks = new Map<number, number | null>();
  if (!computed || !computed.results.ok) return ranks;
  const { scoring, entries, results } = computed;
  const orgOf = new Map(entries.map((e) => [e.id, e.organisationId] as const));
  const existing = new Map(
    (await tx.result.findMany({ where: { eventId } })).map((r) => [r.registrationId, r] as const),
  );
  for (const r of results.entries) {
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
      standardised: r.standardised,
    };
    ranks.set(registrationId, r.rank);
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
  return ranks;
}

export type Progress = {
  entries: {
    blindCode: string;
    status: string;
    total: number | null;
    missing: { judgeNo: number; name: string }[];
    disagreements: ScoringProblem[];
    blocking: number;
    openAppeals: number;
  }[];
  incomplete: number;
  blockingDisagreements: number;
  flagged: number;
  /** Entries of the event that another judge presides over (the viewer is recused from them). */
  presidedByOthers: number;
};

/**
 * What the presiding judge watches, for the entries they preside over only: sheets missing
 * per entry, disagreements, totals from submitted marks. Entries the viewer is recused from
 * are only counted, never shown (their marks, totals and appeals belong to their presider).
 */
export async function eventProgress(
  eventId: number,
  viewerId: number,
): Promise<(Progress & { scoring: EventScoring }) | null> {
  const computed = await computeEvent(prisma, eventId);
  if (!computed || !computed.results.ok) return null;
  const { scoring, results } = computed;
  const entries = computed.entries.filter((e) => presiderOf(scoring, e)?.userId === viewerId);
  const sheets = await prisma.scoreSheet.findMany({
    where: { registrationId: { in: entries.map((e) => e.id) }, status: "submitted" },
    select: { registrationId: true, judgeId: true },
  });
  const submitted = new Set(sheets.map((s) => `${s.registrationId}:${s.judgeId}`));
  const appeals = await prisma.appeal.groupBy({
    by: ["registrationId"],
    where: {
      registrationId: { in: entries.map((e) => e.id) },
      status: { in: ["submitted", "reviewing"] },
    },
    _count: true,
  });
  const appealCount = new Map(appeals.map((a) => [a.registrationId, a._count] as const));
  const byId = new Map(results.entries.map((r) => [r.entryId, r] as const));
  let incomplete = 0;
  let blockingDisagreements = 0;
  let flagged = 0;
  const rows = entries.map((e) => {
    const r = byId.get(String(e.id))!;
    const panel = panelOf(scoring, e);
    const missing = panel
      .map((j, i) => ({ judgeNo: i + 1, name: j.displayName, userId: j.userId }))
      .filter((j) => !submitted.has(`${e.id}:${j.userId}`))
      .map(({ judgeNo, name }) => ({ judgeNo, name }));
    const blocking = r.disagreements.filter((d) => d.rule === "worldskills").length;
    if (r.status !== "complete") incomplete += 1;
    blockingDisagreements += blocking;
    flagged += r.disagreements.length;
    return {
      blindCode: e.blindCode ?? "",
      status: r.status,
      total: r.total,
      missing,
      disagreements: r.disagreements.map((d) => d.problem),
      blocking,
      openAppeals: appealCount.get(e.id) ?? 0,
    };
  });
  return {
    scoring,
    entries: rows,
    incomplete,
    blockingDisagreements,
    flagged,
    presidedByOthers: computed.entries.length - entries.length,
  };
}

export type ActionOutcome = { ok: true } | { ok: false; problems: JudgingProblem[] };

/** Chief judge: freezes the marks and writes ranks, prizes and standardised scores. */
export async function lockEvent(eventId: number, actorId: number): Promise<ActionOutcome> {
  const outcome = await write(async (tx): Promise<ActionOutcome> => {
    const computed = await computeEvent(tx, eventId);
    if (!computed || !computed.results.ok)
      return { ok: false, problems: [{ code: "judging.lock.invalid_scheme", params: {} }] };
    const { scoring, results } = computed;
    const problems = lockProblems({
      status: scoring.event.status,
      entries: results.entries.length,
      incomplete: results.entries.filter((e) => e.status !== "complete").length,
      blockingDisagreements: results.entries.reduce(
        (n, e) => n + e.disagreements.filter((d) => d.rule === "worldskills").length,
        0,
      ),
    });
    if (problems.length > 0) return { ok: false, problems };
    await writeEventRanks(tx, eventId);
    const lockedAt = new Date();
    await tx.event.update({ where: { id: eventId }, data: { status: "locked", lockedAt } });
    await appendAudit(tx, {
      actorId,
      action: "event.lock",
      entityType: "event",
      entityId: eventId,
      before: { status: scoring.event.status },
      after: { status: "locked", ranked: results.rankedCount },
    });
    return { ok: true };
  });
  if (outcome.ok) publishResultsChanged(eventId);
  return outcome;
}

/** Chief judge: publishes the locked results; the notice period (公示期) starts now. */
export async function publishEvent(
  eventId: number,
  actorId: number,
  now = new Date(),
): Promise<ActionOutcome> {
  const outcome = await write(async (tx): Promise<ActionOutcome> => {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { status: true, contest: { select: { noticeDays: true, kind: true } } },
    });
    if (!event)
      return { ok: false, problems: [{ code: "judging.publish.not_locked", params: {} }] };
    const problems = publishProblems(event.status);
    if (problems.length > 0) return { ok: false, problems };
    await writeEventRanks(tx, eventId);
    const ends = noticeEndsAt(now, event.contest.noticeDays);
    await tx.event.update({
      where: { id: eventId },
      data: { status: "published", publishedAt: now, noticeEndsAt: ends },
    });
    await appendAudit(tx, {
      actorId,
      action: "event.publish",
      entityType: "event",
      entityId: eventId,
      before: { status: event.status },
      after: { status: "published", noticeEndsAt: ends.toISOString() },
    });
    // Results feed the honours: a skills contest's top finishers are proposed for the
    // technical-expert title in a draft round, in the same transaction as publication.
    if (event.contest.kind === "skills_contest")
      await proposeTechnicalExpertsInTx(tx, eventId, actorId);
    return { ok: true };
  });
  if (outcome.ok) publishResultsChanged(eventId);
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
  const receipt = buildReceipt(results as EventResultsOk, String(registrationId));
  const row = entries.find((e) => e.id === registrationId);
  if (!receipt || !row) return null;
  const criterionNames = Object.fromEntries(
    scoring.event.parts.flatMap((p) => p.criteria.map((c) => [String(c.id), c.name] as const)),
  );
  const partNames = Object.fromEntries(
    scoring.event.parts.map((p) => [String(p.id), p.name] as const),
  );
  const stored = await prisma.result.findUnique({ where: { registrationId } });
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
    standardisation: results.standardisation.spread.kind,
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
