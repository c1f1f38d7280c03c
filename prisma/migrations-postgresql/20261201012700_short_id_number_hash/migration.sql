-- DropIndex
DROP INDEX "Worker_idNumberHash_idx";

-- DropIndex
DROP INDEX "Worker_organisationId_idNumberHash_key";

-- Data (hand-written): the keyed hash is now HMAC-SHA-256 truncated to its first 128 bits,
-- 32 hex digits. A stored 64-digit hash is the full HMAC of the same number, so its first 32
-- digits are the new hash: no key and no decryption needed. Shortened before the unique index
-- is made; the organiser's review decisions keep pointing at their numbers.
UPDATE "Worker" SET "idNumberHash" = substr("idNumberHash", 1, 32) WHERE length("idNumberHash") > 32;
UPDATE "IdentityReview" SET "idNumberHash" = substr("idNumberHash", 1, 32) WHERE length("idNumberHash") > 32;

-- CreateIndex
CREATE UNIQUE INDEX "Worker_idNumberHash_organisationId_key" ON "Worker"("idNumberHash", "organisationId");
