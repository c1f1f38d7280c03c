// Organiser's side of contests and events: create, edit, move through the status workflow.
import { prisma, write, type Tx } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { eventDefinitionFromRecord } from "~/domain/contest/event-record";
import {
  validateEvent,
  type EventProblem,
  type RoundStage,
  type PartKind,
} from "~/domain/contest/events";
import {
  checkContestTransition,
  type ContestStatus,
  type ContestTransitionProblem,
} from "~/domain/contest/status";
import { theoryCapPct, theoryCapProblems } from "~/domain/contest/theory-cap";
import { appendAudit } from "./audit.server";
import { CONTEST_CARD_COLUMNS, EVENT_RULE_COLUMNS } from "./contest.server";

export type ContestInput = {
  code: string;
  kind: string;
  name: string;
  organiserId: number;
  description: string;
  rules: string;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startsAt: Date | null;
  endsAt: Date | null;
  /** Theory share cap in whole percent; null = the default of the contest kind. */
  theoryCapPct: number | null;
};

export type EventInput = {
  code: string;
  name: string;
  category: string;
  trade: string;
  mode: "individual" | "team";
  teamMin: number;
  teamMax: number;
  substitutes: number;
  quotaPerOrg: number | null;
  cap: number | null;
  minAge: number | null;
  maxAge: number | null;
  minSkillLevel: string | null;
  unionMemberRequired: boolean;
  rounds: {
    stage: RoundStage;
    advanceCount: number | null;
    parts: { kind: PartKind; weight: number }[];
  }[];
};

export function listOrganisers() {
  return prisma.organisation.findMany({
    where: { kind: { in: ["federation", "district_union", "industry_union"] } },
    orderBy: [{ kind: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

export function listContestsForAdmin() {
  return prisma.contest.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: CONTEST_CARD_COLUMNS,
  });
}

const EVENT_SELECT = {
  ...EVENT_RULE_COLUMNS,
  category: true,
  trade: true,
  parts: {
    orderBy: [{ sortOrder: "asc" as const }, { id: "asc" as const }],
    select: { kind: true, round: true, weight: true, name: true },
  },
} satisfies Prisma.EventSelect;

export async function getContestForAdmin(id: number) {
  const contest = await prisma.contest.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      kind: true,
      name: true,
      organiserId: true,
      description: true,
      rules: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      startsAt: true,
      endsAt: true,
      status: true,
      theoryCapPct: true,
      organiser: { select: { name: true } },
      events: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { ...EVENT_SELECT, status: true, _count: { select: { registrations: true } } },
      },
    },
  });
  if (!contest) return null;
  const rules = { theoryCapPct: theoryCapPct(contest.kind, contest.theoryCapPct) };
  const events = contest.events.map((e) => ({
    ...e,
    problems: validateEvent(eventDefinitionFromRecord(e), rules),
  }));
  return { ...contest, events };
}

export function getEventForAdmin(contestId: number, eventId: number) {
  return prisma.event.findFirst({ where: { id: eventId, contestId }, select: EVENT_SELECT });
}

export type SaveOutcome =
  | { ok: true; id: number }
  | {
      ok: false;
      field?: string;
      problems?: (EventProblem & { subject?: string })[];
      code?: string;
    };

export async function createContest(actorId: number, input: ContestInput): Promise<SaveOutcome> {
  const taken = await prisma.contest.findUnique({
    where: { code: input.code },
    select: { id: true },
  });
  if (taken) return { ok: false, field: "code", code: "reg.contest.codeTaken" };
  const contest = await write(async (tx) => {
    const created = await tx.contest.create({ data: { ...input, status: "draft" } });
    await appendAudit(tx, {
      actorId,
      action: "contest.create",
      entityType: "Contest",
      entityId: created.id,
      after: { code: input.code, status: "draft" },
    });
    return created;
  });
  return { ok: true, id: contest.id };
}

export async function updateContest(
  actorId: number,
  id: number,
  input: ContestInput,
): Promise<SaveOutcome> {
  const clash = await prisma.contest.findFirst({
    where: { code: input.code, NOT: { id } },
    select: { id: true },
  });
  if (clash) return { ok: false, field: "code", code: "reg.contest.codeTaken" };
  return write(async (tx): Promise<SaveOutcome> => {
    const before = await tx.contest.findUniqueOrThrow({ where: { id } });
    // A lower cap (or another kind's default) must not leave an existing event above it.
    const cap = theoryCapPct(input.kind, input.theoryCapPct);
    const events = await tx.event.findMany({
      where: { contestId: id },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { name: true, parts: { select: { kind: true, weight: true, round: true } } },
    });
    const broken = events.flatMap((e) =>
      theoryCapProblems(e.parts, cap).map((p) => ({ ...p, subject: e.name })),
    );
    if (broken.length > 0) return { ok: false, field: "theoryCapPct", problems: broken };
    await tx.contest.update({ where: { id }, data: input });
    await appendAudit(tx, {
      actorId,
      action: "contest.update",
      entityType: "Contest",
      entityId: id,
      before: {
        code: before.code,
        name: before.name,
        registrationClosesAt: before.registrationClosesAt,
        theoryCapPct: before.theoryCapPct,
      },
      after: {
        code: input.code,
        name: input.name,
        registrationClosesAt: input.registrationClosesAt,
        theoryCapPct: input.theoryCapPct,
      },
    });
    return { ok: true, id };
  });
}

async function transitionFacts(tx: Tx, contestId: number, to: ContestStatus, now: Date) {
  const contest = await tx.contest.findUniqueOrThrow({
    where: { id: contestId },
    select: {
      registrationOpensAt: true,
      registrationClosesAt: true,
      kind: true,
      theoryCapPct: true,
    },
  });
  const events = await tx.event.findMany({ where: { contestId }, select: EVENT_SELECT });
  const rules = { theoryCapPct: theoryCapPct(contest.kind, contest.theoryCapPct) };
  const facts = {
    now,
    eventCount: events.length,
    invalidEventCodes: events
      .filter((e) => validateEvent(eventDefinitionFromRecord(e), rules).length > 0)
      .map((e) => e.code),
    registrationWindow:
      contest.registrationOpensAt && contest.registrationClosesAt
        ? { opensAt: contest.registrationOpensAt, closesAt: contest.registrationClosesAt }
        : null,
  };
  if (to === "in_progress") {
    return {
      ...facts,
      approvedEntryCount: await tx.registration.count({
        where: { event: { contestId }, status: { in: ["approved", "checked_in"] } },
      }),
    };
  }
  if (to === "results_published") {
    const unscored = await tx.registration.count({
      where: {
        event: { contestId },
        status: { in: ["approved", "checked_in"] },
        OR: [{ result: null }, { result: { complete: false } }],
      },
    });
    return { ...facts, unscoredEntryCount: unscored };
  }
  return facts;
}

type StatusOutcome = { ok: true } | { ok: false; problems: ContestTransitionProblem[] };

/** Moves the contest if the workflow allows it; the facts each move needs are read in the same transaction. */
export function changeContestStatus(
  actorId: number,
  contestId: number,
  to: ContestStatus,
  options: { now?: Date; reason?: string } = {},
): Promise<StatusOutcome> {
  return write((tx) => changeContestStatusInTx(tx, actorId, contestId, to, options));
}

/** changeContestStatus inside a caller's transaction (publishing the last event moves it on). */
export async function changeContestStatusInTx(
  tx: Tx,
  actorId: number,
  contestId: number,
  to: ContestStatus,
  options: { now?: Date; reason?: string } = {},
): Promise<StatusOutcome> {
  const contest = await tx.contest.findUniqueOrThrow({
    where: { id: contestId },
    select: { status: true },
  });
  const from = contest.status as ContestStatus;
  const facts = await transitionFacts(tx, contestId, to, options.now ?? new Date());
  const verdict = checkContestTransition(from, to, { ...facts, cancelReason: options.reason });
  if (!verdict.ok) return { ok: false, problems: verdict.problems };
  await tx.contest.update({ where: { id: contestId }, data: { status: to } });
  await appendAudit(tx, {
    actorId,
    action: "contest.status",
    entityType: "Contest",
    entityId: contestId,
    before: from,
    after: to,
    reason: options.reason ?? null,
  });
  return { ok: true };
}

function eventData(input: EventInput) {
  const team = input.mode === "team";
  const advance: Record<string, number> = {};
  for (const round of input.rounds)
    if (round.stage !== "final" && round.advanceCount !== null)
      advance[round.stage] = round.advanceCount;
  return {
    code: input.code,
    name: input.name,
    category: input.category,
    trade: input.trade,
    mode: input.mode,
    teamMin: team ? input.teamMin : 1,
    teamMax: team ? input.teamMax : 1,
    substitutes: team ? input.substitutes : 0,
    quotaPerOrg: input.quotaPerOrg,
    cap: input.cap,
    minAge: input.minAge,
    maxAge: input.maxAge,
    minSkillLevel: input.minSkillLevel,
    unionMemberRequired: input.unionMemberRequired,
    advanceCounts: JSON.stringify(advance),
  };
}

const PART_NAMES: Record<PartKind, string> = { theory: "理论知识", practical: "技能操作" };

/**
 * Creates or updates an event after validateEvent accepts it. Parts are replaced only
 * while no criteria hang off them; once a marking scheme exists only weights change.
 */
export async function saveEvent(
  actorId: number,
  contestId: number,
  eventId: number | null,
  input: EventInput,
): Promise<SaveOutcome> {
  const definition = {
    code: input.code,
    name: input.name,
    mode: input.mode,
    team:
      input.mode === "team"
        ? { minSize: input.teamMin, maxSize: input.teamMax, substitutes: input.substitutes }
        : null,
    quotaPerOrg: input.quotaPerOrg,
    overallCap: input.cap,
    eligibility: {
      minAge: input.minAge,
      maxAge: input.maxAge,
      unionMemberRequired: input.unionMemberRequired,
    },
    rounds: input.rounds,
  };
  const contest = await prisma.contest.findUnique({
    where: { id: contestId },
    select: { kind: true, theoryCapPct: true },
  });
  const problems = validateEvent(definition, {
    theoryCapPct: contest ? theoryCapPct(contest.kind, contest.theoryCapPct) : null,
  });
  if (problems.length > 0) return { ok: false, problems };
  const clash = await prisma.event.findFirst({
    where: { contestId, code: input.code, ...(eventId ? { NOT: { id: eventId } } : {}) },
    select: { id: true },
  });
  if (clash) return { ok: false, field: "code", code: "reg.event.codeTaken" };

  const parts = input.rounds.flatMap((round) =>
    round.parts.map((p) => ({ ...p, round: round.stage })),
  );
  return write(async (tx) => {
    let id = eventId;
    if (id === null) {
      const count = await tx.event.count({ where: { contestId } });
      const created = await tx.event.create({
        data: { ...eventData(input), contestId, sortOrder: count },
      });
      id = created.id;
    } else {
      await tx.event.update({ where: { id }, data: eventData(input) });
    }
    const existing = await tx.eventPart.findMany({
      where: { eventId: id },
      select: { id: true, kind: true, round: true, _count: { select: { criteria: true } } },
    });
    const hasScheme = existing.some((p) => p._count.criteria > 0);
    if (!hasScheme) {
      await tx.eventPart.deleteMany({ where: { eventId: id } });
      await tx.eventPart.createMany({
        data: parts.map((p, i) => ({
          eventId: id as number,
          kind: p.kind,
          round: p.round,
          name: PART_NAMES[p.kind],
          weight: p.weight,
          sortOrder: i,
        })),
      });
    } else {
      for (const p of parts) {
        const match = existing.find((e) => e.kind === p.kind && e.round === p.round);
        if (match)
          await tx.eventPart.update({ where: { id: match.id }, data: { weight: p.weight } });
      }
    }
    await appendAudit(tx, {
      actorId,
      action: eventId ? "event.update" : "event.create",
      entityType: "Event",
      entityId: id,
      after: { ...eventData(input), parts },
    });
    return { ok: true as const, id };
  });
}
