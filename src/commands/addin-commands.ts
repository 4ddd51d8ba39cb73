/**
 * The add-in's commands, one implementation each, used by the task pane and the ribbon.
 * They take an ExcelHost (Office's Excel.run, or the simulated host) and return plain
 * results; the pane and the ribbon only decide how to show them.
 */
import { DefinitionError } from "../report/definition";
import { builtInKinds, DEFAULT_KIND_ID, loadDefinition } from "../report/kinds";
import { UserFacingError } from "../excel/errors";
import type { Problem, ReportData, ReportDefinition } from "../report/types";
import { applyLayout, type ApplyLayoutResult } from "../excel/apply-layout";
import { checkAndMark, selectCell, type CheckAndMarkResult } from "../excel/check-and-mark";
import type { ExcelHost, Progress } from "../excel/host";
import type { ImportFile, ImportResult, ImportStep } from "../excel/import-units";
import type { ImportFiguresHooks, ImportFiguresOutcome, ImportFiguresPreview } from "../excel/import-figures";
import { addUnits, NoUnitsError, rollupInExcel } from "../excel/units";
import { convertLegacyCells, type LegacyFixOutcome } from "../excel/fix-legacy-text";
import { hasErrors } from "../workbook/check-workbook";
import { buildLayout, type WorkbookLayout } from "../workbook/layout";
import type { UnitSheet } from "../workbook/units";
import { reportFileName } from "./export-report";

/**
 * The report kind a command works on: a built-in kind or an office's own definition. "Kiểm
 * tra" and "Xuất báo cáo" always read the kind from the workbook itself (its hidden kind
 * sheet); "Tạo mẫu" takes the kind the user chose; the units' commands take the pane's
 * current kind (the workbook's, as last read), the monthly report by default.
 */
const layouts = new WeakMap<ReportDefinition, WorkbookLayout>();
export function kindOf(def: ReportDefinition = loadDefinition(DEFAULT_KIND_ID)): { def: ReportDefinition; layout: WorkbookLayout } {
  let layout = layouts.get(def);
  if (!layout) layouts.set(def, (layout = buildLayout(def)));
  return { def, layout };
}

/** The built-in kinds offered by "Tạo mẫu", the monthly report first. */
export function reportKinds(): { id: string; title: string }[] {
  return builtInKinds().map((k) => ({ id: k.id, title: k.title }));
}

/**
 * An office's own definition from the text of a JSON file, checked against the schema; the
 * checker (Ajv) is loaded only now, in its own chunk. Throws DefinitionError with every
 * mistake in Vietnamese and its JSON path.
 */
export async function definitionFromFile(text: string, fileName: string): Promise<ReportDefinition> {
  const { parseDefinitionText } = await import(/* webpackChunkName: "definition-schema" */ "../report/definition-schema");
  try {
    return parseDefinitionText(text, `"${fileName}"`);
  } catch (e) {
    if (e instanceof DefinitionError) throw new UserFacingError(e.message);
    throw e;
  }
}

export type { ApplyLayoutResult, CheckAndMarkResult, ImportFile, ImportResult, ImportStep, LegacyFixOutcome };

/** How the .docx reached the user. */
export type Delivery =
  | { kind: "downloaded" }
  /** the host cannot download from the pane (Excel for Mac): the message says what to do */
  | { kind: "unsupported"; message: string };

export type ExportOutcome =
  | { status: "refused"; problems: Problem[]; check: CheckAndMarkResult; definition?: ReportDefinition }
  /** `unitSheets`: the unit sheets the check found, so the pane can group the warnings by unit */
  | { status: "cancelled"; warnings: Problem[]; unitSheets?: UnitSheet[]; definition?: ReportDefinition }
  | { status: "exported"; fileName: string; warnings: Problem[]; delivery: Delivery; size: number; unitSheets?: UnitSheet[]; definition?: ReportDefinition };

export interface ExportHooks {
  /** asked when the workbook has only warnings; resolve true to go on */
  confirmWarnings(warnings: Problem[]): Promise<boolean>;
  /** hands the finished document to the user */
  deliver(document: Blob, fileName: string): Promise<Delivery>;
  progress?: Progress;
  today?: Date;
}

/** "Tạo mẫu": creates the missing standard sheets of the chosen kind (the monthly report by default); never touches existing ones. */
export async function createTemplate(host: ExcelHost, kind?: ReportDefinition | string): Promise<ApplyLayoutResult & { definition: ReportDefinition }> {
  const { def, layout } = kindOf(typeof kind === "string" ? loadDefinition(kind) : kind);
  return { ...(await applyLayout(host, layout)), definition: def };
}

/** "Kiểm tra": checks the standard sheets (of the kind the workbook says it is) and marks each problem on its cell. */
export function checkWorkbookInExcel(host: ExcelHost, today?: Date): Promise<CheckAndMarkResult> {
  return checkAndMark(host, "fromWorkbook", { today });
}

/** Selects a problem's cell. */
export function selectProblem(host: ExcelHost, problem: Pick<Problem, "sheet" | "cell">): Promise<void> {
  return selectCell(host, problem.sheet, problem.cell);
}

/** Builds the Word document in the browser; docx is loaded only now, in its own chunk. */
export async function buildReportBlob(def: ReportDefinition, data: ReportData): Promise<Blob> {
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
  const check = await checkAndMark(host, "fromWorkbook", { today: hooks.today });
  const def = check.definition;
  if (hasErrors(check.problems)) return { status: "refused", problems: check.problems, check, definition: def };
  const warnings = check.problems;
  if (warnings.length && !(await hooks.confirmWarnings(warnings))) return { status: "cancelled", warnings, unitSheets: check.unitSheets, definition: def };
  progress("Đang tạo tệp Word…");
  const blob = await buildReportBlob(def, check.data);
  const fileName = reportFileName(def, check.data);
  progress("Đang tải tệp về…");
  const delivery = await hooks.deliver(blob, fileName);
  return { status: "exported", fileName, warnings, delivery, size: blob.size, unitSheets: check.unitSheets, definition: def };
}

/* ------------------------------------------------------------------ units */

export type AddUnitOutcome =
  | { status: "added"; unitName: string; sheet: string; renamed: boolean }
  /** the name cannot be a sheet name; `message` says why, in Vietnamese */
  | { status: "refused"; message: string };

/** "Thêm đơn vị": a unit sheet for `name`, before DonViCuoi (the bookends are created when missing). */
export async function addUnit(host: ExcelHost, name: string, kind?: ReportDefinition): Promise<AddUnitOutcome> {
  const { def, layout } = kindOf(kind);
  const r = await addUnits(host, def, layout, [{ name }]);
  if (r.refused.length) return { status: "refused", message: r.refused[0].message };
  const a = r.added[0];
  return { status: "added", unitName: a.unitName, sheet: a.sheet, renamed: a.renamed };
}

/**
 * "Nhập từ tệp": the units' .xlsx files as unit sheets. The reader (jszip) and the import are
 * loaded only now, in their own chunk, so the pane's first load stays small.
 */
export async function importUnits(host: ExcelHost, files: ImportFile[], progress?: (step: ImportStep) => void, kind?: ReportDefinition): Promise<ImportResult> {
  const { importUnits: run } = await import(/* webpackChunkName: "import-units" */ "../excel/import-units");
  const { def, layout } = kindOf(kind);
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
      /** lĩnh vực added as rows to the summary's table and every unit sheet: the label and the unit that had it */
      addedRows?: { label: string; unitName: string }[];
      /** summary cells that are not the sum of the units' figures (a unit sheet whose rows moved), checked on what Excel computed */
      crossCheck?: Problem[];
      /** the sheet of the units expected to send, made by this Tổng hợp (the workbook had none) */
      listAdded?: string | null;
      /** the sheet of each unit's figures, rates and rank, written anew by this Tổng hợp */
      unitResults?: string | null;
    }
  /** no unit sheet in the workbook; `message` says what to do */
  | { status: "noUnits"; message: string };

/**
 * "Tổng hợp": units between the bookends, and in each summary cell the formula that adds the
 * same cell over them. Asks before replacing a value the user typed into a summary cell.
 */
export async function rollup(host: ExcelHost, hooks: RollupHooks, kind?: ReportDefinition): Promise<RollupOutcome> {
  const { def, layout } = kindOf(kind);
  const labelOf = (fieldId: string) => def.fields.find((f) => f.id === fieldId)?.label ?? fieldId;
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
      addedRows: r.addedRows.map((a) => ({ label: a.label, unitName: a.unitName })),
      crossCheck: r.crossCheck,
      listAdded: r.listAdded,
      unitResults: r.unitResults,
    };
  } catch (e) {
    if (e instanceof NoUnitsError) return { status: "noUnits", message: e.message };
    throw e;
  }
}

/** "Chuyển sang Unicode": the cells of the check's legacy-encoding problems, to Unicode and Times New Roman. */
export function convertLegacyText(host: ExcelHost, problems: Pick<Problem, "sheet" | "cell">[]): Promise<LegacyFixOutcome> {
  return convertLegacyCells(
    host,
    problems.map((p) => ({ sheet: p.sheet, cell: p.cell })),
  );
}

/* ------------------------------------------------------------------ figures from the one-stop system */

export type { ImportFiguresHooks, ImportFiguresOutcome, ImportFiguresPreview };

/**
 * "Nhận số liệu từ bảng": the one-stop system's table pasted into a sheet, read by its headers
 * with the same code as `bao-cao import-figures`, written into the report's table once the
 * office agrees (src/excel/import-figures.ts, loaded only now, in its own chunk).
 */
export async function importFigures(host: ExcelHost, hooks: ImportFiguresHooks): Promise<ImportFiguresOutcome> {
  const { importFiguresInExcel } = await import(/* webpackChunkName: "import-figures" */ "../excel/import-figures");
  return importFiguresInExcel(host, hooks);
}

/* ------------------------------------------------------------------ next period, preview */

/*
 * "Kỳ mới" and "Xem trước" are implemented in ./period-commands.ts, loaded (with ExcelJS, or
 * with docx) only when their button is pressed; here are their types and thin entry points.
 */

export type NextPeriodOutcome =
  /** opened in a new Excel window (Excel.createWorkbook), or handed over as a file like the report */
  | {
      status: "opened" | "delivered";
      fileName: string;
      from: string;
      to: string;
      units: number;
      /** the period words rewritten in the kept texts, said in a sentence ("" when none) */
      rewrites: string;
      delivery?: Delivery;
      definition: ReportDefinition;
      /** what the office added and the new workbook does not carry (Vietnamese), when something is not */
      notKept?: string;
    }
  /** not a report workbook, or its period cannot be read: `message` says so */
  | { status: "refused"; message: string; definition?: ReportDefinition };

export interface NextPeriodHooks {
  /** keep the text sections ("Giữ lời văn") */
  keepText: boolean;
  /** hands the .xlsx to the user where Excel cannot open a new workbook */
  deliver(file: Blob, fileName: string): Promise<Delivery>;
  progress?: Progress;
}

export interface PreviewResult {
  /** the .docx bytes, the same as "Xuất báo cáo" builds */
  document: Blob;
  fileName: string;
  /** every problem of the workbook (the preview is shown even with errors) */
  problems: Problem[];
  unitSheets: UnitSheet[];
  definition: ReportDefinition;
}

const periodCommands = () => import(/* webpackChunkName: "next-period" */ "./period-commands");

/** "Kỳ mới": next period's workbook from the open one (see ./period-commands.ts). */
export async function nextPeriodWorkbook(host: ExcelHost, hooks: NextPeriodHooks): Promise<NextPeriodOutcome> {
  return (await periodCommands()).nextPeriodWorkbook(host, hooks);
}

/** "Xem trước": the report's .docx from the workbook as it is, errors or not (see ./period-commands.ts). */
export async function previewReport(host: ExcelHost, today?: Date): Promise<PreviewResult> {
  return (await periodCommands()).previewReport(host, today);
}
