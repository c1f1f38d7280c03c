// An organisation's worker roster. Every function takes the manager's organisationId and
// scopes by it, so another organisation's worker is simply not found.
import { bulkWrite, prisma, write } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { isoDateOf, type IsoDate } from "~/domain/identity/dates";
import { maskIdNumber, parseIdNumber } from "~/domain/identity/id-number";
import { checkRosterRow, rosterImportColumns } from "~/domain/registration/import-plan";
import { validateImport, type ImportError } from "~/domain/registration/import-rows";
import { decryptIdNumber, encryptIdNumber, hashIdNumber } from "~/models/id-number-crypto.server";
import { readSpreadsheet, type SheetProblem } from "~/utils/spreadsheet.server";

export type WorkerInput = {
  name: string;
  idNumber: string;
  phone: string | null;
  trade: string | null;
  skillLevel: string | null;
  unionMember: boolean;
};

/** Largest roster file accepted in one go; the benchmark imports 50,000 through the same path. */
export const MAX_ROSTER_ROWS = 50_000;

export function listWorkers(organisationId: number, query = "") {
  const q = query.trim();
  return prisma.worker.findMany({
    where: {
      organisationId,
      ...(q ? { OR: [{ name: { contains: q } }, { trade: { contains: q } }] } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      gender: true,
      idNumberMasked: true,
      birthDate: true,
      phone: true,
      trade: true,
      skillLevel: true,
      unionMember: true,
      _count: { select: { registrations: true, teamMemberships: true } },
    },
  });
}

export function countWorkers(organisationId: number) {
  return prisma.worker.count({ where: { organisationId } });
}

/** The full ID number is decrypted only here, for the worker's own organisation manager. */
export async function getWorkerForManager(organisationId: number, id: number) {
  const worker = await prisma.worker.findFirst({
    where: { id, organisationId },
    select: {
      id: true,
      name: true,
      gender: true,
      idNumberCipher: true,
      idNumberMasked: true,
      birthDate: true,
      phone: true,
      trade: true,
      skillLevel: true,
      unionMember: true,
      _count: { select: { registrations: true, teamMemberships: true } },
    },
  });
  if (!worker) return null;
  const { idNumberCipher, ...rest } = worker;
  return { ...rest, idNumber: decryptIdNumber(idNumberCipher) };
}

function identityColumns(idNumber: string) {
  const info = parseIdNumber(idNumber);
  if (!info.ok) throw new RangeError("ID number must be validated before it is stored");
  return {
    gender: info.value.gender,
    birthDate: new Date(`${info.value.birthDate}T00:00:00+08:00`),
    idNumberCipher: encryptIdNumber(info.value.idNumber),
    idNumberHash: hashIdNumber(info.value.idNumber),
    idNumberMasked: maskIdNumber(info.value.idNumber),
  };
}

export type WorkerSaveOutcome =
  { ok: true; id: number } | { ok: false; errors: Record<string, string> };

export async function createWorker(
  organisationId: number,
  input: WorkerInput,
): Promise<WorkerSaveOutcome> {
  const identity = identityColumns(input.idNumber);
  const existing = await prisma.worker.findUnique({
    where: { idNumberHash: identity.idNumberHash },
    select: { organisationId: true },
  });
  if (existing) {
    return {
      ok: false,
      errors: {
        idNumber:
          existing.organisationId === organisationId
            ? "reg.worker.idInRoster"
            : "reg.worker.idElsewhere",
      },
    };
  }
  const worker = await write((tx) =>
    tx.worker.create({
      data: {
        organisationId,
        name: input.name,
        phone: input.phone,
        trade: input.trade,
        skillLevel: input.skillLevel,
        unionMember: input.unionMember,
        ...identity,
      },
    }),
  );
  return { ok: true, id: worker.id };
}

/** Returns null when the worker is not in this organisation's roster. */
export async function updateWorker(
  organisationId: number,
  id: number,
  input: WorkerInput,
): Promise<WorkerSaveOutcome | null> {
  const current = await prisma.worker.findFirst({
    where: { id, organisationId },
    select: { id: true },
  });
  if (!current) return null;
  const identity = identityColumns(input.idNumber);
  const clash = await prisma.worker.findFirst({
    where: { idNumberHash: identity.idNumberHash, NOT: { id } },
    select: { organisationId: true },
  });
  if (clash) {
    return {
      ok: false,
      errors: {
        idNumber:
          clash.organisationId === organisationId
            ? "reg.worker.idInRoster"
            : "reg.worker.idElsewhere",
      },
    };
  }
  await write((tx) =>
    tx.worker.update({
      where: { id },
      data: {
        name: input.name,
        phone: input.phone,
        trade: input.trade,
        skillLevel: input.skillLevel,
        unionMember: input.unionMember,
        ...identity,
      },
    }),
  );
  return { ok: true, id };
}

/** A worker with entries stays on the roster (the entries point at them); returns null if not found. */
export async function deleteWorker(
  organisationId: number,
  id: number,
): Promise<{ ok: boolean } | null> {
  return write(async (tx) => {
    const worker = await tx.worker.findFirst({
      where: { id, organisationId },
      select: {
        id: true,
        user: { select: { id: true } },
        _count: {
          select: {
            registrations: true,
            teamMemberships: true,
            honours: true,
            nominations: true,
            quizAttempts: true,
            studioMemberships: true,
          },
        },
      },
    });
    if (!worker) return null;
    const used = Object.values(worker._count).some((n) => n > 0) || worker.user !== null;
    if (used) return { ok: false };
    await tx.worker.delete({ where: { id } });
    return { ok: true };
  });
}

export type ImportOutcome =
  | { ok: true; count: number; ms: number }
  | { ok: false; fileProblem: SheetProblem | null; errors: ImportError[] };

/**
 * Imports a roster file into the organisation: every row is checked first (columns, ID
 * numbers, duplicates in the file and against everyone already registered on the platform),
 * and only a file without a single problem is written, in one bulk transaction.
 */
export async function importRoster(
  organisationId: number,
  actorId: number,
  file: { name: string; bytes: Uint8Array },
  today: IsoDate = isoDateOf(new Date()),
): Promise<ImportOutcome> {
  const started = performance.now();
  const sheet = await readSpreadsheet(file, MAX_ROSTER_ROWS);
  if (!sheet.ok) return { ok: false, fileProblem: sheet.problem, errors: [] };
  const parsed = validateImport(sheet.table, rosterImportColumns(today), {
    maxRows: MAX_ROSTER_ROWS,
    checkRow: checkRosterRow,
  });
  if (!parsed.ok) return { ok: false, fileProblem: null, errors: parsed.errors };

  const prepared = parsed.rows.map(({ row, values }) => {
    const id = values.idNumber.idNumber;
    return {
      row,
      hash: hashIdNumber(id),
      data: {
        name: values.name,
        gender: values.idNumber.gender,
        cipher: encryptIdNumber(id),
        masked: maskIdNumber(id),
        birthDate: new Date(`${values.idNumber.birthDate}T00:00:00+08:00`),
        phone: values.mobile,
        trade: values.trade ?? null,
        skillLevel: values.skillLevel ?? null,
        unionMember: values.unionMember ?? true,
      },
    };
  });

  const outcome = await bulkWrite(async (sql): Promise<ImportOutcome> => {
    // Checked inside the transaction so a concurrent import cannot slip a duplicate in: the
    // file's hashes are loaded into a temporary table and joined with the roster.
    await sql.run(
      Prisma.sql`CREATE TEMP TABLE IF NOT EXISTS "roster_import_hash" ("hash" TEXT PRIMARY KEY, "row" INTEGER)`,
    );
    await sql.run(Prisma.sql`DELETE FROM "roster_import_hash"`);
    await sql.load(
      "roster_import_hash",
      ["hash", "row"],
      prepared.map((p) => [p.hash, p.row]),
    );
    const clashes = await sql.rows<{ row: number; org: number }>(Prisma.sql`
      SELECT t."row" AS "row", w."organisationId" AS "org"
      FROM "roster_import_hash" t JOIN "Worker" w ON w."idNumberHash" = t."hash" ORDER BY t."row" LIMIT 200`);
    await sql.run(Prisma.sql`DELETE FROM "roster_import_hash"`);
    if (clashes.length > 0) {
      return {
        ok: false,
        fileProblem: null,
        errors: clashes.map((c) => ({
          row: c.row,
          column: "身份证号",
          code: c.org === organisationId ? "import_id_in_roster" : "import_id_elsewhere",
          params: {},
        })),
      };
    }
    const now = new Date();
    await sql.load(
      "Worker",
      [
        "organisationId",
        "name",
        "gender",
        "idNumberCipher",
        "idNumberHash",
        "idNumberMasked",
        "birthDate",
        "phone",
        "trade",
        "skillLevel",
        "unionMember",
        "frontLine",
        "manager",
        "createdAt",
        "updatedAt",
      ],
      prepared.map((p) => {
        const d = p.data;
        return [
          organisationId,
          d.name,
          d.gender,
          d.cipher,
          p.hash,
          d.masked,
          d.birthDate,
          d.phone,
          d.trade,
          d.skillLevel,
          d.unionMember,
          true,
          false,
          now,
          now,
        ];
      }),
    );
    await sql.run(Prisma.sql`
      INSERT INTO "AuditLog" ("at", "actorId", "action", "entityType", "entityId", "after")
      VALUES (${now}, ${actorId}, 'worker.import', 'Organisation', ${organisationId}, ${JSON.stringify({ rows: prepared.length, file: file.name })})`);
    return { ok: true, count: prepared.length, ms: 0 };
  });
  return outcome.ok ? { ...outcome, ms: Math.round(performance.now() - started) } : outcome;
}

export async function rosterProfiles(organisationId: number) {
  const workers = await prisma.worker.findMany({
    where: { organisationId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      idNumberMasked: true,
      birthDate: true,
      gender: true,
      skillLevel: true,
      unionMember: true,
      trade: true,
    },
  });
  return workers.map((w) => ({ ...w, birthDate: isoDateOf(w.birthDate) }));
}
