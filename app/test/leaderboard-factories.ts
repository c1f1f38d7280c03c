// Builders for leaderboard model tests: a public contest with one event, entries, and a
// result write that does what the judging save does to the ranking tables.
import { write } from "~/db.server";
import { applyResultChange, type ResultState } from "~/models/ranking-tables.server";
import { packRankKey } from "~/domain/ranking/rank-key";
import { createOrganisation, createWorker } from "./factories";

let n = 0;

export async function createBoardEvent(overrides: { standingsBestN?: number; mode?: string } = {}) {
  const i = ++n;
  const organiser = await createOrganisation({ kind: "federation" });
  return write(async (tx) => {
    const contest = await tx.contest.create({
      data: {
        year: 2026,
        code: `LB${i}${Date.now() % 100000}`,
        kind: "skills_contest",
        name: `榜单测试${i}`,
        organiserId: organiser.id,
        status: "in_progress",
      },
    });
    return tx.event.create({
      data: {
        contestId: contest.id,
        code: `E${i}`,
        name: `赛项${i}`,
        mode: overrides.mode ?? "individual",
        standingsBestN: overrides.standingsBestN ?? 2,
      },
      include: { contest: true },
    });
  });
}

export async function createEntry(
  eventId: number,
  organisationId: number,
  entryNumber: string,
  name?: string,
) {
  const worker = await createWorker(organisationId, name ? { name } : {});
  return write((tx) =>
    tx.registration.create({
      data: { eventId, organisationId, workerId: worker.id, status: "checked_in", entryNumber },
    }),
  );
}

/** Writes the entry's Result and updates the ranking tables, as a judge's save would. */
export async function setResult(
  reg: { id: number; eventId: number; organisationId: number },
  total: number | null,
  options: { tieBreak?: number; prize?: string | null } = {},
) {
  return write(async (tx) => {
    const old = await tx.result.findUnique({ where: { registrationId: reg.id } });
    const before: ResultState | null = old
      ? { rankKey: old.rankKey, total: old.total, prize: old.prize }
      : null;
    const after: ResultState = {
      total,
      rankKey: total === null ? null : packRankKey(total, [options.tieBreak ?? 0]),
      prize: options.prize ?? null,
    };
    await tx.result.upsert({
      where: { registrationId: reg.id },
      create: {
        registrationId: reg.id,
        eventId: reg.eventId,
        organisationId: reg.organisationId,
        ...after,
        complete: total !== null,
      },
      update: { ...after, complete: total !== null },
    });
    await applyResultChange(tx, {
      eventId: reg.eventId,
      organisationId: reg.organisationId,
      registrationId: reg.id,
      before,
      after,
    });
  });
}
