// Certificates for honour awards and contest prizes. A serial is issued once, inside the
// write that creates the award (or issues the prize), and is what the QR code verifies.
import { prisma, write, type Tx } from "~/db.server";
import {
  formatCertificateSerial,
  nextCertificateSeq,
  serialCodeFor,
  verifySerialFormat,
  type HonourKind,
} from "~/domain/honours";
import { appendAudit } from "~/models/audit.server";
import type { Actor, Organiser } from "~/domain/roles";
import { covers, type OrganiserScope } from "~/domain/organisation";
import { eventsIn, roundsIn } from "~/models/scope.server";
import { translate, codeLabel, keyedProblem, makeT } from "~/i18n";
import { fail, ok, refuse, type KeyedProblem, type Outcome } from "~/utils/outcome";

async function nextSerial(tx: Tx, year: number, code: string): Promise<string> {
  const issued = await tx.certificate.findMany({
    where: { serial: { startsWith: `${year}-${code}-` } },
    select: { serial: true },
  });
  return formatCertificateSerial(
    year,
    code,
    nextCertificateSeq(
      issued.map((c) => c.serial),
      year,
      code,
    ),
  );
}

/** Certificates are Chinese documents whatever language the organiser's screen is in. */
function honourTitle(award: { kind: string; level: string; year: number }): string {
  return translate("zh", "honours.certificate.title.honour", {
    year: award.year,
    level: codeLabel(makeT("zh"), "rules.honour_level", award.level),
    kind: codeLabel(makeT("zh"), "rules.honour_kind", award.kind),
  });
}

export async function issueHonourCertificate(
  tx: Tx,
  award: { id: number; kind: string; level: string; year: number; recipientName: string },
  now: Date,
) {
  const serial = await nextSerial(
    tx,
    award.year,
    serialCodeFor("honour", award.kind as HonourKind),
  );
  return tx.certificate.create({
    data: {
      serial,
      kind: "honour",
      awardId: award.id,
      recipientName: award.recipientName,
      title: honourTitle(award),
      issuedAt: now,
    },
  });
}

export type VerifiedCertificate = {
  serial: string;
  /** A revoked certificate is still shown, as revoked: the page says so beside its facts. */
  revoked: boolean;
  recipientName: string;
  title: string;
  issuedAt: Date;
  revokedAt: Date | null;
  issuer: string | null;
  organisationName: string | null;
};

/**
 * What the public verification page may show: enough to tell a genuine certificate, nothing
 * private. A serial that is not one (its format or check character is wrong) or that was not
 * issued here is a problem the page shows in place of the certificate.
 */
export async function verifyCertificate(
  input: string,
): Promise<Outcome<VerifiedCertificate, KeyedProblem>> {
  const format = verifySerialFormat(input);
  if (!format.ok) return fail(...format.problems.map((p) => keyedProblem("rules", p)));
  const serial = input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  const certificate = await prisma.certificate.findUnique({
    where: { serial },
    include: {
      award: { select: { conferringBody: true, organisation: { select: { name: true } } } },
    },
  });
  if (!certificate) return refuse("honours.verify.unknown", { serial });
  return ok({
    serial,
    revoked: certificate.revokedAt !== null,
    recipientName: certificate.recipientName,
    title: certificate.title,
    issuedAt: certificate.issuedAt,
    revokedAt: certificate.revokedAt,
    issuer: certificate.award?.conferringBody ?? null,
    organisationName: certificate.award?.organisation?.name ?? null,
  });
}

export type CertificateDocument = {
  serial: string;
  kind: string;
  recipientName: string;
  organisationName: string | null;
  title: string;
  citation: string | null;
  issuer: string;
  issuedAt: Date;
  revoked: boolean;
  /** Who may download it: the organiser, the unit's manager, the person themself. */
  organisationId: number | null;
  workerId: number | null;
  /** For a team's prize: every member (and substitute) may download it too. */
  teamWorkerIds?: readonly number[];
  /** The recipient organisation's tree path and those of the unions that issued it (for scope) */
  organisationPath: string | null;
  issuerPaths: string[];
};

const documentInclude = {
  award: {
    select: {
      conferringBody: true,
      citation: true,
      workerId: true,
      organisationId: true,
      organisation: { select: { name: true, path: true } },
      nomination: { select: { round: { select: { organiser: { select: { path: true } } } } } },
    },
  },
} as const;

type CertificateWithAward = Awaited<
  ReturnType<typeof prisma.certificate.findMany<{ include: typeof documentInclude }>>
>[number];

async function toDocuments(rows: CertificateWithAward[]): Promise<CertificateDocument[]> {
  const registrationIds = rows
    .map((r) => r.registrationId)
    .filter((id): id is number => id !== null);
  const registrations = await prisma.registration.findMany({
    where: { id: { in: registrationIds } },
    select: {
      id: true,
      workerId: true,
      organisationId: true,
      organisation: { select: { name: true, path: true } },
      team: { select: { members: { select: { workerId: true } } } },
      event: {
        select: {
          contest: {
            select: {
              organiser: { select: { name: true, path: true } },
              coOrganisers: { select: { organisation: { select: { path: true } } } },
            },
          },
        },
      },
    },
  });
  const byId = new Map(registrations.map((r) => [r.id, r]));
  return rows.map((row) => {
    const registration = row.registrationId === null ? undefined : byId.get(row.registrationId);
    return {
      serial: row.serial,
      kind: row.kind,
      recipientName: row.recipientName,
      organisationName: row.award?.organisation?.name ?? registration?.organisation.name ?? null,
      title: row.title,
      citation: row.award?.citation ?? null,
      issuer: row.award?.conferringBody ?? registration?.event.contest.organiser.name ?? "",
      issuedAt: row.issuedAt,
      revoked: row.revokedAt !== null,
      organisationId: row.award?.organisationId ?? registration?.organisationId ?? null,
      workerId: row.award?.workerId ?? registration?.workerId ?? null,
      teamWorkerIds: registration?.team?.members.map((m) => m.workerId) ?? [],
      organisationPath: row.award?.organisation?.path ?? registration?.organisation.path ?? null,
      issuerPaths: [
        ...(row.award?.nomination ? [row.award.nomination.round.organiser.path] : []),
        ...(registration
          ? [
              registration.event.contest.organiser.path,
              ...registration.event.contest.coOrganisers.map((c) => c.organisation.path),
            ]
          : []),
      ],
    };
  });
}

export async function getCertificateDocument(serial: string): Promise<CertificateDocument | null> {
  const row = await prisma.certificate.findUnique({
    where: { serial: serial.toUpperCase() },
    include: documentInclude,
  });
  if (!row) return null;
  const [doc] = await toDocuments([row]);
  return doc ?? null;
}

export function mayDownloadCertificate(
  doc: CertificateDocument,
  actor: Actor & { workerId: number | null; scope: OrganiserScope | null },
): boolean {
  // An organiser: the recipient is in their subtree, or their union issued it.
  if (actor.scope)
    return [doc.organisationPath, ...doc.issuerPaths].some(
      (path) => path !== null && covers(actor.scope!, path),
    );
  if (actor.role === "org_manager")
    return doc.organisationId !== null && doc.organisationId === actor.organisationId;
  if (actor.role === "worker")
    return (
      actor.workerId !== null &&
      (doc.workerId === actor.workerId || (doc.teamWorkerIds ?? []).includes(actor.workerId))
    );
  return false;
}

/** Whose certificates a list shows: one worker's (their own and their teams'), or a unit's. */
export type CertificateOwner = { workerId: number } | { organisationId: number };

/**
 * Certificates a worker earned or a unit's people earned: honours awarded to them and prizes
 * of their entries (a team's prize belongs to every member). Revoked ones are listed as such
 * so a worker is not left wondering where one went.
 */
export async function listCertificates(owner: CertificateOwner) {
  // Prize certificates name a registration; only entries with a prize can have one.
  const prized = await prisma.result.findMany({
    where: {
      prize: { not: null },
      registration:
        "workerId" in owner
          ? {
              OR: [
                { workerId: owner.workerId },
                { team: { members: { some: { workerId: owner.workerId } } } },
              ],
            }
          : { organisationId: owner.organisationId },
    },
    select: {
      registrationId: true,
      event: { select: { name: true, contest: { select: { name: true } } } },
    },
  });
  const eventOf = new Map(prized.map((p) => [p.registrationId, p.event]));
  const rows = await prisma.certificate.findMany({
    where: {
      OR: [
        {
          award:
            "workerId" in owner
              ? { workerId: owner.workerId }
              : { organisationId: owner.organisationId },
        },
        { kind: "prize", registrationId: { in: [...eventOf.keys()] } },
      ],
    },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: {
      serial: true,
      kind: true,
      title: true,
      recipientName: true,
      issuedAt: true,
      revokedAt: true,
      registrationId: true,
      award: { select: { kind: true, level: true, year: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    event: r.registrationId === null ? null : (eventOf.get(r.registrationId) ?? null),
  }));
}

/** Serial of each entry's prize certificate, for the receipts that link to it. */
export async function prizeCertificateSerials(
  registrationIds: readonly number[],
): Promise<Record<number, string>> {
  if (registrationIds.length === 0) return {};
  const rows = await prisma.certificate.findMany({
    where: { kind: "prize", registrationId: { in: [...registrationIds] }, revokedAt: null },
    select: { serial: true, registrationId: true },
  });
  return Object.fromEntries(rows.map((r) => [r.registrationId, r.serial]));
}

export async function listRoundCertificateDocuments(scope: OrganiserScope, roundId: number) {
  const round = await prisma.nominationRound.findFirst({
    where: { id: roundId, ...roundsIn(scope) },
    select: { id: true, name: true },
  });
  if (!round) return null;
  const rows = await prisma.certificate.findMany({
    where: { award: { nomination: { roundId } }, revokedAt: null },
    include: documentInclude,
    orderBy: { serial: "asc" },
  });
  return { name: round.name, documents: await toDocuments(rows) };
}

export async function listEventCertificateDocuments(scope: OrganiserScope, eventId: number) {
  const event = await prisma.event.findFirst({
    where: { id: eventId, ...eventsIn(scope) },
    select: { id: true, name: true },
  });
  if (!event) return null;
  const results = await prisma.result.findMany({
    where: { eventId },
    select: { registrationId: true },
  });
  const rows = await prisma.certificate.findMany({
    where: {
      kind: "prize",
      registrationId: { in: results.map((r) => r.registrationId) },
      revokedAt: null,
    },
    include: documentInclude,
    orderBy: { serial: "asc" },
  });
  return { name: event.name, documents: await toDocuments(rows) };
}

/** Events with prize results, for the organiser's certificate page. */
export async function listPrizeEvents(scope: OrganiserScope) {
  const events = await prisma.event.findMany({
    where: { results: { some: { prize: { not: null } } }, ...eventsIn(scope) },
    select: { id: true, name: true, status: true, contest: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const issued = await prisma.result.findMany({
    where: { eventId: { in: events.map((e) => e.id) }, prize: { not: null } },
    select: { eventId: true, registrationId: true },
  });
  const certs = await prisma.certificate.findMany({
    where: { kind: "prize", registrationId: { in: issued.map((r) => r.registrationId) } },
    select: { registrationId: true },
  });
  const withCert = new Set(certs.map((c) => c.registrationId));
  return events.map((e) => {
    const prizes = issued.filter((r) => r.eventId === e.id);
    return {
      ...e,
      prizes: prizes.length,
      certificates: prizes.filter((r) => withCert.has(r.registrationId)).length,
    };
  });
}

/**
 * Issues a certificate to every prize winner of an event that has none yet; the value is how
 * many. Only published results count: a prize still under notice or appeal may change. An
 * event outside the organiser's scope is refused alike, so the refusal tells nothing of it.
 */
export async function issuePrizeCertificates(
  actor: Organiser,
  eventId: number,
  now: Date = new Date(),
): Promise<Outcome<{ issued: number }, KeyedProblem>> {
  return write(async (tx) => {
    const event = await tx.event.findFirst({
      where: { id: eventId, ...eventsIn(actor.scope) },
      include: { contest: { select: { name: true } } },
    });
    if (!event || event.status !== "published") return refuse("honours.certificates.notPublished");
    const results = await tx.result.findMany({
      where: { eventId, prize: { not: null } },
      include: {
        registration: {
          select: { worker: { select: { name: true } }, team: { select: { name: true } } },
        },
      },
      orderBy: { rank: "asc" },
    });
    const existing = new Set(
      (
        await tx.certificate.findMany({
          where: { kind: "prize", registrationId: { in: results.map((r) => r.registrationId) } },
          select: { registrationId: true },
        })
      ).map((c) => c.registrationId),
    );
    const year = (event.publishedAt ?? now).getFullYear();
    let issued = 0;
    for (const result of results) {
      if (existing.has(result.registrationId) || !result.prize) continue;
      const recipientName =
        result.registration.worker?.name ?? result.registration.team?.name ?? "";
      const title = translate("zh", "honours.certificate.title.prize", {
        contest: event.contest.name,
        event: event.name,
        prize: codeLabel(makeT("zh"), "honours.prize", result.prize),
      });
      const certificate = await tx.certificate.create({
        data: {
          serial: await nextSerial(tx, year, serialCodeFor("prize")),
          kind: "prize",
          registrationId: result.registrationId,
          recipientName,
          title,
          issuedAt: now,
        },
      });
      await appendAudit(tx, {
        actorId: actor.id,
        action: "certificate.issue",
        entityType: "Certificate",
        entityId: certificate.id,
        after: {
          serial: certificate.serial,
          registrationId: result.registrationId,
          prize: result.prize,
        },
      });
      issued++;
    }
    return ok({ issued });
  });
}
