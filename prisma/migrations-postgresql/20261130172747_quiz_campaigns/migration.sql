-- DropIndex
DROP INDEX "QuizAttempt_quizId_status_score_idx";

-- DropIndex
DROP INDEX "QuizAttempt_quizId_workerId_score_durationMs_submittedAt_idx";

-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN     "drawMode" TEXT NOT NULL DEFAULT 'personal',
ADD COLUMN     "drawSeed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'paper',
ADD COLUMN     "partialCredit" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "reviewPolicy" TEXT NOT NULL DEFAULT 'after_close',
ADD COLUMN     "scopeOrgId" INTEGER;

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "day" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "QuizQuestion" ADD COLUMN     "explanation" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "QuizRoundSet" (
    "quizId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "questionIds" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuizRoundSet_pkey" PRIMARY KEY ("quizId","day")
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

    CONSTRAINT "QuizStanding_pkey" PRIMARY KEY ("quizId","workerId","day")
);

-- CreateTable
CREATE TABLE "QuizRankCount" (
    "quizId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "bucket" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "QuizRankCount_pkey" PRIMARY KEY ("quizId","day","level","bucket")
);

-- CreateTable
CREATE TABLE "QuizOrgStanding" (
    "quizId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "participants" INTEGER NOT NULL,
    "pointsSum" BIGINT NOT NULL,

    CONSTRAINT "QuizOrgStanding_pkey" PRIMARY KEY ("quizId","day","organisationId")
);

-- CreateTable
CREATE TABLE "QuizRescore" (
    "id" SERIAL NOT NULL,
    "quizId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "reason" TEXT NOT NULL DEFAULT '',
    "actorId" INTEGER,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "QuizRescore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuizStanding_quizId_day_rankKey_workerId_idx" ON "QuizStanding"("quizId", "day", "rankKey" DESC, "workerId");

-- CreateIndex
CREATE INDEX "QuizRescore_quizId_id_idx" ON "QuizRescore"("quizId", "id");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_status_deadline_idx" ON "QuizAttempt"("quizId", "status", "deadline");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_workerId_day_idx" ON "QuizAttempt"("quizId", "workerId", "day");

-- AddForeignKey
ALTER TABLE "Quiz" ADD CONSTRAINT "Quiz_scopeOrgId_fkey" FOREIGN KEY ("scopeOrgId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizRoundSet" ADD CONSTRAINT "QuizRoundSet_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizRescore" ADD CONSTRAINT "QuizRescore_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
