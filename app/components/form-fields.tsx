import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { forwardRef, useEffect, useRef } from "react";
import { useSearchParams } from "@remix-run/react";
import { LOCALE_TAG, keyOr, useLocale, useT } from "~/i18n";

type FieldShellProps = {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
};

/** Label, control, hint and error, linked for screen readers. `error` is an i18n key. */
function FieldShell({ id, label, error, hint, children }: FieldShellProps) {
  const t = useT();
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t(keyOr(error))}
        </p>
      ) : null}
    </div>
  );
}

type CommonProps = {
  label: string;
  error?: string;
  hint?: ReactNode;
  name: string;
  id?: string;
};

/** The control's id (from its name unless given) and the attributes that tie it to its label, hint and error. */
function control({ error, hint, name, id }: CommonProps) {
  const fieldId = id ?? `f-${name}`;
  const described = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(
    Boolean,
  );
  return {
    id: fieldId,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described.length > 0 ? described.join(" ") : undefined,
  };
}

export const TextField = forwardRef<
  HTMLInputElement,
  CommonProps & InputHTMLAttributes<HTMLInputElement>
>(function TextField({ label, error, hint, name, id, ...rest }, ref) {
  const attrs = control({ label, error, hint, name, id });
  return (
    <FieldShell id={attrs.id} label={label} error={error} hint={hint}>
      <input ref={ref} className="field__input" {...attrs} {...rest} />
    </FieldShell>
  );
});

/**
 * A native date (or date and time, China time) field with the browser's own picker. The box
 * orders day, month and year by the browser's language, not by the page's lang (Chromium reads
 * neither lang nor the page), so a Chinese page in an English browser shows mm/dd/yyyy: the
 * hint gives an example written in the page's language, and says the time is China's. On a
 * phone only the example shows (a form with four dates grew 2–3 lines under each); the
 * sentence about the box's order and the calendar stays in the hint, hidden from sight, so a
 * screen reader still reads all of it with the field.
 */
export const DateField = forwardRef<
  HTMLInputElement,
  CommonProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { withTime?: boolean }
>(function DateField({ withTime = false, hint, ...rest }, ref) {
  const t = useT();
  const locale = useLocale();
  const example = t(withTime ? "common.datetime.hint" : "common.date.hint");
  return (
    <TextField
      ref={ref}
      type={withTime ? "datetime-local" : "date"}
      lang={LOCALE_TAG[locale]}
      hint={
        <>
          {hint ? `${hint} ` : null}
          {example} <span className="field__hint-more">{t("common.date.hintMore")}</span>
        </>
      }
      {...rest}
    />
  );
});

export const SelectField = forwardRef<
  HTMLSelectElement,
  CommonProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }
>(function SelectField({ label, error, hint, name, id, children, ...rest }, ref) {
  const attrs = control({ label, error, hint, name, id });
  return (
    <FieldShell id={attrs.id} label={label} error={error} hint={hint}>
      <select ref={ref} className="field__input" {...attrs} {...rest}>
        {children}
      </select>
    </FieldShell>
  );
});

export const TextAreaField = forwardRef<
  HTMLTextAreaElement,
  CommonProps & TextareaHTMLAttributes<HTMLTextAreaElement>
>(function TextAreaField({ label, error, hint, name, id, ...rest }, ref) {
  const attrs = control({ label, error, hint, name, id });
  return (
    <FieldShell id={attrs.id} label={label} error={error} hint={hint}>
      <textarea ref={ref} className="field__input field__input--area" {...attrs} {...rest} />
    </FieldShell>
  );
});

/** A list filter in a GET form: "all" first, then the options; the URL's choice is selected. */
export function FilterSelect({
  name,
  label,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  allLabel: string;
  options: readonly { value: string | number; label: string }[];
}) {
  const [params] = useSearchParams();
  return (
    <SelectField
      id={`filter-${name}`}
      name={name}
      label={label}
      defaultValue={params.get(name) ?? ""}
    >
      <option value="">{allLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * Moves focus to an error summary when it appears: after a refused submit, a keyboard user
 * starts from what went wrong instead of the button that is now behind them, and a screen
 * reader reads it. Only messages that arrive with an answer are shown, so this never takes
 * focus on a page that simply loads.
 */
export function useFocusOnAppear<E extends HTMLElement>(key: unknown) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  return ref;
}

/** A form-level message (e.g. "wrong password"), announced to screen readers and focused. */
export function FormAlert({ message }: { message?: string | null }) {
  const ref = useFocusOnAppear<HTMLDivElement>(message);
  if (!message) return null;
  return (
    <div ref={ref} className="alert alert--error" role="alert" tabIndex={-1}>
      {message}
    </div>
  );
}
