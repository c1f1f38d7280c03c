// 回避: a judge never scores an entry of their own organisation, nor of an organisation
// whose parent union the judge belongs to (an industry union's judge and its member
// companies). Applied both when building worklists and when a sheet is opened by URL.

export interface OrgRef {
  readonly id: number;
  readonly parentId: number | null;
}

export function isRecused(judgeOrganisationId: number | null, entryOrg: OrgRef): boolean {
  if (judgeOrganisationId === null) return false;
  return judgeOrganisationId === entryOrg.id || judgeOrganisationId === entryOrg.parentId;
}

export interface PanelJudge {
  readonly userId: number;
  readonly organisationId: number | null;
  readonly isChief: boolean;
  /** A reserve (备用裁判) sits on a panel only where recusal leaves fewer than FULL_PANEL. */
  readonly reserve?: boolean;
}

/**
 * The panel size that every aggregation rule can work with: a trimmed mean drops two marks
 * and needs at least three, the WorldSkills method needs exactly three.
 */
export const FULL_PANEL = 3;

/**
 * The judges who mark an entry: every regular judge assigned to the event except the
 * recused, in assignment order; when recusal leaves fewer than three, reserve judges who
 * are not recused step in (in assignment order) until there are three. Reserves come last,
 * so adding one never renumbers a panel. The position is the anonymous number on receipts
 * (裁判1, 裁判2 …).
 */
export function panelFor<J extends PanelJudge>(assigned: readonly J[], entryOrg: OrgRef): J[] {
  const eligible = assigned.filter((j) => !isRecused(j.organisationId, entryOrg));
  const regular = eligible.filter((j) => !j.reserve);
  if (regular.length >= FULL_PANEL) return regular;
  const reserves = eligible.filter((j) => j.reserve).slice(0, FULL_PANEL - regular.length);
  return [...regular, ...reserves];
}

/**
 * Who records the entry's measurements (objective readings are entered once, not by every
 * judge): the chief judge when on the panel, otherwise the first judge of the panel.
 */
export function measurementRecorder<J extends PanelJudge>(panel: readonly J[]): J | null {
  return panel.find((j) => j.isChief) ?? panel[0] ?? null;
}

/**
 * Who presides over an entry (reviews it, corrects its marks, handles its appeals): the
 * chief judge, or, when the chief is recused from it, the first judge of its panel — the
 * same rule that picks who records measurements. A recused chief never sees such an entry's
 * marks, totals or appeals.
 */
export function presidingJudge<J extends PanelJudge>(panel: readonly J[]): J | null {
  return measurementRecorder(panel);
}
