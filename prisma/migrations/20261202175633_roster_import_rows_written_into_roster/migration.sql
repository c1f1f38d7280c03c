-- AlterTable
ALTER TABLE "RosterImport" DROP COLUMN "rowsMoved";
