import { describe, expect, it } from "vitest";
import { teamMembersText, type TeamWords } from "./team-members";

const zh: TeamWords = {
  substitute: "替补",
  list: "、",
  comma: "，",
  paren: (text) => `（${text}）`,
};
const en: TeamWords = {
  substitute: "substitute",
  list: ", ",
  comma: ", ",
  paren: (text) => ` (${text})`,
};

describe("a team's line", () => {
  const team = {
    side: "职工方",
    members: [
      { substitute: false, role: "首席代表", worker: { name: "王强" } },
      { substitute: false, role: "", worker: { name: "李娜" } },
      { substitute: true, worker: { name: "赵磊" } },
    ],
  };
  it("names each member with role and substitute, after the side", () => {
    expect(teamMembersText(team, zh)).toBe("职工方 · 王强（首席代表）、李娜、赵磊（替补）");
    expect(teamMembersText({ members: [{ substitute: false, worker: { name: "甲" } }] }, zh)).toBe(
      "甲",
    );
  });
  it("uses the language's own punctuation", () => {
    expect(teamMembersText(team, en)).toBe("职工方 · 王强 (首席代表), 李娜, 赵磊 (substitute)");
  });
});
