-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "scoringClosesAt" TIMESTAMP(3),
ADD COLUMN     "scoringOpensAt" TIMESTAMP(3);
