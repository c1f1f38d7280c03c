// Durations as people say them: “13 分 17 秒”, “1 小时 2 分 3 秒”, “45 秒” (not “797.1 秒”).
import { translate, type Locale } from "./index";

export function formatDuration(locale: Locale, ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return translate(locale, "quiz.duration.hms", { h, m, s });
  if (m > 0) return translate(locale, "quiz.duration.ms", { m, s });
  return translate(locale, "quiz.duration.s", { s });
}
