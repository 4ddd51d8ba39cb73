/**
 * "Nhận số liệu từ bảng": the one-stop system's table, pasted by the office into any sheet of
 * the workbook (or the selected block of cells, when one is selected there), read by its headers (the same mapping as `bao-cao import-figures`,
 * src/import/), shown to the office, and written into the report's table in one batch after
 * it agrees. Three round trips whatever the size of the workbook and of the table: the sheet
 * list and names; every sheet's used range; the writes.
 *
 * Rows the source adds (a lĩnh vực the table lacks) are inserted as whole rows inside the
 * table, before "Lĩnh vực khác" (or before the table's last row, the table then written in
 * its final order), so that the table's defined names and the total row's formulas cover
 * them, as Excel extends a reference when rows are inserted inside it.
 */
import { computedColumns, fieldById, tableRowsName } from "../report/definition";
import { cellAddress, columnLetter, parseCell, parseRange, parseSheetRef } from "../report/refs";
import type { ReportDefinition } from "../report/types";
import { importFirstTable } from "../import/figures";
import { MSG_IMPORT } from "../import/messages";
import { importSummary, placeInSheet, planFiguresImport, type SheetPlacement } from "../import/plan";
import { tablesOfSnapshot, type SourceTable } from "../import/source";
import { KIND_SHEET } from "../workbook/kind-sheet";
import { definitionOfWorkbook, WorkbookKindError } from "../workbook/kind-of";
import { buildLayout, type WorkbookLayout } from "../workbook/layout";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot";
import { findUnitSheets } from "../workbook/units";
import { UserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import { relevantSheets, sheetFromRange } from "./read-snapshot";
import { queueState, stateOf } from "./workbook-state";

/** What the office is shown before anything is written. */
export interface ImportFiguresPreview {
  /** what maps to what, the rows read, added and set to 0 (as the command line prints them) */
  lines: string[];
  /** the total row differing from the rows read, columns left out */
  warnings: string[];
  /** the sheet the table was read from, and the sheet it is written to */
  from: string;
  to: string;
}

export type ImportFiguresOutcome =
  | ({ status: "imported"; added: string[]; zeroed: string[]; definition: ReportDefinition } & ImportFiguresPreview)
  | { status: "cancelled"; definition: ReportDefinition }
  /** nothing to import from, or something cannot be mapped: `message` says what and how to fix it; nothing written */
  | { status: "refused"; message: string; definition?: ReportDefinition };

export interface ImportFiguresHooks {
  /** shows what will be written; resolve true to write it */
  confirm(preview: ImportFiguresPreview): Promise<boolean>;
}

export const MSG_IMPORT_EXCEL = {
  noSource: (sheets: string[]) =>
    `Chưa thấy bảng số liệu nào để nhận. Hãy dán bảng xuất từ hệ thống một cửa (cả dòng tiêu đề) vào một trang tính mới` +
    `${sheets.length ? ` (các trang tính đã xem: ${sheets.map((s) => `"${s}"`).join(", ")})` : ""}, rồi bấm lại "Nhận số liệu từ bảng".`,
  noTableName: (name: string) => `Sổ chưa có bảng số liệu (tên "${name}"). Hãy bấm "Tạo mẫu" trước, rồi nhận số liệu.`,
  protectedSheet: (sheet: string) => `Trang tính "${sheet}" đang được bảo vệ nên không ghi số liệu vào được. Hãy bỏ bảo vệ trang tính rồi làm lại.`,
  tooShort: (sheet: string) =>
    `Bảng ở trang tính "${sheet}" chỉ có một dòng nên không chèn thêm lĩnh vực vào trong bảng được. Hãy chèn thêm một dòng vào trong bảng (trên dòng Tổng cộng) rồi nhận lại.`,
} as const;

/** Every sheet whole (the pasted table may be anywhere), and the address of the selection: two round trips. */
async function readAll(context: Excel.RequestContext): Promise<{ snapshot: WorkbookSnapshot; protectedSheets: Set<string>; selection: string }> {
  const queued = queueState(context);
  const selected = context.workbook.getSelectedRange();
  selected.load("address");
  await context.sync();
  const state = stateOf(queued);
  const ranges = state.sheets.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("address,values,valueTypes,formulas");
    return { name, range };
  });
  await context.sync();
  return {
    snapshot: { sheets: ranges.map((r) => sheetFromRange(r.name, r.range)), names: state.names },
    protectedSheets: state.protectedSheets,
    selection: selected.address,
  };
}

/**
 * The tables to read: the selected range when it is a block (at least 2 rows and 3 columns) on
 * a sheet that may hold a pasted table, otherwise every such sheet whole. Cells keep their
 * addresses, so messages name the sheet's own cells.
 */
function sourceTables(snapshot: WorkbookSnapshot, candidates: string[], selection: string): SourceTable[] {
  const sel = parseSheetRef(selection);
  const range = sel ? parseRange(sel.ref) : null;
  const sheet = sel && snapshot.sheets.find((s) => s.name.toLowerCase() === sel.sheet.toLowerCase() && candidates.includes(s.name));
  if (sheet && range && range.end.row - range.start.row >= 1 && range.end.col - range.start.col >= 2) {
    const inside = (address: string) => {
      const { row, col } = parseCell(address);
      return row >= range.start.row && row <= range.end.row && col >= range.start.col && col <= range.end.col;
    };
    const cells = Object.fromEntries(Object.entries(sheet.cells).filter(([a]) => inside(a)));
    return tablesOfSnapshot({ sheets: [{ name: sheet.name, cells }], names: {} }).map((t) => ({ ...t, name: `vùng chọn ${sel!.sheet}!${sel!.ref}` }));
  }
  return tablesOfSnapshot({ sheets: snapshot.sheets.filter((s) => candidates.includes(s.name)), names: {} });
}

/** The sheets that may hold a pasted table: not a sheet of the report, not the kind sheet, not a unit sheet. */
function sourceSheets(def: ReportDefinition, layout: WorkbookLayout, snapshot: WorkbookSnapshot): string[] {
  const names = snapshot.sheets.map((s) => s.name);
  const own = new Set(
    [
      ...relevantSheets({ sheets: names, protectedSheets: new Set(), names: snapshot.names }, layout),
      KIND_SHEET,
      ...findUnitSheets(snapshot, def).map((u) => u.sheet),
    ].map((s) => s.toLowerCase()),
  );
  return names.filter((n) => !own.has(n.toLowerCase()));
}

/** Where the table's body and its labels are: sheet, first row, and the columns (1-based). */
function tableLocation(snapshot: WorkbookSnapshot, fieldId: string) {
  const body = snapshot.names[fieldId] ? parseSheetRef(snapshot.names[fieldId]) : null;
  const labels = snapshot.names[tableRowsName(fieldId)] ? parseSheetRef(snapshot.names[tableRowsName(fieldId)]) : null;
  if (!body || !labels || body.sheet !== labels.sheet) throw new UserFacingError(MSG_IMPORT_EXCEL.noTableName(!body ? fieldId : tableRowsName(fieldId)));
  const b = parseRange(body.ref);
  const l = parseRange(labels.ref);
  return { sheet: body.sheet, first: b.start.row, last: b.end.row, firstCol: b.start.col, labelCol: l.start.col };
}

export async function importFiguresInExcel(host: ExcelHost, hooks: ImportFiguresHooks): Promise<ImportFiguresOutcome> {
  return host.run(async (context) => {
    const { snapshot, protectedSheets, selection } = await readAll(context);
    let def: ReportDefinition;
    try {
      def = await definitionOfWorkbook(snapshot);
    } catch (e) {
      if (e instanceof WorkbookKindError) return { status: "refused", message: e.message };
      throw e;
    }
    if (!def.fields.some((f) => f.kind === "table")) return { status: "refused", definition: def, message: MSG_IMPORT.noTableField(def.title) };
    const layout = buildLayout(def);
    const candidates = sourceSheets(def, layout, snapshot);
    const tables = sourceTables(snapshot, candidates, selection);
    const imported = importFirstTable(def, tables, "");
    if (!imported.ok) return { status: "refused", definition: def, message: imported.headerFound ? imported.message : MSG_IMPORT_EXCEL.noSource(candidates) };
    const plan = planFiguresImport(def, layout, snapshot, imported);
    if (!plan.ok) return { status: "refused", definition: def, message: plan.message };

    const at = tableLocation(snapshot, imported.fieldId);
    const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === at.sheet.toLowerCase());
    const labels: CellValue[] = [];
    for (let row = at.first; row <= at.last; row++) labels.push(sheet?.cells[cellAddress({ row, col: at.labelCol })] ?? null);
    const figures = (r: number): CellValue[] =>
      fieldById(def, imported.fieldId).table!.columns.map((_, c) => sheet?.cells[cellAddress({ row: at.first + r, col: at.firstCol + c })] ?? null);
    const placed = placeInSheet(labels, figures, imported);
    if (placed.inserted && labels.length < 2) return { status: "refused", definition: def, message: MSG_IMPORT_EXCEL.tooShort(at.sheet) };
    if (protectedSheets.has(sheet?.name ?? at.sheet)) return { status: "refused", definition: def, message: MSG_IMPORT_EXCEL.protectedSheet(at.sheet) };

    const preview: ImportFiguresPreview = { lines: importSummary(imported, placed), warnings: imported.warnings, from: imported.source, to: at.sheet };
    if (!(await hooks.confirm(preview))) return { status: "cancelled", definition: def };
    writePlacement(context, def, imported.fieldId, at, placed);
    await context.sync();
    return { status: "imported", ...preview, added: placed.added, zeroed: placed.zeroed, definition: def };
  });
}

/** Queues the writes: the rows inserted, then the labels and every input column of the table in its final order. */
function writePlacement(
  context: Excel.RequestContext,
  def: ReportDefinition,
  fieldId: string,
  at: ReturnType<typeof tableLocation>,
  placed: SheetPlacement,
): void {
  const ws = context.workbook.worksheets.getItem(at.sheet);
  if (placed.inserted) {
    const row = at.first + placed.insertAt;
    ws.getRange(`${row}:${row + placed.inserted - 1}`).insert("Down");
  }
  const last = at.first + placed.rows.length - 1;
  const column = (col: number) => `${columnLetter(col)}${at.first}:${columnLetter(col)}${last}`;
  ws.getRange(column(at.labelCol)).values = placed.rows.map((r) => [r.label ?? ""]);
  const computed = computedColumns(fieldById(def, fieldId).table!);
  fieldById(def, fieldId).table!.columns.forEach((_, c) => {
    if (computed.has(c)) return; // a formula of the sheet: left alone
    ws.getRange(column(at.firstCol + c)).values = placed.rows.map((r) => [r.values[c] ?? ""]);
  });
}
