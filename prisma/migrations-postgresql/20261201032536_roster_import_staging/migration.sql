-- AlterTable
ALTER TABLE "RosterImport" ADD COLUMN     "rowsWritten" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RosterImportRow" (
    "jobId" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "idNumberCipher" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "birthDate" TIMESTAMP(3) NOT NULL,
    "phone" TEXT,
    "trade" TEXT,
    "skillLevel" TEXT,
    "unionMember" BOOLEAN NOT NULL,

    CONSTRAINT "RosterImportRow_pkey" PRIMARY KEY ("jobId","row")
);
