import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider, translate, type Locale } from "~/i18n";
import { SentenceWithUserText, UserText, dataLang } from "./user-text";

const render = (locale: Locale, node: ReactNode) =>
  renderToStaticMarkup(createElement(I18nProvider, { locale, children: node }));

describe("dataLang", () => {
  it("marks Chinese data on an English page", () => {
    expect(dataLang("en", "西安秦川数控机床有限公司")).toBe("zh-CN");
    expect(dataLang("en", "2026年BIM技术建模")).toBe("zh-CN");
  });
  it("leaves Latin data on an English page, and everything on a Chinese page, to the page", () => {
    expect(dataLang("en", "BIM Modelling 2026")).toBeUndefined();
    expect(dataLang("en", "")).toBeUndefined();
    expect(dataLang("en", null)).toBeUndefined();
    expect(dataLang("zh", "西安秦川数控机床有限公司")).toBeUndefined();
  });
});

describe("UserText and SentenceWithUserText", () => {
  const organiser = (locale: Locale) =>
    createElement(SentenceWithUserText, {
      text: "西安市总工会",
      sentence: (name: string) => translate(locale, "home.organiser", { name }),
    });

  it("mark only the user's text inside an English sentence", () => {
    expect(render("en", organiser("en"))).toBe(
      `${translate("en", "home.organiser", { name: '<span lang="zh-CN">西安市总工会</span>' })}`,
    );
    expect(render("en", createElement(UserText, { text: "高浩" }))).toBe(
      '<span lang="zh-CN">高浩</span>',
    );
  });

  it("add nothing on a Chinese page or for English data", () => {
    expect(render("zh", organiser("zh"))).toBe(
      translate("zh", "home.organiser", { name: "西安市总工会" }),
    );
    expect(render("en", createElement(UserText, { text: "Team Qinling" }))).toBe("Team Qinling");
  });
});
