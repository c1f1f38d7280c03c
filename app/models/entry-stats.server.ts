// Keeps StatCount (the year in numbers) up to date in the same transaction as every change
// that moves a figure, the way the ranking tables are kept for the leaderboards:
//   - an entry admitted or dropped (approve, reject, withdraw, replace): withEntryStats
//     compares which counted participations its workers and organisation had before and
//     after, so a worker entered twice is still one worker;
//   - an event's results published or re-ranked after an appeal: withPrizeStats;
//   - a contest handed to another union, run jointly, moved to another year or kind, or an
//     event's category or trade changed: rebuildStatsFor recomputes the unions and years
//     touched from the base tables (statistics.sql.server.ts), as rebuildEntryStats does
//     for everything.
import { txSql, type Sql, type Tx } from "~/db.server";
import { branchOf, statsUnionsOf } from "~/domain/organisation";
import {
  COUNTED_STATUSES,
  QUIZ_ROW,
  applyStatDeltasSql,
  deleteStatCountSql,
  eventPrizeTallySql,
  markBuiltSql,
  otherFinishedAttemptSql,
  participationsSql,
  rebuildStatCountSql,
  type StatDelta,
  type StatTarget,
} from "./statistics.sql.server";

type Key = { unionId: number; year: number; dim: string; value: string };
const keyString = (k: Key) => `${k.unionId}|${k.year}|${k.dim}|${k.value}`;
function parseKey(s: string): Key {
  const [unionId, year, dim, ...rest] = s.split("|");
  return { unionId: Number(unionId), year: Number(year), dim: dim!, value: rest.join("|") };
}

type EventFacts = {
  year: number;
  kind: string;
  category: string;
  trade: string;
  unions: number[];
  published: boolean;
};

/** Contest and event facts the keys are made of, for a set of events. */
async function eventFacts(tx: Tx, eventIds: number[]): Promise<Map<number, EventFacts>> {
  if (eventIds.length === 0) return new Map();
  const events = await tx.event.findMany({
    where: { id: { in: eventIds } },
    select: {
      id: true,
      category: true,
      trade: true,
      status: true,
      contest: {
        select: {
          year: true,
          kind: true,
          organiser: { select: { path: true } },
          coOrganisers: { select: { organisation: { select: { path: true } } } },
        },
      },
    },
  });
  return new Map(
    events.map((e) => [
      e.id,
      {
        year: e.contest.year,
        kind: e.contest.kind,
        category: e.category,
        trade: e.trade,
        unions: statsUnionsOf(
          e.contest.organiser.path,
          e.contest.coOrganisers.map((c) => c.organisation.path),
        ),
        published: e.status === "published",
      },
    ]),
  );
}

async function branchesOf(tx: Tx, organisationIds: number[]): Promise<Map<number, number>> {
  if (organisationIds.length === 0) return new Map();
  const orgs = await tx.organisation.findMany({
    where: { id: { in: organisationIds } },
    select: { id: true, path: true },
  });
  return new Map(orgs.map((o) => [o.id, branchOf(o.path)]));
}

/** Every StatCount key an entry of this event from this organisation counts under. */
function keysOf(event: EventFacts, branchId: number, eventId: number): Key[] {
  const keys: Key[] = [];
  const { year } = event;
  for (const unionId of event.unions) {
    keys.push({ unionId, year, dim: "all", value: "" });
    keys.push({ unionId, year, dim: "kind", value: event.kind });
    keys.push({ unionId, year, dim: "category", value: event.category });
    keys.push({ unionId, year, dim: "trade", value: event.trade });
    keys.push({ unionId, year, dim: "branch", value: String(branchId) });
    if (unionId === 0) keys.push({ unionId, year, dim: "event", value: String(eventId) });
  }
  return keys;
}

type Coverage = Map<string, Set<string>>; // member ("w12" / "o5") → keys covered

async function coverage(
  tx: Tx,
  workerIds: number[],
  organisationIds: number[],
  years: number[],
): Promise<Coverage> {
  const covered: Coverage = new Map();
  if (years.length === 0 || (workerIds.length === 0 && organisationIds.length === 0))
    return covered;
  const rows = await txSql(tx).rows<{
    kind: string;
    memberId: number;
    eventId: number;
    organisationId: number;
  }>(participationsSql({ workerIds, organisationIds, years }));
  const events = await eventFacts(tx, [...new Set(rows.map((r) => Number(r.eventId)))]);
  const branches = await branchesOf(tx, [...new Set(rows.map((r) => Number(r.organisationId)))]);
  for (const row of rows) {
    const eventId = Number(row.eventId);
    const event = events.get(eventId);
    if (!event) continue;
    const member = `${row.kind}${Number(row.memberId)}`;
    let set = covered.get(member);
    if (!set) covered.set(member, (set = new Set()));
    for (const k of keysOf(event, branches.get(Number(row.organisationId)) ?? 0, eventId))
      set.add(keyString(k));
  }
  return covered;
}

const ZERO = {
  entries: 0,
  workers: 0,
  organisations: 0,
  firstPrizes: 0,
  secondPrizes: 0,
  thirdPrizes: 0,
  meritPrizes: 0,
};
type Measure = keyof typeof ZERO;
const PRIZE_MEASURE: Record<string, Measure> = {
  first: "firstPrizes",
  second: "secondPrizes",
  third: "thirdPrizes",
  merit: "meritPrizes",
};

class Deltas {
  private readonly rows = new Map<string, typeof ZERO>();
  add(key: string, measure: Measure, by: number) {
    if (by === 0) return;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { ...ZERO }));
    row[measure] += by;
  }
  async apply(tx: Tx) {
    const deltas: StatDelta[] = [];
    for (const [key, row] of this.rows)
      if (Object.values(row).some((v) => v !== 0)) deltas.push({ ...parseKey(key), ...row });
    // Bound the statement's parameters (11 each) well under every engine's limit.
    for (let i = 0; i < deltas.length; i += 500)
      await txSql(tx).run(applyStatDeltasSql(deltas.slice(i, i + 500)));
  }
}

function addCoverageChange(deltas: Deltas, before: Coverage, after: Coverage) {
  for (const member of new Set([...before.keys(), ...after.keys()])) {
    const measure: Measure = member.startsWith("w") ? "workers" : "organisations";
    const was = before.get(member) ?? new Set<string>();
    const is = after.get(member) ?? new Set<string>();
    for (const k of is) if (!was.has(k)) deltas.add(k, measure, 1);
    for (const k of was) if (!is.has(k)) deltas.add(k, measure, -1);
  }
}

const isCounted = (status: string) => (COUNTED_STATUSES as readonly string[]).includes(status);

/**
 * Runs `change`, which may admit or drop the given existing registrations (approve, reject,
 * withdraw, the old entry of a replacement), and brings StatCount up to date with it in the
 * same transaction. Registrations the change creates are submitted ones, which are not
 * counted until approved (then they pass through here).
 */
export async function withEntryStats<T>(
  tx: Tx,
  registrationIds: number[],
  change: () => Promise<T>,
): Promise<T> {
  const snapshot = async () =>
    tx.registration.findMany({
      where: { id: { in: registrationIds } },
      select: {
        id: true,
        status: true,
        eventId: true,
        organisationId: true,
        workerId: true,
        result: { select: { prize: true } },
        team: { select: { members: { select: { workerId: true } } } },
      },
    });
  const beforeRows = await snapshot();
  if (beforeRows.length === 0) return change();
  const facts = await eventFacts(tx, [...new Set(beforeRows.map((r) => r.eventId))]);
  const workerIds = [
    ...new Set(
      beforeRows.flatMap((r) =>
        r.workerId ? [r.workerId] : (r.team?.members.map((m) => m.workerId) ?? []),
      ),
    ),
  ];
  const organisationIds = [...new Set(beforeRows.map((r) => r.organisationId))];
  const years = [...new Set([...facts.values()].map((f) => f.year))];
  const before = await coverage(tx, workerIds, organisationIds, years);

  const result = await change();

  const afterRows = await snapshot();
  const after = await coverage(tx, workerIds, organisationIds, years);
  const deltas = new Deltas();
  addCoverageChange(deltas, before, after);
  const branches = await branchesOf(tx, organisationIds);
  const contribute = (r: (typeof beforeRows)[number] | undefined, sign: 1 | -1) => {
    if (!r || !isCounted(r.status)) return;
    const event = facts.get(r.eventId);
    if (!event) return;
    const prize = event.published && r.result?.prize ? PRIZE_MEASURE[r.result.prize] : undefined;
    for (const k of keysOf(event, branches.get(r.organisationId) ?? 0, r.eventId)) {
      deltas.add(keyString(k), "entries", sign);
      if (prize) deltas.add(keyString(k), prize, sign);
    }
  };
  const afterById = new Map(afterRows.map((r) => [r.id, r]));
  for (const r of beforeRows) {
    contribute(r, -1);
    contribute(afterById.get(r.id), 1);
  }
  await deltas.apply(tx);
  return result;
}

/**
 * Runs a change to an event's results or status (publication, ranks rewritten after an
 * appeal) and moves the published prizes in StatCount by what changed.
 */
export async function withPrizeStats<T>(tx: Tx, eventId: number, change: () => Promise<T>) {
  const tally = async () =>
    await txSql(tx).rows<{ organisationId: number; prize: string; n: number }>(
      eventPrizeTallySql(eventId),
    );
  const before = await tally();
  const result = await change();
  const after = await tally();
  const facts = (await eventFacts(tx, [eventId])).get(eventId);
  if (!facts) return result;
  const branches = await branchesOf(tx, [
    ...new Set([...before, ...after].map((r) => r.organisationId)),
  ]);
  const deltas = new Deltas();
  for (const [rows, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    for (const r of rows) {
      const measure = PRIZE_MEASURE[r.prize];
      if (!measure) continue;
      for (const k of keysOf(facts, branches.get(r.organisationId) ?? 0, eventId))
        deltas.add(keyString(k), measure, sign * r.n);
    }
  }
  await deltas.apply(tx);
  return result;
}

/**
 * Recomputes the given unions' figures for the given years (or only one dimension's values)
 * from the base tables. The cost is that of the registrations counted there, so callers
 * narrow the target to what a change can move.
 */
export async function rebuildStatsFor(tx: Tx, target: StatTarget) {
  if (target.unionIds.length === 0 || target.years.length === 0) return;
  if (target.only && target.only.values.length === 0) return;
  const sql = txSql(tx);
  await sql.run(deleteStatCountSql(target));
  for (const statement of rebuildStatCountSql(target)) await sql.run(statement);
}

/** Recomputes every figure (seeds, repairs, and the first start after the migration). */
export async function rebuildEntryStats(tx: Tx) {
  const sql = txSql(tx);
  await sql.run(deleteStatCountSql(null));
  for (const statement of rebuildStatCountSql(null)) await sql.run(statement);
  await sql.run(markBuiltSql());
}

/**
 * Counts a quiz attempt that has just been handed in or closed at its deadline, in the same
 * transaction: one more finished attempt, and one more participant unless the worker had
 * finished another attempt already.
 */
export async function countFinishedAttempt(
  sql: Sql,
  attempt: { id: number; quizId: number; workerId: number },
) {
  const again = await sql.one(
    otherFinishedAttemptSql(attempt.quizId, attempt.workerId, attempt.id),
  );
  await sql.run(
    applyStatDeltasSql([
      {
        ...QUIZ_ROW,
        value: String(attempt.quizId),
        ...ZERO,
        entries: 1,
        workers: again ? 0 : 1,
      },
    ]),
  );
}

/** The unions, year and kind a contest counts under, to see what a change moved. */
export async function contestStatsTarget(tx: Tx, contestId: number) {
  const contest = await tx.contest.findUnique({
    where: { id: contestId },
    select: {
      year: true,
      kind: true,
      organiser: { select: { path: true } },
      coOrganisers: { select: { organisation: { select: { path: true } } } },
    },
  });
  if (!contest) return { unionIds: [], years: [], kind: "" };
  return {
    unionIds: statsUnionsOf(
      contest.organiser.path,
      contest.coOrganisers.map((c) => c.organisation.path),
    ),
    years: [contest.year],
    kind: contest.kind,
  };
}

type ContestFacts = Awaited<ReturnType<typeof contestStatsTarget>>;

/**
 * After a contest's owner, co-organisers, year or kind changed: another year recomputes
 * both years for every union concerned; new or dropped unions (a contest handed from one
 * district to another) recompute only those unions; another kind only the two kinds' rows.
 * The unions above both owners and the whole platform are untouched unless the year moved.
 */
export async function restatContest(tx: Tx, before: ContestFacts, after: ContestFacts) {
  const year = after.years[0];
  if (year === undefined) return;
  if (before.years[0] !== year) {
    await rebuildStatsFor(tx, {
      unionIds: [...new Set([...before.unionIds, ...after.unionIds])],
      years: [...new Set([...before.years, year])],
    });
    return;
  }
  const moved = [
    ...before.unionIds.filter((u) => !after.unionIds.includes(u)),
    ...after.unionIds.filter((u) => !before.unionIds.includes(u)),
  ];
  if (moved.length > 0) await rebuildStatsFor(tx, { unionIds: moved, years: [year] });
  if (before.kind !== after.kind)
    await rebuildStatsFor(tx, {
      unionIds: after.unionIds.filter((u) => before.unionIds.includes(u)),
      years: [year],
      only: { dim: "kind", values: [before.kind, after.kind] },
    });
}

/** After an event's category or trade changed: only those values' rows move. */
export async function restatEvent(
  tx: Tx,
  contestId: number,
  before: { category: string; trade: string },
  after: { category: string; trade: string },
) {
  const contest = await contestStatsTarget(tx, contestId);
  for (const dim of ["category", "trade"] as const)
    if (before[dim] !== after[dim])
      await rebuildStatsFor(tx, {
        unionIds: contest.unionIds,
        years: contest.years,
        only: { dim, values: [before[dim], after[dim]] },
      });
}
