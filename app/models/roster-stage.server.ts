// A roster import's good rows in the form its staging table takes them (worker.server.ts:
// the TEMP "RosterStage"), made where a chunk is checked: on the check thread for most chunks
// (roster-check.server.ts). The import's own thread, the bottleneck of a million-row file,
// then hands them to the database as they are: on SQLite the values one after another, ready
// to bind (no Date, boolean or per-value conversion left); on PostgreSQL the lines of COPY's
// text format. Row numbers are the file's, from the records before the chunk as its reader
// counted them when it sent it (rebased in the rare file where the parse counted otherwise).
import type { Engine } from "~/db/sql.server";
import { copyDate, copyField, sqliteDate, type PreparedRows } from "~/db/sql.server";
import type { IsoDate } from "~/domain/identity/dates";
import { maskIdNumber } from "~/domain/identity/id-number";
import type { RosterImportColumns } from "~/domain/registration/import-plan";
import type { ParsedRow } from "~/domain/registration/import-rows";

/** The staging table's columns, in the order a staged row gives its values. */
export const STAGE_COLUMNS = [
  "row",
  "name",
  "gender",
  "idNumberCipher",
  "idNumberHash",
  "idNumberMasked",
  "birthDate",
  "phone",
  "trade",
  "skillLevel",
  "unionMember",
] as const;

const WIDTH = STAGE_COLUMNS.length;

/** A chunk's good rows ready for the stage, numbered from `base` records before the chunk. */
export type StagedRows = PreparedRows & { readonly base: number };

/**
 * Birth dates as the engine stores them, made once per day: a million people share a few
 * tens of thousands of birthdays, and turning a Date into text was a row's largest cost after
 * sealing in staging.
 */
const birthDates = { sqlite: new Map<IsoDate, string>(), postgresql: new Map<IsoDate, string>() };
function birthDateOf(engine: Engine, day: IsoDate): string {
  const known = birthDates[engine];
  let text = known.get(day);
  if (text === undefined) {
    const date = new Date(`${day}T00:00:00+08:00`);
    text = engine === "sqlite" ? sqliteDate(date) : copyDate(date);
    // Every day of a century and a half, at most; a stray flood of odd days starts afresh.
    if (known.size >= 60_000) known.clear();
    known.set(day, text);
  }
  return text;
}

/**
 * A chunk's good rows put in `engine`'s load form one at a time, as each is checked and
 * sealed (roster-check.server.ts), so that nothing of a row but what the stage takes outlives
 * it: a row's parsed values and its verdict die young instead of waiting, a chunk's worth, to
 * be staged together. COPY's text is concatenated a line at a time, each line made one string
 * as soon as it is built: left as V8 links concatenated pieces, a chunk's text was some twenty
 * links and pieces a row, all kept alive until it was copied whole to be sent to the other
 * thread (a chunk's text made and sent took about 1.5x the time; joining an array of every
 * field instead took about 2x).
 */
export class StageBuilder {
  private readonly values: (string | number | null)[] = [];
  private copy = "";
  private count = 0;

  constructor(
    private readonly engine: Engine,
    private readonly base: number,
  ) {}

  /** A good row: its number in the chunk, its values, its sealed ID number. */
  add(row: number, v: ParsedRow<RosterImportColumns>, cipher: string, hash: string): void {
    const id = v.idNumber;
    const engine = this.engine;
    this.count++;
    if (engine === "sqlite") {
      this.values.push(
        this.base + row,
        v.name,
        id.gender,
        cipher,
        hash,
        maskIdNumber(id.idNumber),
        birthDateOf(engine, id.birthDate),
        v.mobile ?? null,
        v.trade ?? null,
        v.skillLevel ?? null,
        v.unionMember === false ? 0 : 1,
      );
      return;
    }
    // The cipher (base64), hash (hex), masked number, gender and date hold no separator.
    const line = `${this.base + row}\t${copyField(v.name)}\t${id.gender}\t${cipher}\t${hash}\t${maskIdNumber(id.idNumber)}\t${birthDateOf(engine, id.birthDate)}\t${nullable(v.mobile)}\t${nullable(v.trade)}\t${nullable(v.skillLevel)}\t${v.unionMember === false ? "f" : "t"}\n`;
    // Reading a character makes V8 copy the line's twenty-odd pieces into one string now, while
    // they are young; the chunk's text is then a chain of whole lines, one link a row.
    line.charCodeAt(0);
    this.copy += line;
  }

  /** The rows added, in order. */
  rows(): StagedRows {
    const { count, base } = this;
    if (this.engine === "sqlite") return { count, values: this.values, base };
    // Encoded here: as a string a chunk's text crossed to the import's thread as two bytes a
    // character and was encoded there, on the thread a million-row import waits for.
    return { count, copy: Buffer.from(this.copy, "utf8"), base };
  }
}

const nullable = (text: string | undefined) => (text === undefined ? "\\N" : copyField(text));

/**
 * The rows numbered from `base` instead (the chunk held another number of records than its
 * reader counted: a stray quote that the reader's cut and the parser read differently).
 */
export function rebased(rows: StagedRows, base: number): StagedRows {
  const shift = base - rows.base;
  if (shift === 0) return rows;
  if ("values" in rows) {
    const values = rows.values.slice();
    for (let i = 0; i < values.length; i += WIDTH) values[i] = (values[i] as number) + shift;
    return { count: rows.count, values, base };
  }
  // Escaped lines hold no raw line break or tab: the row number is each line's first field.
  const lines = copyLines(rows.copy);
  const copy = lines
    .map((line) => {
      const tab = line.indexOf("\t");
      return `${Number(line.slice(0, tab)) + shift}${line.slice(tab)}\n`;
    })
    .join("");
  return { count: rows.count, copy: Buffer.from(copy, "utf8"), base };
}

/**
 * A chunk's good rows as the roster takes them on PostgreSQL (worker.server.ts, loadAsChecked):
 * each COPY line without its file row, then `suffix` (the import's own columns, tab first).
 * Byte copies, no decoding: a line's first field is its row number, which holds no tab.
 */
export function rosterRows(rows: StagedRows, suffix: string): PreparedRows {
  if (!("copy" in rows)) throw new Error("the roster takes rows as COPY text on PostgreSQL");
  const from = Buffer.from(rows.copy.buffer, rows.copy.byteOffset, rows.copy.byteLength);
  const end = Buffer.from(`${suffix}\n`, "utf8");
  const out = Buffer.allocUnsafe(from.length + rows.count * end.length);
  let at = 0;
  let size = 0;
  while (at < from.length) {
    const lineEnd = from.indexOf(10, at);
    size += from.copy(out, size, from.indexOf(9, at) + 1, lineEnd);
    size += end.copy(out, size);
    at = lineEnd + 1;
  }
  return { count: rows.count, copy: out.subarray(0, size) };
}

/** The file row and keyed hash of each of a chunk's good rows, in order. */
export function stagedNumbers(rows: StagedRows): { rows: number[]; hashes: string[] } {
  const row = STAGE_COLUMNS.indexOf("row");
  const hash = STAGE_COLUMNS.indexOf("idNumberHash");
  const out = { rows: [] as number[], hashes: [] as string[] };
  if ("values" in rows) {
    for (let i = 0; i < rows.values.length; i += WIDTH) {
      out.rows.push(rows.values[i + row] as number);
      out.hashes.push(rows.values[i + hash] as string);
    }
    return out;
  }
  for (const line of copyLines(rows.copy)) {
    const fields = line.split("\t");
    out.rows.push(Number(fields[row]));
    out.hashes.push(fields[hash]!);
  }
  return out;
}

/** The lines of COPY text, without their line breaks. */
function copyLines(copy: Uint8Array): string[] {
  const lines = new TextDecoder().decode(copy).split("\n");
  lines.pop();
  return lines;
}

/** The staged rows as column-to-value records, in order (tests). */
export function stagedRecords(
  rows: PreparedRows,
): Record<(typeof STAGE_COLUMNS)[number], unknown>[] {
  const out: Record<string, unknown>[] = [];
  if ("values" in rows) {
    for (let i = 0; i < rows.values.length; i += WIDTH)
      out.push(Object.fromEntries(STAGE_COLUMNS.map((c, j) => [c, rows.values[i + j]])));
  } else {
    for (const line of copyLines(rows.copy)) {
      const fields = line.split("\t");
      out.push(Object.fromEntries(STAGE_COLUMNS.map((c, j) => [c, fields[j]])));
    }
  }
  return out as Record<(typeof STAGE_COLUMNS)[number], unknown>[];
}
