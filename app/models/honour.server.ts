import { prisma } from "~/db.server";

/** The most recent honours, for the home page. */
export function listFeaturedHonours(take: number) {
  return prisma.honourAward.findMany({
    orderBy: [{ year: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, level: true, year: true, recipientName: true },
  });
}
