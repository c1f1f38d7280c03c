-- DropIndex
DROP INDEX "Worker_idNumberHash_key";

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "resultsVisibility" TEXT NOT NULL DEFAULT 'on_publication';

-- AlterTable
ALTER TABLE "ScoreSheet" ADD COLUMN     "draft" TEXT;

-- CreateTable
CREATE TABLE "IdentityReview" (
    "idNumberHash" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityReview_pkey" PRIMARY KEY ("idNumberHash")
);

-- CreateIndex
CREATE INDEX "Worker_idNumberHash_idx" ON "Worker"("idNumberHash");

-- CreateIndex
CREATE UNIQUE INDEX "Worker_organisationId_idNumberHash_key" ON "Worker"("organisationId", "idNumberHash");

-- Drafts leave the Mark table: marks of sheets never submitted become the sheet's draft, so
-- only submitted marks count anywhere. (Results computed from such marks earlier are
-- recomputed at the entry's next submission and at lock; boards hide them until publication.)
UPDATE "ScoreSheet" SET "draft" = (
    SELECT json_object_agg(m."criterionId"::text, m."value")::text
    FROM "Mark" m JOIN "Criterion" c ON c."id" = m."criterionId"
    WHERE m."registrationId" = "ScoreSheet"."registrationId" AND m."judgeId" = "ScoreSheet"."judgeId" AND c."partId" = "ScoreSheet"."partId"
) WHERE "status" = 'draft';
DELETE FROM "Mark" WHERE EXISTS (
    SELECT 1 FROM "ScoreSheet" s JOIN "Criterion" c ON c."partId" = s."partId"
    WHERE s."status" = 'draft' AND s."registrationId" = "Mark"."registrationId"
      AND s."judgeId" = "Mark"."judgeId" AND c."id" = "Mark"."criterionId"
);
