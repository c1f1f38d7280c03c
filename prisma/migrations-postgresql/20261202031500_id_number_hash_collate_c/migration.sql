-- Hand-written, PostgreSQL only (the schema cannot say it, and SQLite's BINARY already is this):
-- the keyed hash (32 hex digits, only ever compared for equality) is compared byte by byte.
-- Under a libc collation such as the usual C.UTF-8, which PostgreSQL does not treat as "C",
-- every comparison of its unique index went through strcoll without abbreviated keys: the
-- index's build after a million-row import cost about three times the CPU it does with "C".
-- Hex digits sort alike in both, so nothing read from the column changes. No table rewrite
-- (same type); the unique index is rebuilt with the column's new collation.
ALTER TABLE "Worker" ALTER COLUMN "idNumberHash" TYPE TEXT COLLATE "C";
