import { forwardRef, type InputHTMLAttributes } from "react";

/** A labelled checkbox that submits "on" when ticked, like a plain HTML form. */
export const CheckboxField = forwardRef<
  HTMLInputElement,
  { label: string; name: string } & InputHTMLAttributes<HTMLInputElement>
>(function CheckboxField({ label, name, id, ...rest }, ref) {
  const fieldId = id ?? `f-${name}`;
  return (
    <div className="reg-check">
      <input ref={ref} type="checkbox" id={fieldId} name={name} {...rest} />
      <label htmlFor={fieldId}>{label}</label>
    </div>
  );
});
