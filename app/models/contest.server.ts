import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { PUBLIC_CONTEST_STATUSES } from "~/domain/contest/status";
import type { OrganiserScope } from "~/domain/organisation";
import { contestsIn, eventsIn, organisationsIn } from "~/models/scope.server";

/** What a contest card shows, on the public list and the organiser's. */
export const CONTEST_CARD_COLUMNS = {
  id: true,
  code: true,
  kind: true,
  name: true,
  status: true,
  registrationClosesAt: true,
  startsAt: true,
  organiser: { select: { name: true } },
  coOrganisers: { select: { organisation: { select: { name: true } } } },
  _count: { select: { events: true } },
} satisfies Prisma.ContestSelect;

/** An event's registration and scoring rules, as eventDefinitionFromRecord reads them. */
export const EVENT_RULE_COLUMNS = {
  id: true,
  code: true,
  name: true,
  mode: true,
  teamMin: true,
  teamMax: true,
  substitutes: true,
  quotaPerOrg: true,
  cap: true,
  minAge: true,
  maxAge: true,
  minSkillLevel: true,
  unionMemberRequired: true,
  advanceCounts: true,
  sides: true,
  parts: { select: { kind: true, round: true, weight: true } },
} satisfies Prisma.EventSelect;

export async function listPublicContests() {
  const contests = await prisma.contest.findMany({
    where: { status: { in: PUBLIC_CONTEST_STATUSES } },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    select: {
      ...CONTEST_CARD_COLUMNS,
      registrationOpensAt: true,
      endsAt: true,
      // What each kind has: events (skills), units and periods (labour), quizzes (quiz).
      _count: {
        select: { events: true, labourParticipants: true, labourPeriods: true, quizzes: true },
      },
    },
  });
  return contests;
}

/**
 * A contest's public page: its events (with where their results stand), and for labour
 * competitions and quizzes what those kinds have instead of events, so every kind's page
 * leads somewhere (boards, quizzes, published results, notices).
 */
export async function getPublicContest(code: string) {
  const contest = await prisma.contest.findFirst({
    where: { code, status: { in: PUBLIC_CONTEST_STATUSES } },
    select: {
      id: true,
      code: true,
      kind: true,
      name: true,
      status: true,
      description: true,
      rules: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      startsAt: true,
      endsAt: true,
      organiser: { select: { name: true } },
      events: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          code: true,
          name: true,
          category: true,
          trade: true,
          mode: true,
          status: true,
          publishedAt: true,
          noticeEndsAt: true,
          _count: { select: { registrations: true } },
        },
      },
      labourPeriods: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, name: true, status: true, startsOn: true, endsOn: true },
      },
      quizzes: {
        orderBy: [{ opensAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, opensAt: true, closesAt: true, timeLimitSec: true },
      },
      _count: { select: { labourParticipants: true } },
    },
  });
  if (!contest) return null;
  const eventIds = contest.events.map((e) => e.id);
  // Honours rounds proposed from this contest's results, once their shortlist is public.
  const notices =
    eventIds.length === 0
      ? []
      : await prisma.nominationRound.findMany({
          where: {
            sourceEventId: { in: eventIds },
            status: { in: ["public_notice", "conferred"] },
            noticeStartsAt: { not: null },
          },
          orderBy: [{ noticeStartsAt: "desc" }, { id: "desc" }],
          select: { id: true, name: true, status: true, noticeEndsAt: true },
        });
  return { ...contest, notices };
}

export async function platformStats() {
  const [contests, events, workers, honours] = await Promise.all([
    prisma.contest.count({ where: { status: { in: PUBLIC_CONTEST_STATUSES } } }),
    prisma.event.count({ where: { contest: { status: { in: PUBLIC_CONTEST_STATUSES } } } }),
    prisma.worker.count(),
    prisma.honourAward.count(),
  ]);
  return { contests, events, workers, honours };
}

/**
 * The organiser's home figures over their scope that are cheap to count (contests, events,
 * honours) and the contests changed last. The entries, workers and organisations of the year
 * come from the statistics (participationTotals), the entries waiting for review from the
 * task list: counting 1.5 million entries and the workers of 5,000 organisations here took
 * most of a second.
 */
export async function adminOverview(scope: OrganiserScope) {
  const [contests, events, honours, recent] = await Promise.all([
    prisma.contest.count({ where: contestsIn(scope) }),
    prisma.event.count({ where: eventsIn(scope) }),
    prisma.honourAward.count({ where: { organisation: organisationsIn(scope) } }),
    prisma.contest.findMany({
      where: contestsIn(scope),
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        status: true,
        _count: { select: { events: true } },
      },
    }),
  ]);
  return { contests, events, honours, recent };
}
