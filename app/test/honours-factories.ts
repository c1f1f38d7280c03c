// Builders for the honours model tests.
import { write } from "~/db.server";
import type { Actor } from "~/models/honour-round.server";
import { createOrganisation, createUser, createWorker, organiserOf } from "./factories";

const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]);

export const pdfAttachment = (filename = "事迹材料.pdf") => ({
  filename,
  mimeType: "application/pdf",
  size: PDF_BYTES.byteLength,
  head: PDF_BYTES,
  data: PDF_BYTES,
});

export const SUPPORTING_TEXT =
  "扎根一线二十年，主持技术攻关十余项，带出技师和高级技师三十余名，为企业创造经济效益超过一千万元，多次获得省市技术能手称号。";

/** An organisation with a manager account and a few workers; the last one is a manager (管理人员). */
export async function createNominatingUnit(name?: string, parentId?: number) {
  const organisation = await createOrganisation({ name, parentId });
  const user = await createUser({ role: "org_manager", organisationId: organisation.id });
  const workers = [
    await createWorker(organisation.id),
    await createWorker(organisation.id),
    await createWorker(organisation.id),
  ];
  const managerWorker = await write((tx) =>
    tx.worker.update({
      where: { id: workers[2]!.id },
      data: { frontLine: false, manager: true, position: "副总经理" },
    }),
  );
  const actor: Actor = { id: user.id, role: "org_manager", organisationId: organisation.id };
  return { organisation, user, actor, frontLineWorkers: workers.slice(0, 2), managerWorker };
}

export async function createOrganiser() {
  const federation = await createOrganisation({ name: "测试市总工会", kind: "federation" });
  const user = await createUser({ role: "admin", organisationId: federation.id });
  return { federation, user, actor: organiserOf(user.id, federation) };
}

/** A published skills event with complete, ranked results for the given workers (best first). */
export async function createRankedEvent(organisationId: number, workerIds: number[]) {
  return write(async (tx) => {
    const contest = await tx.contest.create({
      data: {
        year: 2026,
        code: `T${Date.now()}${Math.random().toString(36).slice(2, 6)}`,
        kind: "skills_contest",
        name: "测试技能大赛",
        organiserId: organisationId,
        status: "results_published",
      },
    });
    const event = await tx.event.create({
      data: {
        contestId: contest.id,
        code: "CNC",
        name: "数控车工",
        status: "published",
        publishedAt: new Date("2026-10-01T00:00:00+08:00"),
      },
    });
    let rank = 0;
    for (const workerId of workerIds) {
      rank++;
      const registration = await tx.registration.create({
        data: { eventId: event.id, organisationId, workerId, status: "checked_in" },
      });
      await tx.result.create({
        data: {
          registrationId: registration.id,
          eventId: event.id,
          organisationId,
          total: 10000 - rank * 100,
          complete: true,
          rank,
          prize: rank === 1 ? "first" : rank <= 3 ? "second" : null,
        },
      });
    }
    return event;
  });
}
