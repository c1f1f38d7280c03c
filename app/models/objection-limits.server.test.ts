// Anonymous objections: rate-limited per address and per notice (atomically, so a parallel
// flood cannot slip through), spam dismissed in bulk, and only objections against nominees
// still to be conferred hold the awards up.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  OBJECTION_WINDOW_MS,
  OBJECTIONS_PER_ADDRESS,
  OBJECTIONS_PER_NOTICE,
  REVIEW_CHECKLIST_ITEMS,
  checklistFrom,
} from "~/domain/honours";
import {
  advanceRound,
  createNomination,
  createRound,
  dismissObjections,
  lodgePublicObjection,
  reviewNomination,
  withdrawNomination,
} from "./honour-round.server";
import { SUPPORTING_TEXT, createNominatingUnit, createOrganiser } from "~/test/honours-factories";

const DAY = 86_400_000;

/** A round on public notice (started yesterday, a week long) with two accepted nominees. */
async function roundOnNotice() {
  const organiser = await createOrganiser();
  const a = await createNominatingUnit(undefined, organiser.federation.id);
  const b = await createNominatingUnit(undefined, organiser.federation.id);
  const created = await createRound(organiser.actor, {
    organiserId: organiser.federation.id,
    name: "异议测试评选",
    kind: "model_worker",
    level: "city",
    year: 2026,
    conferringBody: "测试市人民政府",
    quota: 5,
    perOrgQuota: 2,
    minFrontLinePercent: 0,
    maxManagerPercent: 100,
    deadline: new Date(Date.now() + 10 * DAY),
  });
  if (!created) throw new Error("the organiser's own union runs the round");
  const round = created;
  expect((await advanceRound(organiser.actor, round.id, "open")).ok).toBe(true);
  const ids: number[] = [];
  for (const unit of [a, b]) {
    const made = await createNomination(unit.actor, round.id, {
      workerId: unit.frontLineWorkers[0]!.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [],
    });
    if (!made.ok) throw new Error("nomination refused");
    ids.push(made.value.id);
  }
  expect((await advanceRound(organiser.actor, round.id, "reviewing")).ok).toBe(true);
  for (const id of ids)
    await reviewNomination(organiser.actor, round.id, id, {
      decision: "accepted",
      checklist: checklistFrom([...REVIEW_CHECKLIST_ITEMS]),
      reason: "",
    });
  const now = Date.now();
  const notice = { startsAt: new Date(now - DAY), endsAt: new Date(now + 7 * DAY) };
  expect((await advanceRound(organiser.actor, round.id, "public_notice", { notice })).ok).toBe(
    true,
  );
  return { organiser, round, ids, endsAt: notice.endsAt };
}

const objection = (nominationId: number, i = 0) => ({
  nominationId,
  text: `第 ${i} 条：材料有误。`,
  contactName: "某人",
  contactPhone: "13800138000",
});

describe("anonymous objections", () => {
  it("takes at most the per-address limit from a parallel flood, and still hears others", async () => {
    const { round, ids } = await roundOnNotice();
    const at = new Date();
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        lodgePublicObjection(round.id, objection(ids[0]!, i), { address: "203.0.113.5", now: at }),
      ),
    );
    expect(flood.filter((o) => o.ok)).toHaveLength(OBJECTIONS_PER_ADDRESS);
    expect(
      flood.filter(
        (o) => !o.ok && o.problems.some((p) => p.code === "honours.problem.objection_rate_limited"),
      ),
    ).toHaveLength(40 - OBJECTIONS_PER_ADDRESS);
    expect(await prisma.objection.count({ where: { nomination: { roundId: round.id } } })).toBe(
      OBJECTIONS_PER_ADDRESS,
    );
    // Someone else is heard; the flooder again an hour later.
    expect(
      (
        await lodgePublicObjection(round.id, objection(ids[0]!), {
          address: "198.51.100.9",
          now: at,
        })
      ).ok,
    ).toBe(true);
    const later = new Date(at.getTime() + OBJECTION_WINDOW_MS);
    expect(
      (
        await lodgePublicObjection(round.id, objection(ids[0]!), {
          address: "203.0.113.5",
          now: later,
        })
      ).ok,
    ).toBe(true);
  });

  it("caps a notice's objections from all addresses together", async () => {
    const { round, ids } = await roundOnNotice();
    const at = new Date();
    const outcomes = [];
    for (let i = 0; i < OBJECTIONS_PER_NOTICE + 3; i++)
      outcomes.push(
        await lodgePublicObjection(round.id, objection(ids[1]!, i), {
          address: `192.0.2.${i % 250}`,
          now: at,
        }),
      );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(OBJECTIONS_PER_NOTICE);
    // Another notice is not affected.
    const other = await roundOnNotice();
    expect(
      (
        await lodgePublicObjection(other.round.id, objection(other.ids[0]!), {
          address: null,
          now: at,
        })
      ).ok,
    ).toBe(true);
  });

  it("dismisses spam in bulk, audited one by one, and then confers", async () => {
    const { organiser, round, ids, endsAt } = await roundOnNotice();
    const lodged: number[] = [];
    for (let i = 0; i < 5; i++) {
      const o = await lodgePublicObjection(round.id, objection(ids[i % 2]!, i), {
        address: `198.51.100.${i}`,
      });
      if (o.ok) lodged.push(o.value.id);
    }
    const afterNotice = new Date(endsAt.getTime() + DAY);
    const blocked = await advanceRound(organiser.actor, round.id, "conferred", {
      now: afterNotice,
    });
    expect(blocked.ok ? [] : blocked.problems.map((p) => p.code)).toEqual([
      "rules.round_objections_open",
    ]);
    // A note is still owed; ids of another round's objections are ignored.
    expect((await dismissObjections(organiser.actor, round.id, lodged, " ")).ok).toBe(false);
    const dismissed = await dismissObjections(
      organiser.actor,
      round.id,
      [...lodged, 999_999],
      "垃圾信息",
    );
    expect(dismissed).toEqual({ ok: true, value: 5 });
    const rows = await prisma.objection.findMany({ where: { id: { in: lodged } } });
    expect(rows.every((r) => r.status === "handled" && r.outcome === "dismissed")).toBe(true);
    expect(
      await prisma.auditLog.count({ where: { action: "objection.handle", entityId: { in: ids } } }),
    ).toBe(5);
    expect(
      (await advanceRound(organiser.actor, round.id, "conferred", { now: afterNotice })).ok,
    ).toBe(true);
  });

  it("does not hold conferring up for objections against a withdrawn nominee", async () => {
    const { organiser, round, ids, endsAt } = await roundOnNotice();
    expect(
      (await lodgePublicObjection(round.id, objection(ids[0]!), { address: "198.51.100.77" })).ok,
    ).toBe(true);
    expect(
      (await withdrawNomination(organiser.actor, round.id, ids[0]!, "经核实不符合条件")).ok,
    ).toBe(true);
    const conferred = await advanceRound(organiser.actor, round.id, "conferred", {
      now: new Date(endsAt.getTime() + DAY),
    });
    expect(conferred.ok).toBe(true);
  });
});
