// Judges' marks: loading a judge's score sheet for an entry, saving it (draft or submit)
// with optimistic concurrency on ScoreSheet.version, and the chief judge's corrections
// (resolving disagreements, or marks reopened by an appeal). Every changed mark is
// audited, and the entry's Result is recomputed, in the same write.
import { prisma, readSql, sqlWrite, txSql, write, type Tx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { OrganiserScope } from "~/domain/organisation";
import { eventsIn } from "~/models/scope.server";
import { parseMark, parseSheet, type SheetCriterion } from "~/domain/judging/sheet";
import { normaliseBlindCode } from "~/domain/registration/blind-codes";
import {
  marksOpen,
  scoringWindowOf,
  scoringWindowState,
  type ScoringWindow,
} from "~/domain/judging/workflow";
import {
  formatCentimarks,
  resolveAggregation,
  validateEvent,
  type AggregationRule,
  type ScoringProblem,
} from "~/domain/scoring";
import {
  appendAudit,
  appendAuditMany,
  auditInsertSql,
  auditTrail,
  type AuditEntry,
} from "~/models/audit.server";
import {
  doneRecheckSql,
  entryMarksSql,
  entryResultSql,
  loadEventScoringSql,
  judgeSheetsSql,
  loadJudgedEntrySql,
  recheckReopenAudit,
  reopenRecheckSql,
  resultStateSql,
  type JudgedEntry,
} from "~/models/scoring.sql.server";
import {
  loadEventScoring,
  panelOf,
  presiderOf,
  recorderOf,
  refreshEntryResult,
  judgedEntriesOf,
  type EventScoring,
  type StoredMark,
} from "~/models/results.server";
import { freezeAtSql } from "~/models/ranking-tables.server";
import { cacheTag, defineCache } from "~/utils/cache.server";
import { publishResultsChanged, publishScoringChanged } from "~/utils/live-events.server";
import { fail, failIfAny, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";

export type SheetCriterionView = {
  id: number;
  code: string;
  name: string;
  subCriterion: string;
  type: string;
  maxMark: number;
  rule: AggregationRule;
  descriptors: string;
};

type Entry = JudgedEntry;

/** The parts and criteria a judge marks on an entry: judgement aspects, plus measurements when they record them. */
function sheetPlan(scoring: EventScoring, entry: Entry, judgeId: number) {
  const panel = panelOf(scoring, entry);
  const judgeNo = panel.findIndex((j) => j.userId === judgeId) + 1;
  if (judgeNo === 0) return null;
  const recorder = recorderOf(scoring, entry)?.userId === judgeId;
  const parts = scoring.definition.parts
    .map((part) => {
      const row = scoring.event.parts.find((p) => String(p.id) === part.id)!;
      const criteria = part.scheme.criteria
        .filter((c) => c.type === "judgement" || recorder)
        .map((c): SheetCriterionView => {
          const source = row.criteria.find((r) => String(r.id) === c.id)!;
          return {
            id: source.id,
            code: source.code,
            name: source.name,
            subCriterion: source.subCriterion,
            type: source.type,
            maxMark: source.maxMark,
            rule: resolveAggregation(
              c,
              part.scheme.aggregation,
              scoring.definition.defaultAggregation,
            ),
            descriptors: source.descriptors,
          };
        });
      return { id: row.id, name: row.name, weight: row.weight, criteria };
    })
    .filter((p) => p.criteria.length > 0);
  return { panel, judgeNo, recorder, parts };
}

/** The stored mark behind each of the judge's criteria (a measurement's, whoever recorded it). */
function mineOf<M extends { criterionId: number; judgeId: number }>(
  marks: M[],
  judgeId: number,
  criteria: SheetCriterionView[],
) {
  const mine = new Map<number, M>();
  for (const c of criteria) {
    const m =
      c.type === "measurement"
        ? marks.find((x) => x.criterionId === c.id)
        : marks.find((x) => x.criterionId === c.id && x.judgeId === judgeId);
    if (m) mine.set(c.id, m);
  }
  return mine;
}

function windowOf(scoring: EventScoring): ScoringWindow {
  return scoringWindowOf(scoring.event, scoring.event.contest.startsAt);
}

// An event's scoring definition as the judge's sheet reads it, kept per event in this
// process: every sheet page and every save opens the sheet, and the four reads plus building
// the definition were a noticeable share of each. Dropped by the bus's "scoring" change, which
// every write to what it holds publishes after it commits (marking scheme, scoring settings and
// status, contest, judges), in every process; a judge's account change (their unit decides
// recusals) drops it through the sessions change; a lost bus connection drops everything. The
// minute's lifetime only bounds a change some future write forgets to publish. Two writes to it
// are not announced because the sheet cannot tell them apart: a chief's correction moving the
// event from open to scoring (both open the sheet), and the standardised decimals ranking stores
// once an event is locked; nothing but the sheet reads this cache. The save itself
// never relies on it: saveScoreSheet reads the definition afresh inside its transaction, so a
// sheet shown from a definition a moment old is checked against the current one when it is saved.
const scoringDefinitions = defineCache({ name: "scoring-definitions", ttlMs: 60_000, max: 2_000 });

function cachedEventScoring(eventId: number): Promise<EventScoring | null> {
  return scoringDefinitions.get(
    String(eventId),
    (scoring) => [
      cacheTag.scoring(eventId),
      ...(scoring?.judges ?? []).map((j) => cacheTag.user(j.userId)),
    ],
    () => loadEventScoringSql(readSql(), eventId),
  );
}

/**
 * A judge's sheet for an entry, or null when they are not on its panel (recused, unassigned,
 * or no such judged entry). The entry is named by its registration id, or by its blind code as
 * judges address it: the judge's sheet page is answered by this alone. Whether the judge is on
 * the event, and on the entry's panel, comes from the cached definition (its judges and panel
 * rules), as the sheet's contents do; a save checks both again against the current definition.
 */
export async function loadScoreSheet(
  eventId: number,
  which: number | { blindCode: string },
  judgeId: number,
) {
  // On the raw connection, reads at once where they can be: a judge opens the sheet before
  // every save, so this is on the live-scoring hot path.
  const sql = readSql();
  let scoring: EventScoring | null;
  let entry: Entry | null;
  let entryMarks: Awaited<ReturnType<typeof entryMarksSql>>;
  let sheets: Awaited<ReturnType<typeof judgeSheetsSql>>;
  if (typeof which === "number") {
    [scoring, entry, entryMarks, sheets] = await Promise.all([
      cachedEventScoring(eventId),
      loadJudgedEntrySql(sql, eventId, which),
      entryMarksSql(sql, which),
      judgeSheetsSql(sql, which, judgeId),
    ]);
  } else {
    const found = await sheetByBlindCode(eventId, which.blindCode, judgeId);
    // Nothing of an entry the judge may not see is read.
    if (!found) return null;
    ({ scoring, entry } = found);
    [entryMarks, sheets] = await Promise.all([
      entryMarksSql(sql, entry.id),
      judgeSheetsSql(sql, entry.id, judgeId),
    ]);
  }
  if (!scoring || !entry) return null;
  const plan = sheetPlan(scoring, entry, judgeId);
  if (!plan) return null;
  const criteria = plan.parts.flatMap((p) => p.criteria);
  const marks = mineOf(entryMarks, judgeId, criteria);
  // The judge sees their unsubmitted draft where they have one, their submitted marks elsewhere.
  const values = new Map([...marks].map(([id, m]) => [id, m.value as number | null]));
  for (const [id, value] of draftValues(sheets)) values.set(id, value);
  return {
    event: { id: scoring.event.id, name: scoring.event.name, status: scoring.event.status },
    registrationId: entry.id,
    blindCode: entry.blindCode!,
    judgeNo: plan.judgeNo,
    recorder: plan.recorder,
    parts: plan.parts.map((p) => {
      const sheet = sheets.find((s) => s.partId === p.id);
      return {
        ...p,
        version: sheet?.version ?? 0,
        status: sheet?.status ?? "new",
        pendingDraft: sheet?.draft != null,
      };
    }),
    values: Object.fromEntries(
      [...values].flatMap(([id, v]) => (v === null ? [] : [[String(id), v] as const])),
    ),
    open: marksOpen(scoring.event.status),
    /** Why marks cannot be saved at all: the event's scheme cannot compute a total. */
    notReady: validateEvent(scoring.definition),
    window: windowOf(scoring),
  };
}

/**
 * The event's cached scoring definition, the entry a judge names by blind code and the plan of
 * the judge's sheet on it, or null when they are not on its panel (see loadScoreSheet).
 */
async function sheetByBlindCode(eventId: number, blindCode: string, judgeId: number) {
  const code = normaliseBlindCode(blindCode);
  if (code.length === 0 || code.length > 16) return null;
  const [scoring, entry] = await Promise.all([
    cachedEventScoring(eventId),
    loadJudgedEntrySql(readSql(), eventId, { blindCode: code }),
  ]);
  if (!scoring || !entry) return null;
  const plan = sheetPlan(scoring, entry, judgeId);
  return plan ? { scoring, entry, plan } : null;
}

/**
 * What a judge's save of their sheet needs before its transaction, found as loadScoreSheet finds
 * the sheet (null where it finds none): the entry, and the parts and criteria that make the
 * form's fields. Marks and sheet versions are not read: the save reads them again under the
 * event's lock, so a save costs one round trip and two statements less.
 */
export async function findSheetToSave(eventId: number, blindCode: string, judgeId: number) {
  const found = await sheetByBlindCode(eventId, blindCode, judgeId);
  if (!found) return null;
  return {
    registrationId: found.entry.id,
    blindCode: found.entry.blindCode!,
    parts: found.plan.parts,
  };
}

/** A sheet's draft: the judge's unsubmitted mark per criterion (null where they cleared it). */
function parseDraft(text: string | null): Map<number, number | null> {
  const out = new Map<number, number | null>();
  if (!text) return out;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    for (const [key, value] of Object.entries(parsed)) {
      const id = Number(key);
      if (!Number.isInteger(id)) continue;
      if (value === null) out.set(id, null);
      else if (typeof value === "number" && Number.isInteger(value)) out.set(id, value);
    }
  } catch {
    // A draft that cannot be read is treated as no draft: the submitted marks stand.
  }
  return out;
}

function draftValues(sheets: { draft: string | null }[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const s of sheets) for (const [id, v] of parseDraft(s.draft)) out.set(id, v);
  return out;
}

export type SaveSheetInput = {
  eventId: number;
  registrationId: number;
  judgeId: number;
  /** The ScoreSheet.version per part id the form was built from. */
  versions: Record<number, number>;
  /** Typed marks per criterion id. */
  marks: Record<number, string | undefined>;
  submit: boolean;
};

/**
 * How many marks changed, or why not: "judging.sheet.not_found" (no such entry on this
 * judge's panel), "judging.sheet.closed", "judge.window.opens" / "judge.window.closed" (outside the
 * organiser's scoring window, with the instant as `date`), "judging.sheet.conflict" (the sheet moved on since
 * the form was loaded), the scheme's scoring problems, or each criterion's problem with its
 * id as the field.
 */
export type SaveSheetResult = Outcome<{ changed: number }, KeyedProblem>;

/** Scoring problems as message keys with plain values. */
export function keyedScoringProblems(problems: readonly ScoringProblem[]): KeyedProblem[] {
  return problems.map((p) => ({
    code: `scoring.${p.code}`,
    params: Object.fromEntries(
      Object.entries(p.params).map(([k, v]) => [k, typeof v === "number" ? v : String(v)]),
    ),
  }));
}

type MarkChange = {
  criterionId: number;
  code: string;
  rule: AggregationRule;
  judgeId: number;
  judgeNo: number;
  before: number | null;
  after: number | null;
  /** The stored row when the caller has already read it (saves a lookup per mark). */
  stored?: { id: number; version: number } | null;
};

/** How a stored mark reads to people: points under WorldSkills, marks otherwise. */
function display(value: number | null, rule: AggregationRule): string | null {
  if (value === null) return null;
  return rule === "worldskills" ? String(value) : formatCentimarks(value);
}

/** Writes changed marks and audits each one. Measurements have one row per entry, whoever recorded it. */
async function applyMarks(
  tx: Tx,
  registrationId: number,
  changes: MarkChange[],
  actorId: number,
  action: "mark.save" | "mark.correct" | "mark.recheck",
  reason: string | null,
) {
  for (const ch of changes) {
    const existing =
      ch.stored !== undefined
        ? ch.stored
        : await tx.mark.findFirst({
            where: { registrationId, criterionId: ch.criterionId, judgeId: ch.judgeId },
            select: { id: true, version: true },
          });
    if (ch.after === null) {
      if (existing) await tx.mark.delete({ where: { id: existing.id } });
    } else if (existing) {
      await tx.mark.update({
        where: { id: existing.id },
        data: { value: ch.after, version: existing.version + 1 },
      });
    } else {
      await tx.mark.create({
        data: { registrationId, criterionId: ch.criterionId, judgeId: ch.judgeId, value: ch.after },
      });
    }
  }
  if (changes.length === 0) return;
  // One insert for the whole sheet's audit trail.
  await appendAuditMany(
    tx,
    changes.map((ch) =>
      markAuditEntry(registrationId, actorId, action, reason, ch, ch.judgeNo, ch.before, ch.after),
    ),
  );
}

function markAuditEntry(
  registrationId: number,
  actorId: number,
  action: "mark.save" | "mark.correct" | "mark.recheck",
  reason: string | null,
  criterion: { code: string; rule: AggregationRule },
  judgeNo: number,
  before: number | null,
  after: number | null,
): AuditEntry {
  const { code, rule } = criterion;
  return {
    actorId,
    action,
    entityType: "Registration",
    entityId: registrationId,
    before: { criterion: code, judgeNo, value: before, display: display(before, rule) },
    after: { criterion: code, judgeNo, value: after, display: display(after, rule) },
    reason,
  };
}

function startScoringAudit(eventId: number, actorId: number): AuditEntry {
  return {
    actorId,
    action: "event.status",
    entityType: "Event",
    entityId: eventId,
    before: { status: "open" },
    after: { status: "scoring" },
  };
}

async function startScoring(tx: Tx, scoring: EventScoring, actorId: number) {
  if (scoring.event.status !== "open") return;
  await tx.event.update({ where: { id: scoring.event.id }, data: { status: "scoring" } });
  await appendAudit(tx, startScoringAudit(scoring.event.id, actorId));
}

/**
 * Saves a judge's sheet for one entry. Refused as a conflict when any part's sheet moved
 * on since the form was loaded (another tab, or the chief judge corrected a mark): the
 * judge reloads and sees the newer marks instead of overwriting them.
 *
 * A draft is stored on the judge's own sheets only: it writes no Mark, no Result, no audit
 * row and no event status, and tells no board, so it never moves a figure that anyone but
 * its judge sees. Submitting turns the sheet's values into marks, as one change.
 *
 * The hot path of judging, so it runs on the raw connection with prepared statements
 * (scoring.sql.server.ts): one IMMEDIATE transaction holding the marks, their audit rows,
 * the sheets, the entry's Result and every ranking table.
 */
export async function saveScoreSheet(input: SaveSheetInput): Promise<SaveSheetResult> {
  // Whether this save moved the event from open to scoring (its first marks).
  let startedScoring = false;
  const result = await sqlWrite(
    async (sql): Promise<SaveSheetResult> => {
      startedScoring = false;
      // Everything the save reads, issued at once after the event's lock (on PostgreSQL one
      // round trip with the lock; see postgres.server.ts). A submit also needs the entry's
      // marks, its Result, the event's freeze and whether its recheck is done.
      const registrationId = input.registrationId;
      const [scoring, entry, sheets, marks, resultBefore, freezeAt, recheck] = await Promise.all([
        loadEventScoringSql(sql, input.eventId),
        loadJudgedEntrySql(sql, input.eventId, registrationId),
        judgeSheetsSql(sql, registrationId, input.judgeId),
        input.submit ? entryMarksSql(sql, registrationId) : [],
        input.submit ? resultStateSql(sql, registrationId) : null,
        input.submit ? freezeAtSql(sql, input.eventId) : null,
        input.submit ? doneRecheckSql(sql, registrationId) : undefined,
      ]);
      if (!scoring || !entry) return refuse("judging.sheet.not_found");
      const plan = sheetPlan(scoring, entry, input.judgeId);
      if (!plan) return refuse("judging.sheet.not_found");
      if (!marksOpen(scoring.event.status)) return refuse("judging.sheet.closed");
      // Marks against a scheme that cannot compute a total would be saved with no total, and
      // would freeze the scheme so the organiser could no longer fix it.
      const notReady = validateEvent(scoring.definition);
      if (notReady.length > 0) return fail(...keyedScoringProblems(notReady));
      // The organiser's scoring window: no marks before the contest (or the set time) opens.
      const window = windowOf(scoring);
      const state = scoringWindowState(window, new Date());
      if (state !== "open") {
        const at = state === "closed" ? window.closesAt : window.opensAt;
        const params: Record<string, string> = at ? { date: at.toISOString() } : {};
        return refuse(state === "closed" ? "judge.window.closed" : "judge.window.opens", params);
      }

      for (const part of plan.parts) {
        const current = sheets.find((s) => s.partId === part.id)?.version ?? 0;
        if ((input.versions[part.id] ?? -1) !== current) return refuse("judging.sheet.conflict");
      }

      const criteria = plan.parts.flatMap((p) => p.criteria);
      const parsed = parseSheet(criteria as SheetCriterion[], input.marks, input.submit);
      if (!parsed.ok) return parsed;

      const now = new Date();
      if (!input.submit) {
        await sql.finish(draftSql(entry.id, input.judgeId, plan.parts, sheets, parsed.value, now));
        return ok({ changed: 0 });
      }
      // Every write of the submit, issued together with the commit (one round trip on
      // PostgreSQL, see Bulk.finish).
      const writes: Prisma.Sql[] = [];
      const existing = mineOf(marks, input.judgeId, criteria);
      const changes = new Map<number, number | null>(); // Mark id → its new value, null: deleted
      const added: StoredMark[] = [];
      const audit: AuditEntry[] = [];
      for (const c of criteria) {
        const before = existing.get(c.id) ?? null;
        const value = parsed.value.get(c.id) ?? null;
        if ((before?.value ?? null) === value) continue;
        // A measurement has one row per entry: whoever recorded it last owns the row.
        if (value === null) {
          writes.push(Prisma.sql`DELETE FROM "Mark" WHERE "id" = ${before!.id}`);
          changes.set(before!.id, null);
        } else if (before) {
          writes.push(
            Prisma.sql`UPDATE "Mark" SET "value" = ${value}, "judgeId" = ${input.judgeId}, "version" = "version" + 1, "updatedAt" = ${now} WHERE "id" = ${before.id}`,
          );
          changes.set(before.id, value);
        } else {
          writes.push(
            Prisma.sql`INSERT INTO "Mark" ("registrationId", "criterionId", "judgeId", "value", "version", "updatedAt")
            VALUES (${entry.id}, ${c.id}, ${input.judgeId}, ${value}, 1, ${now})`,
          );
          added.push({
            registrationId: entry.id,
            criterionId: c.id,
            judgeId: input.judgeId,
            value,
          });
        }
        audit.push(
          markAuditEntry(
            entry.id,
            input.judgeId,
            "mark.save",
            "submit",
            c,
            plan.judgeNo,
            before?.value ?? null,
            value,
          ),
        );
      }
      // The entry's marks as these statements leave them, for its new Result.
      const marksAfter: StoredMark[] = [
        ...marks.flatMap((m) => {
          if (!changes.has(m.id)) return [m];
          const value = changes.get(m.id) ?? null;
          return value === null ? [] : [{ ...m, value, judgeId: input.judgeId }];
        }),
        ...added,
      ];
      const changed = audit.length;

      for (const part of plan.parts) {
        const sheet = sheets.find((s) => s.partId === part.id);
        writes.push(
          sheet
            ? Prisma.sql`UPDATE "ScoreSheet" SET "version" = ${sheet.version + 1}, "status" = 'submitted',
            "draft" = NULL, "submittedAt" = ${now}, "updatedAt" = ${now} WHERE "id" = ${sheet.id}`
            : Prisma.sql`INSERT INTO "ScoreSheet" ("registrationId", "partId", "judgeId", "status", "version", "submittedAt", "updatedAt")
            VALUES (${entry.id}, ${part.id}, ${input.judgeId}, 'submitted', 1, ${now}, ${now})`,
        );
      }
      if (changed > 0) {
        if (scoring.event.status === "open") {
          writes.push(
            Prisma.sql`UPDATE "Event" SET "status" = 'scoring' WHERE "id" = ${scoring.event.id}`,
          );
          startedScoring = true;
          audit.push(startScoringAudit(scoring.event.id, input.judgeId));
        }
        writes.push(...entryResultSql(scoring, entry, marksAfter, resultBefore, freezeAt, now));
        if (recheck) {
          const reopen = reopenRecheckSql(recheck, entry.id, input.judgeId);
          writes.push(reopen.statement);
          audit.push(reopen.audit);
        }
      }
      // The audit rows in the order their changes were made, in one statement.
      writes.push(...auditInsertSql(audit, now));
      await sql.finish(writes);
      return ok({ changed });
    },
    { event: input.eventId },
  );
  if (result.ok && result.value.changed > 0) publishResultsChanged(input.eventId);
  // The event's status is part of its scoring definition, which sheets read through a cache.
  if (result.ok && startedScoring) publishScoringChanged(input.eventId);
  return result;
}

/**
 * Keeps a judge's unsubmitted values on their own sheets (one per part, holding that part's
 * criteria) and moves each sheet's version on, so other tabs see the change. A sheet
 * already submitted stays submitted: its marks count until the judge submits again.
 */
function draftSql(
  registrationId: number,
  judgeId: number,
  parts: { id: number; criteria: { id: number }[] }[],
  sheets: { id: number; partId: number; version: number }[],
  values: Map<number, number | null>,
  now: Date,
): Prisma.Sql[] {
  return parts.map((part) => {
    const draft = JSON.stringify(
      Object.fromEntries(part.criteria.map((c) => [String(c.id), values.get(c.id) ?? null])),
    );
    const sheet = sheets.find((s) => s.partId === part.id);
    return sheet
      ? Prisma.sql`UPDATE "ScoreSheet" SET "version" = ${sheet.version + 1}, "draft" = ${draft}, "updatedAt" = ${now} WHERE "id" = ${sheet.id}`
      : Prisma.sql`INSERT INTO "ScoreSheet" ("registrationId", "partId", "judgeId", "status", "version", "draft", "updatedAt")
        VALUES (${registrationId}, ${part.id}, ${judgeId}, 'draft', 1, ${draft}, ${now})`;
  });
}

/** Every panel judge's marks on an entry, for the chief judge (names shown: the chief knows the panel). */
export async function loadReviewGrid(eventId: number, registrationId: number) {
  const scoring = await loadEventScoring(prisma, eventId);
  const entry = await loadJudgedEntrySql(readSql(), eventId, registrationId);
  if (!scoring || !entry) return null;
  const panel = panelOf(scoring, entry);
  const marks = await prisma.mark.findMany({
    where: { registrationId },
    select: { criterionId: true, judgeId: true, value: true },
  });
  const parts = scoring.definition.parts.map((part) => {
    const row = scoring.event.parts.find((p) => String(p.id) === part.id)!;
    return {
      id: row.id,
      name: row.name,
      criteria: part.scheme.criteria.map((c) => {
        const source = row.criteria.find((r) => String(r.id) === c.id)!;
        const rule = resolveAggregation(
          c,
          part.scheme.aggregation,
          scoring.definition.defaultAggregation,
        );
        const cells =
          c.type === "measurement"
            ? [
                {
                  judgeId: 0,
                  judgeNo: 0,
                  value: marks.find((m) => m.criterionId === source.id)?.value ?? null,
                },
              ]
            : panel.map((j, i) => ({
                judgeId: j.userId,
                judgeNo: i + 1,
                value:
                  marks.find((m) => m.criterionId === source.id && m.judgeId === j.userId)?.value ??
                  null,
              }));
        return {
          id: source.id,
          code: source.code,
          name: source.name,
          type: source.type,
          maxMark: source.maxMark,
          rule,
          cells,
        };
      }),
    };
  });
  return {
    event: { id: scoring.event.id, name: scoring.event.name, status: scoring.event.status },
    blindCode: entry.blindCode!,
    panel: panel.map((j, i) => ({ judgeNo: i + 1, name: j.displayName })),
    parts,
  };
}

/**
 * The marks a set of typed cells would change on an entry (cells keyed
 * "<criterionId>:<judgeId>", judgeId 0 for a measurement; cells left out are unchanged), or
 * the cells' errors. A measurement keeps the judge who recorded it, else its recorder.
 */
function correctionChanges(
  scoring: EventScoring,
  entry: Entry,
  marks: { criterionId: number; judgeId: number; value: number }[],
  cells: Record<string, string | undefined>,
  fallbackJudgeId: number,
): Outcome<MarkChange[], KeyedProblem> {
  const panel = panelOf(scoring, entry);
  const recorder = recorderOf(scoring, entry);
  const problems: KeyedProblem[] = [];
  const changes: MarkChange[] = [];
  for (const part of scoring.definition.parts) {
    for (const c of part.scheme.criteria) {
      const criterionId = Number(c.id);
      const rule = resolveAggregation(
        c,
        part.scheme.aggregation,
        scoring.definition.defaultAggregation,
      );
      const slots =
        c.type === "measurement"
          ? [{ key: `${criterionId}:0`, judgeId: null as number | null, judgeNo: 0 }]
          : panel.map((j, i) => ({
              key: `${criterionId}:${j.userId}`,
              judgeId: j.userId as number | null,
              judgeNo: i + 1,
            }));
      for (const slot of slots) {
        if (!(slot.key in cells)) continue;
        const parsed = parseMark({ id: criterionId, maxMark: c.maxMark, rule }, cells[slot.key]);
        if (!parsed.ok) {
          problems.push({ code: parsed.problems[0]!, params: {}, field: slot.key });
          continue;
        }
        const existing =
          slot.judgeId === null
            ? marks.find((m) => m.criterionId === criterionId)
            : marks.find((m) => m.criterionId === criterionId && m.judgeId === slot.judgeId);
        if ((existing?.value ?? null) === parsed.value) continue;
        const judgeId = slot.judgeId ?? existing?.judgeId ?? recorder?.userId ?? fallbackJudgeId;
        changes.push({
          criterionId,
          code: c.code,
          rule,
          judgeId,
          judgeNo: slot.judgeNo,
          before: existing?.value ?? null,
          after: parsed.value,
        });
      }
    }
  }
  return failIfAny(problems) ?? ok(changes);
}

export type CorrectionInput = {
  eventId: number;
  registrationId: number;
  chiefId: number;
  /** Typed values keyed "<criterionId>:<judgeId>" (judgeId 0 for a measurement). */
  cells: Record<string, string | undefined>;
  reason: string;
};

/**
 * How many marks changed, or why not: "judging.review.not_found", "judging.review.closed",
 * "judging.review.reason_required", or each cell's problem with its key as the field.
 */
export type CorrectionResult = Outcome<{ changed: number }, KeyedProblem>;

/**
 * Writes corrections of an entry's marks by someone other than its judges (the chief judge,
 * or a recheck): each changed mark is audited with the reason, the affected judges' sheet
 * versions move on so their open forms cannot overwrite the correction, and the entry's
 * Result follows (the whole event's ranks when they are stored). A reason is required when
 * anything changes. Runs inside the caller's write.
 */
export async function correctMarksInTx(
  tx: Tx,
  input: {
    eventId: number;
    registrationId: number;
    actorId: number;
    cells: Record<string, string | undefined>;
    reason: string;
    action: "mark.correct" | "mark.recheck";
  },
): Promise<CorrectionResult> {
  const scoring = await loadEventScoring(tx, input.eventId);
  const entry = await loadJudgedEntrySql(txSql(tx), input.eventId, input.registrationId);
  if (!scoring || !entry) return refuse("judging.review.not_found");
  const marks = await tx.mark.findMany({
    where: { registrationId: entry.id },
    select: { id: true, criterionId: true, judgeId: true, value: true },
  });
  const found = correctionChanges(scoring, entry, marks, input.cells, input.actorId);
  if (!found.ok) return found;
  const changes = found.value;
  if (changes.length === 0) return ok({ changed: 0 });
  const reason = input.reason.trim();
  if (reason.length === 0) return refuse("judging.review.reason_required");
  await applyMarks(tx, entry.id, changes, input.actorId, input.action, reason);
  const touchedJudges = [...new Set(changes.map((c) => c.judgeId))];
  await tx.scoreSheet.updateMany({
    where: { registrationId: entry.id, judgeId: { in: touchedJudges } },
    data: { version: { increment: 1 } },
  });
  await dropCorrectedFromDrafts(tx, entry.id, changes);
  await startScoring(tx, scoring, input.actorId);
  await refreshEntryResult(tx, entry.id, input.actorId);
  return ok({ changed: changes.length });
}

/**
 * The chief judge changes marks on an entry: to resolve a disagreement while marking is
 * open, or after locking only while an appeal on this entry is under review. A done recheck
 * of the entry no longer vouches for the changed marks, so it is reopened while marking is
 * open.
 */
export async function correctMarks(input: CorrectionInput): Promise<CorrectionResult> {
  const result = await write(async (tx): Promise<CorrectionResult> => {
    if (input.reason.trim().length === 0) return refuse("judging.review.reason_required");
    const scoring = await loadEventScoring(tx, input.eventId);
    const entry = await loadJudgedEntrySql(txSql(tx), input.eventId, input.registrationId);
    if (!scoring || !entry) return refuse("judging.review.not_found");
    // Only the judge presiding over this entry corrects it: a chief recused from it does not.
    if (presiderOf(scoring, entry)?.userId !== input.chiefId)
      return refuse("judging.review.not_found");
    const open = marksOpen(scoring.event.status);
    if (!open) {
      const reviewing = await tx.appeal.count({
        where: { registrationId: entry.id, status: "reviewing" },
      });
      if (reviewing === 0) return refuse("judging.review.closed");
    }
    const outcome = await correctMarksInTx(tx, {
      eventId: input.eventId,
      registrationId: entry.id,
      actorId: input.chiefId,
      cells: input.cells,
      reason: input.reason,
      action: "mark.correct",
    });
    if (outcome.ok && outcome.value.changed > 0 && open)
      await reopenRecheck(tx, entry.id, input.chiefId);
    return outcome;
  });
  if (result.ok && result.value.changed > 0) publishResultsChanged(input.eventId);
  return result;
}

/**
 * A correction wins over a judge's pending draft of the same mark: the corrected criteria
 * leave their drafts, so the judge reloads to the corrected value rather than resubmitting
 * the old one.
 */
async function dropCorrectedFromDrafts(tx: Tx, registrationId: number, changes: MarkChange[]) {
  if (changes.length === 0) return;
  const corrected = new Set(changes.map((c) => c.criterionId));
  const sheets = await tx.scoreSheet.findMany({
    where: { registrationId, draft: { not: null } },
    select: { id: true, draft: true },
  });
  for (const sheet of sheets) {
    const draft = parseDraft(sheet.draft);
    if (![...draft.keys()].some((id) => corrected.has(id))) continue;
    for (const id of corrected) draft.delete(id);
    await tx.scoreSheet.update({
      where: { id: sheet.id },
      data: {
        draft: draft.size === 0 ? null : JSON.stringify(Object.fromEntries(draft)),
      },
    });
  }
}

async function reopenRecheck(tx: Tx, registrationId: number, actorId: number) {
  const done = await tx.recheck.findFirst({ where: { registrationId, status: "done" } });
  if (!done) return;
  await tx.recheck.update({ where: { id: done.id }, data: { status: "assigned", doneAt: null } });
  await appendAudit(tx, recheckReopenAudit(registrationId, actorId, done.id));
}

/** Mark history of one entry (append-only audit), newest last, with who wrote each change. */
export async function markAudit(scope: OrganiserScope, registrationId: number) {
  const inScope = await prisma.registration.count({
    where: { id: registrationId, event: eventsIn(scope) },
  });
  if (inScope === 0) return [];
  return auditTrail(
    "Registration",
    [registrationId],
    [
      "mark.save",
      "mark.correct",
      "mark.recheck",
      "recheck.select",
      "recheck.assign",
      "recheck.done",
      "recheck.reopen",
      "appeal.lodge",
      "appeal.review",
      "appeal.decide",
    ],
  );
}

/** The judged entries of an event with their names, for the organiser's audit page. */
export async function auditEntries(scope: OrganiserScope, eventId: number) {
  const event = await prisma.event.findFirst({
    where: { id: eventId, ...eventsIn(scope) },
    select: { id: true, name: true },
  });
  if (!event) return null;
  const rows = await prisma.registration.findMany({
    where: judgedEntriesOf(eventId),
    orderBy: { id: "asc" },
    select: {
      id: true,
      blindCode: true,
      entryNumber: true,
      worker: { select: { name: true } },
      team: { select: { name: true } },
      organisation: { select: { name: true } },
    },
  });
  return {
    event,
    entries: rows.map((e) => ({
      id: e.id,
      blindCode: e.blindCode,
      entryNumber: e.entryNumber,
      name: e.worker?.name ?? e.team?.name ?? "",
      organisation: e.organisation.name,
    })),
  };
}
