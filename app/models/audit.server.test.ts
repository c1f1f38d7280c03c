import { describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { appendAudit, listAudit } from "./audit.server";

describe("audit log", () => {
  it("records entries in order", async () => {
    await write((tx) =>
      appendAudit(tx, {
        actorId: null,
        action: "mark.save",
        entityType: "Registration",
        entityId: 7,
        before: { value: 1 },
        after: { value: 2 },
        reason: "typo",
      }),
    );
    await write((tx) =>
      appendAudit(tx, {
        actorId: null,
        action: "mark.save",
        entityType: "Registration",
        entityId: 7,
        after: { value: 3 },
      }),
    );
    const entries = await listAudit("Registration", 7);
    expect(entries.map((e) => e.after)).toEqual(['{"value":2}', '{"value":3}']);
    expect(entries[0]?.reason).toBe("typo");
  });

  it("reads rows stored under an entity type's legacy spelling with the current ones", async () => {
    // Written before "Registration" was the one spelling; the log keeps them for ever.
    await write((tx) =>
      tx.auditLog.create({
        data: { action: "mark.save", entityType: "registration", entityId: 8, after: "1" },
      }),
    );
    await write((tx) =>
      appendAudit(tx, {
        actorId: null,
        action: "mark.correct",
        entityType: "Registration",
        entityId: 8,
        after: 2,
      }),
    );
    const entries = await listAudit("Registration", 8);
    expect(entries.map((e) => [e.action, e.entityType])).toEqual([
      ["mark.save", "registration"],
      ["mark.correct", "Registration"],
    ]);
    expect(await listAudit("Registration", 9)).toEqual([]);
  });

  it("cannot be edited or deleted, even with raw SQL", async () => {
    const entry = await write((tx) =>
      appendAudit(tx, {
        actorId: null,
        action: "contest.status",
        entityType: "Contest",
        entityId: 1,
        after: "open",
      }),
    );
    await expect(
      write((tx) => tx.auditLog.update({ where: { id: entry.id }, data: { after: "forged" } })),
    ).rejects.toThrow();
    await expect(write((tx) => tx.auditLog.delete({ where: { id: entry.id } }))).rejects.toThrow();
    await expect(write((tx) => tx.$executeRawUnsafe(`DELETE FROM "AuditLog"`))).rejects.toThrow();
    const again = await prisma.auditLog.findUnique({ where: { id: entry.id } });
    expect(again?.after).toBe('"open"');
  });
});
