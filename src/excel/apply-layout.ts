/**
 * "Tạo mẫu" in Excel: creates the standard sheets that are missing, with their labels,
 * styles, data validation, frozen header rows and workbook-level defined names. A sheet
 * that exists (also under another name, found through its defined names) is left as it
 * is, so running it twice changes nothing and user data is never overwritten.
 * Two round trips: one read, one batch of writes.
 */
import { FONT_NAME, FONT_SIZE, STYLES, writtenValue, type CellStyle, type SheetLayout, type WorkbookLayout } from "../workbook/layout";
import { KIND_SHEET, kindIdFromNames } from "../workbook/kind-sheet";
import { UserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import { actualSheetName, queueState, stateOf } from "./workbook-state";

export interface ApplyLayoutResult {
  /** sheets created now */
  created: string[];
  /** standard sheets that were already there (with their current name) */
  kept: string[];
  /** defined names (re)added */
  namesAdded: string[];
  /** whether Excel's data validation was set on numeric inputs (ExcelApi 1.8) */
  validation: boolean;
  /** whether the header rows were frozen (ExcelApi 1.7; on an older Excel the user can do it) */
  frozenPanes: boolean;
}

/**
 * What a new sheet gets beyond the manifest's floor (ExcelApi 1.4), as the host allows:
 * data validation (1.8) and frozen header rows (freezePanes, 1.7). Without them the sheet is
 * made all the same.
 */
export interface SheetFeatures {
  validation: boolean;
  freezePanes: boolean;
}

export function sheetFeatures(host: ExcelHost): SheetFeatures {
  return { validation: host.isSetSupported("ExcelApi", "1.8"), freezePanes: host.isSetSupported("ExcelApi", "1.7") };
}

/** Excel column width in points for a width in characters of the default font. */
export function columnWidthPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  f.font.name = FONT_NAME;
  f.font.size = style.size ?? FONT_SIZE;
  f.font.bold = !!style.bold;
  f.font.italic = !!style.italic;
  f.font.color = style.color ?? "#000000";
  if (style.fill) f.fill.color = style.fill;
  f.wrapText = !!style.wrap;
  if (style.hAlign) f.horizontalAlignment = style.hAlign === "center" ? "Center" : style.hAlign === "right" ? "Right" : "Left";
  if (style.vAlign) f.verticalAlignment = style.vAlign === "middle" ? "Center" : "Top";
  if (style.border) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
  if (style.numFmt) range.numberFormat = [[style.numFmt]];
}

/** Queues the writes that lay out one new sheet. */
export function queueSheet(sheet: Excel.Worksheet, layout: SheetLayout, features: SheetFeatures): void {
  layout.columns.forEach((c) => (sheet.getRange(`${c.letter}:${c.letter}`).format.columnWidth = columnWidthPoints(c.width)));
  for (const cell of layout.cells) {
    const range = sheet.getRange(cell.address);
    applyStyle(range, STYLES[cell.style]);
    if (cell.formula) range.formulas = [[cell.formula]];
    else if (writtenValue(cell) !== null) range.values = [[writtenValue(cell)!]];
  }
  for (const m of layout.merges) sheet.getRange(m).merge(false);
  sheet.getRange("A1").format.rowHeight = 24;
  sheet.getRange("A2").format.rowHeight = 30;
  if (features.validation) {
    for (const v of layout.validations) {
      const dv = sheet.getRange(v.ref).dataValidation;
      dv.rule =
        v.type === "list"
          ? { list: { inCellDropDown: true, source: v.list!.join(",") } }
          : { wholeNumber: { formula1: v.min, formula2: v.max, operator: "Between" } };
      dv.errorAlert = { showAlert: true, style: "Stop", title: "Giá trị không hợp lệ", message: v.error };
      dv.prompt = { showPrompt: true, title: "Nhập số", message: v.prompt.slice(0, 255) };
      dv.ignoreBlanks = true;
    }
  }
  if (layout.frozenRows > 0 && features.freezePanes) sheet.freezePanes.freezeRows(layout.frozenRows);
  if (layout.hidden) sheet.visibility = "VeryHidden";
}

export async function applyLayout(host: ExcelHost, layout: WorkbookLayout): Promise<ApplyLayoutResult> {
  const features = sheetFeatures(host);
  const { validation, freezePanes: frozenPanes } = features;
  const canSuspend = host.isSetSupported("ExcelApi", "1.6");
  return host.run(async (context) => {
    const queued = queueState(context);
    await context.sync();
    const state = stateOf(queued);

    const created: string[] = [];
    const kept: string[] = [];
    const namesAdded: string[] = [];
    const missing = layout.sheets.filter((s) => {
      const actual = actualSheetName(state, layout, s.name);
      if (actual && !s.hidden) kept.push(actual);
      return !actual;
    });
    // a name is re-added only for a new sheet, or where the name is missing entirely
    const names = layout.names.filter((n) => missing.some((s) => s.name === n.sheet) || !(n.name in state.names));
    const blocked = [...new Set(names.map((n) => actualSheetName(state, layout, n.sheet) ?? n.sheet))].filter((s) => state.protectedSheets.has(s));
    if (blocked.length) {
      throw new UserFacingError(
        `Trang tính ${blocked.map((s) => `"${s}"`).join(", ")} đang được bảo vệ. Bỏ bảo vệ (Review > Unprotect Sheet) rồi bấm "Tạo mẫu" lại.`,
      );
    }
    // a workbook already made for another report kind: its kind sheet is there, none of this kind's sheets is
    const existingKind = kindIdFromNames(state.names);
    const kindName = layout.names.find((n) => n.sheet === KIND_SHEET)?.name;
    if (existingKind && kindName && kindIdFromNames({ [kindName]: "" }) !== existingKind) {
      throw new UserFacingError(
        "Sổ làm việc này đã có mẫu của một loại báo cáo khác. Mở một sổ mới (Tệp > Mới) để tạo mẫu loại này; mỗi sổ chỉ chứa một loại báo cáo.",
      );
    }
    if (missing.length === 0 && names.length === 0) return { created, kept, namesAdded, validation, frozenPanes };

    if (canSuspend) context.workbook.application.suspendApiCalculationUntilNextSync();
    let firstNew: Excel.Worksheet | undefined;
    for (const s of missing) {
      const sheet = context.workbook.worksheets.add(s.name);
      // keep the standard order: after the previous standard sheet when there is one
      sheet.position = Math.min(layout.sheets.indexOf(s), state.sheets.length + created.length);
      queueSheet(sheet, s, features);
      if (!s.hidden) created.push(s.name); // the hidden kind sheet is not one the user sees
      firstNew ??= sheet;
    }
    for (const n of names) {
      const sheetName = actualSheetName(state, layout, n.sheet) ?? n.sheet;
      if (n.name in state.names) context.workbook.names.getItem(n.name).delete(); // broken (#REF!) name of a recreated sheet
      context.workbook.names.add(n.name, context.workbook.worksheets.getItem(sheetName).getRange(n.ref));
      namesAdded.push(n.name);
    }
    firstNew?.activate();
    await context.sync();
    return { created, kept, namesAdded, validation, frozenPanes };
  });
}
