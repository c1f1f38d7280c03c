-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_workerId_score_durationMs_submittedAt_idx" ON "QuizAttempt"("quizId", "workerId", "score" DESC, "durationMs", "submittedAt");
