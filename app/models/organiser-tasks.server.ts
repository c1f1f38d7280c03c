// What to do next: the open tasks of an organiser's scope, each with the filtered list it
// links to. Each question reads an index or a maintained table (StatCount's judged entries
// per event, ScoreBucket's complete results), never a scan of an event's entries.
import { prisma } from "~/db.server";
import type { OrganiserScope } from "~/domain/organisation";
import { periodsMissingSubmissions } from "./labour.server";
import { pendingReview } from "./registration-review.server";
import { contestsIn, eventsIn, roundsIn } from "./scope.server";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Contests whose work is over or not happening: nothing there is a task. */
const FINISHED = ["archived", "cancelled"];

/** Skills events still to be set up: no judge assigned or no marking scheme (no criteria). */
export async function eventsNeedingSetup(scope: OrganiserScope) {
  const events = await prisma.event.findMany({
    where: {
      AND: [
        eventsIn(scope),
        { status: "open", contest: { kind: "skills_contest", status: { notIn: FINISHED } } },
        {
          OR: [
            { judges: { none: {} } },
            { parts: { none: { criteria: { some: {} } } } },
            { judges: { none: { isChief: true } } },
          ],
        },
      ],
    },
    orderBy: [{ contestId: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      contest: { select: { id: true, name: true } },
      judges: { select: { isChief: true } },
      parts: { select: { _count: { select: { criteria: true } } } },
    },
  });
  return events.map((e) => ({
    id: e.id,
    name: e.name,
    contest: e.contest,
    noJudges: e.judges.length === 0,
    noChief: e.judges.length > 0 && !e.judges.some((j) => j.isChief),
    noScheme: e.parts.every((p) => p._count.criteria === 0),
  }));
}

/**
 * Events whose every judged entry has a complete result while the event is not locked yet:
 * the chief judge can lock them. Judged entries come from StatCount (whole platform, per
 * event), complete results from ScoreBucket (per whole mark, at most ~100 rows an event).
 */
export async function eventsReadyToLock(scope: OrganiserScope) {
  const events = await prisma.event.findMany({
    where: {
      AND: [
        eventsIn(scope),
        { status: { in: ["open", "scoring"] }, contest: { status: { notIn: FINISHED } } },
      ],
    },
    select: { id: true, name: true, contest: { select: { id: true, name: true, year: true } } },
  });
  if (events.length === 0) return [];
  const [judged, complete] = await Promise.all([
    prisma.statCount.findMany({
      where: { unionId: 0, dim: "event", value: { in: events.map((e) => String(e.id)) } },
      select: { value: true, year: true, entries: true },
    }),
    prisma.scoreBucket.groupBy({
      by: ["eventId"],
      where: { level: 2, eventId: { in: events.map((e) => e.id) } },
      _sum: { count: true },
    }),
  ]);
  const entriesOf = new Map(judged.map((j) => [`${j.value}|${j.year}`, j.entries]));
  const completeOf = new Map(complete.map((c) => [c.eventId, c._sum.count ?? 0]));
  return events
    .map((e) => ({
      id: e.id,
      name: e.name,
      contest: { id: e.contest.id, name: e.contest.name },
      entries: entriesOf.get(`${e.id}|${e.contest.year}`) ?? 0,
      complete: completeOf.get(e.id) ?? 0,
    }))
    .filter((e) => e.entries > 0 && e.complete >= e.entries);
}

/** Published results whose notice period (公示期) ends within the week. */
export function eventNoticesEnding(scope: OrganiserScope, now = new Date()) {
  return prisma.event.findMany({
    where: {
      AND: [
        eventsIn(scope),
        { status: "published", noticeEndsAt: { gte: now, lte: new Date(now.getTime() + WEEK) } },
      ],
    },
    orderBy: { noticeEndsAt: "asc" },
    select: {
      id: true,
      name: true,
      noticeEndsAt: true,
      contest: { select: { code: true, name: true } },
    },
  });
}

/** Every open task of the scope, for the organiser's home. */
export async function organiserTasks(scope: OrganiserScope, now = new Date()) {
  const weekAhead = new Date(now.getTime() + WEEK);
  const [pending, setup, readyToLock, eventNotices, roundNotices, objections, labour, quizzes] =
    await Promise.all([
      pendingReview(scope),
      eventsNeedingSetup(scope),
      eventsReadyToLock(scope),
      eventNoticesEnding(scope, now),
      prisma.nominationRound.findMany({
        where: {
          ...roundsIn(scope),
          status: "public_notice",
          noticeEndsAt: { gte: now, lte: weekAhead },
        },
        orderBy: { noticeEndsAt: "asc" },
        select: { id: true, name: true, noticeEndsAt: true },
      }),
      prisma.objection.groupBy({
        by: ["nominationId"],
        where: { status: "lodged", nomination: { round: roundsIn(scope) } },
        _count: { _all: true },
      }),
      prisma.contest
        .findMany({
          where: { ...contestsIn(scope), kind: "labour_competition", status: { notIn: FINISHED } },
          select: { id: true },
        })
        .then((contests) =>
          periodsMissingSubmissions(
            contests.map((c) => c.id),
            now,
          ),
        ),
      prisma.quiz.findMany({
        where: {
          contest: contestsIn(scope),
          opensAt: { lte: now },
          closesAt: { gt: now, lte: weekAhead },
        },
        orderBy: { closesAt: "asc" },
        select: {
          id: true,
          name: true,
          closesAt: true,
          contest: { select: { code: true, name: true } },
        },
      }),
    ]);

  // Entries waiting, per contest, with how many of them have problems.
  const byContest = new Map<number, { waiting: number; flagged: number }>();
  for (const p of pending) {
    const row = byContest.get(p.contestId) ?? { waiting: 0, flagged: 0 };
    row.waiting += 1;
    if (p.flags.length > 0) row.flagged += 1;
    byContest.set(p.contestId, row);
  }
  const contests = await prisma.contest.findMany({
    where: { id: { in: [...byContest.keys()] } },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
  const review = contests.map((c) => ({ ...c, ...byContest.get(c.id)! }));

  // Open objections, per round.
  const nominations = await prisma.nomination.findMany({
    where: { id: { in: objections.map((o) => o.nominationId) } },
    select: { id: true, round: { select: { id: true, name: true } } },
  });
  const perRound = new Map<number, { id: number; name: string; open: number }>();
  for (const o of objections) {
    const round = nominations.find((n) => n.id === o.nominationId)?.round;
    if (!round) continue;
    const row = perRound.get(round.id) ?? { ...round, open: 0 };
    row.open += o._count._all;
    perRound.set(round.id, row);
  }

  return {
    review,
    setup,
    readyToLock,
    notices: [
      ...roundNotices.map((r) => ({
        kind: "round" as const,
        id: r.id,
        name: r.name,
        endsAt: r.noticeEndsAt!,
        href: `/admin/honours/${r.id}`,
      })),
      ...eventNotices.map((e) => ({
        kind: "event" as const,
        id: e.id,
        name: `${e.contest.name} · ${e.name}`,
        endsAt: e.noticeEndsAt!,
        href: `/results/${encodeURIComponent(e.contest.code)}`,
      })),
    ].sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime()),
    objections: [...perRound.values()],
    labour,
    quizzes,
  };
}

export type OrganiserTasks = Awaited<ReturnType<typeof organiserTasks>>;
