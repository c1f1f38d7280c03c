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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Event_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("aggregation", "cap", "category", "code", "contestId", "createdAt", "freezeAt", "fullMark", "id", "lockedAt", "maxAge", "minAge", "minSkillLevel", "mode", "name", "noticeEndsAt", "prizeRules", "publishedAt", "quotaPerOrg", "sortOrder", "standingsBestN", "status", "substitutes", "teamMax", "teamMin", "tieBreaks", "trade", "unionMemberRequired") SELECT "aggregation", "cap", "category", "code", "contestId", "createdAt", "freezeAt", "fullMark", "id", "lockedAt", "maxAge", "minAge", "minSkillLevel", "mode", "name", "noticeEndsAt", "prizeRules", "publishedAt", "quotaPerOrg", "sortOrder", "standingsBestN", "status", "substitutes", "teamMax", "teamMin", "tieBreaks", "trade", "unionMemberRequired" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_contestId_sortOrder_idx" ON "Event"("contestId", "sortOrder");
CREATE UNIQUE INDEX "Event_contestId_code_key" ON "Event"("contestId", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
