-- Hand-written, PostgreSQL only (the schema cannot say it): workers' names are ordered by
-- code point, as SQLite's BINARY orders them, whatever the database's own collation. On the
-- usual C.UTF-8 database that order is already code point order (glibc's C.UTF-8), but
-- PostgreSQL compared through strcoll without abbreviated keys, and the two name indexes'
-- builds after a million-row import cost up to twice the CPU they do with "C". On a database
-- with a language's collation (zh_CN.UTF-8, en_US.UTF-8) the roster's order now is SQLite's,
-- and the leaderboard's name search (a range from the typed text up to text || U+10FFFF,
-- leaderboard.server.ts) is exact, which it is only in code point order. No table rewrite
-- (same type); both indexes on the column are rebuilt.
ALTER TABLE "Worker" ALTER COLUMN "name" TYPE TEXT COLLATE "C";
