// The invariant behind "every stored figure of the event is consistent after every change":
// each Result row equals a fresh computation from the marks (total, and once ranks are stored
// rank, prize and standardised score; before that none of the three), the board's rank from
// the ranking tables equals the stored rank, and the ranking tables equal a rebuild from Result.
import { expect } from "vitest";
import { bulkWrite, prisma } from "~/db.server";
import { standardisedUnits } from "~/domain/scoring";
import { rebuildAllRankingTables } from "~/models/ranking-tables.server";
import { computeEvent, ranksStored } from "~/models/results.server";

async function tables(eventId: number) {
  return {
    counts: await prisma.scoreCount.findMany({
      where: { eventId, count: { not: 0 } },
      orderBy: { rankKey: "asc" },
    }),
    buckets: await prisma.scoreBucket.findMany({
      where: { eventId, count: { not: 0 } },
      orderBy: [{ level: "asc" }, { bucket: "asc" }],
    }),
    standings: await prisma.orgStanding.findMany({
      where: { eventId },
      orderBy: { organisationId: "asc" },
    }),
  };
}

export async function expectEventConsistent(eventId: number): Promise<void> {
  const computed = await computeEvent(prisma, eventId);
  if (!computed?.results.ok) throw new Error("results cannot be computed");
  const stored = ranksStored(computed.scoring.event.status);
  const rows = await prisma.result.findMany({ where: { eventId } });
  const counts = await prisma.scoreCount.findMany({ where: { eventId, count: { gt: 0 } } });
  for (const r of computed.results.value.entries) {
    const row = rows.find((x) => x.registrationId === Number(r.entryId));
    const complete = r.status === "complete";
    const label = `entry ${r.entryId}`;
    expect(row?.total ?? null, label).toBe(complete ? r.total : null);
    expect(row?.complete ?? false, label).toBe(complete);
    expect(row?.rank ?? null, `${label} rank`).toBe(stored ? r.rank : null);
    expect(row?.prize ?? null, `${label} prize`).toBe(stored ? r.prize : null);
    expect(row?.standardised ?? null, `${label} standardised`).toBe(
      stored && r.standardised !== null ? standardisedUnits(r.standardised) : null,
    );
    // The board ranks by rank key: 1 + entries with a larger key.
    if (stored && row?.rankKey != null) {
      const key = row.rankKey;
      const boardRank = 1 + counts.filter((c) => c.rankKey > key).reduce((n, c) => n + c.count, 0);
      expect(boardRank, `${label} board rank`).toBe(row.rank);
    }
  }
  const incremental = await tables(eventId);
  await bulkWrite((db) => rebuildAllRankingTables(db));
  expect(await tables(eventId)).toEqual(incremental);
}
