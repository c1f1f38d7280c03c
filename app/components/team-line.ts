import type { T } from "~/i18n";
import { teamMembersText, type TeamLine } from "~/utils/team-members";

/** A team's line ("职工方 · 王强（首席代表）、李娜") in the language of `t`. */
export function teamLine(t: T, team: TeamLine): string {
  return teamMembersText(team, {
    substitute: t("reg.review.substitute"),
    list: t("punct.list"),
    comma: t("punct.comma"),
    paren: (text) => t("punct.paren", { text }),
  });
}
