// The seed's story, after the Xi'an and Weinan reports in shared/seeds: the Xi'an federation
// runs a city high-skills contest (13 categories, 51 trades in the real one; four trades
// here) and a key-project merit competition for the 14th National Games; Weinan runs the
// "双比双争" competition across its key projects; both keep model workers and studios.
// Every organisation, person and number below is invented.

export type OrgSeed = {
  key: string;
  name: string;
  shortName?: string;
  kind: "federation" | "district_union" | "industry_union" | "enterprise";
  parent?: string;
  /** six-digit division code for the credit code and workers' ID numbers */
  region: string;
  headcount?: number;
  workers?: number;
};

export const ORGANISATIONS: OrgSeed[] = [
  { key: "xa", name: "西安市总工会", shortName: "西安市总", kind: "federation", region: "610100" },
  { key: "wn", name: "渭南市总工会", shortName: "渭南市总", kind: "federation", region: "610500" },

  {
    key: "xa-xincheng",
    name: "西安市新城区总工会",
    kind: "district_union",
    parent: "xa",
    region: "610102",
  },
  {
    key: "xa-beilin",
    name: "西安市碑林区总工会",
    kind: "district_union",
    parent: "xa",
    region: "610103",
  },
  {
    key: "xa-yanta",
    name: "西安市雁塔区总工会",
    kind: "district_union",
    parent: "xa",
    region: "610113",
  },
  {
    key: "xa-weiyang",
    name: "西安市未央区总工会",
    kind: "district_union",
    parent: "xa",
    region: "610112",
  },
  {
    key: "xa-changan",
    name: "西安市长安区总工会",
    kind: "district_union",
    parent: "xa",
    region: "610116",
  },
  {
    key: "xa-gaoxin",
    name: "西安高新区工会",
    kind: "district_union",
    parent: "xa",
    region: "610131",
  },
  {
    key: "xa-build",
    name: "西安市建设建材工会",
    kind: "industry_union",
    parent: "xa",
    region: "610100",
  },
  {
    key: "xa-energy",
    name: "西安市能源化工工会",
    kind: "industry_union",
    parent: "xa",
    region: "610100",
  },
  {
    key: "wn-linwei",
    name: "渭南市临渭区总工会",
    kind: "district_union",
    parent: "wn",
    region: "610502",
  },
  {
    key: "wn-huazhou",
    name: "渭南市华州区总工会",
    kind: "district_union",
    parent: "wn",
    region: "610503",
  },
  {
    key: "wn-pucheng",
    name: "蒲城县总工会",
    kind: "district_union",
    parent: "wn",
    region: "610526",
  },
  {
    key: "wn-fuping",
    name: "富平县总工会",
    kind: "district_union",
    parent: "wn",
    region: "610528",
  },

  {
    key: "qinchuan-cnc",
    name: "西安秦川数控机床有限公司",
    kind: "enterprise",
    parent: "xa-weiyang",
    region: "610112",
    headcount: 860,
    workers: 14,
  },
  {
    key: "hangfa-parts",
    name: "西安航发精密零部件有限公司",
    kind: "enterprise",
    parent: "xa-yanta",
    region: "610113",
    headcount: 1240,
    workers: 12,
  },
  {
    key: "changan-heat",
    name: "西安长安热力有限公司",
    kind: "enterprise",
    parent: "xa-energy",
    region: "610116",
    headcount: 530,
    workers: 12,
  },
  {
    key: "xa-heating",
    name: "西安城东供热有限公司",
    kind: "enterprise",
    parent: "xa-energy",
    region: "610102",
    headcount: 410,
    workers: 10,
  },
  {
    key: "yungou-bim",
    name: "西安云构建筑设计研究院有限公司",
    kind: "enterprise",
    parent: "xa-build",
    region: "610103",
    headcount: 320,
    workers: 12,
  },
  {
    key: "huaqin-build",
    name: "陕西华秦建设集团第三工程有限公司",
    kind: "enterprise",
    parent: "xa-build",
    region: "610112",
    headcount: 2100,
    workers: 14,
  },
  {
    key: "qinling-soft",
    name: "西安秦岭软件科技有限公司",
    kind: "enterprise",
    parent: "xa-gaoxin",
    region: "610131",
    headcount: 640,
    workers: 12,
  },
  {
    key: "silk-data",
    name: "西安丝路数据服务有限公司",
    kind: "enterprise",
    parent: "xa-gaoxin",
    region: "610131",
    headcount: 380,
    workers: 10,
  },
  {
    key: "xa-metro",
    name: "西安城轨运营维保有限公司",
    kind: "enterprise",
    parent: "xa-weiyang",
    region: "610112",
    headcount: 3100,
    workers: 10,
  },
  {
    key: "beilin-elec",
    name: "西安碑林电气设备有限公司",
    kind: "enterprise",
    parent: "xa-beilin",
    region: "610103",
    headcount: 270,
    workers: 8,
  },
  {
    key: "xincheng-water",
    name: "西安新城供水有限公司",
    kind: "enterprise",
    parent: "xa-xincheng",
    region: "610102",
    headcount: 450,
    workers: 8,
  },
  {
    key: "changan-auto",
    name: "西安长安汽车零部件有限公司",
    kind: "enterprise",
    parent: "xa-changan",
    region: "610116",
    headcount: 990,
    workers: 10,
  },
  {
    key: "games-venue",
    name: "十四运会场馆建设项目部（华秦建设）",
    kind: "enterprise",
    parent: "xa-build",
    region: "610112",
    headcount: 780,
    workers: 8,
  },
  {
    key: "xa-gas",
    name: "西安天然气输配有限公司",
    kind: "enterprise",
    parent: "xa-energy",
    region: "610113",
    headcount: 720,
    workers: 8,
  },
  {
    key: "gaoxin-chip",
    name: "西安高新微电子有限公司",
    kind: "enterprise",
    parent: "xa-gaoxin",
    region: "610131",
    headcount: 1500,
    workers: 8,
  },
  {
    key: "wn-bridge",
    name: "渭河特大桥项目部（陕西路桥）",
    kind: "enterprise",
    parent: "wn-linwei",
    region: "610502",
    headcount: 420,
    workers: 8,
  },
  {
    key: "wn-expressway",
    name: "渭蒲高速公路三标项目部",
    kind: "enterprise",
    parent: "wn-pucheng",
    region: "610526",
    headcount: 360,
    workers: 8,
  },
  {
    key: "wn-chem",
    name: "渭南华阳化工有限公司",
    kind: "enterprise",
    parent: "wn-huazhou",
    region: "610503",
    headcount: 880,
    workers: 8,
  },
  {
    key: "wn-power",
    name: "蒲城清洁能源发电有限公司",
    kind: "enterprise",
    parent: "wn-pucheng",
    region: "610526",
    headcount: 640,
    workers: 8,
  },
  {
    key: "wn-changrong",
    name: "长荣集团渭南产业园项目部",
    kind: "enterprise",
    parent: "wn-linwei",
    region: "610502",
    headcount: 300,
    workers: 8,
  },
  {
    key: "wn-cement",
    name: "富平秦岭水泥有限公司",
    kind: "enterprise",
    parent: "wn-fuping",
    region: "610528",
    headcount: 560,
    workers: 8,
  },
  {
    key: "wn-food",
    name: "富平柿饼食品有限公司",
    kind: "enterprise",
    parent: "wn-fuping",
    region: "610528",
    headcount: 210,
    workers: 6,
  },
  {
    key: "wn-hospital",
    name: "渭南市中心医院",
    kind: "enterprise",
    parent: "wn-linwei",
    region: "610502",
    headcount: 1900,
    workers: 6,
  },
  {
    key: "wn-rail",
    name: "渭南铁路物流有限公司",
    kind: "enterprise",
    parent: "wn-linwei",
    region: "610502",
    headcount: 340,
    workers: 6,
  },
];

/**
 * One organiser account per union (the federation's is `admin`), and the platform's top
 * administrator, who belongs to no union.
 */
export const ORGANISER_ACCOUNTS: { username: string; displayName: string; org: string | null }[] = [
  { username: "platform", displayName: "钱文涛", org: null },
  { username: "admin", displayName: "李建华", org: "xa" },
  { username: "weinan", displayName: "姚建平", org: "wn" },
  { username: "xincheng", displayName: "马晓东", org: "xa-xincheng" },
  { username: "beilin", displayName: "黄丽萍", org: "xa-beilin" },
  { username: "yanta", displayName: "刘卫东", org: "xa-yanta" },
  { username: "weiyang", displayName: "张文静", org: "xa-weiyang" },
  { username: "changan", displayName: "何志刚", org: "xa-changan" },
  { username: "gaoxin", displayName: "宋佳怡", org: "xa-gaoxin" },
  { username: "build", displayName: "郭永强", org: "xa-build" },
  { username: "energy", displayName: "邓晓梅", org: "xa-energy" },
  { username: "linwei", displayName: "韩建国", org: "wn-linwei" },
  { username: "huazhou", displayName: "曹玉兰", org: "wn-huazhou" },
  { username: "pucheng", displayName: "彭志勇", org: "wn-pucheng" },
  { username: "fuping", displayName: "曾雪琴", org: "wn-fuping" },
];

/** Project sites whose crews are largely migrant workers (农民工); elsewhere a few are. */
export const MIGRANT_HEAVY_ORGS = new Set([
  "huaqin-build",
  "games-venue",
  "wn-bridge",
  "wn-expressway",
  "wn-changrong",
  "wn-cement",
]);

export const TRADES_BY_ORG: Record<string, string[]> = {
  "qinchuan-cnc": ["数控车工", "数控铣工"],
  "hangfa-parts": ["数控铣工", "数控车工", "钳工"],
  "changan-heat": ["热力运行值班员"],
  "xa-heating": ["热力运行值班员"],
  "yungou-bim": ["BIM建模员"],
  "huaqin-build": ["BIM建模员", "钢筋工", "混凝土工"],
  "qinling-soft": ["计算机程序设计员"],
  "silk-data": ["计算机程序设计员"],
  "gaoxin-chip": ["计算机程序设计员", "电工"],
  // Every other unit's people have the trades of its business, so the honours showcase and
  // the worker pages tell a coherent story: the fourth worker (index 3) of a unit is the
  // medal holder of prisma/seed/honours.ts, the second (index 1) its model worker.
  "xa-metro": ["电客车司机", "信号工", "接触网工", "信号工"],
  "beilin-elec": ["电工", "焊工", "钳工", "开关柜装配工"],
  "xincheng-water": ["水质检验员", "泵站运行工", "水表装修工", "供水管道工"],
  "changan-auto": ["钳工", "焊工", "涂装工", "汽车装调工"],
  "games-venue": ["钢筋工", "混凝土工", "架子工", "起重工"],
  "xa-gas": ["燃气管道工", "燃气表装修工", "调压工", "燃气巡检员"],
  "wn-bridge": ["测量员", "桥隧工", "钢筋工", "起重工"],
  "wn-expressway": ["筑路工", "压路机操作工", "测量员", "起重工"],
  "wn-chem": ["仪表维修工", "化工总控工", "安全员", "化工总控工"],
  "wn-power": ["电工", "电气值班员", "变电运维工", "光伏运维工"],
  "wn-changrong": ["起重工", "焊工", "电工", "钢筋工"],
  "wn-cement": ["水泥生产控制工", "机修钳工", "化验员", "窑操作工"],
  "wn-food": ["食品检验员", "柿饼加工工", "包装工", "电工"],
  "wn-hospital": ["医师", "药剂师", "检验技师", "护士"],
  "wn-rail": ["装卸机械司机", "货运员", "信号工", "调车员"],
};

/** Trades of a unit the story does not describe (none today; kept for new units). */
export const DEFAULT_TRADES = ["电工", "焊工", "钳工", "安全员"];

/** What a unit calls its managers (一线职工 otherwise). */
export const MANAGER_TITLE_BY_ORG: Record<string, string> = {
  "wn-hospital": "科室主任",
  "games-venue": "项目副经理",
  "wn-bridge": "项目副经理",
  "wn-expressway": "项目副经理",
  "wn-changrong": "项目副经理",
};

export type EventSeed = {
  code: string;
  name: string;
  category: string;
  trade: string;
  mode: "individual" | "team";
  teamMin?: number;
  teamMax?: number;
  substitutes?: number;
  quotaPerOrg: number;
  cap?: number;
  minAge: number;
  maxAge: number;
  minSkillLevel?: string;
  /** who enters: organisations whose workers have this trade */
  trades: string[];
  parts: {
    kind: string;
    name: string;
    weight: number;
    criteria: [code: string, name: string, type: "measurement" | "judgement", max: number][];
  }[];
};

export const SKILLS_EVENTS: EventSeed[] = [
  {
    code: "PROG",
    name: "计算机程序设计",
    category: "信息技术",
    trade: "计算机程序设计员",
    mode: "individual",
    quotaPerOrg: 6,
    minAge: 18,
    maxAge: 55,
    minSkillLevel: "intermediate",
    trades: ["计算机程序设计员"],
    parts: [
      {
        kind: "theory",
        name: "理论知识",
        weight: 30,
        criteria: [["T1", "理论考试", "measurement", 10000]],
      },
      {
        kind: "practical",
        name: "实际操作",
        weight: 70,
        criteria: [
          ["P1", "功能正确性", "measurement", 5000],
          ["P2", "算法与性能", "measurement", 2500],
          ["P3", "代码规范与可读性", "judgement", 2500],
        ],
      },
    ],
  },
  {
    code: "BIM",
    name: "BIM技术建模",
    category: "建筑工程",
    trade: "BIM建模员",
    mode: "team",
    teamMin: 2,
    teamMax: 3,
    substitutes: 1,
    quotaPerOrg: 2,
    minAge: 18,
    maxAge: 50,
    trades: ["BIM建模员"],
    parts: [
      {
        kind: "theory",
        name: "理论知识",
        weight: 30,
        criteria: [["T1", "理论考试", "measurement", 10000]],
      },
      {
        kind: "practical",
        name: "实际操作",
        weight: 70,
        criteria: [
          ["P1", "建筑与结构模型", "measurement", 4000],
          ["P2", "机电管线综合", "measurement", 3000],
          ["P3", "成果表达与汇报", "judgement", 3000],
        ],
      },
    ],
  },
  {
    code: "CNC",
    name: "数控加工（数控铣）",
    category: "装备制造",
    trade: "数控铣工",
    mode: "individual",
    quotaPerOrg: 4,
    minAge: 18,
    maxAge: 55,
    minSkillLevel: "senior",
    trades: ["数控铣工", "数控车工"],
    parts: [
      {
        kind: "theory",
        name: "理论知识",
        weight: 30,
        criteria: [["T1", "理论考试", "measurement", 10000]],
      },
      {
        kind: "practical",
        name: "实际操作",
        weight: 70,
        criteria: [
          ["P1", "尺寸精度", "measurement", 5000],
          ["P2", "表面质量", "judgement", 2000],
          ["P3", "工艺与编程", "judgement", 2000],
          ["P4", "安全文明生产", "judgement", 1000],
        ],
      },
    ],
  },
  {
    code: "HEAT",
    name: "热力运行",
    category: "能源动力",
    trade: "热力运行值班员",
    mode: "individual",
    quotaPerOrg: 5,
    minAge: 20,
    maxAge: 55,
    trades: ["热力运行值班员"],
    parts: [
      {
        kind: "theory",
        name: "理论知识",
        weight: 40,
        criteria: [["T1", "理论考试", "measurement", 10000]],
      },
      {
        kind: "practical",
        name: "实际操作",
        weight: 60,
        criteria: [
          ["P1", "机组启停操作", "judgement", 4000],
          ["P2", "故障判断与处置", "judgement", 4000],
          ["P3", "安全规程执行", "judgement", 2000],
        ],
      },
    ],
  },
];

export const HONOURS = {
  modelWorkers: [
    {
      org: "qinchuan-cnc",
      year: 2025,
      level: "city",
      citation: "扎根数控加工一线二十余年，带出高级技师18名，主持攻关精密主轴加工难题。",
    },
    {
      org: "huaqin-build",
      year: 2025,
      level: "city",
      citation: "十四运会场馆建设中带领钢筋班组零事故提前完成主体结构。",
    },
    {
      org: "changan-heat",
      year: 2025,
      level: "city",
      citation: "创新换热站智能巡检方法，年节约标煤3200吨。",
    },
    {
      org: "xa-metro",
      year: 2021,
      level: "provincial",
      citation: "地铁信号维保专家，保障线网安全运营十年无责任事故。",
    },
    {
      org: "wn-chem",
      year: 2024,
      level: "city",
      citation: "化工装置安全操作能手，提出合理化建议42条。",
    },
    {
      org: "wn-bridge",
      year: 2024,
      level: "city",
      citation: "渭河特大桥主墩施工技术负责人，攻克深水基础施工难题。",
    },
    {
      org: "hangfa-parts",
      year: 2020,
      level: "national",
      citation: "航空发动机叶片精密加工“大国工匠”，获国家发明专利5项。",
    },
  ],
  craftsmen: [
    {
      org: "qinling-soft",
      year: 2025,
      citation: "主持开发城市供热智慧调度平台，获“西安工匠”称号。",
      // The demo account `worker`: so 我的证书 shows a genuine certificate.
      worker: 0,
    },
    { org: "yungou-bim", year: 2025, citation: "BIM正向设计带头人，完成十四运场馆全专业BIM协同。" },
    {
      org: "gaoxin-chip",
      year: 2024,
      citation: "芯片封装测试软件开发带头人，测试数据分析系统使良品率提升至99.6%。",
    },
  ],
  collectives: [
    {
      org: "games-venue",
      year: 2025,
      level: "city",
      kind: "advanced_collective",
      citation: "十四运会场馆建设先进集体，提前45天完成主体工程。",
    },
    {
      org: "xa-metro",
      year: 2024,
      level: "city",
      kind: "advanced_collective",
      citation: "城轨运营维保“工人先锋号”。",
    },
    {
      org: "wn-expressway",
      year: 2025,
      level: "city",
      kind: "may_day_certificate",
      citation: "“双比双争”劳动竞赛优胜单位，获渭南市五一劳动奖状。",
    },
  ],
  studios: [
    {
      org: "qinchuan-cnc",
      name: "精密主轴劳模创新工作室",
      field: "数控加工",
      year: 2022,
      achievements: [
        ["patent", "一种高速主轴动平衡校正装置", 3],
        ["innovation", "主轴加工工艺改进", 6],
        ["training", "培训数控技术骨干", 120],
        ["savings", "年节约加工成本（万元）", 86000],
      ],
    },
    {
      org: "changan-heat",
      name: "智慧供热职工创新工作室",
      field: "热力运行",
      year: 2023,
      achievements: [
        ["patent", "换热站无人值守巡检系统", 2],
        ["savings", "年节约标煤折合（万元）", 210000],
        ["training", "培训运行值班员", 260],
      ],
    },
    {
      org: "huaqin-build",
      name: "建筑工匠劳模创新工作室",
      field: "建筑施工",
      year: 2021,
      achievements: [
        ["innovation", "装配式钢筋笼快速定位工法", 4],
        ["patent", "一种可周转钢筋定位卡具", 5],
        ["training", "培训农民工技能", 800],
      ],
    },
    {
      org: "wn-chem",
      name: "化工安全劳模创新工作室",
      field: "化工安全",
      year: 2024,
      achievements: [
        ["innovation", "装置区可燃气体联锁改造", 3],
        ["training", "安全操作培训", 400],
      ],
    },
  ],
} as const;
