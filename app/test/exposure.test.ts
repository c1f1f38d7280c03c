/// <reference types="vite/client" />
// What each role can see, read from every route loader's answer (issue 12, findings 2 and
// 13). On the seeded database, the digital-skills event (XA2026DIGI/OFFICE) is being marked:
// judges have submitted sheets and one judge holds a draft. Every route file is called as
// every kind of user, with its URL built from the file name, so a new route is scanned as
// soon as it exists. The answers must show:
//   - no registration id of the event to anyone but the organiser and the entrants' own
//     side: not on public pages, not to judges (their pages address entries by blind code);
//   - no score of the event before publication, except to the organiser and to the judges'
//     own workbenches (which show blind codes, never names);
//   - no page that shows a blind code also showing an entrant's name, entry number or unit;
//   - nothing at all changed by a judge's draft, for anyone but that judge;
//   - no masked ID number beside its holder's birth date (finding 13).
// With live scores chosen for the event the public boards show its scores, still without ids.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { isoDateOf } from "~/domain/identity/dates";
import { setBoardSettings } from "~/models/leaderboard.server";
import { loadScoreSheet, saveScoreSheet } from "~/models/marks.server";
import { makeRequest, reuseSignIns, run, type RouteModule } from "~/test/route-harness";
import { expectDemoStory } from "~/test/demo-story";

const modules = import.meta.glob<RouteModule>("../routes/*.{ts,tsx}");
const FILES = Object.keys(modules).map((p) => p.replace("../routes/", ""));

type Role =
  | "anon"
  | "worker"
  | "worker2"
  | "mgrOwn"
  | "mgrOther"
  | "chief"
  | "judge1"
  | "judge2"
  | "judge3"
  | "admin";
const ROLES: Role[] = [
  "anon",
  "worker",
  "worker2",
  "mgrOwn",
  "mgrOther",
  "chief",
  "judge1",
  "judge2",
  "judge3",
  "admin",
];
const JUDGES: Role[] = ["chief", "judge1", "judge2", "judge3"];

const users = {} as Record<Role, number | null>;
const params: Record<string, string> = {};
type Entrant = {
  id: number;
  /** Who may see this entry's id on their own pages: its worker and its unit's manager. */
  ownedBy: Role[];
  blindCode: string;
  entryNumber: string;
  name: string;
  organisation: string;
};
let entrants: Entrant[] = [];
let office = { id: 0, contestId: 0 };
let ids = { t1: 0, p1: 0, p2: 0, p3: 0 };

/** The URLs a route file is read at: its path with params filled, and for boards a search and a "my rank". */
function urlsFor(file: string): string[] | null {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replaceAll("[.]", "\u0000")
    .split(".")
    .filter((s) => s !== "_index");
  const values: Record<string, string | undefined> = {
    ...params,
    code: file.startsWith("admin.quiz")
      ? params.quizCode
      : file.startsWith("admin.labour") || file.startsWith("labour.")
        ? params.labourCode
        : params.contest,
    orgId: file.startsWith("labour.") ? params.labourOrgId : params.ownOrgId,
    workerId: file.startsWith("honours.") ? params.honouredWorkerId : params.ownWorkerId,
  };
  const parts: string[] = [];
  for (const raw of segments) {
    const segment = raw.replace(/_$/, "").replaceAll("\u0000", ".");
    if (segment === "$") {
      parts.push("no", "such", "page");
      continue;
    }
    const m = /^\$(\w+)(\..*)?$/.exec(segment);
    if (!m) {
      parts.push(segment);
      continue;
    }
    const value = values[m[1]!];
    if (value === undefined) return null;
    parts.push(encodeURIComponent(value) + (m[2] ?? ""));
  }
  const path = "/" + parts.join("/");
  if (file.endsWith(".export.tsx")) return [`${path}?format=csv`];
  if (file.startsWith("results.$contest.$event._index") || file.endsWith(".data.tsx")) {
    const a = entrants[0]!;
    return [
      path,
      `${path}?q=${encodeURIComponent(a.name)}`,
      `${path}?entry=${encodeURIComponent(a.entryNumber)}`,
    ];
  }
  return [path];
}

function routeParams(file: string, url: string): Record<string, string> {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replaceAll("[.]", "\u0000")
    .split(".")
    .filter((s) => s !== "_index");
  const parts = url.split("?")[0]!.split("/").filter(Boolean);
  const out: Record<string, string> = {};
  segments.forEach((raw, i) => {
    const segment = raw.replace(/_$/, "");
    if (segment === "$") out["*"] = parts.slice(i).join("/");
    const m = /^\$(\w+)/.exec(segment);
    if (m) out[m[1]!] = decodeURIComponent(parts[i] ?? "").replace(/\.\w+$/, "");
  });
  return out;
}

const BINARY = /pdf|zip|spreadsheetml|octet-stream|image\//;

/** What a loader answered, as text: JSON of its data, or the body of its Response. */
async function answerText(value: unknown): Promise<string | null> {
  if (value instanceof Response) {
    if (value.status >= 300) {
      await value.body?.cancel();
      return null;
    }
    const type = value.headers.get("Content-Type") ?? "";
    if (BINARY.test(type)) {
      await value.body?.cancel();
      return null;
    }
    if (type.includes("event-stream")) {
      // A stream stays open: its first message is what a visitor gets at once.
      const reader = value.body!.getReader();
      const first = await reader.read();
      await reader.cancel();
      return new TextDecoder().decode(first.value);
    }
    return value.text();
  }
  const data =
    value && (value as { type?: string }).type === "DataWithResponseInit"
      ? (value as { data: unknown }).data
      : value;
  return JSON.stringify(data, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

type Snapshot = Map<string, string>;

/** Every route's answer for every role, keyed "role url". */
async function snapshot(roles: Role[] = ROLES): Promise<Snapshot> {
  // Public answers are cached for a second: read past that so every answer is fresh.
  await new Promise((r) => setTimeout(r, 1_100));
  const out: Snapshot = new Map();
  for (const file of FILES) {
    const mod = await modules[`../routes/${file}`]!();
    if (!mod.loader) continue;
    const urls = urlsFor(file);
    expect(urls, `${file}: no value for one of its URL parameters`).not.toBeNull();
    for (const url of urls!) {
      for (const role of roles) {
        const request = await makeRequest(url, { userId: users[role] });
        const { outcome, value } = await run(mod.loader, request, routeParams(file, url));
        expect(outcome, `${role} ${url}`).not.toBe("error");
        const text = outcome === "ok" ? await answerText(value) : null;
        if (text === null) {
          if (value instanceof Response) await value.body?.cancel().catch(() => undefined);
          continue;
        }
        out.set(`${role} ${url}`, text);
      }
    }
  }
  return out;
}

const token = (value: string | number) =>
  new RegExp(
    `(?<![0-9A-Za-z])${String(value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![0-9A-Za-z])`,
  );

function roleOf(key: string): Role {
  return key.slice(0, key.indexOf(" ")) as Role;
}

async function submit(judge: Role, entry: Entrant, marks: Record<number, string>, final = true) {
  const judgeId = users[judge]!;
  const sheet = await loadScoreSheet(office.id, entry.id, judgeId);
  if (!sheet) throw new Error(`${judge} has no sheet for ${entry.blindCode}`);
  const own = new Set(sheet.parts.flatMap((p) => p.criteria.map((c) => c.id)));
  const result = await saveScoreSheet({
    eventId: office.id,
    registrationId: entry.id,
    judgeId,
    versions: Object.fromEntries(sheet.parts.map((p) => [p.id, p.version])),
    marks: Object.fromEntries(Object.entries(marks).filter(([id]) => own.has(Number(id)))),
    submit: final,
  });
  expect(result.ok, `${judge} ${entry.blindCode}`).toBe(true);
}

beforeAll(async () => {
  reuseSignIns();
  await expectDemoStory();
  const userId = async (username: string) =>
    (await prisma.user.findUniqueOrThrow({ where: { username } })).id;
  Object.assign(users, {
    anon: null,
    worker: await userId("worker"),
    worker2: await userId("worker2"),
    mgrOwn: await userId("qinling"),
    mgrOther: await userId("qinchuan"),
    chief: await userId("chief"),
    judge1: await userId("judge1"),
    judge2: await userId("judge2"),
    judge3: await userId("judge3"),
    admin: await userId("admin"),
  });
  const digi = await prisma.contest.findUniqueOrThrow({ where: { code: "XA2026DIGI" } });
  const event = await prisma.event.findFirstOrThrow({
    where: { contestId: digi.id, code: "OFFICE" },
    include: { parts: { include: { criteria: true } } },
  });
  office = { id: event.id, contestId: digi.id };
  const criterion = (code: string) =>
    event.parts.flatMap((p) => p.criteria).find((c) => c.code === code)!.id;
  ids = { t1: criterion("T1"), p1: criterion("P1"), p2: criterion("P2"), p3: criterion("P3") };
  // Registration ids no other number on any page shares, so a leak of one is unmistakable.
  await write(async (tx) => {
    await tx.$executeRawUnsafe(
      `UPDATE "Registration" SET "id" = "id" + 900000 WHERE "eventId" = ${event.id}`,
    );
  });
  const regs = await prisma.registration.findMany({
    where: { eventId: event.id },
    orderBy: { id: "asc" },
    include: { worker: { include: { user: true } }, organisation: true },
  });
  const managers = await prisma.user.findMany({
    where: { id: { in: [users.mgrOwn!, users.mgrOther!] } },
  });
  entrants = regs.map((r) => ({
    id: r.id,
    ownedBy: ROLES.filter(
      (role) =>
        (r.worker?.user && users[role] === r.worker.user.id) ||
        managers.some((m) => users[role] === m.id && m.organisationId === r.organisationId),
    ),
    blindCode: r.blindCode!,
    entryNumber: r.entryNumber!,
    name: r.worker!.name,
    organisation: r.organisation.name,
  }));
  const workerUser = await prisma.user.findUniqueOrThrow({ where: { username: "worker" } });
  const mine = regs.find((r) => r.workerId === workerUser.workerId)!;
  const honouredWorker = await prisma.honourAward.findFirstOrThrow({
    where: { workerId: { not: null } },
  });
  const honouredOrg = await prisma.honourAward.findFirstOrThrow({
    where: { recipientKind: "organisation" },
  });
  const labour = await prisma.contest.findUniqueOrThrow({ where: { code: "XA2026GAMES" } });
  const quiz = await prisma.quiz.findFirstOrThrow();
  const certificate = await prisma.certificate.findFirstOrThrow();
  // A recheck (复核) of the worker's entry, drawn at random and given to judge1, so that the
  // recheck pages (the chief's, the rechecker's, the organiser's) are read with one in them.
  const recheck = await write(async (tx) => {
    const draw = await tx.recheckDraw.create({
      data: {
        eventId: event.id,
        seed: "0123456789abcdef0123456789abcdef",
        candidates: JSON.stringify(regs.map((r) => r.id)),
        count: 1,
        drawn: JSON.stringify([mine.id]),
        actorId: users.chief!,
      },
    });
    return tx.recheck.create({
      data: {
        eventId: event.id,
        registrationId: mine.id,
        reason: "random",
        drawId: draw.id,
        judgeId: users.judge1!,
        status: "assigned",
        assignedAt: new Date(),
      },
    });
  });
  // A finished roster import of the entrant's organisation, for its page.
  const rosterImport = await write((tx) =>
    tx.rosterImport.create({
      data: {
        organisationId: mine.organisationId,
        userId: 1,
        fileName: "名册.csv",
        fileBytes: 100,
        status: "done",
        rowsTotal: 1,
        rowsDone: 1,
      },
    }),
  );
  Object.assign(params, {
    jobId: String(rosterImport.id),
    recheckId: String(recheck.id),
    contest: digi.code,
    event: event.code,
    contestId: String(digi.id),
    eventId: String(event.id),
    blindCode: mine.blindCode!,
    registrationId: String(mine.id),
    ownOrgId: String(mine.organisationId),
    ownWorkerId: String(mine.workerId),
    honouredWorkerId: String(honouredWorker.workerId),
    organisationId: String(honouredOrg.organisationId),
    roundId: String((await prisma.nominationRound.findFirstOrThrow()).id),
    attachmentId: String((await prisma.nominationAttachment.findFirstOrThrow()).id),
    studioId: String((await prisma.innovationStudio.findFirstOrThrow()).id),
    serial: certificate.serial,
    labourCode: labour.code,
    labourOrgId: String(
      (await prisma.labourParticipant.findFirstOrThrow({ where: { contestId: labour.id } }))
        .organisationId,
    ),
    periodId: String(
      (await prisma.labourPeriod.findFirstOrThrow({ where: { contestId: labour.id } })).id,
    ),
    quizId: String(quiz.id),
    quizCode: (await prisma.contest.findUniqueOrThrow({ where: { id: quiz.contestId } })).code,
    questionId: String(
      (await prisma.quizQuestion.findFirstOrThrow({ where: { contestId: quiz.contestId } })).id,
    ),
    attemptId: String(
      (
        (await prisma.quizAttempt.findFirst({ where: { quizId: quiz.id } })) ??
        (await prisma.quizAttempt.findFirstOrThrow())
      ).id,
    ),
    file: "roster.csv",
  });
}, 120_000);

describe("what each role sees of an event being judged", () => {
  let before: Snapshot;
  let totals: number[] = [];

  it("shows no registration id, score or name-to-code join before publication", async () => {
    const [a, b, c] = entrants;
    // Every number the marks below can produce must be new to every page, or a leak of it
    // would be indistinguishable from chance.
    const baseline = await snapshot();
    const all = { [ids.t1]: "81.37", [ids.p1]: "33.19", [ids.p2]: "2", [ids.p3]: "23.41" };
    for (const judge of ["chief", "judge2", "judge3"] as Role[]) {
      await submit(judge, a!, all);
      await submit(judge, b!, { ...all, [ids.p3]: "21.73" });
    }
    // Entry C gets the chief's sheet only: incomplete, no total anywhere.
    await submit("chief", c!, all);
    const results = await prisma.result.findMany({
      where: { eventId: office.id, total: { not: null } },
    });
    totals = results.map((r) => r.total!);
    expect(totals).toHaveLength(2);
    for (const [key, text] of baseline)
      for (const total of totals)
        expect(token(total).test(text), `${key} before marks`).toBe(false);

    before = await snapshot();
    const problems: string[] = [];
    for (const [key, text] of before) {
      const role = roleOf(key);
      if (role === "admin") continue;
      const url = key.slice(key.indexOf(" ") + 1);
      for (const e of entrants) {
        if (token(e.id).test(text) && !e.ownedBy.includes(role))
          problems.push(`${key}: registration id of ${e.blindCode}`);
        if (text.includes(e.blindCode)) {
          for (const shown of [e.name, e.entryNumber, e.organisation])
            if (text.includes(shown))
              problems.push(`${key}: blind code ${e.blindCode} with ${shown}`);
        }
      }
      // Scores before publication: only the judges' own workbenches (blind codes only).
      if (!JUDGES.includes(role) || !url.startsWith("/judge/"))
        for (const total of totals)
          if (token(total).test(text) || text.includes((total / 100).toFixed(2)))
            problems.push(`${key}: a total before publication`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it("changes nothing anyone but the judge sees when a judge saves a draft", async () => {
    const [a, , c] = entrants;
    const others = ROLES.filter((r) => r !== "judge2");
    // /healthz reports the database's own state (checkpoints, migrations), nobody's data.
    const again = await snapshot(others);
    // Answers that differ between two reads with nothing changed (clocks) are not evidence.
    const steady = [...again.keys()].filter(
      (k) => again.get(k) === before.get(k) && !k.endsWith(" /healthz"),
    );
    // A draft on a sheet already submitted (entry A: complete, ranked) and a first draft
    // (entry C): either would move totals, ranks or counts if it reached the results.
    await submit("judge2", a!, { [ids.p2]: "0", [ids.p3]: "5.5" }, false);
    await submit("judge2", c!, { [ids.p2]: "3", [ids.p3]: "29.99" }, false);
    const after = await snapshot(others);
    const moved = steady.filter((k) => after.get(k) !== again.get(k));
    expect(moved).toEqual([]);
    expect(steady.length).toBeGreaterThan(again.size * 0.9);
  }, 600_000);

  it("shows submitted scores to the public once the organiser chooses live scores, still without ids or codes", async () => {
    await setBoardSettings(users.admin!, office.id, {
      freezeAt: null,
      standingsBestN: 3,
      resultsVisibility: "live",
    });
    const live = await snapshot(["anon", "worker", "judge2"]);
    const board = live.get(`anon /results/${params.contest}/${params.event}/data`)!;
    for (const total of totals) expect(token(total).test(board)).toBe(true);
    const problems: string[] = [];
    for (const [key, text] of live)
      for (const e of entrants) {
        if (token(e.id).test(text) && !e.ownedBy.includes(roleOf(key)))
          problems.push(`${key}: registration id`);
        if (!key.includes("/judge/") && text.includes(e.blindCode))
          problems.push(`${key}: blind code`);
      }
    expect(problems).toEqual([]);
    await setBoardSettings(users.admin!, office.id, {
      freezeAt: null,
      standingsBestN: 3,
      resultsVisibility: "on_publication",
    });
  }, 600_000);

  it("keeps the live stream silent about an unpublished event until its scores become public", async () => {
    const mod = await modules["../routes/results.$contest.$event.live.tsx"]!();
    const url = `/results/${params.contest}/${params.event}/live`;
    const response = (await mod.loader!({
      request: await makeRequest(url),
      params: { contest: params.contest!, event: params.event! },
      context: {},
    })) as Response;
    const reader = response.body!.getReader();
    await reader.read(); // "retry: …"
    // One read stays outstanding across waits: a chunk goes to the read that asked first.
    let reading: Promise<string> | null = null;
    const next = (ms: number) => {
      reading ??= reader.read().then((r) => {
        reading = null;
        return new TextDecoder().decode(r.value);
      });
      return Promise.race([
        reading,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
      ]);
    };
    // A judge submits: the results change, and the public hears nothing of it.
    const pending = next(1_500);
    await submit("judge3", entrants[2]!, {
      [ids.p2]: "1",
      [ids.p3]: "19.5",
    });
    expect(await pending).toBeNull();
    // The organiser opens the board: now the stream tells open boards to refetch.
    const change = next(3_000);
    await setBoardSettings(users.admin!, office.id, {
      freezeAt: null,
      standingsBestN: 3,
      resultsVisibility: "live",
    });
    expect(await change).toContain("event: change");
    await reader.cancel();
  }, 60_000);
});

describe("masked ID numbers", () => {
  it("never appear beside their holder's birth date", async () => {
    const workers = await prisma.worker.findMany({
      select: { idNumberMasked: true, birthDate: true },
    });
    const byMask = new Map<string, string[]>();
    for (const w of workers)
      byMask.set(w.idNumberMasked, [
        ...(byMask.get(w.idNumberMasked) ?? []),
        isoDateOf(w.birthDate),
        w.birthDate.toISOString(),
      ]);
    const problems: string[] = [];
    for (const [key, text] of await snapshot()) {
      for (const [mask, dates] of byMask)
        if (text.includes(mask) && dates.some((d) => text.includes(d)))
          problems.push(`${key}: ${mask} with its birth date`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
