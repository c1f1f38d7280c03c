-- DropIndex
DROP INDEX "Worker_idNumberHash_key";

-- AlterTable
ALTER TABLE "ScoreSheet" ADD COLUMN "draft" TEXT;

-- CreateTable
CREATE TABLE "IdentityReview" (
    "idNumberHash" TEXT NOT NULL PRIMARY KEY,
    "decision" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resultsVisibility" TEXT NOT NULL DEFAULT 'on_publication',
    CONSTRAINT "Event_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("advanceCounts", "aggregation", "cap", "category", "code", "contestId", "createdAt", "freezeAt", "fullMark", "id", "lockedAt", "maxAge", "minAge", "minSkillLevel", "mode", "name", "noticeEndsAt", "prizeRules", "publishedAt", "quotaPerOrg", "sortOrder", "standingsBestN", "status", "substitutes", "teamMax", "teamMin", "tieBreaks", "trade", "unionMemberRequired") SELECT "advanceCounts", "aggregation", "cap", "category", "code", "contestId", "createdAt", "freezeAt", "fullMark", "id", "lockedAt", "maxAge", "minAge", "minSkillLevel", "mode", "name", "noticeEndsAt", "prizeRules", "publishedAt", "quotaPerOrg", "sortOrder", "standingsBestN", "status", "substitutes", "teamMax", "teamMin", "tieBreaks", "trade", "unionMemberRequired" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_contestId_sortOrder_idx" ON "Event"("contestId", "sortOrder");
CREATE UNIQUE INDEX "Event_contestId_code_key" ON "Event"("contestId", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Worker_idNumberHash_idx" ON "Worker"("idNumberHash");

-- CreateIndex
CREATE UNIQUE INDEX "Worker_organisationId_idNumberHash_key" ON "Worker"("organisationId", "idNumberHash");

-- Drafts leave the Mark table: marks of sheets never submitted become the sheet's draft, so
-- only submitted marks count anywhere. (Results computed from such marks earlier are
-- recomputed at the entry's next submission and at lock; boards hide them until publication.)
UPDATE "ScoreSheet" SET "draft" = (
    SELECT json_group_object(CAST(m."criterionId" AS TEXT), m."value")
    FROM "Mark" m JOIN "Criterion" c ON c."id" = m."criterionId"
    WHERE m."registrationId" = "ScoreSheet"."registrationId" AND m."judgeId" = "ScoreSheet"."judgeId" AND c."partId" = "ScoreSheet"."partId"
) WHERE "status" = 'draft';
DELETE FROM "Mark" WHERE EXISTS (
    SELECT 1 FROM "ScoreSheet" s JOIN "Criterion" c ON c."partId" = s."partId"
    WHERE s."status" = 'draft' AND s."registrationId" = "Mark"."registrationId"
      AND s."judgeId" = "Mark"."judgeId" AND c."id" = "Mark"."criterionId"
);
