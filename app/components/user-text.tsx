import { Fragment } from "react";
import { useLocale, type Locale } from "~/i18n";

// Han ideographs (with extension A and the compatibility block): what makes a name Chinese.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * The lang of a user's own words (a contest's, an organisation's or a person's name) when it
 * differs from the page's: Chinese data on an English page is `zh-CN`, so a screen reader
 * reads it in Chinese, not letter by letter in English, and it keeps the Chinese type
 * (`:root:lang(en) [lang|="zh"]` in app.css). Undefined when the page's own lang already fits.
 */
export function dataLang(locale: Locale, text: string | null | undefined): string | undefined {
  return locale === "en" && text && HAN.test(text) ? "zh-CN" : undefined;
}

/** A user's text, in a span marked with its language when that is not the page's. */
export function UserText({ text }: { text: string }) {
  const lang = dataLang(useLocale(), text);
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

// A private-use character no translation contains: where the user's text goes in a sentence.
const SLOT = "\ue000";

/**
 * A translated sentence with a user's text in it ("Organised by 西安市总工会"), that text
 * marked with its language as UserText marks it. `sentence` builds the sentence around
 * whatever it is given.
 */
export function SentenceWithUserText({
  sentence,
  text,
}: {
  sentence: (text: string) => string;
  text: string;
}) {
  const locale = useLocale();
  if (!dataLang(locale, text)) return <>{sentence(text)}</>;
  const parts = sentence(SLOT).split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <UserText text={text} /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
