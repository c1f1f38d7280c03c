// Whether an event's results can be locked, and why not: one reading of the event that the
// chief judge's workbench, the organiser's pages and the lock refusal all show, so a reason
// a total cannot be computed never reaches one of them and not the others. Every reason is
// an i18n key with params that names the entry (blind code) and what to do.
import { prisma, write, type Tx } from "~/db.server";
import { entryReasons } from "~/domain/judging/blockers";
import { lockProblems, type JudgingProblem } from "~/domain/judging/workflow";
import type { ScoringProblem } from "~/domain/scoring";
import { appendAudit } from "~/models/audit.server";
import { loadRecheckStatus, type RecheckStatusView } from "~/models/recheck.server";
import {
  computeEvent,
  configurationProblems,
  panelOf,
  presiderOf,
  writeEventRanks,
  type ActionOutcome,
  type EventScoring,
} from "~/models/results.server";
import { publishResultsChanged, publishScoringChanged } from "~/utils/live-events.server";
import { fail, ok, refuse } from "~/utils/outcome";

export type ProgressEntry = {
  registrationId: number;
  organisationId: number;
  /** The judge who presides over the entry (null when nobody is left on its panel). */
  presiderId: number | null;
  blindCode: string;
  status: string;
  total: number | null;
  /** Panel judges whose sheet is not submitted yet. */
  missing: { judgeNo: number; name: string }[];
  /** Marks are still to come (counted as incomplete). */
  waiting: boolean;
  /** Why no further marking will give the entry a total, each with what to do. */
  reasons: JudgingProblem[];
  disagreements: ScoringProblem[];
  blocking: number;
  openAppeals: number;
};

export type Readiness = {
  scoring: EventScoring;
  entries: ProgressEntry[];
  /** The event's rules stop results being computed or locked (marking scheme, prizes, theory cap). */
  configuration: JudgingProblem[];
  /** Entries still waiting for marks. */
  incomplete: number;
  /** Entries with a reason beyond missing marks. */
  blocked: number;
  blockingDisagreements: number;
  flagged: number;
  recheck: RecheckStatusView;
  /** What the lock would answer now (empty = it would lock). */
  lockProblems: JudgingProblem[];
};

/** The event read once for progress and lock, inside a transaction or on the reader. */
export async function eventReadiness(db: Tx, eventId: number): Promise<Readiness | null> {
  // Totals and ranks do not depend on prize rules; an unworkable prize rule is a
  // configuration problem, not a reason to hide every total.
  const computed = await computeEvent(db, eventId, { withPrizes: false });
  if (!computed) return null;
  const { scoring, entries, results } = computed;
  const configuration = configurationProblems(scoring);
  const ids = entries.map((e) => e.id);
  const sheets = await db.scoreSheet.findMany({
    where: { registrationId: { in: ids }, status: "submitted" },
    select: { registrationId: true, judgeId: true },
  });
  const submitted = new Set(sheets.map((s) => `${s.registrationId}:${s.judgeId}`));
  const appeals = await db.appeal.groupBy({
    by: ["registrationId"],
    where: { registrationId: { in: ids }, status: { in: ["submitted", "reviewing"] } },
    _count: true,
  });
  const appealCount = new Map(appeals.map((a) => [a.registrationId, a._count] as const));
  const byId = new Map(results.ok ? results.value.entries.map((r) => [r.entryId, r] as const) : []);
  let incomplete = 0;
  let blocked = 0;
  let blockingDisagreements = 0;
  let flagged = 0;
  const allReasons: JudgingProblem[] = [];
  const rows = entries.map((e): ProgressEntry => {
    const r = byId.get(String(e.id));
    const panel = panelOf(scoring, e);
    const missing = panel
      .map((j, i) => ({ judgeNo: i + 1, name: j.displayName, userId: j.userId }))
      .filter((j) => !submitted.has(`${e.id}:${j.userId}`))
      .map(({ judgeNo, name }) => ({ judgeNo, name }));
    const blindCode = e.blindCode ?? "";
    const { waiting, reasons } = entryReasons({
      blindCode,
      panelSize: panel.length,
      problems: r?.problems ?? [],
    });
    const complete = r?.status === "complete";
    const stillWaiting = !complete && (waiting || (reasons.length === 0 && missing.length > 0));
    if (stillWaiting) incomplete += 1;
    if (reasons.length > 0) blocked += 1;
    allReasons.push(...reasons);
    const disagreements = r?.disagreements ?? [];
    const blocking = disagreements.filter((d) => d.rule === "worldskills").length;
    blockingDisagreements += blocking;
    flagged += disagreements.length;
    return {
      registrationId: e.id,
      organisationId: e.organisationId,
      presiderId: presiderOf(scoring, e)?.userId ?? null,
      blindCode,
      status: r?.status ?? "incomplete",
      total: r?.total ?? null,
      missing,
      waiting: stillWaiting,
      reasons,
      disagreements: disagreements.map((d) => d.problem),
      blocking,
      openAppeals: appealCount.get(e.id) ?? 0,
    };
  });
  const recheck = await loadRecheckStatus(db, scoring, results);
  return {
    scoring,
    entries: rows,
    configuration,
    incomplete,
    blocked,
    blockingDisagreements,
    flagged,
    recheck,
    lockProblems: lockProblems({
      status: scoring.event.status,
      entries: rows.length,
      incomplete,
      blockingDisagreements,
      configuration,
      reasons: allReasons,
      rechecks: recheck.lockProblems,
    }),
  };
}

/** An entry as a judge sees it on the workbench: by blind code, never by registration id. */
export type JudgeProgressEntry = Omit<
  ProgressEntry,
  "registrationId" | "organisationId" | "presiderId"
>;

export type JudgeProgress = Omit<Readiness, "entries"> & {
  entries: JudgeProgressEntry[];
  /** Entries of the event that another judge presides over (the viewer is recused from them). */
  presidedByOthers: number;
  /** How many of those have a reason beyond missing marks (named on the organiser's pages). */
  blockedByOthers: number;
};

/**
 * The readiness as one judge may see it: only the entries they preside over are shown (the
 * chief judge, or the first panel judge where the chief is recused); the others are only
 * counted, and their reasons reach the lock refusal as a count that sends the viewer to the
 * organiser's judges page, which names them. Counts of the summary are the viewer's entries.
 */
export function readinessFor(readiness: Readiness, viewerId: number): JudgeProgress {
  const own = readiness.entries.filter((e) => e.presiderId === viewerId);
  const others = readiness.entries.filter((e) => e.presiderId !== viewerId);
  const blockedElsewhere = others.filter((e) => e.reasons.length > 0).length;
  const hidden = new Set(others.map((e) => e.blindCode));
  const lockProblems = readiness.lockProblems.filter(
    (p) => !(p.code.startsWith("judging.reason.") && hidden.has(String(p.params.blindCode))),
  );
  if (blockedElsewhere > 0)
    lockProblems.push({
      code: "judging.reason.presided_by_others",
      params: { n: blockedElsewhere },
    });
  return {
    ...readiness,
    entries: own.map(
      ({ registrationId: _r, organisationId: _o, presiderId: _p, ...entry }) => entry,
    ),
    incomplete: own.filter((e) => e.waiting).length,
    blocked: own.filter((e) => e.reasons.length > 0).length,
    blockingDisagreements: own.reduce((n, e) => n + e.blocking, 0),
    flagged: own.reduce((n, e) => n + e.disagreements.length, 0),
    presidedByOthers: others.length,
    blockedByOthers: blockedElsewhere,
    lockProblems,
  };
}

/**
 * What a judge watches on the workbench: missing sheets, reasons, disagreements and
 * rechecks of the entries they preside over (see readinessFor).
 */
export async function eventProgress(
  eventId: number,
  viewerId: number,
): Promise<JudgeProgress | null> {
  const readiness = await eventReadiness(prisma, eventId);
  return readiness ? readinessFor(readiness, viewerId) : null;
}

/**
 * Chief judge: freezes the marks and writes ranks, prizes and standardised scores. Refused
 * with every reason at once (see eventReadiness) while anything stops it.
 */
export async function lockEvent(eventId: number, actorId: number): Promise<ActionOutcome> {
  const outcome = await write(async (tx): Promise<ActionOutcome> => {
    const readiness = await eventReadiness(tx, eventId);
    if (!readiness) return refuse("judging.lock.not_open");
    // The refusal reaches the judge who locks: entries they are recused from only as a count.
    if (readiness.lockProblems.length > 0)
      return fail(...readinessFor(readiness, actorId).lockProblems);
    const { scoring } = readiness;
    const { ranks } = await writeEventRanks(tx, eventId);
    const lockedAt = new Date();
    await tx.event.update({ where: { id: eventId }, data: { status: "locked", lockedAt } });
    await appendAudit(tx, {
      actorId,
      action: "event.lock",
      entityType: "Event",
      entityId: eventId,
      before: { status: scoring.event.status },
      after: {
        status: "locked",
        ranked: [...ranks.values()].filter((r) => r !== null).length,
        rechecked: readiness.recheck.rate.done,
        recheckErrorRate: readiness.recheck.rate.rateBp,
      },
    });
    return ok();
  });
  if (outcome.ok) {
    publishResultsChanged(eventId);
    // Its status closes the sheets, which read the scoring definition through a cache.
    publishScoringChanged(eventId);
  }
  return outcome;
}
