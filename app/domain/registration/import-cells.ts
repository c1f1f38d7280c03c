import { parseSkillLevel, type SkillLevel } from "~/domain/contest/skill-levels";
import { parseCreditCode, type CreditCodeInfo } from "~/domain/identity/credit-code";
import { formatIsoDate, isValidDateParts, type IsoDate } from "~/domain/identity/dates";
import { parseIdNumber, type Gender, type IdNumberInfo } from "~/domain/identity/id-number";
import { parseMobilePhone } from "~/domain/identity/phone";
import type { Problem } from "~/domain/identity/result";
import { fail, ok } from "~/utils/outcome";
import {
  optionalColumn,
  requiredColumn,
  type CellResult,
  type ParsedRow,
  type RowCheckProblem,
} from "./import-rows";

/**
 * Parsers for the cell formats that turn up in union spreadsheets. Each accepts the
 * spellings people actually type and reports a typed problem otherwise.
 */

export type ImportCellProblem =
  | Problem<"import_text_too_long", { max: number; length: number }>
  | Problem<"import_skill_level_unknown", { value: string }>
  | Problem<"import_gender_unknown", { value: string }>
  | Problem<"import_yes_no_unknown", { value: string }>
  | Problem<"import_date_invalid", { value: string }>
  | Problem<"import_integer_invalid", { value: string }>
  | Problem<"import_integer_out_of_range", { min: number; max: number; value: number }>
  | Problem<"import_gender_mismatch_id", Record<string, never>>;

export const IMPORT_CELL_PROBLEM_CODES = Object.keys({
  import_text_too_long: true,
  import_skill_level_unknown: true,
  import_gender_unknown: true,
  import_yes_no_unknown: true,
  import_date_invalid: true,
  import_integer_invalid: true,
  import_integer_out_of_range: true,
  import_gender_mismatch_id: true,
} satisfies Record<ImportCellProblem["code"], true>) as ImportCellProblem["code"][];

/**
 * Whether NFC leaves the text as it is, told without normalising for what cells nearly always
 * hold: characters below U+0300 (Latin, no combining marks) and CJK unified ideographs, all
 * of which are in NFC and compose with nothing here. An import reads millions of such cells.
 */
function plainNfc(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (c < 0x4e00 || c > 0x9fff)) return false;
  }
  return true;
}

export function textCell(maxLength = 100): (raw: string) => CellResult<string> {
  return (raw) => {
    const text = plainNfc(raw) ? raw : raw.normalize("NFC");
    // Characters (code points) are at most the UTF-16 units: counted only when it may matter.
    if (text.length <= maxLength) return ok(text);
    const length = [...text].length;
    return length > maxLength
      ? fail({ code: "import_text_too_long", params: { max: maxLength, length } })
      : ok(text);
  };
}

export function idNumberCell(today?: IsoDate): (raw: string) => CellResult<IdNumberInfo> {
  const options = today === undefined ? {} : { today };
  return (raw) => parseIdNumber(raw, options);
}

export const mobilePhoneCell = (raw: string): CellResult<string> => parseMobilePhone(raw);

export const creditCodeCell = (raw: string): CellResult<CreditCodeInfo> => parseCreditCode(raw);

export const skillLevelCell = (raw: string): CellResult<SkillLevel> => {
  const level = parseSkillLevel(raw);
  return level ? ok(level) : fail({ code: "import_skill_level_unknown", params: { value: raw } });
};

const GENDER_WORDS: Record<string, Gender> = {
  男: "male",
  女: "female",
  male: "male",
  female: "female",
  m: "male",
  f: "female",
};

export const genderCell = (raw: string): CellResult<Gender> => {
  const gender = GENDER_WORDS[raw.normalize("NFKC").trim().toLowerCase()];
  return gender ? ok(gender) : fail({ code: "import_gender_unknown", params: { value: raw } });
};

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓", "有"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "✗", "无"]);

export const yesNoCell = (raw: string): CellResult<boolean> => {
  // Written as the template writes it (every import row has this cell): nothing to normalise.
  if (YES.has(raw)) return ok(true);
  if (NO.has(raw)) return ok(false);
  const v = raw.normalize("NFKC").trim().toLowerCase();
  if (YES.has(v)) return ok(true);
  if (NO.has(v)) return ok(false);
  return fail({ code: "import_yes_no_unknown", params: { value: raw } });
};

// Excel's 1900 date system counts from 1899-12-30 for every serial after its fake 1900-02-29.
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * Dates as written in Chinese spreadsheets: 2026-05-01, 2026/5/1, 2026.5.1, 2026年5月1日,
 * 20260501, or a five-digit Excel serial number when a date cell was read without its format.
 */
export const dateCell = (raw: string): CellResult<IsoDate> => {
  const v = raw.normalize("NFKC").replace(/\s+/g, "");
  const bad = fail({ code: "import_date_invalid", params: { value: raw } } as const);
  let m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDateParts(year, month, day) ? ok(formatIsoDate({ year, month, day })) : bad;
  }
  m = /^(\d{5})$/.exec(v);
  if (m) {
    const d = new Date(EXCEL_EPOCH_UTC + Number(m[1]) * 86_400_000);
    return ok(
      formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }),
    );
  }
  return bad;
};

export function integerCell(min: number, max: number): (raw: string) => CellResult<number> {
  return (raw) => {
    const v = raw.normalize("NFKC").replace(/[\s,]+/g, "");
    if (!/^-?\d+$/.test(v)) return fail({ code: "import_integer_invalid", params: { value: raw } });
    const value = Number(v);
    if (value < min || value > max)
      return fail({ code: "import_integer_out_of_range", params: { min, max, value } });
    return ok(value);
  };
}

/**
 * The standard worker roster template used for individual registrations. `today` lets the
 * ID check refuse birth dates in the future.
 */
export function workerImportColumns(today?: IsoDate) {
  return {
    name: requiredColumn("姓名", textCell(50)),
    idNumber: requiredColumn("身份证号", idNumberCell(today), {
      aliases: ["身份证号码", "公民身份号码", "证件号码"],
      unique: true,
      uniqueKey: (v: IdNumberInfo) => v.idNumber,
    }),
    gender: optionalColumn("性别", genderCell),
    mobile: requiredColumn("手机号", mobilePhoneCell, {
      aliases: ["手机号码", "联系电话", "手机"],
    }),
    organisation: requiredColumn("单位", textCell(100), {
      aliases: ["所在单位", "工作单位", "单位名称"],
    }),
    trade: optionalColumn("工种", textCell(50), { aliases: ["职业（工种）", "职业工种"] }),
    skillLevel: optionalColumn("技能等级", skillLevelCell, { aliases: ["职业技能等级", "等级"] }),
    unionMember: optionalColumn("是否工会会员", yesNoCell, { aliases: ["工会会员"] }),
  };
}

export type WorkerImportColumns = ReturnType<typeof workerImportColumns>;

/** A gender column, when present, has to agree with the 17th digit of the ID number. */
export function checkWorkerRow(
  values: ParsedRow<WorkerImportColumns>,
): readonly RowCheckProblem<WorkerImportColumns>[] {
  return genderAgainstId(values);
}

/** The gender rule of checkWorkerRow, for any row with a gender and an ID number column. */
export function genderAgainstId(values: {
  readonly gender?: Gender | undefined;
  readonly idNumber: IdNumberInfo;
}): readonly { column: "gender"; problem: Problem }[] {
  if (values.gender !== undefined && values.gender !== values.idNumber.gender) {
    return [{ column: "gender", problem: { code: "import_gender_mismatch_id", params: {} } }];
  }
  // One empty list for every good row, not a new one each (a roster import checks a million).
  return AGREES;
}

const AGREES: readonly never[] = Object.freeze([]);
