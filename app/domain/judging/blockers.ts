// Why an entry has no total, in words the chief judge and the organiser can act on. The
// scoring module reports problems per criterion (a missing mark, a rule that needs three
// judges); this turns them into one reason per cause, each naming the entry's blind code
// and what to do. Waiting for judges' sheets is not a reason here: the workbench lists the
// missing sheets by judge.
import type { ScoringProblem } from "~/domain/scoring";
import type { ProblemCode } from "~/utils/outcome";
import type { JudgingProblem } from "./workflow";

export interface EntryReasonInput {
  readonly blindCode: string;
  /** Judges on the entry's panel after recusal. */
  readonly panelSize: number;
  /** The entry's scoring problems (EntryResult.problems). */
  readonly problems: readonly ScoringProblem[];
}

export interface EntryReasons {
  /** Marks are still to come from the panel (the entry may also have reasons). */
  readonly waiting: boolean;
  /** Causes no further marking will cure, each with what to do. */
  readonly reasons: JudgingProblem[];
}

export function entryReasons(input: EntryReasonInput): EntryReasons {
  const { blindCode } = input;
  if (input.panelSize === 0) {
    return {
      waiting: false,
      reasons: [{ code: "judging.reason.panel_empty", params: { blindCode } }],
    };
  }
  const reasons: JudgingProblem[] = [];
  const seen = new Set<string>();
  const add = (code: ProblemCode, params: Record<string, string | number>) => {
    const key = `${code}:${String(params.criterion ?? "")}`;
    if (seen.has(key)) return;
    seen.add(key);
    reasons.push({ code, params: { blindCode, ...params } });
  };
  let waiting = false;
  // One sentence per entry for a short panel, naming every criterion it cannot mark.
  const short: string[] = [];
  let shortJudges = input.panelSize;
  for (const p of input.problems) {
    switch (p.code) {
      case "mark_missing":
      case "marks_none":
        waiting = true;
        break;
      case "trimmed_mean_needs_three":
        short.push(p.params.criterion);
        shortJudges = p.params.judges;
        break;
      case "worldskills_needs_three":
        if (p.params.judges < 3) {
          short.push(p.params.criterion);
          shortJudges = p.params.judges;
        } else
          add("judging.reason.panel_too_large", {
            criterion: p.params.criterion,
            judges: p.params.judges,
          });
        break;
      case "single_needs_one":
        add("judging.reason.measurement_twice", { criterion: p.params.criterion });
        break;
      case "mark_not_a_number":
      case "mark_negative":
      case "mark_not_integer":
      case "mark_above_max":
      case "worldskills_point_invalid":
        add("judging.reason.mark_invalid", {
          criterion: p.params.criterion,
          judge: p.params.judge,
        });
        break;
      default:
        // marks_unknown_criterion is a warning (the mark cannot change the total); the
        // remaining codes are event configuration problems, reported for the whole event.
        break;
    }
  }
  if (short.length > 0)
    reasons.unshift({
      code: "judging.reason.panel_too_small",
      params: { blindCode, criterion: [...new Set(short)].join("/"), judges: shortJudges, need: 3 },
    });
  return { waiting, reasons };
}
