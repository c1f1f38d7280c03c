export const CONTEST_KINDS = ["skills_contest", "labour_competition", "knowledge_quiz"] as const;
export type ContestKind = (typeof CONTEST_KINDS)[number];

export function isContestKind(value: string): value is ContestKind {
  return (CONTEST_KINDS as readonly string[]).includes(value);
}
