import type { Rng } from "~/domain/contest/random";
import type { Prisma } from "~/generated/prisma/client";
import type { Person } from "./people";

export type SeededWorker = Person & { id: number; org: string; trade: string; skillLevel: string };

/** What the core seed created, handed to each feature's seed extension. */
export type SeedContext = {
  rng: Rng;
  /** organisation key (prisma/seed/story.ts) → id */
  orgId: Map<string, number>;
  workersByOrg: Map<string, SeededWorker[]>;
  /** demo username → user id */
  userId: Map<string, number>;
  /** contest code → id */
  contestIds: Map<string, number>;
  /** bcrypt hash of the demo password, for extra accounts */
  passwordHash: string;
};

export type SeedExtension = (tx: Prisma.TransactionClient, ctx: SeedContext) => Promise<void>;
