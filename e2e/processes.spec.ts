// Several processes serve one deployment (npm start: one worker per core; the e2e server runs
// two, see playwright.config.ts). A judge's save through one process must reach an open board
// (SSE) connected to another within a second, and turn stale the public answer that process
// had cached: on SQLite the primary process relays the change, on PostgreSQL the database does
// (LISTEN/NOTIFY). Each visitor below keeps one connection (keep-alive, one socket), and
// /healthz says which worker the connection landed on.
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { Prisma } from "~/generated/prisma/client";
import { RESULTS_STALE_MS, SESSION_COOKIE } from "~/utils/http-names";
import { expect, queryDb, test } from "./support/fixtures";
import { chinaInput } from "./support/scoring-window";

const CONTEST = "XA2026SKILLS";
const EVENT = "BIM";
const BOARD = `/results/${CONTEST}/${EVENT}`;

type Answer = { status: number; headers: IncomingMessage["headers"]; body: string };

/** A client on one kept-alive connection, so every request reaches the same process. */
class Connection {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  constructor(private readonly base: string) {}

  send(
    path: string,
    options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${this.base}${path}`,
        { agent: this.agent, method: options.method ?? "GET", headers: options.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(options.body);
    });
  }

  /** The worker this connection's requests reach. */
  async worker(): Promise<{ worker: number; workers: number }> {
    const health = JSON.parse((await this.send("/healthz")).body) as {
      process: { worker: number; workers: number };
    };
    return health.process;
  }

  /** Opens an event stream on this connection; `next()` resolves at the next "change" message. */
  stream(path: string): Promise<{ next: () => Promise<void>; close: () => void }> {
    return new Promise((resolve, reject) => {
      let received = 0;
      // Every waiter is resolved by the first message after it began waiting; none consumes it.
      let waiters: { after: number; done: () => void }[] = [];
      const req = httpRequest(`${this.base}${path}`, { agent: this.agent }, (res) => {
        expect(res.statusCode).toBe(200);
        let text = "";
        res.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          while (text.includes("event: change")) {
            text = text.slice(text.indexOf("event: change") + "event: change".length);
            received += 1;
            for (const w of waiters) if (w.after < received) w.done();
            waiters = waiters.filter((w) => w.after >= received);
          }
        });
        resolve({
          next: () => new Promise<void>((done) => waiters.push({ after: received, done })),
          close: () => req.destroy(),
        });
      });
      req.on("error", (error) => {
        if (!req.destroyed) reject(error);
      });
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Connections until one reaches each of two workers, plus a second one to the second worker. */
async function connectionsToTwoWorkers(base: string) {
  const byWorker = new Map<number, Connection[]>();
  const spare: Connection[] = [];
  for (let i = 0; i < 40; i++) {
    const connection = new Connection(base);
    const { worker, workers } = await connection.worker();
    expect(workers, "the e2e server runs several workers").toBeGreaterThanOrEqual(2);
    const list = byWorker.get(worker) ?? [];
    list.push(connection);
    byWorker.set(worker, list);
    const ready = [...byWorker.entries()].find(([, l]) => l.length >= 2);
    const other = ready && [...byWorker.entries()].find(([w]) => w !== ready[0]);
    if (ready && other) {
      for (const l of byWorker.values())
        for (const c of l)
          if (c !== ready[1][0] && c !== ready[1][1] && c !== other[1][0]) spare.push(c);
      spare.forEach((c) => c.close());
      return {
        a: other[1][0]!,
        b: ready[1][0]!,
        bStream: ready[1][1]!,
        workers: [other[0], ready[0]],
      };
    }
  }
  throw new Error("connections never reached two different workers");
}

/** The event's first entry with a blind code (its team's name) and its score sheet's path. */
async function firstEntry() {
  const [entry] = await queryDb<{ blindCode: string; eventId: number; team: string }>(Prisma.sql`
    SELECT r."blindCode", r."eventId", t."name" AS "team" FROM "Registration" r
    JOIN "Team" t ON t."id" = r."teamId" JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Contest" c ON c."id" = e."contestId"
    WHERE c."code" = ${CONTEST} AND e."code" = ${EVENT} AND r."blindCode" IS NOT NULL
    ORDER BY r."id" LIMIT 1`);
  expect(entry).toBeDefined();
  return {
    entry: entry!,
    sheetPath: `/judge/events/${entry!.eventId}/entries/${entry!.blindCode}`,
  };
}

async function cookieOf(username: string): Promise<string> {
  const [user] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "User" WHERE "username" = ${username}`,
  );
  const { signedInCookie } = await import("~/http/session.server");
  const cookie = await signedInCookie(user!.id);
  expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
  return cookie.split(";")[0]!;
}

/** The sheet's form fields: every mark filled in, each part's version as the page gave it. */
function sheetForm(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const tag of html.match(/<input[^>]*>/g) ?? []) {
    const name = /\sname="([mv]\d+)"/.exec(tag)?.[1];
    if (!name) continue;
    form.set(name, name.startsWith("v") ? (/\svalue="(\d+)"/.exec(tag)?.[1] ?? "0") : "20");
  }
  form.set("intent", "submit");
  return form;
}

test("a judge's save through one process reaches a board open on another within a second, and renders its cached answer anew", async ({
  baseURL,
}) => {
  const base = baseURL ?? "http://127.0.0.1:3100";
  const { entry, sheetPath } = await firstEntry();

  const { a, b, bStream, workers } = await connectionsToTwoWorkers(base);
  expect(workers[0]).not.toBe(workers[1]);
  const post = (path: string, cookie: string, form: URLSearchParams) =>
    a.send(path, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
  /** Waits for the stream's next change; how long it took, or null after `ms`. */
  const within = async (change: Promise<void>, since: number, ms = 5_000) =>
    Promise.race([
      change.then(() => Date.now() - since),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
    ]);

  // A visitor has the board open on process B: a new event shows nothing before publication.
  const stream = await bStream.stream(`${BOARD}/live`);
  const hidden = await b.send(`${BOARD}/data`);
  expect(hidden.status).toBe(200);
  expect((await b.send(`${BOARD}/data`)).headers["x-cache"]).toBe("HIT");

  // The organiser chooses live scores through process A: B's open board hears of it.
  const admin = await cookieOf("admin");
  const settingsSaved = Date.now();
  const shown = stream.next();
  const settings = new URLSearchParams({
    intent: "settings",
    resultsVisibility: "live",
    freezeAt: "",
    standingsBestN: "3",
  });
  expect((await post(BOARD, admin, settings)).status).toBe(200);
  expect(await within(shown, settingsSaved), "B's board heard of live scores").not.toBeNull();
  expect((await b.send(`${BOARD}/data`)).headers["x-cache"]).toBe("MISS");

  // The contest has not started: the organiser opens the event's scoring window first.
  const window = new URLSearchParams({
    intent: "window",
    scoringOpensAt: chinaInput(-1),
    scoringClosesAt: "",
  });
  expect((await post(`/admin/events/${entry.eventId}/judges`, admin, window)).status).toBe(200);

  // The panel members who may mark this entry (one from the team's own unit would be refused).
  const panel: { cookie: string; form: URLSearchParams }[] = [];
  for (const judge of ["chief", "judge1", "judge2", "judge3"]) {
    const cookie = await cookieOf(judge);
    const page = await a.send(sheetPath, { headers: { cookie } });
    if (page.status === 404) continue;
    expect(page.status).toBe(200);
    panel.push({ cookie, form: sheetForm(page.body) });
  }
  expect(panel.length).toBeGreaterThanOrEqual(2);
  const submit = ({ cookie, form }: (typeof panel)[number]) => post(sheetPath, cookie, form);

  // Every judge but the last submits through process A: the entry has no result yet. Their
  // changes reach B's board too; it settles before the last one (the stream announces the last
  // change once more RESULTS_STALE_MS after it).
  for (const sheet of panel.slice(0, -1)) expect((await submit(sheet)).status).toBe(302);
  while ((await within(stream.next(), Date.now(), RESULTS_STALE_MS + 750)) !== null);

  // Process B has the board's public answer cached.
  const first = await b.send(`${BOARD}/data`);
  expect(first.status).toBe(200);
  expect(first.body).not.toContain(entry.team);
  const cached = await b.send(`${BOARD}/data`);
  expect(cached.headers["x-cache"]).toBe("HIT");
  expect(cached.body).toBe(first.body);

  // The last judge submits through process A: the entry now has a result.
  const changed = stream.next();
  const savedAt = Date.now();
  expect((await submit(panel.at(-1)!)).status).toBe(302);
  const took = await within(changed, savedAt);
  const heard = Date.now();
  expect(took, "process B's open board heard of the save").not.toBeNull();
  expect(took!, "the change reached process B's open board").toBeLessThan(1_000);
  stream.close();

  // B's cached answer turned stale, not left to expire: B serves it while rendering it anew
  // (UPDATING), or has rendered it anew already (a MISS once the old one's second is over), and
  // answers with the result well within a second (RESULTS_STALE_MS).
  const after = await b.send(`${BOARD}/data`);
  expect(["UPDATING", "MISS"]).toContain(after.headers["x-cache"]);
  if (after.headers["x-cache"] === "MISS") expect(after.body).toContain(entry.team);
  else expect(after.body).toBe(first.body);
  // Once RESULTS_STALE_MS has passed since B's stream heard of the change, B shows the result.
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, heard + RESULTS_STALE_MS - Date.now())),
  );
  expect((await b.send(`${BOARD}/data`)).body).toContain(entry.team);
  expect((await b.worker()).worker).toBe(workers[1]);
  a.close();
  b.close();
  bStream.close();
});

test("an organiser's change to an event's scoring definition through one process reaches the sheets another serves within a second", async ({
  baseURL,
}) => {
  const base = baseURL ?? "http://127.0.0.1:3100";
  // Process B keeps each event's scoring definition for the sheets it serves (marks.server.ts);
  // the organiser's scoring window, part of that definition, is changed through process A.
  const { entry, sheetPath } = await firstEntry();
  const { a, b, bStream, workers } = await connectionsToTwoWorkers(base);
  bStream.close();
  expect(workers[0]).not.toBe(workers[1]);
  const admin = await cookieOf("admin");
  let judge: string | null = null;
  for (const username of ["chief", "judge1", "judge2", "judge3"]) {
    const cookie = await cookieOf(username);
    if ((await b.send(sheetPath, { headers: { cookie } })).status === 200) {
      judge = cookie;
      break;
    }
  }
  expect(judge, "a judge of the entry's panel").not.toBeNull();
  const setWindow = async (days: number) => {
    const form = new URLSearchParams({
      intent: "window",
      scoringOpensAt: chinaInput(days),
      scoringClosesAt: "",
    });
    const saved = await a.send(`/admin/events/${entry.eventId}/judges`, {
      method: "POST",
      headers: {
        cookie: admin,
        origin: base,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: form.toString(),
    });
    expect(saved.status).toBe(200);
    return Date.now();
  };
  const notYetOpen = /评分尚未开始/;
  /** How long until B's sheet shows (or stops showing) the window as not yet open; null after 3 s. */
  const seenWithin = async (since: number, shut: boolean) => {
    while (Date.now() - since < 3_000) {
      const page = await b.send(sheetPath, { headers: { cookie: judge! } });
      expect(page.status).toBe(200);
      if (notYetOpen.test(page.body) === shut) return Date.now() - since;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return null;
  };

  // Open since yesterday: B serves the sheet open, and now holds the definition.
  expect(await seenWithin(await setWindow(-1), false)).not.toBeNull();
  expect(notYetOpen.test((await b.send(sheetPath, { headers: { cookie: judge! } })).body)).toBe(
    false,
  );
  // Moved to the day after tomorrow through A: B's sheet says so within a second.
  const shut = await seenWithin(await setWindow(2), true);
  expect(shut, "B's sheet showed the new window").not.toBeNull();
  expect(shut!).toBeLessThan(1_000);
  // And back: B's sheet is open again within a second.
  const reopened = await seenWithin(await setWindow(-1), false);
  expect(reopened, "B's sheet showed the window open again").not.toBeNull();
  expect(reopened!).toBeLessThan(1_000);
  a.close();
  b.close();
});
