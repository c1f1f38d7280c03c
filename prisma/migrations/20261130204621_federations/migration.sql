-- AlterTable
ALTER TABLE "Team" ADD COLUMN "side" TEXT;
ALTER TABLE "Event" ADD COLUMN "sides" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "TeamMember" ADD COLUMN "role" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Worker" ADD COLUMN "migrantWorker" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ContestCoOrganiser" (
    "contestId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,

    PRIMARY KEY ("contestId", "organisationId"),
    CONSTRAINT "ContestCoOrganiser_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContestCoOrganiser_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatCount" (
    "unionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "workers" INTEGER NOT NULL DEFAULT 0,
    "organisations" INTEGER NOT NULL DEFAULT 0,
    "firstPrizes" INTEGER NOT NULL DEFAULT 0,
    "secondPrizes" INTEGER NOT NULL DEFAULT 0,
    "thirdPrizes" INTEGER NOT NULL DEFAULT 0,
    "meritPrizes" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("unionId", "year", "dim", "value")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Contest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organiserId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rules" TEXT NOT NULL DEFAULT '',
    "registrationOpensAt" DATETIME,
    "registrationClosesAt" DATETIME,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "noticeDays" INTEGER NOT NULL DEFAULT 5,
    "showStandardised" BOOLEAN NOT NULL DEFAULT false,
    "theoryCapPct" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contest_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- A contest counts in the (Beijing) year it starts, else opens registration, else was created.
INSERT INTO "new_Contest" ("code", "createdAt", "description", "endsAt", "id", "kind", "name", "noticeDays", "organiserId", "year", "registrationClosesAt", "registrationOpensAt", "rules", "showStandardised", "startsAt", "status", "theoryCapPct", "updatedAt") SELECT "code", "createdAt", "description", "endsAt", "id", "kind", "name", "noticeDays", "organiserId", CAST(strftime('%Y', COALESCE("startsAt", "registrationOpensAt", "createdAt"), '+8 hours') AS INTEGER), "registrationClosesAt", "registrationOpensAt", "rules", "showStandardised", "startsAt", "status", "theoryCapPct", "updatedAt" FROM "Contest";
DROP TABLE "Contest";
ALTER TABLE "new_Contest" RENAME TO "Contest";
CREATE UNIQUE INDEX "Contest_code_key" ON "Contest"("code");
CREATE INDEX "Contest_status_idx" ON "Contest"("status");
CREATE INDEX "Contest_kind_status_idx" ON "Contest"("kind", "status");
CREATE INDEX "Contest_organiserId_idx" ON "Contest"("organiserId");
CREATE INDEX "Contest_year_idx" ON "Contest"("year");
CREATE TABLE "new_NominationRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organiserId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "conferringBody" TEXT NOT NULL,
    "quota" INTEGER NOT NULL,
    "perOrgQuota" INTEGER,
    "deadline" DATETIME NOT NULL,
    "rules" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "noticeStartsAt" DATETIME,
    "noticeEndsAt" DATETIME,
    "sourceEventId" INTEGER,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NominationRound_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Existing rounds belong to their creator's union, else to the first federation.
INSERT INTO "new_NominationRound" ("conferringBody", "createdAt", "createdById", "deadline", "id", "kind", "level", "name", "noticeEndsAt", "noticeStartsAt", "organiserId", "perOrgQuota", "quota", "rules", "sourceEventId", "status", "year") SELECT "conferringBody", "createdAt", "createdById", "deadline", "id", "kind", "level", "name", "noticeEndsAt", "noticeStartsAt", COALESCE((SELECT u."organisationId" FROM "User" u JOIN "Organisation" o ON o."id" = u."organisationId" WHERE u."id" = "NominationRound"."createdById" AND o."kind" <> 'enterprise'), (SELECT MIN("id") FROM "Organisation" WHERE "kind" = 'federation')), "perOrgQuota", "quota", "rules", "sourceEventId", "status", "year" FROM "NominationRound";
DROP TABLE "NominationRound";
ALTER TABLE "new_NominationRound" RENAME TO "NominationRound";
CREATE INDEX "NominationRound_status_idx" ON "NominationRound"("status");
CREATE INDEX "NominationRound_organiserId_idx" ON "NominationRound"("organiserId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ContestCoOrganiser_organisationId_idx" ON "ContestCoOrganiser"("organisationId");

-- CreateIndex
CREATE INDEX "Registration_workerId_idx" ON "Registration"("workerId");

-- CreateIndex
CREATE INDEX "HonourAward_year_organisationId_kind_level_idx" ON "HonourAward"("year", "organisationId", "kind", "level");
