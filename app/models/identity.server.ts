// One person on two rosters. ID numbers are unique within an organisation only: when a
// second organisation enters a number another already holds (people change jobs, some hold
// two), its record is stored like any other and the second organisation is told nothing.
// The organiser sees every number held by several organisations here, with each record, and
// either merges them into the one that is current (the person moved: history follows the
// person, while past entries keep the organisation they were made for) or records that the
// person really belongs to each (the pair leaves the queue until another record appears).
// A number is settled by the organisers of a union above every organisation holding it: two
// records within one district by its organiser, across districts by the federation's, across
// federations by the platform's top administrator; anyone else is answered 404.
import { prisma, write, type Tx } from "~/db.server";
import { covers, type OrganiserScope } from "~/domain/organisation";
import { appendAudit } from "~/models/audit.server";
import { WORKER_REFERENCES } from "~/models/worker.server";
import { publishSessionsChanged } from "~/utils/live-events.server";
import { failIfAny, ok, type KeyedProblem, type Outcome } from "~/utils/outcome";

const RECORD_SELECT = {
  id: true,
  name: true,
  idNumberHash: true,
  idNumberMasked: true,
  createdAt: true,
  organisation: { select: { id: true, name: true, path: true } },
  user: { select: { username: true } },
  _count: { select: WORKER_REFERENCES },
} as const;

/**
 * Numbers held by workers of several organisations, within the organiser's scope, that have
 * not been settled.
 */
export async function listSharedIdentities(scope: OrganiserScope, limit = 200) {
  const groups = await prisma.worker.groupBy({
    by: ["idNumberHash"],
    having: { id: { _count: { gt: 1 } } },
    _count: { id: true },
    orderBy: { idNumberHash: "asc" },
  });
  const reviews = new Map(
    (
      await prisma.identityReview.findMany({
        where: { idNumberHash: { in: groups.map((g) => g.idNumberHash) } },
        select: { idNumberHash: true, records: true },
      })
    ).map((r) => [r.idNumberHash, r.records] as const),
  );
  const open = groups
    .filter((g) => reviews.get(g.idNumberHash) !== g._count.id)
    .map((g) => g.idNumberHash);
  const records = await prisma.worker.findMany({
    where: { idNumberHash: { in: open } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: RECORD_SELECT,
  });
  const byHash = new Map<string, typeof records>();
  for (const r of records) byHash.set(r.idNumberHash, [...(byHash.get(r.idNumberHash) ?? []), r]);
  // The keyed hash stays on the server: a group is named by its oldest record.
  return open
    .map((hash) => byHash.get(hash) ?? [])
    .filter(
      (members) => members.length > 1 && members.every((m) => covers(scope, m.organisation.path)),
    )
    .slice(0, limit)
    .map((members) => ({
      groupId: members[0]!.id,
      records: members.map(
        ({ idNumberHash: _hash, organisation: { path: _path, ...o }, ...r }) => ({
          ...r,
          organisation: o,
          entries: r._count.registrations + r._count.teamMemberships,
          history: r._count.honours + r._count.nominations + r._count.quizAttempts,
        }),
      ),
    }));
}

/** Done, or why the records cannot become one (message keys naming the event or quiz). */
export type IdentityOutcome = Outcome<undefined, KeyedProblem>;

/** The group of records, or null when it does not exist or reaches outside the scope. */
async function groupOf(tx: Tx, scope: OrganiserScope, groupId: number) {
  const anchor = await tx.worker.findUnique({
    where: { id: groupId },
    select: { idNumberHash: true },
  });
  if (!anchor) return null;
  const found = await tx.worker.findMany({
    where: { idNumberHash: anchor.idNumberHash },
    orderBy: { id: "asc" },
    select: {
      id: true,
      organisationId: true,
      name: true,
      organisation: { select: { path: true } },
    },
  });
  if (found.length < 2 || !found.every((r) => covers(scope, r.organisation.path))) return null;
  return {
    hash: anchor.idNumberHash,
    records: found.map(({ organisation: _o, ...r }) => r),
  };
}

/** The person belongs to each organisation: the group leaves the queue until it changes. */
export function keepSeparate(
  scope: OrganiserScope,
  actorId: number,
  groupId: number,
): Promise<IdentityOutcome | null> {
  return write(async (tx) => {
    const group = await groupOf(tx, scope, groupId);
    if (!group) return null;
    const data = { decision: "kept_both", records: group.records.length, decidedById: actorId };
    await tx.identityReview.upsert({
      where: { idNumberHash: group.hash },
      create: { idNumberHash: group.hash, ...data },
      update: { ...data, decidedAt: new Date() },
    });
    await appendAudit(tx, {
      actorId,
      action: "worker.identity_kept",
      entityType: "Worker",
      entityId: group.records[0]!.id,
      after: { records: group.records },
    });
    return ok();
  });
}

/**
 * The person moved: every other record of the number is folded into `keepId` (entries,
 * team places, honours, nominations, studios, quiz attempts and a sign-in account follow
 * the person; each entry keeps the organisation it was made for) and deleted. Refused,
 * with the reasons, where two records cannot become one: both entered the same event or
 * both took the same quiz.
 */
export async function mergeIdentity(
  scope: OrganiserScope,
  actorId: number,
  groupId: number,
  keepId: number,
): Promise<IdentityOutcome | null> {
  let changedUsers: number[] = [];
  const outcome = await write(async (tx): Promise<IdentityOutcome | null> => {
    const group = await groupOf(tx, scope, groupId);
    if (!group || !group.records.some((r) => r.id === keepId)) return null;
    const ids = group.records.map((r) => r.id);
    const others = ids.filter((id) => id !== keepId);
    const problems: KeyedProblem[] = [];

    const entries = await tx.registration.findMany({
      where: { workerId: { in: ids } },
      select: { workerId: true, eventId: true, event: { select: { name: true } } },
    });
    const memberships = await tx.teamMember.findMany({
      where: { workerId: { in: ids } },
      select: {
        workerId: true,
        team: { select: { eventId: true, event: { select: { name: true } } } },
      },
    });
    const eventsOf = new Map<number, Map<number, string>>();
    for (const e of entries)
      eventsOf.set(
        e.eventId,
        new Map([...(eventsOf.get(e.eventId) ?? []), [e.workerId!, e.event.name]]),
      );
    for (const m of memberships)
      eventsOf.set(
        m.team.eventId,
        new Map([...(eventsOf.get(m.team.eventId) ?? []), [m.workerId, m.team.event.name]]),
      );
    for (const holders of eventsOf.values())
      if (holders.size > 1)
        problems.push({
          code: "reg.problem.identity_same_event",
          params: { event: [...holders.values()][0]! },
        });

    const quizzes = await tx.quizAttempt.findMany({
      where: { workerId: { in: ids } },
      distinct: ["quizId", "workerId"],
      select: { quizId: true, quiz: { select: { name: true } } },
    });
    const takers = new Map<number, { n: number; name: string }>();
    for (const q of quizzes)
      takers.set(q.quizId, { n: (takers.get(q.quizId)?.n ?? 0) + 1, name: q.quiz.name });
    for (const q of takers.values())
      if (q.n > 1)
        problems.push({ code: "reg.problem.identity_same_quiz", params: { quiz: q.name } });

    const accounts = await tx.user.findMany({
      where: { workerId: { in: ids } },
      orderBy: { id: "asc" },
      select: { id: true, workerId: true, username: true },
    });
    const refusal = failIfAny(problems);
    if (refusal) return refusal;

    const kept = group.records.find((r) => r.id === keepId)!;
    const moved = { workerId: { in: others } };
    await tx.registration.updateMany({ where: moved, data: { workerId: keepId } });
    // TeamMember's key includes the worker: each row is moved on its own.
    for (const m of await tx.teamMember.findMany({
      where: moved,
      select: { teamId: true, workerId: true },
    }))
      await tx.teamMember.update({
        where: { teamId_workerId: { teamId: m.teamId, workerId: m.workerId } },
        data: { workerId: keepId },
      });
    await tx.honourAward.updateMany({ where: moved, data: { workerId: keepId } });
    await tx.nomination.updateMany({ where: moved, data: { workerId: keepId } });
    await tx.studioMember.updateMany({ where: moved, data: { workerId: keepId } });
    await tx.quizAttempt.updateMany({ where: moved, data: { workerId: keepId } });
    await tx.innovationStudio.updateMany({
      where: { leaderWorkerId: { in: others } },
      data: { leaderWorkerId: keepId },
    });
    // One person, one sign-in: the kept record's account (else the oldest) follows the
    // person; any other is switched off.
    const account = accounts.find((a) => a.workerId === keepId) ?? accounts[0];
    for (const a of accounts) {
      await tx.user.update({
        where: { id: a.id },
        data:
          a.id === account?.id
            ? { workerId: keepId, organisationId: kept.organisationId }
            : { workerId: null, active: false },
      });
    }
    changedUsers = accounts.map((a) => a.id);
    await tx.worker.deleteMany({ where: { id: { in: others } } });
    await tx.identityReview.deleteMany({ where: { idNumberHash: group.hash } });
    await appendAudit(tx, {
      actorId,
      action: "worker.identity_merged",
      entityType: "Worker",
      entityId: keepId,
      before: { records: group.records },
      after: { kept, removed: others, accounts: accounts.map((a) => a.username) },
    });
    return ok();
  });
  // The accounts' sessions, as cached by any process, no longer say who they are.
  if (outcome?.ok && changedUsers.length > 0) publishSessionsChanged({ users: changedUsers });
  return outcome;
}

/** Worker ids among `workerIds` whose number another organisation's roster also holds. */
export async function sharedIdentityWorkers(workerIds: number[]): Promise<Set<number>> {
  if (workerIds.length === 0) return new Set();
  const workers = await prisma.worker.findMany({
    where: { id: { in: workerIds } },
    select: { id: true, idNumberHash: true },
  });
  const shared = await prisma.worker.groupBy({
    by: ["idNumberHash"],
    where: { idNumberHash: { in: [...new Set(workers.map((w) => w.idNumberHash))] } },
    having: { id: { _count: { gt: 1 } } },
  });
  const hashes = new Set(shared.map((s) => s.idNumberHash));
  return new Set(workers.filter((w) => hashes.has(w.idNumberHash)).map((w) => w.id));
}
