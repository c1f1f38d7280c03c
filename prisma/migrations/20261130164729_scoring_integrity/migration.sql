-- AlterTable
ALTER TABLE "Contest" ADD COLUMN "theoryCapPct" INTEGER;

-- CreateTable
CREATE TABLE "Recheck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "drawId" INTEGER,
    "judgeId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'selected',
    "differences" INTEGER NOT NULL DEFAULT 0,
    "assignedAt" DATETIME,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Recheck_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recheck_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recheck_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecheckDraw" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "candidates" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "drawn" TEXT NOT NULL,
    "actorId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecheckDraw_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "contestId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "trade" TEXT NOT NULL DEFAULT '',
    "mode" TEXT NOT NULL DEFAULT 'individual',
    "teamMin" INTEGER NOT NULL DEFAULT 1,
    "teamMax" INTEGER NOT NULL DEFAULT 1,
    "substitutes" INTEGER NOT NULL DEFAULT 0,
    "quotaPerOrg" INTEGER,
    "cap" INTEGER,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "minSkillLevel" TEXT,
    "unionMemberRequired" BOOLEAN NOT NULL DEFAULT false,
    "fullMark" INTEGER NOT NULL DEFAULT 10000,
    "aggregation" TEXT NOT NULL DEFAULT 'trimmed_mean',
    "tieBreaks" TEXT NOT NULL DEFAULT '[]',
    "prizeRules" TEXT NOT NULL DEFAULT '[]',
    "standingsBestN" INTEGER NOT NULL DEFAULT 3,
    "status" TEXT NOT NULL DEFAULT 'open',
    "lockedAt" DATETIME,
    "publishedAt" DATETIME,
    "noticeEndsAt" DATETIME,
    "freezeAt" DATETIME,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "advanceCounts" TEXT NOT NULL DEFAULT '{}',
    "recheckTopN" INTEGER NOT NULL DEFAULT 0,
    "recheckShareBp" INTEGER NOT NULL DEFAULT 0,
    "recheckErrorBp" INTEGER NOT NULL DEFAULT 500,
    "recheckFullReviewAt" DATETIME,
    "standardisedDecimals" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resultsVisibility" TEXT NOT NULL DEFAULT 'on_publication',
    CONSTRAINT "Event_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("advanceCounts", "aggregation", "cap", "category", "code", "contestId", "createdAt", "freezeAt", "fullMark", "id", "lockedAt", "maxAge", "minAge", "minSkillLevel", "mode", "name", "noticeEndsAt", "prizeRules", "publishedAt", "quotaPerOrg", "resultsVisibility", "sortOrder", "standingsBestN", "status", "substitutes", "teamMax", "teamMin", "tieBreaks", "trade", "unionMemberRequired") SELECT "advanceCounts", "aggregation", "cap", "category", "code", "contestId", "createdAt", "freezeAt", "fullMark", "id", "lockedAt", "maxAge", "minAge", "minSkillLevel", "mode", "name", "noticeEndsAt", "prizeRules", "publishedAt", "quotaPerOrg", "resultsVisibility", "sortOrder", "standingsBestN", "status", "substitutes", "teamMax", "teamMin", "tieBreaks", "trade", "unionMemberRequired" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_contestId_sortOrder_idx" ON "Event"("contestId", "sortOrder");
CREATE UNIQUE INDEX "Event_contestId_code_key" ON "Event"("contestId", "code");
CREATE TABLE "new_JudgeAssignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "isChief" BOOLEAN NOT NULL DEFAULT false,
    "reserve" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "JudgeAssignment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JudgeAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_JudgeAssignment" ("eventId", "id", "isChief", "userId") SELECT "eventId", "id", "isChief", "userId" FROM "JudgeAssignment";
DROP TABLE "JudgeAssignment";
ALTER TABLE "new_JudgeAssignment" RENAME TO "JudgeAssignment";
CREATE INDEX "JudgeAssignment_userId_idx" ON "JudgeAssignment"("userId");
CREATE UNIQUE INDEX "JudgeAssignment_eventId_userId_key" ON "JudgeAssignment"("eventId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Recheck_registrationId_key" ON "Recheck"("registrationId");

-- CreateIndex
CREATE INDEX "Recheck_eventId_status_idx" ON "Recheck"("eventId", "status");

-- CreateIndex
CREATE INDEX "Recheck_judgeId_idx" ON "Recheck"("judgeId");

-- CreateIndex
CREATE INDEX "RecheckDraw_eventId_idx" ON "RecheckDraw"("eventId");

-- Standardised scores move from whole points to ten-thousandths of a point, so results that
-- were stored before keep their value (shown with 0 decimals, the event's default).
UPDATE "Result" SET "standardised" = "standardised" * 10000 WHERE "standardised" IS NOT NULL;
