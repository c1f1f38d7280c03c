// Server-side sessions. The cookie carries a random 256-bit token; the table keeps its
// SHA-256, the user, and the times that end it. One indexed read finds the session with its
// user; `lastSeenAt` is written at most once a minute.
//
// Each process keeps what it read of a session for a second (SESSION_CACHE_MS), so a
// signed-in visitor's requests cost about what an anonymous one's do (the read was one
// round trip per request on PostgreSQL). Nothing that changes an answer outlives its change:
// ending a session and changing an account publish on the change bus, which drops the
// cached sessions in every process (app/utils/live-events.server.ts); the times that end a
// session are checked on every request, cached or not; a session unknown to the database is
// never cached, so a new sign-in is seen by every process at once. The cache is the shared
// one (app/utils/cache.server.ts), tagged by session and user.
import { createHash, randomBytes } from "node:crypto";
import { readSql, write, type Tx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { isRole, type Role } from "~/domain/roles";
import { cacheTag, defineCache } from "~/utils/cache.server";
import { publishSessionsChanged } from "~/utils/live-events.server";

/** Signed out after this long without a request. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** Signed out this long after signing in, however active. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** `lastSeenAt` is moved on at most this often, so most requests write nothing. */
export const SESSION_TOUCH_MS = 60 * 1000;

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
  workerId: number | null;
};

export function sessionIdOf(token: string): string {
  let id = idsOfTokens.get(token);
  if (id === undefined) {
    id = createHash("sha256").update(token).digest("hex");
    if (idsOfTokens.size >= REMEMBERED_IDS) idsOfTokens.delete(idsOfTokens.keys().next().value!);
    idsOfTokens.set(token, id);
  }
  return id;
}

// A token's stored id is the same hash every time: a process remembers those of the tokens
// it saw lately (asked on every signed-in request), which can change no answer.
const REMEMBERED_IDS = 5_000;
const idsOfTokens = new Map<string, string>();

/** A new session for the user; the token goes into the cookie and nowhere else. */
export async function createSession(
  userId: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await write(async (tx) => {
    // Expired rows go as new ones come; the index on expiresAt makes this a range delete.
    await tx.session.deleteMany({
      where: {
        OR: [
          { expiresAt: { lte: now } },
          { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } },
        ],
      },
    });
    await tx.session.create({
      data: { id: sessionIdOf(token), userId, createdAt: now, lastSeenAt: now, expiresAt },
    });
  });
  return { token, expiresAt };
}

type SessionRow = {
  userId: number;
  lastSeenAt: Date;
  expiresAt: Date;
  username: string;
  displayName: string;
  role: string;
  active: boolean | number;
  organisationId: number | null;
  workerId: number | null;
  organisationName: string | null;
};

/** How long a process answers a session from what it read of it (see the top of the file). */
export const SESSION_CACHE_MS = 1_000;

// Tagged with the session and its user, so the bus's sessions changes drop them (a read under
// way when one of them changed is not kept: it may have read the row just before the commit).
const cachedSessions = defineCache({
  name: "sessions",
  ttlMs: SESSION_CACHE_MS,
  max: 100_000,
  // Unknown sessions are never kept, so a new sign-in is seen by every process at once.
  keep: (row) => row !== undefined,
});

function sessionRow(id: string): Promise<SessionRow | undefined> {
  return cachedSessions.get(
    id,
    (row) =>
      row ? [cacheTag.session(id), cacheTag.user(Number(row.userId))] : [cacheTag.session(id)],
    async () =>
      (
        await readSql().rows<SessionRow>(Prisma.sql`
          SELECT s."userId", s."lastSeenAt", s."expiresAt",
                 u."username", u."displayName", u."role", u."active", u."organisationId", u."workerId",
                 o."name" AS "organisationName"
          FROM "Session" s
          JOIN "User" u ON u."id" = s."userId"
          LEFT JOIN "Organisation" o ON o."id" = u."organisationId"
          WHERE s."id" = ${id}`)
      )[0],
  );
}

/** The signed-in user of a token, or null when the session is unknown, ended or timed out. */
export async function findSessionUser(
  token: string,
  now = new Date(),
): Promise<SessionUser | null> {
  const id = sessionIdOf(token);
  const row = await sessionRow(id);
  if (!row) return null;
  const lastSeen = new Date(row.lastSeenAt).getTime();
  const timedOut =
    new Date(row.expiresAt).getTime() <= now.getTime() ||
    lastSeen <= now.getTime() - SESSION_IDLE_MS;
  if (timedOut || !row.active || !isRole(row.role)) {
    if (timedOut) await endSession(token);
    return null;
  }
  if (now.getTime() - lastSeen >= SESSION_TOUCH_MS) {
    await write((tx) => tx.session.updateMany({ where: { id }, data: { lastSeenAt: now } }));
    // The cached row moves on with the stored one (until the cache drops it).
    row.lastSeenAt = now;
  }
  return {
    id: Number(row.userId),
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId === null ? null : Number(row.organisationId),
    organisationName: row.organisationName,
    workerId: row.workerId === null ? null : Number(row.workerId),
  };
}

export async function endSession(token: string): Promise<void> {
  const id = sessionIdOf(token);
  await write((tx) => tx.session.deleteMany({ where: { id } }));
  publishSessionsChanged({ ids: [id] });
}

/**
 * Ends every session of a user, inside the transaction that changes what they may do
 * (password, role, organisation, deactivation), so no request sees the change half done.
 * After it commits, the caller publishes `publishSessionsChanged({ users: [userId] })`, so
 * no process answers from a session it cached.
 */
export async function endUserSessions(tx: Tx, userId: number): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId } })).count;
}
