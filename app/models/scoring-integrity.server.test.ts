// Issue 15, scoring integrity: each defect reproduced on the model as it was reported, and
// each new rule (reserve judges, theory cap, recheck before lock, standardised precision)
// exercised through the models the routes call.
import { describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { drawRechecks } from "~/domain/judging/recheck";
import { decideAppeal, lodgeAppeal, startAppealReview } from "~/models/appeals.server";
import { saveEvent, updateContest } from "~/models/contest-admin.server";
import { assignJudges, panelReport } from "~/models/judging.server";
import { correctMarks, loadScoreSheet } from "~/models/marks.server";
import { loadSchemeEditor, saveEventRules, savePartScheme } from "~/models/marking-scheme.server";
import { eventProgress, eventReadiness, lockEvent } from "~/models/readiness.server";
import {
  assignRecheck,
  completeRecheck,
  recheckBoard,
  saveRecheckConfig,
  selectRechecks,
} from "~/models/recheck.server";
import { publishEvent, receiptFor } from "~/models/results.server";
import { TOP_ADMIN, createUser } from "~/test/factories";
import {
  createJudgedEvent,
  markEntry,
  saveSheet,
  type JudgedEvent,
} from "~/test/judging-factories";
import { expectEventConsistent } from "~/test/result-consistency";

const codes = (problems: readonly { code: string }[]) => problems.map((p) => p.code);

describe("a panel too small after recusal is never silent", () => {
  it("names the reason and what to do on the workbench, for the organiser and in the lock refusal; a reserve judge cures it", async () => {
    const ev = await createJudgedEvent();
    const recused = await ev.addRecusedEntry();
    await markEntry(ev, ev.entries.entryB.id, ["2", "2", "2"], ["30", "30", "30"]);
    await markEntry(ev, ev.entries.entryC.id, ["2", "2", "2"], ["25", "25", "25"]);
    // Only the chief may mark the company-A entry: one judge for a WorldSkills aspect (P1)
    // and a trimmed-mean aspect (P2), both of which need three.
    expect(
      (await saveSheet(ev, recused.id, ev.judges.chief.id, { t1: "90", p1: "3", p2: "35" })).ok,
    ).toBe(true);

    const progress = await eventProgress(ev.eventId, ev.judges.chief.id);
    const row = progress!.entries.find((e) => e.blindCode === "AAAAA1")!;
    expect(row.missing).toEqual([]);
    expect(row.total).toBeNull();
    expect(row.reasons).toEqual([
      {
        code: "judging.reason.panel_too_small",
        params: { blindCode: "AAAAA1", criterion: "P1/P2", judges: 1, need: 3 },
      },
    ]);
    expect(progress).toMatchObject({ incomplete: 0, blocked: 1 });

    const refused = await lockEvent(ev.eventId, ev.judges.chief.id);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems).toEqual(row.reasons);

    // The organiser sees it before and after marking: by organisation, and by entry.
    const report = await panelReport(ev.eventId);
    expect(report.coverage).toEqual([
      {
        organisation: ev.orgs.companyA.name,
        entries: 1,
        judges: 1,
        shortfalls: [
          { criterion: "P1", judges: 1, need: 3, exact: true },
          { criterion: "P2", judges: 1, need: 3, exact: false },
        ],
      },
    ]);
    expect(report.blocked.map((b) => b.organisation)).toEqual([ev.orgs.companyA.name]);

    // Marking has started: regular judges can no longer change, reserves can be added.
    const reserve2 = await createUser({ role: "judge", organisationId: ev.orgs.companyC.id });
    const panel = [ev.judges.chief.id, ev.judges.judgeA.id, ev.judges.judgeU.id];
    expect(
      await assignJudges(
        TOP_ADMIN.scope,
        ev.eventId,
        { judgeIds: [...panel, ev.judges.judge3.id], chiefId: ev.judges.chief.id },
        ev.judges.chief.id,
      ),
    ).toEqual({ ok: false, problems: [{ code: "judging.judges.cannot_remove", params: {} }] });
    expect(
      await assignJudges(
        TOP_ADMIN.scope,
        ev.eventId,
        {
          judgeIds: [...panel, ev.judges.judge3.id, reserve2.id],
          chiefId: ev.judges.chief.id,
          reserveIds: [ev.judges.judge3.id, reserve2.id],
        },
        ev.judges.chief.id,
      ),
    ).toEqual({ ok: true, value: undefined });
    // The reserves join only the short panel, after the chief, so no number changes.
    expect((await panelReport(ev.eventId)).coverage).toEqual([]);
    const stillComplete = await eventProgress(ev.eventId, ev.judges.chief.id);
    expect(
      stillComplete!.entries.find((e) => e.blindCode === ev.entries.entryB.blindCode),
    ).toMatchObject({
      status: "complete",
      missing: [],
    });
    expect((await saveSheet(ev, recused.id, ev.judges.judge3.id, { p1: "3", p2: "30" })).ok).toBe(
      true,
    );
    expect((await saveSheet(ev, recused.id, reserve2.id, { p1: "2", p2: "20" })).ok).toBe(true);
    // A reserve does not mark the entries whose regular panel is full.
    expect(await loadScoreSheet(ev.eventId, ev.entries.entryB.id, ev.judges.judge3.id)).toBeNull();
    expect(await lockEvent(ev.eventId, ev.judges.chief.id)).toEqual({ ok: true });
    await expectEventConsistent(ev.eventId);
  });

  it("says so when every judge is recused", async () => {
    const ev = await createJudgedEvent();
    await write((tx) =>
      tx.judgeAssignment.deleteMany({
        where: { eventId: ev.eventId, userId: ev.judges.chief.id },
      }),
    );
    await ev.addRecusedEntry();
    // The organiser's reading names the entry.
    const readiness = await eventReadiness(prisma, ev.eventId);
    const row = readiness!.entries.find((e) => e.blindCode === "AAAAA1")!;
    expect(row.reasons).toEqual([
      { code: "judging.reason.panel_empty", params: { blindCode: "AAAAA1" } },
    ]);
    expect(row.presiderId).toBeNull();
    // A judge recused from it sees neither its blind code nor its reason, only that entries
    // they are recused from have no total, on the workbench and in the lock refusal.
    const judge = await eventProgress(ev.eventId, ev.judges.judgeA.id);
    expect(judge!.entries.map((e) => e.blindCode)).not.toContain("AAAAA1");
    // Without the chief every panel has two judges: the entries judgeA presides over are short too.
    expect(judge).toMatchObject({ blocked: 2, blockedByOthers: 1, presidedByOthers: 1 });
    const refused = await lockEvent(ev.eventId, ev.judges.judgeA.id);
    expect(JSON.stringify(refused)).not.toContain("AAAAA1");
    expect(refused).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        { code: "judging.reason.presided_by_others", params: { n: 1 } },
      ]),
    });
  });
});

describe("prize rules that cannot work are refused at save", () => {
  const rules = (
    prizes: { tier: string; kind: "share" | "count"; value: number; minTotal: number | null }[],
  ) => ({ aggregation: "trimmed_mean" as const, tieBreaks: [], prizes });

  it("refuses shares over 100%, counts over the field and minimum totals above the full mark, on their fields", async () => {
    const ev = await createJudgedEvent();
    const before = (await prisma.event.findUnique({ where: { id: ev.eventId } }))!.prizeRules;
    const shares = await saveEventRules(
      TOP_ADMIN.scope,
      ev.eventId,
      rules([
        { tier: "first", kind: "share", value: 60, minTotal: null },
        { tier: "second", kind: "share", value: 60, minTotal: null },
      ]),
      ev.judges.chief.id,
    );
    expect(shares.ok).toBe(false);
    if (shares.ok) return;
    // One problem, on each share field.
    expect(codes(shares.problems)).toEqual([
      "scoring.prize_shares_exceed_total",
      "scoring.prize_shares_exceed_total",
    ]);
    expect(shares.problems.map((p) => p.field).sort()).toEqual(["firstValue", "secondValue"]);

    const field = await saveEventRules(
      TOP_ADMIN.scope,
      ev.eventId,
      rules([
        { tier: "first", kind: "count", value: 3, minTotal: 10001 },
        { tier: "second", kind: "share", value: 50, minTotal: null },
      ]),
      ev.judges.chief.id,
    );
    expect(field.ok).toBe(false);
    if (field.ok) return;
    expect(field.problems).toEqual([
      {
        code: "scoring.prize_count_over_field",
        params: { tier: "first", count: 3, field: 2 },
        field: "firstValue",
      },
      {
        code: "scoring.prize_min_total_over_full",
        params: { tier: "first", minTotal: "100.01", fullMark: "100.00" },
        field: "firstMin",
      },
    ]);
    const together = await saveEventRules(
      TOP_ADMIN.scope,
      ev.eventId,
      rules([
        { tier: "first", kind: "count", value: 1, minTotal: null },
        { tier: "second", kind: "share", value: 100, minTotal: null },
      ]),
      ev.judges.chief.id,
    );
    const placesOver = { code: "scoring.prize_places_over_field", params: { places: 3, field: 2 } };
    expect(together).toEqual({
      ok: false,
      problems: [
        { ...placesOver, field: "firstValue" },
        { ...placesOver, field: "secondValue" },
      ],
    });
    // Nothing was stored.
    expect((await prisma.event.findUnique({ where: { id: ev.eventId } }))!.prizeRules).toBe(before);
    const good = await saveEventRules(
      TOP_ADMIN.scope,
      ev.eventId,
      rules([
        { tier: "first", kind: "share", value: 50, minTotal: 6000 },
        { tier: "second", kind: "count", value: 1, minTotal: null },
      ]),
      ev.judges.chief.id,
    );
    expect(good).toEqual({ ok: true });
  });

  it("keeps totals flowing and tells the chief and the organiser when stored rules cannot work", async () => {
    const ev = await createJudgedEvent({
      prizes: [
        { tier: "first", share: 60 },
        { tier: "second", share: 60 },
      ],
    });
    await markEntry(ev, ev.entries.entryB.id, ["2", "2", "2"], ["30", "30", "30"]);
    // The sheet saves wrote the entry's total, so the board is not empty.
    const result = await prisma.result.findUnique({
      where: { registrationId: ev.entries.entryB.id },
    });
    expect(result?.total).not.toBeNull();
    const expected = [{ code: "scoring.prize_shares_exceed_total", params: { share: "120" } }];
    expect((await eventProgress(ev.eventId, ev.judges.chief.id))!.configuration).toEqual(expected);
    expect((await loadSchemeEditor(TOP_ADMIN.scope, ev.eventId))!.problems).toEqual(expected);
    await markEntry(ev, ev.entries.entryC.id, ["2", "2", "2"], ["25", "25", "25"]);
    const refused = await lockEvent(ev.eventId, ev.judges.chief.id);
    expect(refused).toEqual({ ok: false, problems: expected });
  });

  it("refuses marks while the scheme cannot compute a total, so the scheme stays fixable", async () => {
    const ev = await createJudgedEvent();
    await write((tx) => tx.eventPart.update({ where: { id: ev.theoryId }, data: { weight: 40 } }));
    const refused = await saveSheet(ev, ev.entries.entryB.id, ev.judges.chief.id, {
      t1: "80",
      p1: "2",
      p2: "30",
    });
    expect(refused).toEqual({
      ok: false,
      problems: [{ code: "scoring.part_weights_sum", params: { sum: "110" } }],
    });
    expect(await prisma.mark.count({ where: { registrationId: ev.entries.entryB.id } })).toBe(0);
  });
});

/** Both entries marked, locked and published; entry C's unit appeals and is reviewed. */
async function publishedWithAppeal(ev: JudgedEvent) {
  const { entryB, entryC } = ev.entries;
  await markEntry(ev, entryB.id, ["2", "2", "2"], ["30", "30", "30"]);
  await markEntry(ev, entryC.id, ["2", "2", "2"], ["28", "28", "28"]);
  expect((await lockEvent(ev.eventId, ev.judges.chief.id)).ok).toBe(true);
  expect((await publishEvent(ev.eventId, ev.judges.chief.id)).ok).toBe(true);
  const lodged = await lodgeAppeal({
    registrationId: entryC.id,
    organisationId: ev.orgs.companyB.id,
    userId: ev.manager.id,
    text: "实操评分项P2的评分与现场记录不一致，请复核。",
  });
  if (!lodged.ok) throw new Error("not lodged");
  const action = {
    appealId: lodged.value,
    eventId: ev.eventId,
    registrationId: entryC.id,
    judgeId: ev.judges.chief.id,
  };
  expect((await startAppealReview(action)).ok).toBe(true);
  return action;
}

describe("every stored figure follows every change", () => {
  it("moves rank, prize and standardised score with an appeal correction, before the decision", async () => {
    const ev = await createJudgedEvent();
    const action = await publishedWithAppeal(ev);
    await expectEventConsistent(ev.eventId);
    const cells = Object.fromEntries(
      [ev.judges.chief.id, ev.judges.judgeA.id, ev.judges.judgeU.id].map((j) => [
        `${ev.p2}:${j}`,
        "35",
      ]),
    );
    const corrected = await correctMarks({
      eventId: ev.eventId,
      registrationId: ev.entries.entryC.id,
      chiefId: ev.judges.chief.id,
      cells,
      reason: "申诉复核：P2 按现场记录改判",
    });
    expect(corrected).toEqual({ ok: true, value: { changed: 3 } });
    // The corrected entry now leads: its stored rank and prize say so, and so does the board.
    await expectEventConsistent(ev.eventId);
    const rows = await prisma.result.findMany({
      where: { eventId: ev.eventId },
      orderBy: { registrationId: "asc" },
    });
    expect(rows.map((r) => [r.rank, r.prize])).toEqual([
      [2, "second"],
      [1, "first"],
    ]);
    // The decision still compares with what was published when the review started.
    expect(
      (
        await decideAppeal({
          ...action,
          outcome: "upheld",
          note: "申诉成立",
        })
      ).ok,
    ).toBe(true);
    const appeal = await prisma.appeal.findUnique({ where: { id: action.appealId } });
    expect(JSON.parse(appeal!.decision!)).toMatchObject({
      rankBefore: 2,
      rankAfter: 1,
      othersMoved: 1,
    });
    await expectEventConsistent(ev.eventId);
  });

  it("stays consistent through sheet saves, corrections and a lock", async () => {
    const ev = await createJudgedEvent();
    await markEntry(ev, ev.entries.entryB.id, ["3", "2", "2"], ["30", "35", "20"]);
    await expectEventConsistent(ev.eventId);
    await markEntry(ev, ev.entries.entryC.id, ["1", "2", "2"], ["30", "35", "20"], "70");
    await correctMarks({
      eventId: ev.eventId,
      registrationId: ev.entries.entryC.id,
      chiefId: ev.judges.chief.id,
      cells: { [`${ev.p2}:${ev.judges.judgeA.id}`]: "38" },
      reason: "核对原始记录",
    });
    await expectEventConsistent(ev.eventId);
    expect((await lockEvent(ev.eventId, ev.judges.chief.id)).ok).toBe(true);
    await expectEventConsistent(ev.eventId);
  });
});

describe("the theory cap", () => {
  const eventInput = (theory: number) => ({
    sides: [],
    code: "CAP",
    name: "理论占比测试",
    category: "",
    trade: "",
    mode: "individual" as const,
    teamMin: 1,
    teamMax: 1,
    substitutes: 0,
    quotaPerOrg: null,
    cap: null,
    minAge: null,
    maxAge: null,
    minSkillLevel: null,
    unionMemberRequired: false,
    rounds: [
      {
        stage: "final" as const,
        advanceCount: null,
        parts: [
          { kind: "theory" as const, weight: theory },
          { kind: "practical" as const, weight: 100 - theory },
        ],
      },
    ],
  });

  it("refuses an event above its contest's cap (the kind's default unless the contest sets one), naming the cap", async () => {
    const ev = await createJudgedEvent();
    const admin = TOP_ADMIN;
    const refused = await saveEvent(admin, ev.contestId, null, eventInput(40));
    expect(refused).toEqual({
      ok: false,
      problems: [
        { code: "rules.event_theory_over_cap", params: { stage: "final", weight: 40, cap: 30 } },
      ],
    });
    const contest = (await prisma.contest.findUnique({ where: { id: ev.contestId } }))!;
    const contestInput = {
      coOrganiserIds: [],
      code: contest.code,
      kind: contest.kind,
      name: contest.name,
      organiserId: contest.organiserId,
      description: "",
      rules: "",
      registrationOpensAt: null,
      registrationClosesAt: null,
      startsAt: null,
      endsAt: null,
    };
    expect(await updateContest(admin, ev.contestId, { ...contestInput, theoryCapPct: 40 })).toEqual(
      { ok: true, value: { id: ev.contestId } },
    );
    const saved = await saveEvent(admin, ev.contestId, null, eventInput(40));
    expect(saved?.ok).toBe(true);
    // Lowering the cap below an existing event is refused, naming the event.
    expect(await updateContest(admin, ev.contestId, { ...contestInput, theoryCapPct: 35 })).toEqual(
      {
        ok: false,
        problems: [
          {
            code: "rules.event_theory_over_cap",
            params: { stage: "final", weight: 40, cap: 35, subject: "理论占比测试" },
          },
        ],
      },
    );
  });

  it("refuses a part weight above the cap in the marking scheme, and a lock of an event above it", async () => {
    const ev = await createJudgedEvent();
    const part = await savePartScheme({
      scope: TOP_ADMIN.scope,
      eventId: ev.eventId,
      partId: ev.theoryId,
      weight: 35,
      fullMark: 10000,
      rows: [{ code: "T1", name: "理论", type: "measurement", maxMark: "100" }],
      actorId: ev.judges.chief.id,
    });
    expect(part).toEqual({
      ok: false,
      problems: [
        { code: "rules.event_theory_over_cap", params: { stage: "final", weight: 35, cap: 30 } },
      ],
    });
    const over = await createJudgedEvent({ theoryWeight: 40 });
    await markEntry(over, over.entries.entryB.id, ["2", "2", "2"], ["30", "30", "30"]);
    await markEntry(over, over.entries.entryC.id, ["2", "2", "2"], ["25", "25", "25"]);
    expect(await lockEvent(over.eventId, over.judges.chief.id)).toEqual({
      ok: false,
      problems: [
        { code: "rules.event_theory_over_cap", params: { stage: "final", weight: 40, cap: 30 } },
      ],
    });
  });
});

describe("recheck before lock (复核)", () => {
  it("selects the top N and a recorded random share, rechecks by another judge, orders a full re-review on errors, then locks", async () => {
    const ev = await createJudgedEvent();
    const entryD = await ev.addEntry(ev.orgs.companyC.id, "DDDDD4");
    const entryE = await ev.addEntry(ev.orgs.companyB.id, "EEEEE5");
    const { chief, judgeA, judge3 } = ev.judges;
    const rechecker2 = await createUser({ role: "judge", organisationId: ev.orgs.federation.id });
    // Top 1 in full, at least 50% of the other three (2), full re-review above 5%.
    expect(
      await saveRecheckConfig(ev.eventId, { topN: 1, shareBp: 5000, errorBp: 500 }, chief.id),
    ).toEqual({ ok: true, value: null });
    expect(
      await saveRecheckConfig(ev.eventId, { topN: 1, shareBp: 10001, errorBp: 500 }, chief.id),
    ).toMatchObject({ ok: false, problems: [{ field: "share" }] });

    // Marks must be in first: the top N depends on the final ranking.
    await markEntry(ev, ev.entries.entryB.id, ["3", "3", "3"], ["38", "38", "38"], "90");
    expect(await selectRechecks(ev.eventId, chief.id)).toEqual({
      ok: false,
      problems: [{ code: "recheck.select.incomplete", params: { n: 3 } }],
    });
    await markEntry(ev, ev.entries.entryC.id, ["2", "2", "2"], ["30", "30", "30"]);
    await markEntry(ev, entryD.id, ["2", "2", "2"], ["28", "28", "28"]);
    await markEntry(ev, entryE.id, ["1", "1", "1"], ["20", "20", "20"], "60");
    expect(await lockEvent(ev.eventId, chief.id)).toEqual({
      ok: false,
      problems: [{ code: "judging.lock.recheck_unselected", params: { n: 3 } }],
    });

    const seed = "00112233445566778899aabbccddeeff";
    expect(await selectRechecks(ev.eventId, judgeA.id, seed)).toMatchObject({ ok: false });
    const selection = await selectRechecks(ev.eventId, chief.id, seed);
    expect(selection).toMatchObject({ ok: true, value: { selected: 1, drawn: 2 } });
    const draw = await prisma.recheckDraw.findFirstOrThrow({ where: { eventId: ev.eventId } });
    const candidates = [ev.entries.entryC.id, entryD.id, entryE.id].sort((a, b) => a - b);
    expect(JSON.parse(draw.candidates)).toEqual(candidates);
    // Anyone can repeat the draw from what was recorded.
    expect(JSON.parse(draw.drawn)).toEqual(
      drawRechecks(candidates.map(String), 2, seed).map(Number),
    );
    const rows = await prisma.recheck.findMany({
      where: { eventId: ev.eventId },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.registrationId, r.reason])).toEqual([
      [ev.entries.entryB.id, "top"],
      ...JSON.parse(draw.drawn).map((id: number) => [id, "random"]),
    ]);

    // A judge who marked the entry, or is recused from it, cannot recheck it.
    const top = rows[0]!;
    expect(await assignRecheck(ev.eventId, chief.id, top.id, judgeA.id)).toEqual({
      ok: false,
      problems: [{ code: "recheck.assign.not_eligible", params: {} }],
    });
    for (const r of rows)
      expect(await assignRecheck(ev.eventId, chief.id, r.id, judge3.id)).toMatchObject({
        ok: r.registrationId !== entryD.id,
      });
    const forD = rows.find((r) => r.registrationId === entryD.id);
    if (forD)
      expect((await assignRecheck(ev.eventId, chief.id, forD.id, rechecker2.id)).ok).toBe(true);
    const board = await recheckBoard(ev.eventId);
    expect(board!.rechecks.find((r) => r.id === top.id)!.eligible.map((j) => j.id)).not.toContain(
      judgeA.id,
    );

    // The top entry's theory mark was misread: the difference is a correction with a reason.
    const cellsOf = async (registrationId: number) => {
      const marks = await prisma.mark.findMany({ where: { registrationId } });
      return Object.fromEntries(
        marks.map((m) => [
          m.criterionId === ev.t1 ? `${m.criterionId}:0` : `${m.criterionId}:${m.judgeId}`,
          m.criterionId === ev.p1 ? String(m.value) : (m.value / 100).toFixed(2),
        ]),
      );
    };
    const withFix = { ...(await cellsOf(ev.entries.entryB.id)), [`${ev.t1}:0`]: "85" };
    expect(
      await completeRecheck({ recheckId: top.id, judgeId: judge3.id, cells: withFix, reason: "" }),
    ).toEqual({ ok: false, problems: [{ code: "recheck.sheet.reason_required", params: {} }] });
    expect(
      await completeRecheck({
        recheckId: top.id,
        judgeId: judge3.id,
        cells: withFix,
        reason: "理论试卷复核：第 12 题误判，实得 85 分",
      }),
    ).toEqual({ ok: true, value: { differences: 1, fullReviewOrdered: false } });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: ev.entries.entryB.id, action: "mark.recheck" },
    });
    expect(audit).toMatchObject({
      actorId: judge3.id,
      reason: "理论试卷复核：第 12 题误判，实得 85 分",
    });
    expect(JSON.parse(audit.after!)).toMatchObject({ criterion: "T1", value: 8500 });
    await expectEventConsistent(ev.eventId);

    const refused = await lockEvent(ev.eventId, chief.id);
    expect(refused).toEqual({
      ok: false,
      problems: [{ code: "judging.lock.recheck_pending", params: { n: 2 } }],
    });
    // The sample completes clean: 1 of 3 rechecks found differences, 33% > 5%.
    let ordered = false;
    for (const r of rows.slice(1)) {
      const done = await completeRecheck({
        recheckId: r.id,
        judgeId: r.registrationId === entryD.id ? rechecker2.id : judge3.id,
        cells: await cellsOf(r.registrationId),
        reason: "",
      });
      expect(done.ok).toBe(true);
      if (done.ok) ordered = done.value.fullReviewOrdered;
    }
    expect(ordered).toBe(true);
    expect(await lockEvent(ev.eventId, chief.id)).toEqual({
      ok: false,
      problems: [
        {
          code: "judging.lock.recheck_full_review",
          params: { rate: "33.33", threshold: "5", n: 1 },
        },
      ],
    });
    const full = await selectRechecks(ev.eventId, chief.id);
    expect(full).toMatchObject({ ok: true, value: { selected: 1, drawn: 0 } });
    const last = await prisma.recheck.findFirstOrThrow({
      where: { eventId: ev.eventId, reason: "full" },
    });
    const lastJudge = last.registrationId === entryD.id ? rechecker2.id : judge3.id;
    expect((await assignRecheck(ev.eventId, chief.id, last.id, lastJudge)).ok).toBe(true);

    // A judge's later change to a rechecked entry reopens its recheck.
    expect(
      (await saveSheet(ev, rows[1]!.registrationId, judgeA.id, { p1: "1", p2: "20" })).ok,
    ).toBe(true);
    const reopened = await prisma.recheck.findUniqueOrThrow({ where: { id: rows[1]!.id } });
    expect(reopened.status).toBe("assigned");
    const reopenedJudge = rows[1]!.registrationId === entryD.id ? rechecker2.id : judge3.id;
    for (const [id, registrationId, judgeId] of [
      [last.id, last.registrationId, lastJudge],
      [rows[1]!.id, rows[1]!.registrationId, reopenedJudge],
    ] as const)
      expect(
        (
          await completeRecheck({
            recheckId: id,
            judgeId,
            cells: await cellsOf(registrationId),
            reason: "",
          })
        ).ok,
      ).toBe(true);
    expect(await lockEvent(ev.eventId, chief.id)).toEqual({ ok: true });
    await expectEventConsistent(ev.eventId);

    // The receipt says the entry was rechecked, and how.
    expect((await publishEvent(ev.eventId, chief.id)).ok).toBe(true);
    const receipt = await receiptFor(ev.entries.entryB.id);
    expect(receipt?.recheck).toMatchObject({ reason: "top", differences: 1 });
  });

  it("asks for nothing when the event has no recheck rule", async () => {
    const ev = await createJudgedEvent();
    await markEntry(ev, ev.entries.entryB.id, ["2", "2", "2"], ["30", "30", "30"]);
    await markEntry(ev, ev.entries.entryC.id, ["2", "2", "2"], ["25", "25", "25"]);
    expect(await selectRechecks(ev.eventId, ev.judges.chief.id)).toEqual({
      ok: false,
      problems: [{ code: "recheck.select.not_required", params: {} }],
    });
    expect(await lockEvent(ev.eventId, ev.judges.chief.id)).toEqual({ ok: true });
  });
});

describe("standardised scores keep the raw order", () => {
  it("stores enough decimals that totals 0.01 apart keep distinct scores", async () => {
    const ev = await createJudgedEvent();
    const more = await Promise.all(
      ["FFFFF6", "GGGGG7", "HHHHH8"].map((code) => ev.addEntry(ev.orgs.companyC.id, code)),
    );
    // Theory 80.00 and 80.03 at 30% → totals differ by one centimark; others far apart.
    await markEntry(ev, ev.entries.entryB.id, ["2", "2", "2"], ["30", "30", "30"], "80");
    await markEntry(ev, ev.entries.entryC.id, ["2", "2", "2"], ["30", "30", "30"], "80.03");
    await markEntry(ev, more[0]!.id, ["3", "3", "3"], ["40", "40", "40"], "100");
    await markEntry(ev, more[1]!.id, ["0", "0", "0"], ["5", "5", "5"], "20");
    await markEntry(ev, more[2]!.id, ["1", "1", "1"], ["10", "10", "10"], "40");
    expect((await lockEvent(ev.eventId, ev.judges.chief.id)).ok).toBe(true);
    const results = await prisma.result.findMany({ where: { eventId: ev.eventId } });
    const b = results.find((r) => r.registrationId === ev.entries.entryB.id)!;
    const c = results.find((r) => r.registrationId === ev.entries.entryC.id)!;
    expect(c.total! - b.total!).toBe(1);
    const event = await prisma.event.findUniqueOrThrow({ where: { id: ev.eventId } });
    expect(event.standardisedDecimals).toBeGreaterThan(0);
    const shown = (units: number) => (units / 10000).toFixed(event.standardisedDecimals);
    expect(shown(c.standardised!)).not.toBe(shown(b.standardised!));
    expect(Number(shown(c.standardised!))).toBeGreaterThan(Number(shown(b.standardised!)));
    await expectEventConsistent(ev.eventId);
  });
});
