// Organiser's side of contests and events: create, edit, move through the status workflow.
// Every function takes the organiser (with their scope): a contest outside it is not found.
import { prisma, write, type Tx } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { eventDefinitionFromRecord } from "~/domain/contest/event-record";
import { validateEvent, type RoundStage, type PartKind } from "~/domain/contest/events";
import { checkContestTransition, type ContestStatus } from "~/domain/contest/status";
import type { Problem } from "~/domain/identity/result";
import { theoryCapPct, theoryCapProblems } from "~/domain/contest/theory-cap";
import { contestYear } from "~/domain/contest/year";
import { mayChangeOwnership, type OrganiserScope } from "~/domain/organisation";
import type { Organiser } from "~/domain/roles";
import { appendAudit } from "./audit.server";
import { CONTEST_CARD_COLUMNS, EVENT_RULE_COLUMNS } from "./contest.server";
import { contestsIn, eventsIn, isOwnableUnion } from "./scope.server";
import { contestStatsTarget, restatContest, restatEvent } from "./entry-stats.server";
import { publishScoringChanged } from "~/utils/live-events.server";
import { fail, failIfAny, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";
import { keyedProblem } from "~/i18n";

export type ContestInput = {
  code: string;
  kind: string;
  name: string;
  organiserId: number;
  /** Unions running the contest jointly with its owner (联合主办) */
  coOrganiserIds: number[];
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
  /** Sides a team enters on (e.g. union and employer in collective bargaining); [] for none */
  sides: string[];
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

/** Every union, for choosing co-organisers: a contest may be run jointly with any union. */
export function listAllUnions() {
  return prisma.organisation.findMany({
    where: { kind: { in: ["federation", "district_union", "industry_union"] } },
    orderBy: [{ path: "asc" }],
    select: { id: true, name: true },
  });
}

/** The statistics page's drill-down filters (a year, a kind, a category or trade, a branch's entrants). */
export type ContestListFilter = {
  kind?: string;
  status?: string;
  year?: number;
  category?: string;
  trade?: string;
  /** Contests with admitted entries from this union's subtree */
  entrantsPath?: string;
};

export function listContestsForAdmin(scope: OrganiserScope, filter: ContestListFilter = {}) {
  return prisma.contest.findMany({
    where: {
      AND: [
        contestsIn(scope),
        filter.kind ? { kind: filter.kind } : {},
        filter.status ? { status: filter.status } : {},
        filter.year ? { year: filter.year } : {},
        filter.category ? { events: { some: { category: filter.category } } } : {},
        filter.trade ? { events: { some: { trade: filter.trade } } } : {},
        filter.entrantsPath
          ? {
              events: {
                some: {
                  registrations: {
                    some: {
                      status: { in: ["approved", "checked_in"] },
                      organisation: { path: { startsWith: filter.entrantsPath } },
                    },
                  },
                },
              },
            }
          : {},
      ],
    },
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

export async function getContestForAdmin(scope: OrganiserScope, id: number) {
  const contest = await prisma.contest.findFirst({
    where: { id, ...contestsIn(scope) },
    select: {
      id: true,
      code: true,
      kind: true,
      name: true,
      year: true,
      organiserId: true,
      description: true,
      rules: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      startsAt: true,
      endsAt: true,
      status: true,
      theoryCapPct: true,
      organiser: { select: { name: true, path: true } },
      coOrganisers: {
        orderBy: { organisationId: "asc" },
        select: { organisationId: true, organisation: { select: { name: true } } },
      },
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
  return {
    ...contest,
    events,
    mayChangeOwnership: mayChangeOwnership(scope, contest.organiser.path),
  };
}

export function getEventForAdmin(scope: OrganiserScope, contestId: number, eventId: number) {
  return prisma.event.findFirst({
    where: { id: eventId, contestId, ...eventsIn(scope) },
    select: EVENT_SELECT,
  });
}

/**
 * A contest or event saved (its id), or why not: a bad choice or a taken code on its form
 * field, a rule of the domain (`rules.<code>`, the event it names in `params.subject`) above
 * the form.
 */
export type SaveOutcome = Outcome<{ id: number }, KeyedProblem>;

/** A domain rule's problem as a model's keyed problem (`rules.<code>`). */
function ruleProblem(p: Problem, subject?: string): KeyedProblem {
  return keyedProblem(
    "rules",
    subject === undefined ? p : { ...p, params: { ...p.params, subject } },
  );
}

/** Co-organisers as stored: unions only, never the owner itself, each once. */
async function coOrganisersOf(input: ContestInput): Promise<number[] | null> {
  const ids = [...new Set(input.coOrganiserIds)].filter((id) => id !== input.organiserId);
  if (ids.length === 0) return [];
  const found = await prisma.organisation.count({
    where: { id: { in: ids }, kind: { in: ["federation", "district_union", "industry_union"] } },
  });
  return found === ids.length ? ids : null;
}

function contestData(input: ContestInput, createdAt: Date) {
  const { coOrganiserIds: _co, ...fields } = input;
  return { ...fields, year: contestYear(input, createdAt) };
}

export async function createContest(actor: Organiser, input: ContestInput): Promise<SaveOutcome> {
  // The owner must be a union the organiser manages; anything else reads as a bad choice.
  if (!(await isOwnableUnion(actor.scope, input.organiserId)))
    return refuse("reg.form.required", {}, "organiserId");
  const coOrganiserIds = await coOrganisersOf(input);
  if (coOrganiserIds === null) return refuse("reg.form.required", {}, "coOrganiserIds");
  const taken = await prisma.contest.findUnique({
    where: { code: input.code },
    select: { id: true },
  });
  if (taken) return refuse("reg.contest.codeTaken", {}, "code");
  const contest = await write(async (tx) => {
    const created = await tx.contest.create({
      data: {
        ...contestData(input, new Date()),
        status: "draft",
        coOrganisers: { create: coOrganiserIds.map((organisationId) => ({ organisationId })) },
      },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "contest.create",
      entityType: "Contest",
      entityId: created.id,
      after: { code: input.code, status: "draft", organiserId: input.organiserId, coOrganiserIds },
    });
    return created;
  });
  return ok({ id: contest.id });
}

/**
 * Saves the contest's details. Who owns it and who runs it jointly change only when the
 * organiser is above the owner (mayChangeOwnership); a co-organiser's save keeps them.
 */
export async function updateContest(
  actor: Organiser,
  id: number,
  input: ContestInput,
): Promise<SaveOutcome | null> {
  const current = await prisma.contest.findFirst({
    where: { id, ...contestsIn(actor.scope) },
    select: {
      createdAt: true,
      organiserId: true,
      organiser: { select: { path: true } },
      coOrganisers: { select: { organisationId: true } },
    },
  });
  if (!current) return null;
  const owning = mayChangeOwnership(actor.scope, current.organiser.path);
  const ownerId = owning ? input.organiserId : current.organiserId;
  if (owning && ownerId !== current.organiserId && !(await isOwnableUnion(actor.scope, ownerId)))
    return refuse("reg.form.required", {}, "organiserId");
  const coOrganiserIds = owning
    ? await coOrganisersOf({ ...input, organiserId: ownerId })
    : current.coOrganisers.map((c) => c.organisationId);
  if (coOrganiserIds === null) return refuse("reg.form.required", {}, "coOrganiserIds");
  const clash = await prisma.contest.findFirst({
    where: { code: input.code, NOT: { id } },
    select: { id: true },
  });
  if (clash) return refuse("reg.contest.codeTaken", {}, "code");
  let eventIds: number[] = [];
  const outcome = await write(async (tx): Promise<SaveOutcome> => {
    const before = await tx.contest.findUniqueOrThrow({ where: { id } });
    // A lower cap (or another kind's default) must not leave an existing event above it.
    const cap = theoryCapPct(input.kind, input.theoryCapPct);
    const events = await tx.event.findMany({
      where: { contestId: id },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        parts: { select: { kind: true, weight: true, round: true } },
      },
    });
    eventIds = events.map((e) => e.id);
    // Each names its event; shown above the form, as the cap field alone cannot say which.
    const broken = failIfAny(
      events.flatMap((e) => theoryCapProblems(e.parts, cap).map((p) => ruleProblem(p, e.name))),
    );
    if (broken) return broken;
    const statsBefore = await contestStatsTarget(tx, id);
    await tx.contest.update({
      where: { id },
      data: contestData({ ...input, organiserId: ownerId, coOrganiserIds }, current.createdAt),
    });
    if (owning) {
      await tx.contestCoOrganiser.deleteMany({
        where: { contestId: id, organisationId: { notIn: coOrganiserIds } },
      });
      for (const organisationId of coOrganiserIds)
        await tx.contestCoOrganiser.upsert({
          where: { contestId_organisationId: { contestId: id, organisationId } },
          create: { contestId: id, organisationId },
          update: {},
        });
    }
    // Another owner, co-organisers, year or kind moves the contest between figures.
    await restatContest(tx, statsBefore, await contestStatsTarget(tx, id));
    await appendAudit(tx, {
      actorId: actor.id,
      action: "contest.update",
      entityType: "Contest",
      entityId: id,
      before: {
        code: before.code,
        name: before.name,
        organiserId: before.organiserId,
        coOrganiserIds: current.coOrganisers.map((c) => c.organisationId),
        registrationClosesAt: before.registrationClosesAt,
        theoryCapPct: before.theoryCapPct,
      },
      after: {
        code: input.code,
        name: input.name,
        organiserId: ownerId,
        coOrganiserIds,
        registrationClosesAt: input.registrationClosesAt,
        theoryCapPct: input.theoryCapPct,
      },
    });
    return ok({ id });
  });
  // Its events' scoring definitions carry the contest's name, kind, start and theory cap.
  if (outcome.ok) for (const eventId of eventIds) publishScoringChanged(eventId);
  return outcome;
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

/** Moved, or every rule of the workflow the move breaks (`rules.contest_*`). */
type StatusOutcome = Outcome<undefined, KeyedProblem>;

/** Moves the contest if the workflow allows it; the facts each move needs are read in the same transaction. */
export function changeContestStatus(
  actor: Organiser,
  contestId: number,
  to: ContestStatus,
  options: { now?: Date; reason?: string } = {},
): Promise<StatusOutcome | null> {
  return write(async (tx) => {
    // Another union's contest is not found.
    const inScope = await tx.contest.findFirst({
      where: { id: contestId, ...contestsIn(actor.scope) },
      select: { id: true },
    });
    if (!inScope) return null;
    return changeContestStatusInTx(tx, actor.id, contestId, to, options);
  });
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
  if (!verdict.ok) return fail(...verdict.problems.map((p) => ruleProblem(p)));
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
  return ok();
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
    sides: JSON.stringify(team ? input.sides : []),
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
  actor: Organiser,
  contestId: number,
  eventId: number | null,
  input: EventInput,
): Promise<SaveOutcome | null> {
  const actorId = actor.id;
  const inScope = await prisma.contest.count({
    where: { id: contestId, ...contestsIn(actor.scope) },
  });
  if (inScope === 0) return null;
  if (eventId !== null && !(await getEventForAdmin(actor.scope, contestId, eventId))) return null;
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
  const invalid = failIfAny(
    validateEvent(definition, {
      theoryCapPct: contest ? theoryCapPct(contest.kind, contest.theoryCapPct) : null,
    }).map((p) => ruleProblem(p)),
  );
  if (invalid) return invalid;
  const clash = await prisma.event.findFirst({
    where: { contestId, code: input.code, ...(eventId ? { NOT: { id: eventId } } : {}) },
    select: { id: true },
  });
  if (clash) return refuse("reg.event.codeTaken", {}, "code");

  const parts = input.rounds.flatMap((round) =>
    round.parts.map((p) => ({ ...p, round: round.stage })),
  );
  const outcome = await write(async (tx) => {
    let id = eventId;
    if (id === null) {
      const count = await tx.event.count({ where: { contestId } });
      const created = await tx.event.create({
        data: { ...eventData(input), contestId, sortOrder: count },
      });
      id = created.id;
    } else {
      const before = await tx.event.findUniqueOrThrow({
        where: { id },
        select: { category: true, trade: true },
      });
      await tx.event.update({ where: { id }, data: eventData(input) });
      await restatEvent(tx, contestId, before, input);
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
    return ok({ id });
  });
  if (outcome.ok) publishScoringChanged(outcome.value.id);
  return outcome;
}
