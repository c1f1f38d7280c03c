// Demo data for labour competitions: indicators, units with headcounts, and scored
// months with one veto and the red flags that follow from the domain rules.
import {
  rankPeriod,
  redFlagWinner,
  scorePeriod,
  type IndicatorConfig,
  type LabourIndicator,
  type UnitPeriodInput,
  type VetoReason,
} from "~/domain/labour";
import { appendAudit } from "~/models/audit.server";
import type { SeedExtension } from "./context";

const INDICATORS: IndicatorConfig[] = [
  { indicator: "quality", weight: 25, method: "panel" },
  { indicator: "safety", weight: 25, method: "panel" },
  { indicator: "schedule", weight: 20, method: "measurement" },
  { indicator: "innovation", weight: 10, method: "measurement" },
  { indicator: "output", weight: 10, method: "measurement" },
  { indicator: "participation", weight: 10, method: "measurement", perHeadcount: true },
];

type Period = {
  name: string;
  from: string;
  to: string;
  closed: boolean;
  veto?: { org: string; reason: VetoReason };
};

const COMPETITIONS: {
  code: string;
  units: [org: string, headcount: number, output: number][];
  periods: Period[];
}[] = [
  {
    code: "XA2026GAMES",
    units: [
      ["games-venue", 780, 5200],
      ["huaqin-build", 2100, 9800],
      ["yungou-bim", 320, 1300],
      ["changan-heat", 530, 2400],
      ["xa-metro", 3100, 8800],
      ["xa-gas", 720, 2900],
    ],
    periods: [
      { name: "2026年8月", from: "2026-08-01", to: "2026-08-31", closed: true },
      {
        name: "2026年9月",
        from: "2026-09-01",
        to: "2026-09-30",
        closed: true,
        veto: { org: "xa-metro", reason: "serious_safety_accident" },
      },
      { name: "2026年10月", from: "2026-10-01", to: "2026-10-31", closed: true },
      { name: "2026年11月", from: "2026-11-01", to: "2026-11-28", closed: false },
    ],
  },
  {
    code: "WN2026SBSZ",
    units: [
      ["wn-bridge", 420, 6100],
      ["wn-expressway", 360, 5400],
      ["wn-changrong", 300, 3900],
      ["wn-power", 640, 4700],
      ["wn-cement", 560, 3300],
    ],
    periods: [
      { name: "第三季度", from: "2026-07-01", to: "2026-09-30", closed: true },
      {
        name: "10月",
        from: "2026-10-01",
        to: "2026-10-31",
        closed: true,
        veto: { org: "wn-cement", reason: "serious_quality_accident" },
      },
      { name: "11月", from: "2026-11-01", to: "2026-11-30", closed: false },
    ],
  },
];

const at = (day: string, time = "00:00:00") => new Date(`${day}T${time}+08:00`);

export const seedLabour: SeedExtension = async (tx, ctx) => {
  const between = (lo: number, hi: number) => lo + Math.round(ctx.rng() * (hi - lo) * 100) / 100;
  const adminId = ctx.userId.get("admin") ?? null;
  for (const competition of COMPETITIONS) {
    const contestId = ctx.contestIds.get(competition.code);
    if (contestId === undefined) continue;
    const indicatorId = new Map<LabourIndicator, number>();
    for (const [i, c] of INDICATORS.entries()) {
      const row = await tx.labourIndicator.create({
        data: {
          contestId,
          code: c.indicator,
          name: c.indicator,
          weight: c.weight,
          method: c.method,
          perHead: c.perHeadcount ?? false,
          sortOrder: i,
        },
      });
      indicatorId.set(c.indicator, row.id);
    }
    const orgIds = new Map(competition.units.map(([org]) => [org, ctx.orgId.get(org) ?? 0]));
    for (const [org, headcount] of competition.units) {
      await tx.labourParticipant.create({
        data: { contestId, organisationId: orgIds.get(org) ?? 0, headcount },
      });
    }
    for (const [order, period] of competition.periods.entries()) {
      const row = await tx.labourPeriod.create({
        data: {
          contestId,
          name: period.name,
          startsOn: at(period.from),
          endsOn: at(period.to, "23:59:59"),
          status: "open",
          sortOrder: order + 1,
        },
      });
      const inputs: UnitPeriodInput[] = competition.units.map(([org, headcount, output]) => ({
        unitId: org,
        headcount,
        measurements: {
          schedule: between(88, 100),
          innovation: Math.round(between(1, 9)),
          output: Math.round(output * between(0.85, 1.15)),
          participation: Math.round(headcount * between(0.6, 1.6)),
        },
        panelMarks: {
          quality: Math.round(between(82, 97) * 100),
          safety: Math.round(between(85, 98) * 100),
        },
        vetoes: period.veto?.org === org ? [period.veto.reason] : [],
      }));
      // The open month has some units reported and waiting for the panel.
      const reporting = period.closed ? inputs : inputs.slice(0, 3);
      const ranking = rankPeriod(scorePeriod(INDICATORS, reporting).units);
      const flag = redFlagWinner(ranking);
      for (const input of reporting) {
        const entry = ranking.find((r) => r.unitId === input.unitId);
        const submission = await tx.labourSubmission.create({
          data: {
            periodId: row.id,
            organisationId: orgIds.get(input.unitId) ?? 0,
            status: period.closed ? "scored" : "submitted",
            evidence: `${period.name}监理验收记录、安全检查台账及产值月报（编号 ${competition.code}-${order + 1}-${input.unitId}）`,
            vetoed: period.closed && (input.vetoes ?? []).length > 0,
            vetoReason: period.closed ? (input.vetoes?.[0] ?? null) : null,
            score: period.closed ? (entry?.score ?? null) : null,
            rank: period.closed ? (entry?.rank ?? null) : null,
            submittedAt: at(period.to, "17:30:00"),
            scoredAt: period.closed ? at(period.to, "23:00:00") : null,
          },
        });
        for (const [code, id] of indicatorId) {
          const value = input.measurements?.[code];
          const mark = input.panelMarks?.[code];
          if (value === undefined && (mark === undefined || !period.closed)) continue;
          await tx.labourFigure.create({
            data: {
              submissionId: submission.id,
              indicatorId: id,
              value: value === undefined ? null : Math.round(value * 100),
              panelMark: period.closed && mark !== undefined ? mark : null,
            },
          });
        }
      }
      if (period.closed) {
        const redFlagOrgId = flag.kind === "winner" ? (orgIds.get(flag.unitId) ?? null) : null;
        await tx.labourPeriod.update({
          where: { id: row.id },
          data: { status: "closed", redFlagOrgId },
        });
        await appendAudit(tx, {
          actorId: adminId,
          action: "labour.period.close",
          entityType: "LabourPeriod",
          entityId: row.id,
          after: { redFlagOrgId, seeded: true },
        });
      }
    }
  }
};
