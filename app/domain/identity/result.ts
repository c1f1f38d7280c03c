/**
 * The problem shape shared by every domain module. It lives here because identity is the
 * lowest layer the other domain folders already depend on. Whether something worked is an
 * `Outcome` (app/utils/outcome.ts): a value, or the problems that stopped it.
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
