import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  getCertificateDocument,
  issuePrizeCertificates,
  listCertificates,
  mayDownloadCertificate,
  prizeCertificateSerials,
} from "./certificate.server";
import { createNominatingUnit, createOrganiser, createRankedEvent } from "~/test/honours-factories";

describe("a worker's and a unit's certificates", () => {
  it("lists each winner's prize certificate for them and for their unit, and no one else's", async () => {
    const organiser = await createOrganiser();
    // The unit's contest is the organiser's to certify: the unit is under their federation.
    const unit = await createNominatingUnit(undefined, organiser.federation.id);
    const other = await createNominatingUnit();
    const [first, second] = unit.frontLineWorkers;
    const event = await createRankedEvent(unit.organisation.id, [
      first!.id,
      second!.id,
      unit.managerWorker.id,
      // Fourth place: no prize, so no certificate.
      other.frontLineWorkers[0]!.id,
    ]);
    await issuePrizeCertificates(organiser.actor, event.id);

    const mine = await listCertificates({ workerId: first!.id });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "prize", recipientName: first!.name });
    expect(mine[0]!.event?.name).toBe("数控车工");
    expect(await listCertificates({ workerId: other.frontLineWorkers[0]!.id })).toEqual([]);

    const ours = await listCertificates({ organisationId: unit.organisation.id });
    expect(ours.map((c) => c.recipientName).sort()).toEqual(
      [first!.name, second!.name, unit.managerWorker.name].sort(),
    );
    expect(await listCertificates({ organisationId: other.organisation.id })).toEqual([]);

    // The receipts link to the entry's certificate by registration.
    const registration = await prisma.registration.findFirstOrThrow({
      where: { eventId: event.id, workerId: first!.id },
    });
    const serials = await prizeCertificateSerials([registration.id]);
    expect(serials[registration.id]).toBe(mine[0]!.serial);

    const doc = (await getCertificateDocument(mine[0]!.serial))!;
    const asWorker = (workerId: number) => ({
      id: 0,
      role: "worker" as const,
      organisationId: unit.organisation.id,
      workerId,
      scope: null,
    });
    expect(mayDownloadCertificate(doc, asWorker(first!.id))).toBe(true);
    expect(mayDownloadCertificate(doc, asWorker(second!.id))).toBe(false);
    expect(mayDownloadCertificate(doc, { ...other.actor, workerId: null, scope: null })).toBe(
      false,
    );
    expect(mayDownloadCertificate(doc, { ...unit.actor, workerId: null, scope: null })).toBe(true);
    // A team's prize belongs to every member.
    expect(
      mayDownloadCertificate(
        { ...doc, workerId: null, teamWorkerIds: [second!.id] },
        asWorker(second!.id),
      ),
    ).toBe(true);
  });
});
