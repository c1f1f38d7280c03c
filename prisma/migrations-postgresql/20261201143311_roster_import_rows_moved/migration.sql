-- AlterTable
ALTER TABLE "RosterImport" ADD COLUMN     "rowsMoved" INTEGER NOT NULL DEFAULT 0;
