/**
 * "Kỳ mới" and "Xem trước", the pane's commands, loaded only when their button is pressed
 * (addin-commands.ts holds their types and entry points). Both read the open workbook in
 * two round trips whatever the number of sheets, and write nothing to it.
 */
import { UserFacingError } from "../excel/errors";
import type { ExcelHost } from "../excel/host";
import { readSnapshot } from "../excel/read-snapshot";
import { periodWords } from "../report/period";
import type { ReportDefinition } from "../report/types";
import { checkWorkbook } from "../workbook/check-workbook";
import { definitionOfWorkbook, WorkbookKindError } from "../workbook/kind-of";
import type { WorkbookLayout } from "../workbook/layout";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { findUnitSheets } from "../workbook/units";
import { buildReportBlob, kindOf, type NextPeriodHooks, type NextPeriodOutcome, type PreviewResult } from "./addin-commands";
import { reportFileName } from "./export-report";

/** The open workbook's snapshot and kind, read in two round trips whatever the number of sheets; no write. */
async function readWorkbookKind(host: ExcelHost): Promise<{ def: ReportDefinition; layout: WorkbookLayout; snapshot: WorkbookSnapshot }> {
  const { snapshot } = await host.run((context) => readSnapshot(context, "unknown"));
  let def: ReportDefinition;
  try {
    def = await definitionOfWorkbook(snapshot);
  } catch (e) {
    if (e instanceof WorkbookKindError) throw new UserFacingError(e.message);
    throw e;
  }
  return { ...kindOf(def), snapshot };
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * "Kỳ mới": next period's workbook from the open one, which is not changed. Reads it (two
 * round trips, whatever the number of sheets), takes the workbook's own bytes from Office
 * (getFileAsync) and writes next period's changes into them (src/workbook/next-period-xlsx.ts,
 * the writer of the command line; rebuilt from the layout, saying what is not carried, where
 * the host cannot hand the file over), then opens it with Excel.createWorkbook (ExcelApi
 * 1.8), or hands it over like the report where that is missing.
 */
export async function nextPeriodWorkbook(host: ExcelHost, hooks: NextPeriodHooks): Promise<NextPeriodOutcome> {
  const progress = hooks.progress ?? (() => undefined);
  const { def, layout, snapshot } = await readWorkbookKind(host);
  // the workbook's own bytes, so that what the office added is carried (undefined where the host cannot give them)
  const original = host.documentFile ? await host.documentFile() : undefined;
  progress("Đang tạo sổ kỳ mới…");
  const { nextPeriodFile, toBase64, MSG_NEXT_PERIOD } = await import(/* webpackChunkName: "next-period-xlsx" */ "../workbook/next-period-xlsx");
  const file = await nextPeriodFile(def, layout, snapshot, { keepText: hooks.keepText }, original);
  if (!file.ok) return { status: "refused", message: file.message, definition: def };
  const to = periodWords(file.to);
  const done = {
    fileName: file.fileName,
    from: periodWords(file.from),
    to,
    units: file.units.length,
    rewrites: file.rewrites.length ? MSG_NEXT_PERIOD.rewrites(file.rewrites, to) : "",
    definition: def,
    ...(file.notKept ? { notKept: file.notKept } : {}),
  };
  if (host.createWorkbook && host.isSetSupported("ExcelApi", "1.8")) {
    progress("Đang mở sổ kỳ mới…");
    await host.createWorkbook(toBase64(file.bytes));
    return { status: "opened", ...done };
  }
  progress("Đang tải tệp về…");
  const delivery = await hooks.deliver(new Blob([file.bytes as BlobPart], { type: XLSX_MIME }), file.fileName);
  return { status: "delivered", delivery, ...done };
}

/**
 * "Xem trước": the report's .docx built exactly as "Xuất báo cáo" builds it, from the
 * workbook as it is, errors or not (a missing figure shows as the document shows it). Reads
 * only: two round trips, no mark written.
 */
export async function previewReport(host: ExcelHost, today?: Date): Promise<PreviewResult> {
  const { def, layout, snapshot } = await readWorkbookKind(host);
  const check = checkWorkbook(def, layout, snapshot, { today });
  if (!check.isReportWorkbook) {
    throw new UserFacingError('Sổ làm việc này chưa có các trang tính của mẫu báo cáo. Bấm "Tạo mẫu" để tạo.', "recreate");
  }
  const document = await buildReportBlob(def, check.data);
  return { document, fileName: reportFileName(def, check.data), problems: check.problems, unitSheets: findUnitSheets(snapshot, def), definition: def };
}
