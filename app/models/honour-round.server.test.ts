import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PLATFORM_SCOPE } from "~/domain/organisation";
import type { Organiser } from "~/domain/roles";
import {
  checklistFrom,
  formatCertificateSerial,
  REVIEW_CHECKLIST_ITEMS,
  verifySerialFormat,
} from "~/domain/honours";
import {
  NotAuthorisedError,
  advanceRound,
  createNomination,
  createRound,
  getRoundForManager,
  getRoundForOrganiser,
  lodgePublicObjection,
  recordObjectionHandling,
  reviewNomination,
} from "./honour-round.server";
import {
  getCertificateDocument,
  listRoundCertificateDocuments,
  verifyCertificate,
} from "./certificate.server";
import { listHonourRoll } from "./honour.server";
import {
  SUPPORTING_TEXT,
  createNominatingUnit,
  createOrganiser,
  pdfAttachment,
} from "~/test/honours-factories";

const DAY = 86_400_000;
const allTicked = checklistFrom([...REVIEW_CHECKLIST_ITEMS]);

async function openRound(actor: Parameters<typeof createRound>[0]) {
  const round = await createRound(actor, {
    organiserId: actor.organisationId!,
    name: "2026年测试市劳动模范评选",
    kind: "model_worker",
    level: "city",
    year: 2026,
    conferringBody: "测试市人民政府",
    quota: 2,
    perOrgQuota: 1,
    minFrontLinePercent: 60,
    maxManagerPercent: 15,
    deadline: new Date(Date.now() + 10 * DAY),
  });
  if (!round) throw new Error("the organiser's own union runs the round");
  expect((await advanceRound(actor, round.id, "open")).ok).toBe(true);
  return round;
}

describe("a nomination round from opening to awards", () => {
  it("runs 推荐 → 评审 → 公示 → 表彰 with every change audited and certificates issued", async () => {
    const organiser = await createOrganiser();
    const a = await createNominatingUnit("甲单位", organiser.federation.id);
    const b = await createNominatingUnit("乙单位", organiser.federation.id);
    const round = await openRound(organiser.actor);

    const managerNomination = await createNomination(a.actor, round.id, {
      workerId: a.managerWorker.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [pdfAttachment()],
    });
    expect(managerNomination.ok).toBe(true);
    const frontLine = await createNomination(b.actor, round.id, {
      workerId: b.frontLineWorkers[0]!.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [],
    });
    expect(frontLine.ok).toBe(true);

    // 1 of 2 front-line (50% < 60%) and 1 of 2 managers (50% > 15%): both ratio rules warn.
    const live = await getRoundForOrganiser(organiser.actor.scope, round.id);
    expect(live?.evaluations.filter((e) => e.status === "warn").map((e) => e.rule.kind)).toEqual([
      "min_share",
      "max_share",
    ]);

    // Review can only start once nominations close; the round cannot jump to notice.
    expect(
      (await advanceRound(organiser.actor, round.id, "public_notice", { notice: null })).ok,
    ).toBe(false);
    expect((await advanceRound(organiser.actor, round.id, "reviewing")).ok).toBe(true);

    const managerId = managerNomination.ok ? managerNomination.value.id : 0;
    const frontLineId = frontLine.ok ? frontLine.value.id : 0;
    const incomplete = await reviewNomination(organiser.actor, round.id, frontLineId, {
      decision: "accepted",
      checklist: checklistFrom(["eligibility"]),
      reason: "",
    });
    expect(incomplete.ok ? [] : incomplete.problems.map((p) => p.code)).toEqual([
      "honours.problem.review_checklist_incomplete",
    ]);
    const noReason = await reviewNomination(organiser.actor, round.id, managerId, {
      decision: "rejected",
      checklist: allTicked,
      reason: " ",
    });
    expect(noReason.ok ? [] : noReason.problems.map((p) => p.code)).toEqual([
      "rules.nomination_reason_required",
    ]);
    expect(
      (
        await reviewNomination(organiser.actor, round.id, managerId, {
          decision: "rejected",
          checklist: allTicked,
          reason: "企业负责人比例超过要求",
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await reviewNomination(organiser.actor, round.id, frontLineId, {
          decision: "accepted",
          checklist: allTicked,
          reason: "",
        })
      ).ok,
    ).toBe(true);

    const now = Date.now();
    const shortNotice = { startsAt: new Date(now - DAY), endsAt: new Date(now + 2 * DAY) };
    const refused = await advanceRound(organiser.actor, round.id, "public_notice", {
      notice: shortNotice,
    });
    expect(refused.ok ? [] : refused.problems.map((p) => p.code)).toEqual([
      "rules.notice_period_too_short",
    ]);
    const notice = { startsAt: new Date(now - DAY), endsAt: new Date(now + 7 * DAY) };
    expect((await advanceRound(organiser.actor, round.id, "public_notice", { notice })).ok).toBe(
      true,
    );

    const objection = await lodgePublicObjection(round.id, {
      nominationId: frontLineId,
      text: "材料中的获奖年份有误。",
      contactName: "王先生",
      contactPhone: "13800138000",
    });
    expect(objection.ok).toBe(true);
    // Not yet: the notice is running and the objection is open.
    const early = await advanceRound(organiser.actor, round.id, "conferred", {
      now: new Date(now),
    });
    expect(early.ok ? [] : early.problems.map((p) => p.code).sort()).toEqual([
      "rules.round_notice_not_ended",
      "rules.round_objections_open",
    ]);
    const objectionId = objection.ok ? objection.value.id : 0;
    expect(
      (
        await recordObjectionHandling(organiser.actor, round.id, objectionId, {
          outcome: "dismissed",
          note: "经核实，获奖年份无误。",
        })
      ).ok,
    ).toBe(true);

    const conferred = await advanceRound(organiser.actor, round.id, "conferred", {
      now: new Date(now + 8 * DAY),
    });
    expect(conferred.ok).toBe(true);

    const awards = await prisma.honourAward.findMany({
      where: { nomination: { roundId: round.id } },
      include: { certificates: true },
    });
    expect(awards.map((w) => w.recipientName)).toEqual([b.frontLineWorkers[0]!.name]);
    const serial = awards[0]!.certificates[0]!.serial;
    expect(verifySerialFormat(serial).ok).toBe(true);
    expect(serial.startsWith("2026-MW-")).toBe(true);
    expect(await verifyCertificate(serial)).toMatchObject({
      ok: true,
      value: { serial, revoked: false, recipientName: b.frontLineWorkers[0]!.name },
    });
    const notIssued = formatCertificateSerial(2026, "MW", 9999);
    expect(await verifyCertificate(notIssued)).toEqual({
      ok: false,
      problems: [{ code: "honours.verify.unknown", params: { serial: notIssued } }],
    });
    expect(await verifyCertificate("2026-MW")).toEqual({
      ok: false,
      problems: [{ code: "rules.serial_format_invalid", params: {} }],
    });
    expect((await getCertificateDocument(serial))?.title).toBe("2026年度市级劳动模范");
    expect(
      (await listRoundCertificateDocuments(organiser.actor.scope, round.id))?.documents,
    ).toHaveLength(1);
    expect(
      (await listHonourRoll({ q: b.frontLineWorkers[0]!.name })).items.map((i) => i.kind),
    ).toEqual(["model_worker"]);

    const roundLog = await prisma.auditLog.findMany({
      where: { entityType: "NominationRound", entityId: round.id },
      orderBy: { id: "asc" },
    });
    expect(
      roundLog.map((e) => [e.action, e.actorId, e.after && JSON.parse(e.after).status]),
    ).toEqual([
      ["honour_round.create", organiser.user.id, "draft"],
      ["honour_round.status", organiser.user.id, "open"],
      ["honour_round.status", organiser.user.id, "reviewing"],
      ["honour_round.status", organiser.user.id, "public_notice"],
      ["honour_round.status", organiser.user.id, "conferred"],
    ]);
    const nominationLog = await prisma.auditLog.findMany({
      where: { entityType: "Nomination", entityId: frontLineId },
      orderBy: { id: "asc" },
    });
    expect(nominationLog.map((e) => e.action)).toEqual([
      "nomination.submit",
      "nomination.accept",
      "objection.lodge",
      "objection.handle",
      "nomination.award",
    ]);
    // The objector's contact details stay out of the log.
    expect(nominationLog.map((e) => `${e.after}${e.reason}`).join("")).not.toContain("13800138000");
  });
});

describe("authorisation", () => {
  it("nobody but the organiser moves a round forward or reviews", async () => {
    const organiser = await createOrganiser();
    const unit = await createNominatingUnit(undefined, organiser.federation.id);
    const round = await openRound(organiser.actor);
    const nomination = await createNomination(unit.actor, round.id, {
      workerId: unit.frontLineWorkers[0]!.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [],
    });
    // Even handed a scope, only an organiser's role may act.
    const as = (role: "org_manager" | "judge" | "worker"): Organiser => ({
      id: unit.user.id,
      role,
      organisationId: unit.organisation.id,
      scope: PLATFORM_SCOPE,
    });
    for (const actor of [as("org_manager"), as("judge"), as("worker")]) {
      await expect(advanceRound(actor, round.id, "reviewing")).rejects.toThrow(NotAuthorisedError);
      await expect(advanceRound(actor, round.id, "cancelled", { reason: "x" })).rejects.toThrow(
        NotAuthorisedError,
      );
      await expect(
        reviewNomination(actor, round.id, nomination.ok ? nomination.value.id : 0, {
          decision: "accepted",
          checklist: allTicked,
          reason: "",
        }),
      ).rejects.toThrow(NotAuthorisedError);
      await expect(
        createRound(actor, {
          organiserId: organiser.federation.id,
          name: "x",
          kind: "craftsman",
          level: "city",
          year: 2026,
          conferringBody: "x",
          quota: 1,
          perOrgQuota: null,
          minFrontLinePercent: null,
          maxManagerPercent: null,
          deadline: new Date(),
        }),
      ).rejects.toThrow(NotAuthorisedError);
    }
    expect(
      (await prisma.nominationRound.findUniqueOrThrow({ where: { id: round.id } })).status,
    ).toBe("open");
  });

  it("a manager sees only their own organisation's nominations before the notice", async () => {
    const organiser = await createOrganiser();
    const a = await createNominatingUnit("甲单位", organiser.federation.id);
    const b = await createNominatingUnit("乙单位", organiser.federation.id);
    const round = await openRound(organiser.actor);
    await createNomination(a.actor, round.id, {
      workerId: a.frontLineWorkers[0]!.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [],
    });
    await createNomination(a.actor, round.id, {
      workerId: a.frontLineWorkers[1]!.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [],
    });
    await createNomination(b.actor, round.id, {
      workerId: b.frontLineWorkers[0]!.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [],
    });

    const seenByB = await getRoundForManager(round.id, b.organisation.id);
    expect(seenByB?.nominations.map((n) => n.nomineeName)).toEqual([b.frontLineWorkers[0]!.name]);
    // The figures count everyone, but the per-unit warning about 甲单位 is not shown to 乙单位.
    expect(seenByB?.tally.total).toBe(3);
    const perOrg = seenByB?.evaluations.find((e) => e.rule.kind === "max_per_organisation");
    expect(perOrg?.status).toBe("warn");
    expect(perOrg?.problems).toEqual([]);
    expect(JSON.stringify(seenByB)).not.toContain(a.frontLineWorkers[0]!.name);
    const seenByA = await getRoundForManager(round.id, a.organisation.id);
    expect(
      seenByA?.evaluations.find((e) => e.rule.kind === "max_per_organisation")?.problems,
    ).toHaveLength(1);

    // Another unit's worker cannot be nominated: the lookup is scoped to the manager's unit.
    const foreign = await createNomination(b.actor, round.id, {
      workerId: a.frontLineWorkers[0]!.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [],
    });
    expect(foreign.ok ? [] : foreign.problems.map((p) => p.code)).toEqual([
      "honours.problem.nominee_required",
    ]);
    // Drafts are not visible to managers at all.
    const draft = await createRound(organiser.actor, {
      organiserId: organiser.federation.id,
      name: "草稿",
      kind: "craftsman",
      level: "city",
      year: 2026,
      conferringBody: "x",
      quota: 1,
      perOrgQuota: null,
      minFrontLinePercent: null,
      maxManagerPercent: null,
      deadline: new Date(),
    });
    expect(await getRoundForManager(draft!.id, a.organisation.id)).toBeNull();
  });

  it("refuses bad attachments and stores nothing", async () => {
    const organiser = await createOrganiser();
    const unit = await createNominatingUnit(undefined, organiser.federation.id);
    const round = await openRound(organiser.actor);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const outcome = await createNomination(unit.actor, round.id, {
      workerId: unit.frontLineWorkers[0]!.id,
      supportingText: SUPPORTING_TEXT,
      attachments: [
        { filename: "伪装.pdf", mimeType: "application/pdf", size: 4, head: png, data: png },
      ],
    });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.code)).toEqual([
      "honours.problem.attachment_content_mismatch",
    ]);
    expect(await prisma.nomination.count({ where: { roundId: round.id } })).toBe(0);
    expect(
      await prisma.nominationAttachment.count({ where: { nomination: { roundId: round.id } } }),
    ).toBe(0);
  });
});
