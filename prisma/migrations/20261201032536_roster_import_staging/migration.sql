-- CreateTable
CREATE TABLE "RosterImportRow" (
    "jobId" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "idNumberCipher" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "phone" TEXT,
    "trade" TEXT,
    "skillLevel" TEXT,
    "unionMember" BOOLEAN NOT NULL,

    PRIMARY KEY ("jobId", "row")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RosterImport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organisationId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "bytesRead" INTEGER NOT NULL DEFAULT 0,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "rowsWritten" INTEGER NOT NULL DEFAULT 0,
    "problem" TEXT,
    "errors" TEXT,
    "runner" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);
INSERT INTO "new_RosterImport" ("bytesRead", "createdAt", "errors", "fileBytes", "fileName", "finishedAt", "id", "organisationId", "problem", "rowsDone", "rowsTotal", "runner", "status", "updatedAt", "userId") SELECT "bytesRead", "createdAt", "errors", "fileBytes", "fileName", "finishedAt", "id", "organisationId", "problem", "rowsDone", "rowsTotal", "runner", "status", "updatedAt", "userId" FROM "RosterImport";
DROP TABLE "RosterImport";
ALTER TABLE "new_RosterImport" RENAME TO "RosterImport";
CREATE INDEX "RosterImport_organisationId_id_idx" ON "RosterImport"("organisationId", "id");
CREATE INDEX "RosterImport_status_idx" ON "RosterImport"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
