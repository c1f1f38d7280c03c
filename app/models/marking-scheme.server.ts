// Marking schemes (评分细则) per event part: the editor's reads and writes, event rules
// (default aggregation, tie-breaks, prizes), and XLSX import/export. A scheme is frozen as
// soon as any mark exists, so marks never point at criteria that changed under them.
import type ExcelJS from "exceljs";
import { readFirstSheet } from "~/utils/xlsx-read.server";
import { excel } from "~/utils/excel.server";
import { prisma, write } from "~/db.server";
import { parseDescriptors, parsePrizeRules, parseTieBreaks } from "~/domain/judging/definition";
import {
  formatDescriptors,
  isBlankRow,
  parseSchemeRow,
  type SchemeRow,
  type SchemeRowInput,
} from "~/domain/judging/scheme-rows";
import { theoryCapPct, theoryCapProblems } from "~/domain/contest/theory-cap";
import type { JudgingProblem } from "~/domain/judging/workflow";
import {
  formatCentimarks,
  validatePrizeRules,
  validateScheme,
  type AggregationRule,
  type PrizeRules,
  type PrizeTier,
  type ScoringProblem,
} from "~/domain/scoring";
import { appendAudit } from "~/models/audit.server";
import { configurationProblems, loadEventScoring, JUDGED_STATUSES } from "~/models/results.server";
import { eventInScope, eventsIn } from "~/models/scope.server";
import type { OrganiserScope } from "~/domain/organisation";
import { publishScoringChanged } from "~/utils/live-events.server";
import { failIfAny, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";

export async function loadSchemeEditor(scope: OrganiserScope, eventId: number) {
  const event = await prisma.event.findFirst({
    where: { id: eventId, ...eventsIn(scope) },
    select: {
      id: true,
      name: true,
      status: true,
      fullMark: true,
      aggregation: true,
      tieBreaks: true,
      prizeRules: true,
      contest: { select: { name: true, kind: true } },
      parts: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          name: true,
          weight: true,
          fullMark: true,
          sortOrder: true,
          criteria: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
        },
      },
    },
  });
  if (!event) return null;
  const marks = await prisma.mark.count({ where: { registration: { eventId } } });
  // Everything that stops results being computed or locked, as the chief judge sees it.
  const scoring = await loadEventScoring(prisma, eventId);
  const problems: JudgingProblem[] = scoring ? configurationProblems(scoring) : [];
  return {
    event,
    frozen: marks > 0,
    problems,
    tieBreaks: parseTieBreaks(event.tieBreaks, event.parts),
    prizes: parsePrizeRules(event.prizeRules),
    descriptorsText: Object.fromEntries(
      event.parts.flatMap((p) =>
        p.criteria.map(
          (c) => [String(c.id), formatDescriptors(parseDescriptors(c.descriptors))] as const,
        ),
      ),
    ),
  };
}

/**
 * Saved, or every problem found (message keys: judging.scheme.*, scoring.*, rules.*; a row's
 * carry its line). A problem of the rules form that belongs to fields comes once per field
 * it belongs to, with that field.
 */
export type SchemeSaveResult = Outcome<undefined, KeyedProblem>;

/**
 * The write's outcome, with its event's scoring change published once it committed and
 * changed something: sheets in every process read the definition through a cache.
 */
async function publishedIfOk<T extends { ok: boolean }>(
  eventId: number,
  result: Promise<T>,
): Promise<T> {
  const outcome = await result;
  if (outcome.ok) publishScoringChanged(eventId);
  return outcome;
}

function scoringProblems(problems: ScoringProblem[]): KeyedProblem[] {
  return problems.map((p) => ({
    code: `scoring.${p.code}`,
    params: Object.fromEntries(
      Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === "number" ? v : String(v)]),
    ),
  }));
}

async function marksExist(eventId: number, tx: Parameters<Parameters<typeof write>[0]>[0]) {
  return (await tx.mark.count({ where: { registration: { eventId } } })) > 0;
}

function parseRows(
  rows: SchemeRowInput[],
  firstLine: number,
): { rows: SchemeRow[]; problems: KeyedProblem[] } {
  const parsed: SchemeRow[] = [];
  const problems: KeyedProblem[] = [];
  rows.forEach((input, i) => {
    if (isBlankRow(input)) return;
    const r = parseSchemeRow(input, firstLine + i);
    if ("row" in r) parsed.push(r.row);
    else problems.push(...r.problems);
  });
  return { rows: parsed, problems };
}

function checkPart(rows: SchemeRow[], fullMark: number, eventDefault: string): KeyedProblem[] {
  return scoringProblems(
    validateScheme(
      {
        criteria: rows.map((r, i) => ({
          id: `row${i}`,
          code: r.code,
          maxMark: r.maxMark,
          type: r.type,
          aggregation: r.aggregation ?? undefined,
          descriptors: r.descriptors,
        })),
      },
      fullMark,
      (eventDefault as AggregationRule) ?? "mean",
    ),
  );
}

/** Replaces one part's criteria (and its weight and full mark). All or nothing. */
export function savePartScheme(input: {
  scope: OrganiserScope;
  eventId: number;
  partId: number;
  weight: number;
  fullMark: number;
  rows: SchemeRowInput[];
  actorId: number;
}): Promise<SchemeSaveResult> {
  return publishedIfOk(
    input.eventId,
    write(async (tx): Promise<SchemeSaveResult> => {
      const part = await tx.eventPart.findFirst({
        where: { id: input.partId, eventId: input.eventId, event: eventsIn(input.scope) },
        include: {
          event: {
            select: {
              aggregation: true,
              parts: { select: { id: true, kind: true, weight: true, round: true } },
              contest: { select: { kind: true, theoryCapPct: true } },
            },
          },
          criteria: true,
        },
      });
      if (!part) return refuse("judging.scheme.part_not_found");
      if (await marksExist(input.eventId, tx)) return refuse("judging.scheme.frozen");
      const { rows, problems } = parseRows(input.rows, 1);
      const badRows = failIfAny(problems);
      if (badRows) return badRows;
      const badScheme = failIfAny(checkPart(rows, input.fullMark, part.event.aggregation));
      if (badScheme) return badScheme;
      const cap = theoryCapPct(part.event.contest.kind, part.event.contest.theoryCapPct);
      const overCap = theoryCapProblems(
        part.event.parts.map((p) => (p.id === part.id ? { ...p, weight: input.weight } : p)),
        cap,
      );
      const aboveCap = failIfAny(
        overCap.map((p): KeyedProblem => ({ code: `rules.${p.code}`, params: { ...p.params } })),
      );
      if (aboveCap) return aboveCap;
      await replaceCriteria(tx, part.id, rows);
      await tx.eventPart.update({
        where: { id: part.id },
        data: { weight: input.weight, fullMark: input.fullMark },
      });
      await appendAudit(tx, {
        actorId: input.actorId,
        action: "scheme.save",
        entityType: "Event",
        entityId: input.eventId,
        before: {
          part: part.name,
          weight: part.weight,
          criteria: part.criteria.map((c) => [c.code, c.maxMark]),
        },
        after: {
          part: part.name,
          weight: input.weight,
          criteria: rows.map((r) => [r.code, r.maxMark]),
        },
      });
      return ok();
    }),
  );
}

async function replaceCriteria(
  tx: Parameters<Parameters<typeof write>[0]>[0],
  partId: number,
  rows: SchemeRow[],
) {
  await tx.criterion.deleteMany({ where: { partId } });
  for (const [i, r] of rows.entries()) {
    await tx.criterion.create({
      data: {
        partId,
        code: r.code,
        name: r.name,
        subCriterion: r.subCriterion,
        type: r.type,
        maxMark: r.maxMark,
        aggregation: r.aggregation,
        descriptors: JSON.stringify(r.descriptors),
        sortOrder: i,
      },
    });
  }
}

export type EventRulesInput = {
  aggregation: AggregationRule;
  tieBreaks: { kind: "part" | "criterion"; id: number }[];
  prizes: { tier: string; kind: "share" | "count"; value: number; minTotal: number | null }[];
};

/** Which field of the rules form a prize-rule problem belongs to. */
function prizeFields(p: ScoringProblem, rules: PrizeRules): string[] {
  switch (p.code) {
    case "prize_count_invalid":
    case "prize_share_invalid":
    case "prize_count_over_field":
    case "prize_tier_duplicate":
      return [`${p.params.tier}Value`];
    case "prize_min_total_invalid":
    case "prize_min_total_over_full":
      return [`${p.params.tier}Min`];
    case "prize_shares_exceed_total":
      return rules.tiers.filter((r) => r.quota.kind === "share").map((r) => `${r.tier}Value`);
    case "prize_places_over_field":
      return rules.tiers.map((r) => `${r.tier}Value`);
    default:
      return [];
  }
}

function asRowProblem(p: ScoringProblem): KeyedProblem {
  return scoringProblems([p])[0]!;
}

/**
 * Default aggregation rule, tie-break order and prize tiers of the event. Every rule is
 * checked before anything is stored, against the event as it is now (its entrants and full
 * mark): a rule that cannot work is refused with a message on the field it belongs to, so
 * results never stop later because of it.
 */
export function saveEventRules(
  scope: OrganiserScope,
  eventId: number,
  input: EventRulesInput,
  actorId: number,
): Promise<SchemeSaveResult> {
  return publishedIfOk(
    eventId,
    write(async (tx): Promise<SchemeSaveResult> => {
      const event = await tx.event.findFirst({
        where: { id: eventId, ...eventsIn(scope) },
        include: { parts: { include: { criteria: true } } },
      });
      if (!event) return refuse("judging.scheme.part_not_found");
      if (event.status === "locked" || event.status === "published")
        return refuse("judging.scheme.rules_locked");
      const problems: KeyedProblem[] = [];
      // A problem with the fields it belongs to: once per field, or once on none.
      const flag = (problem: KeyedProblem, names: string[]) => {
        if (names.length === 0) problems.push(problem);
        for (const field of names) problems.push({ ...problem, field });
      };

      input.tieBreaks.forEach((t, i) => {
        const known =
          t.kind === "part"
            ? event.parts.some((p) => p.id === t.id)
            : event.parts.some((p) => p.criteria.some((c) => c.id === t.id));
        if (!known)
          flag(
            asRowProblem(
              t.kind === "part"
                ? { code: "tiebreak_unknown_part", params: { part: String(t.id) } }
                : { code: "tiebreak_unknown_criterion", params: { criterion: String(t.id) } },
            ),
            [`tieBreak${i + 1}`],
          );
      });

      const prizeRules: PrizeRules = {
        tiers: input.prizes.map((p) => ({
          tier: p.tier as PrizeTier,
          quota:
            p.kind === "share"
              ? { kind: "share", shareBp: Math.round(p.value * 100) }
              : { kind: "count", count: p.value },
          minTotal: p.minTotal ?? undefined,
        })),
      };
      const fieldSize = await tx.registration.count({
        where: { eventId, status: { in: JUDGED_STATUSES } },
      });
      for (const p of validatePrizeRules(prizeRules, { fieldSize, fullMark: event.fullMark }))
        flag(asRowProblem(p), prizeFields(p, prizeRules));
      const refusal = failIfAny(problems);
      if (refusal) return refusal;

      const tieBreaks = input.tieBreaks.map((t) =>
        t.kind === "part"
          ? { kind: "part", partId: t.id }
          : { kind: "criterion", criterionId: t.id },
      );
      const prizeRulesJson = input.prizes.map((p) => ({
        tier: p.tier,
        ...(p.kind === "share" ? { share: p.value } : { count: p.value }),
        ...(p.minTotal !== null ? { minTotal: p.minTotal } : {}),
      }));
      const data = {
        aggregation: input.aggregation,
        tieBreaks: JSON.stringify(tieBreaks),
        prizeRules: JSON.stringify(prizeRulesJson),
      };
      await tx.event.update({ where: { id: eventId }, data });
      await appendAudit(tx, {
        actorId,
        action: "scheme.rules",
        entityType: "Event",
        entityId: eventId,
        before: {
          aggregation: event.aggregation,
          tieBreaks: event.tieBreaks,
          prizeRules: event.prizeRules,
        },
        after: data,
      });
      return ok();
    }),
  );
}

const COLUMNS = [
  { header: "考核部分 Part", key: "part", width: 14 },
  { header: "编号 Code", key: "code", width: 10 },
  { header: "评分项 Criterion", key: "name", width: 28 },
  { header: "评分模块 Sub-criterion", key: "subCriterion", width: 12 },
  { header: "类型 Type", key: "type", width: 14 },
  { header: "满分 Max", key: "maxMark", width: 10 },
  { header: "计分方法 Rule", key: "aggregation", width: 16 },
  { header: "等级描述 Descriptors", key: "descriptors", width: 40 },
] as const;

/** The event's scheme as a workbook: one row per criterion, parts named in the first column. */
export async function exportSchemeXlsx(
  scope: OrganiserScope,
  eventId: number,
): Promise<Buffer | null> {
  const editor = await loadSchemeEditor(scope, eventId);
  if (!editor) return null;
  const book = new (await excel()).Workbook();
  const sheet = book.addWorksheet("评分细则");
  sheet.columns = COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  for (const part of editor.event.parts) {
    for (const c of part.criteria) {
      sheet.addRow({
        part: part.name,
        code: c.code,
        name: c.name,
        subCriterion: c.subCriterion,
        type: c.type,
        maxMark: formatCentimarks(c.maxMark),
        aggregation: c.aggregation ?? "",
        descriptors: formatDescriptors(parseDescriptors(c.descriptors)),
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "result" in value) return String(value.result ?? "");
  return String(value);
}

/** A marking scheme has dozens of criteria; a workbook with more rows is refused. */
export const MAX_SCHEME_IMPORT_ROWS = 2000;

/**
 * Replaces the criteria of every part named in the workbook. Parts are matched by name;
 * each part's full mark becomes the sum of its imported maxima. Nothing is stored unless
 * every row and every part is valid.
 */
export async function importSchemeXlsx(
  scope: OrganiserScope,
  eventId: number,
  data: ArrayBuffer,
  actorId: number,
): Promise<SchemeSaveResult> {
  if (!(await eventInScope(scope, eventId))) return refuse("judging.scheme.part_not_found");
  const sheet = await readFirstSheet(new Uint8Array(data), MAX_SCHEME_IMPORT_ROWS + 1, (row) =>
    Array.from({ length: 8 }, (_, i) => cellText(row.getCell(i + 1).value).trim()),
  );
  if (!sheet.ok && !sheet.problems.includes("too_large"))
    return refuse("judging.scheme.xlsx_unreadable");
  if (!sheet.ok || sheet.value.truncated)
    return refuse("judging.scheme.xlsx_too_large", { max: MAX_SCHEME_IMPORT_ROWS });
  const byPart = new Map<string, { inputs: SchemeRowInput[]; lines: number[] }>();
  for (const { number: line, value: cells } of sheet.value.rows) {
    if (line === 1) continue;
    const v = (i: number) => cells[i - 1] ?? "";
    const part = v(1);
    const input: SchemeRowInput = {
      code: v(2),
      name: v(3),
      subCriterion: v(4),
      type: v(5),
      maxMark: v(6),
      aggregation: v(7),
      descriptors: v(8),
    };
    if (!part && isBlankRow(input)) continue;
    const group = byPart.get(part) ?? { inputs: [], lines: [] };
    group.inputs.push(input);
    group.lines.push(line);
    byPart.set(part, group);
  }
  return publishedIfOk(
    eventId,
    write(async (tx): Promise<SchemeSaveResult> => {
      const event = await tx.event.findUnique({ where: { id: eventId }, include: { parts: true } });
      if (!event) return refuse("judging.scheme.part_not_found");
      if (await marksExist(eventId, tx)) return refuse("judging.scheme.frozen");
      if (byPart.size === 0) return refuse("judging.scheme.xlsx_empty");
      const problems: KeyedProblem[] = [];
      const plan: { partId: number; rows: SchemeRow[] }[] = [];
      for (const [name, group] of byPart) {
        const part = event.parts.find((p) => p.name === name);
        if (!part) {
          problems.push({
            code: "judging.scheme.xlsx_unknown_part",
            params: { part: name, line: group.lines[0]! },
          });
          continue;
        }
        const rows: SchemeRow[] = [];
        group.inputs.forEach((input, i) => {
          const r = parseSchemeRow(input, group.lines[i]!);
          if ("row" in r) rows.push(r.row);
          else problems.push(...r.problems);
        });
        const fullMark = rows.reduce((s, r) => s + r.maxMark, 0);
        problems.push(...checkPart(rows, fullMark, event.aggregation));
        plan.push({ partId: part.id, rows });
      }
      const refusal = failIfAny(problems);
      if (refusal) return refusal;
      for (const p of plan) {
        await replaceCriteria(tx, p.partId, p.rows);
        await tx.eventPart.update({
          where: { id: p.partId },
          data: { fullMark: p.rows.reduce((s, r) => s + r.maxMark, 0) },
        });
      }
      await appendAudit(tx, {
        actorId,
        action: "scheme.import",
        entityType: "Event",
        entityId: eventId,
        after: plan.map((p) => ({
          partId: p.partId,
          criteria: p.rows.map((r) => [r.code, r.maxMark]),
        })),
      });
      return ok();
    }),
  );
}
