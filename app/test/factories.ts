// Small builders for model tests: each returns the created row with sensible defaults.
import { write } from "~/db.server";
import { maskIdNumber, withIdCheckChar } from "~/domain/identity";
import { encryptIdNumber, hashIdNumber } from "~/models/id-number-crypto.server";
import { hashPassword } from "~/models/user.server";
import { PLATFORM_SCOPE, childPath, unionScope } from "~/domain/organisation";
import type { Organiser } from "~/domain/roles";

let counter = 0;
const next = () => ++counter;

/** An organisation in the tree: under `parentId` when given, else at the top. */
export function createOrganisation(
  overrides: { name?: string; kind?: string; parentId?: number } = {},
) {
  const n = next();
  return write(async (tx) => {
    const parent =
      overrides.parentId === undefined
        ? null
        : await tx.organisation.findUniqueOrThrow({ where: { id: overrides.parentId } });
    const created = await tx.organisation.create({
      data: {
        name: overrides.name ?? `测试单位${n}`,
        kind: overrides.kind ?? "enterprise",
        parentId: parent?.id ?? null,
        path: "/",
      },
    });
    return tx.organisation.update({
      where: { id: created.id },
      data: { path: childPath(parent?.path ?? null, created.id) },
    });
  });
}

/** An organiser of a union (scope: its subtree), as the models take them. */
export function organiserOf(userId: number, union: { id: number; path: string }): Organiser {
  return {
    id: userId,
    role: "admin",
    organisationId: union.id,
    scope: unionScope(union.id, union.path),
  };
}

/** The platform's top administrator, for tests where scope does not matter. */
export const TOP_ADMIN: Organiser = {
  id: 1,
  role: "superadmin",
  organisationId: null,
  scope: PLATFORM_SCOPE,
};

export async function createUser(overrides: {
  username?: string;
  role: string;
  organisationId?: number | null;
  workerId?: number | null;
  password?: string;
}) {
  const n = next();
  const passwordHash = await hashPassword(overrides.password ?? "correct horse");
  return write((tx) =>
    tx.user.create({
      data: {
        username: overrides.username ?? `user${n}`,
        displayName: `用户${n}`,
        passwordHash,
        role: overrides.role,
        organisationId: overrides.organisationId ?? null,
        workerId: overrides.workerId ?? null,
      },
    }),
  );
}

export function createWorker(
  organisationId: number,
  overrides: { name?: string; birth?: string } = {},
) {
  const n = next();
  const birth = overrides.birth ?? "19900101";
  const idNumber = withIdCheckChar(`610102${birth}${String(100 + (n % 900)).padStart(3, "0")}`);
  return write((tx) =>
    tx.worker.create({
      data: {
        organisationId,
        name: overrides.name ?? `职工${n}`,
        gender: Number(idNumber[16]) % 2 === 1 ? "male" : "female",
        idNumberCipher: encryptIdNumber(idNumber),
        idNumberHash: hashIdNumber(idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        birthDate: new Date(
          `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00+08:00`,
        ),
      },
    }),
  );
}
