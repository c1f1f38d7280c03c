-- DropTable
DROP TABLE "RosterImportRow";
