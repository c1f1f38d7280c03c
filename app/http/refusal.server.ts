// The one way an action answers "it did not work": an HTTP status, the problems as message
// keys with their values (the page puts them into the user's language), and the form fields
// they belong to. A refusal says only what the model put into its problems; a thing the
// user may not see is a 404 thrown before, never a problem that names it.
import { data } from "@remix-run/node";
import type { FieldErrors } from "~/utils/forms";
import { fieldErrorsOf, type KeyedProblem } from "~/utils/outcome";

export type ActionFailure<P = KeyedProblem> = {
  ok: false;
  /** Problems that belong to no field, shown above the form. */
  problems: P[];
  /** Per field, the first problem's message key. */
  errors: FieldErrors;
};

/**
 * A refusal by the model: problems with a field go to their fields (400: the input was
 * wrong), the others above the form (409: the state does not allow it), unless told.
 * `also` names what the page needs to place the refusal (the form it answers: `{ intent }`).
 * The problems are the model's keyed problems, or domain problems it passed on as they are
 * (an entry's, which name the member they concern).
 */
export function refused<
  Also extends object = object,
  P extends { code: string; field?: string } = KeyedProblem,
>(
  problems: readonly P[],
  status = problems.some((p) => p.field !== undefined) ? 400 : 409,
  also?: Also,
) {
  return data<ActionFailure<P> & Also>(
    {
      ...(also as Also),
      ok: false,
      problems: problems.filter((p) => p.field === undefined),
      errors: fieldErrorsOf(problems),
    },
    { status },
  );
}

/** A form that did not parse (400): its fields' errors (and `also`, as for refused). */
export function invalidForm<Also extends object = object>(errors: FieldErrors, also?: Also) {
  return data<ActionFailure & Also>(
    { ...(also as Also), ok: false, problems: [], errors },
    { status: 400 },
  );
}
