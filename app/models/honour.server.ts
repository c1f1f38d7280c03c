import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

/** An award as the roll and the showcase list it: what, when, to whom, and where they work. */
const AWARD_COLUMNS = {
  id: true,
  kind: true,
  level: true,
  year: true,
  recipientKind: true,
  recipientName: true,
  citation: true,
  workerId: true,
  studioId: true,
  organisationId: true,
  organisation: { select: { name: true } },
} satisfies Prisma.HonourAwardSelect;

/** The most recent honours, for the home page. */
export function listFeaturedHonours(take: number) {
  return prisma.honourAward.findMany({
    orderBy: [{ year: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, level: true, year: true, recipientName: true },
  });
}

// ───────────── the public honour roll ─────────────

export type HonourRollFilters = {
  q?: string;
  kind?: string;
  level?: string;
  year?: number;
  organisationId?: number;
  page?: number;
};

export const HONOUR_ROLL_PAGE_SIZE = 24;

export async function listHonourRoll(filters: HonourRollFilters) {
  const q = filters.q?.trim();
  const where = {
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.level ? { level: filters.level } : {}),
    ...(filters.year ? { year: filters.year } : {}),
    ...(filters.organisationId ? { organisationId: filters.organisationId } : {}),
    ...(q
      ? {
          OR: [
            { recipientName: { contains: q } },
            { citation: { contains: q } },
            { organisation: { name: { contains: q } } },
          ],
        }
      : {}),
  };
  const page = Math.max(1, filters.page ?? 1);
  const [total, items] = await Promise.all([
    prisma.honourAward.count({ where }),
    prisma.honourAward.findMany({
      where,
      orderBy: [{ year: "desc" }, { id: "desc" }],
      skip: (page - 1) * HONOUR_ROLL_PAGE_SIZE,
      take: HONOUR_ROLL_PAGE_SIZE,
      select: { ...AWARD_COLUMNS, conferringBody: true },
    }),
  ]);
  return { total, items, page, pageCount: Math.max(1, Math.ceil(total / HONOUR_ROLL_PAGE_SIZE)) };
}

/** The choices the roll's filters offer: only years and units that have honours. */
export async function honourRollOptions() {
  const [years, organisations] = await Promise.all([
    prisma.honourAward.findMany({
      distinct: ["year"],
      select: { year: true },
      orderBy: { year: "desc" },
    }),
    prisma.organisation.findMany({
      where: { honours: { some: {} } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { years: years.map((y) => y.year), organisations };
}

const awardSelect = {
  id: true,
  kind: true,
  level: true,
  year: true,
  conferringBody: true,
  citation: true,
  photoUrl: true,
  certificates: { where: { revokedAt: null }, select: { serial: true } },
} as const;

/** Published contest results only: anything earlier may still change on appeal. */
const publishedEvent = { OR: [{ status: "published" }, { publishedAt: { not: null } }] };

/**
 * A person's public page. Only people with at least one honour have one, so the roll never
 * becomes a directory of a unit's whole workforce.
 */
export async function getWorkerHonourPage(workerId: number) {
  const worker = await prisma.worker.findFirst({
    where: { id: workerId, honours: { some: {} } },
    select: {
      id: true,
      name: true,
      gender: true,
      trade: true,
      position: true,
      organisation: { select: { id: true, name: true } },
      honours: { select: awardSelect, orderBy: [{ year: "desc" }, { id: "desc" }] },
      studiosLed: { select: { id: true, name: true, field: true } },
      studioMemberships: {
        select: { role: true, studio: { select: { id: true, name: true, field: true } } },
      },
    },
  });
  if (!worker) return null;
  const [individual, team] = await Promise.all([
    prisma.result.findMany({
      where: { registration: { workerId }, event: publishedEvent },
      select: resultSelect,
    }),
    prisma.result.findMany({
      where: { registration: { team: { members: { some: { workerId } } } }, event: publishedEvent },
      select: resultSelect,
    }),
  ]);
  return { worker, results: [...individual, ...team].sort((a, b) => b.event.id - a.event.id) };
}

const resultSelect = {
  registrationId: true,
  total: true,
  rank: true,
  prize: true,
  complete: true,
  event: {
    select: {
      id: true,
      name: true,
      fullMark: true,
      contest: { select: { code: true, name: true } },
    },
  },
} as const;

/** A unit's or collective's page: its own honours, its honoured people and studios, and its contest standings. */
export async function getOrganisationHonourPage(organisationId: number) {
  const organisation = await prisma.organisation.findFirst({
    where: { id: organisationId, honours: { some: {} } },
    select: { id: true, name: true, kind: true, parent: { select: { name: true } } },
  });
  if (!organisation) return null;
  const [own, people, studios, standings, results] = await Promise.all([
    prisma.honourAward.findMany({
      where: { organisationId, recipientKind: "organisation" },
      select: { ...awardSelect, recipientName: true },
      orderBy: [{ year: "desc" }, { id: "desc" }],
    }),
    prisma.honourAward.findMany({
      where: { organisationId, recipientKind: "worker" },
      select: {
        id: true,
        kind: true,
        level: true,
        year: true,
        recipientName: true,
        workerId: true,
      },
      orderBy: [{ year: "desc" }, { id: "desc" }],
    }),
    prisma.innovationStudio.findMany({
      where: { hostOrganisationId: organisationId },
      select: { id: true, name: true, field: true, leaderName: true },
    }),
    prisma.orgStanding.findMany({
      where: { organisationId, event: publishedEvent },
      select: {
        bestNTotal: true,
        entries: true,
        prizes: true,
        firstPrizes: true,
        event: {
          select: { id: true, name: true, contest: { select: { code: true, name: true } } },
        },
      },
    }),
    prisma.result.findMany({
      where: { organisationId, prize: { not: null }, event: publishedEvent },
      select: {
        ...resultSelect,
        registration: {
          select: { worker: { select: { name: true } }, team: { select: { name: true } } },
        },
      },
      orderBy: [{ eventId: "asc" }, { rank: "asc" }],
    }),
  ]);
  return { organisation, own, people, studios, standings, results };
}

/** The exhibition hall (展示馆): honours grouped the way the printed showcase groups them. */
export async function getShowcase() {
  const awards = await prisma.honourAward.findMany({
    orderBy: [{ year: "desc" }, { id: "asc" }],
    select: {
      ...AWARD_COLUMNS,
      photoUrl: true,
      worker: { select: { trade: true, position: true } },
    },
  });
  return awards;
}

// ───────────── innovation studios ─────────────

export async function listStudios() {
  const studios = await prisma.innovationStudio.findMany({
    orderBy: [{ namedYear: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      field: true,
      leaderName: true,
      namedYear: true,
      hostOrganisation: { select: { name: true } },
      _count: { select: { members: true } },
      achievements: { select: { kind: true, quantity: true } },
    },
  });
  return studios.map(({ achievements, ...s }) => ({
    ...s,
    totals: achievementTotals(achievements),
  }));
}

function achievementTotals(rows: readonly { kind: string; quantity: number }[]) {
  const totals = { patent: 0, innovation: 0, training: 0, savings: 0 };
  for (const r of rows) if (r.kind in totals) totals[r.kind as keyof typeof totals] += r.quantity;
  return totals;
}

export async function getStudio(studioId: number) {
  const studio = await prisma.innovationStudio.findUnique({
    where: { id: studioId },
    select: {
      id: true,
      name: true,
      field: true,
      description: true,
      namedYear: true,
      leaderName: true,
      leaderWorkerId: true,
      leader: { select: { id: true, position: true, honours: { select: { id: true }, take: 1 } } },
      hostOrganisation: { select: { id: true, name: true } },
      members: { select: { id: true, name: true, role: true }, orderBy: { id: "asc" } },
      achievements: {
        orderBy: [{ year: "asc" }, { id: "asc" }],
        select: {
          id: true,
          year: true,
          kind: true,
          title: true,
          quantity: true,
          description: true,
        },
      },
      honours: { select: { id: true, kind: true, level: true, year: true, conferringBody: true } },
    },
  });
  if (!studio) return null;
  const years = [...new Set(studio.achievements.map((a) => a.year))].sort((a, b) => a - b);
  const byYear = years.map((year) => ({
    year,
    totals: achievementTotals(studio.achievements.filter((a) => a.year === year)),
  }));
  return { ...studio, totals: achievementTotals(studio.achievements), byYear };
}
