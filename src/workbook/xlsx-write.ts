/**
 * Writes a workbook layout as .xlsx with ExcelJS (optionally filled with report data, unit
 * figures or roll-up formulas). No Node API here: the CLI (src/cli/xlsx.ts re-exports it)
 * and the task pane's "Kỳ mới" (loaded lazily, in its own chunk, with ExcelJS's browser
 * build) write workbooks with the same code.
 */
import type * as ExcelJS from "exceljs";
import { cellsOfRange, sheetRef } from "../report/refs";
import type { ReportData, ReportDefinition } from "../report/types";
import { buildLayout, FONT_NAME, FONT_SIZE, STYLES, inputValues, type CellStyle, type LayoutName, type SheetLayout, type WorkbookLayout } from "./layout";
import type { NextPeriodPlan } from "./next-period";
import { previousTotalsCells } from "./previous-totals";
import type { CellValue } from "./snapshot";
import { withFontsInOrder } from "./xlsx-patch";
import { definitionFitting, rolledUpWorkbook, unitWorkbookLayout, type UnitTable } from "./unit-workbook";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

/** A layout style as an ExcelJS style (a fresh object: ExcelJS shares style objects by reference). */
export function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: FONT_NAME,
      size: style.size ?? FONT_SIZE,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    },
  };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) out.alignment = alignment;
  if (style.numFmt) out.numFmt = style.numFmt;
  return out;
}

/** Excel's limits on data-validation texts. */
const clip = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max - 1) + "…");

/** Rows with a long wrapped text in column A (title or hint) get a height that shows it. */
function fitTextRows(ws: ExcelJS.Worksheet, sheet: SheetLayout): void {
  const width = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const merged = new Set(sheet.merges.map((m) => m.split(":")[0]));
  for (const c of sheet.cells) {
    const m = /^A([0-9]+)$/.exec(c.address);
    if (!m || typeof c.value !== "string") continue;
    if (c.style === "title") ws.getRow(Number(m[1])).height = 24;
    else if (c.style === "hint") {
      // a merged hint spans every column; a hint alone in A wraps within A
      const across = merged.has(c.address) ? width : (sheet.columns.find((col) => col.letter === "A")?.width ?? width);
      if (!(across > 0)) continue; // a sheet without columns (the hidden kind sheet): Excel's default height
      ws.getRow(Number(m[1])).height = Math.max(1, Math.ceil((c.value.length * 1.1) / across)) * 15;
    }
  }
}

function applySheet(ws: ExcelJS.Worksheet, sheet: SheetLayout): void {
  for (const c of sheet.columns) ws.getColumn(c.letter).width = c.width;
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.address);
    if (c.formula) cell.value = { formula: c.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    else if ((c.value ?? c.offered ?? null) !== null) cell.value = c.value ?? c.offered!; // a value offered (a table's row label) too
    cell.style = excelStyle(STYLES[c.style]);
  }
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const v of sheet.validations) {
    for (const address of cellsOfRange(v.ref)) {
      ws.getCell(address).dataValidation = {
        ...(v.type === "list"
          ? { type: "list" as const, formulae: [`"${v.list!.join(",")}"`] }
          : { type: "whole" as const, operator: "between" as const, formulae: [v.min, v.max] }),
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Giá trị không hợp lệ",
        error: clip(v.error, 255),
        showInputMessage: true,
        promptTitle: "Hướng dẫn",
        prompt: clip(v.prompt, 255),
      };
    }
  }
  // the title and the hint do not grow by themselves
  fitTextRows(ws, sheet);
  // printed on A4 landscape, one page wide, the header rows (if any) repeated
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(sheet.frozenRows > 0 ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
  };
  const firstInput = sheet.inputs[0]?.first ?? "A1";
  ws.views =
    sheet.frozenRows > 0
      ? [{ state: "frozen", xSplit: 0, ySplit: sheet.frozenRows, topLeftCell: `A${sheet.frozenRows + 1}`, activeCell: firstInput }]
      : [{ state: "normal", activeCell: firstInput }];
}

let excelJs: typeof ExcelJS | undefined;

/**
 * ExcelJS, loaded when the first workbook is made (it takes longer to load than the rest of
 * the command line together: `check` and `export` never load it).
 */
export function loadExcelJs(): typeof ExcelJS {
  return (excelJs ??= require("exceljs") as typeof ExcelJS);
}

/** A new, empty workbook with the report's document properties. */
export function newWorkbook(def: ReportDefinition): ExcelJS.Workbook {
  const wb = new (loadExcelJs().Workbook)();
  wb.creator = "bao-cao-tthc";
  wb.title = def.title;
  wb.created = new Date();
  wb.modified = wb.created;
  return wb;
}

/**
 * Adds a sheet laid out as `sheet` says (standard, unit or bookend sheet alike): widths,
 * labels and styles, merges, frozen header rows, data validation on numeric inputs, print
 * setup. Sheets are added at the end, so add them in the workbook's order.
 */
export function addLayoutSheet(wb: ExcelJS.Workbook, sheet: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, sheet.hidden ? { state: "veryHidden" } : undefined);
  applySheet(ws, sheet);
  // formulas of the layout (a table's total row, a computed column) are written without a result: Excel computes them on load
  if (sheet.cells.some((c) => c.formula)) wb.calcProperties.fullCalcOnLoad = true;
  return ws;
}

/** Workbook-level defined names, one per field ("PAKN_TONG" → 'I. Kết quả'!$C$12). */
export function addDefinedNames(wb: ExcelJS.Workbook, names: LayoutName[]): void {
  for (const n of names) wb.definedNames.add(sheetRef(n.sheet, n.ref), n.name);
}

/** Puts values into cells (a snapshot's values: text, number, boolean, error; null leaves the cell alone). */
export function setCellValues(wb: ExcelJS.Workbook, values: { sheet: string; address: string; value: CellValue }[]): void {
  for (const v of values) {
    if (v.value === null) continue;
    const cell = wb.getWorksheet(v.sheet)!.getCell(v.address);
    cell.value = typeof v.value === "object" ? ({ error: v.value.error } as ExcelJS.CellErrorValue) : v.value;
  }
}

/**
 * Writes formulas ("=SUM(DonViDau:DonViCuoi!C5)" or without the "="; English function
 * names, commas). No cached result is written: Excel computes it when the file is opened
 * (the workbook asks for a full calculation on load), LibreOffice computes formula cells
 * without a result on load, and our reader evaluates the roll-up's own formulas.
 */
export function setFormulas(wb: ExcelJS.Workbook, formulas: { sheet: string; cell: string; formula: string }[]): void {
  for (const f of formulas) {
    const cell = wb.getWorksheet(f.sheet)!.getCell(f.cell);
    cell.value = { formula: f.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    cell.style = excelStyle(STYLES.computed); // computed, no longer an input
  }
  if (formulas.length) wb.calcProperties.fullCalcOnLoad = true;
}

/**
 * A new workbook laid out as `layout` says: sheets in order, widths, labels and styles,
 * merges, frozen header rows, data validation on numeric inputs and one workbook-level
 * defined name per field. With `data`, the inputs are filled in.
 */
export function buildWorkbook(def: ReportDefinition, layout: WorkbookLayout, data?: ReportData): ExcelJS.Workbook {
  const wb = newWorkbook(def);
  for (const sheet of layout.sheets) addLayoutSheet(wb, sheet);
  addDefinedNames(wb, layout.names);
  if (data) setCellValues(wb, inputValues(def, layout, data));
  return wb;
}

/**
 * A unit workbook: one unit sheet for `unitName` whose input cells carry the workbook-level
 * defined names of the summary cells they roll up into, optionally filled with figures
 * (by field id). Throws an Error with a Vietnamese message when the name cannot be a sheet name.
 */
export function buildUnitWorkbook(
  def: ReportDefinition,
  unitName: string,
  figures: ReportData["values"] = {},
): { workbook: ExcelJS.Workbook; sheet: string; unitName: string; renamed: boolean } {
  const data: ReportData = { values: figures };
  const fitted = definitionFitting(def, data); // a table with the unit's own rows
  const planned = unitWorkbookLayout(fitted, unitName);
  if (!planned.ok) throw new Error(planned.message);
  const wb = newWorkbook(def);
  for (const sheet of planned.layout.sheets) addLayoutSheet(wb, sheet);
  addDefinedNames(wb, planned.layout.names);
  setCellValues(wb, inputValues(fitted, planned.layout, data));
  return { workbook: wb, sheet: planned.sheet, unitName: planned.unitName, renamed: planned.renamed };
}

/**
 * The rolled-up workbook: the standard sheets (the base's header and texts when given), the
 * bookends with one unit sheet per unit between them, the units' figures, and the summary
 * formulas in the report's section I.
 */
export function buildRollupWorkbook(
  def: ReportDefinition,
  units: { sheet: string; unitName: string; values: Record<string, CellValue>; tables?: Record<string, UnitTable> }[],
  base?: ReportData,
): ExcelJS.Workbook {
  const planned = rolledUpWorkbook(def, units, base);
  const wb = buildWorkbook(planned.def, planned.layout, planned.data);
  setCellValues(wb, planned.values);
  setFormulas(wb, planned.formulas);
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  // valid Open XML: ExcelJS writes a font's <sz> and <color> after its <name>, which the schema refuses
  return withFontsInOrder(out instanceof Uint8Array ? out : new Uint8Array(out));
}

/**
 * "Kỳ mới": next period's workbook as planned (src/workbook/next-period.ts): the report's
 * sheets with the kept texts and the new period, the unit sheets of a roll-up with their
 * figures cleared and the summary formulas, and this period's totals on the kind sheet.
 */
export function buildNextPeriodWorkbook(plan: Extract<NextPeriodPlan, { ok: true }>): ExcelJS.Workbook {
  let wb: ExcelJS.Workbook;
  if (plan.units.length) wb = buildRollupWorkbook(plan.def, plan.units, plan.data);
  else {
    const fitted = definitionFitting(plan.def, plan.data); // longer lists, the office's own rows
    wb = buildWorkbook(fitted, buildLayout(fitted), plan.data);
  }
  setCellValues(wb, previousTotalsCells(plan.previous));
  return wb;
}
