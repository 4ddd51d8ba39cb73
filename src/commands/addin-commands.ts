/**
 * The add-in's commands, one implementation each, used by the task pane and the ribbon.
 * They take an ExcelHost (Office's Excel.run, or the simulated host) and return plain
 * results; the pane and the ribbon only decide how to show them.
 */
import { loadDefinition } from "../report/kinds";
import type { Problem, ReportData } from "../report/types";
import { applyLayout, type ApplyLayoutResult } from "../excel/apply-layout";
import { checkAndMark, selectCell, type CheckAndMarkResult } from "../excel/check-and-mark";
import type { ExcelHost, Progress } from "../excel/host";
import type { ImportFile, ImportResult, ImportStep } from "../excel/import-units";
import { addUnits, NoUnitsError, rollupInExcel } from "../excel/units";
import { convertLegacyCells, type LegacyFixOutcome } from "../excel/fix-legacy-text";
import { hasErrors } from "../workbook/check-workbook";
import { buildLayout } from "../workbook/layout";
import type { UnitSheet } from "../workbook/units";
import { reportFileName } from "./export-report";

const def = loadDefinition();
const layout = buildLayout(def);

export type { ApplyLayoutResult, CheckAndMarkResult, ImportFile, ImportResult, ImportStep, LegacyFixOutcome };

/** How the .docx reached the user. */
export type Delivery =
  | { kind: "downloaded" }
  /** the host cannot download from the pane (Excel for Mac): the message says what to do */
  | { kind: "unsupported"; message: string };

export type ExportOutcome =
  | { status: "refused"; problems: Problem[]; check: CheckAndMarkResult }
  /** `unitSheets`: the unit sheets the check found, so the pane can group the warnings by unit */
  | { status: "cancelled"; warnings: Problem[]; unitSheets?: UnitSheet[] }
  | { status: "exported"; fileName: string; warnings: Problem[]; delivery: Delivery; size: number; unitSheets?: UnitSheet[] };

export interface ExportHooks {
  /** asked when the workbook has only warnings; resolve true to go on */
  confirmWarnings(warnings: Problem[]): Promise<boolean>;
  /** hands the finished document to the user */
  deliver(document: Blob, fileName: string): Promise<Delivery>;
  progress?: Progress;
  today?: Date;
}

/** "Tạo mẫu": creates the missing standard sheets; never touches existing ones. */
export function createTemplate(host: ExcelHost): Promise<ApplyLayoutResult> {
  return applyLayout(host, layout);
}

/** "Kiểm tra": checks the standard sheets and marks each problem on its cell. */
export function checkWorkbookInExcel(host: ExcelHost, today?: Date): Promise<CheckAndMarkResult> {
  return checkAndMark(host, def, layout, { today });
}

/** Selects a problem's cell. */
export function selectProblem(host: ExcelHost, problem: Pick<Problem, "sheet" | "cell">): Promise<void> {
  return selectCell(host, problem.sheet, problem.cell);
}

/** Builds the Word document in the browser; docx is loaded only now, in its own chunk. */
export async function buildReportBlob(data: ReportData): Promise<Blob> {
  const { packReportBlob } = await import(/* webpackChunkName: "docx" */ "../docx");
  return packReportBlob(def, data);
}

/**
 * "Xuất báo cáo": checks (and marks) first; with errors it stops; with only warnings it
 * asks; then it builds the document with the same code as the CLI and delivers it.
 */
export async function exportReport(host: ExcelHost, hooks: ExportHooks): Promise<ExportOutcome> {
  const progress = hooks.progress ?? (() => undefined);
  progress("Đang kiểm tra số liệu…");
  const check = await checkAndMark(host, def, layout, { today: hooks.today });
  if (hasErrors(check.problems)) return { status: "refused", problems: check.problems, check };
  const warnings = check.problems;
  if (warnings.length && !(await hooks.confirmWarnings(warnings))) return { status: "cancelled", warnings, unitSheets: check.unitSheets };
  progress("Đang tạo tệp Word…");
  const blob = await buildReportBlob(check.data);
  const fileName = reportFileName(def, check.data);
  progress("Đang tải tệp về…");
  const delivery = await hooks.deliver(blob, fileName);
  return { status: "exported", fileName, warnings, delivery, size: blob.size, unitSheets: check.unitSheets };
}

/* ------------------------------------------------------------------ units */

export type AddUnitOutcome =
  | { status: "added"; unitName: string; sheet: string; renamed: boolean }
  /** the name cannot be a sheet name; `message` says why, in Vietnamese */
  | { status: "refused"; message: string };

/** "Thêm đơn vị": a unit sheet for `name`, before DonViCuoi (the bookends are created when missing). */
export async function addUnit(host: ExcelHost, name: string): Promise<AddUnitOutcome> {
  const r = await addUnits(host, def, layout, [{ name }]);
  if (r.refused.length) return { status: "refused", message: r.refused[0].message };
  const a = r.added[0];
  return { status: "added", unitName: a.unitName, sheet: a.sheet, renamed: a.renamed };
}

/**
 * "Nhập từ tệp": the units' .xlsx files as unit sheets. The reader (jszip) and the import are
 * loaded only now, in their own chunk, so the pane's first load stays small.
 */
export async function importUnits(host: ExcelHost, files: ImportFile[], progress?: (step: ImportStep) => void): Promise<ImportResult> {
  const { importUnits: run } = await import(/* webpackChunkName: "import-units" */ "../excel/import-units");
  return run(host, def, layout, files, progress);
}

/** A summary cell holding a value the user typed, which "Tổng hợp" would replace by its formula. */
export interface TypedSummaryCell {
  sheet: string;
  cell: string;
  value: unknown;
  /** the field's label, e.g. "Tổng số PAKN đã tiếp nhận" */
  label: string;
}

export interface RollupHooks {
  /** asked before replacing typed values; resolve true to replace them, false to keep them */
  confirmOverwrite(cells: TypedSummaryCell[]): Promise<boolean>;
}

export type RollupOutcome =
  | {
      status: "done";
      /** unit sheets added up */
      units: number;
      /** the summary sheet (the report's section I, under its current name) */
      sheet: string;
      /** summary cells given the formula */
      written: number;
      /** typed values kept at the user's request */
      kept: Omit<TypedSummaryCell, "value">[];
      /** sheets moved to put every unit between the bookends */
      moved: string[];
      /** summary cells that are not the sum of the units' figures (a unit sheet whose rows moved), checked on what Excel computed */
      crossCheck?: Problem[];
    }
  /** no unit sheet in the workbook; `message` says what to do */
  | { status: "noUnits"; message: string };

const labelOf = (fieldId: string) => def.fields.find((f) => f.id === fieldId)?.label ?? fieldId;

/**
 * "Tổng hợp": units between the bookends, and in each summary cell the formula that adds the
 * same cell over them. Asks before replacing a value the user typed into a summary cell.
 */
export async function rollup(host: ExcelHost, hooks: RollupHooks): Promise<RollupOutcome> {
  try {
    const r = await rollupInExcel(host, def, layout, {
      confirmOverwrite: (cells) => hooks.confirmOverwrite(cells.map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.value, label: labelOf(c.fieldId) }))),
    });
    return {
      status: "done",
      units: r.units.length,
      sheet: r.written[0]?.sheet ?? r.kept[0]?.sheet ?? "",
      written: r.written.length,
      kept: r.kept.map((k) => ({ sheet: k.sheet, cell: k.cell, label: labelOf(k.fieldId) })),
      moved: r.moved,
      crossCheck: r.crossCheck,
    };
  } catch (e) {
    if (e instanceof NoUnitsError) return { status: "noUnits", message: e.message };
    throw e;
  }
}

/** "Chuyển sang Unicode": the cells of the check's legacy-encoding problems, to Unicode and Times New Roman. */
export function convertLegacyText(host: ExcelHost, problems: Pick<Problem, "sheet" | "cell">[]): Promise<LegacyFixOutcome> {
  return convertLegacyCells(host, problems.map((p) => ({ sheet: p.sheet, cell: p.cell })));
}
