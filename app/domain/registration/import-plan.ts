import type { EventDefinition } from "~/domain/contest/events";
import type { IsoDate } from "~/domain/identity/dates";
import type { IdNumberInfo } from "~/domain/identity/id-number";
import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";
import { checkEligibility, type WorkerProfile } from "./eligibility";
import {
  genderAgainstId,
  idNumberCell,
  textCell,
  workerImportColumns,
  yesNoCell,
} from "./import-cells";
import {
  optionalColumn,
  requiredColumn,
  type ImportError,
  type ParsedRow,
  type RowCheckProblem,
} from "./import-rows";
import { isActiveRegistration, type RegistrationStatus } from "./status";
import { checkTeamComposition } from "./team";

/**
 * The organisation's own roster template: the standard worker columns without "单位",
 * because the file is always imported into the signed-in manager's organisation.
 */
export function rosterImportColumns(today?: IsoDate) {
  const { organisation: _organisation, ...columns } = workerImportColumns(today);
  return columns;
}

export type RosterImportColumns = ReturnType<typeof rosterImportColumns>;

export function checkRosterRow(
  values: ParsedRow<RosterImportColumns>,
): readonly RowCheckProblem<RosterImportColumns>[] {
  // The worker template's rule, without a copy of the row per row (an import checks a million).
  return genderAgainstId(values);
}

/** One row per entrant; rows of a team event that share a team name form one team. */
export function registrationImportColumns(today?: IsoDate) {
  return {
    eventCode: requiredColumn("赛项代码", textCell(12), { aliases: ["项目代码", "赛项编号"] }),
    idNumber: requiredColumn("身份证号", idNumberCell(today), {
      aliases: ["身份证号码", "公民身份号码", "证件号码"],
    }),
    name: optionalColumn("姓名", textCell(50)),
    teamName: optionalColumn("队名", textCell(50), { aliases: ["队伍名称", "代表队"] }),
    substitute: optionalColumn("是否替补", yesNoCell, { aliases: ["替补"] }),
  };
}

export type RegistrationImportColumns = ReturnType<typeof registrationImportColumns>;

export interface RegistrationImportRow {
  readonly row: number;
  readonly values: ParsedRow<RegistrationImportColumns>;
}

export interface ImportEventFacts {
  readonly id: string;
  readonly definition: Pick<
    EventDefinition,
    "mode" | "team" | "quotaPerOrg" | "overallCap" | "eligibility" | "tradeCodes"
  >;
  readonly usedByOrg: number;
  readonly usedTotal: number;
  /** Workers holding an entry in the event (individually or in a team), with its status. */
  readonly registeredWorkers: ReadonlyMap<string, RegistrationStatus>;
  /** Names of the organisation's active teams in the event. */
  readonly teamNames: ReadonlySet<string>;
}

export interface ImportWorkerFacts {
  readonly workerId: string;
  readonly name: string;
  readonly profile: WorkerProfile;
}

export interface RegistrationImportContext {
  /** By upper-case event code. */
  readonly events: ReadonlyMap<string, ImportEventFacts>;
  /** The organisation's own roster by canonical ID number; other organisations' workers are absent. */
  readonly workers: ReadonlyMap<string, ImportWorkerFacts>;
  readonly organisationId: string;
  readonly contestDate: IsoDate;
}

export interface PlannedIndividual {
  readonly row: number;
  readonly eventId: string;
  readonly workerId: string;
}

export interface PlannedTeam {
  readonly row: number;
  readonly eventId: string;
  readonly name: string;
  readonly members: readonly { readonly workerId: string; readonly substitute: boolean }[];
}

export type RegistrationImportPlan = Outcome<
  { readonly individuals: PlannedIndividual[]; readonly teams: PlannedTeam[] },
  ImportError
>;

export type RegistrationImportProblem =
  | Problem<"import_event_unknown", { value: string }>
  | Problem<"import_worker_not_in_roster", Record<string, never>>
  | Problem<"import_name_mismatch", { roster: string }>
  | Problem<"import_team_name_missing", Record<string, never>>
  | Problem<"import_team_exists", { team: string }>
  | Problem<"import_entry_repeated", { firstRow: number }>;

export const REGISTRATION_IMPORT_PROBLEM_CODES = Object.keys({
  import_event_unknown: true,
  import_worker_not_in_roster: true,
  import_name_mismatch: true,
  import_team_name_missing: true,
  import_team_exists: true,
  import_entry_repeated: true,
} satisfies Record<RegistrationImportProblem["code"], true>) as RegistrationImportProblem["code"][];

const H = {
  event: "赛项代码",
  id: "身份证号",
  name: "姓名",
  team: "队名",
} as const;

interface TeamDraft {
  row: number;
  event: ImportEventFacts;
  name: string;
  members: { workerId: string; name: string; substitute: boolean; row: number }[];
}

/**
 * Turns validated rows into the entries to create, or into the complete list of row-level
 * reasons why the file cannot be stored (unknown event or worker, repeats, eligibility,
 * quota, team composition). Quota is counted in file order, so the row that would take the
 * first place too many is the one reported.
 */
export function planRegistrationImport(
  rows: readonly RegistrationImportRow[],
  ctx: RegistrationImportContext,
): RegistrationImportPlan {
  const errors: ImportError[] = [];
  const add = (row: number, column: string | null, problem: Problem) =>
    errors.push({ row, column, code: problem.code, params: problem.params });
  const firstRowOf = new Map<string, number>();
  const individuals: PlannedIndividual[] = [];
  const teams = new Map<string, TeamDraft>();
  const newEntries = new Map<string, number>();

  const takePlace = (event: ImportEventFacts, row: number, column: string | null): void => {
    const used = newEntries.get(event.id) ?? 0;
    const quota = event.definition.quotaPerOrg ?? null;
    const cap = event.definition.overallCap ?? null;
    if (quota !== null && event.usedByOrg + used + 1 > quota) {
      add(row, column, { code: "quota_org_full", params: { quota, used: event.usedByOrg + used } });
    } else if (cap !== null && event.usedTotal + used + 1 > cap) {
      add(row, column, {
        code: "quota_overall_full",
        params: { cap, used: event.usedTotal + used },
      });
    }
    newEntries.set(event.id, used + 1);
  };

  for (const { row, values } of rows) {
    const code = values.eventCode.normalize("NFKC").trim().toUpperCase();
    const event = ctx.events.get(code);
    if (!event) {
      add(row, H.event, { code: "import_event_unknown", params: { value: values.eventCode } });
      continue;
    }
    const info: IdNumberInfo = values.idNumber;
    const worker = ctx.workers.get(info.idNumber);
    if (!worker) {
      add(row, H.id, { code: "import_worker_not_in_roster", params: {} });
      continue;
    }
    if (values.name !== undefined && values.name.trim() !== worker.name) {
      add(row, H.name, { code: "import_name_mismatch", params: { roster: worker.name } });
      continue;
    }
    const key = `${event.id}:${worker.workerId}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      add(row, H.id, { code: "import_entry_repeated", params: { firstRow: first } });
      continue;
    }
    firstRowOf.set(key, row);
    const existing = event.registeredWorkers.get(worker.workerId);
    if (existing !== undefined && isActiveRegistration(existing)) {
      add(row, H.id, { code: "registration_duplicate_worker", params: {} });
      continue;
    }
    for (const problem of checkEligibility(worker.profile, event.definition, ctx.contestDate))
      add(row, null, problem);

    if (event.definition.mode === "team") {
      const teamName = values.teamName?.trim() ?? "";
      if (teamName === "") {
        add(row, H.team, { code: "import_team_name_missing", params: {} });
        continue;
      }
      const teamKey = `${event.id}:${teamName}`;
      let team = teams.get(teamKey);
      if (!team) {
        if (event.teamNames.has(teamName)) {
          add(row, H.team, { code: "import_team_exists", params: { team: teamName } });
          continue;
        }
        takePlace(event, row, H.team);
        team = { row, event, name: teamName, members: [] };
        teams.set(teamKey, team);
      }
      team.members.push({
        workerId: worker.workerId,
        name: worker.name,
        substitute: values.substitute ?? false,
        row,
      });
    } else {
      takePlace(event, row, H.event);
      individuals.push({ row, eventId: event.id, workerId: worker.workerId });
    }
  }

  for (const team of teams.values()) {
    const rules = team.event.definition.team ?? { minSize: 2, maxSize: 2, substitutes: 0 };
    const members = team.members.map((m) => ({ ...m, organisationId: ctx.organisationId }));
    for (const problem of checkTeamComposition({
      members,
      rules,
      organisationId: ctx.organisationId,
      otherTeams: [],
    })) {
      add(team.row, H.team, problem);
    }
  }

  if (errors.length > 0) return fail(...errors.sort((a, b) => a.row - b.row));
  return ok({
    individuals,
    teams: [...teams.values()].map((t) => ({
      row: t.row,
      eventId: t.event.id,
      name: t.name,
      members: t.members.map((m) => ({ workerId: m.workerId, substitute: m.substitute })),
    })),
  });
}
