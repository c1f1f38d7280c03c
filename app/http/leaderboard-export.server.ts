// Leaderboard exports streamed a keyset page at a time, so a 500,000-entry event never sits
// in memory whole. CSV cells are neutralised against formula injection (domain/csv).
//
// A file is written on a thread of its own (one per process, started on the first export):
// reading and formatting 500,000 rows takes seconds of CPU, and on the event loop it made
// the board wait behind it (finding 9 of the security review: the board must stay under
// 100 ms p99 while ten exports run). Where no thread can start, the file is written here,
// yielding between pages.
import { createWriteStream } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parentPort, type Worker } from "node:worker_threads";
import { excel } from "~/utils/excel.server";
import { UTF8_BOM, toCsv, type CellValue } from "~/utils/csv";
import { translate, type Locale, type MessageKey, codeLabel, makeT } from "~/i18n";
import {
  allBoardRows,
  type BoardEvent,
  type BoardRow,
  type BoardView,
} from "~/models/leaderboard.server";
import {
  isThreadFor,
  lowerThreadPriority,
  nextMessage,
  startModuleThread,
} from "~/utils/module-thread.server";

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
  void (async () => {
    try {
      const ExcelJS = await excel();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet(event.code);
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

export type ExportSpec = {
  event: BoardEvent;
  view: BoardView;
  format: "csv" | "xlsx";
  locale: Locale;
};

async function writeHere(spec: ExportSpec, file: string): Promise<void> {
  const { event, view, format, locale } = spec;
  const stream =
    format === "csv" ? csvStream(locale, event, view) : xlsxStream(locale, event, view);
  await pipeline(
    Readable.fromWeb(stream as Parameters<typeof Readable.fromWeb>[0]),
    createWriteStream(file),
  );
}

// ───────────── the export thread ─────────────

const TASK = "jiangxin-export";

type Request = { spec: ExportSpec; file: string };
// The thread's message back to its caller: internal, never shown to anyone and never a
// refusal (the caller throws the error it carries), so it is not an Outcome.
type Reply = { ok: true } | { ok: false; error: string };

if (isThreadFor(TASK)) {
  const port = parentPort!;
  lowerThreadPriority();
  port.on("message", ({ spec, file }: Request) => {
    writeHere(spec, file).then(
      () => port.postMessage({ ok: true } satisfies Reply),
      (error: unknown) => port.postMessage({ ok: false, error: String(error) } satisfies Reply),
    );
  });
  port.postMessage("ready");
}

/** This process's export thread: null until the first export, false when none can start. */
let thread: Promise<Worker | false> | null = null;
/** One file at a time on the thread, so each reply answers the request before it. */
let queue: Promise<unknown> = Promise.resolve();

function exportThread(): Promise<Worker | false> {
  thread ??= startModuleThread(import.meta.url, TASK).then(
    (worker) => {
      // An idle thread does not keep the process alive; one that dies is started again.
      worker.unref();
      worker.once("exit", () => (thread = null));
      return worker;
    },
    (error: unknown) => {
      console.error("exports are written on the main thread: no export thread", error);
      return false as const;
    },
  );
  return thread;
}

/** Writes the export described by `spec` to `file`, off the event loop where it can. */
export function writeExport(spec: ExportSpec, file: string): Promise<void> {
  const run = async () => {
    const worker = await exportThread();
    if (!worker) return writeHere(spec, file);
    worker.postMessage({ spec, file } satisfies Request);
    const reply = await nextMessage(worker, (message) => message as Reply);
    if (!reply.ok) throw new Error(reply.error);
  };
  const done = queue.then(run, run);
  queue = done.catch(() => undefined);
  return done;
}
