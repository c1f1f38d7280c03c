-- CreateTable
CREATE TABLE "ScoreBucket" (
    "eventId" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("eventId", "level", "bucket")
);

-- CreateTable
CREATE TABLE "FrozenResult" (
    "eventId" INTEGER NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "total" INTEGER,
    "rankKey" BIGINT,
    "prize" TEXT,

    PRIMARY KEY ("eventId", "registrationId")
);
