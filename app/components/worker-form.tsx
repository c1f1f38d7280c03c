import { Form } from "@remix-run/react";
import { CheckboxField } from "~/components/reg-checkbox";
import { SelectField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { SKILL_LEVELS } from "~/domain/contest/skill-levels";
import { workerSchema } from "~/forms/worker";
import { useT } from "~/i18n";
import type { FieldErrors } from "~/utils/forms";

export type WorkerDefaults = {
  name: string;
  idNumber: string;
  phone: string;
  trade: string;
  skillLevel: string;
  unionMember: boolean;
};

export function WorkerForm({
  defaults,
  errors,
  submitLabel,
}: {
  defaults: WorkerDefaults;
  errors?: FieldErrors | null;
  submitLabel: string;
}) {
  const t = useT();
  const { form, onSubmit, field } = useZodForm(workerSchema, {
    serverErrors: errors,
    defaultValues: defaults as never,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="save" />
      <div className="form-grid">
        <TextField label={t("reg.worker.name")} autoComplete="off" {...field("name")} />
        <TextField
          label={t("reg.worker.idNumber")}
          hint={t("reg.worker.idNumberHint")}
          autoComplete="off"
          inputMode="text"
          {...field("idNumber")}
        />
        <TextField
          label={t("reg.worker.phone")}
          type="tel"
          autoComplete="off"
          {...field("phone")}
        />
        <TextField label={t("reg.worker.trade")} {...field("trade")} />
        <SelectField label={t("reg.worker.skillLevel")} {...field("skillLevel")}>
          <option value="">{t("reg.worker.noLevel")}</option>
          {SKILL_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`rules.skill_level.${l}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField label={t("reg.worker.unionMember")} {...form.register("unionMember")} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
