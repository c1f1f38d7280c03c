-- CreateTable
CREATE TABLE "QuizAnswer" (
    "attemptId" INTEGER NOT NULL,
    "quizId" INTEGER NOT NULL,
    "workerId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "chosen" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,

    PRIMARY KEY ("attemptId", "questionId"),
    CONSTRAINT "QuizAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "answerRows" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("answers", "attemptNo", "day", "deadline", "durationMs", "id", "organisationId", "paper", "quizId", "score", "startedAt", "status", "submittedAt", "workerId") SELECT "answers", "attemptNo", "day", "deadline", "durationMs", "id", "organisationId", "paper", "quizId", "score", "startedAt", "status", "submittedAt", "workerId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_quizId_status_deadline_idx" ON "QuizAttempt"("quizId", "status", "deadline");
CREATE INDEX "QuizAttempt_quizId_workerId_day_idx" ON "QuizAttempt"("quizId", "workerId", "day");
CREATE UNIQUE INDEX "QuizAttempt_quizId_workerId_attemptNo_key" ON "QuizAttempt"("quizId", "workerId", "attemptNo");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QuizAnswer_quizId_questionId_chosen_points_workerId_idx" ON "QuizAnswer"("quizId", "questionId", "chosen", "points", "workerId");
