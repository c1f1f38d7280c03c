// Federations (issue 17): contests run by district unions, jointly across the two cities, and
// a simulated collective-bargaining contest (模拟集体协商: teams negotiating for the workers'
// or the employer's side, judged); honours rounds of a district union and of Weinan; and the
// open tasks an organiser's home lists (entries to review with eligibility or quota problems,
// events without judges or marking scheme, a notice ending this week with an objection, a
// quiz closing). Dates of the tasks are relative to the day the seed runs, so the demo always
// has a week ahead of it.
import { assignBlindCodes } from "~/domain/registration/blind-codes";
import { formatEntryNumber } from "~/domain/registration/entry-numbers";
import { REVIEW_CHECKLIST_ITEMS, rulesFromSettings } from "~/domain/honours";
import { refreshEntryResult, writeEventRanks } from "~/models/results.server";
import type { Prisma } from "~/generated/prisma/client";
import type { SeedContext, SeedExtension, SeededWorker } from "./context";

type Tx = Prisma.TransactionClient;

const at = (day: string, time = "00:00:00") => new Date(`${day}T${time}+08:00`);
const DAY = 86_400_000;

function idOf(ctx: SeedContext, key: string): number {
  const id = ctx.orgId.get(key);
  if (id === undefined) throw new Error(`unknown organisation ${key}`);
  return id;
}

function workersOf(ctx: SeedContext, key: string): SeededWorker[] {
  return ctx.workersByOrg.get(key) ?? [];
}

export const seedFederations: SeedExtension = async (tx, ctx) => {
  const now = new Date();
  await seedDistrictContest(tx, ctx);
  await seedJointContest(tx, ctx);
  await seedCollectiveBargaining(tx, ctx);
  await seedRounds(tx, ctx, now);
  await seedClosingQuiz(tx, ctx, now);
  await seedHonours2026(tx, ctx);
};

/**
 * This year's honours entered in the registry (conferred outside a round on the platform):
 * Xi'an's craftsmen and Weinan's May Day medals, with women, a manager and migrant workers
 * among them, so the year's ratio checks have something to check.
 */
async function seedHonours2026(tx: Tx, ctx: SeedContext) {
  const awards: [org: string, index: number, kind: string, body: string, citation: string][] = [
    [
      "huaqin-build",
      3,
      "craftsman",
      "西安市总工会",
      "装配式建筑钢筋加工能手，带领班组完成场馆钢结构节点深化。",
    ],
    ["games-venue", 1, "craftsman", "西安市总工会", "场馆幕墙安装班长，高空作业零事故。"],
    ["xa-metro", 2, "craftsman", "西安市总工会", "城轨信号检修骨干，独创道岔故障快速诊断法。"],
    [
      "changan-auto",
      1,
      "craftsman",
      "西安市总工会",
      "汽车零部件精密检测能手，检测误差控制在两微米以内。",
    ],
    ["qinchuan-cnc", 5, "craftsman", "西安市总工会", "数控车间主任，主持五轴加工工艺标准化。"],
    [
      "wn-bridge",
      1,
      "may_day_medal",
      "渭南市总工会",
      "桥梁预制梁场技术骨干，攻克大体积混凝土温控难题。",
    ],
    [
      "wn-expressway",
      1,
      "may_day_medal",
      "渭南市总工会",
      "高速公路路基施工班组长，带领农民工兄弟提前完成节点工期。",
    ],
    ["wn-hospital", 2, "may_day_medal", "渭南市总工会", "院前急救医生，年出诊一千二百余次。"],
  ];
  for (const [org, index, kind, conferringBody, citation] of awards) {
    const worker = workersOf(ctx, org)[index];
    if (!worker) continue;
    await tx.honourAward.create({
      data: {
        kind,
        level: "city",
        year: 2026,
        conferringBody,
        citation,
        recipientKind: "worker",
        recipientName: worker.name,
        workerId: worker.id,
        organisationId: idOf(ctx, org),
      },
    });
  }
}

/** 高新区's own contest: entries waiting for review, one too young in skill, one over quota. */
async function seedDistrictContest(tx: Tx, ctx: SeedContext) {
  const gaoxin = idOf(ctx, "xa-gaoxin");
  const contest = await tx.contest.create({
    data: {
      code: "GX2026SOFT",
      kind: "skills_contest",
      name: "2026年西安高新区职工软件开发技能竞赛",
      organiserId: gaoxin,
      year: 2026,
      description: "高新区工会面向区内软件和集成电路企业职工举办的软件开发技能竞赛。",
      rules: "每个参赛单位限报2人；参赛选手须为工会会员，技能等级中级及以上。",
      registrationOpensAt: at("2026-11-01"),
      registrationClosesAt: at("2026-12-20"),
      startsAt: at("2026-12-26"),
      endsAt: at("2026-12-26"),
      status: "registration_open",
    },
  });
  ctx.contestIds.set(contest.code, contest.id);
  const event = await tx.event.create({
    data: {
      contestId: contest.id,
      code: "WEB",
      name: "Web应用开发",
      category: "信息技术",
      trade: "计算机程序设计员",
      quotaPerOrg: 2,
      minAge: 18,
      maxAge: 50,
      minSkillLevel: "intermediate",
      unionMemberRequired: true,
      parts: {
        create: [
          { kind: "theory", name: "理论知识", weight: 30, sortOrder: 0 },
          { kind: "practical", name: "技能操作", weight: 70, sortOrder: 1 },
        ],
      },
    },
  });
  // Workers other than the demo accounts (the first of each organisation).
  const entrants: { org: string; worker: SeededWorker; status: string }[] = [];
  const qinling = workersOf(ctx, "qinling-soft");
  const silk = workersOf(ctx, "silk-data");
  const chip = workersOf(ctx, "gaoxin-chip");
  for (const w of [qinling[2], qinling[3]])
    if (w) entrants.push({ org: "qinling-soft", worker: w, status: "approved" });
  // 丝路数据 enters three for a quota of two: first a junior (below the minimum level), and the
  // third lies beyond its two places in submission order.
  for (const w of [silk[silk.length - 1], silk[1], silk[2]])
    if (w) entrants.push({ org: "silk-data", worker: w, status: "submitted" });
  for (const w of [chip[1]])
    if (w) entrants.push({ org: "gaoxin-chip", worker: w, status: "submitted" });
  let seq = 0;
  for (const e of entrants) {
    const approved = e.status === "approved";
    if (approved) seq += 1;
    await tx.registration.create({
      data: {
        eventId: event.id,
        organisationId: idOf(ctx, e.org),
        workerId: e.worker.id,
        status: e.status,
        entryNumber: approved ? formatEntryNumber(contest.code, event.code, seq) : null,
        decidedAt: approved ? at("2026-11-20") : null,
        submittedAt: at("2026-11-18"),
      },
    });
  }
}

/** Weinan runs a welding invitational jointly with Xi'an's construction union (联合主办). */
async function seedJointContest(tx: Tx, ctx: SeedContext) {
  const contest = await tx.contest.create({
    data: {
      code: "XW2026WELD",
      kind: "skills_contest",
      name: "2026年西安·渭南职工焊工技能邀请赛",
      organiserId: idOf(ctx, "wn"),
      year: 2026,
      description: "渭南市总工会与西安市建设建材工会联合举办，两市重点项目焊工同台竞技。",
      registrationOpensAt: at("2026-10-15"),
      registrationClosesAt: at("2026-12-05"),
      startsAt: at("2026-12-12"),
      endsAt: at("2026-12-13"),
      status: "registration_open",
      coOrganisers: { create: [{ organisationId: idOf(ctx, "xa-build") }] },
    },
  });
  ctx.contestIds.set(contest.code, contest.id);
  const event = await tx.event.create({
    data: {
      contestId: contest.id,
      code: "WELD",
      name: "焊工（熔化焊接与热切割）",
      category: "装备制造",
      trade: "焊工",
      quotaPerOrg: 3,
      minAge: 18,
      maxAge: 55,
      parts: {
        create: [
          { kind: "theory", name: "理论知识", weight: 30, sortOrder: 0 },
          { kind: "practical", name: "技能操作", weight: 70, sortOrder: 1 },
        ],
      },
    },
  });
  let seq = 0;
  for (const org of ["wn-bridge", "wn-expressway", "games-venue", "wn-changrong"]) {
    const welders = workersOf(ctx, org).filter((w) => w.trade === "焊工");
    for (const w of welders.slice(0, 2)) {
      seq += 1;
      await tx.registration.create({
        data: {
          eventId: event.id,
          organisationId: idOf(ctx, org),
          workerId: w.id,
          status: "approved",
          entryNumber: formatEntryNumber(contest.code, event.code, seq),
          decidedAt: at("2026-11-25"),
          submittedAt: at("2026-11-10"),
        },
      });
    }
  }
}

const BARGAINING_CRITERIA: [code: string, name: string, max: number][] = [
  ["P1", "协商准备与要约", 2000],
  ["P2", "陈述与表达", 3000],
  ["P3", "策略与应变", 3000],
  ["P4", "协议文本质量", 2000],
];
const ROLES = ["首席代表", "协商代表", "协商代表", "记录员"];

/**
 * 西安市第二届模拟集体协商竞赛: each unit fields a team on the workers' side and one on the
 * employer's; every team is judged by the panel (trimmed mean of three) and the results are
 * published. Built with the app's own scoring (results, ranks, prizes, ranking tables).
 */
async function seedCollectiveBargaining(tx: Tx, ctx: SeedContext) {
  const chief = ctx.userId.get("chief");
  const panel = ["judge2", "judge3"].map((u) => ctx.userId.get(u));
  if (chief === undefined || panel.some((j) => j === undefined)) return;
  const contest = await tx.contest.create({
    data: {
      code: "XA2026JTXS",
      kind: "skills_contest",
      name: "西安市第二届模拟集体协商竞赛",
      organiserId: idOf(ctx, "xa"),
      year: 2026,
      description:
        "以工资集体协商为题，各参赛单位分别组成职工方和企业方代表队，围绕年度工资调整开展模拟协商，评委现场评分。",
      rules: "每队3至5人，设首席代表1名；职工方、企业方代表队分别由参赛单位推荐。",
      registrationOpensAt: at("2026-09-01"),
      registrationClosesAt: at("2026-10-20"),
      startsAt: at("2026-11-12"),
      endsAt: at("2026-11-13"),
      status: "results_published",
      noticeDays: 5,
    },
  });
  ctx.contestIds.set(contest.code, contest.id);
  const event = await tx.event.create({
    data: {
      contestId: contest.id,
      code: "XIESHANG",
      name: "工资集体协商模拟",
      category: "集体协商",
      trade: "集体协商",
      mode: "team",
      teamMin: 3,
      teamMax: 5,
      sides: JSON.stringify(["职工方", "企业方"]),
      quotaPerOrg: 2,
      aggregation: "trimmed_mean",
      prizeRules: JSON.stringify([
        { tier: "first", count: 1 },
        { tier: "second", count: 2 },
        { tier: "third", count: 3 },
      ]),
      parts: {
        create: [
          {
            kind: "practical",
            name: "模拟协商",
            weight: 100,
            fullMark: 10000,
            sortOrder: 0,
            criteria: {
              create: BARGAINING_CRITERIA.map(([code, name, maxMark], i) => ({
                code,
                name,
                type: "judgement",
                maxMark,
                sortOrder: i,
              })),
            },
          },
        ],
      },
    },
    include: { parts: { include: { criteria: true } } },
  });
  const judges = [chief, ...(panel as number[])];
  for (const [i, userId] of judges.entries())
    await tx.judgeAssignment.create({ data: { eventId: event.id, userId, isChief: i === 0 } });

  // Units outside the panel's own organisations and their parent unions (recusal).
  const units = ["xa-metro", "changan-auto", "xincheng-water", "beilin-elec", "hangfa-parts"];
  const registrationIds: number[] = [];
  let seq = 0;
  for (const org of units) {
    const people = workersOf(ctx, org).slice(1);
    for (const [s, side] of ["职工方", "企业方"].entries()) {
      const members = people.slice(s * 4, s * 4 + 4);
      if (members.length < 3) continue;
      seq += 1;
      const team = await tx.team.create({
        data: {
          eventId: event.id,
          organisationId: idOf(ctx, org),
          name: `${side}代表队`,
          side,
          members: {
            create: members.map((m, i) => ({ workerId: m.id, role: ROLES[i] ?? "协商代表" })),
          },
        },
      });
      const reg = await tx.registration.create({
        data: {
          eventId: event.id,
          organisationId: idOf(ctx, org),
          teamId: team.id,
          status: "checked_in",
          entryNumber: formatEntryNumber(contest.code, event.code, seq),
          submittedAt: at("2026-10-10"),
          decidedAt: at("2026-10-25"),
          checkedInAt: at("2026-11-12", "08:30:00"),
        },
      });
      registrationIds.push(reg.id);
    }
  }
  for (const a of assignBlindCodes(registrationIds.map(String), ctx.rng))
    await tx.registration.update({
      where: { id: Number(a.entryId) },
      data: { blindCode: a.blindCode },
    });

  const criteria = event.parts.flatMap((p) => p.criteria);
  for (const registrationId of registrationIds) {
    const ability = 0.55 + ctx.rng() * 0.4;
    for (const c of criteria) {
      for (const judgeId of judges) {
        const noise = (ctx.rng() - 0.5) * 0.12;
        const value = Math.round(Math.min(1, Math.max(0, ability + noise)) * c.maxMark);
        await tx.mark.create({
          data: { registrationId, criterionId: c.id, judgeId, value: value - (value % 50) },
        });
      }
    }
    for (const judgeId of judges)
      await tx.scoreSheet.create({
        data: {
          registrationId,
          partId: criteria[0]!.partId,
          judgeId,
          status: "submitted",
          version: 1,
          submittedAt: at("2026-11-12", "17:00:00"),
        },
      });
    await refreshEntryResult(tx, registrationId);
  }
  await writeEventRanks(tx, event.id);
  await tx.event.update({
    where: { id: event.id },
    data: {
      status: "published",
      lockedAt: at("2026-11-13", "18:00:00"),
      publishedAt: at("2026-11-14", "10:00:00"),
      noticeEndsAt: at("2026-11-19", "10:00:00"),
    },
  });
}

/**
 * 雁塔区's own round (open), and Weinan's model-worker round on public notice until four days
 * from now, with an objection still to handle.
 */
async function seedRounds(tx: Tx, ctx: SeedContext, now: Date) {
  const rules = (quota: number) =>
    JSON.stringify(
      rulesFromSettings({ quota, perOrgQuota: 2, minFrontLinePercent: 60, maxManagerPercent: 15 }),
    );
  await tx.nominationRound.create({
    data: {
      organiserId: idOf(ctx, "xa-yanta"),
      name: "2026年雁塔区先进工作者推荐",
      kind: "advanced_worker",
      level: "district",
      year: 2026,
      conferringBody: "西安市雁塔区总工会",
      quota: 6,
      perOrgQuota: 2,
      deadline: at("2026-12-25", "23:59:59"),
      rules: rules(6),
      status: "open",
      createdById: ctx.userId.get("yanta") ?? null,
    },
  });
  const startsAt = new Date(now.getTime() - 3 * DAY);
  const endsAt = new Date(now.getTime() + 4 * DAY);
  const round = await tx.nominationRound.create({
    data: {
      organiserId: idOf(ctx, "wn"),
      name: "2026年渭南市劳动模范推荐",
      kind: "model_worker",
      level: "city",
      year: 2026,
      conferringBody: "渭南市人民政府",
      quota: 4,
      perOrgQuota: 2,
      deadline: new Date(now.getTime() - 10 * DAY),
      rules: rules(4),
      status: "public_notice",
      noticeStartsAt: startsAt,
      noticeEndsAt: endsAt,
      createdById: ctx.userId.get("weinan") ?? null,
    },
  });
  const nominees: [org: string, index: number, text: string][] = [
    ["wn-power", 1, "清洁能源机组检修骨干，主持锅炉节能改造，年节约标煤4800吨。"],
    ["wn-bridge", 2, "渭河特大桥钢结构焊接班长，带领班组创下零缺陷焊缝纪录。"],
    ["wn-hospital", 1, "急诊科护士长，组建院前急救培训队，培训基层急救员一千余人次。"],
  ];
  let first: number | null = null;
  for (const [org, index, text] of nominees) {
    const worker = workersOf(ctx, org)[index];
    if (!worker) continue;
    const nomination = await tx.nomination.create({
      data: {
        roundId: round.id,
        organisationId: idOf(ctx, org),
        workerId: worker.id,
        nomineeName: worker.name,
        frontLine: true,
        manager: false,
        supportingText: text,
        status: "accepted",
        checklist: JSON.stringify(
          Object.fromEntries(REVIEW_CHECKLIST_ITEMS.map((item) => [item, true])),
        ),
      },
    });
    first ??= nomination.id;
  }
  if (first !== null)
    await tx.objection.create({
      data: {
        nominationId: first,
        text: "反映被推荐人所在班组2025年曾发生轻微安全事故，请核实。",
        contactName: "王先生",
        contactPhone: "13900000000",
        lodgedAt: new Date(now.getTime() - 1 * DAY),
      },
    });
}

/** A second Weinan quiz, open since yesterday and closing in five days. */
async function seedClosingQuiz(tx: Tx, ctx: SeedContext, now: Date) {
  const contestId = ctx.contestIds.get("WN2026QUIZ");
  if (contestId === undefined) return;
  const first = await tx.quiz.findFirst({ where: { contestId }, orderBy: { id: "asc" } });
  if (!first) return;
  await tx.quiz.create({
    data: {
      contestId,
      name: "第二期：职业病防治知识",
      timeLimitSec: first.timeLimitSec,
      attemptsAllowed: 1,
      opensAt: new Date(now.getTime() - DAY),
      closesAt: new Date(now.getTime() + 5 * DAY),
      plan: first.plan,
      shuffle: true,
      onePerPage: true,
      pointsPerQuestion: first.pointsPerQuestion,
    },
  });
}
