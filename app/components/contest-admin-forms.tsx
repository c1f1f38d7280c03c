import { Form } from "@remix-run/react";
import { CheckboxField } from "~/components/reg-checkbox";
import { DateField, SelectField, TextAreaField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { CONTEST_KINDS } from "~/domain/contest/kinds";
import { theoryCapPct } from "~/domain/contest/theory-cap";
import { SKILL_LEVELS } from "~/domain/contest/skill-levels";
import { contestSchema } from "~/forms/contest";
import { eventSchema } from "~/forms/event";
import { useT, keyOr } from "~/i18n";
import type { FieldErrors } from "~/utils/forms";

export type ContestDefaults = {
  code: string;
  kind: string;
  name: string;
  organiserId: string;
  coOrganiserIds: string[];
  description: string;
  rules: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  startsAt: string;
  endsAt: string;
  theoryCapPct: string;
};

export function ContestForm({
  defaults,
  organisers,
  unions,
  mayChangeOwnership,
  errors,
  submitLabel,
}: {
  defaults: ContestDefaults;
  /** Unions the contest may belong to (the organiser's own subtree) */
  organisers: { id: number; name: string }[];
  /** Every union, for running the contest jointly */
  unions: { id: number; name: string }[];
  /** Only those above the owner decide who owns and co-organises it */
  mayChangeOwnership: boolean;
  errors?: FieldErrors | null;
  submitLabel: string;
}) {
  const t = useT();
  const { form, onSubmit, field } = useZodForm(contestSchema, {
    serverErrors: errors,
    defaultValues: defaults as never,
  });
  const kind = form.watch("kind") as string;
  const defaultCap = theoryCapPct(kind, null);
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="save" />
      <div className="form-grid">
        <TextField
          label={t("reg.contest.code")}
          hint={t("reg.contest.codeHint")}
          autoCapitalize="characters"
          {...field("code")}
        />
        <SelectField label={t("reg.contest.kind")} {...field("kind")}>
          {CONTEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`rules.contest_kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("reg.contest.name")} {...field("name")} />
        {mayChangeOwnership ? (
          <>
            <SelectField label={t("reg.contest.organiser")} {...field("organiserId")}>
              {organisers.map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("federation.contest.coOrganisers")}
              hint={t("federation.contest.coOrganisersHint")}
              multiple
              size={Math.min(6, Math.max(2, unions.length))}
              {...field("coOrganiserIds")}
            >
              {unions.map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          </>
        ) : (
          // A co-organiser runs the contest but does not decide who owns it.
          <p className="muted small">
            <input type="hidden" {...form.register("organiserId")} />
            {t("federation.contest.coOrganisersFixed")}
          </p>
        )}
        <DateField withTime label={t("reg.contest.opens")} {...field("registrationOpensAt")} />
        <DateField withTime label={t("reg.contest.closes")} {...field("registrationClosesAt")} />
        <DateField label={t("reg.contest.starts")} {...field("startsAt")} />
        <DateField label={t("reg.contest.ends")} {...field("endsAt")} />
        <TextField
          label={t("reg.contest.theoryCap")}
          hint={t("reg.contest.theoryCapHint", {
            default: defaultCap === null ? t("reg.contest.theoryCapNone") : `${defaultCap}%`,
          })}
          inputMode="numeric"
          {...field("theoryCapPct")}
        />
      </div>
      <TextAreaField label={t("reg.contest.description")} rows={3} {...field("description")} />
      <TextAreaField label={t("reg.contest.rules")} rows={4} {...field("rules")} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export type EventDefaults = Record<
  | "code"
  | "name"
  | "category"
  | "trade"
  | "mode"
  | "teamMin"
  | "teamMax"
  | "substitutes"
  | "sides"
  | "quotaPerOrg"
  | "cap"
  | "minAge"
  | "maxAge"
  | "minSkillLevel"
  | "prelimTheory"
  | "prelimPractical"
  | "prelimAdvance"
  | "finalTheory"
  | "finalPractical",
  string
> & { unionMemberRequired: boolean };

export function EventForm({
  defaults,
  errors,
}: {
  defaults: EventDefaults;
  errors?: FieldErrors | null;
}) {
  const t = useT();
  const { form, onSubmit, errorFor, field } = useZodForm(eventSchema, {
    serverErrors: errors,
    defaultValues: defaults as never,
  });
  const mode = form.watch("mode" as never) as unknown as string;
  const weight = (name: string, label: string) => (
    <input
      type="number"
      inputMode="numeric"
      min={1}
      max={100}
      aria-label={label}
      aria-invalid={errorFor(name) ? true : undefined}
      className="field__input"
      {...form.register(name as never)}
    />
  );
  const roundErrors = [
    "prelimTheory",
    "prelimPractical",
    "prelimAdvance",
    "finalTheory",
    "finalPractical",
  ]
    .map(errorFor)
    .filter(Boolean);
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <div className="form-grid">
        <TextField
          label={t("reg.event.code")}
          hint={t("reg.event.codeHint")}
          autoCapitalize="characters"
          {...field("code")}
        />
        <TextField label={t("reg.event.name")} {...field("name")} />
        <TextField label={t("reg.event.category")} {...field("category")} />
        <TextField label={t("reg.event.trade")} {...field("trade")} />
        <SelectField label={t("reg.event.mode")} {...field("mode")}>
          <option value="individual">{t("rules.event_mode.individual")}</option>
          <option value="team">{t("rules.event_mode.team")}</option>
        </SelectField>
        {mode === "team" ? (
          <>
            <TextField
              type="number"
              inputMode="numeric"
              label={t("reg.event.teamMin")}
              {...field("teamMin")}
            />
            <TextField
              type="number"
              inputMode="numeric"
              label={t("reg.event.teamMax")}
              {...field("teamMax")}
            />
            <TextField
              type="number"
              inputMode="numeric"
              label={t("reg.event.substitutes")}
              {...field("substitutes")}
            />
            <TextField
              label={t("federation.event.sides")}
              hint={t("federation.event.sidesHint")}
              {...field("sides")}
            />
          </>
        ) : null}
        <TextField
          type="number"
          inputMode="numeric"
          label={t("reg.event.quotaPerOrg")}
          {...field("quotaPerOrg")}
        />
        <TextField type="number" inputMode="numeric" label={t("reg.event.cap")} {...field("cap")} />
        <TextField
          type="number"
          inputMode="numeric"
          label={t("reg.event.minAge")}
          {...field("minAge")}
        />
        <TextField
          type="number"
          inputMode="numeric"
          label={t("reg.event.maxAge")}
          {...field("maxAge")}
        />
        <SelectField label={t("reg.event.minSkillLevel")} {...field("minSkillLevel")}>
          <option value="">{t("reg.event.noMinimum")}</option>
          {SKILL_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`rules.skill_level.${l}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField
        label={t("reg.event.unionMemberRequired")}
        {...form.register("unionMemberRequired")}
      />
      <fieldset className="section">
        <legend>{t("reg.event.rounds")}</legend>
        <p className="muted small">{t("reg.event.roundsHint")}</p>
        <table className="reg-rounds">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t("reg.event.theory")}</th>
              <th scope="col">{t("reg.event.practical")}</th>
              <th scope="col">{t("reg.event.advance")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("reg.event.prelim")}</th>
              <td>{weight("prelimTheory", `${t("reg.event.prelim")} ${t("reg.event.theory")}`)}</td>
              <td>
                {weight("prelimPractical", `${t("reg.event.prelim")} ${t("reg.event.practical")}`)}
              </td>
              <td>
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  aria-label={`${t("reg.event.prelim")} ${t("reg.event.advance")}`}
                  className="field__input"
                  {...form.register("prelimAdvance")}
                />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("reg.event.final")}</th>
              <td>{weight("finalTheory", `${t("reg.event.final")} ${t("reg.event.theory")}`)}</td>
              <td>
                {weight("finalPractical", `${t("reg.event.final")} ${t("reg.event.practical")}`)}
              </td>
              <td />
            </tr>
          </tbody>
        </table>
        {roundErrors.length > 0 ? (
          <p className="field__error" role="alert">
            {t(keyOr(roundErrors[0]))}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {t("reg.form.save")}
        </button>
      </div>
    </Form>
  );
}
