-- AlterTable
ALTER TABLE "Event" ADD COLUMN "scoringClosesAt" DATETIME;
ALTER TABLE "Event" ADD COLUMN "scoringOpensAt" DATETIME;
