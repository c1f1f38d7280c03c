// Many judges saving at once: every save is serialised by write(), versions stop stale
// overwrites, and afterwards every stored total equals a fresh computation from the marks.
import { describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { computeEvent } from "~/models/results.server";
import { loadScoreSheet, saveScoreSheet } from "~/models/marks.server";
import { createJudgedEvent } from "~/test/judging-factories";
import { createWorker } from "~/test/factories";

describe("concurrent score saves", () => {
  it("loses no mark across 200 parallel saves and keeps every total equal to its recomputation", async () => {
    const ev = await createJudgedEvent();
    // 21 more entries of company B: each judge of the panel marks all of them.
    const regs = [ev.entries.entryB.id, ev.entries.entryC.id];
    for (let i = 0; i < 21; i++) {
      const w = await createWorker(ev.orgs.companyB.id);
      const reg = await write((tx) =>
        tx.registration.create({
          data: {
            eventId: ev.eventId,
            organisationId: ev.orgs.companyB.id,
            workerId: w.id,
            status: "approved",
            blindCode: `Z${String(i).padStart(4, "0")}X`,
          },
        }),
      );
      regs.push(reg.id);
    }
    const judges = [ev.judges.chief.id, ev.judges.judgeA.id, ev.judges.judgeU.id];
    const expected = new Map<string, number>();
    const jobs: (() => Promise<unknown>)[] = [];
    regs.forEach((reg, r) => {
      judges.forEach((judge, j) => {
        const p1 = String((r + j) % 3 === 0 ? 1 : 2);
        const p2 = String(20 + ((r * 7 + j * 3) % 20));
        expected.set(`${reg}:${ev.p1}:${judge}`, Number(p1));
        expected.set(`${reg}:${ev.p2}:${judge}`, Number(p2) * 100);
        if (j === 0) expected.set(`${reg}:${ev.t1}:${judge}`, 5000 + r * 100);
        // Each judge saves the same sheet three times, each from a freshly loaded form: a
        // draft, a second draft and the submission, all racing the other judges.
        for (const submit of [false, false, true]) {
          jobs.push(async () => {
            for (let attempt = 0; attempt < 50; attempt++) {
              const sheet = await loadScoreSheet(ev.eventId, reg, judge);
              const result = await saveScoreSheet({
                eventId: ev.eventId,
                registrationId: reg,
                judgeId: judge,
                versions: Object.fromEntries(sheet!.parts.map((p) => [p.id, p.version])),
                marks: { [ev.t1]: j === 0 ? String(50 + r) : undefined, [ev.p1]: p1, [ev.p2]: p2 },
                submit,
              });
              if (result.ok) return result;
              // A version conflict is the expected answer to a race: reload and retry.
              if (result.problems[0]?.code !== "judging.sheet.conflict")
                throw new Error(JSON.stringify(result));
              conflicts += 1;
            }
            throw new Error("never saved");
          });
        }
      });
    });
    expect(jobs.length).toBeGreaterThanOrEqual(200);
    let conflicts = 0;
    const started = performance.now();
    await Promise.all(jobs.map((job) => job()));
    const elapsed = performance.now() - started;
    console.info(
      `${jobs.length} concurrent sheet saves in ${elapsed.toFixed(0)} ms, ${conflicts} stale-version retries`,
    );

    const marks = await prisma.mark.findMany({ where: { registrationId: { in: regs } } });
    expect(marks).toHaveLength(expected.size);
    for (const m of marks)
      expect(m.value).toBe(expected.get(`${m.registrationId}:${m.criterionId}:${m.judgeId}`));

    const fresh = await computeEvent(prisma, ev.eventId);
    if (!fresh?.results.ok) throw new Error("invalid");
    const stored = await prisma.result.findMany({ where: { eventId: ev.eventId } });
    expect(stored).toHaveLength(regs.length);
    for (const row of stored) {
      const recomputed = fresh.results.value.entries.find(
        (e) => e.entryId === String(row.registrationId),
      );
      expect(row.total).toBe(recomputed?.total);
      expect(row.complete).toBe(true);
    }
    const counts = await prisma.scoreCount.aggregate({
      where: { eventId: ev.eventId },
      _sum: { count: true },
    });
    expect(counts._sum.count).toBe(regs.length);
  }, 120_000);
});
