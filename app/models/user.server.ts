import bcrypt from "bcryptjs";
import { prisma, write } from "~/db.server";
import { isRole, type Role } from "~/domain/roles";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  LOGIN_WINDOW_MS,
  throttleVerdict,
} from "~/domain/login-throttle";

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
  workerId: number | null;
};

const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

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

export type LoginOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

// A real hash to compare against when the account does not exist, so both paths take the
// same time and the response does not reveal which usernames exist.
const DUMMY_HASH = "$2b$10$GFWaMvY2Ch1fOBe6BvR36uFNVCaY94UlxXuSouR01zSN/LWM1Fez6";

export async function verifyLogin(input: {
  username: string;
  password: string;
  address: string | null;
  now?: Date;
}): Promise<LoginOutcome> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const userKey = `user:${input.username.toLowerCase()}`;
  const addressKey = input.address ? `ip:${input.address}` : null;
  const keys = addressKey ? [userKey, addressKey] : [userKey];

  const recent = await prisma.loginAttempt.findMany({
    where: { key: { in: keys }, at: { gt: since } },
    select: { key: true, at: true },
  });
  const verdicts = [
    throttleVerdict(
      recent.filter((r) => r.key === userKey).map((r) => r.at),
      MAX_FAILURES_PER_ACCOUNT,
      now,
    ),
    throttleVerdict(
      recent.filter((r) => r.key === addressKey).map((r) => r.at),
      MAX_FAILURES_PER_ADDRESS,
      now,
    ),
  ];
  const locked = verdicts.filter((v) => v.locked);
  if (locked.length > 0) {
    const wait = Math.max(...locked.map((v) => (v.locked ? v.retryAfterMs : 0)));
    return {
      ok: false,
      reason: "locked",
      retryAfterMinutes: Math.max(1, Math.ceil(wait / 60_000)),
    };
  }

  const user = await prisma.user.findUnique({
    where: { username: input.username },
    select: { id: true, passwordHash: true, active: true },
  });
  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !matches) {
    await write((tx) =>
      tx.loginAttempt.createMany({ data: keys.map((key) => ({ key, at: now })) }),
    );
    return { ok: false, reason: "invalid" };
  }
  await write((tx) => tx.loginAttempt.deleteMany({ where: { key: userKey } }));
  const sessionUser = await getSessionUser(user.id);
  return sessionUser ? { ok: true, user: sessionUser } : { ok: false, reason: "invalid" };
}
