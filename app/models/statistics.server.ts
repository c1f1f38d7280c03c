// The year in numbers of a union (its subtree) and a year: participation from StatCount
// (maintained, see entry-stats.server.ts), honours and their ratio checks, labour-competition
// coverage and quiz participation from indexed queries. One function per figure, so the
// page, the exports and the benchmark measure the same thing.
import { prisma, readSql, write } from "~/db.server";
import { CONTEST_KINDS } from "~/domain/contest/kinds";
import { HONOUR_KINDS, HONOUR_LEVELS, parseRoundRules, type RoundRule } from "~/domain/honours";
import { beijingYear } from "~/domain/contest/year";
import { UNION_KINDS, covers, unionScope, type OrganiserScope } from "~/domain/organisation";
import { honourRatios, type HonouredPerson } from "~/domain/statistics";
import { rebuildEntryStats } from "./entry-stats.server";
import { contestsIn, organisationsIn } from "./scope.server";
import {
  BUILT_MARKER,
  QUIZ_ROW,
  honourRoundRulesSql,
  honouredPeopleSql,
} from "./statistics.sql.server";

/** Whose figures and which year: a union (0 = the whole platform) and its subtree. */
export type StatsTarget = {
  unionId: number;
  name: string | null;
  /** The union as a scope: its subtree (the platform for 0) */
  scope: OrganiserScope;
  year: number;
};

/** A database migrated from before the statistics has no figures yet: build them once. */
export async function ensureStatsBuilt() {
  const built = await prisma.statCount.count({
    where: {
      unionId: BUILT_MARKER.unionId,
      year: BUILT_MARKER.year,
      dim: BUILT_MARKER.dim,
    },
  });
  if (built === 0)
    await write(async (tx) => {
      const again = await tx.statCount.count({ where: { unionId: BUILT_MARKER.unionId } });
      if (again === 0) await rebuildEntryStats(tx);
    });
}

/** The unions whose figures the organiser may see: their own and those below it. */
export async function statsUnionChoices(scope: OrganiserScope) {
  const unions = await prisma.organisation.findMany({
    where: { ...organisationsIn(scope), kind: { in: [...UNION_KINDS] } },
    select: { id: true, name: true, path: true },
  });
  const key = (path: string) =>
    path
      .split("/")
      .filter(Boolean)
      .map((id) => id.padStart(10, "0"))
      .join("/");
  return unions
    .sort((a, b) => (key(a.path) < key(b.path) ? -1 : 1))
    .map((u) => ({ id: u.id, name: u.name, depth: u.path.split("/").filter(Boolean).length - 1 }));
}

/**
 * The figures the organiser asked for, or null when that union is outside their scope (404).
 * No union given: their own (the platform for the top administrator); no year: this one.
 */
export async function resolveStatsTarget(
  scope: OrganiserScope,
  unionId: number | null,
  year: number | null,
  now = new Date(),
): Promise<StatsTarget | null> {
  const y = year ?? beijingYear(now);
  if (y < 2000 || y > 2100) return null;
  const wanted = unionId ?? (scope.kind === "platform" ? 0 : scope.unionId);
  if (wanted === 0)
    return scope.kind === "platform"
      ? { unionId: 0, name: null, scope: { kind: "platform" }, year: y }
      : null;
  const union = await prisma.organisation.findUnique({
    where: { id: wanted },
    select: { id: true, name: true, path: true, kind: true },
  });
  if (!union || !(UNION_KINDS as readonly string[]).includes(union.kind)) return null;
  if (!covers(scope, union.path)) return null;
  return { unionId: union.id, name: union.name, scope: unionScope(union.id, union.path), year: y };
}

/** Years with figures for the union, newest first (this year always among them). */
export async function statsYears(target: StatsTarget) {
  const [counted, honours] = await Promise.all([
    prisma.statCount.findMany({
      where: { unionId: target.unionId, dim: "all" },
      select: { year: true },
    }),
    prisma.honourAward.groupBy({
      by: ["year"],
      where: { organisation: organisationsIn(target.scope) },
    }),
  ]);
  return [
    ...new Set([target.year, ...counted.map((c) => c.year), ...honours.map((h) => h.year)]),
  ].sort((a, b) => b - a);
}

const MEASURES = {
  entries: true,
  workers: true,
  organisations: true,
  firstPrizes: true,
  secondPrizes: true,
  thirdPrizes: true,
  meritPrizes: true,
} as const;

type Row = {
  value: string;
  entries: number;
  workers: number;
  organisations: number;
  firstPrizes: number;
  secondPrizes: number;
  thirdPrizes: number;
  meritPrizes: number;
};

const EMPTY: Omit<Row, "value"> = {
  entries: 0,
  workers: 0,
  organisations: 0,
  firstPrizes: 0,
  secondPrizes: 0,
  thirdPrizes: 0,
  meritPrizes: 0,
};

const byEntries = (a: Row, b: Row) => b.entries - a.entries || (a.value < b.value ? -1 : 1);

/**
 * Entries, distinct workers and organisations and published prizes: in total and by contest
 * kind, category, trade and district or industry union (branch). Read from StatCount.
 */
export async function participationFigure(target: StatsTarget) {
  const rows = await prisma.statCount.findMany({
    where: {
      unionId: target.unionId,
      year: target.year,
      dim: { in: ["all", "kind", "category", "trade", "branch"] },
    },
    select: { dim: true, value: true, ...MEASURES },
  });
  const of = (dim: string) =>
    rows.filter((r) => r.dim === dim && Object.keys(MEASURES).some((m) => r[m as keyof Row] !== 0));
  const branchRows = of("branch");
  const names = await prisma.organisation.findMany({
    where: { id: { in: branchRows.map((r) => Number(r.value)) } },
    select: { id: true, name: true, kind: true },
  });
  const nameOf = new Map(names.map((n) => [n.id, n]));
  const total = of("all")[0] ?? { value: "", ...EMPTY };
  return {
    total,
    byKind: CONTEST_KINDS.map(
      (kind) => of("kind").find((r) => r.value === kind) ?? { value: kind, ...EMPTY },
    ).filter((r) => r.entries > 0),
    byCategory: of("category").sort(byEntries),
    byTrade: of("trade").sort(byEntries),
    byBranch: branchRows
      .map((r) => ({
        ...r,
        id: Number(r.value),
        name: nameOf.get(Number(r.value))?.name ?? r.value,
        kind: nameOf.get(Number(r.value))?.kind ?? "enterprise",
      }))
      .sort(byEntries),
  };
}

/**
 * The year's participation totals of an organiser's scope, for their home: the statistics
 * page's "all" row for their union (0 for the whole platform) and this year, one read by
 * primary key however many entries there are. Counting the entries, workers and entrant
 * organisations of a federation's 1.5 million entries at every look took most of a second.
 */
export async function participationTotals(scope: OrganiserScope, now = new Date()) {
  await ensureStatsBuilt();
  const year = beijingYear(now);
  const row = await prisma.statCount.findUnique({
    where: {
      unionId_year_dim_value: {
        unionId: scope.kind === "platform" ? 0 : scope.unionId,
        year,
        dim: "all",
        value: "",
      },
    },
    select: { entries: true, workers: true, organisations: true },
  });
  return { year, entries: 0, workers: 0, organisations: 0, ...row };
}

/** Honours of the union's people and units: by kind and level this year, and year by year. */
export async function honoursFigure(target: StatsTarget) {
  const inTree = { organisation: organisationsIn(target.scope) };
  const [thisYear, trend] = await Promise.all([
    prisma.honourAward.groupBy({
      by: ["kind", "level"],
      where: { ...inTree, year: target.year },
      _count: { _all: true },
    }),
    prisma.honourAward.groupBy({
      by: ["year", "kind"],
      where: { ...inTree, year: { gte: target.year - 5, lte: target.year } },
      _count: { _all: true },
    }),
  ]);
  const count = (kind: string, level: string) =>
    thisYear.find((r) => r.kind === kind && r.level === level)?._count._all ?? 0;
  const kinds = HONOUR_KINDS.filter((k) => HONOUR_LEVELS.some((l) => count(k, l) > 0));
  return {
    levels: [...HONOUR_LEVELS],
    byKind: kinds.map((kind) => ({
      kind,
      byLevel: HONOUR_LEVELS.map((level) => count(kind, level)),
      total: HONOUR_LEVELS.reduce((n, level) => n + count(kind, level), 0),
    })),
    total: thisYear.reduce((n, r) => n + r._count._all, 0),
    trend: Array.from({ length: 6 }, (_, i) => target.year - 5 + i).map((year) => ({
      year,
      total: trend.filter((r) => r.year === year).reduce((n, r) => n + r._count._all, 0),
      byKind: Object.fromEntries(
        trend.filter((r) => r.year === year).map((r) => [r.kind, r._count._all]),
      ) as Record<string, number>,
    })),
  };
}

/** The year's honoured workers: front-line, manager, women and migrant shares, checked. */
export async function honourRatiosFigure(target: StatsTarget) {
  const sql = readSql();
  const [groups, rounds] = await Promise.all([
    sql.rows<{
      frontLine: number;
      manager: number;
      female: number;
      migrant: number;
      people: number;
    }>(honouredPeopleSql(target.scope, target.year)),
    sql.rows<{ rules: string }>(honourRoundRulesSql(target.scope, target.year)),
  ]);
  const people: HonouredPerson[] = groups.flatMap((g) =>
    Array.from({ length: g.people }, () => ({
      frontLine: g.frontLine === 1,
      manager: g.manager === 1,
      female: g.female === 1,
      migrant: g.migrant === 1,
    })),
  );
  const rules: RoundRule[] = rounds.flatMap((r) => parseRoundRules(r.rules));
  return { people: people.length, ...honourRatios(people, rules) };
}

/** Labour competitions of the year: units and workers covered, periods and red flags. */
export async function labourFigure(target: StatsTarget) {
  const contests = await prisma.contest.findMany({
    where: { ...contestsIn(target.scope), kind: "labour_competition", year: target.year },
    orderBy: { id: "asc" },
    select: { id: true, code: true, name: true, status: true },
  });
  const ids = contests.map((c) => c.id);
  const [participants, periods, flags, vetoes, enterprises] = await Promise.all([
    prisma.labourParticipant.groupBy({
      by: ["contestId"],
      where: { contestId: { in: ids } },
      _count: { _all: true },
      _sum: { headcount: true },
    }),
    prisma.labourPeriod.groupBy({
      by: ["contestId", "status"],
      where: { contestId: { in: ids } },
      _count: { _all: true },
    }),
    prisma.labourPeriod.groupBy({
      by: ["contestId", "redFlagOrgId"],
      where: { contestId: { in: ids }, redFlagOrgId: { not: null } },
      _count: { _all: true },
    }),
    prisma.labourSubmission.groupBy({
      by: ["periodId"],
      where: { vetoed: true, period: { contestId: { in: ids } } },
      _count: { _all: true },
    }),
    prisma.organisation.count({
      where: { ...organisationsIn(target.scope), kind: "enterprise" },
    }),
  ]);
  const distinctUnits = await prisma.labourParticipant.findMany({
    where: { contestId: { in: ids } },
    distinct: ["organisationId"],
    select: { organisationId: true },
  });
  const flagOrgs = await prisma.organisation.findMany({
    where: { id: { in: flags.map((f) => f.redFlagOrgId!).filter(Boolean) } },
    select: { id: true, name: true },
  });
  const vetoPeriods = await prisma.labourPeriod.findMany({
    where: { id: { in: vetoes.map((v) => v.periodId) } },
    select: { id: true, contestId: true },
  });
  const rows = contests.map((c) => {
    const p = participants.find((x) => x.contestId === c.id);
    const periodCount = (status?: string) =>
      periods
        .filter((x) => x.contestId === c.id && (status === undefined || x.status === status))
        .reduce((n, x) => n + x._count._all, 0);
    const redFlags = flags
      .filter((f) => f.contestId === c.id)
      .map((f) => ({
        organisationId: f.redFlagOrgId!,
        name: flagOrgs.find((o) => o.id === f.redFlagOrgId)?.name ?? "",
        count: f._count._all,
      }))
      .sort((a, b) => b.count - a.count || a.organisationId - b.organisationId);
    return {
      ...c,
      units: p?._count._all ?? 0,
      workers: p?._sum.headcount ?? 0,
      periods: periodCount(),
      closed: periodCount("closed"),
      redFlags,
      vetoes: vetoes
        .filter((v) => vetoPeriods.find((p) => p.id === v.periodId)?.contestId === c.id)
        .reduce((n, v) => n + v._count._all, 0),
    };
  });
  return {
    contests: rows,
    units: distinctUnits.length,
    workers: rows.reduce((n, r) => n + r.workers, 0),
    enterprises,
    redFlags: rows.reduce((n, r) => n + r.redFlags.reduce((m, f) => m + f.count, 0), 0),
  };
}

/**
 * Quizzes of the year: participants (workers who finished an attempt) and finished attempts,
 * both maintained in StatCount, and the participation rate against the headcount of the
 * units the quiz is for (the enterprises under its owner and co-organisers).
 */
export async function quizFigure(target: StatsTarget) {
  const quizzes = await prisma.quiz.findMany({
    where: { contest: { ...contestsIn(target.scope), kind: "knowledge_quiz", year: target.year } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      contest: {
        select: {
          code: true,
          name: true,
          organiser: { select: { path: true } },
          coOrganisers: { select: { organisation: { select: { path: true } } } },
        },
      },
    },
  });
  if (quizzes.length === 0) return { quizzes: [], participants: 0, headcount: 0 };
  const counts = await prisma.statCount.findMany({
    where: { ...QUIZ_ROW, value: { in: quizzes.map((q) => String(q.id)) } },
    select: { value: true, entries: true, workers: true },
  });
  const headcounts = new Map<string, number>();
  const headcountUnder = async (paths: string[]) => {
    const key = paths.sort().join(",");
    if (!headcounts.has(key)) {
      const sum = await prisma.organisation.aggregate({
        where: { kind: "enterprise", OR: paths.map((p) => ({ path: { startsWith: p } })) },
        _sum: { headcount: true },
      });
      headcounts.set(key, sum._sum.headcount ?? 0);
    }
    return headcounts.get(key)!;
  };
  const rows = [];
  for (const q of quizzes) {
    const c = counts.find((x) => x.value === String(q.id));
    const participants = c?.workers ?? 0;
    const headcount = await headcountUnder([
      q.contest.organiser.path,
      ...q.contest.coOrganisers.map((o) => o.organisation.path),
    ]);
    rows.push({
      id: q.id,
      name: q.name,
      contest: { code: q.contest.code, name: q.contest.name },
      participants,
      attempts: c?.entries ?? 0,
      headcount,
      /** Hundredths of a percent */
      rate: headcount === 0 ? 0 : Math.round((participants * 10000) / headcount),
    });
  }
  return {
    quizzes: rows,
    participants: rows.reduce((n, r) => n + r.participants, 0),
    headcount: Math.max(0, ...rows.map((r) => r.headcount)),
  };
}

/** Every figure of the page at once (the page and both exports). */
export async function yearInNumbers(target: StatsTarget) {
  const [participation, honours, ratios, labour, quiz, years] = await Promise.all([
    participationFigure(target),
    honoursFigure(target),
    honourRatiosFigure(target),
    labourFigure(target),
    quizFigure(target),
    statsYears(target),
  ]);
  return { participation, honours, ratios, labour, quiz, years };
}

export type YearInNumbers = Awaited<ReturnType<typeof yearInNumbers>>;
