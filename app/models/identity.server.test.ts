// One person on two rosters: the organiser's queue, merging and keeping records apart.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PLATFORM_SCOPE, unionScope } from "~/domain/organisation";
import { createOrganisation, createUser } from "~/test/factories";
import {
  addToRoster,
  createEvent,
  createOpenContest,
  idNumber,
} from "~/test/registration-factories";
import { keepSeparate, listSharedIdentities, mergeIdentity } from "./identity.server";
import { listRegistrationsForReview } from "./registration-review.server";
import { registerIndividual } from "./registration-org.server";

const hire = (org: number, number: string, name = "李调动") => addToRoster(org, number, name);

describe("people on two rosters", () => {
  it("queues a number held by two organisations, flags its entries, and merges history into the current record", async () => {
    const federation = await createOrganisation({ kind: "federation" });
    const oldJob = await createOrganisation({ name: "老单位" });
    const newJob = await createOrganisation({ name: "新单位" });
    const admin = await createUser({ role: "admin", organisationId: federation.id });
    const number = idNumber("19850505", 21);
    const before = await hire(oldJob.id, number);
    const after = await hire(newJob.id, number);
    const account = await createUser({
      role: "worker",
      organisationId: oldJob.id,
      workerId: before,
    });

    const contest = await createOpenContest(federation.id);
    const a = await createEvent(contest.id);
    const b = await createEvent(contest.id);
    expect((await registerIndividual(admin.id, oldJob.id, a.id, before))?.ok).toBe(true);
    expect((await registerIndividual(admin.id, newJob.id, b.id, after))?.ok).toBe(true);

    const queue = await listSharedIdentities(PLATFORM_SCOPE);
    const group = queue.find((g) => g.records.some((r) => r.id === after))!;
    expect(group.records.map((r) => r.organisation.name)).toEqual(["老单位", "新单位"]);
    expect(JSON.stringify(group)).not.toContain("idNumberHash");
    // The organiser's review of entries flags both.
    const review = await listRegistrationsForReview(PLATFORM_SCOPE, contest.id, {});
    expect(review?.rows.map((r) => r.sharedIdentity)).toEqual([true, true]);

    expect(await mergeIdentity(PLATFORM_SCOPE, admin.id, group.groupId, after)).toEqual({
      ok: true,
    });
    expect(await prisma.worker.findUnique({ where: { id: before } })).toBeNull();
    const entries = await prisma.registration.findMany({
      where: { workerId: after },
      orderBy: { eventId: "asc" },
    });
    // Each entry still counts for the organisation it was made for.
    expect(entries.map((e) => e.organisationId)).toEqual([oldJob.id, newJob.id]);
    const moved = await prisma.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(moved).toMatchObject({ workerId: after, organisationId: newJob.id, active: true });
    expect(
      (await listSharedIdentities(PLATFORM_SCOPE)).some((g) => g.groupId === group.groupId),
    ).toBe(false);
    expect(
      await prisma.auditLog.count({ where: { action: "worker.identity_merged", entityId: after } }),
    ).toBe(1);
  });

  it("leaves a number to the organisers of a union above every organisation holding it", async () => {
    const federation = await createOrganisation({ kind: "federation" });
    const districtA = await createOrganisation({ kind: "district_union", parentId: federation.id });
    const districtB = await createOrganisation({ kind: "district_union", parentId: federation.id });
    const [a1, a2, b1] = [
      await createOrganisation({ parentId: districtA.id }),
      await createOrganisation({ parentId: districtA.id }),
      await createOrganisation({ parentId: districtB.id }),
    ];
    const path = async (id: number) =>
      (await prisma.organisation.findUniqueOrThrow({ where: { id } })).path;
    const scopeA = unionScope(districtA.id, await path(districtA.id));
    const scopeB = unionScope(districtB.id, await path(districtB.id));
    const city = unionScope(federation.id, await path(federation.id));
    const inside = await hire(a1.id, idNumber("19850505", 25), "钱区内");
    await hire(a2.id, idNumber("19850505", 25), "钱区内");
    const across = await hire(a1.id, idNumber("19850505", 27), "孙跨区");
    await hire(b1.id, idNumber("19850505", 27), "孙跨区");
    const groups = async (scope: typeof city) =>
      (await listSharedIdentities(scope)).map((g) => g.records[0]!.name).sort();
    expect(await groups(scopeA)).toEqual(["钱区内"]);
    expect(await groups(scopeB)).toEqual([]);
    expect(await groups(city)).toEqual(["孙跨区", "钱区内"]);
    const admin = await createUser({ role: "admin", organisationId: districtB.id });
    // Outside the scope the group does not exist, and nothing is recorded.
    expect(await keepSeparate(scopeB, admin.id, inside)).toBeNull();
    expect(await mergeIdentity(scopeA, admin.id, across, across)).toBeNull();
    expect(await prisma.identityReview.count({ where: { decidedById: admin.id } })).toBe(0);
    expect(await keepSeparate(city, admin.id, across)).toEqual({ ok: true });
  });

  it("refuses to merge two entries in one event, and keeps records apart until another appears", async () => {
    const federation = await createOrganisation({ kind: "federation" });
    const first = await createOrganisation();
    const second = await createOrganisation();
    const third = await createOrganisation();
    const admin = await createUser({ role: "admin", organisationId: federation.id });
    const number = idNumber("19850505", 23);
    const x = await hire(first.id, number, "赵兼职");
    const y = await hire(second.id, number, "赵兼职");
    const contest = await createOpenContest(federation.id);
    const event = await createEvent(contest.id);
    await registerIndividual(admin.id, first.id, event.id, x);
    await registerIndividual(admin.id, second.id, event.id, y);
    const group = (await listSharedIdentities(PLATFORM_SCOPE)).find((g) =>
      g.records.some((r) => r.id === x),
    )!;
    const refused = await mergeIdentity(PLATFORM_SCOPE, admin.id, group.groupId, x);
    expect(refused).toMatchObject({
      ok: false,
      problems: [{ code: "reg.problem.identity_same_event" }],
    });
    expect(await prisma.worker.count({ where: { id: { in: [x, y] } } })).toBe(2);

    expect(await keepSeparate(PLATFORM_SCOPE, admin.id, group.groupId)).toEqual({ ok: true });
    expect(
      (await listSharedIdentities(PLATFORM_SCOPE)).some((g) => g.groupId === group.groupId),
    ).toBe(false);
    // A third organisation enters the same number: the person is back in the queue.
    await hire(third.id, number, "赵兼职");
    expect(
      (await listSharedIdentities(PLATFORM_SCOPE)).some((g) => g.groupId === group.groupId),
    ).toBe(true);
  });
});
