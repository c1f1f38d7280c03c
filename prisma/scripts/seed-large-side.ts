// Worker threads of seed-large: each builds some tables in a side database file of its own
// (same DDL as the main file), which the main thread then copies in with
// INSERT … SELECT * (SQLite's transfer optimisation copies records and index entries
// without decoding them: ~1 s for Result and its indexes, against ~21 s to compute them).
// SQLite writes one file from one thread, so this is how the second core helps.
//   "workers": the 500,000 workers with ID numbers encrypted and hashed as the app does.
//   "results": every entry's Result (total, rank key, rank, prize) and the ranking tables.
import { rmSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { maskIdNumber, withIdCheckChar } from "~/domain/identity";
import { SqliteSql } from "~/db/sqlite.server";
import { rebuildAllRankingTables } from "~/models/ranking-tables.server";
import { encryptIdNumber, hashIdNumber } from "~/models/id-number-crypto.server";
import {
  BIG_SIZE,
  MARKS_TABLE_SQL,
  NUMBERS_SQL,
  ORG_OF,
  RESULTS_SQL,
  bulkLoadPragmas,
  workerName,
} from "./seed-large-sql";

type Job = {
  job: "workers" | "results";
  file: string;
  /** The main file's tables and indexes for this job; indexes are built after the rows. */
  ddl: { tables: string[]; indexes: string[] };
  now: string;
  events: { id: number; standingsBestN: number }[];
};
const { job, file, ddl, now, events } = workerData as Job;

for (const suffix of ["", "-journal"]) rmSync(file + suffix, { force: true });
const db = new Database(file);
bulkLoadPragmas(db);
for (const statement of ddl.tables) db.exec(statement);
db.exec("BEGIN");
if (job === "workers") {
  const insert = db.prepare(
    `INSERT INTO Worker (id, organisationId, name, gender, idNumberCipher, idNumberHash, idNumberMasked, birthDate, frontLine, unionMember, manager, createdAt, updatedAt)
     VALUES (?, ${ORG_OF("?")}, ?, ?, ?, ?, ?, ?, 1, 1, 0, ?, ?)`,
  );
  const base = Date.UTC(1970, 0, 1);
  for (let id = 1; id <= BIG_SIZE; id++) {
    const date = new Date(base + (id % 10_950) * 86_400_000);
    const ymd = date.toISOString().slice(0, 10).replaceAll("-", "");
    const idNumber = withIdCheckChar(
      `610102${ymd}${String(Math.floor(id / 10_950)).padStart(3, "0")}`,
    );
    const gender = Number(idNumber[16]) % 2 === 1 ? "male" : "female";
    const birth = date.toISOString().replace("Z", "+00:00");
    insert.run(
      id,
      id,
      workerName(id),
      gender,
      encryptIdNumber(idNumber),
      hashIdNumber(idNumber),
      maskIdNumber(idNumber),
      birth,
      now,
      now,
    );
  }
  for (const statement of ddl.indexes) db.exec(statement);
} else {
  // Only what the ranking tables read from Event: the best N per organisation.
  db.exec(`CREATE TABLE "Event" ("id" INTEGER PRIMARY KEY, "standingsBestN" INTEGER NOT NULL)`);
  const event = db.prepare(`INSERT INTO "Event" ("id", "standingsBestN") VALUES (?, ?)`);
  for (const e of events) event.run(e.id, e.standingsBestN);
  db.exec(NUMBERS_SQL);
  db.exec(MARKS_TABLE_SQL);
  db.prepare(RESULTS_SQL).run(now);
  // Result's indexes first: the ranking tables are grouped along them.
  for (const statement of ddl.indexes) db.exec(statement);
  await rebuildAllRankingTables(new SqliteSql(db));
}
db.exec("COMMIT");
db.close();
parentPort!.postMessage("done");
