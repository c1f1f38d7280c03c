import { prisma } from "~/db.server";

/** A worker's own entries, individual and as a team member. */
export function listWorkerRegistrations(workerId: number) {
  return prisma.registration.findMany({
    where: {
      OR: [{ workerId }, { team: { members: { some: { workerId } } } }],
    },
    orderBy: { submittedAt: "desc" },
    select: {
      id: true,
      status: true,
      reason: true,
      entryNumber: true,
      team: { select: { name: true } },
      event: {
        select: {
          code: true,
          name: true,
          mode: true,
          contest: { select: { code: true, name: true, status: true } },
        },
      },
    },
  });
}
