// Sides of a team event: in a simulated collective bargaining contest (模拟集体协商) each
// team negotiates for one side, the workers' (职工方) or the employer's (企业方), and is
// judged as such. Any team event may name its sides; an event without sides has none.

export const MAX_SIDES = 4;
export const MAX_SIDE_LENGTH = 20;

/** "职工方、企业方" (or commas) → ["职工方", "企业方"]; blanks and repeats dropped. */
export function parseSides(text: string): string[] {
  const sides = text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return [...new Set(sides)];
}

export function sidesValid(sides: readonly string[]): boolean {
  return (
    sides.length !== 1 &&
    sides.length <= MAX_SIDES &&
    sides.every((s) => s.length <= MAX_SIDE_LENGTH)
  );
}

/** The stored JSON list, read defensively. */
export function sidesOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export const MAX_ROLE_LENGTH = 20;

export type TeamSideProblem =
  | { readonly code: "team_side_required"; readonly params: { sides: string } }
  | { readonly code: "team_side_unknown"; readonly params: { side: string } };

/** A team entering an event with sides names one of them; an event without sides takes none. */
export function checkTeamSide(sides: readonly string[], side: string | null): TeamSideProblem[] {
  if (sides.length === 0) return [];
  if (side === null || side === "")
    return [{ code: "team_side_required", params: { sides: sides.join("、") } }];
  if (!sides.includes(side)) return [{ code: "team_side_unknown", params: { side } }];
  return [];
}
