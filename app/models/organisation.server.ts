import { prisma } from "~/db.server";

export async function organisationSummary(organisationId: number) {
  const [organisation, workers, registrations, pending] = await Promise.all([
    prisma.organisation.findUnique({
      where: { id: organisationId },
      select: {
        id: true,
        name: true,
        kind: true,
        creditCode: true,
        parent: { select: { name: true } },
      },
    }),
    prisma.worker.count({ where: { organisationId } }),
    prisma.registration.count({ where: { organisationId } }),
    prisma.registration.count({ where: { organisationId, status: "submitted" } }),
  ]);
  return organisation ? { organisation, workers, registrations, pending } : null;
}
