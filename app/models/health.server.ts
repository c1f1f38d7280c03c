import { prisma } from "~/db.server";

export async function checkDatabase() {
  const [row] = await prisma.$queryRaw<{ journal_mode: string }[]>`PRAGMA journal_mode`;
  const migrations = await prisma.$queryRaw<
    { n: bigint | number }[]
  >`SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
  return { journalMode: row?.journal_mode ?? "unknown", migrations: Number(migrations[0]?.n ?? 0) };
}
