// Nomination rounds: 推荐 → 评审 → 公示 → 表彰. The rules live in app/domain/honours; this
// module gathers the facts they need, applies the result in one write() and records every
// change of state in the audit log with who made it and when.
import { prisma, write, type Tx } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Actor, Organiser } from "~/domain/roles";
import type { OrganiserScope } from "~/domain/organisation";
import {
  MIN_NOTICE_CALENDAR_DAYS,
  checkAttachments,
  checkChecklistForAcceptance,
  checkNominationSubmittable,
  checkNominationTransition,
  checkRoundAdvance,
  evaluateRoundRules,
  handleObjection,
  isHonourKind,
  lodgeObjection,
  objectionRateExceeded,
  objectionRateKeys,
  parseChecklist,
  parseRoundRules,
  recipientKindFor,
  rulesFromSettings,
  type AttachmentCandidate,
  type HonourKind,
  type NominationForRules,
  type NominationState,
  type NomineeAttribute,
  type NoticePeriod,
  type ObjectionOutcome,
  type ReviewChecklist,
  type RoundState,
  type RuleEvaluation,
} from "~/domain/honours";
import { appendAudit, auditTrail } from "~/models/audit.server";
import { issueHonourCertificate } from "~/models/certificate.server";
import { takeCount } from "~/models/rate-counter.server";
import { isOwnableUnion, roundsIn } from "~/models/scope.server";
import { fail, failIfAny, ok, type KeyedProblem, type Outcome as OutcomeOf } from "~/utils/outcome";
import { keyedProblem } from "~/i18n";

export type { Actor } from "~/domain/roles";

/** Done (with its value), or the problems that stopped it (rules.* for the shared domain rules, honours.problem.* for the round's own). */
type Outcome<T> = OutcomeOf<T, KeyedProblem>;

/** Thrown when a caller that is not the organiser reaches an organiser-only change; routes authorise first. */
export class NotAuthorisedError extends Error {
  constructor(message = "Only the organiser may do this") {
    super(message);
    this.name = "NotAuthorisedError";
  }
}

/** The organiser's scope; anyone else reaching an organiser's change is a programming error. */
function scopeOf(actor: Organiser): OrganiserScope {
  if (actor.role !== "admin" && actor.role !== "superadmin") throw new NotAuthorisedError();
  return actor.scope;
}

const rules = (problems: readonly { code: string; params: object }[]): KeyedProblem[] =>
  problems.map((p) => keyedProblem("rules", { code: p.code, params: { ...p.params } }));
const own = (code: string, params: KeyedProblem["params"] = {}): KeyedProblem =>
  keyedProblem("honours.problem", { code, params });

function attributesOf(n: { frontLine: boolean; manager: boolean }): NomineeAttribute[] {
  const attributes: NomineeAttribute[] = [];
  if (n.frontLine) attributes.push("front_line");
  if (n.manager) attributes.push("manager");
  return attributes;
}

type RuleRow = {
  id: number;
  organisationId: number;
  status: string;
  frontLine: boolean;
  manager: boolean;
  organisation: { name: string };
};

function forRules(rows: readonly RuleRow[]): NominationForRules[] {
  return rows.map((n) => ({
    id: String(n.id),
    organisationId: String(n.organisationId),
    organisationName: n.organisation.name,
    state: n.status as NominationState,
    attributes: attributesOf(n),
  }));
}

const ruleRowSelect = {
  id: true,
  organisationId: true,
  status: true,
  frontLine: true,
  manager: true,
  organisation: { select: { name: true } },
} as const;

// ───────────── opening a round ─────────────

export type NewRound = {
  /** The union that runs the round: one the organiser manages */
  organiserId: number;
  name: string;
  kind: HonourKind;
  level: string;
  year: number;
  conferringBody: string;
  quota: number;
  perOrgQuota: number | null;
  minFrontLinePercent: number | null;
  maxManagerPercent: number | null;
  deadline: Date;
};

/** A new round starts as a draft; opening it for nominations is its first recorded move. */
export async function createRound(actor: Organiser, input: NewRound) {
  if (!(await isOwnableUnion(scopeOf(actor), input.organiserId))) return null;
  const roundRules = rulesFromSettings(input);
  return write(async (tx) => {
    const round = await tx.nominationRound.create({
      data: {
        organiserId: input.organiserId,
        name: input.name,
        kind: input.kind,
        level: input.level,
        year: input.year,
        conferringBody: input.conferringBody,
        quota: input.quota,
        perOrgQuota: input.perOrgQuota,
        deadline: input.deadline,
        rules: JSON.stringify(roundRules),
        createdById: actor.id,
      },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "honour_round.create",
      entityType: "NominationRound",
      entityId: round.id,
      after: {
        status: round.status,
        kind: round.kind,
        level: round.level,
        year: round.year,
        rules: roundRules,
      },
    });
    return round;
  });
}

export type RoundListFilter = {
  /** Rounds whose public notice ends within the next `days` days */
  noticeEndingWithinDays?: number;
  /** Rounds with objections not handled yet */
  openObjections?: boolean;
  now?: Date;
};

export function listRounds(scope: OrganiserScope, filter: RoundListFilter = {}) {
  const now = filter.now ?? new Date();
  return prisma.nominationRound.findMany({
    where: {
      ...roundsIn(scope),
      ...(filter.noticeEndingWithinDays !== undefined
        ? {
            status: "public_notice",
            noticeEndsAt: {
              gte: now,
              lte: new Date(now.getTime() + filter.noticeEndingWithinDays * 86_400_000),
            },
          }
        : {}),
      ...(filter.openObjections
        ? { nominations: { some: { objections: { some: { status: "lodged" } } } } }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: {
      organiser: { select: { name: true } },
      _count: { select: { nominations: true } },
    },
  });
}

/** Rounds an organisation manager can take part in or follow; drafts are the organiser's alone. */
export async function listRoundsForOrganisation(organisationId: number) {
  const rounds = await prisma.nominationRound.findMany({
    where: { status: { notIn: ["draft", "cancelled"] } },
    orderBy: [{ deadline: "desc" }, { id: "desc" }],
  });
  const counts = await prisma.nomination.groupBy({
    by: ["roundId"],
    where: { organisationId, roundId: { in: rounds.map((r) => r.id) } },
    _count: { _all: true },
  });
  const byRound = new Map(counts.map((c) => [c.roundId, c._count._all]));
  return rounds.map((r) => ({ ...r, ownNominations: byRound.get(r.id) ?? 0 }));
}

// ───────────── reading a round ─────────────

async function evaluationsFor(
  roundId: number,
  rulesJson: string,
  acceptedOnly: boolean,
): Promise<RuleEvaluation[]> {
  const rows = await prisma.nomination.findMany({
    where: { roundId, ...(acceptedOnly ? { status: { in: ["accepted", "awarded"] } } : {}) },
    select: ruleRowSelect,
  });
  return evaluateRoundRules(parseRoundRules(rulesJson), forRules(rows));
}

/** Everything the organiser sees, objectors' contact details included. */
export async function getRoundForOrganiser(scope: OrganiserScope, roundId: number) {
  const round = await prisma.nominationRound.findFirst({
    where: { id: roundId, ...roundsIn(scope) },
    include: { organiser: { select: { name: true } } },
  });
  if (!round) return null;
  const nominations = await prisma.nomination.findMany({
    where: { roundId },
    orderBy: [{ organisationId: "asc" }, { id: "asc" }],
    include: {
      organisation: { select: { id: true, name: true } },
      worker: { select: { id: true, position: true, trade: true } },
      attachments: { select: { id: true, filename: true, size: true, mimeType: true } },
      objections: { orderBy: { id: "asc" } },
      award: { select: { id: true, certificates: { select: { serial: true } } } },
    },
  });
  const [evaluations, acceptedEvaluations, roundTrail, nominationTrail] = await Promise.all([
    evaluationsFor(roundId, round.rules, false),
    evaluationsFor(roundId, round.rules, true),
    auditTrail("NominationRound", [roundId]),
    auditTrail(
      "Nomination",
      nominations.map((n) => n.id),
    ),
  ]);
  return {
    round,
    nominations: nominations.map((n) => ({ ...n, checklist: parseChecklist(n.checklist) })),
    evaluations,
    acceptedEvaluations,
    trail: [...roundTrail, ...nominationTrail].sort((a, b) => a.id - b.id),
  };
}

/**
 * What an organisation manager sees: their own organisation's nominations only (others'
 * names stay private until the notice), and the round's quota and ratio figures, whose
 * per-organisation warnings are cut down to their own organisation.
 */
export async function getRoundForManager(roundId: number, organisationId: number) {
  const round = await prisma.nominationRound.findUnique({ where: { id: roundId } });
  if (!round || round.status === "draft" || round.status === "cancelled") return null;
  const [nominations, all, organisation] = await Promise.all([
    prisma.nomination.findMany({
      where: { roundId, organisationId },
      orderBy: { id: "asc" },
      include: { attachments: { select: { id: true, filename: true, size: true } } },
    }),
    prisma.nomination.findMany({ where: { roundId }, select: ruleRowSelect }),
    prisma.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }),
  ]);
  const ownName = organisation?.name ?? "";
  const evaluations = evaluateRoundRules(parseRoundRules(round.rules), forRules(all)).map((e) => ({
    ...e,
    problems: e.problems.filter(
      (p) => p.code !== "round_rule_max_per_organisation" || p.params.organisation === ownName,
    ),
  }));
  // Counts only, so the live preview can add a candidate without revealing who the others are.
  const counted = all.filter((n) => ["submitted", "accepted", "awarded"].includes(n.status));
  const tally = {
    total: counted.length,
    frontLine: counted.filter((n) => n.frontLine).length,
    manager: counted.filter((n) => n.manager).length,
    own: counted.filter((n) => n.organisationId === organisationId).length,
  };
  const recipientKind = isHonourKind(round.kind) ? recipientKindFor(round.kind) : "worker";
  const [workers, studios] = await Promise.all([
    recipientKind === "worker"
      ? prisma.worker.findMany({
          where: { organisationId },
          orderBy: { id: "asc" },
          select: {
            id: true,
            name: true,
            position: true,
            trade: true,
            frontLine: true,
            manager: true,
          },
        })
      : Promise.resolve([]),
    recipientKind === "studio"
      ? prisma.innovationStudio.findMany({
          where: { hostOrganisationId: organisationId },
          select: { id: true, name: true },
        })
      : Promise.resolve([]),
  ]);
  return {
    round,
    nominations,
    evaluations,
    tally,
    recipientKind,
    workers,
    studios,
    organisationName: ownName,
  };
}

// ───────────── nominating ─────────────

export type AttachmentUpload = AttachmentCandidate & { data: Uint8Array };

export type NewNomination = {
  workerId?: number | null;
  studioId?: number | null;
  collectiveName?: string | null;
  supportingText: string;
  attachments: AttachmentUpload[];
};

export async function createNomination(
  actor: Actor,
  roundId: number,
  input: NewNomination,
  now: Date = new Date(),
): Promise<Outcome<{ id: number }>> {
  if (actor.role !== "org_manager" || actor.organisationId === null)
    throw new NotAuthorisedError("Only organisation managers nominate");
  const organisationId = actor.organisationId;
  const problems: KeyedProblem[] = checkAttachments(input.attachments).map((p) =>
    own(p.code, p.params as KeyedProblem["params"]),
  );
  return write(async (tx) => {
    const round = await tx.nominationRound.findUnique({ where: { id: roundId } });
    if (!round) return fail(own("round_not_found"));
    const notOpen = checkNominationSubmittable(round.status as RoundState);
    if (notOpen) problems.push(...rules([notOpen]));
    else if (now.getTime() > round.deadline.getTime())
      problems.push(own("nomination_deadline_passed"));

    const kind = round.kind as HonourKind;
    let nominee: {
      nomineeName: string;
      workerId?: number;
      studioId?: number;
      nomineeOrganisationId?: number;
      frontLine: boolean;
      manager: boolean;
    } | null = null;
    const recipient = recipientKindFor(kind);
    if (recipient === "worker") {
      // Scoped by organisation: another unit's worker id is simply "not found".
      const worker = input.workerId
        ? await tx.worker.findFirst({ where: { id: input.workerId, organisationId } })
        : null;
      if (!worker) problems.push(own("nominee_required"));
      else
        nominee = {
          nomineeName: worker.name,
          workerId: worker.id,
          frontLine: worker.frontLine,
          manager: worker.manager,
        };
    } else if (recipient === "studio") {
      const studio = input.studioId
        ? await tx.innovationStudio.findFirst({
            where: { id: input.studioId, hostOrganisationId: organisationId },
          })
        : null;
      if (!studio) problems.push(own("nominee_required"));
      else
        nominee = {
          nomineeName: studio.name,
          studioId: studio.id,
          frontLine: false,
          manager: false,
        };
    } else {
      const org = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId } });
      const name = input.collectiveName?.trim() || org.name;
      nominee = {
        nomineeName: name,
        nomineeOrganisationId: organisationId,
        frontLine: false,
        manager: false,
      };
    }
    if (nominee) {
      const duplicate = await tx.nomination.findFirst({
        where: {
          roundId,
          status: { notIn: ["withdrawn", "rejected"] },
          ...(nominee.workerId
            ? { workerId: nominee.workerId }
            : nominee.studioId
              ? { studioId: nominee.studioId }
              : { nomineeName: nominee.nomineeName, organisationId }),
        },
      });
      if (duplicate) problems.push(own("nomination_duplicate", { name: nominee.nomineeName }));
    }
    if (problems.length > 0 || !nominee) return fail(...problems);

    const nomination = await tx.nomination.create({
      data: {
        roundId,
        organisationId,
        workerId: nominee.workerId ?? null,
        studioId: nominee.studioId ?? null,
        nomineeOrganisationId: nominee.nomineeOrganisationId ?? null,
        nomineeName: nominee.nomineeName,
        frontLine: nominee.frontLine,
        manager: nominee.manager,
        supportingText: input.supportingText,
        submittedById: actor.id,
        attachments: {
          create: input.attachments.map((a) => ({
            filename: a.filename,
            mimeType: a.mimeType,
            size: a.size,
            data: new Uint8Array(a.data),
          })),
        },
      },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "nomination.submit",
      entityType: "Nomination",
      entityId: nomination.id,
      after: {
        status: nomination.status,
        roundId,
        nominee: nomination.nomineeName,
        attachments: input.attachments.length,
      },
    });
    return ok({ id: nomination.id });
  });
}

/** An attachment for download: the organiser sees all, a manager only their own organisation's. */
export async function getAttachment(
  attachmentId: number,
  actor: Actor & { scope: OrganiserScope | null },
) {
  const attachment = await prisma.nominationAttachment.findUnique({
    where: { id: attachmentId },
    include: { nomination: { select: { organisationId: true, roundId: true } } },
  });
  if (!attachment) return null;
  if (actor.scope) {
    const inScope = await prisma.nominationRound.count({
      where: { id: attachment.nomination.roundId, ...roundsIn(actor.scope) },
    });
    return inScope > 0 ? attachment : null;
  }
  if (actor.role === "org_manager" && actor.organisationId === attachment.nomination.organisationId)
    return attachment;
  return null;
}

// ───────────── reviewing ─────────────

export async function reviewNomination(
  actor: Organiser,
  roundId: number,
  nominationId: number,
  input: { decision: "accepted" | "rejected"; checklist: ReviewChecklist; reason: string },
): Promise<Outcome<NominationState>> {
  const scope = scopeOf(actor);
  return write(async (tx) => {
    const nomination = await tx.nomination.findFirst({
      where: { id: nominationId, roundId, round: roundsIn(scope) },
      include: { round: true },
    });
    if (!nomination) return fail(own("nomination_not_found"));
    const from = nomination.status as NominationState;
    const checked = checkNominationTransition(from, input.decision, {
      roundState: nomination.round.status as RoundState,
      reason: input.reason,
    });
    const problems: KeyedProblem[] = checked.ok ? [] : rules(checked.problems);
    if (input.decision === "accepted") {
      const incomplete = checkChecklistForAcceptance(input.checklist);
      if (incomplete) problems.push(own(incomplete.code, incomplete.params));
    }
    const refusal = failIfAny(problems);
    if (refusal) return refusal;
    const reason = input.reason.trim() || null;
    await tx.nomination.update({
      where: { id: nominationId },
      data: { status: input.decision, checklist: JSON.stringify(input.checklist), reason },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: `nomination.${input.decision === "accepted" ? "accept" : "reject"}`,
      entityType: "Nomination",
      entityId: nominationId,
      before: { status: from },
      after: { status: input.decision, checklist: input.checklist },
      reason,
    });
    return ok(input.decision);
  });
}

/** Withdrawing an accepted nominee (e.g. after an upheld objection) needs a reason on the record. */
export async function withdrawNomination(
  actor: Organiser,
  roundId: number,
  nominationId: number,
  reason: string,
): Promise<Outcome<NominationState>> {
  const scope = scopeOf(actor);
  return write(async (tx) => {
    const nomination = await tx.nomination.findFirst({
      where: { id: nominationId, roundId, round: roundsIn(scope) },
      include: { round: true },
    });
    if (!nomination) return fail(own("nomination_not_found"));
    const from = nomination.status as NominationState;
    const checked = checkNominationTransition(from, "withdrawn", {
      roundState: nomination.round.status as RoundState,
      reason,
    });
    if (!checked.ok) return fail(...rules(checked.problems));
    await tx.nomination.update({
      where: { id: nominationId },
      data: { status: "withdrawn", reason: reason.trim() },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "nomination.withdraw",
      entityType: "Nomination",
      entityId: nominationId,
      before: { status: from },
      after: { status: "withdrawn" },
      reason: reason.trim(),
    });
    return ok<NominationState>("withdrawn");
  });
}

// ───────────── moving the round ─────────────

export type AdvanceInput = { reason?: string; notice?: NoticePeriod | null; now?: Date };

/**
 * Moves a round one step. The domain refuses skipped steps; the facts each step needs are
 * read inside the same transaction that writes the change, so they cannot go stale.
 */
export async function advanceRound(
  actor: Organiser,
  roundId: number,
  to: RoundState,
  input: AdvanceInput = {},
): Promise<Outcome<RoundState>> {
  const scope = scopeOf(actor);
  const now = input.now ?? new Date();
  return write(async (tx) => {
    const round = await tx.nominationRound.findFirst({
      where: { id: roundId, ...roundsIn(scope) },
    });
    if (!round) return fail(own("round_not_found"));
    const from = round.status as RoundState;
    const nominations = await tx.nomination.findMany({ where: { roundId }, select: ruleRowSelect });
    const accepted = nominations.filter((n) => n.status === "accepted");
    // Only objections against nominees who would be conferred hold the round up: one
    // against a nomination already withdrawn can change nothing.
    const openObjections = await tx.objection.count({
      where: { status: "lodged", nomination: { roundId, status: "accepted" } },
    });
    const notice =
      to === "public_notice"
        ? (input.notice ?? null)
        : round.noticeStartsAt && round.noticeEndsAt
          ? { startsAt: round.noticeStartsAt, endsAt: round.noticeEndsAt }
          : null;
    const checked = checkRoundAdvance(from, to, {
      nominationCount: nominations.length,
      pendingNominationCount: nominations.filter((n) => n.status === "submitted").length,
      acceptedNominationCount: accepted.length,
      ruleEvaluations: evaluateRoundRules(parseRoundRules(round.rules), forRules(accepted)),
      noticePeriod: notice,
      minNoticeDays: MIN_NOTICE_CALENDAR_DAYS,
      now,
      openObjectionCount: openObjections,
      reason: input.reason,
    });
    if (!checked.ok) return fail(...rules(checked.problems));

    const data: { status: RoundState; noticeStartsAt?: Date; noticeEndsAt?: Date } = { status: to };
    if (to === "public_notice" && notice) {
      data.noticeStartsAt = notice.startsAt;
      data.noticeEndsAt = notice.endsAt;
    }
    await tx.nominationRound.update({ where: { id: roundId }, data });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "honour_round.status",
      entityType: "NominationRound",
      entityId: roundId,
      before: { status: from },
      after: {
        status: to,
        ...(notice && to === "public_notice"
          ? { noticeStartsAt: notice.startsAt, noticeEndsAt: notice.endsAt }
          : {}),
      },
      reason: input.reason?.trim() || null,
    });
    if (to === "conferred") await conferAwards(tx, actor, round, now);
    return ok(to);
  });
}

type RoundRow = { id: number; kind: string; level: string; year: number; conferringBody: string };

/** Every accepted nominee becomes an award with a certificate, in the same transaction as the round's move. */
async function conferAwards(tx: Tx, actor: Actor, round: RoundRow, now: Date) {
  const kind = round.kind as HonourKind;
  const nominations = await tx.nomination.findMany({
    where: { roundId: round.id, status: "accepted" },
    include: { studio: { select: { hostOrganisationId: true } } },
    orderBy: { id: "asc" },
  });
  for (const n of nominations) {
    await tx.nomination.update({ where: { id: n.id }, data: { status: "awarded" } });
    const award = await tx.honourAward.create({
      data: {
        kind,
        level: round.level,
        year: round.year,
        conferringBody: round.conferringBody,
        citation: n.supportingText.slice(0, 300),
        recipientKind: recipientKindFor(kind),
        recipientName: n.nomineeName,
        workerId: n.workerId,
        organisationId: n.nomineeOrganisationId ?? n.studio?.hostOrganisationId ?? n.organisationId,
        studioId: n.studioId,
        nominationId: n.id,
      },
    });
    const certificate = await issueHonourCertificate(tx, award, now);
    await appendAudit(tx, {
      actorId: actor.id,
      action: "nomination.award",
      entityType: "Nomination",
      entityId: n.id,
      before: { status: "accepted" },
      after: { status: "awarded", awardId: award.id },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "honour.confer",
      entityType: "HonourAward",
      entityId: award.id,
      after: {
        kind,
        level: round.level,
        year: round.year,
        recipient: n.nomineeName,
        certificate: certificate.serial,
      },
    });
  }
}

// ───────────── public notice and objections ─────────────

/** Rounds whose shortlist has been published. */
const ON_NOTICE = {
  status: { in: ["public_notice", "conferred"] },
  noticeStartsAt: { not: null },
} satisfies Prisma.NominationRoundWhereInput;

/** What the public sees of a round on notice. */
const NOTICE_COLUMNS = {
  id: true,
  name: true,
  kind: true,
  level: true,
  year: true,
  status: true,
  noticeStartsAt: true,
  noticeEndsAt: true,
  conferringBody: true,
} satisfies Prisma.NominationRoundSelect;

/** Rounds whose shortlist is or was public, newest first. */
export function listPublicNotices() {
  return prisma.nominationRound.findMany({
    where: ON_NOTICE,
    orderBy: [{ noticeStartsAt: "desc" }, { id: "desc" }],
    select: NOTICE_COLUMNS,
  });
}

/** The shortlist as published: names, units and deeds; never objectors or their contacts. */
export async function getPublicNotice(roundId: number) {
  const round = await prisma.nominationRound.findFirst({
    where: { id: roundId, ...ON_NOTICE },
    select: NOTICE_COLUMNS,
  });
  if (!round) return null;
  const nominees = await prisma.nomination.findMany({
    where: { roundId, status: { in: ["accepted", "awarded"] } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      nomineeName: true,
      supportingText: true,
      organisation: { select: { name: true } },
      worker: { select: { position: true, trade: true } },
    },
  });
  return { round, nominees };
}

export async function lodgePublicObjection(
  roundId: number,
  input: { nominationId: number; text: string; contactName: string; contactPhone: string },
  options: { address: string | null; now?: Date } = { address: null },
): Promise<Outcome<{ id: number }>> {
  const now = options.now ?? new Date();
  return write(async (tx) => {
    // Counted first, in the same transaction, so a flood of parallel posts cannot all pass.
    const keys = objectionRateKeys(roundId, options.address, now);
    const counts = {
      address: keys.address ? await takeCount(tx, keys.address, keys.expiresAt) : null,
      notice: await takeCount(tx, keys.notice, keys.expiresAt),
    };
    if (objectionRateExceeded(counts)) return fail(own("objection_rate_limited"));
    const nomination = await tx.nomination.findFirst({
      where: {
        id: input.nominationId,
        roundId,
        status: "accepted",
        round: { status: "public_notice" },
      },
      include: { round: true },
    });
    if (!nomination?.round.noticeStartsAt || !nomination.round.noticeEndsAt)
      return fail(own("nomination_not_found"));
    const lodged = lodgeObjection({
      nominationId: String(nomination.id),
      content: input.text,
      notice: { startsAt: nomination.round.noticeStartsAt, endsAt: nomination.round.noticeEndsAt },
      now,
    });
    if (!lodged.ok) return fail(...rules(lodged.problems));
    const objection = await tx.objection.create({
      data: {
        nominationId: nomination.id,
        text: lodged.value.content,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        lodgedAt: now,
      },
    });
    // The log keeps the fact, not the objector's contact details.
    await appendAudit(tx, {
      actorId: null,
      action: "objection.lodge",
      entityType: "Nomination",
      entityId: nomination.id,
      after: { objectionId: objection.id, status: "lodged" },
    });
    return ok({ id: objection.id });
  });
}

/** At most this many objections are dismissed by one bulk action. */
export const MAX_BULK_DISMISSALS = 500;

/**
 * Dismisses many lodged objections at once with one note (spam, duplicates, abuse): each is
 * recorded and audited as if dismissed one by one. Upholding is never done in bulk: it is a
 * finding about one nominee. Ids that are not lodged objections of this round are skipped.
 */
export async function dismissObjections(
  actor: Organiser,
  roundId: number,
  objectionIds: readonly number[],
  note: string,
  now: Date = new Date(),
): Promise<Outcome<number>> {
  const scope = scopeOf(actor);
  const text = note.trim();
  if (!text) return fail(...rules([{ code: "objection_note_required", params: {} }]));
  const ids = [...new Set(objectionIds)].slice(0, MAX_BULK_DISMISSALS);
  return write(async (tx) => {
    const rows = await tx.objection.findMany({
      where: { id: { in: ids }, status: "lodged", nomination: { roundId, round: roundsIn(scope) } },
      select: { id: true, nominationId: true },
    });
    if (rows.length === 0) return fail(own("objection_not_found"));
    await tx.objection.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, status: "lodged" },
      data: {
        status: "handled",
        outcome: "dismissed",
        handlingNote: text,
        handledById: actor.id,
        handledAt: now,
      },
    });
    for (const row of rows)
      await appendAudit(tx, {
        actorId: actor.id,
        action: "objection.handle",
        entityType: "Nomination",
        entityId: row.nominationId,
        before: { objectionId: row.id, status: "lodged" },
        after: { objectionId: row.id, status: "handled", outcome: "dismissed", bulk: true },
        reason: text,
      });
    return ok(rows.length);
  });
}

export async function recordObjectionHandling(
  actor: Organiser,
  roundId: number,
  objectionId: number,
  input: { outcome: ObjectionOutcome; note: string },
  now: Date = new Date(),
): Promise<Outcome<ObjectionOutcome>> {
  const scope = scopeOf(actor);
  return write(async (tx) => {
    const row = await tx.objection.findFirst({
      where: { id: objectionId, nomination: { roundId, round: roundsIn(scope) } },
    });
    if (!row) return fail(own("objection_not_found"));
    const current =
      row.status === "handled"
        ? {
            state: "handled" as const,
            nominationId: String(row.nominationId),
            content: row.text,
            lodgedAt: row.lodgedAt,
            outcome: (row.outcome ?? "dismissed") as ObjectionOutcome,
            note: row.handlingNote ?? "",
            handledAt: row.handledAt ?? row.lodgedAt,
          }
        : {
            state: "lodged" as const,
            nominationId: String(row.nominationId),
            content: row.text,
            lodgedAt: row.lodgedAt,
          };
    const handled = handleObjection(current, { ...input, now });
    if (!handled.ok) return fail(...rules(handled.problems));
    await tx.objection.update({
      where: { id: objectionId },
      data: {
        status: "handled",
        outcome: input.outcome,
        handlingNote: input.note.trim(),
        handledById: actor.id,
        handledAt: now,
      },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "objection.handle",
      entityType: "Nomination",
      entityId: row.nominationId,
      before: { objectionId, status: "lodged" },
      after: { objectionId, status: "handled", outcome: input.outcome },
      reason: input.note.trim(),
    });
    return ok(input.outcome);
  });
}
