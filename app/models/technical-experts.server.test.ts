import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { issuePrizeCertificates } from "./certificate.server";
import { proposeTechnicalExperts } from "./technical-experts.server";
import { createNominatingUnit, createOrganiser, createRankedEvent } from "~/test/honours-factories";

describe("contest results feed", () => {
  it("proposes an event's top three in a draft technical-expert round, once", async () => {
    const organiser = await createOrganiser();
    const unit = await createNominatingUnit(undefined, organiser.federation.id);
    const other = await createNominatingUnit(undefined, organiser.federation.id);
    const event = await createRankedEvent(unit.organisation.id, [
      unit.frontLineWorkers[0]!.id,
      unit.frontLineWorkers[1]!.id,
      unit.managerWorker.id,
      other.frontLineWorkers[0]!.id,
    ]);
    const first = await proposeTechnicalExperts(event.id, organiser.user.id);
    expect(first.created).toBe(true);
    expect(first.round.status).toBe("draft");
    expect(first.round.kind).toBe("technical_expert");
    const nominations = await prisma.nomination.findMany({
      where: { roundId: first.round.id },
      orderBy: { id: "asc" },
    });
    expect(nominations.map((n) => n.workerId)).toEqual([
      unit.frontLineWorkers[0]!.id,
      unit.frontLineWorkers[1]!.id,
      unit.managerWorker.id,
    ]);
    expect(nominations[0]!.supportingText).toContain("第 1 名");
    const again = await proposeTechnicalExperts(event.id, organiser.user.id);
    expect(again).toMatchObject({ created: false, proposed: 0 });
    expect(again.round.id).toBe(first.round.id);
  });

  it("issues prize certificates for a published event, once each", async () => {
    const organiser = await createOrganiser();
    const unit = await createNominatingUnit(undefined, organiser.federation.id);
    const event = await createRankedEvent(unit.organisation.id, [
      unit.frontLineWorkers[0]!.id,
      unit.frontLineWorkers[1]!.id,
      unit.managerWorker.id,
    ]);
    expect(await issuePrizeCertificates(organiser.actor, event.id)).toEqual({
      ok: true,
      value: { issued: 3 },
    });
    expect(await issuePrizeCertificates(organiser.actor, event.id)).toEqual({
      ok: true,
      value: { issued: 0 },
    });
    const registrations = await prisma.registration.findMany({
      where: { eventId: event.id },
      select: { id: true },
    });
    const certificates = await prisma.certificate.findMany({
      where: { kind: "prize", registrationId: { in: registrations.map((r) => r.id) } },
      orderBy: { serial: "asc" },
    });
    expect(certificates.map((c) => c.serial.slice(0, 8))).toEqual([
      "2026-PR-",
      "2026-PR-",
      "2026-PR-",
    ]);
    expect(certificates[0]!.title).toContain("一等奖");
  });
});
