-- CreateTable
CREATE TABLE "QuizRoundSet" (
    "quizId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "questionIds" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("quizId", "day"),
    CONSTRAINT "QuizRoundSet_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizStanding" (
    "quizId" INTEGER NOT NULL,
    "workerId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "durationMs" BIGINT NOT NULL,
    "days" INTEGER NOT NULL,
    "lastDay" INTEGER NOT NULL,
    "attemptId" INTEGER,
    "rankKey" BIGINT NOT NULL,

    PRIMARY KEY ("quizId", "workerId", "day")
);

-- CreateTable
CREATE TABLE "QuizRankCount" (
    "quizId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "bucket" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("quizId", "day", "level", "bucket")
);

-- CreateTable
CREATE TABLE "QuizOrgStanding" (
    "quizId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "participants" INTEGER NOT NULL,
    "pointsSum" BIGINT NOT NULL,

    PRIMARY KEY ("quizId", "day", "organisationId")
);

-- CreateTable
CREATE TABLE "QuizRescore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "quizId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "reason" TEXT NOT NULL DEFAULT '',
    "actorId" INTEGER,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "QuizRescore_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Quiz" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "contestId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'paper',
    "timeLimitSec" INTEGER NOT NULL,
    "attemptsAllowed" INTEGER NOT NULL DEFAULT 1,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "plan" TEXT NOT NULL,
    "drawMode" TEXT NOT NULL DEFAULT 'personal',
    "drawSeed" INTEGER NOT NULL DEFAULT 0,
    "shuffle" BOOLEAN NOT NULL DEFAULT true,
    "onePerPage" BOOLEAN NOT NULL DEFAULT true,
    "pointsPerQuestion" INTEGER NOT NULL DEFAULT 100,
    "reviewPolicy" TEXT NOT NULL DEFAULT 'after_close',
    "partialCredit" TEXT NOT NULL DEFAULT 'none',
    "scopeOrgId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Quiz_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Quiz_scopeOrgId_fkey" FOREIGN KEY ("scopeOrgId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Quiz" ("attemptsAllowed", "closesAt", "contestId", "createdAt", "id", "name", "onePerPage", "opensAt", "plan", "pointsPerQuestion", "shuffle", "timeLimitSec") SELECT "attemptsAllowed", "closesAt", "contestId", "createdAt", "id", "name", "onePerPage", "opensAt", "plan", "pointsPerQuestion", "shuffle", "timeLimitSec" FROM "Quiz";
DROP TABLE "Quiz";
ALTER TABLE "new_Quiz" RENAME TO "Quiz";
CREATE TABLE "new_QuizAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "quizId" INTEGER NOT NULL,
    "workerId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "attemptNo" INTEGER NOT NULL DEFAULT 1,
    "day" INTEGER NOT NULL DEFAULT 1,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "paper" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "score" INTEGER,
    "durationMs" INTEGER,
    CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("answers", "attemptNo", "deadline", "durationMs", "id", "organisationId", "paper", "quizId", "score", "startedAt", "status", "submittedAt", "workerId") SELECT "answers", "attemptNo", "deadline", "durationMs", "id", "organisationId", "paper", "quizId", "score", "startedAt", "status", "submittedAt", "workerId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_quizId_status_deadline_idx" ON "QuizAttempt"("quizId", "status", "deadline");
CREATE INDEX "QuizAttempt_quizId_workerId_day_idx" ON "QuizAttempt"("quizId", "workerId", "day");
CREATE UNIQUE INDEX "QuizAttempt_quizId_workerId_attemptNo_key" ON "QuizAttempt"("quizId", "workerId", "attemptNo");
CREATE TABLE "new_QuizQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "contestId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "stem" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "difficulty" INTEGER NOT NULL DEFAULT 2,
    "explanation" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizQuestion_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_QuizQuestion" ("answer", "category", "contestId", "createdAt", "difficulty", "id", "options", "stem", "type") SELECT "answer", "category", "contestId", "createdAt", "difficulty", "id", "options", "stem", "type" FROM "QuizQuestion";
DROP TABLE "QuizQuestion";
ALTER TABLE "new_QuizQuestion" RENAME TO "QuizQuestion";
CREATE INDEX "QuizQuestion_contestId_category_idx" ON "QuizQuestion"("contestId", "category");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QuizStanding_quizId_day_rankKey_workerId_idx" ON "QuizStanding"("quizId", "day", "rankKey" DESC, "workerId");

-- CreateIndex
CREATE INDEX "QuizRescore_quizId_id_idx" ON "QuizRescore"("quizId", "id");
