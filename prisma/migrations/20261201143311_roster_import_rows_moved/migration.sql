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
    "rowsMoved" INTEGER NOT NULL DEFAULT 0,
    "problem" TEXT,
    "errors" TEXT,
    "runner" TEXT NOT NULL DEFAULT '',
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "RosterImport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RosterImport" ("bytesRead", "createdAt", "errors", "fileBytes", "fileName", "finishedAt", "heartbeatAt", "id", "organisationId", "problem", "rowsDone", "rowsTotal", "rowsWritten", "runner", "status", "updatedAt", "userId") SELECT "bytesRead", "createdAt", "errors", "fileBytes", "fileName", "finishedAt", "heartbeatAt", "id", "organisationId", "problem", "rowsDone", "rowsTotal", "rowsWritten", "runner", "status", "updatedAt", "userId" FROM "RosterImport";
DROP TABLE "RosterImport";
ALTER TABLE "new_RosterImport" RENAME TO "RosterImport";
CREATE INDEX "RosterImport_organisationId_id_idx" ON "RosterImport"("organisationId", "id");
CREATE INDEX "RosterImport_status_idx" ON "RosterImport"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
