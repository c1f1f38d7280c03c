import type { ReactNode } from "react";
import { StatusBadge } from "~/components/status-badge";
import { StatusCard } from "~/components/status-card";
import { noticeLastInstant } from "~/domain/honours";
import { codeLabel, formatDate, useLocale, useT } from "~/i18n";

type RoundFacts = NoticeDates & {
  name: string;
  status: string;
  year: number;
  level: string;
  kind: string;
  conferringBody: string;
  deadline: string | Date;
};

type NoticeDates = { noticeStartsAt: string | Date | null; noticeEndsAt: string | Date | null };

/** "Public notice from … to …" (both ends included), or null before the round goes on notice. */
export function useNoticePeriod(): (round: NoticeDates) => string | null {
  const t = useT();
  const locale = useLocale();
  return (round) =>
    round.noticeStartsAt && round.noticeEndsAt
      ? t("honours.round.notice", {
          from: formatDate(locale, round.noticeStartsAt),
          to: formatDate(locale, noticeLastInstant(new Date(round.noticeEndsAt))),
        })
      : null;
}

/** What a round confers: year, level, kind and the conferring body, in one line. */
export function RoundMeta({
  round,
}: {
  round: { year: number; level: string; kind: string; conferringBody: string };
}) {
  const t = useT();
  return t("honours.round.meta", {
    year: round.year,
    level: codeLabel(t, "rules.honour_level", round.level),
    kind: codeLabel(t, "rules.honour_kind", round.kind),
    body: round.conferringBody,
  });
}

/** A round in a list of rounds: its state, its name linking to `href`, and what the list adds. */
export function RoundCard({
  href,
  round,
  children,
}: {
  href: string;
  round: { name: string; status: string };
  children?: ReactNode;
}) {
  return (
    <li>
      <StatusCard item={round} statusPrefix="rules.round_state" to={href}>
        {children}
      </StatusCard>
    </li>
  );
}

/** An honours round's title, state, what it confers, its deadline and public-notice period. */
export function RoundHeader({
  titleId,
  eyebrow,
  round,
}: {
  titleId: string;
  eyebrow: ReactNode;
  round: RoundFacts;
}) {
  const t = useT();
  const locale = useLocale();
  const notice = useNoticePeriod()(round);
  return (
    <>
      <p className="eyebrow">{eyebrow}</p>
      <h1 id={titleId}>{round.name}</h1>
      <p>
        <StatusBadge status={round.status} prefix="rules.round_state" />{" "}
        <span className="muted">
          <RoundMeta round={round} />
        </span>
      </p>
      <p className="muted small">
        {t("honours.round.deadline", { date: formatDate(locale, round.deadline) })}
        {notice ? ` · ${notice}` : ""}
      </p>
    </>
  );
}
