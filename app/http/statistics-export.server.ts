// The year in numbers as an XLSX workbook and as a printable A4 PDF report (pdfkit, the
// embedded Noto Sans CJK font as on certificates). Both are built from one report layout, so
// the two files and the page carry the same figures.
import PDFDocument from "pdfkit";
import { codeLabel, formatShare, makeT, type Locale, type MessageKey } from "~/i18n";
import type { StatsTarget, YearInNumbers } from "~/models/statistics.server";
import { xlsxWorkbookBytes } from "~/utils/spreadsheet.server";
import { registerCjkFont } from "~/http/certificate-pdf.server";

type Cell = string | number;
type Table = { title: string; head: string[]; rows: Cell[][]; widths: number[] };
type Section = {
  title: string;
  lines: string[];
  tables: Table[];
  bars?: { title: string; items: { label: string; value: number }[] };
};
export type Report = {
  title: string;
  union: string;
  period: string;
  generated: string;
  sections: Section[];
};

const PRIZES = ["firstPrizes", "secondPrizes", "thirdPrizes", "meritPrizes"] as const;
const TIER = {
  firstPrizes: "first",
  secondPrizes: "second",
  thirdPrizes: "third",
  meritPrizes: "merit",
} as const;

function beijingStamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** The report's sections, in the page's order, in the reader's language. */
export function statisticsReport(
  target: StatsTarget,
  f: YearInNumbers,
  locale: Locale,
  now = new Date(),
): Report {
  const t = makeT(locale);
  const labelled = (key: MessageKey, text: string | number) =>
    t("punct.labelled", { label: t(key), text });
  const paren = (text: string | number) => t("punct.paren", { text });
  const union = target.name ?? t("federation.stats.platform");
  const p = f.participation;
  const measureHead = [
    t("federation.stats.entries"),
    t("federation.stats.workers"),
    t("federation.stats.organisations"),
  ];
  const measures = (r: { entries: number; workers: number; organisations: number }) => [
    r.entries,
    r.workers,
    r.organisations,
  ];
  const label = (v: string, empty: MessageKey) => (v === "" ? t(empty) : v);
  const participation: Section = {
    title: t("federation.stats.participation"),
    lines: [
      [
        labelled("federation.stats.entries", p.total.entries),
        labelled("federation.stats.workers", p.total.workers),
        labelled("federation.stats.organisations", p.total.organisations),
      ].join(t("punct.semicolon")),
    ],
    bars: {
      title: `${t("federation.stats.byBranch")}${paren(t("federation.stats.entries"))}`,
      items: p.byBranch.map((r) => ({ label: r.name, value: r.entries })),
    },
    tables: [
      {
        title: t("federation.stats.byKind"),
        head: [t("federation.stats.kind"), ...measureHead],
        rows: p.byKind.map((r) => [codeLabel(t, "rules.contest_kind", r.value), ...measures(r)]),
        widths: [22, 12, 12, 12],
      },
      {
        title: t("federation.stats.byCategory"),
        head: [t("federation.stats.category"), ...measureHead],
        rows: p.byCategory.map((r) => [
          label(r.value, "federation.stats.uncategorised"),
          ...measures(r),
        ]),
        widths: [22, 12, 12, 12],
      },
      {
        title: t("federation.stats.byBranch"),
        head: [t("federation.stats.branch"), ...measureHead],
        rows: p.byBranch.map((r) => [r.name, ...measures(r)]),
        widths: [30, 12, 12, 12],
      },
      {
        title: t("federation.stats.byTrade"),
        head: [t("federation.stats.trade"), ...measureHead],
        rows: p.byTrade.map((r) => [label(r.value, "federation.stats.noTrade"), ...measures(r)]),
        widths: [22, 12, 12, 12],
      },
    ],
  };
  const h = f.honours;
  const honours: Section = {
    title: t("federation.stats.prizesAndHonours"),
    lines: [
      labelled(
        "federation.stats.prizes",
        PRIZES.map((k) => `${t(`honours.prize.${TIER[k]}`)} ${p.total[k]}`).join(
          t("punct.semicolon"),
        ),
      ),
      t("federation.stats.honours", { count: h.total }),
      ...(f.ratios.people === 0 ? [t("federation.stats.noRatios")] : []),
    ],
    bars: {
      title: t("federation.stats.honoursTrend"),
      items: h.trend.map((y) => ({ label: String(y.year), value: y.total })),
    },
    tables: [
      {
        title: t("federation.stats.honoursByKind", { year: target.year }),
        head: [
          t("federation.stats.honourKind"),
          ...h.levels.map((l) => codeLabel(t, "rules.honour_level", l)),
          t("federation.stats.total"),
        ],
        rows: h.byKind.map((k) => [
          codeLabel(t, "rules.honour_kind", k.kind),
          ...k.byLevel,
          k.total,
        ]),
        widths: [22, 10, 10, 10, 10, 10],
      },
      {
        title: t("federation.stats.ratios", { count: f.ratios.people }),
        head: [
          t("federation.stats.ratioAttribute"),
          t("federation.stats.ratioShare"),
          t("federation.stats.ratioRule"),
          t("federation.stats.ratioResult"),
        ],
        rows: (f.ratios.people === 0 ? [] : f.ratios.shares).map((s) => {
          const check = f.ratios.checks.find(
            (c) =>
              (c.rule.kind === "min_share" || c.rule.kind === "max_share") &&
              c.rule.attribute === s.attribute,
          );
          return [
            codeLabel(t, "rules.nominee_attribute", s.attribute),
            `${formatShare(s.share)}${paren(`${s.count}/${s.total}`)}`,
            check
              ? t(
                  check.rule.kind === "min_share"
                    ? "federation.stats.ruleMin"
                    : "federation.stats.ruleMax",
                  {
                    percent: formatShare(check.required),
                  },
                )
              : "—",
            check
              ? t(check.status === "pass" ? "federation.stats.pass" : "federation.stats.warn")
              : "—",
          ];
        }),
        widths: [16, 18, 20, 10],
      },
    ],
  };
  const l = f.labour;
  const labour: Section = {
    title: t("federation.stats.labour"),
    lines:
      l.contests.length === 0
        ? [t("federation.stats.noLabour")]
        : [
            t("federation.stats.coverage", {
              units: l.units,
              enterprises: l.enterprises,
              share: formatShare(
                l.enterprises === 0 ? 0 : Math.round((l.units * 10000) / l.enterprises),
              ),
            }),
          ],
    tables: [
      {
        title: t("federation.stats.labourTable"),
        head: [
          t("federation.stats.labourContest"),
          t("federation.stats.labourUnits"),
          t("federation.stats.labourWorkers"),
          t("federation.stats.periods"),
          t("federation.stats.redFlags"),
          t("federation.stats.vetoes"),
        ],
        rows: l.contests.map((c) => [
          c.name,
          c.units,
          c.workers,
          t("federation.stats.periodsClosed", { closed: c.closed, total: c.periods }),
          c.redFlags
            .map((r) => (r.count > 1 ? `${r.name}×${r.count}` : r.name))
            .join(t("punct.list")) || "—",
          c.vetoes,
        ]),
        widths: [30, 10, 10, 12, 30, 10],
      },
    ],
  };
  const quiz: Section = {
    title: t("federation.stats.quiz"),
    lines: f.quiz.quizzes.length === 0 ? [t("federation.stats.noQuiz")] : [],
    tables: [
      {
        title: t("federation.stats.quizTable"),
        head: [
          t("federation.stats.quizName"),
          t("federation.stats.participants"),
          t("federation.stats.attempts"),
          t("federation.stats.headcount"),
          t("federation.stats.rate"),
        ],
        rows: f.quiz.quizzes.map((q) => [
          `${q.contest.name} · ${q.name}`,
          q.participants,
          q.attempts,
          q.headcount,
          formatShare(q.rate),
        ]),
        widths: [40, 10, 10, 10, 10],
      },
    ],
  };
  return {
    title: t("federation.stats.title", { union, year: target.year }),
    union,
    period: t("federation.stats.period", { year: target.year }),
    generated: t("federation.stats.generated", { at: beijingStamp(now) }),
    sections: [participation, honours, labour, quiz],
  };
}

/** One sheet per section: its lines, then each table under its title. */
export function statisticsXlsx(report: Report) {
  const cover: Cell[][] = [[report.title], [report.period], [report.generated]];
  return xlsxWorkbookBytes([
    { name: report.union, rows: cover, widths: [60], boldRows: [0] },
    ...report.sections.map((section) => {
      const rows: Cell[][] = [[section.title], ...section.lines.map((l) => [l])];
      const bold = [0];
      for (const table of section.tables) {
        rows.push([]);
        rows.push([table.title]);
        bold.push(rows.length - 1, rows.length);
        rows.push(table.head);
        rows.push(...table.rows);
      }
      const widths = section.tables.reduce<number[]>(
        (w, table) => table.widths.map((x, i) => Math.max(x, w[i] ?? 0)),
        [],
      );
      return { name: section.title, rows, widths, boldRows: bold };
    }),
  ]);
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const INK = "#1d1d24";
const MUTED = "#6b6b78";
const RED = "#c8102e";

/** The report as an A4 PDF for printing and filing: title, period, bar charts and tables. */
export async function statisticsPdf(report: Report): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: report.title, Author: report.union, Creator: "匠心 Jiangxin" },
    bufferPages: true,
  });
  registerCjkFont(pdf);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = A4.width - 2 * MARGIN;
  const bottom = A4.height - MARGIN - 20;
  /** A new page unless `needed` points still fit on this one; true if it started one. */
  const ensure = (needed: number) => {
    if (pdf.y + needed <= bottom) return false;
    pdf.addPage();
    return true;
  };

  pdf.font("cjk").fillColor(RED).fontSize(20).text(report.title, MARGIN, MARGIN, { width });
  pdf.moveDown(0.3).fillColor(INK).fontSize(11).text(report.period, { width });
  pdf.fillColor(MUTED).fontSize(9).text(report.generated, { width });
  pdf
    .moveTo(MARGIN, pdf.y + 6)
    .lineTo(MARGIN + width, pdf.y + 6)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  pdf.y += 14;

  for (const section of report.sections) {
    // The title with its first line (a chart or table keeps its own title with it).
    ensure(section.lines.length > 0 ? 45 : 90);
    pdf.font("cjk").fillColor(RED).fontSize(14).text(section.title, MARGIN, pdf.y, { width });
    pdf.moveDown(0.3);
    for (const line of section.lines)
      pdf.fillColor(INK).fontSize(10).text(line, MARGIN, pdf.y, { width });
    if (section.bars && section.bars.items.some((b) => b.value > 0))
      drawBars(pdf, section.bars, width, ensure);
    for (const table of section.tables)
      if (table.rows.length > 0) drawTable(pdf, table, width, ensure);
    pdf.moveDown(0.8);
  }

  // Page numbers and the union's name at the foot of every page.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // Below the bottom margin pdfkit would start a new page for the footer.
    pdf.page.margins.bottom = 0;
    pdf
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${report.union} · ${report.period} · ${i + 1}/${range.count}`,
        MARGIN,
        A4.height - MARGIN + 8,
        {
          width,
          align: "center",
          lineBreak: false,
        },
      );
  }
  pdf.end();
  return done;
}

function drawBars(
  pdf: PDFKit.PDFDocument,
  bars: { title: string; items: { label: string; value: number }[] },
  width: number,
  ensure: (h: number) => boolean,
) {
  const shown = bars.items.slice(0, 16);
  const row = 15;
  const labelW = 150;
  const max = Math.max(1, ...shown.map((b) => b.value));
  ensure(shown.length * row + 30);
  pdf.moveDown(0.4);
  pdf.fillColor(INK).fontSize(10).text(bars.title, MARGIN, pdf.y, { width });
  let y = pdf.y + 4;
  for (const bar of shown) {
    pdf
      .fillColor(INK)
      .fontSize(8)
      .text(bar.label, MARGIN, y + 2, {
        width: labelW - 8,
        align: "right",
        lineBreak: false,
        ellipsis: true,
      });
    const w = ((width - labelW - 50) * bar.value) / max;
    pdf.rect(MARGIN + labelW, y + 2, Math.max(bar.value > 0 ? 1 : 0, w), row - 5).fill(RED);
    pdf
      .fillColor(MUTED)
      .fontSize(8)
      .text(String(bar.value), MARGIN + labelW + w + 4, y + 2, {
        lineBreak: false,
      });
    y += row;
  }
  pdf.y = y + 6;
}

function drawTable(
  pdf: PDFKit.PDFDocument,
  table: Table,
  width: number,
  ensure: (h: number) => boolean,
) {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const cols = table.widths.map((w) => (w / total) * width);
  const pad = 5;
  const size = 8.5;
  // Numbers and shares ("1.1%") right-aligned, their headings with them.
  const numeric = table.head.map(
    (_, i) =>
      table.rows.some((r) => typeof r[i] === "number") ||
      (table.rows.length > 0 && table.rows.every((r) => /^[\d.,]+\s?%$/.test(String(r[i])))),
  );
  // A long name (a labour contest's, a red-flag unit's) wraps within its cell, up to three
  // lines, and the row grows with it: cut with an ellipsis it could not be read or told apart.
  const heightOf = (cells: Cell[]) => {
    pdf.fontSize(size);
    const line = pdf.currentLineHeight(true);
    const heights = cells.map((cell, i) =>
      numeric[i] ? line : pdf.heightOfString(String(cell), { width: cols[i]! - 2 * pad }),
    );
    return Math.min(Math.max(line, ...heights), 3 * line) + 5;
  };
  const drawRow = (cells: Cell[], head: boolean) => {
    const row = heightOf(cells);
    // A table that runs on to the next page repeats its heading there.
    if (ensure(row) && !head) drawRow(table.head, true);
    const y = pdf.y;
    if (head) pdf.rect(MARGIN, y, width, row).fill("#f3eee6");
    let x = MARGIN;
    cells.forEach((cell, i) => {
      pdf
        .fillColor(INK)
        .fontSize(size)
        .text(String(cell), x + pad, y + 3, {
          width: cols[i]! - 2 * pad,
          height: row - 3,
          align: numeric[i] ? "right" : "left",
          ellipsis: true,
        });
      x += cols[i]!;
    });
    pdf
      .moveTo(MARGIN, y + row)
      .lineTo(MARGIN + width, y + row)
      .lineWidth(0.4)
      .strokeColor("#c9c9d2")
      .stroke();
    pdf.y = y + row;
  };
  // The title, the heading and at least two rows together, never a title alone at a page's foot.
  ensure(70);
  pdf.moveDown(0.4);
  pdf.fillColor(INK).fontSize(10).text(table.title, MARGIN, pdf.y, { width });
  pdf.moveDown(0.2);
  drawRow(table.head, true);
  for (const r of table.rows) drawRow(r, false);
  pdf.moveDown(0.4);
}
