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

export function IndividualEntryForm({
  event,
  contestDate,
  roster,
  errors,
  problems,
}: {
  event: EventInfo;
  contestDate: string;
  roster: RosterEntry[];
  errors?: FieldErrors | null;
  problems?: Problems;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useZodForm(individualEntrySchema, {
    serverErrors: errors,
    defaultValues: { intent: "individual", eventId: event.id, workerId: "" } as never,
  });
  const chosen = roster.find((w) => String(w.id) === String(form.watch("workerId" as never)));
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
      <SelectField
        id={`worker-${event.id}`}
        label={t("reg.entry.worker")}
        error={errorFor("workerId")}
        {...form.register("workerId")}
      >
        <option value="">{t("reg.entry.chooseWorker")}</option>
        {roster.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
            {t("punct.paren", { text: w.birthDate })}
          </option>
        ))}
      </SelectField>
      {chosen ? <Preview problems={eligibilityOf(chosen, event, contestDate)} /> : null}
      <button type="submit" className="btn btn--primary btn--small">
        {t("reg.entry.submit")}
      </button>
    </Form>
  );
}

export function TeamEntryForm({
  event,
  contestDate,
  roster,
  errors,
  problems,
}: {
  event: EventInfo;
  contestDate: string;
  roster: RosterEntry[];
  errors?: FieldErrors | null;
  problems?: Problems;
}) {
  const t = useT();
  const { form, onSubmit, errorFor } = useZodForm(teamEntrySchema, {
    serverErrors: errors,
    defaultValues: {
      intent: "team",
      eventId: event.id,
      teamName: "",
      members: [],
      substitutes: [],
    } as never,
  });
  const picked = ([] as unknown[])
    .concat(form.watch("members" as never) ?? [], form.watch("substitutes" as never) ?? [])
    .map(String);
  const preview = roster
    .filter((w) => picked.includes(String(w.id)))
    .flatMap((w) => eligibilityOf(w, event, contestDate));
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
          error={errorFor("teamName")}
          {...form.register("teamName")}
        />
        <fieldset className="reg-members">
          <legend>{t("reg.entry.members")}</legend>
          {roster.map((w) => (
            <label key={w.id}>
              <input type="checkbox" value={w.id} {...form.register("members")} /> {w.name}
            </label>
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
            {roster.map((w) => (
              <label key={w.id}>
                <input type="checkbox" value={w.id} {...form.register("substitutes")} /> {w.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Preview problems={preview} />
        <button type="submit" className="btn btn--primary btn--small">
          {t("reg.entry.submit")}
        </button>
      </Form>
    </details>
  );
}
