-- AlterTable: a contest counts in the (Beijing) year it starts, else opens registration, else
-- was created. Stored timestamps are UTC.
ALTER TABLE "Contest" ADD COLUMN     "year" INTEGER;
UPDATE "Contest" SET "year" = CAST(EXTRACT(YEAR FROM COALESCE("startsAt", "registrationOpensAt", "createdAt") + INTERVAL '8 hours') AS INTEGER);
ALTER TABLE "Contest" ALTER COLUMN "year" SET NOT NULL;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "sides" TEXT NOT NULL DEFAULT '[]';

-- AlterTable: existing rounds belong to their creator's union, else to the first federation.
ALTER TABLE "NominationRound" ADD COLUMN     "organiserId" INTEGER;
UPDATE "NominationRound" SET "organiserId" = COALESCE(
  (SELECT u."organisationId" FROM "User" u JOIN "Organisation" o ON o."id" = u."organisationId"
   WHERE u."id" = "NominationRound"."createdById" AND o."kind" <> 'enterprise'),
  (SELECT MIN("id") FROM "Organisation" WHERE "kind" = 'federation'));
ALTER TABLE "NominationRound" ALTER COLUMN "organiserId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "side" TEXT;

-- AlterTable
ALTER TABLE "TeamMember" ADD COLUMN     "role" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Worker" ADD COLUMN     "migrantWorker" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ContestCoOrganiser" (
    "contestId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,

    CONSTRAINT "ContestCoOrganiser_pkey" PRIMARY KEY ("contestId","organisationId")
);

-- CreateTable
CREATE TABLE "StatCount" (
    "unionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "workers" INTEGER NOT NULL DEFAULT 0,
    "organisations" INTEGER NOT NULL DEFAULT 0,
    "firstPrizes" INTEGER NOT NULL DEFAULT 0,
    "secondPrizes" INTEGER NOT NULL DEFAULT 0,
    "thirdPrizes" INTEGER NOT NULL DEFAULT 0,
    "meritPrizes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatCount_pkey" PRIMARY KEY ("unionId","year","dim","value")
);

-- CreateIndex
CREATE INDEX "ContestCoOrganiser_organisationId_idx" ON "ContestCoOrganiser"("organisationId");

-- CreateIndex
CREATE INDEX "Contest_organiserId_idx" ON "Contest"("organiserId");

-- CreateIndex
CREATE INDEX "Contest_year_idx" ON "Contest"("year");

-- CreateIndex
CREATE INDEX "NominationRound_organiserId_idx" ON "NominationRound"("organiserId");

-- CreateIndex
CREATE INDEX "Registration_workerId_idx" ON "Registration"("workerId");

-- AddForeignKey
ALTER TABLE "ContestCoOrganiser" ADD CONSTRAINT "ContestCoOrganiser_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestCoOrganiser" ADD CONSTRAINT "ContestCoOrganiser_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationRound" ADD CONSTRAINT "NominationRound_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "HonourAward_year_organisationId_kind_level_idx" ON "HonourAward"("year", "organisationId", "kind", "level");
