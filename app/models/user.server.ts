import { prisma, write } from "~/db.server";
import { isRole, type Role } from "~/domain/roles";
import { releaseAttempt, reserveAttempt } from "~/models/login-throttle.server";
import {
  DUMMY_HASH,
  HashQueueFullError,
  checkPassword,
  hashPassword,
} from "~/models/password.server";
import { endUserSessions, type SessionUser } from "~/models/session.server";
import { publishSessionsChanged } from "~/utils/live-events.server";
import { ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";

export type { SessionUser };
export { hashPassword };

export async function getSessionUser(id: number): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      organisationId: true,
      workerId: true,
      organisation: { select: { name: true } },
    },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation?.name ?? null,
    workerId: user.workerId,
  };
}

/**
 * The signed-in user, or one problem: login.invalid (wrong name or password, or an inactive
 * account: the same answer, so a refusal tells nothing about which names exist), login.busy
 * (the hashing queue is full), login.locked { minutes } or login.slow { seconds } (throttled).
 */
export type LoginOutcome = Outcome<SessionUser, KeyedProblem>;

/**
 * Checks a sign-in. The throttle counters are taken first (app/models/login-throttle.server.ts),
 * so a refused attempt costs no hashing; then exactly one bcrypt check runs on a worker
 * thread, against the account's hash or a dummy of the same cost, so unknown, inactive and
 * known names cost the same.
 */
export async function verifyLogin(input: {
  username: string;
  password: string;
  address: string | null;
  now?: Date;
}): Promise<LoginOutcome> {
  const now = input.now ?? new Date();
  const { keys, verdict } = await reserveAttempt(input.username, input.address, now);
  if (!verdict.allowed) {
    return verdict.reason === "locked"
      ? refuse("login.locked", { minutes: Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000)) })
      : refuse("login.slow", { seconds: Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)) });
  }
  const user = await prisma.user.findUnique({
    where: { username: input.username },
    select: { id: true, passwordHash: true, active: true },
  });
  let matches: boolean;
  try {
    ({ matches } = await checkPassword(input.password, user?.passwordHash ?? DUMMY_HASH));
  } catch (error) {
    if (error instanceof HashQueueFullError) return refuse("login.busy");
    throw error;
  }
  if (!user || !user.active || !matches) return refuse("login.invalid");
  await releaseAttempt(keys, now);
  const sessionUser = await getSessionUser(user.id);
  return sessionUser ? ok(sessionUser) : refuse("login.invalid");
}

export type AccountChange = {
  password?: string;
  role?: Role;
  organisationId?: number | null;
  workerId?: number | null;
  active?: boolean;
};

/**
 * The one way to change what a user may do or how they sign in. Any change of password,
 * role, organisation, worker or active flag ends all of the user's sessions in the same
 * transaction: they sign in again and get what they now have.
 */
export async function changeAccount(userId: number, change: AccountChange): Promise<boolean> {
  const passwordHash =
    change.password === undefined ? undefined : await hashPassword(change.password);
  const changed = await write(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId },
      data: {
        passwordHash,
        role: change.role,
        organisationId: change.organisationId,
        workerId: change.workerId,
        active: change.active,
      },
    });
    if (updated.count === 0) return false;
    await endUserSessions(tx, userId);
    return true;
  });
  if (changed) publishSessionsChanged({ users: [userId] });
  return changed;
}
