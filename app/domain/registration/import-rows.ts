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
const isBlankRow = (row: readonly string[]) => row.every((c) => isBlank(c));

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
  return first !== undefined && SAMPLE_MARK.test(first.normalize("NFKC").trim());
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

function bindHeaders(
  table: readonly (readonly string[])[],
  spec: ColumnSpecs,
  sink: ErrorSink,
): BoundColumn[] {
  const header = table[0] ?? [];
  const lookup = new Map<string, string>();
  for (const [key, column] of Object.entries(spec)) {
    for (const name of [column.header, ...(column.aliases ?? [])])
      lookup.set(normaliseHeader(name), key);
  }
  const width = table.reduce((w, r) => Math.max(w, r.length), 0);
  const bound: BoundColumn[] = [];
  const boundKeys = new Set<string>();
  for (let index = 0; index < width; index++) {
    const text = (header[index] ?? "").trim();
    if (normaliseHeader(text) === "") {
      // Excel often keeps empty trailing columns; they only matter if something is in them.
      if (table.slice(1).some((r) => !isBlank(r[index])))
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
  const sink = new ErrorSink(options.maxErrors ?? DEFAULT_MAX_ERRORS);
  if (table.length === 0 || table.every(isBlankRow)) {
    sink.add(1, null, "import_empty_file");
    return fail(...sink.errors);
  }
  if (isBlankRow(table[0] ?? [])) {
    sink.add(1, null, "import_header_missing");
    return fail(...sink.errors);
  }

  const columns = bindHeaders(table, spec, sink);
  if (sink.errors.length > 0) return fail(...sink.errors);

  const dataRows: { cells: readonly string[]; row: number }[] = [];
  let samples = 0;
  for (let i = 1; i < table.length; i++) {
    const cells = table[i] as readonly string[];
    if (isBlankRow(cells)) continue;
    if (isSampleRow(cells)) samples++;
    else dataRows.push({ cells, row: i + 1 });
  }
  if (dataRows.length === 0) {
    sink.add(2, null, "import_no_data_rows");
    return fail(...sink.errors);
  }
  if (options.maxRows !== undefined && dataRows.length > options.maxRows) {
    sink.add(dataRows[options.maxRows]?.row ?? 1, null, "import_too_many_rows", {
      max: options.maxRows,
      count: dataRows.length,
    });
    return fail(...sink.errors);
  }

  const firstSeen = new Map<string, Map<string, number>>();
  const rows: ImportedRow<S>[] = [];
  for (const { cells, row } of dataRows) {
    if (sink.stopped) break;
    const values: Record<string, unknown> = {};
    let rowOk = true;
    for (const column of columns) {
      const raw = (cells[column.index] ?? "").trim();
      if (raw === "") {
        if (column.spec.required) {
          sink.add(row, column.header, "import_required_value_missing", { column: column.header });
          rowOk = false;
        }
        values[column.key] = undefined;
        continue;
      }
      const parsed = column.spec.parse(raw);
      if (!parsed.ok) {
        // A cell has one problem: the first its parser found.
        const [problem] = parsed.problems;
        sink.add(row, column.header, problem!.code, { column: column.header, ...problem!.params });
        rowOk = false;
        continue;
      }
      values[column.key] = parsed.value;
      if (column.spec.unique) {
        const key = column.spec.uniqueKey
          ? column.spec.uniqueKey(parsed.value)
          : String(parsed.value);
        const seen = firstSeen.get(column.key) ?? new Map<string, number>();
        firstSeen.set(column.key, seen);
        const first = seen.get(key);
        if (first !== undefined) {
          sink.add(row, column.header, "import_duplicate_value", {
            column: column.header,
            firstRow: first,
          });
          rowOk = false;
        } else {
          seen.set(key, row);
        }
      }
    }
    // Columns absent from the file still appear as keys so the row shape is predictable.
    for (const key of Object.keys(spec)) if (!(key in values)) values[key] = undefined;
    if (rowOk && options.checkRow) {
      for (const found of options.checkRow(values as ParsedRow<S>)) {
        const header =
          found.column === undefined
            ? null
            : (columns.find((c) => c.key === found.column)?.header ??
              spec[found.column]?.header ??
              null);
        sink.add(row, header, found.problem.code, found.problem.params);
        rowOk = false;
      }
    }
    if (rowOk) rows.push({ row, values: values as ParsedRow<S> });
  }
  return failIfAny(sink.errors) ?? { ok: true, value: rows, samples };
}
