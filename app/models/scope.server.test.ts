import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createOrganisation, createUser, organiserOf, TOP_ADMIN } from "~/test/factories";
import {
  createContest,
  getContestForAdmin,
  listContestsForAdmin,
  updateContest,
  type ContestInput,
} from "./contest-admin.server";
import { createUnion, createOrganiserAccount } from "./unions.server";
import { organiserScopeOf } from "./scope.server";

async function tree() {
  const city = await createOrganisation({ kind: "federation", name: "甲市总工会" });
  const district = await createOrganisation({ kind: "district_union", parentId: city.id });
  const sibling = await createOrganisation({ kind: "district_union", parentId: city.id });
  const other = await createOrganisation({ kind: "federation", name: "乙市总工会" });
  const as = async (union: { id: number; path: string }) =>
    organiserOf((await createUser({ role: "admin", organisationId: union.id })).id, union);
  return {
    city,
    district,
    sibling,
    other,
    cityOrganiser: await as(city),
    districtOrganiser: await as(district),
    siblingOrganiser: await as(sibling),
    otherOrganiser: await as(other),
  };
}

let n = 0;
function input(organiserId: number, coOrganiserIds: number[] = []): ContestInput {
  n += 1;
  return {
    code: `SCOPE${n}`,
    kind: "skills_contest",
    name: `区级技能竞赛${n}`,
    organiserId,
    coOrganiserIds,
    description: "",
    rules: "",
    registrationOpensAt: null,
    registrationClosesAt: null,
    theoryCapPct: null,
    startsAt: new Date("2025-12-31T17:00:00Z"),
    endsAt: null,
  };
}

describe("organisers' scope over contests", () => {
  it("a district organiser owns contests only in their subtree; the city sees them, siblings do not", async () => {
    const t = await tree();
    expect(await createContest(t.districtOrganiser, input(t.city.id))).toMatchObject({
      ok: false,
      problems: [{ code: "reg.form.required", field: "organiserId" }],
    });
    const made = await createContest(t.districtOrganiser, input(t.district.id));
    if (!made.ok) throw new Error("district contest");
    // Counted in the Beijing year of its start (1 January 2026 in Beijing).
    const id = made.value.id;
    expect((await prisma.contest.findUniqueOrThrow({ where: { id } })).year).toBe(2026);
    expect(await getContestForAdmin(t.districtOrganiser.scope, id)).not.toBeNull();
    expect(await getContestForAdmin(t.cityOrganiser.scope, id)).not.toBeNull();
    expect(await getContestForAdmin(TOP_ADMIN.scope, id)).not.toBeNull();
    expect(await getContestForAdmin(t.siblingOrganiser.scope, id)).toBeNull();
    expect(await getContestForAdmin(t.otherOrganiser.scope, id)).toBeNull();
    const codes = async (o: typeof t.cityOrganiser) =>
      (await listContestsForAdmin(o.scope)).map((c) => c.id);
    expect(await codes(t.siblingOrganiser)).not.toContain(id);
    expect(await codes(t.cityOrganiser)).toContain(id);
    // Another union's contest cannot be saved by a sibling: it is simply not found.
    expect(await updateContest(t.siblingOrganiser, id, input(t.sibling.id))).toBeNull();
  });

  it("a joint contest is managed by its co-organisers, who cannot hand it on", async () => {
    const t = await tree();
    const made = await createContest(t.cityOrganiser, input(t.district.id, [t.other.id]));
    if (!made.ok) throw new Error("joint contest");
    const id = made.value.id;
    const joint = await getContestForAdmin(t.otherOrganiser.scope, id);
    expect(joint?.mayChangeOwnership).toBe(false);
    expect((await getContestForAdmin(t.cityOrganiser.scope, id))?.mayChangeOwnership).toBe(true);
    // The co-organiser saves the details; owner and co-organisers stay as they were.
    const saved = await updateContest(t.otherOrganiser, id, {
      ...input(t.other.id, []),
      code: joint!.code,
      name: "两市联合技能竞赛",
    });
    expect(saved).toMatchObject({ ok: true });
    const after = await prisma.contest.findUniqueOrThrow({
      where: { id },
      include: { coOrganisers: true },
    });
    expect(after.name).toBe("两市联合技能竞赛");
    expect(after.organiserId).toBe(t.district.id);
    expect(after.coOrganisers.map((c) => c.organisationId)).toEqual([t.other.id]);
    // The owner's side drops the co-organiser: the other city no longer sees it.
    await updateContest(t.cityOrganiser, id, { ...input(t.district.id), code: joint!.code });
    expect(await getContestForAdmin(t.otherOrganiser.scope, id)).toBeNull();
  });
});

describe("unions and organiser accounts", () => {
  it("the top administrator grows the tree and gives a new union an organiser with that scope", async () => {
    const city = await createOrganisation({ kind: "federation" });
    const created = await createUnion(TOP_ADMIN, {
      name: "测试区总工会",
      shortName: "",
      kind: "district_union",
      parentId: city.id,
      creditCode: "",
    });
    if (!created.ok) throw new Error("union");
    const union = await prisma.organisation.findUniqueOrThrow({ where: { id: created.value.id } });
    expect(union.path).toBe(`${city.path}${union.id}/`);
    expect(
      await createUnion(TOP_ADMIN, {
        name: "无上级区工会",
        shortName: "",
        kind: "district_union",
        parentId: null,
        creditCode: "",
      }),
    ).toEqual({
      ok: false,
      problems: [
        { code: "federation.unions.problem.union_parent_required", params: {}, field: "parentId" },
      ],
    });
    const account = await createOrganiserAccount(TOP_ADMIN, {
      username: `district${union.id}`,
      displayName: "区组织者",
      organisationId: union.id,
      password: "a-long-password",
    });
    if (!account.ok) throw new Error("account");
    const user = await prisma.user.findUniqueOrThrow({ where: { id: account.value.id } });
    expect(await organiserScopeOf({ role: "admin", organisationId: user.organisationId })).toEqual({
      kind: "union",
      unionId: union.id,
      path: union.path,
    });
    // An organiser of an enterprise has no scope.
    const enterprise = await createOrganisation({ parentId: union.id });
    expect(await organiserScopeOf({ role: "admin", organisationId: enterprise.id })).toBeNull();
    // Only the top administrator does any of this.
    const organiser = organiserOf(user.id, union);
    await expect(
      createUnion(organiser, {
        name: "x",
        shortName: "",
        kind: "district_union",
        parentId: union.id,
        creditCode: "",
      }),
    ).rejects.toThrow(/top administrator/);
  });
});
