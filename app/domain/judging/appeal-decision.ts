// What the chief judge decided on an appeal, as stored with it (JSON) and shown to the
// appellant: the marks that changed and the entry's rank and total before and after.
export type AppealDecisionRecord = {
  note: string;
  rankBefore: number | null;
  rankAfter: number | null;
  totalBefore: number | null;
  totalAfter: number | null;
  /** Other entries whose rank moved with this decision. */
  othersMoved: number;
  changedMarks: {
    criterion: string;
    judgeNo: number;
    before: string | null;
    after: string | null;
    reason: string | null;
  }[];
};

/** The stored decision, or null when there is none or it cannot be read. */
export function parseDecision(text: string | null): AppealDecisionRecord | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as AppealDecisionRecord;
  } catch {
    return null;
  }
}
