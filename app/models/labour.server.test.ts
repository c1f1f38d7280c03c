import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createOrganisation, createUser, organiserOf } from "~/test/factories";
import { createContest } from "~/test/quiz-factories";
import {
  closePeriod,
  createPeriod,
  getLabourContest,
  labourBoard,
  saveIndicators,
  saveParticipant,
  savePanelScore,
  submitUnitFigures,
} from "./labour.server";

describe("labour competition periods", () => {
  it("scores units, zeroes a vetoed unit, awards the red flag and builds the board", async () => {
    const union = await createOrganisation({ kind: "federation" });
    const admin = organiserOf(
      (await createUser({ role: "admin", organisationId: union.id })).id,
      union,
    );
    const [a, b, c] = [
      await createOrganisation({ name: "甲项目部", parentId: union.id }),
      await createOrganisation({ name: "乙项目部", parentId: union.id }),
      await createOrganisation({ name: "丙项目部", parentId: union.id }),
    ];
    if (!a || !b || !c) throw new Error("orgs");
    const created = await createContest("labour_competition", union.id);
    const bad = await saveIndicators(admin, created.id, [
      { code: "safety", weight: 60, method: "panel", perHead: false },
    ]);
    expect(bad).toEqual({
      ok: false,
      problems: [{ code: "rules.labour_indicator_weights_sum", params: { sum: 60 } }],
    });
    expect(
      await saveIndicators(admin, created.id, [
        { code: "safety", weight: 50, method: "panel", perHead: false },
        { code: "participation", weight: 50, method: "measurement", perHead: true },
      ]),
    ).toEqual({ ok: true, value: undefined });
    expect(await saveParticipant(admin, created.id, a.id, 100)).toEqual({
      ok: true,
      value: undefined,
    });
    await saveParticipant(admin, created.id, b.id, 1000);
    await saveParticipant(admin, created.id, c.id, 200);
    // A unit outside the union's tree cannot join its competition.
    const outsider = await createOrganisation({ name: "外市项目部" });
    expect(await saveParticipant(admin, created.id, outsider.id, 50)).toEqual({
      ok: false,
      problems: [{ code: "labour.form.unit", params: {}, field: "organisationId" }],
    });
    let contest = await getLabourContest(created.code);
    if (!contest) throw new Error("contest");
    const safety = contest.labourIndicators.find((i) => i.code === "safety")?.id ?? 0;
    const participation = contest.labourIndicators.find((i) => i.code === "participation")?.id ?? 0;
    const period = await createPeriod(admin, contest.id, {
      name: "第1期",
      startsOn: new Date("2026-12-01"),
      endsOn: new Date("2026-12-15"),
    });
    if (!period) throw new Error("period");

    // b has the most participations in total but the fewest per head.
    expect(
      await submitUnitFigures(
        period,
        a.id,
        { values: [{ indicatorId: participation, value: 9000 }], evidence: "台账" },
        admin.id,
      ),
    ).toEqual({ ok: true, value: undefined });
    const figures = (p: number, s: number) => [
      { indicatorId: safety, value: null, panelMark: s },
      { indicatorId: participation, value: p, panelMark: null },
    ];
    await savePanelScore(admin, period, a.id, { figures: figures(9000, 9000), veto: null });
    await savePanelScore(admin, period, b.id, { figures: figures(50000, 9500), veto: null });
    await savePanelScore(admin, period, c.id, {
      figures: figures(30000, 9900),
      veto: "serious_safety_accident",
    });
    // Once scored, the unit can no longer overwrite its figures.
    expect(
      await submitUnitFigures(
        period,
        a.id,
        { values: [{ indicatorId: participation, value: 1 }], evidence: "改" },
        admin.id,
      ),
    ).toEqual({ ok: false, problems: [{ code: "labour.submission.locked", params: {} }] });

    contest = await getLabourContest(created.code);
    if (!contest) throw new Error("contest");
    const outcome = await closePeriod(admin, contest, period.id);
    expect(outcome).toMatchObject({ ok: true, value: { redFlagOrgId: a.id, tie: [] } });
    expect(await closePeriod(admin, contest, period.id)).toEqual({
      ok: false,
      problems: [{ code: "labour.close.not_open", params: {} }],
    });

    const subs = await prisma.labourSubmission.findMany({
      where: { periodId: period.id },
      orderBy: { rank: "asc" },
    });
    // a: 90 safety, 90 per head (best) → 95; b: 95 safety, 50/90 per head → 47.5 + 27.78; c vetoed → 0, last.
    expect(subs.map((s) => [s.organisationId, s.score, s.rank, s.vetoed])).toEqual([
      [a.id, 9500, 1, false],
      [b.id, 7528, 2, false],
      [c.id, 0, 3, true],
    ]);
    const board = await labourBoard(contest);
    expect(board.cumulative.map((e) => [e.unitId, e.rank, e.redFlags])).toEqual([
      [String(a.id), 1, 1],
      [String(b.id), 2, 0],
      [String(c.id), 3, 0],
    ]);
    expect(board.series[0]?.points).toHaveLength(1);
    const audit = await prisma.auditLog.count({
      where: { entityType: "LabourPeriod", entityId: period.id, action: "labour.period.close" },
    });
    expect(audit).toBe(1);
  });
});
