// Leaderboard exports streamed a keyset page at a time, so a 500,000-entry event never sits
// in memory whole. CSV cells are neutralised against formula injection (domain/csv).
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { UTF8_BOM, toCsv, type CellValue } from "~/utils/csv";
import { translate, type Locale, type MessageKey, codeLabel, makeT } from "~/i18n";
import {
  allBoardRows,
  type BoardEvent,
  type BoardRow,
  type BoardView,
} from "~/models/leaderboard.server";

function header(locale: Locale, event: BoardEvent): string[] {
  const t = (k: MessageKey) => translate(locale, k);
  return [
    t("leaderboard.rank"),
    t(event.mode === "team" ? "leaderboard.teamName" : "leaderboard.name"),
    t("leaderboard.entryNumber"),
    t("leaderboard.organisation"),
    t("leaderboard.total"),
    ...(event.contest.showStandardised ? [t("leaderboard.standardised")] : []),
    t("leaderboard.prize"),
  ];
}

function cells(locale: Locale, event: BoardEvent, row: BoardRow): CellValue[] {
  return [
    row.rank,
    row.name,
    row.entryNumber ?? "",
    row.organisation,
    (row.total / 100).toFixed(2),
    ...(event.contest.showStandardised
      ? [row.standardised === null ? "" : row.standardised.toFixed(event.standardisedDecimals)]
      : []),
    codeLabel(makeT(locale), "leaderboard.prize", row.prize),
  ];
}

export function csvStream(
  locale: Locale,
  event: BoardEvent,
  view: BoardView,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = allBoardRows(event, view);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(
          encoder.encode(UTF8_BOM + toCsv([header(locale, event)], { bom: false })),
        );
        return;
      }
      // Other requests are served between pages.
      await new Promise((resolve) => setImmediate(resolve));
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(
        encoder.encode(
          toCsv(
            next.value.map((r) => cells(locale, event, r)),
            { bom: false },
          ),
        ),
      );
    },
  });
}

export function xlsxStream(
  locale: Locale,
  event: BoardEvent,
  view: BoardView,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet(event.code);
  void (async () => {
    try {
      sheet.addRow(header(locale, event)).commit();
      for await (const page of allBoardRows(event, view)) {
        await new Promise((resolve) => setImmediate(resolve));
        for (const row of page) {
          const values = cells(locale, event, row);
          values[4] = row.total / 100;
          sheet.addRow(values).commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}
