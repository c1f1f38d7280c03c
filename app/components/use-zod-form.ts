import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/utils/forms";

/**
 * react-hook-form bound to a shared zod schema. Validates as the user types; a valid form is
 * submitted to the route action as ordinary form data, so the server validates it again and
 * the same <Form> works without JavaScript.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { defaultValues?: DefaultValues<z.input<S>>; serverErrors?: FieldErrors | null } = {},
) {
  const submit = useSubmit();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver's generics cannot follow a generic schema; the schema is the same type.
    resolver: zodResolver(schema as never) as never,
    mode: "onTouched",
    defaultValues: options.defaultValues,
  });
  // The browser's refusal focuses the first invalid field (react-hook-form does); so does the
  // server's, unless an error summary above the form took the focus (FormAlert, ProblemList).
  const serverErrors = options.serverErrors;
  useEffect(() => {
    const first = Object.keys(serverErrors ?? {})[0];
    if (first === undefined || document.activeElement?.closest("[role=alert]")) return;
    form.setFocus(first as Path<z.input<S>>);
  }, [serverErrors]); // eslint-disable-line react-hooks/exhaustive-deps
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    event.preventDefault();
    void form.handleSubmit(() => submit(target))(event);
  };
  /** Client error first (fresher), else the server's answer for that field. */
  const errorFor = (name: string): string | undefined => {
    const path = name.split(".");
    let node: unknown = form.formState.errors;
    for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
    const client = (node as { message?: string } | undefined)?.message;
    return client ?? options.serverErrors?.[name] ?? undefined;
  };
  /** What a field component needs: the registration and the field's error key, together. */
  const field = (name: Path<z.input<S>>) => ({ error: errorFor(name), ...form.register(name) });
  return { form, onSubmit, errorFor, field };
}
