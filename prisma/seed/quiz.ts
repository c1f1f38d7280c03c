// Demo data for the knowledge quiz: a safety and labour-law question bank, the first
// round of Weinan's online quiz with answered attempts, and five worker accounts that
// have not taken it yet (quiz1…quiz5).
import { seededRng } from "~/domain/contest/random";
import {
  composePaper,
  finishAttempt,
  type AnswerSheet,
  type Question,
  type QuestionType,
} from "~/domain/quiz";
import { rebuildStatements } from "~/models/quiz.sql.server";
import type { SeedExtension } from "./context";

type Row = [
  type: QuestionType,
  category: string,
  stem: string,
  options: string[],
  answer: string,
  difficulty: number,
];

const S = "安全生产";
const L = "劳动法";
const H = "职业健康";
const F = "消防安全";

export const QUESTION_BANK: Row[] = [
  [
    "single",
    S,
    "我国安全生产工作的方针是？",
    ["安全第一、预防为主、综合治理", "以人为本、效益优先", "预防为主、防治结合", "谁主管、谁负责"],
    "A",
    1,
  ],
  [
    "single",
    S,
    "《安全生产法》规定，生产经营单位的主要负责人对本单位安全生产工作负有什么责任？",
    ["领导责任", "全面责任", "直接责任", "监督责任"],
    "B",
    2,
  ],
  [
    "single",
    S,
    "从业人员发现直接危及人身安全的紧急情况时，有权怎样做？",
    [
      "继续作业并报告",
      "停止作业或者在采取可能的应急措施后撤离作业场所",
      "等待班组长指示",
      "只能报告不能撤离",
    ],
    "B",
    1,
  ],
  [
    "single",
    S,
    "高处作业是指在坠落高度基准面多少米以上有可能坠落的高处进行的作业？",
    ["1米", "2米", "3米", "5米"],
    "B",
    1,
  ],
  [
    "single",
    S,
    "特种作业人员必须经专门的安全技术培训并考核合格，取得什么证书后方可上岗作业？",
    ["毕业证书", "特种作业操作证", "职业资格证书", "健康证明"],
    "B",
    1,
  ],
  [
    "single",
    S,
    "“三违”是指违章指挥、违章作业和什么？",
    ["违反劳动纪律", "违反操作规程", "违反财务制度", "违反交通规则"],
    "A",
    1,
  ],
  [
    "single",
    S,
    "进入有限空间作业前，必须坚持的原则是？",
    ["先通风、再检测、后作业", "先作业、后检测", "先检测、后通风", "边作业边通风"],
    "A",
    2,
  ],
  ["single", S, "安全色中，表示禁止、停止含义的颜色是？", ["黄色", "蓝色", "红色", "绿色"], "C", 1],
  [
    "multiple",
    S,
    "生产安全事故“四不放过”原则包括？",
    [
      "事故原因未查清不放过",
      "责任人员未处理不放过",
      "整改措施未落实不放过",
      "有关人员未受到教育不放过",
    ],
    "ABCD",
    2,
  ],
  ["multiple", S, "施工现场“三宝”是指？", ["安全帽", "安全带", "安全网", "绝缘鞋"], "ABC", 1],
  [
    "multiple",
    S,
    "从业人员在安全生产方面的义务包括？",
    [
      "遵章守纪、服从管理",
      "正确佩戴和使用劳动防护用品",
      "接受安全生产教育和培训",
      "发现事故隐患及时报告",
    ],
    "ABCD",
    2,
  ],
  [
    "multiple",
    S,
    "下列属于动火作业安全措施的有？",
    ["办理动火作业许可", "清除周围易燃物", "配备灭火器材并设专人监护", "在储罐内直接动火无需检测"],
    "ABC",
    3,
  ],
  [
    "true_false",
    S,
    "生产经营单位可以与从业人员订立协议，免除或者减轻其对从业人员因生产安全事故伤亡依法应承担的责任。",
    [],
    "错",
    2,
  ],
  ["true_false", S, "新进厂职工必须接受厂级、车间级、班组级三级安全教育。", [], "对", 1],
  ["true_false", S, "安全带应高挂低用，并挂在牢固可靠的构件上。", [], "对", 1],
  ["true_false", S, "为赶工期，可以临时拆除机械设备的安全防护装置。", [], "错", 1],
  [
    "single",
    L,
    "劳动合同期限三个月以上不满一年的，试用期不得超过多长时间？",
    ["一个月", "二个月", "三个月", "六个月"],
    "A",
    2,
  ],
  [
    "single",
    L,
    "用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付几倍工资？",
    ["一倍", "二倍", "三倍", "不需支付"],
    "B",
    2,
  ],
  [
    "single",
    L,
    "国家实行劳动者每日工作时间不超过几小时的工时制度？",
    ["6小时", "8小时", "10小时", "12小时"],
    "B",
    1,
  ],
  ["single", L, "劳动争议申请仲裁的时效期间为多长？", ["六个月", "一年", "二年", "三年"], "B", 2],
  [
    "single",
    L,
    "法定休假日安排劳动者工作的，支付不低于工资的百分之多少的工资报酬？",
    ["150%", "200%", "300%", "400%"],
    "C",
    1,
  ],
  [
    "single",
    L,
    "劳动者提前多少日以书面形式通知用人单位，可以解除劳动合同？",
    ["3日", "15日", "30日", "60日"],
    "C",
    1,
  ],
  [
    "multiple",
    L,
    "下列属于劳动者依法享有的权利的有？",
    ["取得劳动报酬", "休息休假", "获得劳动安全卫生保护", "提请劳动争议处理"],
    "ABCD",
    1,
  ],
  [
    "multiple",
    L,
    "劳动合同应当具备的条款包括？",
    ["劳动合同期限", "工作内容和工作地点", "劳动报酬", "社会保险"],
    "ABCD",
    2,
  ],
  [
    "multiple",
    L,
    "用人单位不得安排女职工在哺乳未满一周岁的婴儿期间从事哪些劳动？",
    ["国家规定的第三级体力劳动强度的劳动", "哺乳期禁忌从事的其他劳动", "延长工作时间", "夜班劳动"],
    "ABCD",
    3,
  ],
  ["true_false", L, "用人单位可以扣押劳动者的居民身份证作为担保。", [], "错", 1],
  [
    "true_false",
    L,
    "工会代表职工与企业就劳动报酬、工作时间、劳动安全卫生等事项进行平等协商，签订集体合同。",
    [],
    "对",
    2,
  ],
  ["true_false", L, "非全日制用工双方当事人可以订立口头协议。", [], "对", 3],
  [
    "single",
    H,
    "职业病防治工作坚持的方针是？",
    ["预防为主、防治结合", "治疗为主、预防为辅", "以罚代管", "先发展后治理"],
    "A",
    1,
  ],
  [
    "single",
    H,
    "对从事接触职业病危害作业的劳动者，用人单位应当组织哪些职业健康检查？",
    ["仅上岗前", "上岗前、在岗期间和离岗时", "仅离岗时", "劳动者自行决定"],
    "B",
    2,
  ],
  [
    "multiple",
    H,
    "下列属于常见职业病危害因素的有？",
    ["粉尘", "噪声", "高温", "化学毒物"],
    "ABCD",
    1,
  ],
  [
    "multiple",
    H,
    "在粉尘作业场所，个人防护措施包括？",
    ["佩戴防尘口罩", "湿式作业", "工作后及时清洗", "在作业场所进食"],
    "ABC",
    2,
  ],
  ["true_false", H, "用人单位应当为劳动者免费提供符合国家标准的劳动防护用品。", [], "对", 1],
  ["true_false", H, "劳动者被诊断患有职业病后，用人单位可以立即解除劳动合同。", [], "错", 2],
  ["single", F, "发现火灾后，应当立即拨打的火警电话是？", ["110", "119", "120", "122"], "B", 1],
  [
    "single",
    F,
    "扑救电气火灾时，首先应当怎样做？",
    ["用水扑救", "切断电源", "打开门窗通风", "用湿毛巾覆盖"],
    "B",
    1,
  ],
  [
    "single",
    F,
    "使用手提式干粉灭火器时，应当对准火焰的什么部位喷射？",
    ["上部", "中部", "根部", "任意部位"],
    "C",
    1,
  ],
  [
    "multiple",
    F,
    "火场逃生时正确的做法有？",
    ["用湿毛巾捂住口鼻", "低姿弯腰沿疏散通道撤离", "乘坐电梯快速下楼", "不贪恋财物"],
    "ABD",
    1,
  ],
  ["true_false", F, "消防通道可以临时堆放物品，只要有人看管。", [], "错", 1],
  ["true_false", F, "单位应当定期组织消防演练，每年至少一次。", [], "对", 2],
];

const LETTERS = "ABCDEF";

function options(row: Row): { id: string; text: string }[] {
  return row[0] === "true_false"
    ? [
        { id: "true", text: "正确" },
        { id: "false", text: "错误" },
      ]
    : row[3].map((text, i) => ({ id: LETTERS[i] ?? "", text }));
}

function answer(row: Row): string[] {
  if (row[0] === "true_false") return [row[4] === "对" ? "true" : "false"];
  return [...row[4]];
}

/** Quiz workers: the last seeded worker of five Weinan enterprises, so no other account uses them. */
export const QUIZ_WORKERS = [
  { username: "quiz1", org: "wn-bridge" },
  { username: "quiz2", org: "wn-expressway" },
  { username: "quiz3", org: "wn-chem" },
  { username: "quiz4", org: "wn-power" },
  { username: "quiz5", org: "wn-cement" },
];

const PLAN = [
  { category: S, count: 8 },
  { category: L, count: 6 },
  { category: H, count: 3 },
  { category: F, count: 3 },
];

export const seedQuiz: SeedExtension = async (tx, ctx) => {
  const contestId = ctx.contestIds.get("WN2026QUIZ");
  if (contestId === undefined) return;
  const bank: Question[] = [];
  for (const row of QUESTION_BANK) {
    const created = await tx.quizQuestion.create({
      data: {
        contestId,
        type: row[0],
        category: row[1],
        stem: row[2],
        options: JSON.stringify(options(row)),
        answer: JSON.stringify(answer(row)),
        difficulty: row[5],
      },
    });
    bank.push({
      id: String(created.id),
      type: row[0],
      category: row[1],
      options: options(row),
      correct: answer(row),
      points: 5,
    });
  }
  const quiz = await tx.quiz.create({
    data: {
      contestId,
      name: "第一期：安全生产与劳动法律知识",
      timeLimitSec: 1200,
      attemptsAllowed: 1,
      opensAt: new Date("2026-11-20T08:00:00+08:00"),
      closesAt: new Date("2026-12-15T20:00:00+08:00"),
      plan: JSON.stringify(PLAN),
      shuffle: true,
      onePerPage: true,
      pointsPerQuestion: 5,
      reviewPolicy: "after_submit",
      scopeOrgId: ctx.orgId.get("wn") ?? null,
    },
  });

  const quizWorkerIds = new Set<number>();
  for (const account of QUIZ_WORKERS) {
    const workers = ctx.workersByOrg.get(account.org) ?? [];
    const worker = workers[workers.length - 1];
    const organisationId = ctx.orgId.get(account.org);
    if (!worker || organisationId === undefined) continue;
    quizWorkerIds.add(worker.id);
    await tx.user.create({
      data: {
        username: account.username,
        displayName: worker.name,
        passwordHash: ctx.passwordHash,
        role: "worker",
        organisationId,
        workerId: worker.id,
      },
    });
  }

  // Weinan workers who already answered, so the boards have a story to tell.
  const rng = seededRng(2026_11_20);
  const byId = new Map(bank.map((q) => [q.id, q]));
  for (const [org, workers] of ctx.workersByOrg) {
    if (!org.startsWith("wn-")) continue;
    const organisationId = ctx.orgId.get(org);
    if (organisationId === undefined) continue;
    const skill = 0.55 + rng() * 0.35;
    for (const worker of workers.slice(
      0,
      Math.max(2, Math.floor(workers.length * (0.3 + rng() * 0.6))),
    )) {
      if (quizWorkerIds.has(worker.id)) continue;
      const paper = composePaper(bank, PLAN, rng, { shuffleQuestions: true, shuffleOptions: true });
      if (!paper.ok) continue;
      const startedAt = new Date(
        Date.parse("2026-11-20T09:00:00+08:00") + Math.floor(rng() * 40 * 3600_000),
      );
      const deadline = new Date(startedAt.getTime() + 1200_000);
      const sheet: Record<string, { o: string[]; t: number }> = {};
      let t = startedAt.getTime();
      for (const entry of paper.value) {
        const q = byId.get(entry.questionId);
        if (!q) continue;
        t += 15_000 + Math.floor(rng() * 45_000);
        if (t > deadline.getTime()) break;
        const wrong =
          entry.optionOrder.find((o) => !q.correct.includes(o)) ?? entry.optionOrder[0] ?? "";
        sheet[entry.questionId] = { o: rng() < skill ? [...q.correct] : [wrong], t };
      }
      const now = new Date(Math.min(t + 5_000, deadline.getTime() + 30_000));
      const done = finishAttempt({
        questions: paper.value.flatMap((p) => byId.get(p.questionId) ?? []),
        sheet: sheet as AnswerSheet,
        startedAt,
        deadline,
        now,
      });
      await tx.quizAttempt.create({
        data: {
          quizId: quiz.id,
          workerId: worker.id,
          organisationId,
          attemptNo: 1,
          startedAt,
          deadline,
          submittedAt: done.submittedAt,
          status: done.status,
          paper: JSON.stringify(paper.value),
          answers: JSON.stringify(sheet),
          score: done.score,
          durationMs: done.durationMs,
        },
      });
    }
  }
  // The boards are maintained tables: build them once from the attempts above.
  for (const statement of rebuildStatements(quiz.id)) await tx.$executeRaw(statement);
};
