import { describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { TOP_ADMIN, createOrganisation } from "~/test/factories";
import { createEvent, createOpenContest, idNumber } from "~/test/registration-factories";
import {
  importRegistrations,
  listOrgRegistrations,
  registerIndividual,
  registerTeam,
  replaceRegistration,
  resubmitRegistration,
  withdrawRegistration,
} from "./registration-org.server";
import {
  checkInEvent,
  decideRegistrations,
  listRegistrationsForReview,
  pendingReview,
} from "./registration-review.server";
import {
  createWorker,
  deleteWorker,
  getWorkerForManager,
  listWorkers,
  updateWorker,
} from "./worker.server";
import { seededRng } from "~/domain/contest/random";

async function setup() {
  const federation = await createOrganisation({ kind: "federation" });
  const orgA = await createOrganisation();
  const orgB = await createOrganisation();
  const contest = await createOpenContest(federation.id);
  const solo = await createEvent(contest.id, { code: "SOLO", quotaPerOrg: 2 });
  const team = await createEvent(contest.id, {
    code: "TEAM",
    mode: "team",
    quotaPerOrg: 1,
    teamMin: 2,
    teamMax: 3,
    substitutes: 1,
  });
  const hire = async (orgId: number, name: string, birth = "19900101") => {
    const id = idNumber(birth);
    const outcome = await createWorker(orgId, {
      name,
      idNumber: id,
      phone: null,
      trade: null,
      skillLevel: "senior",
      unionMember: true,
    });
    if (!outcome.ok) throw new Error("worker");
    return { id: outcome.value.id, idNumber: id, name };
  };
  return { orgA, orgB, contest, solo, team, hire };
}

describe("organisation scoping", () => {
  it("a manager cannot see or change another organisation's workers", async () => {
    const { orgA, orgB, hire } = await setup();
    const bWorker = await hire(orgB.id, "乙单位职工");
    expect((await listWorkers(orgA.id)).map((w) => w.id)).not.toContain(bWorker.id);
    expect(await getWorkerForManager(orgA.id, bWorker.id)).toBeNull();
    expect(
      await updateWorker(orgA.id, bWorker.id, {
        name: "改名",
        idNumber: bWorker.idNumber,
        phone: null,
        trade: null,
        skillLevel: null,
        unionMember: true,
      }),
    ).toBeNull();
    expect(await deleteWorker(orgA.id, bWorker.id)).toBeNull();
    expect((await prisma.worker.findUniqueOrThrow({ where: { id: bWorker.id } })).name).toBe(
      "乙单位职工",
    );
    // Their own manager sees the full number.
    expect((await getWorkerForManager(orgB.id, bWorker.id))?.idNumber).toBe(bWorker.idNumber);
  });

  it("a manager cannot enter, withdraw or replace another organisation's workers or entries", async () => {
    const { orgA, orgB, solo, team, hire } = await setup();
    const a = await hire(orgA.id, "甲");
    const b = await hire(orgB.id, "乙");
    const b2 = await hire(orgB.id, "乙二");
    expect(await registerIndividual(1, orgA.id, solo.id, b.id)).toBeNull();
    expect(
      await registerTeam(1, orgA.id, team.id, "混编队", [
        { workerId: a.id, substitute: false },
        { workerId: b.id, substitute: false },
      ]),
    ).toBeNull();
    const entry = await registerIndividual(1, orgB.id, solo.id, b.id);
    expect(entry).toMatchObject({ ok: true });
    const entryId = entry && entry.ok ? entry.value.id : 0;
    expect(await withdrawRegistration(1, orgA.id, entryId)).toBeNull();
    expect(await replaceRegistration(1, orgA.id, entryId, a.id)).toBeNull();
    expect(await resubmitRegistration(1, orgA.id, entryId)).toBeNull();
    // Replacing with a worker of another organisation is refused too.
    expect(await replaceRegistration(1, orgB.id, entryId, a.id)).toBeNull();
    expect((await listOrgRegistrations(orgA.id)).map((r) => r.id)).not.toContain(entryId);
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: entryId } })).status).toBe(
      "submitted",
    );
    expect(await replaceRegistration(1, orgB.id, entryId, b2.id)).toMatchObject({ ok: true });
  });
});

describe("teams with sides (simulated collective bargaining)", () => {
  it("a team names its side, which must be one of the event's, and keeps its members' roles", async () => {
    const { orgA, team, hire } = await setup();
    await write((tx) =>
      tx.event.update({
        where: { id: team.id },
        data: { sides: JSON.stringify(["职工方", "企业方"]) },
      }),
    );
    const [w1, w2] = [await hire(orgA.id, "一"), await hire(orgA.id, "二")];
    const members = [
      { workerId: w1.id, substitute: false, role: "首席代表" },
      { workerId: w2.id, substitute: false },
    ];
    const codes = (o: Awaited<ReturnType<typeof registerTeam>>) =>
      o && !o.ok ? o.problems.map((p) => p.code) : [];
    expect(codes(await registerTeam(1, orgA.id, team.id, "协商队", members))).toEqual([
      "team_side_required",
    ]);
    expect(
      codes(await registerTeam(1, orgA.id, team.id, "协商队", members, new Date(), "资方")),
    ).toEqual(["team_side_unknown"]);
    const made = await registerTeam(1, orgA.id, team.id, "协商队", members, new Date(), "企业方");
    expect(made).toMatchObject({ ok: true });
    const stored = await prisma.registration.findUniqueOrThrow({
      where: { id: made && made.ok ? made.value.id : 0 },
      include: { team: { include: { members: { orderBy: { workerId: "asc" } } } } },
    });
    expect(stored.team?.side).toBe("企业方");
    expect(stored.team?.members.map((m) => m.role)).toEqual(["首席代表", ""]);
  });
});

describe("registering", () => {
  it("enforces quota, eligibility, duplicates and team rules with reasons", async () => {
    const { orgA, solo, team, hire } = await setup();
    const [w1, w2, w3] = [
      await hire(orgA.id, "一"),
      await hire(orgA.id, "二"),
      await hire(orgA.id, "三"),
    ];
    const auditBefore = await prisma.auditLog.count({ where: { action: "registration.submit" } });
    const old = await hire(orgA.id, "老", "19600101");
    expect(await registerIndividual(1, orgA.id, solo.id, old.id)).toEqual({
      ok: false,
      problems: [
        {
          code: "age_out_of_range",
          params: expect.objectContaining({ min: 18, max: 55 }),
          subject: "老",
        },
      ],
    });
    expect(await registerIndividual(1, orgA.id, solo.id, w1.id)).toMatchObject({ ok: true });
    expect(await registerIndividual(1, orgA.id, solo.id, w1.id)).toMatchObject({
      ok: false,
      problems: [{ code: "registration_duplicate_worker" }],
    });
    expect(await registerIndividual(1, orgA.id, solo.id, w2.id)).toMatchObject({ ok: true });
    expect(await registerIndividual(1, orgA.id, solo.id, w3.id)).toMatchObject({
      ok: false,
      problems: [{ code: "quota_org_full", params: { quota: 2, used: 2 } }],
    });
    expect(
      await registerTeam(1, orgA.id, team.id, "一队", [{ workerId: w1.id, substitute: false }]),
    ).toMatchObject({ ok: false, problems: [{ code: "team_too_small" }] });
    expect(
      await registerTeam(1, orgA.id, team.id, "一队", [
        { workerId: w1.id, substitute: false },
        { workerId: w2.id, substitute: false },
        { workerId: w3.id, substitute: true },
      ]),
    ).toMatchObject({ ok: true });
    const audit = await prisma.auditLog.count({ where: { action: "registration.submit" } });
    expect(audit - auditBefore).toBe(3);
  });

  it("refuses withdrawals after the deadline and entries when registration is closed", async () => {
    const { orgA, contest, solo, hire } = await setup();
    const w = await hire(orgA.id, "甲");
    const entry = await registerIndividual(1, orgA.id, solo.id, w.id);
    const id = entry && entry.ok ? entry.value.id : 0;
    const late = new Date(Date.now() + 31 * 86_400_000);
    expect(await withdrawRegistration(1, orgA.id, id, late)).toEqual({
      ok: false,
      problems: [{ code: "registration_deadline_passed", params: {} }],
    });
    const other = await hire(orgA.id, "乙");
    expect(await registerIndividual(1, orgA.id, solo.id, other.id, late)).toMatchObject({
      ok: false,
      problems: [{ code: "registration_closed" }],
    });
    expect(await withdrawRegistration(1, orgA.id, id)).toMatchObject({ ok: true });
    expect(contest.status).toBe("registration_open");
  });
});

describe("review", () => {
  it("approves in bulk with entry numbers, rejects with a reason, checks in with blind codes", async () => {
    const { orgA, orgB, contest, solo, hire } = await setup();
    const ids: number[] = [];
    for (const [org, name] of [
      [orgA.id, "甲"],
      [orgA.id, "乙"],
      [orgB.id, "丙"],
    ] as const) {
      const w = await hire(org, name);
      const r = await registerIndividual(1, org, solo.id, w.id);
      if (r && r.ok) ids.push(r.value.id);
    }
    expect(ids).toHaveLength(3);
    expect(
      await decideRegistrations(TOP_ADMIN, contest.id, [ids[1] ?? 0], "rejected", null),
    ).toMatchObject({
      ok: false,
      problems: [{ code: "registration_reason_required", entryId: ids[1], subject: "乙" }],
    });
    expect(
      await decideRegistrations(
        TOP_ADMIN,
        contest.id,
        [ids[1] ?? 0],
        "rejected",
        "缺少技能等级证书",
      ),
    ).toEqual({ ok: true, value: { count: 1, refused: [] } });
    expect(
      await decideRegistrations(TOP_ADMIN, contest.id, [ids[0] ?? 0], "approved", null),
    ).toEqual({ ok: true, value: { count: 1, refused: [] } });
    // Each entry of a batch is decided on its own: 丙 is approved, the two that cannot move
    // (already approved, returned) stay as they were and are named with their reasons.
    const batch = await decideRegistrations(TOP_ADMIN, contest.id, ids, "approved", null);
    expect(batch?.ok && batch.value.count).toBe(1);
    expect(batch?.ok && batch.value.refused.map((f) => [f.entryId, f.subject, f.code])).toEqual([
      [ids[0], "甲", "registration_transition_not_allowed"],
      [ids[1], "乙", "registration_transition_not_allowed"],
    ]);
    const rows = await listOrgRegistrations(orgA.id);
    expect(rows.map((r) => [r.status, r.entryNumber, r.reason]).sort()).toEqual([
      ["approved", `${contest.code}-SOLO-0001`, null],
      ["rejected", null, "缺少技能等级证书"],
    ]);
    expect((await listOrgRegistrations(orgB.id)).map((r) => r.entryNumber)).toEqual([
      `${contest.code}-SOLO-0002`,
    ]);
    expect(await checkInEvent(TOP_ADMIN, contest.id, solo.id, seededRng(3))).toEqual({ count: 2 });
    const checked = await prisma.registration.findUniqueOrThrow({ where: { id: ids[0] ?? 0 } });
    expect(checked.status).toBe("checked_in");
    expect(checked.blindCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
  });

  it("flags entries beyond a quota lowered since, and entrants who no longer meet the rules", async () => {
    const { orgA, contest, solo, hire } = await setup();
    const workers = [];
    for (const name of ["甲", "乙"]) {
      const w = await hire(orgA.id, name);
      expect(await registerIndividual(1, orgA.id, solo.id, w.id)).toMatchObject({ ok: true });
      workers.push(w);
    }
    await prisma.event.update({
      where: { id: solo.id },
      data: { quotaPerOrg: 1, unionMemberRequired: true },
    });
    await prisma.worker.update({ where: { id: workers[0]?.id }, data: { unionMember: false } });
    const review = await listRegistrationsForReview(TOP_ADMIN.scope, contest.id, {});
    const rows = review?.rows ?? [];
    expect(
      Object.fromEntries(rows.map((r) => [r.worker?.name, r.flags.map((f) => f.code)])),
    ).toEqual({ 甲: ["not_union_member"], 乙: ["review_beyond_org_quota"] });
    // The flags are worked out on the server: no birth date reaches the page.
    expect(JSON.stringify(rows)).not.toContain("birthDate");
    // The organiser's task list flags the waiting entries the same way (it reads only the
    // queues that overflow), and the list's filter shows just those.
    const pending = await pendingReview(TOP_ADMIN.scope, contest.id);
    expect(
      Object.fromEntries(
        pending.map((p) => [
          rows.find((r) => r.id === p.id)?.worker?.name,
          p.flags.map((f) => f.code),
        ]),
      ),
    ).toEqual({ 甲: ["not_union_member"], 乙: ["review_beyond_org_quota"] });
    expect(review?.flagged).toBe(2);
    await prisma.worker.update({ where: { id: workers[0]?.id }, data: { unionMember: true } });
    const flaggedOnly = await listRegistrationsForReview(TOP_ADMIN.scope, contest.id, {
      flagged: true,
    });
    expect(flaggedOnly?.rows.map((r) => r.worker?.name)).toEqual(["乙"]);
    expect(flaggedOnly?.flagged).toBe(1);
  });
});

describe("importRegistrations", () => {
  const csv = (...lines: string[]) => ({
    name: "entries.csv",
    bytes: new TextEncoder().encode(lines.join("\n")),
  });
  const snapshot = async () => ({
    regs: await prisma.registration.count(),
    teams: await prisma.team.count(),
    members: await prisma.teamMember.count(),
  });

  it("stores a good file in one go", async () => {
    const { orgA, contest, hire } = await setup();
    const [a, b, c] = [
      await hire(orgA.id, "甲"),
      await hire(orgA.id, "乙"),
      await hire(orgA.id, "丙"),
    ];
    const before = await snapshot();
    const result = await importRegistrations(
      1,
      orgA.id,
      contest.id,
      csv(
        "赛项代码,身份证号,姓名,队名",
        `SOLO,${a.idNumber},甲,`,
        `TEAM,${b.idNumber},乙,甲队`,
        `team,${c.idNumber},,甲队`,
      ),
    );
    expect(result).toMatchObject({ ok: true, value: { count: 2 } });
    expect(await snapshot()).toEqual({
      regs: before.regs + 2,
      teams: before.teams + 1,
      members: before.members + 2,
    });
    // Audited like a registration made on the page: one row each, by the one row builder.
    const imported = await prisma.registration.findMany({
      where: { organisationId: orgA.id, event: { contestId: contest.id } },
      select: { id: true, workerId: true },
      orderBy: { id: "asc" },
    });
    const trail = await prisma.auditLog.findMany({
      where: { entityType: "Registration", entityId: { in: imported.map((r) => r.id) } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => [e.action, e.actorId, JSON.parse(e.after ?? "null")])).toEqual([
      ["registration.submit", 1, { status: "submitted", workerId: a.id, importRow: 2 }],
      ["registration.submit", 1, { status: "submitted", team: "甲队", importRow: 3 }],
    ]);
    expect(trail.every((e) => e.reason === null && e.before === null)).toBe(true);
  });

  it("refuses over-quota, duplicate, unknown and other organisations' rows and stores nothing", async () => {
    const { orgA, orgB, contest, hire } = await setup();
    const [a, b, c] = [
      await hire(orgA.id, "甲"),
      await hire(orgA.id, "乙"),
      await hire(orgA.id, "丙"),
    ];
    const outsider = await hire(orgB.id, "外");
    const before = await snapshot();
    const result = await importRegistrations(
      1,
      orgA.id,
      contest.id,
      csv(
        "赛项代码,身份证号",
        `SOLO,${a.idNumber}`,
        `SOLO,${a.idNumber}`,
        `SOLO,${b.idNumber}`,
        `SOLO,${c.idNumber}`,
        `SOLO,${outsider.idNumber}`,
        `NOPE,${a.idNumber}`,
      ),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { row: 3, column: "身份证号", code: "import_entry_repeated" },
        { row: 5, column: "赛项代码", code: "quota_org_full" },
        { row: 6, column: "身份证号", code: "import_worker_not_in_roster" },
        { row: 7, column: "赛项代码", code: "import_event_unknown" },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("answers null for a contest that is not open", async () => {
    const { orgA, contest } = await setup();
    const draft = await createOpenContest(contest.organiserId, { status: "draft" });
    expect(await importRegistrations(1, orgA.id, draft.id, csv("赛项代码,身份证号"))).toBeNull();
  });
});
