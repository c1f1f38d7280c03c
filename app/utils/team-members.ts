// A team's line in lists and exports: "职工方 · 王强（首席代表）、李娜、赵磊（替补）".
// Utils import nothing of the app, so the words and punctuation of the visitor's language
// come in as `TeamWords` (app/components/team-line.ts builds them from `t`).

export type TeamLine = {
  side?: string | null;
  members: { substitute: boolean; role?: string; worker: { name: string } }[];
};

export type TeamWords = {
  substitute: string;
  /** Between members ("、" / ", "). */
  list: string;
  /** Between a member's notes ("，" / ", "). */
  comma: string;
  /** A member's notes after the name ("（…）" / " (…)"). */
  paren: (text: string) => string;
};

export function teamMembersText(team: TeamLine, words: TeamWords): string {
  const members = team.members
    .map((m) => {
      const notes = [m.role ?? "", m.substitute ? words.substitute : ""].filter((n) => n !== "");
      return notes.length > 0
        ? `${m.worker.name}${words.paren(notes.join(words.comma))}`
        : m.worker.name;
    })
    .join(words.list);
  return team.side ? `${team.side} · ${members}` : members;
}
