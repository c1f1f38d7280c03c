// Labour competitions (劳动竞赛): indicators, participating units, periods, unit
// submissions, panel scoring, period close (ranking and red flag) and the boards.
import { prisma, write, type Tx } from "~/db.server";
import {
  LABOUR_INDICATORS,
  VETO_REASONS,
  cumulativeRanking,
  rankPeriod,
  redFlagWinner,
  scorePeriod,
  trendSeries,
  validateIndicators,
  type IndicatorConfig,
  type IndicatorMethod,
  type LabourIndicator,
  type PeriodResult,
  type PeriodScoringProblem,
  type UnitPeriodInput,
  type VetoReason,
} from "~/domain/labour";
import { appendAudit } from "~/models/audit.server";
import { contestInScope, contestsIn } from "~/models/scope.server";
import { isWithin, type OrganiserScope } from "~/domain/organisation";
import type { Organiser } from "~/domain/roles";
import { failIfAny, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";

const KIND = "labour_competition";

export function isLabourIndicator(code: string): code is LabourIndicator {
  return (LABOUR_INDICATORS as readonly string[]).includes(code);
}

export function isVetoReason(code: string): code is VetoReason {
  return (VETO_REASONS as readonly string[]).includes(code);
}

export type LabourListFilter = { missingSubmissions?: boolean };

export async function listLabourContests(scope: OrganiserScope, filter: LabourListFilter = {}) {
  const rows = await prisma.contest.findMany({
    where: { kind: KIND, ...contestsIn(scope) },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      startsAt: true,
      endsAt: true,
      _count: { select: { labourPeriods: true, labourParticipants: true, labourIndicators: true } },
    },
  });
  const missing = await periodsMissingSubmissions(rows.map((r) => r.id));
  const withMissing = rows.map((r) => ({
    ...r,
    missing: missing.filter((m) => m.contestId === r.id),
  }));
  // The task list's link: only competitions with an open period some units have not reported.
  return filter.missingSubmissions ? withMissing.filter((r) => r.missing.length > 0) : withMissing;
}

/**
 * Open periods that have ended (or end within a week) while some participating units have
 * not submitted their figures: the organiser's reminder list.
 */
export async function periodsMissingSubmissions(contestIds: number[], now = new Date()) {
  if (contestIds.length === 0) return [];
  const soon = new Date(now.getTime() + 7 * 86_400_000);
  const periods = await prisma.labourPeriod.findMany({
    where: { contestId: { in: contestIds }, status: "open", endsOn: { lte: soon } },
    select: {
      id: true,
      contestId: true,
      name: true,
      endsOn: true,
      contest: {
        select: { code: true, name: true, _count: { select: { labourParticipants: true } } },
      },
      _count: { select: { submissions: { where: { status: { not: "draft" } } } } },
    },
    orderBy: [{ endsOn: "asc" }, { id: "asc" }],
  });
  return periods
    .map((p) => ({
      id: p.id,
      contestId: p.contestId,
      contestCode: p.contest.code,
      contestName: p.contest.name,
      name: p.name,
      endsOn: p.endsOn,
      missing: p.contest._count.labourParticipants - p._count.submissions,
    }))
    .filter((p) => p.missing > 0);
}

export async function getLabourContest(code: string) {
  return prisma.contest.findFirst({
    where: { code, kind: KIND },
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      description: true,
      rules: true,
      startsAt: true,
      endsAt: true,
      organiser: { select: { name: true, path: true, id: true } },
      labourIndicators: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
      labourParticipants: {
        orderBy: { organisationId: "asc" },
        select: {
          organisationId: true,
          headcount: true,
          organisation: { select: { name: true, shortName: true } },
        },
      },
      labourPeriods: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          startsOn: true,
          endsOn: true,
          status: true,
          redFlagOrgId: true,
          _count: { select: { submissions: { where: { status: { not: "draft" } } } } },
        },
      },
    },
  });
}

export type LabourContest = NonNullable<Awaited<ReturnType<typeof getLabourContest>>>;

/** The competition if the organiser manages it (owner or co-organiser in scope). */
export async function getLabourContestForOrganiser(scope: OrganiserScope, code: string) {
  const contest = await prisma.contest.findFirst({
    where: { code, kind: KIND, ...contestsIn(scope) },
    select: { id: true },
  });
  return contest ? getLabourContest(code) : null;
}

function configsOf(indicators: LabourContest["labourIndicators"]): IndicatorConfig[] {
  return indicators
    .filter((i) => isLabourIndicator(i.code))
    .map((i) => ({
      indicator: i.code as LabourIndicator,
      weight: i.weight,
      method: i.method as IndicatorMethod,
      perHeadcount: i.perHead,
    }));
}

/** Enterprises that could join: those under the competition's owner and co-organisers. */
export async function candidateUnits(contestId: number) {
  const contest = await prisma.contest.findUnique({
    where: { id: contestId },
    select: {
      organiser: { select: { path: true } },
      coOrganisers: { select: { organisation: { select: { path: true } } } },
    },
  });
  if (!contest) return [];
  const paths = [contest.organiser.path, ...contest.coOrganisers.map((c) => c.organisation.path)];
  return prisma.organisation.findMany({
    where: { kind: "enterprise", OR: paths.map((path) => ({ path: { startsWith: path } })) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, headcount: true, parentId: true },
  });
}

export type IndicatorInput = {
  code: LabourIndicator;
  weight: number;
  method: IndicatorMethod;
  perHead: boolean;
};

/**
 * Replaces the competition's indicator set. Indicators that already hold figures cannot be
 * dropped: the problem names them (`indicators`, their codes joined by commas). Null when the
 * competition is not the organiser's.
 */
export async function saveIndicators(
  actor: Organiser,
  contestId: number,
  inputs: IndicatorInput[],
): Promise<Outcome<undefined, KeyedProblem> | null> {
  if (!(await contestInScope(actor.scope, contestId))) return null;
  const actorId = actor.id;
  const invalid = failIfAny(
    validateIndicators(
      inputs.map((i) => ({
        indicator: i.code,
        weight: i.weight,
        method: i.method,
        perHeadcount: i.perHead,
      })),
    ).map((p): KeyedProblem => ({ code: `rules.${p.code}`, params: p.params })),
  );
  if (invalid) return invalid;
  return write(async (tx) => {
    const existing = await tx.labourIndicator.findMany({
      where: { contestId },
      include: { _count: { select: { figures: true } } },
    });
    const keep = new Set(inputs.map((i) => i.code));
    const inUse = existing
      .filter((e) => !keep.has(e.code as LabourIndicator) && e._count.figures > 0)
      .map((e) => e.code as LabourIndicator);
    if (inUse.length > 0) return refuse("labour.indicators.inUse", { indicators: inUse.join(",") });
    await tx.labourIndicator.deleteMany({ where: { contestId, code: { notIn: [...keep] } } });
    for (const input of inputs) {
      const data = {
        name: input.code,
        weight: input.weight,
        method: input.method,
        perHead: input.perHead,
        sortOrder: LABOUR_INDICATORS.indexOf(input.code),
      };
      await tx.labourIndicator.upsert({
        where: { contestId_code: { contestId, code: input.code } },
        create: { contestId, code: input.code, ...data },
        update: data,
      });
    }
    await appendAudit(tx, {
      actorId,
      action: "labour.indicators.save",
      entityType: "Contest",
      entityId: contestId,
      before: existing.map((e) => ({
        code: e.code,
        weight: e.weight,
        method: e.method,
        perHead: e.perHead,
      })),
      after: inputs,
    });
    return ok();
  });
}

/**
 * Adds or updates a participating unit: an enterprise under the competition's owner or
 * co-organisers (any other unit is refused on the unit field). Null when the competition is
 * not the organiser's.
 */
export async function saveParticipant(
  actor: Organiser,
  contestId: number,
  organisationId: number,
  headcount: number,
): Promise<Outcome<undefined, KeyedProblem> | null> {
  const contest = await prisma.contest.findFirst({
    where: { id: contestId, ...contestsIn(actor.scope) },
    select: {
      organiser: { select: { path: true } },
      coOrganisers: { select: { organisation: { select: { path: true } } } },
    },
  });
  if (!contest) return null;
  const actorId = actor.id;
  return write(async (tx) => {
    const org = await tx.organisation.findFirst({
      where: { id: organisationId, kind: "enterprise" },
      select: { id: true, path: true },
    });
    const running = [
      contest.organiser.path,
      ...contest.coOrganisers.map((c) => c.organisation.path),
    ];
    if (!org || !running.some((path) => isWithin(org.path, path)))
      return refuse("labour.form.unit", {}, "organisationId");
    await tx.labourParticipant.upsert({
      where: { contestId_organisationId: { contestId, organisationId } },
      create: { contestId, organisationId, headcount },
      update: { headcount },
    });
    await appendAudit(tx, {
      actorId,
      action: "labour.participant.save",
      entityType: "Contest",
      entityId: contestId,
      after: { organisationId, headcount },
    });
    return ok();
  });
}

export async function createPeriod(
  actor: Organiser,
  contestId: number,
  input: { name: string; startsOn: Date; endsOn: Date },
) {
  if (!(await contestInScope(actor.scope, contestId))) return null;
  const actorId = actor.id;
  return write(async (tx) => {
    const last = await tx.labourPeriod.aggregate({
      where: { contestId },
      _max: { sortOrder: true },
    });
    const period = await tx.labourPeriod.create({
      data: { contestId, ...input, status: "open", sortOrder: (last._max.sortOrder ?? 0) + 1 },
    });
    await appendAudit(tx, {
      actorId,
      action: "labour.period.create",
      entityType: "LabourPeriod",
      entityId: period.id,
      after: input,
    });
    return period;
  });
}

export function getPeriod(contestId: number, periodId: number) {
  return prisma.labourPeriod.findFirst({
    where: { id: periodId, contestId },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      status: true,
      redFlagOrgId: true,
      submissions: {
        select: {
          id: true,
          organisationId: true,
          status: true,
          evidence: true,
          vetoed: true,
          vetoReason: true,
          score: true,
          rank: true,
          submittedAt: true,
          figures: { select: { indicatorId: true, value: true, panelMark: true } },
        },
      },
    },
  });
}

type FigureInput = { indicatorId: number; value: number | null; panelMark: number | null };

async function upsertSubmission(
  tx: Tx,
  periodId: number,
  organisationId: number,
  data: {
    status?: string;
    evidence?: string;
    vetoed?: boolean;
    vetoReason?: string | null;
    submittedAt?: Date;
  },
) {
  return tx.labourSubmission.upsert({
    where: { periodId_organisationId: { periodId, organisationId } },
    create: { periodId, organisationId, ...data },
    update: data,
  });
}

/** The panel's check of one unit for an open period: corrected figures, marks and any veto. */
export async function savePanelScore(
  actor: Organiser,
  period: { id: number; status: string },
  organisationId: number,
  input: { figures: FigureInput[]; veto: VetoReason | null },
): Promise<Outcome<undefined, KeyedProblem> | null> {
  const inScope = await prisma.labourPeriod.count({
    where: { id: period.id, contest: contestsIn(actor.scope) },
  });
  if (inScope === 0) return null;
  if (period.status !== "open") return refuse("labour.period.notOpen");
  const actorId = actor.id;
  return write(async (tx) => {
    const before = await tx.labourSubmission.findUnique({
      where: { periodId_organisationId: { periodId: period.id, organisationId } },
      include: { figures: true },
    });
    const submission = await upsertSubmission(tx, period.id, organisationId, {
      status: "scored",
      vetoed: input.veto !== null,
      vetoReason: input.veto,
    });
    for (const f of input.figures) {
      await tx.labourFigure.upsert({
        where: {
          submissionId_indicatorId: { submissionId: submission.id, indicatorId: f.indicatorId },
        },
        create: {
          submissionId: submission.id,
          indicatorId: f.indicatorId,
          value: f.value,
          panelMark: f.panelMark,
        },
        update: { value: f.value, panelMark: f.panelMark },
      });
    }
    await appendAudit(tx, {
      actorId,
      action: input.veto ? "labour.submission.veto" : "labour.submission.score",
      entityType: "LabourSubmission",
      entityId: submission.id,
      before: before
        ? { vetoed: before.vetoed, vetoReason: before.vetoReason, figures: before.figures }
        : null,
      after: input,
      reason: input.veto,
    });
    return ok();
  });
}

function unitInputs(
  contest: LabourContest,
  period: NonNullable<Awaited<ReturnType<typeof getPeriod>>>,
): UnitPeriodInput[] {
  const codeById = new Map(contest.labourIndicators.map((i) => [i.id, i.code]));
  return contest.labourParticipants.map((p) => {
    const sub = period.submissions.find((s) => s.organisationId === p.organisationId);
    const measurements: Partial<Record<LabourIndicator, number>> = {};
    const panelMarks: Partial<Record<LabourIndicator, number>> = {};
    for (const f of sub?.figures ?? []) {
      const code = codeById.get(f.indicatorId);
      if (!code || !isLabourIndicator(code)) continue;
      if (f.value !== null) measurements[code] = f.value / 100;
      if (f.panelMark !== null) panelMarks[code] = f.panelMark;
    }
    const veto =
      sub?.vetoed && sub.vetoReason && isVetoReason(sub.vetoReason)
        ? [sub.vetoReason]
        : sub?.vetoed
          ? (["serious_safety_accident"] as VetoReason[])
          : [];
    return {
      unitId: String(p.organisationId),
      unitName: p.organisation.shortName ?? p.organisation.name,
      headcount: p.headcount,
      measurements,
      panelMarks,
      vetoes: veto,
    };
  });
}

/** What closing the period would produce, for the panel to check first. */
export function previewPeriod(
  contest: LabourContest,
  period: NonNullable<Awaited<ReturnType<typeof getPeriod>>>,
) {
  const scored = scorePeriod(configsOf(contest.labourIndicators), unitInputs(contest, period));
  const ranking = rankPeriod(scored.units);
  return { ranking, problems: scored.problems, redFlag: redFlagWinner(ranking) };
}

export type ClosedPeriod = {
  /** What the scoring noticed but did not stop it (the panel saw them in the preview). */
  warnings: PeriodScoringProblem[];
  redFlagOrgId: number | null;
  /** The units tied for the red flag (then no one holds it). */
  tie: number[];
};

/** Closes a period: stores every unit's score and rank and awards the rotating red flag. */
export async function closePeriod(
  actor: Organiser,
  contest: LabourContest,
  periodId: number,
): Promise<Outcome<ClosedPeriod, KeyedProblem> | null> {
  if (!(await contestInScope(actor.scope, contest.id))) return null;
  const actorId = actor.id;
  const period = await getPeriod(contest.id, periodId);
  if (!period || period.status !== "open") return refuse("labour.close.not_open");
  if (contest.labourParticipants.length === 0) return refuse("labour.close.no_participants");
  if (contest.labourIndicators.length === 0) return refuse("labour.close.no_indicators");
  const { ranking, problems, redFlag } = previewPeriod(contest, period);
  const redFlagOrgId = redFlag.kind === "winner" ? Number(redFlag.unitId) : null;
  const now = new Date();
  return write(async (tx) => {
    // Re-checked inside the write so two organisers closing at once cannot both award a flag.
    const fresh = await tx.labourPeriod.findUnique({
      where: { id: periodId },
      select: { status: true },
    });
    if (fresh?.status !== "open") return refuse("labour.close.not_open");
    for (const entry of ranking) {
      const sub = await upsertSubmission(tx, periodId, Number(entry.unitId), {});
      await tx.labourSubmission.update({
        where: { id: sub.id },
        data: {
          score: entry.score,
          rank: entry.rank,
          scoredAt: now,
          status: sub.status === "draft" ? "scored" : sub.status,
        },
      });
    }
    await tx.labourPeriod.update({
      where: { id: periodId },
      data: { status: "closed", redFlagOrgId },
    });
    await appendAudit(tx, {
      actorId,
      action: "labour.period.close",
      entityType: "LabourPeriod",
      entityId: periodId,
      after: {
        ranking: ranking.map((r) => ({
          unit: r.unitId,
          score: r.score,
          rank: r.rank,
          vetoed: r.vetoed,
        })),
        redFlagOrgId,
      },
    });
    return ok({
      warnings: problems,
      redFlagOrgId,
      tie: redFlag.kind === "tie" ? redFlag.unitIds.map(Number) : [],
    });
  });
}

/** Closed periods as domain results, oldest first. */
async function closedPeriodResults(contestId: number) {
  const periods = await prisma.labourPeriod.findMany({
    where: { contestId, status: "closed" },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      redFlagOrgId: true,
      submissions: {
        where: { score: { not: null } },
        select: { organisationId: true, score: true, rank: true, vetoed: true, vetoReason: true },
      },
    },
  });
  const results: PeriodResult[] = periods.map((p) => ({
    periodId: String(p.id),
    ranking: p.submissions.map((s) => ({
      unitId: String(s.organisationId),
      score: s.score ?? 0,
      rank: s.rank ?? 0,
      vetoed: s.vetoed,
      vetoReasons: s.vetoReason && isVetoReason(s.vetoReason) ? [s.vetoReason] : [],
      scoreBeforeVeto: s.score ?? 0,
      indicatorScores: {},
    })),
  }));
  return { periods, results };
}

/** The public board: cumulative ranking, trend per unit and each closed period's ranking. */
export async function labourBoard(contest: LabourContest) {
  const { periods, results } = await closedPeriodResults(contest.id);
  const names = new Map(
    contest.labourParticipants.map((p) => [
      String(p.organisationId),
      p.organisation.shortName ?? p.organisation.name,
    ]),
  );
  const headcounts = new Map(
    contest.labourParticipants.map((p) => [String(p.organisationId), p.headcount]),
  );
  const cumulative = cumulativeRanking(results).map((e) => ({
    ...e,
    name: names.get(e.unitId) ?? e.unitId,
    headcount: headcounts.get(e.unitId) ?? 0,
    redFlags: periods.filter((p) => String(p.redFlagOrgId) === e.unitId).length,
  }));
  const series = trendSeries(
    results,
    cumulative.map((c) => c.unitId),
  );
  return {
    cumulative,
    series,
    periods: periods.map((p, i) => ({
      id: p.id,
      name: p.name,
      redFlagOrgId: p.redFlagOrgId,
      redFlagName: p.redFlagOrgId ? (names.get(String(p.redFlagOrgId)) ?? null) : null,
      ranking: [...(results[i]?.ranking ?? [])]
        .sort((a, b) => a.rank - b.rank)
        .map((r) => ({
          unitId: r.unitId,
          name: names.get(r.unitId) ?? r.unitId,
          score: r.score,
          rank: r.rank,
          vetoed: r.vetoed,
          vetoReason: r.vetoReasons[0] ?? null,
        })),
    })),
  };
}

/** A unit's page in one competition: its red flags and its record per closed period. */
export async function labourUnit(contest: LabourContest, organisationId: number) {
  const participant = contest.labourParticipants.find((p) => p.organisationId === organisationId);
  if (!participant) return null;
  const board = await labourBoard(contest);
  const unitId = String(organisationId);
  return {
    name: participant.organisation.name,
    headcount: participant.headcount,
    cumulative: board.cumulative.find((c) => c.unitId === unitId) ?? null,
    units: board.cumulative.length,
    series: board.series.filter((s) => s.unitId === unitId),
    periods: board.periods.map((p) => ({
      id: p.id,
      name: p.name,
      redFlag: p.redFlagOrgId === organisationId,
      entry: p.ranking.find((r) => r.unitId === unitId) ?? null,
    })),
    redFlags: board.periods.filter((p) => p.redFlagOrgId === organisationId).map((p) => p.name),
  };
}

// ───────────── organisation managers ─────────────

/** Competitions the unit takes part in, with each period and the unit's own submission. */
export function listUnitCompetitions(organisationId: number) {
  return prisma.contest.findMany({
    where: { kind: KIND, labourParticipants: { some: { organisationId } } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      labourPeriods: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          status: true,
          startsOn: true,
          endsOn: true,
          redFlagOrgId: true,
          submissions: {
            where: { organisationId },
            select: { status: true, score: true, rank: true, vetoed: true },
          },
        },
      },
    },
  });
}

/** A period the unit may submit for, or null when the unit is not a participant (answered as 404). */
export async function getUnitPeriod(periodId: number, organisationId: number) {
  const period = await prisma.labourPeriod.findFirst({
    where: {
      id: periodId,
      contest: { kind: KIND, labourParticipants: { some: { organisationId } } },
    },
    select: {
      id: true,
      name: true,
      status: true,
      startsOn: true,
      endsOn: true,
      contest: {
        select: {
          code: true,
          name: true,
          labourIndicators: {
            where: { method: "measurement" },
            orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
          },
        },
      },
      submissions: {
        where: { organisationId },
        select: { id: true, status: true, evidence: true, submittedAt: true, figures: true },
      },
    },
  });
  return period;
}

export async function submitUnitFigures(
  period: { id: number; status: string },
  organisationId: number,
  input: { values: { indicatorId: number; value: number }[]; evidence: string },
  actorId: number,
): Promise<Outcome<undefined, KeyedProblem>> {
  if (period.status !== "open") return refuse("labour.submission.locked");
  return write(async (tx) => {
    const existing = await tx.labourSubmission.findUnique({
      where: { periodId_organisationId: { periodId: period.id, organisationId } },
    });
    // Once the panel has scored the unit, its figures are the panel's to correct.
    if (existing?.status === "scored") return refuse("labour.submission.locked");
    const submission = await upsertSubmission(tx, period.id, organisationId, {
      status: "submitted",
      evidence: input.evidence,
      submittedAt: new Date(),
    });
    for (const v of input.values) {
      await tx.labourFigure.upsert({
        where: {
          submissionId_indicatorId: { submissionId: submission.id, indicatorId: v.indicatorId },
        },
        create: { submissionId: submission.id, indicatorId: v.indicatorId, value: v.value },
        update: { value: v.value },
      });
    }
    await appendAudit(tx, {
      actorId,
      action: "labour.submission.submit",
      entityType: "LabourSubmission",
      entityId: submission.id,
      after: input,
    });
    return ok();
  });
}

/** Red flags held by an organisation across competitions, newest first, for its own pages. */
export function redFlagsOf(organisationId: number) {
  return prisma.labourPeriod.findMany({
    where: { redFlagOrgId: organisationId, status: "closed" },
    orderBy: [{ endsOn: "desc" }],
    select: { id: true, name: true, contest: { select: { code: true, name: true } } },
  });
}
