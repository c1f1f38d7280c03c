import { describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { seededRng } from "~/domain/contest/random";
import { createOrganisation, createWorker, TOP_ADMIN } from "~/test/factories";
import {
  contestStatsTarget,
  rebuildEntryStats,
  restatContest,
  restatEvent,
  withEntryStats,
  withPrizeStats,
} from "./entry-stats.server";
import { decideRegistrations } from "./registration-review.server";
import { withdrawRegistration } from "./registration-org.server";

const FIGURES = [
  "entries",
  "workers",
  "organisations",
  "firstPrizes",
  "secondPrizes",
  "thirdPrizes",
  "meritPrizes",
] as const;

/** StatCount as sorted text, zero rows left out (an incremental update may leave them). */
async function figures() {
  const rows = await prisma.statCount.findMany({ where: { unionId: { gte: 0 } } });
  return rows
    .filter((r) => FIGURES.some((f) => r[f] !== 0))
    .map((r) => `${r.unionId}|${r.year}|${r.dim}|${r.value}|${FIGURES.map((f) => r[f]).join(",")}`)
    .sort();
}

async function rebuilt() {
  await write((tx) => rebuildEntryStats(tx));
  return figures();
}

let n = 0;
async function contest(
  organiserId: number,
  year: number,
  kind: string,
  coOrganiserIds: number[] = [],
) {
  n += 1;
  return write((tx) =>
    tx.contest.create({
      data: {
        code: `STAT${n}`,
        kind,
        name: `统计测试${n}`,
        organiserId,
        year,
        status: "registration_open",
        registrationClosesAt: new Date(Date.now() + 30 * 86_400_000),
        coOrganisers: { create: coOrganiserIds.map((organisationId) => ({ organisationId })) },
      },
    }),
  );
}

async function event(
  contestId: number,
  code: string,
  category: string,
  trade: string,
  mode = "individual",
) {
  return write((tx) =>
    tx.event.create({
      data: { contestId, code, name: code, category, trade, mode, teamMin: 1, teamMax: 3 },
    }),
  );
}

describe("the year in numbers, kept up to date", () => {
  // Many rebuilds of the whole table: slow on a busy machine, hence the longer timeout.
  it("matches a rebuild from the base tables after every admission, drop and publication", async () => {
    // Two cities; the first with two districts and three units, the second with one unit.
    const xa = await createOrganisation({ kind: "federation" });
    const d1 = await createOrganisation({ kind: "district_union", parentId: xa.id });
    const d2 = await createOrganisation({ kind: "district_union", parentId: xa.id });
    const wn = await createOrganisation({ kind: "federation" });
    const units = [
      await createOrganisation({ parentId: d1.id }),
      await createOrganisation({ parentId: d1.id }),
      await createOrganisation({ parentId: d2.id }),
      await createOrganisation({ parentId: wn.id }),
    ];
    const workers: { id: number; organisationId: number }[] = [];
    for (const unit of units) for (let i = 0; i < 3; i++) workers.push(await createWorker(unit.id));

    // A district contest, a city contest run jointly with the other city, and last year's.
    const c1 = await contest(d1.id, 2026, "skills_contest");
    const c2 = await contest(xa.id, 2026, "skills_contest", [wn.id]);
    const c3 = await contest(xa.id, 2025, "labour_competition");
    const events = [
      await event(c1.id, "A", "信息技术", "程序设计"),
      await event(c1.id, "B", "信息技术", "网页设计"),
      await event(c2.id, "C", "装备制造", "焊工"),
      await event(c2.id, "T", "集体协商", "集体协商", "team"),
      await event(c3.id, "D", "建筑工程", "钢筋工"),
    ];

    // Everyone enters several events, a team of three in T per unit: all submitted.
    const rng = seededRng(17);
    const registrationIds: number[] = [];
    await write(async (tx) => {
      for (const w of workers)
        for (const e of events.filter((ev) => ev.mode === "individual"))
          if (rng() < 0.6)
            registrationIds.push(
              (
                await tx.registration.create({
                  data: { eventId: e.id, organisationId: w.organisationId, workerId: w.id },
                })
              ).id,
            );
      const team = events.find((e) => e.mode === "team")!;
      for (const unit of units) {
        const t = await tx.team.create({
          data: {
            eventId: team.id,
            organisationId: unit.id,
            name: "代表队",
            members: {
              create: workers
                .filter((w) => w.organisationId === unit.id)
                .map((w) => ({ workerId: w.id })),
            },
          },
        });
        registrationIds.push(
          (
            await tx.registration.create({
              data: { eventId: team.id, organisationId: unit.id, teamId: t.id },
            })
          ).id,
        );
      }
      await rebuildEntryStats(tx);
    });
    expect(await figures()).toEqual([]);

    // Random batches of approvals, rejections and withdrawals, each compared with a rebuild.
    const status = async (id: number) =>
      (await prisma.registration.findUniqueOrThrow({ where: { id } })).status;
    for (let round = 0; round < 8; round++) {
      const batch = registrationIds.filter(() => rng() < 0.35);
      const submitted: number[] = [];
      const approved: number[] = [];
      for (const id of batch) {
        const s = await status(id);
        if (s === "submitted") submitted.push(id);
        if (s === "approved") approved.push(id);
      }
      for (const contestId of [c1.id, c2.id, c3.id]) {
        const ids = await prisma.registration.findMany({
          where: { id: { in: submitted }, event: { contestId } },
          select: { id: true },
        });
        if (ids.length > 0)
          await decideRegistrations(
            TOP_ADMIN,
            contestId,
            ids.map((r) => r.id),
            "approved",
            null,
          );
      }
      const dropped = approved.filter(() => rng() < 0.5);
      for (const [i, id] of dropped.entries()) {
        const reg = await prisma.registration.findUniqueOrThrow({
          where: { id },
          include: { event: true },
        });
        if (i % 2 === 0) await withdrawRegistration(1, reg.organisationId, id);
        else
          await decideRegistrations(
            TOP_ADMIN,
            reg.event.contestId,
            [id],
            "rejected",
            "资格复核未通过",
          );
      }
      const incremental = await figures();
      expect(incremental.length).toBeGreaterThan(0);
      expect(incremental).toEqual(await rebuilt());
    }

    // A worker in two events of a category is one worker there; the joint contest counts
    // for both cities; last year's contest only in 2025.
    const all = await prisma.statCount.findMany({ where: { dim: "all" } });
    expect(all.some((r) => r.unionId === wn.id && r.year === 2026)).toBe(true);
    expect(all.some((r) => r.unionId === d2.id && r.year === 2026)).toBe(false);

    // Publishing an event adds its prizes; dropping a prize-winner takes the prize away.
    // The event with the most admitted entries (after approving what still waits).
    const counts = await Promise.all(
      events.map(async (e) => {
        const waiting = await prisma.registration.findMany({
          where: { eventId: e.id, status: "submitted" },
        });
        if (waiting.length > 0)
          await decideRegistrations(
            TOP_ADMIN,
            e.contestId,
            waiting.map((r) => r.id),
            "approved",
            null,
          );
        return prisma.registration.count({ where: { eventId: e.id, status: "approved" } });
      }),
    );
    const published = events[counts.indexOf(Math.max(...counts))]!;
    const contestYear = published.contestId === c3.id ? 2025 : 2026;
    const entries = await prisma.registration.findMany({
      where: { eventId: published.id, status: { in: ["approved", "checked_in"] } },
    });
    expect(entries.length).toBeGreaterThan(1);
    await write((tx) =>
      withPrizeStats(tx, published.id, async () => {
        for (const [i, r] of entries.entries())
          await tx.result.create({
            data: {
              registrationId: r.id,
              eventId: published.id,
              organisationId: r.organisationId,
              total: 9000 - i,
              complete: true,
              rank: i + 1,
              prize: i === 0 ? "first" : i === 1 ? "second" : null,
            },
          });
        await tx.event.update({ where: { id: published.id }, data: { status: "published" } });
      }),
    );
    const eventRow = () =>
      prisma.statCount.findUniqueOrThrow({
        where: {
          unionId_year_dim_value: {
            unionId: 0,
            year: contestYear,
            dim: "event",
            value: String(published.id),
          },
        },
      });
    expect(await eventRow()).toMatchObject({ firstPrizes: 1, secondPrizes: 1 });
    expect(await figures()).toEqual(await rebuilt());
    await write((tx) =>
      withEntryStats(tx, [entries[0]!.id], () =>
        tx.registration.update({ where: { id: entries[0]!.id }, data: { status: "rejected" } }),
      ),
    );
    expect((await eventRow()).firstPrizes).toBe(0);
    expect(await figures()).toEqual(await rebuilt());

    // Contest-level changes recompute only what they can move, and agree with a rebuild.
    const renamed = events[0]!;
    await write(async (tx) => {
      await tx.event.update({ where: { id: renamed.id }, data: { category: "软件开发" } });
      await restatEvent(tx, renamed.contestId, renamed, { ...renamed, category: "软件开发" });
    });
    expect(await figures()).toEqual(await rebuilt());
    for (const change of [{ organiserId: d2.id }, { kind: "labour_competition" }, { year: 2025 }]) {
      await write(async (tx) => {
        const before = await contestStatsTarget(tx, c1.id);
        await tx.contest.update({ where: { id: c1.id }, data: change });
        await restatContest(tx, before, await contestStatsTarget(tx, c1.id));
      });
      expect(await figures(), JSON.stringify(change)).toEqual(await rebuilt());
    }
  }, 120_000);
});
