-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RosterImportRow";
PRAGMA foreign_keys=on;
