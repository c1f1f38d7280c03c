import { MapFirstSeen, type FirstSeen } from "~/domain/identity/id-number-set";
import type { Problem, ProblemParams } from "~/domain/identity/result";
import { fail, failIfAny, type Failure, type Outcome } from "~/utils/outcome";

/** A cell parser's verdict; its problem codes must have messages in rules.ts like any other. */
export type CellResult<T> = Outcome<T, Problem>;

export interface ColumnSpec<T = unknown> {
  /** Header as printed in the template, e.g. "身份证号". */
  readonly header: string;
  /** Other spellings accepted in uploaded files, e.g. "公民身份号码". */
  readonly aliases?: readonly string[];
  /** The column must exist and every row must fill it. */
  readonly required?: boolean;
  /** No two rows may hold the same value (compared after parsing). */
  readonly unique?: boolean;
  /** Receives the trimmed, non-empty cell text. */
  readonly parse: (raw: string) => CellResult<T>;
  /** Comparison key for `unique`; defaults to String(value). Method syntax keeps specs assignable. */
  uniqueKey?(value: T): string;
}

export type ColumnSpecs = Readonly<Record<string, ColumnSpec>>;

type ColumnValue<C> =
  C extends ColumnSpec<infer T>
    ? C extends { readonly required: true }
      ? T
      : T | undefined
    : never;

export type ParsedRow<S extends ColumnSpecs> = { readonly [K in keyof S]: ColumnValue<S[K]> };

export interface ImportedRow<S extends ColumnSpecs> {
  /** Spreadsheet row number (header = 1). */
  readonly row: number;
  readonly values: ParsedRow<S>;
}

export interface ImportError {
  /** Spreadsheet row number as the user sees it: the header is row 1, the first data row 2. */
  readonly row: number;
  /** The column's header text as written in the file, its template header when missing, or its letter when blank. */
  readonly column: string | null;
  readonly code: string;
  readonly params: ProblemParams;
}

/**
 * A problem of the file as a whole, which no row or column carries: not a spreadsheet, too
 * large, none sent, another import still running, an import that stopped.
 */
export interface FileProblem {
  readonly row: null;
  readonly column: null;
  readonly code: string;
  readonly params: ProblemParams;
}

/** What stopped an import: the file's own problem, or its rows' problems. */
export type ImportProblem = ImportError | FileProblem;

export function fileProblem(code: string, params: ProblemParams = {}): FileProblem {
  return { row: null, column: null, code, params };
}

/** The checked rows, or every problem; a success also says how many example rows it skipped. */
export type ImportResult<S extends ColumnSpecs> =
  | { readonly ok: true; readonly value: ImportedRow<S>[]; readonly samples: number }
  | Failure<ImportError>;

export interface RowCheckProblem<S extends ColumnSpecs> {
  readonly column?: keyof S & string;
  readonly problem: Problem;
}

export interface ImportOptions<S extends ColumnSpecs> {
  /** Refuse files with more data rows than this. */
  readonly maxRows?: number;
  /** Stop collecting after this many errors; a file that is wrong throughout is not worth listing in full. */
  readonly maxErrors?: number;
  /** Cross-column checks on a row whose cells all parsed (e.g. gender column vs ID number). */
  readonly checkRow?: (values: ParsedRow<S>) => readonly RowCheckProblem<S>[];
  /**
   * Where a `unique` column remembers the keys it has seen (a Map by default): a million-row
   * roster keeps its ID numbers in a compact table instead (IdNumberSeen).
   */
  readonly firstSeen?: (column: keyof S & string) => FirstSeen;
}

export const IMPORT_PROBLEM_CODES = [
  "import_empty_file",
  "import_header_missing",
  "import_no_data_rows",
  "import_too_many_rows",
  "import_missing_column",
  "import_unknown_column",
  "import_duplicate_column",
  "import_blank_header",
  "import_required_value_missing",
  "import_duplicate_value",
  "import_too_many_errors",
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

const DEFAULT_MAX_ERRORS = 200;

export function requiredColumn<T>(
  header: string,
  parse: (raw: string) => CellResult<T>,
  extra: Omit<ColumnSpec<T>, "header" | "parse" | "required"> = {},
): ColumnSpec<T> & { readonly required: true } {
  return { ...extra, header, parse, required: true };
}

export function optionalColumn<T>(
  header: string,
  parse: (raw: string) => CellResult<T>,
  extra: Omit<ColumnSpec<T>, "header" | "parse" | "required"> = {},
): ColumnSpec<T> & { readonly required: false } {
  return { ...extra, header, parse, required: false };
}

/**
 * Header comparison ignores what people add around template headers: spaces, a BOM left
 * by the CSV reader, full-width characters, and the "*" templates use to mark required
 * columns ("*姓名").
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^\*+|\*+$/g, "");
}

/** Spreadsheet column letter for a zero-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const isBlank = (cell: string | undefined) => cell === undefined || cell.trim() === "";

function isBlankRow(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/**
 * What the downloadable templates put at the start of their example row's first cell
 * ("【示例】张三"), so that a template filled in below its example imports as it is.
 */
export const SAMPLE_ROW_MARKER = "【示例】";
// Also the half- and full-width square brackets people type for 【】, and the English word.
const SAMPLE_MARK = /^(?:【示例】|\[示例\]|\[example\])/i;

/** A template's example row: its first cell starts with the marker. */
export function isSampleRow(row: readonly string[]): boolean {
  const first = row[0];
  if (first === undefined || first === "") return false;
  // A cell that starts with a printable ASCII character other than "[", or with a CJK
  // ideograph (a name, in nearly every row), starts no marker whatever NFKC makes of the rest:
  // it is not normalised (an import looks at a million rows).
  const c = first.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f && c !== 0x5b) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return SAMPLE_MARK.test(first.normalize("NFKC").trim());
}

class ErrorSink {
  readonly errors: ImportError[] = [];
  private full = false;
  constructor(private readonly max: number) {}
  add(row: number, column: string | null, code: string, params: ProblemParams = {}): boolean {
    if (this.full) return false;
    if (this.errors.length >= this.max) {
      this.errors.push({
        row,
        column: null,
        code: "import_too_many_errors",
        params: { max: this.max },
      });
      this.full = true;
      return false;
    }
    this.errors.push({ row, column, code, params });
    return true;
  }
  get stopped(): boolean {
    return this.full;
  }
}

interface BoundColumn {
  readonly key: string;
  readonly spec: ColumnSpec;
  readonly index: number;
  readonly header: string;
}

/**
 * Binds the header row to the spec. `width` is the widest row of the file and `hasValue(i)`
 * says whether any data row fills column i: Excel often keeps empty trailing columns, and a
 * blank header only matters if something is in its column.
 */
function bindHeaders(
  header: readonly string[],
  width: number,
  hasValue: (index: number) => boolean,
  spec: ColumnSpecs,
  sink: ErrorSink,
): BoundColumn[] {
  const lookup = new Map<string, string>();
  for (const [key, column] of Object.entries(spec)) {
    for (const name of [column.header, ...(column.aliases ?? [])])
      lookup.set(normaliseHeader(name), key);
  }
  const bound: BoundColumn[] = [];
  const boundKeys = new Set<string>();
  for (let index = 0; index < Math.max(width, header.length); index++) {
    const text = (header[index] ?? "").trim();
    if (normaliseHeader(text) === "") {
      if (hasValue(index))
        sink.add(1, columnLetter(index), "import_blank_header", { column: columnLetter(index) });
      continue;
    }
    const key = lookup.get(normaliseHeader(text));
    if (key === undefined) {
      sink.add(1, text, "import_unknown_column", { column: text });
    } else if (boundKeys.has(key)) {
      sink.add(1, text, "import_duplicate_column", { column: text });
    } else {
      boundKeys.add(key);
      bound.push({ key, spec: spec[key] as ColumnSpec, index, header: text });
    }
  }
  for (const [key, column] of Object.entries(spec)) {
    if (column.required && !boundKeys.has(key)) {
      sink.add(1, column.header, "import_missing_column", { column: column.header });
    }
  }
  return bound;
}

/**
 * What a first pass over a file learns before its rows are checked: the header, how many
 * data rows it holds, its width and which columns any data row fills. A file too large to
 * hold as a table (a federation's CSV) is read twice in chunks: once for this, once to check.
 */
export class TableShape {
  header: readonly string[] | null = null;
  dataRows = 0;
  /** Template example rows skipped (isSampleRow). */
  samples = 0;
  width = 0;
  /** Spreadsheet row number of the first data row past `maxRows`, if any. */
  firstRowOver: number | null = null;
  private readonly filled = new Set<number>();
  constructor(private readonly maxRows = Infinity) {}

  /** Takes the file's next record (row numbers count from 1, the header). */
  add(cells: readonly string[], row: number): void {
    if (this.header === null) {
      this.header = cells;
      return;
    }
    if (isBlankRow(cells)) return;
    // A template's example row left in the file is skipped, and counted.
    if (isSampleRow(cells)) {
      this.samples++;
      return;
    }
    this.dataRows++;
    if (this.dataRows === this.maxRows + 1) this.firstRowOver = row;
    if (cells.length > this.width) this.width = cells.length;
    for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) this.filled.add(i);
  }

  hasValue(index: number): boolean {
    return this.filled.has(index);
  }

  /** The shape of records that follow a header read elsewhere (a later part of the file). */
  static afterHeader(): TableShape {
    const shape = new TableShape();
    shape.header = [];
    return shape;
  }

  /** What this part of the file adds to the shape of the part before it (absorb). */
  part(): ShapePart {
    const { dataRows, samples, width } = this;
    return { dataRows, samples, width, filled: [...this.filled] };
  }

  /**
   * Takes in the records of the file's next part, read as a shape of their own (afterHeader).
   * False, having changed nothing, when they would take the rows past maxRows: which row is
   * the first too many is then found by reading them here.
   */
  absorb(part: ShapePart): boolean {
    if (this.firstRowOver === null && this.dataRows + part.dataRows > this.maxRows) return false;
    this.dataRows += part.dataRows;
    this.samples += part.samples;
    this.width = Math.max(this.width, part.width);
    for (const index of part.filled) this.filled.add(index);
    return true;
  }
}

/** A part of a file's shape (TableShape.part), sent from the thread that read that part. */
export type ShapePart = { dataRows: number; samples: number; width: number; filled: number[] };

/**
 * Checks a file's rows one at a time against a column spec, after the header and the file's
 * shape (TableShape) were checked by `start`: the rows of a million-row CSV are checked as
 * they are read, without the file held as a table.
 */
export class RowChecker<S extends ColumnSpecs> {
  private readonly sink: ErrorSink;
  private columns: BoundColumn[] = [];
  /**
   * A good row's values before its cells are parsed: every key, undefined, in the order the
   * row's values take (the file's columns, then the spec's columns absent from the file).
   * Copied for each row, so that each cell's value is stored into a key the object has.
   */
  private blankValues: Record<string, unknown> = {};
  private readonly firstSeen = new Map<string, FirstSeen>();
  private readonly keys: string[];

  constructor(
    private readonly spec: S,
    private readonly options: ImportOptions<S> = {},
  ) {
    this.sink = new ErrorSink(options.maxErrors ?? DEFAULT_MAX_ERRORS);
    this.keys = Object.keys(spec);
    this.bind([]);
  }

  get errors(): readonly ImportError[] {
    return this.sink.errors;
  }

  /** The error list is full: further rows are not worth checking. */
  get stopped(): boolean {
    return this.sink.stopped;
  }

  /**
   * Checks what the whole file decides (empty, header, row count). False when the file
   * fails there: its errors are then the file's whole report.
   */
  start(shape: TableShape): boolean {
    const header = shape.header;
    if (header === null || (isBlankRow(header) && shape.dataRows === 0)) {
      this.sink.add(1, null, "import_empty_file");
      return false;
    }
    if (isBlankRow(header)) {
      this.sink.add(1, null, "import_header_missing");
      return false;
    }
    this.bind(bindHeaders(header, shape.width, (i) => shape.hasValue(i), this.spec, this.sink));
    if (this.sink.errors.length > 0) return false;
    if (shape.dataRows === 0) {
      this.sink.add(2, null, "import_no_data_rows");
      return false;
    }
    const max = this.options.maxRows;
    if (max !== undefined && shape.dataRows > max) {
      this.sink.add(shape.firstRowOver ?? 1, null, "import_too_many_rows", {
        max,
        count: shape.dataRows,
      });
      return false;
    }
    return true;
  }

  /** Checks one data row (blank rows are skipped); the row when it is good, else null. */
  check(cells: readonly string[], row: number): ImportedRow<S> | null {
    if (this.sink.stopped) return null;
    const verdict = this.verdict(cells, row);
    return verdict ? this.admit(verdict) : null;
  }

  /**
   * The columns as `start` bound them to the file's header, for a checker on another thread
   * (`bindTo`): its verdicts are then those of this one.
   */
  get bindings(): ColumnBinding[] {
    return this.columns.map(({ key, index, header }) => ({ key, index, header }));
  }

  /** Takes the columns another checker's `start` bound (see bindings) instead of a header. */
  bindTo(bindings: readonly ColumnBinding[]): void {
    this.bind(bindings.map((b) => ({ ...b, spec: this.spec[b.key] as ColumnSpec })));
  }

  private bind(columns: BoundColumn[]): void {
    this.columns = columns;
    const blank: Record<string, unknown> = {};
    for (const column of columns) blank[column.key] = undefined;
    for (const key of this.keys) if (!(key in blank)) blank[key] = undefined;
    this.blankValues = blank;
  }

  /**
   * One data row checked on its own, without the file's state (the duplicates seen so far,
   * the error list): null for a blank or example row. It may run on another thread, a chunk
   * of rows at a time; `admit` then takes the verdicts in file order.
   */
  verdict(cells: readonly string[], row: number): RowVerdict<S> | null {
    if (isBlankRow(cells) || isSampleRow(cells)) return null;
    const { spec, columns, options } = this;
    // Columns absent from the file still appear as keys so the row shape is predictable.
    const values: Record<string, unknown> = { ...this.blankValues };
    let problems: RowProblem[] | undefined;
    let unique: UniqueCell[] | undefined;
    for (const column of columns) {
      const raw = (cells[column.index] ?? "").trim();
      if (raw === "") {
        if (column.spec.required) {
          (problems ??= []).push({
            column: column.header,
            code: "import_required_value_missing",
            params: { column: column.header },
          });
        }
        continue;
      }
      const parsed = column.spec.parse(raw);
      if (!parsed.ok) {
        // A cell has one problem: the first its parser found.
        const [problem] = parsed.problems;
        (problems ??= []).push({
          column: column.header,
          code: problem!.code,
          params: { column: column.header, ...problem!.params },
        });
        continue;
      }
      values[column.key] = parsed.value;
      if (column.spec.unique) {
        const key = column.spec.uniqueKey
          ? column.spec.uniqueKey(parsed.value)
          : String(parsed.value);
        (unique ??= []).push({ column: column.key, key, at: problems?.length ?? 0 });
      }
    }
    // Cross-column checks need every cell good; admit drops them if a cell is a duplicate.
    let rowProblems: RowProblem[] | undefined;
    const crossProblems =
      problems === undefined && options.checkRow ? options.checkRow(values as ParsedRow<S>) : [];
    if (crossProblems.length > 0) {
      for (const found of crossProblems) {
        const header =
          found.column === undefined
            ? null
            : (columns.find((c) => c.key === found.column)?.header ??
              spec[found.column]?.header ??
              null);
        (rowProblems ??= []).push({
          column: header,
          code: found.problem.code,
          params: found.problem.params,
        });
      }
    }
    // A good row (nearly every row) is built in one go; the keys, in this order, are there
    // only when the row has them.
    if (problems === undefined && rowProblems === undefined) {
      return unique
        ? { row, values: values as ParsedRow<S>, unique }
        : { row, values: values as ParsedRow<S> };
    }
    return {
      row,
      values: problems === undefined ? (values as ParsedRow<S>) : null,
      ...(problems ? { problems } : {}),
      ...(unique ? { unique } : {}),
      ...(rowProblems ? { rowProblems } : {}),
    };
  }

  /**
   * Takes a row's verdict, in file order: its unique cells are looked up among the rows seen
   * before (and recorded), and its problems, with any duplicates in their columns' places,
   * go to the error list. `rowsBefore` is added to its row number (a verdict of a chunk
   * numbered on its own). The row when it is good, else null.
   */
  admit(verdict: RowVerdict<S>, rowsBefore = 0): ImportedRow<S> | null {
    if (this.sink.stopped) return null;
    const { sink, options } = this;
    const row = verdict.row + rowsBefore;
    const problems = verdict.problems ?? [];
    let rowOk = problems.length === 0;
    let next = 0;
    for (const cell of verdict.unique ?? []) {
      let seen = this.firstSeen.get(cell.column);
      if (!seen) {
        seen = options.firstSeen?.(cell.column as keyof S & string) ?? new MapFirstSeen();
        this.firstSeen.set(cell.column, seen);
      }
      const first = seen.firstRow(cell.key, row);
      if (first === undefined) continue;
      for (; next < cell.at; next++) {
        const p = problems[next]!;
        sink.add(row, p.column, p.code, p.params);
      }
      const header = this.columns.find((c) => c.key === cell.column)?.header ?? cell.column;
      sink.add(row, header, "import_duplicate_value", { column: header, firstRow: first });
      rowOk = false;
    }
    for (; next < problems.length; next++) {
      const p = problems[next]!;
      sink.add(row, p.column, p.code, p.params);
    }
    if (rowOk) {
      for (const p of verdict.rowProblems ?? []) {
        sink.add(row, p.column, p.code, p.params);
        rowOk = false;
      }
    }
    return rowOk && verdict.values ? { row, values: verdict.values } : null;
  }
}

/** A column of the file as bound to the spec: its key, its place, its header as written. */
export interface ColumnBinding {
  readonly key: string;
  readonly index: number;
  readonly header: string;
}

/** A problem of one row, before it takes its place in the file's error list. */
export interface RowProblem {
  readonly column: string | null;
  readonly code: string;
  readonly params: ProblemParams;
}

/** A parsed cell of a `unique` column, and where among the row's problems its duplicate goes. */
export interface UniqueCell {
  /** The column's key in the spec. */
  readonly column: string;
  /** What the column compares (ColumnSpec.uniqueKey). */
  readonly key: string;
  readonly at: number;
}

/**
 * One row checked on its own (RowChecker.verdict): plain data, so it can come from another
 * thread. Its values when every cell parsed; its cell problems in column order; its unique
 * cells, still to be looked up among the file's earlier rows; the cross-column problems,
 * which count only if none of those cells turns out to be a duplicate.
 */
export interface RowVerdict<S extends ColumnSpecs> {
  readonly row: number;
  readonly values: ParsedRow<S> | null;
  readonly problems?: RowProblem[];
  readonly unique?: UniqueCell[];
  readonly rowProblems?: RowProblem[];
}

/**
 * Checks an uploaded table (CSV or XLSX, already read into strings) against a column spec.
 * Either every row parses and the rows come back, or the user gets the complete list of
 * problems with spreadsheet row numbers; a partial import would leave them guessing which
 * rows made it. Blank rows are skipped because spreadsheets are full of them. Header
 * problems are reported alone, since every row would otherwise repeat them.
 */
export function validateImport<S extends ColumnSpecs>(
  table: readonly (readonly string[])[],
  spec: S,
  options: ImportOptions<S> = {},
): ImportResult<S> {
  const shape = new TableShape(options.maxRows);
  table.forEach((cells, i) => shape.add(cells, i + 1));
  const checker = new RowChecker(spec, options);
  if (!checker.start(shape)) return fail(...checker.errors);
  const rows: ImportedRow<S>[] = [];
  for (let i = 1; i < table.length && !checker.stopped; i++) {
    const good = checker.check(table[i] ?? [], i + 1);
    if (good) rows.push(good);
  }
  return failIfAny([...checker.errors]) ?? { ok: true, value: rows, samples: shape.samples };
}
