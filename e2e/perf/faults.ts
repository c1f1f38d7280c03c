// npm run faults — kills the production server with SIGKILL in the middle of a bulk import
// and in the middle of judges saving marks, restarts it, and checks that each import is
// either fully stored or absent and that no score sheet is half-written (every sheet's marks
// come from one save, and every stored total equals its recomputation).
import Database from "better-sqlite3";
import { withIdCheckChar } from "~/domain/identity";
import {
  freshSeededDatabase,
  postSheet,
  sessionCookie,
  startServer,
  useScriptEnvironment,
} from "./support";

useScriptEnvironment();
const PORT = Number(process.env.FAULT_PORT ?? 3220);
const ROWS = Number(process.env.FAULT_ROWS ?? 20_000);
const file = freshSeededDatabase("faults");
process.env.DATABASE_URL = `file:${file}`;
let failed = false;

function integrity(): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

function one<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

// ── 1. SIGKILL during a bulk import ──
const org = one<{ id: number }>(
  `SELECT id FROM "Organisation" WHERE name = '西安秦岭软件科技有限公司'`,
);
const manager = one<{ id: number }>(`SELECT id FROM "User" WHERE username = 'qinling'`);
const header = "姓名,身份证号,手机号,工种,技能等级,是否工会会员";
const lines = [header];
for (let i = 0; i < ROWS; i++) {
  const seq = String(i).padStart(5, "0");
  // A distinct birth date per thousand rows and a distinct sequence within it: no duplicates.
  const block = Math.floor(i / 1000);
  const id = withIdCheckChar(
    `610131${1970 + block}0${1 + (block % 9)}1${block % 9}${seq.slice(-3)}`,
  );
  lines.push(`断电测试${seq},${id},139${String(i).padStart(8, "0")},计算机程序设计员,高级工,是`);
}
const csv = new TextEncoder().encode(`\uFEFF${lines.join("\n")}\n`);
const before = one<{ n: number }>(
  `SELECT COUNT(*) AS n FROM "Worker" WHERE organisationId = ?`,
  org.id,
).n;
console.log(`Import of ${ROWS.toLocaleString()} workers, killed at increasing delays:`);
for (const delay of [200, 400, 550, 700, 850, 1_000, 1_300]) {
  const server = await startServer(file, PORT);
  const cookie = await sessionCookie(manager.id, file);
  const body = new FormData();
  body.set("file", new File([csv], "roster.csv", { type: "text/csv" }));
  const request = fetch(`${server.url}/org/workers/import`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.url },
    body,
  }).then(
    (r) => `answered ${r.status}`,
    () => "connection cut",
  );
  await new Promise((resolve) => setTimeout(resolve, delay));
  server.kill();
  const outcome = await request;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const count =
    one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Worker" WHERE organisationId = ?`, org.id).n -
    before;
  const ok = (count === 0 || count === ROWS) && integrity() === "ok";
  console.log(
    `  kill after ${String(delay).padStart(5)} ms: ${outcome.padEnd(15)} stored ${String(count).padStart(6)} of ${ROWS}  ${ok ? "ok (all or nothing)" : "HALF-WRITTEN"}`,
  );
  if (!ok) failed = true;
  if (count === ROWS) {
    // Reset for the next attempt while the server is down.
    const db = new Database(file);
    db.prepare(`DELETE FROM "Worker" WHERE organisationId = ? AND name LIKE '断电测试%'`).run(
      org.id,
    );
    db.close();
  }
}

// ── 2. SIGKILL while judges save marks ──
// The demo contest has not started yet: open its events' scoring window so judges may save.
{
  const db = new Database(file);
  db.prepare(
    `UPDATE "Event" SET "scoringOpensAt" = ? WHERE "contestId" = (SELECT id FROM "Contest" WHERE code = 'XA2026SKILLS')`,
  ).run("2026-01-01T00:00:00.000+00:00");
  db.close();
}
const judges = (["chief", "judge2", "judge3"] as const).map(
  (u) => one<{ id: number }>(`SELECT id FROM "User" WHERE username = ?`, u).id,
);
const entries = new Database(file, { readonly: true })
  .prepare(
    `SELECT r.id, r.eventId, r.blindCode FROM "Registration" r JOIN "Event" e ON e.id = r.eventId JOIN "Contest" c ON c.id = e.contestId
     WHERE c.code = 'XA2026SKILLS' AND r.blindCode IS NOT NULL AND r.status IN ('approved', 'checked_in')`,
  )
  .all() as { id: number; eventId: number; blindCode: string }[];
console.log(
  `\nScore saving by ${judges.length} judges over ${entries.length} entries, killed mid-way:`,
);
for (const delay of [700, 1_500, 2_500]) {
  const server = await startServer(file, PORT);
  let acknowledged = 0;
  let stop = false;
  const loops = judges.map(async (judgeId, j) => {
    const cookie = await sessionCookie(judgeId, file);
    // Every save writes one value into all of a sheet's marks, different from the last save's,
    // so a sheet with mixed values would be a half-written save.
    for (let round = 1; !stop; round++) {
      for (const entry of entries) {
        if (stop) return;
        const url = `${server.url}/judge/events/${entry.eventId}/entries/${entry.blindCode}`;
        try {
          const page = await fetch(url, { headers: { Cookie: cookie } });
          if (page.status !== 200) continue;
          const html = await page.text();
          // Submitted, so every save writes Mark rows (drafts stay on the judge's sheet).
          const body = new URLSearchParams({ intent: "submit" });
          for (const tag of html.matchAll(/<input\b[^>]*>/g)) {
            const name = /\bname="([^"]+)"/.exec(tag[0])?.[1] ?? "";
            const value = /\bvalue="([^"]*)"/.exec(tag[0])?.[1] ?? "";
            if (/^v\d+$/.test(name)) body.set(name, value);
            if (/^m\d+$/.test(name)) body.set(name, String((round + j) % 4));
          }
          const response = await postSheet(server.url, url, cookie, body);
          if (response.status === 302 || response.status === 303) acknowledged += 1;
        } catch {
          return; // the server is gone
        }
      }
    }
  });
  await new Promise((resolve) => setTimeout(resolve, delay));
  server.kill();
  stop = true;
  await Promise.all(loops);
  await new Promise((resolve) => setTimeout(resolve, 300));

  const db = new Database(file, { readonly: true });
  const mixed = db
    .prepare(
      `SELECT m.registrationId, m.judgeId, COUNT(DISTINCT CASE WHEN c.aggregation = 'worldskills' OR e.aggregation = 'worldskills' AND c.aggregation IS NULL THEN m.value ELSE m.value / 100 END) AS distinctValues
       FROM "Mark" m JOIN "Criterion" c ON c.id = m.criterionId JOIN "EventPart" p ON p.id = c.partId JOIN "Event" e ON e.id = p.eventId
       WHERE c.type = 'judgement' GROUP BY m.registrationId, m.judgeId HAVING distinctValues > 1`,
    )
    .all();
  db.close();
  const { computeEvent } = await import("~/models/results.server");
  const { prisma } = await import("~/db.server");
  let mismatched = 0;
  for (const eventId of new Set(entries.map((e) => e.eventId))) {
    const computed = await computeEvent(prisma, eventId);
    if (!computed || !computed.results.ok) continue;
    const stored = new Map(
      (await prisma.result.findMany({ where: { eventId } })).map((r) => [
        r.registrationId,
        r.total,
      ]),
    );
    for (const r of computed.results.value.entries) {
      if ((stored.get(Number(r.entryId)) ?? null) !== (r.status === "complete" ? r.total : null))
        mismatched += 1;
    }
  }
  const ok = mixed.length === 0 && mismatched === 0 && integrity() === "ok";
  console.log(
    `  kill after ${String(delay).padStart(5)} ms: ${String(acknowledged).padStart(4)} saves acknowledged; sheets with mixed saves ${mixed.length}; totals off ${mismatched}  ${ok ? "ok" : "INCONSISTENT"}`,
  );
  if (!ok) failed = true;
}

// ── 3. Restart after the kills: the server comes back and serves. ──
const server = await startServer(file, PORT);
const health = await (await fetch(`${server.url}/healthz`)).json();
await server.stop();
console.log(`\nAfter restart: /healthz ${JSON.stringify(health)}; integrity_check ${integrity()}`);
const { disconnectDb } = await import("~/db.server");
await disconnectDb();
console.log(
  failed
    ? "FAIL"
    : "PASS: every import all-or-nothing, no half-written score sheet, totals consistent.",
);
process.exit(failed ? 1 : 0);
