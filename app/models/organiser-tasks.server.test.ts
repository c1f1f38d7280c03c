import { beforeAll, describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { PLATFORM_SCOPE, unionScope, type OrganiserScope } from "~/domain/organisation";
import { organiserTasks } from "./organiser-tasks.server";
import { refreshEntryResult } from "./results.server";
import { expectDemoStory } from "~/test/demo-story";

async function scopeOf(name: string): Promise<OrganiserScope> {
  const union = await prisma.organisation.findFirstOrThrow({ where: { name } });
  return unionScope(union.id, union.path);
}

beforeAll(async () => {
  await expectDemoStory();
});

describe("the organiser's task list on the demo story", () => {
  it("gives a district organiser its own contest's entries and events, nothing of others", async () => {
    const tasks = await organiserTasks(await scopeOf("西安高新区工会"));
    expect(tasks.review).toEqual([
      expect.objectContaining({
        name: "2026年西安高新区职工软件开发技能竞赛",
        waiting: 4,
        flagged: 2,
      }),
    ]);
    expect(tasks.setup.map((e) => [e.name, e.noJudges, e.noScheme])).toEqual([
      ["Web应用开发", true, true],
    ]);
    expect(tasks.notices).toEqual([]);
    expect(tasks.objections).toEqual([]);
    expect(tasks.quizzes).toEqual([]);
  });

  it("gives Weinan its notice ending this week, the objection, the closing quiz and missing reports", async () => {
    const now = new Date();
    const tasks = await organiserTasks(await scopeOf("渭南市总工会"), now);
    expect(tasks.notices.map((n) => n.name)).toEqual(["2026年渭南市劳动模范推荐"]);
    expect(tasks.objections).toEqual([
      expect.objectContaining({ name: "2026年渭南市劳动模范推荐", open: 1 }),
    ]);
    // The seed closes 第二期 five days after it ran. Weinan's other quizzes keep their calendar
    // dates (第一期 closes 2026-12-15, the 百日千题 campaign 2026-12-10), so each of them is a
    // closing quiz only in the week before it closes.
    const week = new Date(now.getTime() + 7 * 86_400_000);
    const dated = await prisma.quiz.findMany({
      where: { name: { in: ["第一期：安全生产与劳动法律知识", "“党的知识”百日千题"] } },
    });
    expect(dated).toHaveLength(2);
    const closing = dated.filter((q) => q.opensAt <= now && q.closesAt > now && q.closesAt <= week);
    expect(tasks.quizzes.map((q) => q.name).sort()).toEqual(
      ["第二期：职业病防治知识", ...closing.map((q) => q.name)].sort(),
    );
    expect(tasks.labour.map((p) => [p.contestCode, p.missing])).toEqual([["WN2026SBSZ", 2]]);
    // The joint welding contest (Weinan owns it) is set up by Weinan; Xi'an's events are not.
    expect(tasks.setup.map((e) => e.contest.name)).toEqual(["2026年西安·渭南职工焊工技能邀请赛"]);
  });

  it("lists an event once every judged entry has a complete result", async () => {
    const event = await prisma.event.findFirstOrThrow({
      where: { code: "OFFICE" },
      include: { parts: { include: { criteria: true } }, judges: true },
    });
    const before = await organiserTasks(PLATFORM_SCOPE);
    expect(before.readyToLock.map((e) => e.id)).not.toContain(event.id);
    const entries = await prisma.registration.findMany({
      where: { eventId: event.id, status: { in: ["approved", "checked_in"] } },
    });
    await write(async (tx) => {
      for (const entry of entries) {
        for (const c of event.parts.flatMap((p) => p.criteria))
          // A measurement is recorded once, by the chief judge; judgements by every judge.
          for (const j of event.judges.filter((j) => c.type !== "measurement" || j.isChief))
            await tx.mark.create({
              data: {
                registrationId: entry.id,
                criterionId: c.id,
                judgeId: j.userId,
                value: c.aggregation === "worldskills" ? 2 : Math.floor(c.maxMark * 0.8),
              },
            });
        await refreshEntryResult(tx, entry.id);
      }
      await tx.event.update({ where: { id: event.id }, data: { status: "scoring" } });
    });
    const after = await organiserTasks(await scopeOf("西安市总工会"));
    expect(after.readyToLock).toEqual([
      expect.objectContaining({ id: event.id, entries: entries.length, complete: entries.length }),
    ]);
    // 高新区 does not run that contest.
    expect((await organiserTasks(await scopeOf("西安高新区工会"))).readyToLock).toEqual([]);
  });
});
