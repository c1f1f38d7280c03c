import { describe, expect, it } from "vitest";
import { withIdCheckChar } from "~/domain/identity/id-number";
import { missingMessages } from "~/test/rule-messages";
import { regMessages } from "~/i18n/messages/registrations";
import { validateImport } from "./import-rows";
import {
  REGISTRATION_IMPORT_PROBLEM_CODES,
  checkRosterRow,
  planRegistrationImport,
  registrationImportColumns,
  rosterImportColumns,
  type ImportEventFacts,
  type RegistrationImportContext,
} from "./import-plan";

const id = (n: number, birth = "19900101") =>
  withIdCheckChar(`610113${birth}${String(n).padStart(3, "0")}`);
const profile = (birthDate = "1990-01-01") => ({
  birthDate,
  gender: "male" as const,
  skillLevel: "senior" as const,
  unionMember: true,
});

function event(extra: Partial<ImportEventFacts> & { id: string }): ImportEventFacts {
  return {
    definition: {
      mode: "individual",
      quotaPerOrg: 2,
      overallCap: null,
      eligibility: { minAge: 18, maxAge: 55 },
    },
    usedByOrg: 0,
    usedTotal: 0,
    registeredWorkers: new Map(),
    teamNames: new Set(),
    ...extra,
  };
}

const ctx: RegistrationImportContext = {
  events: new Map([
    ["SOLO", event({ id: "e1" })],
    [
      "TEAM",
      event({
        id: "e2",
        definition: {
          mode: "team",
          team: { minSize: 2, maxSize: 3, substitutes: 1 },
          quotaPerOrg: 1,
          eligibility: {},
        },
      }),
    ],
  ]),
  workers: new Map([
    [id(11), { workerId: "w1", name: "张三", profile: profile() }],
    [id(12), { workerId: "w2", name: "李四", profile: profile() }],
    [id(13), { workerId: "w3", name: "王五", profile: profile() }],
    [id(14, "19600101"), { workerId: "w4", name: "老赵", profile: profile("1960-01-01") }],
  ]),
  organisationId: "org1",
  contestDate: "2026-05-20",
};

function plan(table: string[][]) {
  const parsed = validateImport(table, registrationImportColumns("2026-01-01"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return planRegistrationImport(parsed.value, ctx);
}

const HEAD = ["赛项代码", "身份证号", "姓名", "队名", "是否替补"];

describe("planRegistrationImport", () => {
  it("plans individuals and groups team rows into teams", () => {
    const result = plan([
      HEAD,
      ["solo", id(11), "张三", "", ""],
      ["TEAM", id(12), "", "秦岭一队", ""],
      ["TEAM", id(13), "王五", "秦岭一队", "否"],
    ]);
    expect(result).toEqual({
      ok: true,
      value: {
        individuals: [{ row: 2, eventId: "e1", workerId: "w1" }],
        teams: [
          {
            row: 3,
            eventId: "e2",
            name: "秦岭一队",
            members: [
              { workerId: "w2", substitute: false },
              { workerId: "w3", substitute: false },
            ],
          },
        ],
      },
    });
  });

  it("reports every bad row with its row number and column", () => {
    const result = plan([
      HEAD,
      ["NOPE", id(11), "", "", ""],
      ["SOLO", id(99), "", "", ""],
      ["SOLO", id(11), "张叁", "", ""],
      ["SOLO", id(12), "", "", ""],
      ["SOLO", id(12), "", "", ""],
      ["SOLO", id(14, "19600101"), "", "", ""],
      ["SOLO", id(13), "", "", ""],
      ["TEAM", id(13), "", "", ""],
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "赛项代码", "import_event_unknown"],
      [3, "身份证号", "import_worker_not_in_roster"],
      [4, "姓名", "import_name_mismatch"],
      [6, "身份证号", "import_entry_repeated"],
      [7, null, "age_out_of_range"],
      // 李四 and 老赵 took the two places; 王五 is one too many.
      [8, "赛项代码", "quota_org_full"],
      [9, "队名", "import_team_name_missing"],
    ]);
  });

  it("refuses workers already entered and teams that break the size rules", () => {
    const busy: RegistrationImportContext = {
      ...ctx,
      events: new Map([
        [
          "SOLO",
          event({
            id: "e1",
            registeredWorkers: new Map([
              ["w1", "approved"],
              ["w2", "withdrawn"],
            ]),
          }),
        ],
        [
          "TEAM",
          event({
            id: "e2",
            definition: {
              mode: "team",
              team: { minSize: 2, maxSize: 3, substitutes: 0 },
              quotaPerOrg: 2,
              eligibility: {},
            },
            teamNames: new Set(["老队"]),
          }),
        ],
      ]),
    };
    const parsed = validateImport(
      [
        HEAD,
        ["SOLO", id(11), "", "", ""],
        ["SOLO", id(12), "", "", ""],
        ["TEAM", id(13), "", "新队", ""],
        ["TEAM", id(11), "", "老队", ""],
      ],
      registrationImportColumns(),
    );
    if (!parsed.ok) throw new Error("parse");
    const result = planRegistrationImport(parsed.value, busy);
    expect(result.ok ? [] : result.problems.map((e) => [e.row, e.code])).toEqual([
      [2, "registration_duplicate_worker"],
      [4, "team_too_small"],
      [5, "import_team_exists"],
    ]);
  });

  it("has messages for its problems", () => {
    const zh: Record<string, string> = regMessages.zh;
    expect(REGISTRATION_IMPORT_PROBLEM_CODES.filter((c) => !zh[`reg.problem.${c}`])).toEqual([]);
    expect(
      missingMessages(["quota_org_full", "age_out_of_range", "registration_duplicate_worker"]),
    ).toEqual([]);
  });
});

describe("roster import columns", () => {
  it("take no organisation column and check gender against the ID number", () => {
    const columns = rosterImportColumns("2026-01-01");
    expect(Object.keys(columns)).not.toContain("organisation");
    const table = [
      ["姓名", "身份证号", "性别", "手机号"],
      ["张三", id(11), "女", "13800138000"],
    ];
    const result = validateImport(table, columns, { checkRow: checkRosterRow });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ row: 2, column: "性别", code: "import_gender_mismatch_id" }],
    });
  });
});
