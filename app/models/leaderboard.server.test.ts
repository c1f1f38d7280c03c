import { describe, expect, it } from "vitest";
import { bulkWrite, prisma, write } from "~/db.server";
import { createOrganisation } from "~/test/factories";
import { createBoardEvent, createEntry, setResult } from "~/test/leaderboard-factories";
import {
  boardPage,
  eventStandings,
  findBoardEvent,
  loadBoard,
  myRank,
  searchBoard,
  setBoardSettings,
} from "./leaderboard.server";
import { rebuildAllRankingTables } from "./ranking-tables.server";
import { formatEntryNumber } from "~/domain/registration/entry-numbers";

async function tables(eventId: number) {
  const [counts, buckets, standings] = await Promise.all([
    prisma.scoreCount.findMany({
      where: { eventId, count: { not: 0 } },
      orderBy: { rankKey: "asc" },
    }),
    prisma.scoreBucket.findMany({
      where: { eventId, count: { not: 0 } },
      orderBy: [{ level: "asc" }, { bucket: "asc" }],
    }),
    prisma.orgStanding.findMany({ where: { eventId }, orderBy: { organisationId: "asc" } }),
  ]);
  return { counts, buckets, standings };
}

const LIVE = { frozen: false, hidden: false };
const FROZEN = { frozen: true, hidden: false };

describe("ranking tables and leaderboard", () => {
  it("keeps counts, buckets and standings equal to a rebuild from Result, and ranks with ties", async () => {
    const event = await createBoardEvent({ standingsBestN: 2 });
    const orgA = await createOrganisation({ name: "甲公司" });
    const orgB = await createOrganisation({ name: "乙公司" });
    const a1 = await createEntry(event.id, orgA.id, "A001", "张一");
    const a2 = await createEntry(event.id, orgA.id, "A002", "张二");
    const a3 = await createEntry(event.id, orgA.id, "A003", "张三");
    const b1 = await createEntry(event.id, orgB.id, "B001", "李一");
    const b2 = await createEntry(event.id, orgB.id, "B002", "李二");

    await setResult(a1, 9000);
    await setResult(a2, 8000, { prize: "second" });
    await setResult(a3, 7000);
    await setResult(b1, 8000, { prize: "second" });
    await setResult(b2, 6000);
    // A judge corrects marks: a3 climbs past the tie, b2 loses its result.
    await setResult(a3, 9550, { prize: "first" });
    await setResult(b2, null);

    const incremental = await tables(event.id);
    expect(
      incremental.standings.map((s) => [
        s.organisationId,
        s.bestNTotal,
        s.entries,
        s.prizes,
        s.firstPrizes,
      ]),
    ).toEqual([
      [orgA.id, 9550 + 9000, 3, 2, 1],
      [orgB.id, 8000, 1, 1, 0],
    ]);

    await bulkWrite((db) => rebuildAllRankingTables(db));
    const rebuilt = await tables(event.id);
    expect(rebuilt.counts).toEqual(incremental.counts);
    expect(rebuilt.buckets).toEqual(incremental.buckets);
    expect(rebuilt.standings).toEqual(incremental.standings);

    const board = (await findBoardEvent(event.contest.code, event.code))!;
    const top = await boardPage(board, LIVE, null, 2);
    expect(top.ranked).toBe(4);
    expect(top.rows.map((r) => [r.entryNumber, r.rank])).toEqual([
      ["A003", 1],
      ["A001", 2],
    ]);
    const next = await boardPage(board, LIVE, top.next);
    expect(next.rows.map((r) => r.rank)).toEqual([3, 3]);
    expect(next.rows.map((r) => r.entryNumber).sort()).toEqual(["A002", "B001"]);

    const mine = await myRank(board, LIVE, "B001");
    expect(mine?.me.rank).toBe(3);
    expect(mine?.above.map((r) => [r.entryNumber, r.rank])).toEqual([
      ["A003", 1],
      ["A001", 2],
    ]);
    expect(mine?.below.map((r) => [r.entryNumber, r.rank])).toEqual([["A002", 3]]);
    expect(await myRank(board, LIVE, "B002")).toBeNull();

    expect((await searchBoard(board, LIVE, "乙公司")).map((r) => r.entryNumber)).toEqual(["B001"]);
    expect((await searchBoard(board, LIVE, "张")).map((r) => r.entryNumber)).toEqual([
      "A003",
      "A001",
      "A002",
    ]);

    const standings = await eventStandings(event.id, LIVE);
    expect(standings.map((s) => [s.organisation, s.rank])).toEqual([
      ["甲公司", 1],
      ["乙公司", 2],
    ]);
  });

  it("shows the public the board as at the freeze and rebuilds standings when N changes", async () => {
    const event = await createBoardEvent({ standingsBestN: 1 });
    const org = await createOrganisation();
    const admin = await prisma.user.findFirst();
    const x = await createEntry(event.id, org.id, "X1");
    const y = await createEntry(event.id, org.id, "X2");
    await setResult(x, 8000);
    await setResult(y, 7000);
    await setBoardSettings(admin?.id ?? 0, event.id, {
      freezeAt: new Date(Date.now() - 1000),
      standingsBestN: 2,
    });
    expect((await eventStandings(event.id, LIVE))[0]?.bestNTotal).toBe(15000);

    await setResult(y, 9900);
    const board = (await findBoardEvent(event.contest.code, event.code))!;
    const frozen = await boardPage(board, FROZEN, null);
    expect(frozen.rows.map((r) => [r.entryNumber, r.total, r.rank])).toEqual([
      ["X1", 8000, 1],
      ["X2", 7000, 2],
    ]);
    const live = await boardPage(board, LIVE, null);
    expect(live.rows.map((r) => r.entryNumber)).toEqual(["X2", "X1"]);
    expect((await myRank(board, FROZEN, "X2"))?.me.rank).toBe(2);

    await setBoardSettings(admin?.id ?? 0, event.id, { freezeAt: null, standingsBestN: 2 });
    expect(await prisma.frozenResult.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("finds my rank by the short entry number or a name within the event", async () => {
    const event = await createBoardEvent();
    const other = await createBoardEvent();
    const org = await createOrganisation({ name: "丙公司" });
    const board = (await findBoardEvent(event.contest.code, event.code))!;
    const n = (seq: number) => formatEntryNumber(board.contest.code, board.code, seq);
    await setResult(await createEntry(event.id, org.id, n(1), "王五"), 9000);
    await setResult(await createEntry(event.id, org.id, n(2), "赵六"), 8000);
    await setResult(await createEntry(event.id, org.id, n(3), "赵六"), 7000);
    await createEntry(event.id, org.id, n(4), "钱七");
    await setResult(await createEntry(other.id, org.id, "X-0001", "孙八"), 9000);
    const look = (entry: string) =>
      loadBoard(board, { frozen: false, hidden: false }, { after: null, q: "", entry });

    for (const typed of ["0002", "2", ` ${n(2).toLowerCase()} `, n(2)]) {
      const found = await look(typed);
      expect(found.mine?.me.entryNumber, typed).toBe(n(2));
      expect(found.mine?.me.rank, typed).toBe(2);
    }
    expect((await look("王五")).mine?.me.entryNumber).toBe(n(1));
    // Two entries of one name: neither is guessed, the page asks for the number.
    expect(await look("赵六")).toMatchObject({ mine: null, sameName: 2 });
    // No result yet, no such number, another event's competitor, zero: nothing.
    for (const typed of ["钱七", "0009", "孙八", "0"]) {
      expect(await look(typed), typed).toMatchObject({ mine: null, sameName: 0 });
    }
  });

  it("finds a team's rank by the team's name, and only in its own event", async () => {
    const event = await createBoardEvent({ mode: "team" });
    const other = await createBoardEvent({ mode: "team" });
    const org = await createOrganisation({ name: "丁公司" });
    const board = (await findBoardEvent(event.contest.code, event.code))!;
    const teamEntry = (eventId: number, entryNumber: string, name: string) =>
      write(async (tx) => {
        const team = await tx.team.create({ data: { eventId, organisationId: org.id, name } });
        return tx.registration.create({
          data: {
            eventId,
            organisationId: org.id,
            teamId: team.id,
            status: "checked_in",
            entryNumber,
          },
        });
      });
    await setResult(await teamEntry(event.id, "T-1", "飞鹰队"), 9000);
    await setResult(await teamEntry(event.id, "T-2", "猎豹队"), 8000);
    await setResult(await teamEntry(other.id, "T-1", "海燕队"), 9500);
    const look = (entry: string) =>
      loadBoard(board, { frozen: false, hidden: false }, { after: null, q: "", entry });
    expect((await look("猎豹队")).mine?.me).toMatchObject({ entryNumber: "T-2", rank: 2 });
    expect(await look("海燕队")).toMatchObject({ mine: null, sameName: 0 });
  });
});
