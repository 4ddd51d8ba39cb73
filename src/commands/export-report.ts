/**
 * The "export the Word report" command, without its edges: check the workbook's snapshot
 * and, when it has no error, hand back the report data, the warnings to show and the file
 * name to offer. Pure (no Node, no DOM, no office.js): the CLI, the task pane and the ribbon
 * each read the snapshot their own way, call `prepareExport`, then pack and deliver the
 * document their own way.
 */
import type { Problem, ReportData, ReportDefinition } from "../report/types";
import { checkWorkbook, hasErrors } from "../workbook/check-workbook";
import type { WorkbookLayout } from "../workbook/layout";
import type { WorkbookSnapshot } from "../workbook/snapshot";

export type ExportRefusal =
  /** no field of the report was found: the workbook is not a report workbook at all */
  | "notReportWorkbook"
  /** the workbook has at least one error */
  | "hasErrors";

export type PreparedExport =
  | {
      ok: false;
      reason: ExportRefusal;
      /** every problem found, errors first (warnings included, for context) */
      problems: Problem[];
    }
  | {
      ok: true;
      data: ReportData;
      /** problems that do not prevent the export (all warnings), in display order */
      warnings: Problem[];
      /** suggested file name, e.g. "bao-cao-cctthc-thang-11-2024.docx" */
      fileName: string;
    };

export interface ExportOptions {
  /** "now" for the date checks: a report year far from it is a warning (no such check without it) */
  today?: Date;
}

/** Checks the snapshot and prepares the export; refuses when the workbook has errors. */
export function prepareExport(
  def: ReportDefinition,
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  options: ExportOptions = {},
): PreparedExport {
  const check = checkWorkbook(def, layout, snapshot, { today: options.today });
  if (!check.isReportWorkbook) return { ok: false, reason: "notReportWorkbook", problems: check.problems };
  if (hasErrors(check.problems)) return { ok: false, reason: "hasErrors", problems: check.problems };
  return { ok: true, data: check.data, warnings: check.problems, fileName: reportFileName(check.data) };
}

const FILE_STEM = "bao-cao-cctthc";

function wholeIn(v: unknown, min: number, max: number): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

/**
 * The Word file's name: "bao-cao-cctthc-thang-11-2024.docx" (month not padded). Without a
 * usable month: "bao-cao-cctthc-nam-2024.docx"; without a usable year either:
 * "bao-cao-cctthc.docx". Only ASCII, so that it survives any file system and e-mail.
 */
export function reportFileName(data: ReportData): string {
  const month = wholeIn(data.values.THANG, 1, 12);
  const year = wholeIn(data.values.NAM, 1000, 9999);
  if (month !== null && year !== null) return `${FILE_STEM}-thang-${month}-${year}.docx`;
  if (month !== null) return `${FILE_STEM}-thang-${month}.docx`;
  if (year !== null) return `${FILE_STEM}-nam-${year}.docx`;
  return `${FILE_STEM}.docx`;
}
