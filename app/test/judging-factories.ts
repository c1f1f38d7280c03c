// A small judged event for model tests: a federation with an industry union and three
// companies, a panel of three (the chief, a judge of company A, a judge of A's union), a theory part with a
// measurement and a practical part with a WorldSkills aspect and a trimmed-mean aspect.
import { expect } from "vitest";
import { write } from "~/db.server";
import { loadScoreSheet, saveScoreSheet } from "~/models/marks.server";
import { createOrganisation, createUser, createWorker } from "~/test/factories";

let seq = 0;

export async function createJudgedEvent(
  options: { prizes?: unknown[]; noticeDays?: number; theoryWeight?: number } = {},
) {
  const n = ++seq;
  const federation = await createOrganisation({ kind: "federation" });
  const union = await createOrganisation({ kind: "industry_union", parentId: federation.id });
  const companyA = await createOrganisation({ parentId: union.id });
  const district = await createOrganisation({ kind: "district_union", parentId: federation.id });
  const companyB = await createOrganisation({ parentId: district.id });
  const companyC = await createOrganisation({ parentId: district.id });
  const chief = await createUser({ role: "judge", organisationId: federation.id });
  const judgeA = await createUser({ role: "judge", organisationId: companyA.id });
  const judgeU = await createUser({ role: "judge", organisationId: union.id });
  const judge3 = await createUser({ role: "judge", organisationId: companyC.id });
  const manager = await createUser({ role: "org_manager", organisationId: companyB.id });

  const ids = await write(async (tx) => {
    const contest = await tx.contest.create({
      data: {
        year: 2026,
        code: `T${n}${Date.now() % 100000}`,
        kind: "skills_contest",
        name: "测试大赛",
        organiserId: federation.id,
        status: "in_progress",
        noticeDays: options.noticeDays ?? 5,
      },
    });
    const event = await tx.event.create({
      data: {
        contestId: contest.id,
        code: "EV",
        name: "测试赛项",
        aggregation: "trimmed_mean",
        tieBreaks: JSON.stringify([{ kind: "part", part: "practical" }]),
        prizeRules: JSON.stringify(
          options.prizes ?? [
            { tier: "first", count: 1 },
            { tier: "second", count: 1 },
          ],
        ),
      },
    });
    const theory = await tx.eventPart.create({
      data: {
        eventId: event.id,
        kind: "theory",
        name: "理论",
        weight: options.theoryWeight ?? 30,
        fullMark: 10000,
        sortOrder: 0,
        criteria: { create: [{ code: "T1", name: "理论", type: "measurement", maxMark: 10000 }] },
      },
      include: { criteria: true },
    });
    const practical = await tx.eventPart.create({
      data: {
        eventId: event.id,
        kind: "practical",
        name: "实操",
        weight: 100 - (options.theoryWeight ?? 30),
        fullMark: 10000,
        sortOrder: 1,
        criteria: {
          create: [
            {
              code: "P1",
              name: "质量",
              type: "judgement",
              maxMark: 6000,
              aggregation: "worldskills",
              sortOrder: 0,
            },
            { code: "P2", name: "规范", type: "judgement", maxMark: 4000, sortOrder: 1 },
          ],
        },
      },
      include: { criteria: { orderBy: { sortOrder: "asc" } } },
    });
    for (const [userId, isChief] of [
      [chief.id, true],
      [judgeA.id, false],
      [judgeU.id, false],
    ] as const) {
      await tx.judgeAssignment.create({ data: { eventId: event.id, userId, isChief } });
    }
    return {
      contestId: contest.id,
      eventId: event.id,
      theoryId: theory.id,
      practicalId: practical.id,
      t1: theory.criteria[0]!.id,
      p1: practical.criteria[0]!.id,
      p2: practical.criteria[1]!.id,
    };
  });

  async function entry(organisationId: number, code: string) {
    const worker = await createWorker(organisationId);
    return write((tx) =>
      tx.registration.create({
        data: {
          eventId: ids.eventId,
          organisationId,
          workerId: worker.id,
          status: "approved",
          blindCode: code,
        },
      }),
    );
  }
  const entryB = await entry(companyB.id, "BBBBB2");
  const entryC = await entry(companyB.id, "CCCCC3");
  return {
    ...ids,
    orgs: { federation, union, companyA, companyB, companyC },
    // judge3 is a judge who is not on this event's panel.
    judges: { chief, judgeA, judgeU, judge3 },
    manager,
    entries: { entryB, entryC },
    /** An entry of company A: judgeA (own company) and judgeU (its parent union) are recused. */
    addRecusedEntry: () => entry(companyA.id, "AAAAA1"),
    /** Another entry (blind code `code`) of an organisation. */
    addEntry: (organisationId: number, code: string) => entry(organisationId, code),
  };
}

export type JudgedEvent = Awaited<ReturnType<typeof createJudgedEvent>>;

type Marks = { t1?: string; p1?: string; p2?: string };

export async function saveSheet(
  ev: JudgedEvent,
  registrationId: number,
  judgeId: number,
  marks: Marks,
  submit = true,
) {
  const sheet = await loadScoreSheet(ev.eventId, registrationId, judgeId);
  if (!sheet) throw new Error("no sheet");
  return saveScoreSheet({
    eventId: ev.eventId,
    registrationId,
    judgeId,
    versions: Object.fromEntries(sheet.parts.map((p) => [p.id, p.version])),
    marks: { [ev.t1]: marks.t1, [ev.p1]: marks.p1, [ev.p2]: marks.p2 },
    submit,
  });
}

/** Chief records theory and judges both aspects; judgeA and judgeU judge the aspects. */
export async function markEntry(
  ev: JudgedEvent,
  registrationId: number,
  p1: [string, string, string],
  p2: [string, string, string],
  t1 = "80",
) {
  const { chief, judgeA, judgeU } = ev.judges;
  expect((await saveSheet(ev, registrationId, chief.id, { t1, p1: p1[0], p2: p2[0] })).ok).toBe(
    true,
  );
  expect((await saveSheet(ev, registrationId, judgeA.id, { p1: p1[1], p2: p2[1] })).ok).toBe(true);
  expect((await saveSheet(ev, registrationId, judgeU.id, { p1: p1[2], p2: p2[2] })).ok).toBe(true);
}
