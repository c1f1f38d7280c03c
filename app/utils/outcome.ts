// The one shape of "did it work?", used by the domain, the models and the http glue alike: a
// value, or the problems that stopped it (never a half-done value, a thrown string or a field
// of its own name). The problem type is the layer's own: the domain's carry a typed code (it
// may not import i18n), the models' a message key with its parameters.

export type Outcome<T, P> = { readonly ok: true; readonly value: T } | Failure<P>;

export type Failure<P> = { readonly ok: false; readonly problems: P[] };

export function ok(): { readonly ok: true; readonly value: undefined };
export function ok<T>(value: T): { readonly ok: true; readonly value: T };
export function ok<T>(value?: T): { readonly ok: true; readonly value: T | undefined } {
  return { ok: true, value };
}

/** A failure: `fail(problem)`, `fail(...problems)`. */
export function fail<P>(...problems: P[]): Failure<P> {
  return { ok: false, problems };
}

/**
 * The message keys a model's problem may name. Empty here, since utils may not import i18n:
 * app/i18n fills it with the catalogue's keys (declaration merging), so a misspelt or missing
 * key in `refuse("…")` or a problem's `code` fails the type check, not a user's page.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProblemCodes {}

export type ProblemCode = keyof ProblemCodes;

/**
 * A model's problem: a message key (its sentence in the user's language), the values the
 * sentence needs, and the form field it belongs to, if it belongs to one.
 */
export type KeyedProblem = {
  code: ProblemCode;
  params: Record<string, string | number>;
  field?: string;
};

/** A failure of one keyed problem: `return refuse("judging.judges.not_found")`. */
export function refuse(
  code: ProblemCode,
  params: Record<string, string | number> = {},
  field?: string,
): Failure<KeyedProblem> {
  return fail(field === undefined ? { code, params } : { code, params, field });
}

/** The problems that belong to form fields, as the form's errors (field → message key). */
export function fieldErrorsOf<P extends { code: string; field?: string }>(
  problems: readonly P[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) if (p.field !== undefined) errors[p.field] ??= p.code;
  return errors;
}

/** A failure if there are problems, else null: `const f = failIfAny(problems); if (f) return f;` */
export function failIfAny<P>(problems: P[]): Failure<P> | null {
  return problems.length > 0 ? { ok: false, problems } : null;
}
