/// <reference types="vite/client" />
// Hostile input against every form action: each route's intents and field names are read
// from its source (and the zod form schemas it imports), then every field is filled with
// each value of a corpus of bad input and posted as the user allowed to use the form.
// The server must never answer 500, and a refusal (4xx) must leave the database untouched:
// triggers count every insert, update and delete in the test database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PLATFORM_SCOPE } from "~/domain/organisation";
import { databaseEngine, prisma, write } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import {
  BASE,
  cookieFor,
  makeRequest,
  reuseSignIns,
  run,
  type RouteModule,
} from "~/test/route-harness";
import { BODY_LIMITS, type BodyKind } from "~/http/form-body.server";
import { xlsxBomb } from "~/test/xlsx-bombs";
import { getRosterImport, waitFor } from "~/models/roster-import.server";
import { expectDemoStory } from "~/test/demo-story";

const ROUTES_DIR = path.resolve("app/routes");
const FORMS_DIR = path.resolve("app/forms");
const modules = import.meta.glob<RouteModule>("../routes/*.{ts,tsx}");

// Sign-in counters and sessions change on purpose (throttling, signed-in test users); a roster
// upload's job row records the attempt (settledJob checks that the job stored nothing).
const UNWATCHED = new Set([
  "RateCounter",
  "Session",
  "RosterImport",
  "_prisma_migrations",
  "_changes",
  "sqlite_sequence",
]);

const ids: Record<string, string> = {};
const users: Record<string, number | null> = { anon: null };

function corpus(): [label: string, value: string][] {
  return [
    ["xss", `<script>alert("x")</script>`],
    ["xss-attr", `"><img src=x onerror=alert(1)>`],
    ["sql", `' OR '1'='1' --`],
    ["sql-drop", `Robert'); DROP TABLE "Worker";--`],
    ["long", "长".repeat(20_000)],
    ["control", "\u0000\u0001\u0007\u001b[31m"],
    ["bidi", "\u202eevil\u202c 𝕏😀\ufeff"],
    ["negative", "-1"],
    ["nan", "NaN"],
    ["huge", "1e309"],
    ["bigint", "99999999999999999999999"],
    ["object", "[object Object]"],
    ["empty", ""],
    ["formula", '=HYPERLINK("http://evil.example","x")'],
    ["forged-worker", ids.otherWorkerId ?? "1"],
    ["forged-registration", ids.otherRegistrationId ?? "1"],
    ["date", "2026-02-30"],
  ];
}

/** The role that may use a route's forms (anything else is refused by the matrix). */
function roleFor(file: string): string | null {
  // The top administrator: every union's records are in scope, so forms are reached.
  if (file.startsWith("admin.") || file.startsWith("results.")) return "admin";
  if (file.startsWith("org.")) return "mgrOwn";
  if (file.startsWith("judge.")) return "judgeOn";
  if (file.startsWith("quiz.")) return "worker";
  if (["login.tsx", "lang.tsx", "logout.tsx"].includes(file) || file.startsWith("honours.notices"))
    return "anon";
  return null;
}

function pathFor(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replaceAll("[.]", ".")
    .split(".")
    .filter((s) => s !== "_index");
  const map: Record<string, string> = {
    $contestId: ids.contestId!,
    $eventId: ids.eventId!,
    $registrationId: ids.registrationId!,
    $blindCode: ids.blindCode!,
    $workerId: ids.ownWorkerId!,
    $roundId: ids.roundId!,
    $periodId: ids.periodId!,
    $quizId: ids.quizId!,
    $recheckId: ids.recheckId!,
    $attemptId: ids.quizAttemptId!,
    $questionId: ids.questionId!,
    $code: file.startsWith("admin.quiz")
      ? ids.quizCode!
      : file.startsWith("admin.labour")
        ? ids.labourCode!
        : ids.skillsCode!,
    $contest: ids.skillsCode!,
    $event: ids.eventCode!,
  };
  return "/" + segments.map((s) => map[s.replace(/_$/, "")] ?? s).join("/");
}

function paramsFor(file: string, url: string): Record<string, string> {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((s) => s !== "_index");
  const parts = url.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((s, i) => {
    const name = s.replace(/_$/, "");
    if (/^\$\w+$/.test(name)) params[name.slice(1)] = parts[i] ?? "";
  });
  return params;
}

/** Intents and field names the route's action reads, found in its source and its forms. */
function formShape(file: string): { intents: string[]; fields: string[] } {
  const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const intents = new Set<string>();
  for (const m of source.matchAll(/intent[\w.]*\s*===?\s*"([\w-]+)"/g)) intents.add(m[1]!);
  for (const m of source.matchAll(/name="intent"\s+value="([\w-]+)"/g)) intents.add(m[1]!);
  for (const m of source.matchAll(/case "([\w-]+)":/g)) intents.add(m[1]!);
  const fields = new Set<string>();
  for (const m of source.matchAll(/(?:formData|form)\.get(?:All)?\("([\w.]+)"\)/g))
    fields.add(m[1]!);
  for (const m of source.matchAll(/name="([\w.]+)"/g)) fields.add(m[1]!);
  for (const m of source.matchAll(/(?:register|field)\("([\w.]+)"/g)) fields.add(m[1]!);
  for (const m of source.matchAll(/from "~\/forms\/([\w-]+)"/g)) {
    const form = readFileSync(path.join(FORMS_DIR, `${m[1]}.ts`), "utf8");
    for (const f of form.matchAll(/^\s+(\w+):\s*z[.\s]/gm)) fields.add(f[1]!);
  }
  fields.delete("intent");
  return { intents: [...intents].slice(0, 8), fields: [...fields].slice(0, 40) };
}

/**
 * A re-scoring an accepted post started answers after a second and carries on in the
 * background (app/models/quiz-rescore.server.ts); its last writes must not be counted against
 * the refusal posted after it.
 */
async function rescoresSettled(): Promise<void> {
  while ((await prisma.quizRescore.count({ where: { status: "running" } })) > 0)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

async function changes(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`SELECT "n" FROM "_changes"`;
  return Number(row?.n ?? 0);
}

// Every table gets triggers that count its row changes: SQLite's trigger bodies, or one
// PL/pgSQL function for all tables on PostgreSQL.
async function watchTables(): Promise<void> {
  const sqlite = databaseEngine() === "sqlite";
  const tables = await prisma.$queryRaw<{ name: string }[]>(
    sqlite
      ? Prisma.sql`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`
      : Prisma.sql`SELECT "tablename" AS "name" FROM "pg_tables" WHERE "schemaname" = current_schema()`,
  );
  await write(async (tx) => {
    await tx.$executeRaw`CREATE TABLE "_changes" ("n" INTEGER NOT NULL)`;
    await tx.$executeRaw`INSERT INTO "_changes" ("n") VALUES (0)`;
    if (!sqlite) {
      await tx.$executeRaw`CREATE FUNCTION "watch_change"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE "_changes" SET "n" = "n" + 1; RETURN NULL; END $$`;
    }
    for (const { name } of tables) {
      if (UNWATCHED.has(name)) continue;
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        const trigger = Prisma.raw(`"watch_${name}_${op}" AFTER ${op} ON "${name}"`);
        await tx.$executeRaw(
          sqlite
            ? Prisma.sql`CREATE TRIGGER ${trigger} BEGIN UPDATE "_changes" SET "n" = "n" + 1; END`
            : Prisma.sql`CREATE TRIGGER ${trigger} FOR EACH ROW EXECUTE FUNCTION "watch_change"()`,
        );
      }
    }
  });
}

beforeAll(async () => {
  reuseSignIns();
  await expectDemoStory();
  await watchTables();
  const id = async (username: string) =>
    (await prisma.user.findUniqueOrThrow({ where: { username } })).id;
  Object.assign(users, {
    worker: await id("worker"),
    mgrOwn: await id("qinling"),
    judgeOn: await id("chief"),
    admin: await id("platform"),
  });
  const skills = await prisma.contest.findUniqueOrThrow({ where: { code: "XA2026SKILLS" } });
  const prog = await prisma.event.findFirstOrThrow({
    where: { contestId: skills.id, code: "PROG" },
  });
  const qinling = await prisma.organisation.findFirstOrThrow({
    where: { name: "西安秦岭软件科技有限公司" },
  });
  const qinchuan = await prisma.organisation.findFirstOrThrow({
    where: { name: "西安秦川数控机床有限公司" },
  });
  const workerUser = await prisma.user.findUniqueOrThrow({ where: { username: "worker" } });
  const ownEntry = await prisma.registration.findFirstOrThrow({
    where: { eventId: prog.id, workerId: workerUser.workerId },
  });
  const labour = await prisma.contest.findUniqueOrThrow({ where: { code: "XA2026GAMES" } });
  const quiz = await prisma.quiz.findFirstOrThrow({ orderBy: { id: "asc" } });
  Object.assign(ids, {
    skillsCode: skills.code,
    contestId: String(skills.id),
    eventId: String(prog.id),
    eventCode: prog.code,
    registrationId: String(ownEntry.id),
    blindCode: ownEntry.blindCode ?? "",
    ownWorkerId: String(
      (await prisma.worker.findFirstOrThrow({ where: { organisationId: qinling.id } })).id,
    ),
    otherWorkerId: String(
      (await prisma.worker.findFirstOrThrow({ where: { organisationId: qinchuan.id } })).id,
    ),
    otherRegistrationId: String(
      (await prisma.registration.findFirstOrThrow({ where: { organisationId: qinchuan.id } })).id,
    ),
    roundId: String((await prisma.nominationRound.findFirstOrThrow()).id),
    labourCode: labour.code,
    periodId: String(
      (await prisma.labourPeriod.findFirstOrThrow({ where: { contestId: labour.id } })).id,
    ),
    quizId: String(quiz.id),
    quizCode: (await prisma.contest.findUniqueOrThrow({ where: { id: quiz.contestId } })).code,
    quizAttemptId: String(
      (await prisma.quizAttempt.findFirstOrThrow({ where: { quizId: quiz.id } })).id,
    ),
    questionId: String(
      (await prisma.quizQuestion.findFirstOrThrow({ where: { contestId: quiz.contestId } })).id,
    ),
  });
  // A recheck (复核) assigned to the chief judge, so its sheet's action can be attacked.
  const recheck = await write((tx) =>
    tx.recheck.create({
      data: {
        eventId: prog.id,
        registrationId: Number(ids.registrationId),
        reason: "top",
        judgeId: users.judgeOn!,
        status: "assigned",
      },
    }),
  );
  ids.recheckId = String(recheck.id);
}, 120_000);

describe("hostile input", () => {
  const files = Object.keys(modules).map((p) => p.replace("../routes/", ""));

  it("covers every route with an action", async () => {
    for (const file of files) {
      const mod = await modules[`../routes/${file}`]!();
      if (mod.action)
        expect(roleFor(file), `${file} has an action but no hostile-input role`).not.toBeNull();
    }
  });

  for (const file of files) {
    it(
      file,
      async () => {
        const mod = await modules[`../routes/${file}`]!();
        if (!mod.action) return;
        const role = roleFor(file)!;
        const url = pathFor(file);
        const params = paramsFor(file, url);
        const { intents, fields } = formShape(file);
        const failures: string[] = [];
        for (const intent of intents.length > 0 ? intents : [null]) {
          for (const [label, value] of corpus()) {
            const body = new FormData();
            if (intent) body.set("intent", intent);
            for (const field of fields) body.append(field, value);
            await rescoresSettled();
            const before = await changes();
            const request = await makeRequest(url, {
              method: "POST",
              userId: users[role] ?? null,
              body,
            });
            const { outcome, value: result } = await run(mod.action, request, params);
            if (result instanceof Response) await result.body?.cancel();
            const after = await changes();
            if (outcome === "error")
              failures.push(`${intent ?? "-"} ${label}: 500 ${String(result)}`);
            else if (
              ["bad-request", "forbidden", "not-found", "conflict", "too-many"].includes(outcome) &&
              after !== before
            ) {
              failures.push(
                `${intent ?? "-"} ${label}: ${outcome} but ${after - before} row change(s)`,
              );
            }
          }
        }
        expect(failures).toEqual([]);
      },
      120_000,
    );
  }
});

describe("hostile URL parameters", () => {
  const files = Object.keys(modules)
    .map((p) => p.replace("../routes/", ""))
    .filter((f) => f.includes("$"));
  const bad = ["99999999999999", "-1", "0", "1e3", "abc", "%00", "..%2F..%2Fetc"];
  for (const file of files) {
    it(`${file} answers a bad id without a server error`, async () => {
      const mod = await modules[`../routes/${file}`]!();
      if (!mod.loader) return;
      const role = roleFor(file) ?? "admin";
      const failures: string[] = [];
      for (const value of bad) {
        const params: Record<string, string> = {};
        for (const m of file.matchAll(/\$(\w+)/g)) params[m[1]!] = decodeURIComponent(value);
        for (const userRole of [role, "admin"]) {
          const request = await makeRequest(`/x/${value}`, { userId: users[userRole] ?? null });
          const { outcome, value: result } = await run(mod.loader, request, params);
          if (result instanceof Response) await result.body?.cancel();
          if (outcome === "error") failures.push(`${userRole} ${value}: ${String(result)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("hostile uploads", () => {
  const uploads = [
    ["org.workers.import.tsx", "/org/workers/import", "mgrOwn"],
    ["org.registrations.import.tsx", "/org/registrations/import", "mgrOwn"],
  ] as const;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  for (const [file, url, role] of uploads) {
    it(`${file} refuses a fake spreadsheet and an oversized file without storing anything`, async () => {
      const mod = await modules[`../routes/${file}`]!();
      for (const upload of [
        new File([png], "名册.csv", { type: "text/csv" }),
        new File([png], "名册.xlsx", {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
        new File([new Uint8Array(9 * 1024 * 1024).fill(65)], "huge.csv", { type: "text/csv" }),
        new File(["=cmd|' /C calc'!A0,\"<script>\"\n"], "formula.csv", { type: "text/csv" }),
      ]) {
        const body = new FormData();
        body.set("file", upload);
        const before = await changes();
        const request = await makeRequest(url, {
          method: "POST",
          userId: users[role] ?? null,
          body,
        });
        const { outcome, value } = await run(mod.action!, request, {});
        expect(await settledJob(value), `${file} ${upload.name}`).not.toBe("done");
        if (value instanceof Response) await value.body?.cancel();
        expect(outcome, `${file} ${upload.name}`).not.toBe("error");
        expect(outcome, `${file} ${upload.name}`).not.toBe("ok");
        expect(await changes(), `${file} ${upload.name}`).toBe(before);
      }
    }, 120_000);
  }
});

/**
 * A roster upload that passes the upload's own checks is answered with its job's page, and
 * the file is read by the job: the job's final status, or null for any other answer.
 */
async function settledJob(value: unknown): Promise<string | null> {
  if (!(value instanceof Response)) return null;
  const job = /^\/org\/workers\/import\/(\d+)$/.exec(value.headers.get("Location") ?? "");
  if (!job) return null;
  await waitFor(Number(job[1]));
  return (await getRosterImport({ scope: PLATFORM_SCOPE }, Number(job[1])))?.status ?? "missing";
}

/** The body limit each route kind must hold to (app/http/form-body.server.ts). */
function bodyKindFor(file: string): BodyKind {
  if (["login.tsx", "lang.tsx", "logout.tsx"].includes(file)) return "small";
  if (file === "org.honours.$roundId.tsx") return "attachments";
  if (file === "org.workers.import.tsx") return "roster";
  if (
    [
      "org.registrations.import.tsx",
      "admin.events.$eventId.scheme.tsx",
      "admin.quiz.$code._index.tsx",
    ].includes(file)
  )
    return "upload";
  return "form";
}

const CHUNK = 64 * 1024;

/** A body that never ends by itself (no Content-Length, as a chunked upload); counts reads. */
function endlessBody(cap: number) {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= cap) return controller.close();
      counter.pulled += CHUNK;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

async function postRaw(
  url: string,
  role: string,
  body: BodyInit,
  headers: Record<string, string>,
): Promise<Request> {
  const cookie = await cookieFor(users[role] ?? null);
  return new Request(`${BASE}${url}`, {
    method: "POST",
    headers: { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("request bodies", () => {
  const files = Object.keys(modules).map((p) => p.replace("../routes/", ""));
  const biggest = Math.max(...Object.values(BODY_LIMITS));

  for (const file of files) {
    it(`${file}: bodies past the limit, bodies that are no form, and cross-site posts are refused`, async () => {
      const mod = await modules[`../routes/${file}`]!();
      if (!mod.action) return;
      const role = roleFor(file)!;
      const url = pathFor(file);
      const params = paramsFor(file, url);
      const limit = BODY_LIMITS[bodyKindFor(file)];
      const failures: string[] = [];
      const before = await changes();

      // Chunked, no Content-Length: reading stops at the route kind's limit.
      const { stream, counter } = endlessBody(biggest * 2);
      const chunked = await run(
        mod.action,
        await postRaw(url, role, stream, {
          "Content-Type": "application/x-www-form-urlencoded",
        }),
        params,
      );
      if (chunked.outcome === "error") failures.push(`chunked: 500 ${String(chunked.value)}`);
      if (counter.pulled > limit + 2 * CHUNK)
        failures.push(`chunked: read ${counter.pulled} bytes past a limit of ${limit}`);

      // A declared size past the limit is refused before anything is read.
      const declared = endlessBody(biggest * 2);
      const big = await run(
        mod.action,
        await postRaw(url, role, declared.stream, {
          "Content-Type": "multipart/form-data; boundary=x",
          "Content-Length": String(limit + 1),
        }),
        params,
      );
      if (big.outcome === "error") failures.push(`declared: 500 ${String(big.value)}`);
      if (declared.counter.pulled > 2 * CHUNK)
        failures.push(`declared: read ${declared.counter.pulled} bytes of an oversized body`);

      // Not a form: text/plain, JSON, a broken multipart body.
      for (const [type, body] of [
        ["text/plain", "intent=save&name=x"],
        ["application/json", '{"intent":"save"}'],
        ["multipart/form-data; boundary=zzz", "--zzz\r\nbroken"],
      ] as const) {
        const result = await run(
          mod.action,
          await postRaw(url, role, body, { "Content-Type": type }),
          params,
        );
        if (result.value instanceof Response) await result.value.body?.cancel();
        if (result.outcome === "error" || result.outcome === "ok")
          failures.push(`${type}: ${result.outcome} ${String(result.value)}`);
      }

      // Another site's form, as a signed-in user of the right role: 403, whatever the body.
      for (const headers of [{ Origin: "https://evil.example" }, { Origin: "null" }]) {
        const request = await postRaw(url, role, "intent=x", {
          "Content-Type": "application/x-www-form-urlencoded",
          ...headers,
        });
        const result = await run(mod.action, request, params);
        if (result.outcome !== "forbidden")
          failures.push(`cross-site ${headers.Origin}: ${result.outcome}`);
      }

      if ((await changes()) !== before) failures.push("a refused request changed the database");
      expect(failures).toEqual([]);
    }, 120_000);
  }

  it("holds every route kind to its own limit", () => {
    expect(BODY_LIMITS.small).toBeLessThan(BODY_LIMITS.form);
    expect(BODY_LIMITS.form).toBeLessThan(BODY_LIMITS.upload);
    expect(BODY_LIMITS.upload).toBeLessThan(BODY_LIMITS.attachments);
    expect(BODY_LIMITS.attachments).toBeLessThan(32 * 1024 * 1024);
    // A federation's million-row roster CSV, and no more.
    expect(BODY_LIMITS.attachments).toBeLessThan(BODY_LIMITS.roster);
    expect(BODY_LIMITS.roster).toBeLessThanOrEqual(129 * 1024 * 1024);
  });
});

describe("decompression bombs and oversized uploads", () => {
  // Every route that takes a file, with the form fields that reach its parser.
  const uploadRoutes: { file: string; role: string; fields: Record<string, string> }[] = [
    { file: "org.workers.import.tsx", role: "mgrOwn", fields: {} },
    { file: "org.registrations.import.tsx", role: "mgrOwn", fields: {} },
    { file: "admin.events.$eventId.scheme.tsx", role: "admin", fields: { intent: "import" } },
    { file: "admin.quiz.$code._index.tsx", role: "admin", fields: { intent: "import" } },
    { file: "org.honours.$roundId.tsx", role: "mgrOwn", fields: {} },
  ];
  const MB = 1024 * 1024;
  let honestBomb: Promise<Uint8Array<ArrayBuffer>> | undefined;

  it("lists every route that takes an upload", () => {
    const files = Object.keys(modules).map((p) => p.replace("../routes/", ""));
    const takesFiles = files.filter((f) =>
      ["upload", "attachments", "roster"].includes(bodyKindFor(f)),
    );
    expect(uploadRoutes.map((r) => r.file).sort()).toEqual(takesFiles.sort());
  });

  const workbooks: [label: string, make: () => Promise<Uint8Array<ArrayBuffer>>][] = [
    // The penetration test's bomb: a couple of MB that honestly inflate to ~140 MB of XML
    // (250,000 rows). Refused from the ZIP's directory, before anything is inflated.
    ["inflates to 140 MB", () => (honestBomb ??= xlsxBomb({ rows: 250_000, cellsPerRow: 6 }))],
    // Says 1 KB per entry, inflates to megabytes: refused while inflating.
    ["lies about its size", () => xlsxBomb({ rows: 20_000, lie: true })],
    // Honest and within the limits, but more rows than any import takes.
    ["has too many rows", () => xlsxBomb({ rows: 52_000, cellsPerRow: 4 })],
  ];
  const attachments = () =>
    Array.from(
      { length: 6 },
      (_, i) =>
        new File([new Uint8Array(5 * MB).fill(0x25)], `材料${i}.pdf`, { type: "application/pdf" }),
    );

  for (const { file, role, fields } of uploadRoutes) {
    it(`${file}: refuses bombs with little memory and nothing stored`, async () => {
      const mod = await modules[`../routes/${file}`]!();
      const url = pathFor(file);
      const params = paramsFor(file, url);
      const uploads =
        file === "org.honours.$roundId.tsx"
          ? [["six 5 MB attachments", async () => attachments()] as const]
          : workbooks.map(
              ([label, make]) =>
                [
                  label,
                  async () => [
                    new File([await make()], "上传.xlsx", {
                      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    }),
                  ],
                ] as const,
            );
      for (const [label, make] of uploads) {
        const files = await make();
        const body = new FormData();
        for (const [name, value] of Object.entries(fields)) body.set(name, value);
        for (const f of files)
          body.append(file.startsWith("org.honours") ? "attachments" : "file", f);
        if (file.startsWith("org.honours")) {
          body.set("workerId", ids.ownWorkerId!);
          body.set("supportingText", "事迹材料");
        }
        const request = await makeRequest(url, {
          method: "POST",
          userId: users[role] ?? null,
          body,
        });
        const before = await changes();
        const rss = process.memoryUsage().rss;
        let peak = rss;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().rss);
        }, 20);
        const { outcome, value } = await run(mod.action!, request, params);
        // The roster's job reads the file after the answer: its memory counts too.
        expect(await settledJob(value), `${file} ${label}`).not.toBe("done");
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage().rss);
        if (value instanceof Response) await value.body?.cancel();
        expect(outcome, `${file} ${label}`).not.toBe("error");
        expect(outcome, `${file} ${label}`).not.toBe("ok");
        expect(await changes(), `${file} ${label}`).toBe(before);
        // The bound: no upload may cost the server more than 200 MB.
        expect((peak - rss) / MB, `${file} ${label}: extra memory in MB`).toBeLessThan(200);
      }
    }, 120_000);
  }
});
