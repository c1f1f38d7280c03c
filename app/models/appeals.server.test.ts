/// <reference types="vite/client" />
// Appeals check their own entry (issue 12, finding 3). The chief judge is recused from one
// entry (a company directly under the chief's federation); its appeal belongs to the first
// judge of its panel. Every appeal action — each intent the review page's action handles,
// and each model function behind them — is tried by the recused chief, through that entry's
// own page and through another entry's page, and must be refused with nothing changed; the
// chief's workbench must not show the entry's total or its appeal text. The judge who
// presides over it can do all of it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import {
  decideAppeal,
  listAppealsForEvent,
  lodgeAppeal,
  startAppealReview,
} from "./appeals.server";
import { correctMarks, loadScoreSheet, saveScoreSheet } from "./marks.server";
import { eventProgress, lockEvent } from "./readiness.server";
import { publishEvent } from "./results.server";
import { createOrganisation, createUser, createWorker } from "~/test/factories";
import { createJudgedEvent, type JudgedEvent } from "~/test/judging-factories";
import { makeRequest, run, type RouteModule } from "~/test/route-harness";

const REVIEW = "judge.events.$eventId.review.$blindCode.tsx";
const EVENT_PAGE = "judge.events.$eventId._index.tsx";
const modules = import.meta.glob<RouteModule>("../routes/*.{ts,tsx}");

let ev: JudgedEvent;
let recused = { id: 0, code: "RRRRR5", appealId: 0, text: "" };
let other = { id: 0, code: "", appealId: 0, text: "" };

async function submitAll(registrationId: number, judges: number[], p1: string, p2: string) {
  for (const judgeId of judges) {
    const sheet = await loadScoreSheet(ev.eventId, registrationId, judgeId);
    if (!sheet) throw new Error("not on the panel");
    const result = await saveScoreSheet({
      eventId: ev.eventId,
      registrationId,
      judgeId,
      versions: Object.fromEntries(sheet.parts.map((p) => [p.id, p.version])),
      marks: Object.fromEntries(
        sheet.parts
          .flatMap((p) => p.criteria)
          .map((c) => [c.id, c.id === ev.t1 ? "75" : c.id === ev.p1 ? p1 : p2]),
      ),
      submit: true,
    });
    expect(result.ok).toBe(true);
  }
}

/** Everything an appeal action could change about the recused entry. */
async function stateOf(registrationId: number) {
  return {
    appeals: await prisma.appeal.findMany({ where: { registrationId }, orderBy: { id: "asc" } }),
    marks: await prisma.mark.findMany({ where: { registrationId }, orderBy: { id: "asc" } }),
    result: await prisma.result.findUnique({ where: { registrationId } }),
    audit: await prisma.auditLog.count({
      where: { entityType: "Registration", entityId: registrationId },
    }),
  };
}

/** The intents the review page's action handles, read from its source. */
function reviewIntents(): string[] {
  const source = readFileSync(path.resolve("app/routes", REVIEW), "utf8");
  return [...new Set([...source.matchAll(/intent === "([\w-]+)"/g)].map((m) => m[1]!))];
}

beforeAll(async () => {
  ev = await createJudgedEvent();
  const { chief, judgeA, judgeU, judge3 } = ev.judges;
  // A fourth judge, of the district union: recused from B and C (its member companies), so
  // every entry keeps a panel of three (WorldSkills aspects need exactly three).
  await write(async (tx) => {
    await tx.judgeAssignment.create({ data: { eventId: ev.eventId, userId: judge3.id } });
    const district = await tx.organisation.findUniqueOrThrow({
      where: { id: ev.orgs.companyB.id },
      select: { parentId: true },
    });
    await tx.user.update({ where: { id: judge3.id }, data: { organisationId: district.parentId } });
  });
  // A company directly under the chief judge's federation: the chief is recused from it.
  const nearChief = await createOrganisation({ parentId: ev.orgs.federation.id });
  const worker = await createWorker(nearChief.id);
  const entry = await write((tx) =>
    tx.registration.create({
      data: {
        eventId: ev.eventId,
        organisationId: nearChief.id,
        workerId: worker.id,
        status: "approved",
        blindCode: recused.code,
      },
    }),
  );
  const nearManager = await createUser({ role: "org_manager", organisationId: nearChief.id });
  const panel = [chief.id, judgeA.id, judgeU.id];
  await submitAll(ev.entries.entryB.id, panel, "2", "30");
  await submitAll(ev.entries.entryC.id, panel, "3", "33");
  await submitAll(entry.id, [judgeA.id, judgeU.id, judge3.id], "2", "31.37");
  expect(await lockEvent(ev.eventId, chief.id)).toEqual({ ok: true });
  expect(await publishEvent(ev.eventId, chief.id)).toEqual({ ok: true });

  const text = "评分项P2与现场录像不符，请复核（回避测试）。";
  const lodged = await lodgeAppeal({
    registrationId: entry.id,
    organisationId: nearChief.id,
    userId: nearManager.id,
    text,
  });
  const otherText = "另一选手的申诉：P1 评分请复核。";
  const otherLodged = await lodgeAppeal({
    registrationId: ev.entries.entryB.id,
    organisationId: ev.orgs.companyB.id,
    userId: ev.manager.id,
    text: otherText,
  });
  if (!lodged.ok || !otherLodged.ok) throw new Error("appeals not lodged");
  recused = { id: entry.id, code: recused.code, appealId: lodged.value, text };
  other = {
    id: ev.entries.entryB.id,
    code: ev.entries.entryB.blindCode!,
    appealId: otherLodged.value,
    text: otherText,
  };
}, 120_000);

describe("appeal actions check the appeal's own entry", () => {
  it("keep a recused chief's workbench free of that entry's total and appeal", async () => {
    const chief = ev.judges.chief.id;
    const progress = await eventProgress(ev.eventId, chief);
    expect(progress?.entries.map((e) => e.blindCode)).not.toContain(recused.code);
    expect(progress?.presidedByOthers).toBe(1);
    const appeals = await listAppealsForEvent(ev.eventId, chief);
    expect(appeals.map((a) => a.text)).toEqual([other.text]);

    const total = (await prisma.result.findUniqueOrThrow({ where: { registrationId: recused.id } }))
      .total!;
    const mod = await modules[`../routes/${EVENT_PAGE}`]!();
    const { outcome, value } = await run(
      mod.loader!,
      await makeRequest(`/judge/events/${ev.eventId}`, { userId: chief }),
      { eventId: String(ev.eventId) },
    );
    expect(outcome).toBe("ok");
    const page = JSON.stringify(value);
    expect(page).not.toContain(recused.text);
    expect(page).not.toContain(recused.code);
    expect(page).not.toMatch(new RegExp(`"total":${total}\\b`));

    // The judge who presides over it sees exactly that entry and its appeal.
    const presiding = await eventProgress(ev.eventId, ev.judges.judgeA.id);
    expect(presiding?.entries.map((e) => e.blindCode)).toEqual([recused.code]);
    expect((await listAppealsForEvent(ev.eventId, ev.judges.judgeA.id)).map((a) => a.text)).toEqual(
      [recused.text],
    );
  });

  it("refuse every intent of the review page from a recused chief, through any entry's page", async () => {
    const intents = reviewIntents();
    expect(intents.sort()).toEqual(["correct", "decide", "review"]);
    const mod = await modules[`../routes/${REVIEW}`]!();
    const before = await stateOf(recused.id);
    for (const [code, expected] of [
      // The recused entry's own page does not exist for the chief.
      [recused.code, "not-found"],
      // Another entry's page with the recused entry's appeal id: the appeal is not found there.
      [other.code, "conflict"],
    ] as const) {
      for (const intent of intents) {
        const body = new FormData();
        body.set("intent", intent);
        body.set("appealId", String(recused.appealId));
        body.set("outcome", "upheld");
        body.set("note", "越权处理");
        body.set("reason", "越权修改");
        body.set(`c${ev.p2}_${ev.judges.judgeA.id}`, "40");
        const url = `/judge/events/${ev.eventId}/review/${code}`;
        const request = await makeRequest(url, {
          method: "POST",
          userId: ev.judges.chief.id,
          body,
        });
        const { outcome, value } = await run(mod.action!, request, {
          eventId: String(ev.eventId),
          blindCode: code,
        });
        if (value instanceof Response) await value.body?.cancel();
        if (code === recused.code || intent !== "correct")
          expect(outcome, `${intent} through ${code}`).toBe(expected);
        expect(await stateOf(recused.id), `${intent} through ${code}`).toEqual(before);
      }
    }
    // The loader of the recused entry's page is not there for the chief either.
    const { outcome } = await run(
      mod.loader!,
      await makeRequest(`/judge/events/${ev.eventId}/review/${recused.code}`, {
        userId: ev.judges.chief.id,
      }),
      { eventId: String(ev.eventId), blindCode: recused.code },
    );
    expect(outcome).toBe("not-found");
  });

  it("refuse every model action on the appeal from the recused chief", async () => {
    const before = await stateOf(recused.id);
    const chief = ev.judges.chief.id;
    for (const registrationId of [recused.id, other.id]) {
      const action = {
        appealId: recused.appealId,
        eventId: ev.eventId,
        registrationId,
        judgeId: chief,
      };
      expect((await startAppealReview(action)).ok).toBe(false);
      expect((await decideAppeal({ ...action, outcome: "upheld", note: "越权" })).ok).toBe(false);
    }
    expect(
      await correctMarks({
        eventId: ev.eventId,
        registrationId: recused.id,
        chiefId: chief,
        cells: { [`${ev.p2}:${ev.judges.judgeA.id}`]: "40" },
        reason: "越权修改",
      }),
    ).toEqual({ ok: false, problems: [{ code: "judging.review.not_found", params: {} }] });
    expect(await stateOf(recused.id)).toEqual(before);
  });

  it("let the presiding judge review, correct and decide it", async () => {
    const judgeA = ev.judges.judgeA.id;
    const action = {
      appealId: recused.appealId,
      eventId: ev.eventId,
      registrationId: recused.id,
      judgeId: judgeA,
    };
    expect(await startAppealReview(action)).toEqual({ ok: true, value: undefined });
    expect(
      await correctMarks({
        eventId: ev.eventId,
        registrationId: recused.id,
        chiefId: judgeA,
        cells: { [`${ev.p2}:${ev.judges.judgeU.id}`]: "35" },
        reason: "申诉复核：按现场录像改判",
      }),
    ).toEqual({ ok: true, value: { changed: 1 } });
    expect(await decideAppeal({ ...action, outcome: "upheld", note: "申诉成立" })).toEqual({
      ok: true,
    });
    expect(
      (await prisma.appeal.findUniqueOrThrow({ where: { id: recused.appealId } })).status,
    ).toBe("upheld");
  });
});
