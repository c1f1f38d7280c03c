/**
 * Outcome shapes shared by every domain module. They live here because identity is the
 * lowest layer the other domain folders already depend on; imports of these are type-only.
 */

/** Interpolation values for a problem message (`{name}` placeholders in `rules.ts`). */
export type ProblemParams = Readonly<Record<string, string | number>>;

/**
 * A rule violation as data. `code` maps to the message key `rules.<code>`; the UI renders
 * it, so domain code never builds language strings.
 */
export interface Problem<C extends string = string, P extends ProblemParams = ProblemParams> {
  readonly code: C;
  readonly params: P;
}

export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
