/// <reference types="vite/client" />
// The authorisation matrix: every route's loader and action, called as every kind of user,
// against the seeded demo database, with the expected outcome written down below. A route
// file without a row fails the test, so a new route cannot ship unreviewed.
//
// Roles (columns):
//   anon      not signed in
//   worker    `worker`, a worker of 西安秦岭软件 (registered for 计算机程序设计)
//   mgrOwn    `qinling`, manager of the organisation that owns the record in the URL
//   mgrOther  `qinchuan`, manager of another organisation
//   judgeOn   `chief`, chief judge assigned to the event in the URL
//   judgeOff  a judge with no assignment
//   orgOwner  `gaoxin`, organiser of 西安高新区工会, which owns every record in the URLs (the
//             test hands the seeded contests and round over to it first)
//   orgParent `admin`, organiser of 西安市总工会, the owner's parent union
//   orgSibling `yanta`, organiser of 雁塔区总工会, the owner's sibling under the same federation
//   orgCity   `weinan`, organiser of the other federation (渭南市总工会)
//   top       `platform`, the platform's top administrator
//
// Outcomes: ok (page/data served), login (redirect to sign in), redirect (elsewhere),
// forbidden (401/403), not-found (404/405), bad-request (400: the empty form posted by this
// test is invalid, so nothing was stored), error (500, never expected).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { hashPassword } from "~/models/user.server";
import {
  makeRequest,
  reuseSignIns,
  run,
  type Outcome,
  type RouteModule,
} from "~/test/route-harness";
import { expectDemoStory } from "~/test/demo-story";

type Role =
  | "anon"
  | "worker"
  | "mgrOwn"
  | "mgrOther"
  | "judgeOn"
  | "judgeOff"
  | "orgOwner"
  | "orgParent"
  | "orgSibling"
  | "orgCity"
  | "top";
const ROLES: Role[] = [
  "anon",
  "worker",
  "mgrOwn",
  "mgrOther",
  "judgeOn",
  "judgeOff",
  "orgOwner",
  "orgParent",
  "orgSibling",
  "orgCity",
  "top",
];
type Row = { path: string; loader?: Outcome[]; action?: Outcome[] };

// Shorthands: one outcome per role, in the ROLES order above.
const PUBLIC: Outcome[] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"];
// Organisers' columns (orgOwner, orgParent, orgSibling, orgCity, top) after everyone else's.
const NOT_ORGANISER: Outcome[] = [
  "login",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
];
const organisers = (
  owner: Outcome,
  parent: Outcome,
  sibling: Outcome,
  city: Outcome,
  top: Outcome,
): Outcome[] => [...NOT_ORGANISER, owner, parent, sibling, city, top];
/** Organisers' pages without a record in the URL: every organiser sees their own scope. */
const ORGANISERS = organisers("ok", "ok", "ok", "ok", "ok");
const ORGANISERS_FORM = organisers(
  "bad-request",
  "bad-request",
  "bad-request",
  "bad-request",
  "bad-request",
);
/** A record of 高新区: its organisers, the federation's and the top administrator's; 404 elsewhere. */
const IN_SCOPE = organisers("ok", "ok", "not-found", "not-found", "ok");
const IN_SCOPE_FORM = organisers(
  "bad-request",
  "bad-request",
  "not-found",
  "not-found",
  "bad-request",
);
// Nothing is conferred or published in the seed yet, so even the organiser gets a 404.
const NOTHING_YET = organisers("not-found", "not-found", "not-found", "not-found", "not-found");
const TOP_ONLY = organisers("forbidden", "forbidden", "forbidden", "forbidden", "ok");
const TOP_FORM = organisers("forbidden", "forbidden", "forbidden", "forbidden", "bad-request");
const MANAGER_ONLY: Outcome[] = [
  "login",
  "forbidden",
  "ok",
  "ok",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
];
const MANAGER_FORM: Outcome[] = [
  "login",
  "forbidden",
  "bad-request",
  "bad-request",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
];
const JUDGE_ONLY: Outcome[] = [
  "login",
  "forbidden",
  "forbidden",
  "forbidden",
  "ok",
  "ok",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
];
const WORKER_ONLY: Outcome[] = [
  "login",
  "ok",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
  "forbidden",
];

type Ids = Record<string, string>;

/** The matrix. `path` placeholders like :eventId are filled from the seeded ids. */
function matrix(): Record<string, Row> {
  return {
    "$.tsx": {
      path: "/no/such/page",
      loader: [
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
      ],
    },
    "_index.tsx": { path: "/", loader: PUBLIC },
    "healthz.tsx": { path: "/healthz", loader: PUBLIC },
    "lang.tsx": {
      path: "/lang",
      loader: [
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
      ],
      action: [
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
      ],
    },
    "login.tsx": {
      path: "/login",
      loader: [
        "ok",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
      ],
      action: [
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
        "bad-request",
      ],
    },
    "logout.tsx": {
      path: "/logout",
      loader: [
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
      ],
      action: [
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
        "redirect",
      ],
    },
    "contests._index.tsx": { path: "/contests", loader: PUBLIC },
    "contests.$code._index.tsx": { path: "/contests/:skillsCode", loader: PUBLIC },

    // Organisers: the records in the URLs belong to 高新区 (see beforeAll).
    "admin._index.tsx": { path: "/admin", loader: ORGANISERS },
    "admin.contests._index.tsx": { path: "/admin/contests", loader: ORGANISERS },
    "admin.contests.new.tsx": {
      path: "/admin/contests/new",
      loader: ORGANISERS,
      action: ORGANISERS_FORM,
    },
    "admin.contests.$contestId._index.tsx": {
      path: "/admin/contests/:contestId",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.contests.$contestId.events.$eventId.tsx": {
      path: "/admin/contests/:contestId/events/:eventId",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.contests.$contestId.export.tsx": {
      path: "/admin/contests/:contestId/export?format=csv",
      loader: IN_SCOPE,
    },
    "admin.contests.$contestId.registrations.tsx": {
      path: "/admin/contests/:contestId/registrations",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.events.$eventId.audit.tsx": { path: "/admin/events/:eventId/audit", loader: IN_SCOPE },
    "admin.events.$eventId.judges.tsx": {
      path: "/admin/events/:eventId/judges",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.events.$eventId.scheme.tsx": {
      path: "/admin/events/:eventId/scheme",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.events.$eventId.recheck.tsx": {
      path: "/admin/events/:eventId/recheck",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.events.$eventId.scheme[.]xlsx.tsx": {
      path: "/admin/events/:eventId/scheme.xlsx",
      loader: IN_SCOPE,
    },
    "admin.judging._index.tsx": { path: "/admin/judging", loader: ORGANISERS },
    "admin.honours._index.tsx": {
      path: "/admin/honours",
      loader: ORGANISERS,
      action: ORGANISERS_FORM,
    },
    "admin.identities.tsx": {
      path: "/admin/identities",
      loader: ORGANISERS,
      action: ORGANISERS_FORM,
    },
    "admin.honours.$roundId.tsx": {
      path: "/admin/honours/:roundId",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.honours.$roundId_.certificates[.]zip.tsx": {
      path: "/admin/honours/:roundId/certificates.zip",
      loader: NOTHING_YET,
    },
    "admin.honours.events.$eventId.certificates[.]zip.tsx": {
      path: "/admin/honours/events/:eventId/certificates.zip",
      loader: NOTHING_YET,
    },
    "admin.labour._index.tsx": { path: "/admin/labour", loader: ORGANISERS },
    "admin.labour.$code._index.tsx": {
      path: "/admin/labour/:labourCode",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.labour.$code.periods.$periodId.tsx": {
      path: "/admin/labour/:labourCode/periods/:periodId",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.quiz._index.tsx": { path: "/admin/quiz", loader: ORGANISERS },
    // The year in numbers: an organiser's own union by default; another union given in the
    // URL (高新区) only to the organisers above it and the top administrator.
    "admin.statistics._index.tsx": { path: "/admin/statistics", loader: ORGANISERS },
    "admin.statistics[.]xlsx.tsx": {
      path: "/admin/statistics.xlsx?union=:gaoxinId&year=2026",
      loader: IN_SCOPE,
    },
    "admin.statistics[.]pdf.tsx": {
      path: "/admin/statistics.pdf?union=:gaoxinId&year=2026",
      loader: IN_SCOPE,
    },
    // The platform's top administrator alone manages unions and organiser accounts.
    "admin.unions.tsx": { path: "/admin/unions", loader: TOP_ONLY, action: TOP_FORM },
    "admin.organisers.tsx": { path: "/admin/organisers", loader: TOP_ONLY, action: TOP_FORM },
    "admin.quiz.$code._index.tsx": {
      path: "/admin/quiz/:quizCode",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.quiz.$code.template.ts": { path: "/admin/quiz/:quizCode/template", loader: IN_SCOPE },
    "admin.quiz.$code.$quizId.tsx": {
      path: "/admin/quiz/:quizCode/:quizId",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },
    "admin.quiz.$code.questions._index.tsx": {
      path: "/admin/quiz/:quizCode/questions",
      loader: IN_SCOPE,
    },
    "admin.quiz.$code.questions.$questionId.tsx": {
      path: "/admin/quiz/:quizCode/questions/:questionId",
      loader: IN_SCOPE,
      action: IN_SCOPE_FORM,
    },

    // Organisation managers: the record in the URL belongs to mgrOwn's organisation.
    "org._index.tsx": { path: "/org", loader: MANAGER_ONLY },
    "org.workers._index.tsx": { path: "/org/workers", loader: MANAGER_ONLY, action: MANAGER_FORM },
    "org.workers.$workerId.tsx": {
      path: "/org/workers/:ownWorkerId",
      loader: [
        "login",
        "forbidden",
        "ok",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "forbidden",
        "bad-request",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },
    "org.workers.import.tsx": {
      path: "/org/workers/import",
      loader: MANAGER_ONLY,
      action: MANAGER_FORM,
    },
    // A roster import's progress: its organisation's managers, and the organisers whose union
    // holds that organisation; another organisation's manager or another union's organiser
    // finds nothing there.
    "org.workers.import_.$jobId.tsx": {
      path: "/org/workers/import/:ownRosterImportId",
      loader: [
        "login",
        "forbidden",
        "ok",
        "not-found",
        "forbidden",
        "forbidden",
        ...IN_SCOPE.slice(NOT_ORGANISER.length),
      ],
    },
    "org.registrations._index.tsx": {
      path: "/org/registrations",
      loader: MANAGER_ONLY,
      action: MANAGER_FORM,
    },
    "org.registrations.import.tsx": {
      path: "/org/registrations/import",
      loader: MANAGER_ONLY,
      action: MANAGER_FORM,
    },
    "org.templates.$file.tsx": { path: "/org/templates/roster.csv", loader: MANAGER_ONLY },
    "org.receipts._index.tsx": { path: "/org/receipts", loader: MANAGER_ONLY },
    "org.certificates.tsx": { path: "/org/certificates", loader: MANAGER_ONLY },
    "org.receipts.$registrationId.tsx": {
      path: "/org/receipts/:ownRegistrationId",
      loader: [
        "login",
        "forbidden",
        "not-found",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "forbidden",
        "not-found",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },
    "org.honours._index.tsx": { path: "/org/honours", loader: MANAGER_ONLY },
    "org.honours.$roundId.tsx": {
      path: "/org/honours/:roundId",
      loader: MANAGER_ONLY,
      action: MANAGER_FORM,
    },
    "org.labour._index.tsx": { path: "/org/labour", loader: MANAGER_ONLY },
    "org.labour.$periodId.tsx": {
      path: "/org/labour/:periodId",
      loader: [
        "login",
        "forbidden",
        "not-found",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "forbidden",
        "not-found",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },

    // Judges: chief is assigned to the event in the URL, judgeOff to nothing.
    "judge._index.tsx": { path: "/judge", loader: JUDGE_ONLY },
    "judge.events.$eventId._index.tsx": {
      path: "/judge/events/:eventId",
      loader: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "ok",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "bad-request",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },
    "judge.events.$eventId.rechecks.tsx": {
      path: "/judge/events/:eventId/rechecks",
      loader: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "ok",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "bad-request",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },
    // A recheck (复核) is opened only by the judge it is assigned to (here judgeOn).
    "judge.rechecks.$recheckId.tsx": {
      path: "/judge/rechecks/:recheckId",
      loader: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "ok",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "bad-request",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },
    "judge.events.$eventId.entries.$blindCode.tsx": {
      path: "/judge/events/:eventId/entries/:ownBlindCode",
      loader: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "ok",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "bad-request",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },
    "judge.events.$eventId.review.$blindCode.tsx": {
      path: "/judge/events/:eventId/review/:ownBlindCode",
      loader: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "ok",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "forbidden",
        "forbidden",
        "forbidden",
        "bad-request",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },

    // Workers
    "me._index.tsx": { path: "/me", loader: WORKER_ONLY },
    "me.results.tsx": { path: "/me/results", loader: WORKER_ONLY },
    "me.receipts._index.tsx": { path: "/me/receipts", loader: WORKER_ONLY },
    "me.certificates.tsx": { path: "/me/certificates", loader: WORKER_ONLY },
    "me.receipts.$registrationId.tsx": {
      path: "/me/receipts/:ownRegistrationId",
      loader: [
        "login",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },
    "quiz._index.tsx": { path: "/quiz", loader: WORKER_ONLY },
    "quiz.$quizId._index.tsx": {
      path: "/quiz/:quizId",
      loader: [
        "login",
        "ok",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
      action: [
        "login",
        "bad-request",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },
    "quiz.$quizId.leaderboard.tsx": { path: "/quiz/:quizId/leaderboard", loader: PUBLIC },
    // Someone else's attempt: a worker is told it does not exist, like an id that does not.
    "quiz.$quizId.review.$attemptId.tsx": {
      path: "/quiz/:quizId/review/:quizAttemptId",
      loader: [
        "login",
        "not-found",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
      ],
    },

    // Public results, honours, labour boards, verification
    "results._index.tsx": { path: "/results", loader: PUBLIC },
    "results.$contest._index.tsx": { path: "/results/:skillsCode", loader: PUBLIC },
    "results.$contest.$event._index.tsx": {
      path: "/results/:skillsCode/:eventCode",
      loader: PUBLIC,
      action: IN_SCOPE_FORM,
    },
    // Server-sent events: the stream is opened and closed again at once.
    "results.$contest.$event.live.tsx": {
      path: "/results/:skillsCode/:eventCode/live",
      loader: PUBLIC,
    },
    "results.$contest.$event.data.tsx": {
      path: "/results/:skillsCode/:eventCode/data",
      loader: PUBLIC,
    },
    "results.$contest.$event.export.tsx": {
      path: "/results/:skillsCode/:eventCode/export?format=csv",
      loader: PUBLIC,
    },
    "results.$contest.$event.screen.tsx": {
      path: "/results/:skillsCode/:eventCode/screen",
      loader: PUBLIC,
    },
    "results.$contest.$event.standings.tsx": {
      path: "/results/:skillsCode/:eventCode/standings",
      loader: PUBLIC,
    },
    "results.$contest.org.$orgId.tsx": {
      path: "/results/:skillsCode/org/:ownOrgId",
      loader: PUBLIC,
    },
    "honours._index.tsx": { path: "/honours", loader: PUBLIC },
    "honours.showcase.tsx": { path: "/honours/showcase", loader: PUBLIC },
    "honours.studios._index.tsx": { path: "/honours/studios", loader: PUBLIC },
    "honours.studios.$studioId.tsx": { path: "/honours/studios/:studioId", loader: PUBLIC },
    "honours.workers.$workerId.tsx": { path: "/honours/workers/:honouredWorkerId", loader: PUBLIC },
    "honours.organisations.$organisationId.tsx": {
      path: "/honours/organisations/:honouredOrgId",
      loader: PUBLIC,
    },
    "honours.notices._index.tsx": { path: "/honours/notices", loader: PUBLIC },
    "honours.notices.$roundId.tsx": {
      // The seeded round is still taking nominations: it has no public notice yet.
      path: "/honours/notices/:roundId",
      loader: [
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
      ],
      action: [
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
        "not-found",
      ],
    },
    "honours.attachments.$attachmentId.tsx": {
      // The seeded attachment belongs to mgrOther's (秦川数控's) nomination in 高新区's round.
      path: "/honours/attachments/:attachmentId",
      loader: [
        "login",
        "forbidden",
        "not-found",
        "ok",
        "forbidden",
        "forbidden",
        "ok",
        "ok",
        "not-found",
        "not-found",
        "ok",
      ],
    },
    "certificates.$serial[.]pdf.tsx": {
      // A certificate of a 秦川数控 model worker (未央区): organisers above that unit, that unit's
      // manager, or the recipient. 高新区's organiser is beside it, not above.
      path: "/certificates/:serial.pdf",
      loader: [
        "login",
        "not-found",
        "not-found",
        "ok",
        "not-found",
        "not-found",
        "not-found",
        "ok",
        "not-found",
        "not-found",
        "ok",
      ],
    },
    "verify._index.tsx": { path: "/verify", loader: PUBLIC },
    "verify.$serial.tsx": { path: "/verify/:serial", loader: PUBLIC },
    "labour.$code._index.tsx": { path: "/labour/:labourCode", loader: PUBLIC },
    "labour.$code.units.$orgId.tsx": {
      path: "/labour/:labourCode/units/:labourOrgId",
      loader: PUBLIC,
    },
  };
}

// Every route file, as remix.config.js's ignoredRouteFiles sees them: a test beside a route
// is no route.
const modules = import.meta.glob<RouteModule>([
  "../routes/*.{ts,tsx}",
  "!../routes/*.test.{ts,tsx}",
]);
const users: Partial<Record<Role, number | null>> = { anon: null };
const ids: Ids = {};

function fill(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, (whole, name: string) => {
    const value = ids[name];
    if (value === undefined) throw new Error(`No seeded id for ${whole}`);
    return value;
  });
}

/** Route params as Remix would extract them from the file name and the filled path. */
function paramsFor(file: string, path: string): Record<string, string> {
  // "[.]" is an escaped dot inside a segment, not a separator.
  const segments = file
    .replace(/\.tsx?$/, "")
    .replaceAll("[.]", "\u0000")
    .split(".")
    .map((s) => s.replaceAll("\u0000", "[.]"))
    .filter((s) => s !== "_index" && s !== "");
  const urlParts = path.split("?")[0]!.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, i) => {
    const name = segment.replace(/_$/, "");
    if (/^\$\w+$/.test(name)) params[name.slice(1)] = decodeURIComponent(urlParts[i] ?? "");
    if (name === "$") params["*"] = urlParts.slice(i).join("/");
    // "$serial[.]pdf": the param stops at the literal.
    const literal = /^\$(\w+)\[\.\](\w+)$/.exec(segment);
    if (literal)
      params[literal[1]!] = decodeURIComponent(urlParts[i] ?? "").replace(
        new RegExp(`\\.${literal[2]}$`),
        "",
      );
  });
  return params;
}

beforeAll(async () => {
  reuseSignIns();
  await expectDemoStory();
  const username = async (name: string) =>
    (await prisma.user.findUniqueOrThrow({ where: { username: name } })).id;
  users.worker = await username("worker");
  users.mgrOwn = await username("qinling");
  users.mgrOther = await username("qinchuan");
  users.judgeOn = await username("chief");
  users.orgOwner = await username("gaoxin");
  users.orgParent = await username("admin");
  users.orgSibling = await username("yanta");
  users.orgCity = await username("weinan");
  users.top = await username("platform");
  const passwordHash = await hashPassword("unused-password");
  users.judgeOff = (
    await write((tx) =>
      tx.user.create({
        data: {
          username: "judge-unassigned",
          displayName: "未分配裁判",
          passwordHash,
          role: "judge",
        },
      }),
    )
  ).id;

  const skills = await prisma.contest.findUniqueOrThrow({ where: { code: "XA2026SKILLS" } });
  const prog = await prisma.event.findFirstOrThrow({
    where: { contestId: skills.id, code: "PROG" },
  });
  const workerUser = await prisma.user.findUniqueOrThrow({ where: { username: "worker" } });
  const ownRegistration = await prisma.registration.findFirstOrThrow({
    where: { eventId: prog.id, workerId: workerUser.workerId },
  });
  const qinling = await prisma.organisation.findFirstOrThrow({
    where: { name: "西安秦岭软件科技有限公司" },
  });
  const ownWorker = await prisma.worker.findFirstOrThrow({ where: { organisationId: qinling.id } });
  const round = await prisma.nominationRound.findFirstOrThrow({ orderBy: { id: "asc" } });
  const attachment = await prisma.nominationAttachment.findFirstOrThrow();
  const studio = await prisma.innovationStudio.findFirstOrThrow();
  const honouredWorker = await prisma.honourAward.findFirstOrThrow({
    where: { workerId: { not: null } },
  });
  const honouredOrg = await prisma.honourAward.findFirstOrThrow({
    where: { recipientKind: "organisation" },
  });
  const qinchuan = await prisma.organisation.findFirstOrThrow({
    where: { name: "西安秦川数控机床有限公司" },
  });
  const certificate = await prisma.certificate.findFirstOrThrow({
    where: { award: { organisationId: qinchuan.id, workerId: { not: null } } },
  });
  const labour = await prisma.contest.findUniqueOrThrow({ where: { code: "XA2026GAMES" } });
  const period = await prisma.labourPeriod.findFirstOrThrow({ where: { contestId: labour.id } });
  const labourOrg = await prisma.labourParticipant.findFirstOrThrow({
    where: { contestId: labour.id },
  });
  const quiz = await prisma.quiz.findFirstOrThrow({ orderBy: { id: "asc" } });
  const quizContest = await prisma.contest.findUniqueOrThrow({ where: { id: quiz.contestId } });
  const recheck = await write((tx) =>
    tx.recheck.create({
      data: {
        eventId: prog.id,
        registrationId: ownRegistration.id,
        reason: "top",
        judgeId: users.judgeOn!,
        status: "assigned",
      },
    }),
  );
  // Every record in the URLs is handed to 高新区, so the organiser columns are its own
  // organiser, its parent federation's, a sibling district's and the other city's.
  const gaoxin = await prisma.organisation.findFirstOrThrow({ where: { name: "西安高新区工会" } });
  await write(async (tx) => {
    await tx.contest.updateMany({
      where: { id: { in: [skills.id, labour.id, quizContest.id] } },
      data: { organiserId: gaoxin.id },
    });
    await tx.nominationRound.update({ where: { id: round.id }, data: { organiserId: gaoxin.id } });
  });
  const quizAttempt = await prisma.quizAttempt.findFirstOrThrow({ where: { quizId: quiz.id } });
  const rosterImport = await write((tx) =>
    tx.rosterImport.create({
      data: {
        organisationId: qinling.id,
        userId: users.mgrOwn!,
        fileName: "名册.csv",
        fileBytes: 100,
        status: "done",
        rowsTotal: 2,
        rowsDone: 2,
      },
    }),
  );
  const question = await prisma.quizQuestion.findFirstOrThrow({
    where: { contestId: quiz.contestId },
  });
  Object.assign(ids, {
    recheckId: String(recheck.id),
    skillsCode: skills.code,
    contestId: String(skills.id),
    eventId: String(prog.id),
    eventCode: prog.code,
    ownRegistrationId: String(ownRegistration.id),
    ownBlindCode: ownRegistration.blindCode ?? "",
    ownWorkerId: String(ownWorker.id),
    ownRosterImportId: String(rosterImport.id),
    ownOrgId: String(qinling.id),
    roundId: String(round.id),
    attachmentId: String(attachment.id),
    studioId: String(studio.id),
    honouredWorkerId: String(honouredWorker.workerId),
    honouredOrgId: String(honouredOrg.organisationId),
    serial: certificate.serial,
    labourCode: labour.code,
    periodId: String(period.id),
    labourOrgId: String(labourOrg.organisationId),
    quizId: String(quiz.id),
    quizCode: quizContest.code,
    quizAttemptId: String(quizAttempt.id),
    questionId: String(question.id),
    gaoxinId: String(gaoxin.id),
  });
}, 120_000);

describe("authorisation matrix", () => {
  it("has a row for every route file", () => {
    const files = Object.keys(modules).map((p) => p.replace("../routes/", ""));
    const rows = matrix();
    expect(
      files.filter((f) => !(f in rows)),
      "routes without a row in the matrix",
    ).toEqual([]);
    expect(
      Object.keys(rows).filter((f) => !files.includes(f)),
      "rows for routes that no longer exist",
    ).toEqual([]);
    for (const file of files) {
      const row = rows[file]!;
      expect(row.loader !== undefined || row.action !== undefined, file).toBe(true);
    }
  });

  const rows = matrix();
  for (const [file, row] of Object.entries(rows)) {
    it(`${file}`, async () => {
      const mod = await modules[`../routes/${file}`]!();
      const path = fill(row.path);
      const params = paramsFor(file, path);
      const actual: Record<string, Outcome[]> = {};
      for (const kind of ["loader", "action"] as const) {
        const fn = mod[kind];
        const expected = row[kind];
        if (!fn) {
          expect(expected, `${file} has no ${kind}`).toBeUndefined();
          continue;
        }
        expect(expected, `${file} has a ${kind} without a row`).toBeDefined();
        const outcomes: Outcome[] = [];
        for (const role of ROLES) {
          const request = await makeRequest(path, {
            method: kind === "loader" ? "GET" : "POST",
            userId: users[role] ?? null,
            body: kind === "action" ? new FormData() : undefined,
          });
          const { outcome, value } = await run(fn, request, params);
          if (outcome === "error") console.error(file, kind, role, value);
          if (value instanceof Response) await value.body?.cancel();
          outcomes.push(outcome);
        }
        actual[kind] = outcomes;
      }
      const expected = Object.fromEntries(
        Object.entries({ loader: row.loader, action: row.action }).filter(([, v]) => v),
      );
      expect(actual).toEqual(expected);
    });
  }
});
