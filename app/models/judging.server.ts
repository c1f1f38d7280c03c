import { prisma } from "~/db.server";

export function listJudgeAssignments(userId: number) {
  return prisma.judgeAssignment.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    select: {
      isChief: true,
      event: {
        select: {
          id: true,
          code: true,
          name: true,
          status: true,
          contest: { select: { code: true, name: true } },
          _count: { select: { registrations: true } },
        },
      },
    },
  });
}
