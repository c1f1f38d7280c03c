import { Form } from "@remix-run/react";
import { ProblemList } from "~/components/import-report";
import { SelectField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import type { EligibilityRules, TeamRules } from "~/domain/contest/events";
import { isSkillLevel } from "~/domain/contest/skill-levels";
import { checkEligibility } from "~/domain/registration/eligibility";
import { individualEntrySchema, teamEntrySchema } from "~/forms/registration";
import { useLocale, useT, keyOr } from "~/i18n";
import type { FieldErrors } from "~/utils/forms";
import { problemText } from "~/i18n/problem-text";

export type RosterEntry = {
  id: number;
  name: string;
  birthDate: string;
  gender: string;
  skillLevel: string | null;
  unionMember: boolean;
  trade: string | null;
};
type EventInfo = {
  id: number;
  name: string;
  eligibility: EligibilityRules;
  team: TeamRules | null;
  /** Workers of this unit already in the event: id → their team's name (null: alone). */
  entered: Record<number, string | null>;
  /** Sides a team enters on (模拟集体协商: 职工方、企业方); empty for none */
  sides?: string[];
};
type Problems =
  { code: string; params?: Record<string, unknown>; subject?: string }[] | null | undefined;

/** The same eligibility rules the server applies, run in the browser as the manager picks people. */
function eligibilityOf(worker: RosterEntry, event: EventInfo, contestDate: string) {
  return checkEligibility(
    {
      birthDate: worker.birthDate,
      gender: worker.gender === "female" ? "female" : "male",
      skillLevel:
        worker.skillLevel !== null && isSkillLevel(worker.skillLevel) ? worker.skillLevel : null,
      unionMember: worker.unionMember,
      tradeCode: worker.trade,
    },
    { eligibility: event.eligibility },
    contestDate,
  ).map((p) => ({ ...p, subject: worker.name }));
}

/**
 * Why a worker cannot be entered in the event, in the user's language: the eligibility rules
 * the server applies and an entry they already have. Empty when they can be entered.
 */
function useBlockers(event: EventInfo, contestDate: string) {
  const t = useT();
  const locale = useLocale();
  return (worker: RosterEntry): string[] => {
    const reasons = eligibilityOf(worker, event, contestDate).map((p) =>
      problemText(locale, { code: p.code, params: p.params }),
    );
    if (worker.id in event.entered) {
      const team = event.entered[worker.id];
      reasons.unshift(team ? t("entry.blocked.inTeam", { team }) : t("entry.blocked.entered"));
    }
    return reasons;
  };
}

/** Someone ticked both as a starting member and as a substitute. */
function bothLists(members: string[], substitutes: string[]): string[] {
  const subs = new Set(substitutes);
  return members.filter((id) => subs.has(id));
}

function Preview({ problems }: { problems: ReturnType<typeof eligibilityOf> }) {
  const t = useT();
  const locale = useLocale();
  if (problems.length === 0) return null;
  return (
    <div className="alert alert--info reg-preview" aria-live="polite">
      {t("reg.entry.eligibilityPreview")}
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{problemText(locale, p)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Both entry forms: the event, the roster to choose from, and the server's answer to the last try. */
type EntryFormProps = {
  event: EventInfo;
  contestDate: string;
  roster: RosterEntry[];
  errors?: FieldErrors | null;
  problems?: Problems;
};

export function IndividualEntryForm({
  event,
  contestDate,
  roster,
  errors,
  problems,
}: EntryFormProps) {
  const t = useT();
  const { form, onSubmit, field } = useZodForm(individualEntrySchema, {
    serverErrors: errors,
    defaultValues: { intent: "individual", eventId: event.id, workerId: "" } as never,
  });
  const chosen = roster.find((w) => String(w.id) === String(form.watch("workerId" as never)));
  const blockers = useBlockers(event, contestDate);
  const reasons = new Map(roster.map((w) => [w.id, blockers(w)]));
  const eligible = roster.filter((w) => reasons.get(w.id)?.length === 0).length;
  const blocked = chosen ? (reasons.get(chosen.id)?.length ?? 0) > 0 : false;
  return (
    <Form
      method="post"
      noValidate
      onSubmit={onSubmit}
      aria-label={`${event.name} ${t("reg.entry.registerIndividual")}`}
    >
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("eventId")} />
      <ProblemList title={t("reg.entry.refused")} problems={problems} />
      <SelectField id={`worker-${event.id}`} label={t("reg.entry.worker")} {...field("workerId")}>
        <option value="">{t("reg.entry.chooseWorker")}</option>
        {roster.map((w) => {
          const why = reasons.get(w.id) ?? [];
          // Those who cannot succeed stay listed, greyed out, with the reason.
          return (
            <option key={w.id} value={w.id} disabled={why.length > 0}>
              {w.name}
              {t("punct.paren", { text: w.birthDate })}
              {why.length > 0
                ? t("entry.blocked.suffix", { reasons: why.join(t("punct.semicolon")) })
                : ""}
            </option>
          );
        })}
      </SelectField>
      <p className="muted small" id={`eligible-${event.id}`}>
        {t("entry.eligibleCount", { eligible, total: roster.length })}
      </p>
      {chosen ? <Preview problems={eligibilityOf(chosen, event, contestDate)} /> : null}
      <button
        type="submit"
        className="btn btn--primary btn--small"
        disabled={blocked || eligible === 0}
        aria-describedby={`eligible-${event.id}`}
      >
        {t("reg.entry.submit")}
      </button>
    </Form>
  );
}

export function TeamEntryForm({ event, contestDate, roster, errors, problems }: EntryFormProps) {
  const t = useT();
  const locale = useLocale();
  const { form, onSubmit, errorFor, field } = useZodForm(teamEntrySchema, {
    serverErrors: errors,
    defaultValues: {
      intent: "team",
      eventId: event.id,
      teamName: "",
      members: [],
      substitutes: [],
      side: event.sides?.[0] ?? "",
    } as never,
  });
  const picked = ([] as unknown[])
    .concat(form.watch("members" as never) ?? [], form.watch("substitutes" as never) ?? [])
    .map(String);
  const preview = roster
    .filter((w) => picked.includes(String(w.id)))
    .flatMap((w) => eligibilityOf(w, event, contestDate));
  const blockers = useBlockers(event, contestDate);
  const reasons = new Map(roster.map((w) => [w.id, blockers(w)]));
  const members = ([] as unknown[]).concat(form.watch("members" as never) ?? []).map(String);
  const substitutes = ([] as unknown[])
    .concat(form.watch("substitutes" as never) ?? [])
    .map(String);
  const twice = bothLists(members, substitutes);
  const nameOf = (id: string) => roster.find((w) => String(w.id) === id)?.name ?? id;
  const choice = (w: RosterEntry, list: "members" | "substitutes", other: string[]) => {
    const why = reasons.get(w.id) ?? [];
    return (
      <label key={w.id} className={why.length > 0 ? "reg-member--blocked" : undefined}>
        <input
          type="checkbox"
          value={w.id}
          disabled={why.length > 0}
          aria-invalid={other.includes(String(w.id)) || undefined}
          {...form.register(list)}
        />{" "}
        {w.name}
        {why.length > 0 ? (
          <span className="muted small">
            {t("punct.paren", { text: why.join(t("punct.semicolon")) })}
          </span>
        ) : null}
      </label>
    );
  };
  return (
    <details open={Boolean(problems?.length || errors)}>
      <summary>{t("reg.entry.registerTeam")}</summary>
      <Form
        method="post"
        noValidate
        onSubmit={onSubmit}
        aria-label={`${event.name} ${t("reg.entry.registerTeam")}`}
      >
        <input type="hidden" {...form.register("intent")} />
        <input type="hidden" {...form.register("eventId")} />
        <ProblemList title={t("reg.entry.refused")} problems={problems} />
        <TextField
          id={`team-name-${event.id}`}
          label={t("reg.entry.teamName")}
          {...field("teamName")}
        />
        {event.sides && event.sides.length > 0 ? (
          <SelectField
            id={`team-side-${event.id}`}
            label={t("federation.team.side")}
            {...field("side")}
          >
            {event.sides.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
        ) : null}
        <fieldset className="reg-members">
          <legend>{t("reg.entry.members")}</legend>
          <p className="field__hint">{t("federation.team.rolesHint")}</p>
          {roster.map((w) => (
            <div key={w.id} className="reg-member">
              {choice(w, "members", substitutes)}
              <input
                type="text"
                name={`role_${w.id}`}
                maxLength={20}
                className="field__input reg-member__role"
                aria-label={t("federation.team.roleOf", { name: w.name })}
                placeholder={t("federation.team.role")}
              />
            </div>
          ))}
        </fieldset>
        {errorFor("members") ? (
          <p className="field__error" role="alert">
            {t(keyOr(errorFor("members")))}
          </p>
        ) : null}
        {event.team && event.team.substitutes > 0 ? (
          <fieldset className="reg-members">
            <legend>{t("reg.entry.substitutes")}</legend>
            {roster.map((w) => choice(w, "substitutes", members))}
          </fieldset>
        ) : null}
        {twice.length > 0 ? (
          <p className="field__error" role="alert">
            {twice
              .map((id) =>
                problemText(locale, {
                  code: "team_member_also_substitute",
                  params: { name: nameOf(id) },
                }),
              )
              .join(t("punct.semicolon"))}
          </p>
        ) : null}
        <Preview problems={preview} />
        <button
          type="submit"
          className="btn btn--primary btn--small"
          disabled={twice.length > 0 || preview.length > 0}
        >
          {t("reg.entry.submit")}
        </button>
      </Form>
    </details>
  );
}
