// Honours demo: more medal holders for the showcase, a certificate for every honour in the
// registry (so the verification page has something genuine to find), and a round open for
// nominations with one nomination from 秦川数控 already in.
import { nextCertificateSeq } from "~/domain/honours/certificates";
import { formatCertificateSerial } from "~/domain/honours/serial";
import { HONOUR_KIND_SERIAL_CODES, type HonourKind } from "~/domain/honours/kinds";
import { rulesFromSettings } from "~/domain/honours/round-settings";
import { appendAudit, appendAuditMany } from "~/models/audit.server";
import type { SeedExtension } from "./context";

const LEVEL_ZH: Record<string, string> = {
  national: "全国",
  provincial: "省级",
  city: "市级",
  district: "区县级",
};
const KIND_ZH: Record<string, string> = {
  model_worker: "劳动模范",
  advanced_worker: "先进工作者",
  advanced_collective: "先进集体",
  may_day_medal: "五一劳动奖章",
  may_day_certificate: "五一劳动奖状",
  craftsman: "工匠",
  technical_expert: "技术能手",
  innovation_studio: "劳模和工匠人才创新工作室",
};

const MEDALS: { org: string; year: number; kind: HonourKind; citation: string }[] = [
  {
    org: "hangfa-parts",
    year: 2024,
    kind: "may_day_medal",
    citation: "航空零件五轴加工技术带头人，攻克薄壁件变形难题。",
  },
  {
    org: "xa-heating",
    year: 2024,
    kind: "may_day_medal",
    citation: "供热管网抢修突击队队长，三个采暖季保障零停热。",
  },
  {
    org: "silk-data",
    year: 2025,
    kind: "advanced_worker",
    citation: "政务数据治理骨干，牵头完成全市数据共享平台迁移。",
  },
  {
    org: "xa-metro",
    year: 2025,
    kind: "may_day_medal",
    citation: "信号系统检修能手，首创道岔缺口智能监测方法。",
  },
  {
    org: "beilin-elec",
    year: 2024,
    kind: "advanced_worker",
    citation: "开关柜装配工艺改进，产品一次合格率提升至99.3%。",
  },
  {
    org: "xincheng-water",
    year: 2025,
    kind: "may_day_medal",
    citation: "供水管网检漏“听音神探”，年减少漏损水量四十万吨。",
  },
  {
    org: "changan-auto",
    year: 2025,
    kind: "technical_expert",
    citation: "全市汽车装调工技能竞赛第一名。",
  },
  {
    org: "xa-gas",
    year: 2024,
    kind: "advanced_worker",
    citation: "燃气管网安全巡检标兵，发现并排除重大隐患十一处。",
  },
  {
    org: "wn-power",
    year: 2025,
    kind: "may_day_medal",
    citation: "光伏电站运维骨干，提出组件清洗机器人改进方案。",
  },
  {
    org: "wn-cement",
    year: 2024,
    kind: "advanced_worker",
    citation: "窑系统节能改造主力，吨熟料煤耗下降8%。",
  },
  {
    org: "wn-hospital",
    year: 2025,
    kind: "may_day_medal",
    citation: "急诊科护士长，带领团队完成突发事件救治三百余人次。",
  },
  {
    org: "wn-rail",
    year: 2025,
    kind: "technical_expert",
    citation: "铁路货运调车技能竞赛第一名。",
  },
];

const PDF_SAMPLE = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export const seedHonours: SeedExtension = async (tx, ctx) => {
  const orgId = (key: string) => {
    const id = ctx.orgId.get(key);
    if (id === undefined) throw new Error(`unknown organisation ${key}`);
    return id;
  };
  for (const m of MEDALS) {
    const worker = ctx.workersByOrg.get(m.org)?.[3];
    if (!worker) continue;
    await tx.honourAward.create({
      data: {
        kind: m.kind,
        level: "city",
        year: m.year,
        conferringBody: m.org.startsWith("wn") ? "渭南市总工会" : "西安市总工会",
        citation: m.citation,
        recipientKind: "worker",
        recipientName: worker.name,
        workerId: worker.id,
        organisationId: orgId(m.org),
      },
    });
  }

  // One certificate per award, numbered per year and kind as conferring would have done.
  const awards = await tx.honourAward.findMany({ orderBy: { id: "asc" } });
  const issued: string[] = [];
  for (const award of awards) {
    const code = HONOUR_KIND_SERIAL_CODES[award.kind as HonourKind];
    const serial = formatCertificateSerial(
      award.year,
      code,
      nextCertificateSeq(issued, award.year, code),
    );
    issued.push(serial);
    await tx.certificate.create({
      data: {
        serial,
        kind: "honour",
        awardId: award.id,
        recipientName: award.recipientName,
        title: `${award.year}年度${LEVEL_ZH[award.level] ?? ""}${KIND_ZH[award.kind] ?? ""}`,
        issuedAt: new Date(`${award.year}-04-28T10:00:00+08:00`),
      },
    });
  }

  const admin = ctx.userId.get("admin") ?? null;
  const qinchuanManager = ctx.userId.get("qinchuan") ?? null;
  const rules = rulesFromSettings({
    quota: 10,
    perOrgQuota: 2,
    minFrontLinePercent: 60,
    maxManagerPercent: 15,
  });
  const round = await tx.nominationRound.create({
    data: {
      organiserId: orgId("xa"),
      name: "2026年西安市五一劳动奖章推荐",
      kind: "may_day_medal",
      level: "city",
      year: 2026,
      conferringBody: "西安市总工会",
      quota: 10,
      perOrgQuota: 2,
      deadline: new Date("2026-12-31T23:59:59+08:00"),
      rules: JSON.stringify(rules),
      status: "open",
      createdById: admin,
    },
  });
  await appendAuditMany(tx, [
    {
      actorId: admin,
      action: "honour_round.create",
      entityType: "NominationRound",
      entityId: round.id,
      after: { status: "draft" },
    },
    {
      actorId: admin,
      action: "honour_round.status",
      entityType: "NominationRound",
      entityId: round.id,
      before: { status: "draft" },
      after: { status: "open" },
    },
  ]);
  const nominee = ctx.workersByOrg.get("qinchuan-cnc")?.[4];
  if (nominee) {
    const nomination = await tx.nomination.create({
      data: {
        roundId: round.id,
        organisationId: orgId("qinchuan-cnc"),
        workerId: nominee.id,
        nomineeName: nominee.name,
        frontLine: true,
        manager: false,
        supportingText:
          "数控车间首席技师，主持精密主轴加工工艺改进六项，带徒二十余名，其中五人获评高级技师；所在班组连续三年获评公司“工人先锋号”，为企业年节约加工成本一百二十余万元。",
        submittedById: qinchuanManager,
        attachments: {
          create: [
            {
              filename: "事迹材料.pdf",
              mimeType: "application/pdf",
              size: PDF_SAMPLE.byteLength,
              data: PDF_SAMPLE,
            },
          ],
        },
      },
    });
    await appendAudit(tx, {
      actorId: qinchuanManager,
      action: "nomination.submit",
      entityType: "Nomination",
      entityId: nomination.id,
      after: { status: "submitted", nominee: nominee.name },
    });
  }
};
