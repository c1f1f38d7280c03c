// Builders for the contest, event and registration model tests (issue 3).
import { write } from "~/db.server";
import { withIdCheckChar } from "~/domain/identity/id-number";
import { createWorker } from "~/models/worker.server";

let counter = 0;

/** A valid ID number, unique within a test file; `birth` is YYYYMMDD, odd `seq` = male. */
export function idNumber(birth = "19900101", seq?: number): string {
  counter += 1;
  const n = seq ?? counter;
  return withIdCheckChar(`610113${birth}${String(n % 1000).padStart(3, "0")}`);
}

export async function createOpenContest(
  organiserId: number,
  overrides: { code?: string; closesAt?: Date; status?: string } = {},
) {
  counter += 1;
  const now = Date.now();
  return write((tx) =>
    tx.contest.create({
      data: {
        year: 2026,
        code: overrides.code ?? `T${counter}X`,
        kind: "skills_contest",
        name: `测试竞赛${counter}`,
        organiserId,
        status: overrides.status ?? "registration_open",
        registrationOpensAt: new Date(now - 86_400_000),
        registrationClosesAt: overrides.closesAt ?? new Date(now + 30 * 86_400_000),
        startsAt: new Date(now + 40 * 86_400_000),
      },
    }),
  );
}

export async function createEvent(
  contestId: number,
  overrides: {
    code?: string;
    mode?: "individual" | "team";
    quotaPerOrg?: number | null;
    minAge?: number | null;
    maxAge?: number | null;
    teamMin?: number;
    teamMax?: number;
    substitutes?: number;
  } = {},
) {
  counter += 1;
  const mode = overrides.mode ?? "individual";
  return write((tx) =>
    tx.event.create({
      data: {
        contestId,
        code: overrides.code ?? `E${counter}`,
        name: `测试赛项${counter}`,
        mode,
        teamMin: overrides.teamMin ?? (mode === "team" ? 2 : 1),
        teamMax: overrides.teamMax ?? (mode === "team" ? 3 : 1),
        substitutes: overrides.substitutes ?? 0,
        quotaPerOrg: overrides.quotaPerOrg === undefined ? 2 : overrides.quotaPerOrg,
        minAge: overrides.minAge === undefined ? 18 : overrides.minAge,
        maxAge: overrides.maxAge === undefined ? 55 : overrides.maxAge,
        parts: {
          create: [
            { kind: "theory", name: "理论知识", round: "final", weight: 30 },
            { kind: "practical", name: "技能操作", round: "final", weight: 70 },
          ],
        },
      },
    }),
  );
}

/** Adds a worker to an organisation's roster the way a manager's form does; returns the id. */
export async function addToRoster(organisationId: number, number: string, name: string) {
  const out = await createWorker(organisationId, {
    name,
    idNumber: number,
    phone: null,
    trade: null,
    skillLevel: "senior",
    unionMember: true,
  });
  if (!out.ok) throw new Error(`not added: ${JSON.stringify(out)}`);
  return out.value.id;
}
