import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import {
  databaseEngine,
  prisma,
  readSql,
  sqlWrite,
  withScratchSession,
  withLoadTransaction,
  write,
} from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { env } from "~/env.server";
import { databaseFile } from "~/utils/database-file.server";
import { sqliteDate } from "~/db/sqlite.server";
import { createOrganisation } from "~/test/factories";

describe("write()", () => {
  it("keeps concurrent writes apart: one rolling back never takes another with it", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        write(async (tx) => {
          const org = await tx.organisation.create({
            data: { name: `并发${i}`, kind: "enterprise" },
          });
          // Yield to the event loop mid-transaction, where other requests would interleave.
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (i % 4 === 0) throw new Error(`rollback ${i}`);
          return org.id;
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(10);
    const names = (
      await prisma.organisation.findMany({ where: { name: { startsWith: "并发" } } })
    ).map((o) => o.name);
    expect(names).toHaveLength(30);
    expect(names.some((n) => Number(n.slice(2)) % 4 === 0)).toBe(false);
  });

  it("uses WAL and enforces foreign keys", async () => {
    if (sqlite) {
      const [mode] = await prisma.$queryRaw<{ journal_mode: string }[]>`PRAGMA journal_mode`;
      expect(mode?.journal_mode).toBe("wal");
    }
    await expect(
      write((tx) =>
        tx.worker.create({
          data: {
            organisationId: 424242,
            name: "x",
            gender: "male",
            idNumberCipher: "x",
            idNumberHash: "dangling",
            idNumberMasked: "x",
            birthDate: new Date(),
          },
        }),
      ),
    ).rejects.toThrow();
    await createOrganisation();
  });
});

const sqlite = databaseEngine() === "sqlite";

describe("the Sql interface", () => {
  it("answers in the same types on both engines", async () => {
    const row = await readSql().one<Record<string, unknown>>(Prisma.sql`
      SELECT 7 / ${2} AS "quotient", ${2n ** 60n} AS "big", COUNT(*) AS "n",
        ${new Date("2026-03-01T08:00:00.123Z")} AS "at"
      FROM "Organisation"`);
    // Whole-number parameters are integers (SQLite would otherwise divide as reals).
    expect(row?.quotient).toBe(3);
    expect(typeof row?.n).toBe("number");
    expect(BigInt(row?.big as bigint)).toBe(2n ** 60n);
    const org = await createOrganisation({ name: "类型" });
    const [stored] = await readSql().rows<{ createdAt: Date; id: number }>(
      Prisma.sql`SELECT "id", "createdAt" FROM "Organisation" WHERE "id" = ${org.id}`,
    );
    expect(stored?.id).toBe(org.id);
    expect(stored?.createdAt).toBeInstanceOf(Date);
    expect(stored?.createdAt.getTime()).toBe(org.createdAt.getTime());
    const flags = await readSql().one<{ active: unknown }>(
      Prisma.sql`SELECT "active" FROM "User" WHERE "active" = ${true} UNION ALL SELECT ${1} AS "active" LIMIT 1`,
    );
    expect(flags?.active).toBe(1);
  });
});

describe("a write's last statements (finish)", () => {
  it("commit with the transaction, refuse anything after them, and roll back when one fails", async () => {
    const org = await createOrganisation({ name: "收尾" });
    const rename = (name: string) =>
      Prisma.sql`UPDATE "Organisation" SET "name" = ${name} WHERE "id" = ${org.id}`;
    const nameNow = async () =>
      (await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).name;

    const changed = await sqlWrite(async (sql) => {
      await sql.run(rename("收尾一"));
      return sql.finish([rename("收尾二"), rename("收尾三")]);
    });
    expect(changed).toEqual([1, 1]);
    expect(await nameNow()).toBe("收尾三");

    // On PostgreSQL a statement after the COMMIT would run in a transaction of its own.
    await expect(
      sqlWrite(async (sql) => {
        await sql.finish([rename("收尾四")]);
        await sql.run(rename("收尾五"));
      }),
    ).rejects.toThrow(/after the transaction's last/);
    expect(await nameNow()).not.toBe("收尾五");

    // A failing last statement takes the earlier ones with it, and its own error is reported.
    await expect(
      sqlWrite(async (sql) => {
        await sql.run(rename("收尾六"));
        await sql.finish([
          rename("收尾七"),
          Prisma.sql`INSERT INTO "Organisation" ("id", "name", "kind") VALUES (${org.id}, ${"重复"}, ${"enterprise"})`,
          rename("收尾八"),
        ]);
      }),
    ).rejects.toThrow(/unique|UNIQUE|duplicate/);
    expect(await nameNow()).not.toMatch(/收尾[六七八]/);

    // The connection is fit for the next write.
    await sqlWrite((sql) => sql.finish([rename("收尾九")]));
    expect(await nameNow()).toBe("收尾九");
  });
});

async function writeElsewhere(organisationId: number): Promise<void> {
  if (!sqlite) {
    await write((tx) =>
      tx.organisation.update({ where: { id: organisationId }, data: { name: "旁" } }),
    );
    return;
  }
  const db = new Database(databaseFile(env.DATABASE_URL), { timeout: 0 });
  try {
    db.prepare(`UPDATE "Organisation" SET "name" = '旁' WHERE "id" = ?`).run(organisationId);
  } finally {
    db.close();
  }
}

describe("scratch sessions", () => {
  it("keep their TEMP tables to themselves, beside other writes, and drop them at the end", async () => {
    const create = Prisma.sql`CREATE TEMP TABLE "Scratch" ("n" INTEGER NOT NULL PRIMARY KEY)`;
    const count = Prisma.sql`SELECT COUNT(*) AS "n" FROM "Scratch"`;
    const org = await createOrganisation();
    const seen = await withScratchSession(async (session) => {
      await session.scratch((sql) => sql.run(create));
      await session.scratch(async (sql) => {
        await sql.load("Scratch", ["n"], [[1], [2], [3]]);
        // Another connection's write commits while the scratch transaction is open: it holds
        // no lock (on SQLite this process's own writes queue behind it, so the other writer
        // is a connection of its own that would fail at once if the file were locked).
        await writeElsewhere(org.id);
      });
      // Another connection does not see the table.
      await expect(readSql().rows(count)).rejects.toThrow();
      // A write on the session's connection reads it, in the same transaction as its writes.
      return session.write(async (sql) => {
        await sql.run(
          Prisma.sql`UPDATE "Organisation" SET "name" = 'n' || (SELECT COUNT(*) FROM "Scratch") WHERE "id" = ${org.id}`,
        );
        return sql.one<{ n: number }>(count);
      });
    });
    expect(seen).toEqual({ n: 3 });
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(
      "n3",
    );
    // The next session starts without it.
    await withScratchSession((session) => session.scratch((sql) => sql.run(create)));
  });
});

describe("bulk loads", () => {
  it("store text with COPY's separators as given, and a loadedDate as the Date itself", async () => {
    const texts = ["plain", "tab\there", "line\nbreak\r\n", "back\\slash \\N", '引号"', ""];
    const birth = new Date("1980-02-29T00:00:00+08:00");
    const stored = await withScratchSession(async (session) => {
      await session.scratch((sql) =>
        sql.run(
          Prisma.sql`CREATE TEMP TABLE "LoadCheck" ("n" INTEGER NOT NULL PRIMARY KEY, "t" TEXT NOT NULL, "d" TIMESTAMP(3) NOT NULL)`,
        ),
      );
      return session.scratch(async (sql) => {
        await sql.load(
          "LoadCheck",
          ["n", "t", "d"],
          texts.map((t, n) => [n, t, n % 2 === 0 ? sql.loadedDate(birth) : birth]),
        );
        return sql.rows<{ t: string; d: Date | string }>(
          Prisma.sql`SELECT "t", "d" FROM "LoadCheck" ORDER BY "n"`,
        );
      });
    });
    expect(stored.map((r) => r.t)).toEqual(texts);
    // SQLite hands a TEMP table's timestamp back as its stored text, which must read as the Date.
    expect(stored.map((r) => new Date(r.d).getTime())).toEqual(texts.map(() => birth.getTime()));
  });
});

describe("load transactions (withLoadTransaction)", () => {
  it("keep their rows from others until they commit, and take no write lock (PostgreSQL only)", async () => {
    if (sqlite) {
      await expect(withLoadTransaction(() => Promise.resolve(1))).rejects.toThrow("PostgreSQL");
      return;
    }
    const org = await createOrganisation();
    const seen = await withLoadTransaction(async (sql) => {
      await sql.run(
        Prisma.sql`UPDATE "Organisation" SET "name" = ${"载入中"} WHERE "id" = ${org.id}`,
      );
      // A write beside it takes the write lock: were it held here, this would never answer.
      const other = await createOrganisation();
      const name = (await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).name;
      return { other: other.id !== org.id, name };
    });
    expect(seen).toEqual({ other: true, name: org.name });
    const after = await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } });
    expect(after.name).toBe("载入中");
  });
});

describe.runIf(sqlite)("storage failures (SQLite)", () => {
  it("a full disk refuses the write with a 503, stores nothing and corrupts nothing", async () => {
    await createOrganisation({ name: "满盘之前" });
    const [{ page_count }] = (await prisma.$queryRawUnsafe<{ page_count: bigint | number }[]>(
      "PRAGMA page_count",
    )) as [{ page_count: bigint | number }];
    // Cap the writer connection's file at its current size, as a full disk would.
    await write((tx) => tx.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(page_count)}`));
    const attempt = write(async (tx) => {
      for (let i = 0; i < 400; i++)
        await tx.organisation.create({
          data: { name: `填满${i}${"长".repeat(400)}`, kind: "enterprise" },
        });
    });
    const thrown = await attempt.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
    expect(await prisma.organisation.count({ where: { name: { startsWith: "填满" } } })).toBe(0);
    const [check] =
      await prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    expect(check?.integrity_check).toBe("ok");
    await write((tx) => tx.$queryRawUnsafe("PRAGMA max_page_count = 1073741823"));
    await createOrganisation({ name: "满盘之后" });
  });

  it("a read-only database refuses the write with a 503", async () => {
    // Read-only inside the write, and writable again before it ends: a write() cannot begin on a
    // read-only connection (its first statement takes the write lock), so later tests need it.
    const thrown = await write(async (tx) => {
      await tx.$queryRawUnsafe("PRAGMA query_only = ON");
      try {
        await tx.organisation.create({ data: { name: "只读", kind: "enterprise" } });
      } finally {
        await tx.$queryRawUnsafe("PRAGMA query_only = OFF");
      }
    }).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(503);
    expect(await prisma.organisation.count({ where: { name: "只读" } })).toBe(0);
  });
});

describe.runIf(sqlite)("write() and another connection's write lock (SQLite)", () => {
  it("waits for the lock on the event loop, not inside SQLite, then sees the other write", async () => {
    // Both connections of this process are open and configured before the other takes the lock.
    await createOrganisation({ name: "锁之前" });
    // Another writer: a re-scoring thread's chunk, another process's import.
    const other = new Database(databaseFile(env.DATABASE_URL));
    try {
      other.pragma("busy_timeout = 0");
      other.exec("BEGIN IMMEDIATE");
      other
        .prepare(
          `INSERT INTO "Organisation" ("name", "kind", "path", "headcount", "createdAt") VALUES ('锁之外', 'enterprise', '/', 0, ?)`,
        )
        .run(sqliteDate(new Date()));
      let began = false;
      const saved = write(async (tx) => {
        began = true;
        const seen = await tx.organisation.count({ where: { name: "锁之外" } });
        await tx.organisation.create({ data: { name: "锁之内", kind: "enterprise" } });
        return seen;
      });
      // Timers keep firing while the write waits: SQLite's own busy wait (30 s) would have
      // stopped the thread at the first one.
      const started = performance.now();
      let longest = 0;
      while (performance.now() - started < 200) {
        const t = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 2));
        longest = Math.max(longest, performance.now() - t);
      }
      expect(longest).toBeLessThan(2_000);
      expect(began).toBe(false);
      other.exec("COMMIT");
      expect(await saved).toBe(1);
      expect(await prisma.organisation.count({ where: { name: "锁之内" } })).toBe(1);
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });
});

describe.runIf(!sqlite)("storage failures (PostgreSQL)", () => {
  it("a read-only transaction refuses the write with a 503 and stores nothing", async () => {
    // What a read-only standby or `default_transaction_read_only` answers: SQLSTATE 25006.
    const thrown = await write(async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      await tx.organisation.create({ data: { name: "只读", kind: "enterprise" } });
    }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
    const raw = await sqlWrite(async (sql) => {
      await sql.run(Prisma.sql`SET TRANSACTION READ ONLY`);
      await sql.run(
        Prisma.sql`INSERT INTO "Organisation" ("name", "kind", "path", "headcount", "createdAt") VALUES ('只读', 'enterprise', '/', 0, ${new Date()})`,
      );
    }).catch((e: unknown) => e);
    expect((raw as Response).status).toBe(503);
    expect(await prisma.organisation.count({ where: { name: "只读" } })).toBe(0);
  });
});

describe.runIf(sqlite)("checkpoints", () => {
  it("checkpoints the WAL in the background, not in the committing request", async () => {
    const file = databaseFile(env.DATABASE_URL);
    const [auto] = await prisma.$queryRaw<
      { wal_autocheckpoint: number | bigint }[]
    >`PRAGMA wal_autocheckpoint`;
    expect(Number(auto?.wal_autocheckpoint)).toBe(0);
    await sqlWrite(async (sql) => {
      for (let i = 0; i < 3_000; i++)
        await sql.run(
          Prisma.sql`INSERT INTO "Organisation" ("name", "kind", "path", "headcount", "createdAt")
            VALUES (${`检查点${i}${"填".repeat(300)}`}, 'enterprise', '/', 0, ${new Date("2026-01-01")})`,
        );
    });
    const before = statSync(file).size;
    const wal = statSync(`${file}-wal`).size;
    expect(wal).toBeGreaterThan(1_000_000);
    // The checkpointer runs every 500 ms: the pages reach the database file without any commit.
    await expect
      .poll(() => statSync(file).size, { timeout: 5_000, interval: 200 })
      .toBeGreaterThan(before + 1_000_000);
  });
});
