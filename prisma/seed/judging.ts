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
      status: "in_progress",
      noticeDays: 5,
    },
  });
  ctx.contestIds.set(JUDGING_DEMO_CONTEST, contest.id);
  const event = await tx.event.create({
    data: {
      contestId: contest.id,
      code: "OFFICE",
      name: "办公软件应用",
      category: "信息技术",
      trade: "办公软件应用",
      aggregation: "trimmed_mean",
      tieBreaks: JSON.stringify([{ kind: "part", part: "practical" }]),
      prizeRules: JSON.stringify([
        { tier: "first", count: 1 },
        { tier: "second", count: 1 },
        { tier: "third", count: 1, minTotal: 3000 },
      ]),
      quotaPerOrg: 2,
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
      fullMark: 10000,
      sortOrder: 1,
      criteria: {
        create: [
          { code: "P1", name: "文档排版", type: "measurement", maxMark: 4000, sortOrder: 0 },
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
            sortOrder: 1,
          },
          {
            code: "P3",
            name: "演示文稿设计",
            subCriterion: "C",
            type: "judgement",
            maxMark: 3000,
            sortOrder: 2,
          },
        ],
      },
    },
  });
  await tx.judgeAssignment.create({ data: { eventId: event.id, userId: chief, isChief: true } });
  for (const id of judges)
    await tx.judgeAssignment.create({ data: { eventId: event.id, userId: id! } });

  // Entrants: the two demo worker accounts and one worker of 丝路数据 (none of the panel's units).
  const workerIds: { workerId: number; organisationId: number }[] = [];
  for (const username of ["worker", "worker2"]) {
    const user = await tx.user.findUnique({
      where: { username },
      select: { workerId: true, organisationId: true },
    });
    if (user?.workerId && user.organisationId)
      workerIds.push({ workerId: user.workerId, organisationId: user.organisationId });
  }
  const silk = ctx.workersByOrg.get("silk-data")?.[0];
  const silkOrg = ctx.orgId.get("silk-data");
  if (silk && silkOrg !== undefined) workerIds.push({ workerId: silk.id, organisationId: silkOrg });
  const codes = assignBlindCodes(
    workerIds.map((_, i) => String(i)),
    ctx.rng,
  );
  for (const [i, w] of workerIds.entries()) {
    await tx.registration.create({
      data: {
        eventId: event.id,
        organisationId: w.organisationId,
        workerId: w.workerId,
        status: "approved",
        entryNumber: formatEntryNumber(JUDGING_DEMO_CONTEST, "OFFICE", i + 1),
        blindCode: codes.find((c) => c.entryId === String(i))!.blindCode,
        decidedAt: new Date("2026-11-10T00:00:00+08:00"),
      },
    });
  }
};
