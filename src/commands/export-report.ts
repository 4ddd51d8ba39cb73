/**
 * The "export the Word report" command, without its edges: check the workbook's snapshot
 * and, when it has no error, hand back the report data, the warnings to show and the file
 * name to offer. Pure (no Node, no DOM, no office.js): the CLI, the task pane and the ribbon
 * each read the snapshot their own way, call `prepareExport`, then pack and deliver the
 * document their own way.
 */
import { wholeInRange } from "../report/check";
import { periodOf, periodSlug } from "../report/period";
import type { Problem, ReportData, ReportDefinition } from "../report/types";
import { checkWorkbook, hasErrors, type WorkbookCheck } from "../workbook/check-workbook";
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
  /** the snapshot's check when the caller has already made it (with the same `today`): not made twice */
  check?: WorkbookCheck;
}

/** Checks the snapshot and prepares the export; refuses when the workbook has errors. */
export function prepareExport(def: ReportDefinition, layout: WorkbookLayout, snapshot: WorkbookSnapshot, options: ExportOptions = {}): PreparedExport {
  const check = options.check ?? checkWorkbook(def, layout, snapshot, { today: options.today });
  if (!check.isReportWorkbook) return { ok: false, reason: "notReportWorkbook", problems: check.problems };
  if (hasErrors(check.problems)) return { ok: false, reason: "hasErrors", problems: check.problems };
  return { ok: true, data: check.data, warnings: check.problems, fileName: reportFileName(def, check.data) };
}

/**
 * The Word file's name: the kind's stem and its period, "bao-cao-cctthc-thang-11-2024.docx"
 * (month not padded), "bao-cao-giai-quyet-tthc-quy-3-2025.docx". Without a usable period:
 * the stem and the year ("…-nam-2024.docx"), or the month ("…-thang-11.docx"), or the stem
 * alone; a year or month counts only within the range the checks accept (WHOLE_RANGES of
 * src/report/check.ts). Only ASCII, so that it survives any file system and e-mail.
 */
export function reportFileName(def: ReportDefinition, data: ReportData): string {
  const stem = def.document.fileName;
  const year = wholeInRange(data.values[def.period.year], "year");
  const period = year !== null ? periodOf(def, data) : null;
  if (period) return `${stem}-${periodSlug(period)}.docx`;
  const month = def.period.month ? wholeInRange(data.values[def.period.month], "month") : null;
  if (year !== null) return `${stem}-nam-${year}.docx`;
  if (month !== null) return `${stem}-thang-${month}.docx`;
  return `${stem}.docx`;
}
