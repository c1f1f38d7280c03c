-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "answerRows" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "QuizAnswer" (
    "attemptId" INTEGER NOT NULL,
    "quizId" INTEGER NOT NULL,
    "workerId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "chosen" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,

    CONSTRAINT "QuizAnswer_pkey" PRIMARY KEY ("attemptId","questionId")
);

-- CreateIndex
CREATE INDEX "QuizAnswer_quizId_questionId_chosen_points_workerId_idx" ON "QuizAnswer"("quizId", "questionId", "chosen", "points", "workerId");

-- AddForeignKey
ALTER TABLE "QuizAnswer" ADD CONSTRAINT "QuizAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
