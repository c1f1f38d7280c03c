import { describe, expect, it } from "vitest";
import { bulkWrite, prisma } from "~/db.server";
import { rebuildAllRankingTables } from "~/models/ranking-tables.server";
import { lockEvent } from "~/models/readiness.server";
import { computeEvent, publishEvent } from "~/models/results.server";
import {
  correctMarks,
  findSheetToSave,
  loadScoreSheet,
  saveScoreSheet,
} from "~/models/marks.server";
import { judgeEntry, judgeWorklist } from "~/models/judging.server";
import {
  decideAppeal,
  lodgeAppeal,
  parseDecision,
  startAppealReview,
} from "~/models/appeals.server";
import { createJudgedEvent, markEntry, saveSheet as save } from "~/test/judging-factories";

describe("marks", () => {
  it("saves a sheet, audits every mark and keeps the Result equal to a fresh computation", async () => {
    const ev = await createJudgedEvent();
    const reg = ev.entries.entryB.id;
    await markEntry(ev, reg, ["3", "2", "2"], ["30", "35", "20"]);
    // Theory 80.00 × 30% = 24.00; P1 60 × 7/9 = 46.67; P2 trimmed mean of 30/35/20 = 30.00;
    // practical 76.67 × 70% = 53.67 → 77.67.
    const result = await prisma.result.findUnique({ where: { registrationId: reg } });
    expect(result).toMatchObject({ total: 7767, complete: true });
    const fresh = await computeEvent(prisma, ev.eventId);
    if (!fresh?.results.ok) throw new Error("invalid");
    expect(fresh.results.value.entries.find((e) => e.entryId === String(reg))?.total).toBe(7767);
    const audit = await prisma.auditLog.findMany({
      where: { entityType: "Registration", entityId: reg, action: "mark.save" },
    });
    expect(audit).toHaveLength(7);
    expect(JSON.parse(audit[0]!.after!)).toEqual({
      criterion: "T1",
      judgeNo: 1,
      value: 8000,
      display: "80.00",
    });
    expect((await prisma.event.findUnique({ where: { id: ev.eventId } }))?.status).toBe("scoring");
    expect(await prisma.scoreCount.count({ where: { eventId: ev.eventId } })).toBe(1);
  });

  it("writes rows Prisma reads back, and ranking tables equal to a rebuild after saves that move totals", async () => {
    const ev = await createJudgedEvent();
    await markEntry(ev, ev.entries.entryB.id, ["3", "2", "2"], ["30", "35", "20"]);
    await markEntry(ev, ev.entries.entryC.id, ["1", "2", "2"], ["30", "35", "20"], "70");
    // Re-saves that move a total, then a correction clears a mark so an entry drops out of
    // the ranking (a judge's draft cannot: drafts never reach the results).
    expect(
      (await save(ev, ev.entries.entryB.id, ev.judges.chief.id, { t1: "95", p1: "3", p2: "30" }))
        .ok,
    ).toBe(true);
    expect(
      await correctMarks({
        eventId: ev.eventId,
        registrationId: ev.entries.entryC.id,
        chiefId: ev.judges.chief.id,
        cells: { [`${ev.p2}:${ev.judges.judgeA.id}`]: "" },
        reason: "原始记录缺失",
      }),
    ).toEqual({ ok: true, value: { changed: 1 } });

    const sheets = await prisma.scoreSheet.findMany({
      where: { registrationId: ev.entries.entryB.id },
    });
    expect(
      sheets.every((s) => s.updatedAt instanceof Date && !Number.isNaN(s.updatedAt.getTime())),
    ).toBe(true);
    expect(sheets.every((s) => s.status === "submitted" && s.submittedAt instanceof Date)).toBe(
      true,
    );
    const marks = await prisma.mark.findMany({ where: { registrationId: ev.entries.entryB.id } });
    expect(
      marks.every((m) => m.updatedAt instanceof Date && !Number.isNaN(m.updatedAt.getTime())),
    ).toBe(true);
    const results = await prisma.result.findMany({
      where: { eventId: ev.eventId },
      orderBy: { registrationId: "asc" },
    });
    const fresh = await computeEvent(prisma, ev.eventId);
    if (!fresh?.results.ok) throw new Error("invalid");
    for (const r of results) {
      const computed = fresh.results.value.entries.find(
        (e) => e.entryId === String(r.registrationId),
      );
      expect(r.total).toBe(computed?.status === "complete" ? computed.total : null);
      expect(r.complete).toBe(computed?.status === "complete");
    }
    expect(results.find((r) => r.registrationId === ev.entries.entryC.id)?.rankKey).toBeNull();

    const tables = async () => ({
      counts: await prisma.scoreCount.findMany({
        where: { eventId: ev.eventId, count: { not: 0 } },
        orderBy: { rankKey: "asc" },
      }),
      buckets: await prisma.scoreBucket.findMany({
        where: { eventId: ev.eventId, count: { not: 0 } },
        orderBy: [{ level: "asc" }, { bucket: "asc" }],
      }),
      standings: await prisma.orgStanding.findMany({
        where: { eventId: ev.eventId },
        orderBy: { organisationId: "asc" },
      }),
    });
    const incremental = await tables();
    expect(incremental.counts.reduce((n, c) => n + c.count, 0)).toBe(1);
    await bulkWrite((db) => rebuildAllRankingTables(db));
    expect(await tables()).toEqual(incremental);
  });

  it("validates marks against their maximum and stores nothing from a bad sheet", async () => {
    const ev = await createJudgedEvent();
    const result = await save(ev, ev.entries.entryB.id, ev.judges.chief.id, {
      t1: "100.01",
      p1: "4",
      p2: "12",
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: "judging.sheet.mark_above_max", params: {}, field: String(ev.t1) },
        { code: "judging.sheet.point_invalid", params: {}, field: String(ev.p1) },
      ],
    });
    expect(await prisma.mark.count({ where: { registrationId: ev.entries.entryB.id } })).toBe(0);
    const incomplete = await save(ev, ev.entries.entryB.id, ev.judges.chief.id, { t1: "90" }, true);
    expect(incomplete.ok).toBe(false);
    expect((await save(ev, ev.entries.entryB.id, ev.judges.chief.id, { t1: "90" }, false)).ok).toBe(
      true,
    );
  });

  it("recuses judges from their own unit's and their parent union's entries, in worklists and by id", async () => {
    const ev = await createJudgedEvent();
    const recused = await ev.addRecusedEntry();
    const { judgeA, judgeU, chief, judge3 } = ev.judges;
    const codes = async (userId: number, orgId: number) =>
      (await judgeWorklist(ev.eventId, userId, orgId)).map((w) => w.blindCode);
    expect(await codes(judgeA.id, ev.orgs.companyA.id)).toEqual(["BBBBB2", "CCCCC3"]);
    expect(await codes(judgeU.id, ev.orgs.union.id)).toEqual(["BBBBB2", "CCCCC3"]);
    expect(await codes(chief.id, ev.orgs.federation.id)).toEqual(["AAAAA1", "BBBBB2", "CCCCC3"]);
    expect(await judgeEntry(ev.eventId, "AAAAA1", judgeA.id)).toBeNull();
    expect(await judgeEntry(ev.eventId, "AAAAA1", chief.id)).toMatchObject({
      id: recused.id,
      presiding: true,
    });
    expect(await loadScoreSheet(ev.eventId, recused.id, judgeA.id)).toBeNull();
    expect(await loadScoreSheet(ev.eventId, ev.entries.entryB.id, judge3.id)).toBeNull();
    // By blind code, as the judge's sheet page opens it: the same panel decides.
    expect(await loadScoreSheet(ev.eventId, { blindCode: "AAAAA1" }, judgeA.id)).toBeNull();
    expect(await loadScoreSheet(ev.eventId, { blindCode: "BBBBB2" }, judge3.id)).toBeNull();
    expect(await loadScoreSheet(ev.eventId, { blindCode: "ZZZZZ9" }, chief.id)).toBeNull();
    expect(await loadScoreSheet(ev.eventId + 1_000, { blindCode: "AAAAA1" }, chief.id)).toBeNull();
    expect(await loadScoreSheet(ev.eventId, { blindCode: " aaaaa1 " }, chief.id)).toMatchObject({
      registrationId: recused.id,
      blindCode: "AAAAA1",
    });
    expect(await loadScoreSheet(ev.eventId, { blindCode: "BBBBB2" }, judgeA.id)).toMatchObject({
      registrationId: ev.entries.entryB.id,
    });
    // A save finds the sheet by the same rules, and the same fields (without marks or versions).
    expect(await findSheetToSave(ev.eventId, "AAAAA1", judgeA.id)).toBeNull();
    expect(await findSheetToSave(ev.eventId, "BBBBB2", judge3.id)).toBeNull();
    expect(await findSheetToSave(ev.eventId, "ZZZZZ9", chief.id)).toBeNull();
    expect(await findSheetToSave(ev.eventId + 1_000, "AAAAA1", chief.id)).toBeNull();
    const opened = (await loadScoreSheet(ev.eventId, { blindCode: "AAAAA1" }, chief.id))!;
    expect(await findSheetToSave(ev.eventId, " aaaaa1 ", chief.id)).toEqual({
      registrationId: recused.id,
      blindCode: "AAAAA1",
      parts: opened.parts.map(({ id, name, weight, criteria }) => ({ id, name, weight, criteria })),
    });
    const forced = await saveScoreSheet({
      eventId: ev.eventId,
      registrationId: recused.id,
      judgeId: judgeU.id,
      versions: {},
      marks: { [ev.p1]: "3" },
      submit: false,
    });
    expect(forced).toEqual({
      ok: false,
      problems: [{ code: "judging.sheet.not_found", params: {} }],
    });
  });

  it("refuses a stale form instead of overwriting a newer mark", async () => {
    const ev = await createJudgedEvent();
    const reg = ev.entries.entryB.id;
    const judge = ev.judges.judgeA.id;
    const stale = await loadScoreSheet(ev.eventId, reg, judge);
    expect((await save(ev, reg, judge, { p1: "2", p2: "25" })).ok).toBe(true);
    const result = await saveScoreSheet({
      eventId: ev.eventId,
      registrationId: reg,
      judgeId: judge,
      versions: Object.fromEntries(stale!.parts.map((p) => [p.id, p.version])),
      marks: { [ev.p1]: "1", [ev.p2]: "10" },
      submit: false,
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ code: "judging.sheet.conflict", params: {} }],
    });
    const marks = await prisma.mark.findMany({
      where: { registrationId: reg, judgeId: judge },
      orderBy: { criterionId: "asc" },
    });
    expect(marks.map((m) => m.value)).toEqual([2, 2500]);
    // A chief's correction also moves the judge's sheet on.
    const before = await loadScoreSheet(ev.eventId, reg, judge);
    await correctMarks({
      eventId: ev.eventId,
      registrationId: reg,
      chiefId: ev.judges.chief.id,
      cells: { [`${ev.p2}:${judge}`]: "26" },
      reason: "核对原始记录",
    });
    const afterCorrection = await saveScoreSheet({
      eventId: ev.eventId,
      registrationId: reg,
      judgeId: judge,
      versions: Object.fromEntries(before!.parts.map((p) => [p.id, p.version])),
      marks: { [ev.p1]: "2", [ev.p2]: "25" },
      submit: false,
    });
    expect(afterCorrection).toEqual({
      ok: false,
      problems: [{ code: "judging.sheet.conflict", params: {} }],
    });
  });

  it("blocks locking on a WorldSkills disagreement until the chief resolves it; after locking marks are closed", async () => {
    const ev = await createJudgedEvent();
    await markEntry(ev, ev.entries.entryB.id, ["3", "1", "2"], ["30", "35", "20"]);
    await markEntry(ev, ev.entries.entryC.id, ["2", "2", "2"], ["20", "25", "20"], "70");
    const refused = await lockEvent(ev.eventId, ev.judges.chief.id);
    expect(refused).toEqual({
      ok: false,
      problems: [{ code: "judging.lock.disagreements", params: { n: 1 } }],
    });
    const fixed = await correctMarks({
      eventId: ev.eventId,
      registrationId: ev.entries.entryB.id,
      chiefId: ev.judges.chief.id,
      cells: { [`${ev.p1}:${ev.judges.judgeA.id}`]: "2" },
      reason: "裁判协调后改判",
    });
    expect(fixed).toEqual({ ok: true, value: { changed: 1 } });
    expect(await lockEvent(ev.eventId, ev.judges.chief.id)).toEqual({ ok: true });
    const results = await prisma.result.findMany({
      where: { eventId: ev.eventId },
      orderBy: { rank: "asc" },
    });
    expect(results.map((r) => [r.registrationId, r.rank, r.prize])).toEqual([
      [ev.entries.entryB.id, 1, "first"],
      [ev.entries.entryC.id, 2, "second"],
    ]);
    expect(results.every((r) => r.standardised !== null)).toBe(true);
    expect(
      (await save(ev, ev.entries.entryB.id, ev.judges.judgeA.id, { p1: "3", p2: "40" })).ok,
    ).toBe(false);
    const correction = await correctMarks({
      eventId: ev.eventId,
      registrationId: ev.entries.entryB.id,
      chiefId: ev.judges.chief.id,
      cells: { [`${ev.p2}:${ev.judges.judgeA.id}`]: "1" },
      reason: "x",
    });
    expect(correction).toEqual({
      ok: false,
      problems: [{ code: "judging.review.closed", params: {} }],
    });
  });

  it("runs an appeal: lodged in the window, reviewed, upheld with new ranks; refused after the window", async () => {
    const ev = await createJudgedEvent({ noticeDays: 5 });
    const { entryB, entryC } = ev.entries;
    await markEntry(ev, entryB.id, ["2", "2", "2"], ["30", "30", "30"]);
    await markEntry(ev, entryC.id, ["2", "2", "2"], ["28", "28", "28"]);
    expect((await lockEvent(ev.eventId, ev.judges.chief.id)).ok).toBe(true);
    const publishedAt = new Date();
    expect((await publishEvent(ev.eventId, ev.judges.chief.id, publishedAt)).ok).toBe(true);
    // Its only event published with every entry totalled, the contest follows: 已公布成绩.
    const contest = await prisma.contest.findFirstOrThrow({
      where: { events: { some: { id: ev.eventId } } },
      select: { id: true, status: true },
    });
    expect(contest.status).toBe("results_published");
    expect(
      await prisma.auditLog.count({
        where: { entityType: "Contest", entityId: contest.id, action: "contest.status" },
      }),
    ).toBe(1);
    // Publication of a skills contest proposes its top finishers for the technical-expert title.
    const proposed = await prisma.nominationRound.findFirst({
      where: { sourceEventId: ev.eventId },
      include: { nominations: true },
    });
    expect(proposed).toMatchObject({ kind: "technical_expert", status: "draft" });
    expect(proposed?.nominations.length).toBeGreaterThan(0);

    const lodged = await lodgeAppeal({
      registrationId: entryC.id,
      organisationId: ev.orgs.companyB.id,
      userId: ev.manager.id,
      text: "实操评分项P2的评分与现场记录不一致，请复核。",
    });
    expect(lodged.ok).toBe(true);
    const otherOrg = await lodgeAppeal({
      registrationId: entryC.id,
      organisationId: ev.orgs.companyC.id,
      userId: ev.manager.id,
      text: "不属于本单位的选手申诉",
    });
    expect(otherOrg).toEqual({
      ok: false,
      problems: [{ code: "judging.appeal.not_found", params: {} }],
    });
    const id = lodged.ok ? lodged.value : 0;
    const action = { appealId: id, eventId: ev.eventId, registrationId: entryC.id };
    expect((await startAppealReview({ ...action, judgeId: ev.judges.judgeA.id })).ok).toBe(false);
    expect((await startAppealReview({ ...action, judgeId: ev.judges.chief.id })).ok).toBe(true);
    const cells = Object.fromEntries(
      [ev.judges.chief.id, ev.judges.judgeA.id, ev.judges.judgeU.id].map((j) => [
        `${ev.p2}:${j}`,
        "35",
      ]),
    );
    expect(
      await correctMarks({
        eventId: ev.eventId,
        registrationId: entryC.id,
        chiefId: ev.judges.chief.id,
        cells,
        reason: "申诉复核：P2 按现场记录改判",
      }),
    ).toEqual({ ok: true, value: { changed: 3 } });
    expect(
      (
        await decideAppeal({
          ...action,
          judgeId: ev.judges.chief.id,
          outcome: "upheld",
          note: "申诉成立",
        })
      ).ok,
    ).toBe(true);

    const appeal = await prisma.appeal.findUnique({ where: { id } });
    const decision = parseDecision(appeal!.decision);
    expect(appeal!.status).toBe("upheld");
    expect(decision).toMatchObject({ rankBefore: 2, rankAfter: 1, othersMoved: 1 });
    expect(decision!.changedMarks).toHaveLength(3);
    const ranks = await prisma.result.findMany({
      where: { eventId: ev.eventId },
      orderBy: { registrationId: "asc" },
    });
    expect(ranks.map((r) => r.rank)).toEqual([2, 1]);
    const trail = await prisma.auditLog.findMany({
      where: { entityType: "Registration", entityId: entryC.id },
      orderBy: { id: "asc" },
    });
    expect(trail.map((a) => a.action).slice(-5)).toEqual([
      "appeal.review",
      "mark.correct",
      "mark.correct",
      "mark.correct",
      "appeal.decide",
    ]);

    const late = await lodgeAppeal({
      registrationId: entryB.id,
      organisationId: ev.orgs.companyB.id,
      userId: ev.manager.id,
      text: "公示期结束后提出的申诉，应被拒绝。",
      now: new Date(publishedAt.getTime() + 6 * 24 * 3600 * 1000),
    });
    expect(late.ok === false && late.problems[0]?.code).toBe("judging.appeal.window_closed");
  });
});
