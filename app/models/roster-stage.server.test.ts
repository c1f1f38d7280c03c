import { describe, expect, it } from "vitest";
import { parseIdNumber, withIdCheckChar } from "~/domain/identity/id-number";
import type { RosterImportColumns } from "~/domain/registration/import-plan";
import type { ParsedRow } from "~/domain/registration/import-rows";
import type { Engine } from "~/db/sql.server";
import { rebased, StageBuilder, stagedRecords } from "./roster-stage.server";

type StageInput = {
  row: number;
  values: ParsedRow<RosterImportColumns>;
  cipher: string;
  hash: string;
};

/** The rows in `engine`'s load form, as the check thread builds them one at a time. */
function stageRows(engine: Engine, base: number, rows: readonly StageInput[]) {
  const stage = new StageBuilder(engine, base);
  for (const { row, values, cipher, hash } of rows) stage.add(row, values, cipher, hash);
  return stage.rows();
}

/** Born 7 March 1990, an odd sequence number: male. */
const ID = withIdCheckChar("11010119900307451");
const MASKED = `1101**********${ID.slice(-4)}`;

function input(row: number, name: string, more: Partial<ParsedRow<RosterImportColumns>>) {
  const id = parseIdNumber(ID);
  if (!id.ok) throw new Error("bad test ID number");
  return {
    row,
    values: {
      name,
      idNumber: id.value,
      gender: undefined,
      mobile: "13800138000",
      trade: undefined,
      skillLevel: undefined,
      unionMember: undefined,
      ...more,
    } as ParsedRow<RosterImportColumns>,
    cipher: "c2VhbGVk",
    hash: "0123456789abcdef0123456789abcdef",
  } satisfies StageInput;
}

const rows = [
  input(2, "张三", {}),
  input(4, "a\tb\\c\nd\re", { trade: "车\t工", skillLevel: "senior", unionMember: false }),
];

describe("staged rows", () => {
  it("are SQLite's bind values: file row numbers, stored date text, 1/0, null", () => {
    const staged = stageRows("sqlite", 10, rows);
    expect(staged.count).toBe(2);
    expect(stagedRecords(staged)).toEqual([
      {
        row: 12,
        name: "张三",
        gender: "male",
        idNumberCipher: "c2VhbGVk",
        idNumberHash: "0123456789abcdef0123456789abcdef",
        idNumberMasked: MASKED,
        birthDate: "1990-03-06T16:00:00.000+00:00",
        phone: "13800138000",
        trade: null,
        skillLevel: null,
        unionMember: 1,
      },
      expect.objectContaining({
        row: 14,
        name: "a\tb\\c\nd\re",
        trade: "车\t工",
        skillLevel: "senior",
        unionMember: 0,
      }),
    ]);
  });

  it("are PostgreSQL's COPY lines, separators escaped, \\N for none", () => {
    const staged = stageRows("postgresql", 10, rows);
    if (!("copy" in staged)) throw new Error("expected COPY text");
    expect(new TextDecoder().decode(staged.copy)).toBe(
      `12\t张三\tmale\tc2VhbGVk\t0123456789abcdef0123456789abcdef\t${MASKED}\t` +
        "1990-03-06T16:00:00.000\t13800138000\t\\N\t\\N\tt\n" +
        "14\ta\\tb\\\\c\\nd\\re\tmale\tc2VhbGVk\t0123456789abcdef0123456789abcdef\t" +
        `${MASKED}\t1990-03-06T16:00:00.000\t13800138000\t车\\t工\tsenior\tf\n`,
    );
  });

  it("are numbered again from another base, on either engine", () => {
    for (const engine of ["sqlite", "postgresql"] as const) {
      const staged = stageRows(engine, 10, rows);
      expect(rebased(staged, 10)).toBe(staged);
      const moved = rebased(staged, 13);
      expect(moved.base).toBe(13);
      expect(stagedRecords(moved).map((r) => Number(r.row))).toEqual([15, 17]);
      const { row: _a, ...rest } = stagedRecords(moved)[1]!;
      const { row: _b, ...before } = stagedRecords(staged)[1]!;
      expect(rest).toEqual(before);
    }
  });
});
