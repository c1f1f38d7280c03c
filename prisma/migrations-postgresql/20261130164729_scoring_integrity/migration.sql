-- AlterTable
ALTER TABLE "Contest" ADD COLUMN     "theoryCapPct" INTEGER;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "recheckErrorBp" INTEGER NOT NULL DEFAULT 500,
ADD COLUMN     "recheckFullReviewAt" TIMESTAMP(3),
ADD COLUMN     "recheckShareBp" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recheckTopN" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "standardisedDecimals" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "JudgeAssignment" ADD COLUMN     "reserve" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Recheck" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "drawId" INTEGER,
    "judgeId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'selected',
    "differences" INTEGER NOT NULL DEFAULT 0,
    "assignedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecheckDraw" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "candidates" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "drawn" TEXT NOT NULL,
    "actorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecheckDraw_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Recheck_registrationId_key" ON "Recheck"("registrationId");

-- CreateIndex
CREATE INDEX "Recheck_eventId_status_idx" ON "Recheck"("eventId", "status");

-- CreateIndex
CREATE INDEX "Recheck_judgeId_idx" ON "Recheck"("judgeId");

-- CreateIndex
CREATE INDEX "RecheckDraw_eventId_idx" ON "RecheckDraw"("eventId");

-- AddForeignKey
ALTER TABLE "Recheck" ADD CONSTRAINT "Recheck_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recheck" ADD CONSTRAINT "Recheck_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recheck" ADD CONSTRAINT "Recheck_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecheckDraw" ADD CONSTRAINT "RecheckDraw_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Standardised scores move from whole points to ten-thousandths of a point, so results that
-- were stored before keep their value (shown with 0 decimals, the event's default).
UPDATE "Result" SET "standardised" = "standardised" * 10000 WHERE "standardised" IS NOT NULL;
