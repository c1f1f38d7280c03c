// Judging demo data: blind codes for the skills contest's approved entries (judges see only
// these), and a small digital-skills contest already in scoring whose panel is exactly the
// chief judge, judge2 and judge3, with a WorldSkills-method aspect and a trimmed-mean one.
import { assignBlindCodes } from "~/domain/registration/blind-codes";
import { formatEntryNumber } from "~/domain/registration/entry-numbers";
import type { SeedExtension } from "./context";

export const JUDGING_DEMO_CONTEST = "XA2026DIGI";

export const seedJudging: SeedExtension = async (tx, ctx) => {
  const skillsId = ctx.contestIds.get("XA2026SKILLS");
  if (skillsId !== undefined) {
    const events = await tx.event.findMany({
      where: { contestId: skillsId },
      select: { id: true },
    });
    for (const event of events) {
      const coded = await tx.registration.count({
        where: { eventId: event.id, blindCode: { not: null } },
      });
      if (coded > 0) continue;
      const entries = await tx.registration.findMany({
        where: { eventId: event.id, status: { in: ["approved", "checked_in"] } },
        select: { id: true },
      });
      for (const a of assignBlindCodes(
        entries.map((e) => String(e.id)),
        ctx.rng,
      )) {
        await tx.registration.update({
          where: { id: Number(a.entryId) },
          data: { blindCode: a.blindCode },
        });
      }
    }
  }

  const xa = ctx.orgId.get("xa");
  const chief = ctx.userId.get("chief");
  const judges = ["judge2", "judge3"].map((u) => ctx.userId.get(u));
  if (xa === undefined || chief === undefined || judges.some((j) => j === undefined)) return;

  const contest = await tx.contest.create({
    data: {
      code: JUDGING_DEMO_CONTEST,
      kind: "skills_contest",
      name: "2026年西安市职工数字技能竞赛",
      organiserId: xa,
      description:
        "面向全市职工的办公软件应用技能竞赛。理论知识占30%，实际操作占70%；实操评分采用加密号。",
      rules: "成绩公示期5天，公示期内参赛单位可提出书面申诉。",
      startsAt: new Date("2026-11-20T00:00:00+08:00"),
      endsAt: new Date("2026-11-21T00:00:00+08:00"),
      year: 2026,
      status: "in_progress",
      noticeDays: 5,
    },
  });
  ctx.contestIds.set(JUDGING_DEMO_CONTEST, contest.id);

  // Entrants: the two demo worker accounts and one worker of 丝路数据 (none of the panel's units).
  const entrants: Entrant[] = [];
  for (const username of ["worker", "worker2"]) {
    const user = await tx.user.findUnique({
      where: { username },
      select: { workerId: true, organisationId: true },
    });
    if (user?.workerId && user.organisationId)
      entrants.push({ workerId: user.workerId, organisationId: user.organisationId });
  }
  const silk = ctx.workersByOrg.get("silk-data")?.[0];
  const silkOrg = ctx.orgId.get("silk-data");
  if (silk && silkOrg !== undefined) entrants.push({ workerId: silk.id, organisationId: silkOrg });
  await createDemoEvent(tx, ctx, {
    contestId: contest.id,
    code: "OFFICE",
    name: "办公软件应用",
    sortOrder: 0,
    prizeRules: [
      { tier: "first", count: 1 },
      { tier: "second", count: 1 },
      { tier: "third", count: 1, minTotal: 3000 },
    ],
    practical: [
      { code: "P1", name: "文档排版", type: "measurement", maxMark: 4000 },
      {
        code: "P2",
        name: "数据处理与图表",
        subCriterion: "B",
        type: "judgement",
        maxMark: 3000,
        aggregation: "worldskills",
        descriptors: JSON.stringify([
          { level: 0, text: "未达到行业标准" },
          { level: 1, text: "达到行业标准" },
          { level: 2, text: "达到并在某些方面超过行业标准" },
          { level: 3, text: "完全超过行业标准，表现优秀" },
        ]),
      },
      { code: "P3", name: "演示文稿设计", subCriterion: "C", type: "judgement", maxMark: 3000 },
    ],
    entrants,
  });
};

/**
 * A second event of the digital-skills contest for recheck before lock (复核): three
 * entrants of the same three units, the same panel, a theory exam and one judged task. It
 * starts with no recheck rule; the organiser sets one (e2e/recheck.spec.ts walks it through).
 */
export const seedRecheckDemo: SeedExtension = async (tx, ctx) => {
  const contestId = ctx.contestIds.get(JUDGING_DEMO_CONTEST);
  if (contestId === undefined) return;
  // The second worker of each unit: the demo accounts' own receipts stay one per event.
  const entrants = ["qinling-soft", "qinchuan-cnc", "silk-data"].flatMap((key) => {
    const worker = ctx.workersByOrg.get(key)?.[1];
    const organisationId = ctx.orgId.get(key);
    return worker && organisationId !== undefined ? [{ workerId: worker.id, organisationId }] : [];
  });
  await createDemoEvent(tx, ctx, {
    contestId,
    code: "SHEET",
    name: "电子表格应用",
    sortOrder: 1,
    prizeRules: [
      { tier: "first", count: 1 },
      { tier: "second", count: 1 },
    ],
    practical: [{ code: "P1", name: "报表设计与公式", type: "judgement", maxMark: 10000 }],
    entrants,
  });
};

type Entrant = { workerId: number; organisationId: number };

/**
 * An event of the digital-skills contest: theory exam 30% (one measurement), practical task
 * 70% with the given criteria, panel chief judge + judge2 + judge3, approved blind-coded
 * entries numbered in the order given.
 */
async function createDemoEvent(
  tx: Parameters<SeedExtension>[0],
  ctx: Parameters<SeedExtension>[1],
  spec: {
    contestId: number;
    code: string;
    name: string;
    sortOrder: number;
    prizeRules: unknown[];
    practical: {
      code: string;
      name: string;
      type: "measurement" | "judgement";
      maxMark: number;
      subCriterion?: string;
      aggregation?: string;
      descriptors?: string;
    }[];
    entrants: Entrant[];
  },
) {
  const chief = ctx.userId.get("chief");
  const judges = ["judge2", "judge3"].map((u) => ctx.userId.get(u));
  if (chief === undefined || judges.some((j) => j === undefined)) return;
  const event = await tx.event.create({
    data: {
      contestId: spec.contestId,
      code: spec.code,
      name: spec.name,
      category: "信息技术",
      trade: "办公软件应用",
      aggregation: "trimmed_mean",
      tieBreaks: JSON.stringify([{ kind: "part", part: "practical" }]),
      prizeRules: JSON.stringify(spec.prizeRules),
      quotaPerOrg: 2,
      sortOrder: spec.sortOrder,
    },
  });
  await tx.eventPart.create({
    data: {
      eventId: event.id,
      kind: "theory",
      name: "理论知识",
      weight: 30,
      fullMark: 10000,
      sortOrder: 0,
      criteria: {
        create: [
          { code: "T1", name: "理论考试", type: "measurement", maxMark: 10000, sortOrder: 0 },
        ],
      },
    },
  });
  await tx.eventPart.create({
    data: {
      eventId: event.id,
      kind: "practical",
      name: "实际操作",
      weight: 70,
      fullMark: spec.practical.reduce((sum, c) => sum + c.maxMark, 0),
      sortOrder: 1,
      criteria: { create: spec.practical.map((c, i) => ({ ...c, sortOrder: i })) },
    },
  });
  await tx.judgeAssignment.create({ data: { eventId: event.id, userId: chief, isChief: true } });
  for (const id of judges)
    await tx.judgeAssignment.create({ data: { eventId: event.id, userId: id! } });
  const codes = assignBlindCodes(
    spec.entrants.map((_, i) => String(i)),
    ctx.rng,
  );
  for (const [i, e] of spec.entrants.entries()) {
    await tx.registration.create({
      data: {
        eventId: event.id,
        organisationId: e.organisationId,
        workerId: e.workerId,
        status: "approved",
        entryNumber: formatEntryNumber(JUDGING_DEMO_CONTEST, spec.code, i + 1),
        blindCode: codes.find((c) => c.entryId === String(i))!.blindCode,
        decidedAt: new Date("2026-11-10T00:00:00+08:00"),
      },
    });
  }
}
