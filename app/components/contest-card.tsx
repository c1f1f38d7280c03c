import { Link } from "@remix-run/react";
import { formatDate, useLocale, useT, codeLabel, type T } from "~/i18n";
import { StatusBadge } from "~/components/status-badge";
import { publicPaths } from "~/utils/public-paths";
import { SentenceWithUserText, UserText } from "~/components/user-text";

type ContestSummary = {
  code: string;
  kind: string;
  name: string;
  status: string;
  registrationOpensAt: string | Date | null;
  registrationClosesAt: string | Date | null;
  startsAt: string | Date | null;
  endsAt: string | Date | null;
  organiser: { name: string };
  _count: { events: number; labourParticipants?: number; labourPeriods?: number; quizzes?: number };
};

/** What the contest has, by kind: labour competitions and quizzes have no events. */
function contestContents(t: T, contest: ContestSummary): string {
  const c = contest._count;
  if (contest.kind === "labour_competition")
    return t("home.contest.labour", {
      units: c.labourParticipants ?? 0,
      periods: c.labourPeriods ?? 0,
    });
  if (contest.kind === "knowledge_quiz") return t("home.contest.quiz", { count: c.quizzes ?? 0 });
  return t("home.contest.events", { count: c.events });
}

export function ContestCard({ contest }: { contest: ContestSummary }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className={`card contest-card contest-card--${contest.kind}`}>
      <p className="card__eyebrow">
        {codeLabel(t, "rules.contest_kind", contest.kind)}{" "}
        <StatusBadge status={contest.status} prefix="rules.contest_status" />
      </p>
      <h3 className="card__title">
        <Link to={publicPaths.contest(contest.code)}>
          <UserText text={contest.name} />
        </Link>
      </h3>
      <p className="card__meta">
        <SentenceWithUserText
          text={contest.organiser.name}
          sentence={(name) => t("home.organiser", { name })}
        />
      </p>
      {contest.startsAt ? (
        <p className="card__meta">
          {t("home.contest.dates", {
            from: formatDate(locale, contest.startsAt),
            to: formatDate(locale, contest.endsAt),
          })}
        </p>
      ) : null}
      {contest.registrationOpensAt ? (
        <p className="card__meta">
          {t("home.contest.window", {
            from: formatDate(locale, contest.registrationOpensAt),
            to: formatDate(locale, contest.registrationClosesAt),
          })}
        </p>
      ) : null}
      <p className="card__foot">{contestContents(t, contest)}</p>
    </article>
  );
}

/** The public list of contests, or a line saying there are none yet. */
export function ContestGrid({ contests }: { contests: (ContestSummary & { id: number })[] }) {
  const t = useT();
  if (contests.length === 0) return <p className="muted">{t("home.contests.empty")}</p>;
  return (
    <ul className="card-grid">
      {contests.map((contest) => (
        <li key={contest.id}>
          <ContestCard contest={contest} />
        </li>
      ))}
    </ul>
  );
}
