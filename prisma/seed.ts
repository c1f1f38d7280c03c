// npm run db:seed — the demo story (see prisma/seed/story.ts). Idempotent: a database that
// already holds contests is left alone, so a second `npm start` never reseeds or loses data.
import bcrypt from "bcryptjs";
import { withCreditCheckChar, maskIdNumber, CREDIT_CODE_ALPHABET } from "../app/domain/identity";
import { seededRng, randomInt } from "../app/domain/contest/random";
import { formatEntryNumber } from "../app/domain/registration/entry-numbers";
import { encryptIdNumber, hashIdNumber } from "../app/models/id-number-crypto.server";
import { openPrismaClient } from "../app/db.server";
import { env } from "../app/env.server";
import { invent, pick } from "./seed/people";
import {
  DEFAULT_TRADES,
  HONOURS,
  MANAGER_TITLE_BY_ORG,
  MIGRANT_HEAVY_ORGS,
  ORGANISATIONS,
  ORGANISER_ACCOUNTS,
  SKILLS_EVENTS,
  TRADES_BY_ORG,
} from "./seed/story";
import { SEED_EXTENSIONS } from "./seed/extensions";
import { rebuildEntryStats } from "../app/models/entry-stats.server";
import type { SeedContext, SeededWorker } from "./seed/context";

export const DEMO_PASSWORD = "Jiangxin2026!";

export const DEMO_ACCOUNTS = [
  { username: "qinchuan", displayName: "王志强", role: "org_manager", org: "qinchuan-cnc" },
  { username: "qinling", displayName: "陈静", role: "org_manager", org: "qinling-soft" },
  { username: "yungou", displayName: "赵海燕", role: "org_manager", org: "yungou-bim" },
  { username: "heat", displayName: "孙立新", role: "org_manager", org: "changan-heat" },
  { username: "chief", displayName: "周国栋", role: "judge", org: "xa" },
  { username: "judge1", displayName: "吴振华", role: "judge", org: "hangfa-parts" },
  { username: "judge2", displayName: "郑丽华", role: "judge", org: "xa-energy" },
  { username: "judge3", displayName: "冯文博", role: "judge", org: "xa-build" },
] as const;

/** Worker accounts: the first worker of these organisations can sign in. */
export const WORKER_ACCOUNTS = [
  { username: "worker", org: "qinling-soft" },
  { username: "worker2", org: "qinchuan-cnc" },
] as const;

function at(iso: string): Date {
  return new Date(`${iso}T00:00:00+08:00`);
}

function creditCode(kind: string, region: string, index: number): string {
  // 8 = registered by a trade union, 1 = trade union; 9/1 = enterprise (GB 32100-2015).
  const prefix = kind === "enterprise" ? "91" : "81";
  const rng = seededRng(10_000 + index);
  let body = "";
  for (let i = 0; i < 9; i++)
    body += CREDIT_CODE_ALPHABET[randomInt(rng, CREDIT_CODE_ALPHABET.length)];
  return withCreditCheckChar(`${prefix}${region}${body}`);
}

async function main() {
  const prisma = openPrismaClient(env.DATABASE_URL);
  try {
    if ((await prisma.organisation.count()) > 0) {
      console.log("Database already seeded; nothing to do.");
      return;
    }
    const started = Date.now();
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
    const rng = seededRng(2026);
    const usedIds = new Set<string>();

    await prisma.$transaction(
      async (tx) => {
        // ── organisation tree ──
        const orgId = new Map<string, number>();
        const orgPath = new Map<string, string>();
        for (const [index, org] of ORGANISATIONS.entries()) {
          const parentId = org.parent ? orgId.get(org.parent) : undefined;
          const created = await tx.organisation.create({
            data: {
              name: org.name,
              shortName: org.shortName ?? null,
              kind: org.kind,
              creditCode: creditCode(org.kind, org.region, index),
              parentId: parentId ?? null,
              headcount: org.headcount ?? 0,
              contact: org.kind === "enterprise" ? "工会办公室" : "组织部",
            },
          });
          const path = `${org.parent ? orgPath.get(org.parent) : "/"}${created.id}/`;
          await tx.organisation.update({ where: { id: created.id }, data: { path } });
          orgId.set(org.key, created.id);
          orgPath.set(org.key, path);
        }
        const idOf = (key: string) => {
          const id = orgId.get(key);
          if (id === undefined) throw new Error(`unknown organisation ${key}`);
          return id;
        };

        // ── workers ──
        const workersByOrg = new Map<string, SeededWorker[]>();
        const levels = ["intermediate", "senior", "senior", "technician", "senior_technician"];
        for (const org of ORGANISATIONS) {
          if (!org.workers) continue;
          const trades = TRADES_BY_ORG[org.key] ?? DEFAULT_TRADES;
          const list: SeededWorker[] = [];
          for (let i = 0; i < org.workers; i++) {
            const person = invent(rng, org.region, usedIds);
            const trade = trades[i % trades.length] ?? "电工";
            const skillLevel = i === org.workers - 1 ? "junior" : pick(rng, levels);
            const created = await tx.worker.create({
              data: {
                organisationId: idOf(org.key),
                name: person.name,
                gender: person.gender,
                idNumberCipher: encryptIdNumber(person.idNumber),
                idNumberHash: hashIdNumber(person.idNumber),
                idNumberMasked: maskIdNumber(person.idNumber),
                birthDate: at(person.birthDate),
                phone: person.phone,
                trade,
                skillLevel,
                unionMember: i % 9 !== 8,
                frontLine: i % 6 !== 5,
                manager: i % 6 === 5,
                migrantWorker: MIGRANT_HEAVY_ORGS.has(org.key) ? i % 5 < 2 : i % 17 === 3,
                position: i % 6 === 5 ? (MANAGER_TITLE_BY_ORG[org.key] ?? "车间主任") : "一线职工",
              },
            });
            list.push({ ...person, id: created.id, org: org.key, trade, skillLevel });
          }
          workersByOrg.set(org.key, list);
        }
        const firstWorker = (org: string) => {
          const w = workersByOrg.get(org)?.[0];
          if (!w) throw new Error(`no workers in ${org}`);
          return w;
        };

        // ── users ──
        const userId = new Map<string, number>();
        for (const account of ORGANISER_ACCOUNTS) {
          const user = await tx.user.create({
            data: {
              username: account.username,
              displayName: account.displayName,
              passwordHash,
              role: account.org === null ? "superadmin" : "admin",
              organisationId: account.org === null ? null : idOf(account.org),
            },
          });
          userId.set(account.username, user.id);
        }
        for (const account of DEMO_ACCOUNTS) {
          const user = await tx.user.create({
            data: {
              username: account.username,
              displayName: account.displayName,
              passwordHash,
              role: account.role,
              organisationId: idOf(account.org),
            },
          });
          userId.set(account.username, user.id);
        }
        for (const account of WORKER_ACCOUNTS) {
          const worker = firstWorker(account.org);
          await tx.user.create({
            data: {
              username: account.username,
              displayName: worker.name,
              passwordHash,
              role: "worker",
              organisationId: idOf(account.org),
              workerId: worker.id,
            },
          });
        }

        // ── the Xi'an high-skills contest ──
        const skills = await tx.contest.create({
          data: {
            code: "XA2026SKILLS",
            kind: "skills_contest",
            name: "2026年西安市高技能人才职业技能大赛",
            organiserId: idOf("xa"),
            description:
              "围绕西安“6+5+6+1”现代产业体系举办，设信息技术、建筑工程、装备制造、能源动力等大类赛项。理论知识考试占30%（热力运行占40%），实际操作占70%（热力运行占60%）。各赛项前三名推荐申报“西安市技术能手”。",
            rules:
              "1. 参赛选手须为本市在职职工，年龄以比赛首日计算。\n2. 每个参赛单位每个赛项限报名额见赛项说明。\n3. 实操评分采用加密号，裁判不得评判本单位选手。\n4. 成绩公示期5天，公示期内可提出书面申诉。",
            registrationOpensAt: at("2026-10-08"),
            registrationClosesAt: at("2026-12-10"),
            startsAt: at("2026-12-18"),
            endsAt: at("2026-12-20"),
            year: 2026,
            status: "registration_open",
            noticeDays: 5,
            // The rules allow theory up to 40% (heat-plant operation), above the default 30%.
            theoryCapPct: 40,
          },
        });

        const chiefId = userId.get("chief");
        const judgeIds = ["judge1", "judge2", "judge3"].map((u) => userId.get(u));
        for (const [order, event] of SKILLS_EVENTS.entries()) {
          const created = await tx.event.create({
            data: {
              contestId: skills.id,
              code: event.code,
              name: event.name,
              category: event.category,
              trade: event.trade,
              mode: event.mode,
              teamMin: event.teamMin ?? 1,
              teamMax: event.teamMax ?? 1,
              substitutes: event.substitutes ?? 0,
              quotaPerOrg: event.quotaPerOrg,
              cap: event.cap ?? null,
              minAge: event.minAge,
              maxAge: event.maxAge,
              minSkillLevel: event.minSkillLevel ?? null,
              unionMemberRequired: true,
              aggregation: "trimmed_mean",
              tieBreaks: JSON.stringify([{ kind: "part", part: "practical" }]),
              prizeRules: JSON.stringify([
                { tier: "first", share: 10 },
                { tier: "second", share: 20 },
                { tier: "third", share: 30 },
              ]),
              sortOrder: order,
            },
          });
          for (const [partOrder, part] of event.parts.entries()) {
            await tx.eventPart.create({
              data: {
                eventId: created.id,
                kind: part.kind,
                name: part.name,
                weight: part.weight,
                fullMark: part.criteria.reduce((sum, c) => sum + c[3], 0),
                sortOrder: partOrder,
                criteria: {
                  create: part.criteria.map(([code, name, type, max], i) => ({
                    code,
                    name,
                    type,
                    maxMark: max,
                    sortOrder: i,
                  })),
                },
              },
            });
          }
          if (chiefId)
            await tx.judgeAssignment.create({
              data: { eventId: created.id, userId: chiefId, isChief: true },
            });
          for (const id of judgeIds) {
            if (id) await tx.judgeAssignment.create({ data: { eventId: created.id, userId: id } });
          }

          // Entries from the organisations whose workers have the event's trade.
          const entrants = [...workersByOrg.values()]
            .flat()
            .filter((w) => event.trades.includes(w.trade) && w.skillLevel !== "junior");
          let seq = 0;
          if (event.mode === "individual") {
            const perOrg = new Map<string, number>();
            for (const worker of entrants) {
              const used = perOrg.get(worker.org) ?? 0;
              if (used >= event.quotaPerOrg) continue;
              perOrg.set(worker.org, used + 1);
              seq += 1;
              const approved = seq % 5 !== 0;
              await tx.registration.create({
                data: {
                  eventId: created.id,
                  organisationId: idOf(worker.org),
                  workerId: worker.id,
                  status: approved ? "approved" : "submitted",
                  entryNumber: approved ? formatEntryNumber(skills.code, event.code, seq) : null,
                  decidedAt: approved ? at("2026-11-15") : null,
                },
              });
            }
          } else {
            const byOrg = new Map<string, SeededWorker[]>();
            for (const w of entrants) byOrg.set(w.org, [...(byOrg.get(w.org) ?? []), w]);
            for (const [org, members] of byOrg) {
              const size = Math.min(members.length, event.teamMax ?? 3);
              if (size < (event.teamMin ?? 2)) continue;
              seq += 1;
              const team = await tx.team.create({
                data: {
                  eventId: created.id,
                  organisationId: idOf(org),
                  name: `${ORGANISATIONS.find((o) => o.key === org)?.shortName ?? ORGANISATIONS.find((o) => o.key === org)?.name.slice(2, 6)}代表队`,
                  members: { create: members.slice(0, size).map((m) => ({ workerId: m.id })) },
                },
              });
              await tx.registration.create({
                data: {
                  eventId: created.id,
                  organisationId: idOf(org),
                  teamId: team.id,
                  status: "approved",
                  entryNumber: formatEntryNumber(skills.code, event.code, seq),
                  decidedAt: at("2026-11-15"),
                },
              });
            }
          }
        }

        // ── the key-project merit competition (labour competition) ──
        await tx.contest.create({
          data: {
            code: "XA2026GAMES",
            kind: "labour_competition",
            name: "“助力十四运 建功新时代”重点项目立功竞赛",
            organiserId: idOf("xa"),
            description:
              "围绕重点项目建设开展“比质量、比安全、比进度、比创新”劳动竞赛，按月评比，月度第一名授予流动红旗。",
            rules: "发生较大及以上安全、质量事故的单位，当期实行一票否决。",
            startsAt: at("2026-08-01"),
            endsAt: at("2026-11-28"),
            year: 2026,
            status: "in_progress",
          },
        });
        await tx.contest.create({
          data: {
            code: "WN2026SBSZ",
            kind: "labour_competition",
            name: "渭南市重点项目“双比双争”劳动和技能竞赛",
            organiserId: idOf("wn"),
            description:
              "在全市重点项目建设中广泛开展“比质量争精品工程，比技能争当先锋模范”劳动和技能竞赛，助力“一市两区三地”建设。",
            startsAt: at("2026-04-01"),
            endsAt: at("2026-12-31"),
            year: 2026,
            status: "in_progress",
          },
        });
        await tx.contest.create({
          data: {
            code: "WN2026QUIZ",
            kind: "knowledge_quiz",
            name: "2026年渭南市职工安全生产知识线上答题",
            organiserId: idOf("wn"),
            description: "面向全市职工的安全生产与劳动法律知识线上答题，每人限答一次，限时20分钟。",
            registrationOpensAt: at("2026-11-01"),
            registrationClosesAt: at("2026-12-15"),
            startsAt: at("2026-11-20"),
            endsAt: at("2026-12-15"),
            year: 2026,
            status: "registration_open",
          },
        });

        // ── honours registry ──
        for (const h of HONOURS.modelWorkers) {
          const worker = workersByOrg.get(h.org)?.[1] ?? firstWorker(h.org);
          await tx.honourAward.create({
            data: {
              kind: "model_worker",
              level: h.level,
              year: h.year,
              conferringBody:
                h.level === "national"
                  ? "国务院"
                  : h.level === "provincial"
                    ? "陕西省人民政府"
                    : h.org.startsWith("wn")
                      ? "渭南市人民政府"
                      : "西安市人民政府",
              citation: h.citation,
              recipientKind: "worker",
              recipientName: worker.name,
              workerId: worker.id,
              organisationId: idOf(h.org),
            },
          });
        }
        for (const h of HONOURS.craftsmen) {
          const worker =
            workersByOrg.get(h.org)?.["worker" in h ? h.worker : 2] ?? firstWorker(h.org);
          await tx.honourAward.create({
            data: {
              kind: "craftsman",
              level: "city",
              year: h.year,
              conferringBody: "西安市总工会",
              citation: h.citation,
              recipientKind: "worker",
              recipientName: worker.name,
              workerId: worker.id,
              organisationId: idOf(h.org),
            },
          });
        }
        for (const h of HONOURS.collectives) {
          const org = ORGANISATIONS.find((o) => o.key === h.org);
          await tx.honourAward.create({
            data: {
              kind: h.kind,
              level: h.level,
              year: h.year,
              conferringBody: h.org.startsWith("wn") ? "渭南市总工会" : "西安市总工会",
              citation: h.citation,
              recipientKind: "organisation",
              recipientName: org?.name ?? h.org,
              organisationId: idOf(h.org),
            },
          });
        }
        for (const s of HONOURS.studios) {
          const leader = workersByOrg.get(s.org)?.[1] ?? firstWorker(s.org);
          const members = (workersByOrg.get(s.org) ?? []).slice(2, 6);
          const studio = await tx.innovationStudio.create({
            data: {
              name: s.name,
              hostOrganisationId: idOf(s.org),
              leaderWorkerId: leader.id,
              leaderName: leader.name,
              field: s.field,
              description: `${s.name}由${leader.name}领衔，聚焦${s.field}领域技术攻关、技能传承和职工培训。`,
              namedYear: s.year,
              members: {
                create: members.map((m, i) => ({
                  workerId: m.id,
                  name: m.name,
                  role: i === 0 ? "技术骨干" : "成员",
                })),
              },
              achievements: {
                create: s.achievements.map(([kind, title, quantity], i) => ({
                  year: s.year + (i % 3),
                  kind,
                  title,
                  quantity,
                })),
              },
            },
          });
          await tx.honourAward.create({
            data: {
              kind: "innovation_studio",
              level: "city",
              year: s.year,
              conferringBody: s.org.startsWith("wn") ? "渭南市人民政府" : "西安市人民政府",
              citation: `命名为市级${s.name}。`,
              recipientKind: "studio",
              recipientName: s.name,
              studioId: studio.id,
              organisationId: idOf(s.org),
            },
          });
        }

        const contestIds = new Map<string, number>(
          (await tx.contest.findMany({ select: { id: true, code: true } })).map((c) => [
            c.code,
            c.id,
          ]),
        );
        const ctx: SeedContext = { rng, orgId, workersByOrg, userId, contestIds, passwordHash };
        for (const extend of SEED_EXTENSIONS) await extend(tx, ctx);
        // The year in numbers, from everything above.
        await rebuildEntryStats(tx);
      },
      { timeout: 300_000 },
    );

    const counts = {
      organisations: await prisma.organisation.count(),
      workers: await prisma.worker.count(),
      contests: await prisma.contest.count(),
      events: await prisma.event.count(),
      registrations: await prisma.registration.count(),
      honours: await prisma.honourAward.count(),
    };
    console.log(`Seeded in ${Date.now() - started} ms:`, counts);
    console.log(
      `Demo accounts (password ${DEMO_PASSWORD}): ${[...ORGANISER_ACCOUNTS, ...DEMO_ACCOUNTS, ...WORKER_ACCOUNTS].map((a) => a.username).join(", ")}`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

await main();
