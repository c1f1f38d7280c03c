// The bridge from contest results to honours: publishing a skills event proposes its top
// finishers for the technical-expert title (技术能手) in a draft nomination round. It lives
// apart from the round workflow, which knows nothing of contests.
import { write, type Tx } from "~/db.server";
import { rulesFromSettings, selectTopFinishers } from "~/domain/honours";
import { translate } from "~/i18n";
import { appendAudit } from "~/models/audit.server";

/**
 * Proposes an event's top finishers for the technical-expert title (技术能手) in a draft
 * round. Call it when an event's results are published; calling it again for the same
 * event returns the round already proposed instead of creating another. It runs its own
 * write(): call it after the publishing write has committed, never from inside one (the
 * write queue would wait for itself). To propose in the same transaction as publishing,
 * use proposeTechnicalExpertsInTx(tx, …) instead.
 */
export function proposeTechnicalExperts(eventId: number, actorId: number | null = null) {
  return write((tx) => proposeTechnicalExpertsInTx(tx, eventId, actorId));
}

export async function proposeTechnicalExpertsInTx(
  tx: Tx,
  eventId: number,
  actorId: number | null = null,
) {
  const existing = await tx.nominationRound.findFirst({
    where: { sourceEventId: eventId, status: { not: "cancelled" } },
  });
  if (existing) return { round: existing, created: false, proposed: 0 };
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    include: {
      contest: { select: { name: true, organiserId: true, organiser: { select: { name: true } } } },
    },
  });
  const results = await tx.result.findMany({
    where: { eventId, complete: true, rank: { not: null } },
    include: {
      registration: {
        select: {
          workerId: true,
          team: {
            select: {
              name: true,
              members: { where: { substitute: false }, select: { workerId: true } },
            },
          },
        },
      },
    },
  });
  const finishers = selectTopFinishers(
    results.map((r) => ({
      registrationId: r.registrationId,
      organisationId: r.organisationId,
      rank: r.rank,
      complete: r.complete,
      total: r.total,
      workerIds: r.registration.workerId
        ? [r.registration.workerId]
        : (r.registration.team?.members.map((m) => m.workerId) ?? []),
    })),
  );
  const workers = await tx.worker.findMany({
    where: { id: { in: finishers.flatMap((f) => [...f.workerIds]) } },
    select: { id: true, name: true, organisationId: true, frontLine: true, manager: true },
  });
  const byId = new Map(workers.map((w) => [w.id, w]));
  const year = (event.publishedAt ?? new Date()).getFullYear();
  const people = finishers
    .flatMap((f) => f.workerIds.map((id) => ({ finisher: f, worker: byId.get(id) })))
    .filter((p) => p.worker);
  const round = await tx.nominationRound.create({
    data: {
      // The contest's owner runs the round its results propose.
      organiserId: event.contest.organiserId,
      name: translate("zh", "honours.propose.roundName", {
        contest: event.contest.name,
        event: event.name,
      }),
      kind: "technical_expert",
      level: "city",
      year,
      conferringBody: event.contest.organiser.name,
      quota: Math.max(people.length, 1),
      deadline: new Date(Date.now() + 30 * 86_400_000),
      rules: JSON.stringify(
        rulesFromSettings({
          quota: Math.max(people.length, 1),
          perOrgQuota: null,
          minFrontLinePercent: null,
          maxManagerPercent: null,
        }),
      ),
      sourceEventId: eventId,
      createdById: actorId,
    },
  });
  await appendAudit(tx, {
    actorId,
    action: "honour_round.propose",
    entityType: "NominationRound",
    entityId: round.id,
    after: { status: "draft", sourceEventId: eventId, proposed: people.length },
  });
  for (const { finisher, worker } of people) {
    if (!worker) continue;
    const nomination = await tx.nomination.create({
      data: {
        roundId: round.id,
        organisationId: worker.organisationId,
        workerId: worker.id,
        nomineeName: worker.name,
        frontLine: worker.frontLine,
        manager: worker.manager,
        supportingText: translate("zh", "honours.propose.statement", {
          contest: event.contest.name,
          event: event.name,
          rank: finisher.rank ?? "",
          total:
            finisher.total === null
              ? ""
              : translate("zh", "honours.propose.total", {
                  total: (finisher.total / 100).toFixed(2),
                }),
        }),
        submittedById: actorId,
      },
    });
    await appendAudit(tx, {
      actorId,
      action: "nomination.propose",
      entityType: "Nomination",
      entityId: nomination.id,
      after: { status: "submitted", registrationId: finisher.registrationId, rank: finisher.rank },
    });
  }
  return { round, created: true, proposed: people.length };
}
