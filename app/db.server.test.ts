import { describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { createOrganisation } from "~/test/factories";

describe("write()", () => {
  it("keeps concurrent writes apart: one rolling back never takes another with it", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        write(async (tx) => {
          const org = await tx.organisation.create({ data: { name: `并发${i}`, kind: "enterprise" } });
          // Yield to the event loop mid-transaction, where other requests would interleave.
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (i % 4 === 0) throw new Error(`rollback ${i}`);
          return org.id;
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(10);
    const names = (await prisma.organisation.findMany({ where: { name: { startsWith: "并发" } } })).map((o) => o.name);
    expect(names).toHaveLength(30);
    expect(names.some((n) => Number(n.slice(2)) % 4 === 0)).toBe(false);
  });

  it("uses WAL and enforces foreign keys", async () => {
    const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    await expect(write((tx) => tx.worker.create({ data: { organisationId: 424242, name: "x", gender: "male", idNumberCipher: "x", idNumberHash: "dangling", idNumberMasked: "x", birthDate: new Date() } }))).rejects.toThrow();
    await createOrganisation();
  });
});
