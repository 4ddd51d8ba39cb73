/**
 * Report definition → workbook layout: which cells hold which labels, where each input
 * is, its style, number format, data validation and workbook-level defined name.
 *
 * The layout is plain data. The ExcelJS writer (CLI) and the office-js edge (add-in)
 * both apply it, so the two produce the same sheets.
 */
import { expectedListLayout } from "./expected-list";
import { WHOLE_RANGES } from "../report/check";
import { computedColumns, linesValue, numberValue, tableRowsName, tableValue, textValue } from "../report/definition";
import { isBuiltIn, originOf } from "../report/kinds";
import { periodChoices } from "../report/period";
import { KIND_SHEET, kindNameOf, kindSheetLayout } from "./kind-sheet";
import { absolute, cellAddress, cellsOfRange, columnLetter, parseRange } from "../report/refs";
import type { FieldDef, FieldKind, ReportData, ReportDefinition, SheetArrangement, SheetDef } from "../report/types";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "#RRGGBB" */
  color?: string;
  /** "#RRGGBB" background */
  fill?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle";
  /** thin border on every side */
  border?: boolean;
  /** Excel number format, e.g. "0" or "@" */
  numFmt?: string;
}

export const FONT_NAME = "Times New Roman";
export const FONT_SIZE = 12;
/** Fill that marks a cell as an input. */
export const INPUT_FILL = "#FFF2CC";

export const STYLES = {
  title: { bold: true, size: 14, color: "#1F3864", vAlign: "middle" },
  hint: { italic: true, size: 11, color: "#595959", wrap: true, vAlign: "top" },
  columnHeader: { bold: true, fill: "#D9E1F2", border: true, hAlign: "center", vAlign: "middle", wrap: true },
  heading: { bold: true, fill: "#EDEDED", border: true, vAlign: "middle", wrap: true },
  label: { border: true, wrap: true, vAlign: "top" },
  stt: { border: true, hAlign: "center", vAlign: "top" },
  /** a count's unit of measure (đơn vị tính: "TTHC") */
  measure: { border: true, hAlign: "center", vAlign: "top" },
  help: { italic: true, size: 10, color: "#595959", wrap: true, vAlign: "top", border: true },
  inputText: { fill: INPUT_FILL, border: true, wrap: true, vAlign: "top", numFmt: "@" },
  inputNumber: { fill: INPUT_FILL, border: true, hAlign: "right", vAlign: "top", numFmt: "0" },
  status: { size: 10, wrap: true, vAlign: "top", border: true },
  /** a cell computed by a formula (a roll-up's summary cell, a computed column): not an input, so not yellow */
  computed: { fill: "#E2EFDA", border: true, hAlign: "right", vAlign: "top", numFmt: "0" },
  /** a rate computed by a formula (the per-unit sheet's on-time rate): one decimal, as a percentage */
  computedRate: { fill: "#E2EFDA", border: true, hAlign: "right", vAlign: "top", numFmt: "0.0%" },
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;

export interface LayoutCell {
  address: string;
  value: string | number | null;
  /** a formula written instead of a value ("=SUM(C6:C13)") */
  formula?: string;
  /**
   * A value offered in an input cell of a new sheet (a table's row labels, from the
   * definition): written when the sheet is made, then the office's to edit. Not a text of the
   * layout (`value` stays null), so nothing compares the sheet with it.
   */
  offered?: string;
  style: StyleName;
}

/** What a writer puts in a layout cell of a new sheet (without a formula): its text, or the value offered there. */
export function writtenValue(cell: LayoutCell): string | number | null {
  return cell.value ?? cell.offered ?? null;
}

export interface LayoutColumn {
  letter: string;
  /** width in Excel character units */
  width: number;
}

/** Where a field's input lives. */
export interface LayoutInput {
  fieldId: string;
  kind: FieldKind;
  /** "C5" or "B5:B14" (relative) */
  ref: string;
  /** first cell of ref */
  first: string;
  rows: number;
  /** table: the row labels, one column left of the body ("B6:B13") */
  labels?: string;
}

export interface LayoutValidation {
  /** relative ref */
  ref: string;
  fieldId: string;
  /** a whole number in [min, max] (default), or one of `list` */
  type?: "whole" | "list";
  list?: string[];
  min: number;
  max: number;
  /** Vietnamese error shown by Excel when a typed value is refused */
  error: string;
  prompt: string;
}

export interface SheetLayout {
  id: string;
  name: string;
  arrangement: SheetArrangement;
  columns: LayoutColumn[];
  cells: LayoutCell[];
  merges: string[];
  inputs: LayoutInput[];
  validations: LayoutValidation[];
  /** Column where the add-in writes its check messages, beside each input row. */
  statusColumn: string;
  /** Rows frozen at the top (title, hint, column headers). */
  frozenRows: number;
  /** Last row the layout uses. */
  lastRow: number;
  /** a sheet the user never sees (Excel's "very hidden"): the kind sheet */
  hidden?: boolean;
}

export interface LayoutName {
  /** the field id */
  name: string;
  sheet: string;
  /** absolute ref, e.g. "$C$5" */
  ref: string;
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  names: LayoutName[];
}

interface Arrangement {
  columns: { width: number; header: string }[];
  /** column of the input */
  input: number;
  /** column of the label, or null when the label is a heading row */
  label: number | null;
  stt: number | null;
  /** column of the unit of measure (đơn vị tính) */
  measure: number | null;
  help: number | null;
  status: number;
}

const ARRANGEMENTS: Record<SheetArrangement, Arrangement> = {
  form: {
    columns: [
      { width: 34, header: "Nội dung" },
      { width: 62, header: "Nhập tại đây" },
      { width: 44, header: "Hướng dẫn" },
      { width: 44, header: "Kiểm tra" },
    ],
    label: 1,
    input: 2,
    help: 3,
    status: 4,
    stt: null,
    measure: null,
  },
  indicators: {
    columns: [
      { width: 6, header: "STT" },
      { width: 64, header: "Chỉ tiêu" },
      { width: 12, header: "Số liệu" },
      { width: 12, header: "Đơn vị tính" },
      { width: 44, header: "Kiểm tra" },
    ],
    stt: 1,
    label: 2,
    input: 3,
    measure: 4,
    help: null,
    status: 5,
  },
  paragraphs: {
    columns: [
      { width: 6, header: "STT" },
      { width: 100, header: "Nội dung (mỗi đoạn văn một dòng)" },
      { width: 44, header: "Kiểm tra" },
    ],
    stt: 1,
    label: null,
    input: 2,
    measure: null,
    help: null,
    status: 3,
  },
  // a table sheet is laid out by layoutTableSheet; these are its fixed columns
  table: {
    columns: [
      { width: 6, header: "STT" },
      { width: 36, header: "" },
    ],
    stt: 1,
    label: 2,
    input: 3,
    measure: null,
    help: null,
    status: 3,
  },
};

const FIRST_ITEM_ROW = 4;

const VALIDATION_ERROR = {
  count: "Nhập số nguyên từ 0 trở lên (không có thì nhập 0).",
  table: "Nhập số nguyên từ 0 trở lên (không có thì nhập 0).",
  day: "Nhập ngày là số nguyên từ 1 đến 31, hoặc để trống.",
  month: "Nhập tháng là số nguyên từ 1 đến 12.",
  year: "Nhập năm có bốn chữ số, ví dụ 2024.",
  period: "Chọn kỳ báo cáo trong danh sách.",
} as const;

/** Excel's data validation for a field: the same ranges and choices as the checks. */
function validationFor(def: ReportDefinition, f: FieldDef): Omit<LayoutValidation, "ref" | "fieldId" | "prompt"> | null {
  switch (f.kind) {
    case "count":
    case "day":
    case "month":
    case "year":
      return { ...WHOLE_RANGES[f.kind], error: VALIDATION_ERROR[f.kind] };
    case "table":
      return { ...WHOLE_RANGES.count, error: VALIDATION_ERROR.table };
    case "period":
      return { type: "list", list: periodChoices(def.period.types), min: 0, max: 0, error: VALIDATION_ERROR.period };
    default:
      return null;
  }
}

function isNumeric(kind: FieldKind): boolean {
  return kind === "count" || kind === "day" || kind === "month" || kind === "year";
}

/** Rows of a table sheet above its body: title, hint, group headers, column headers, column numbers. */
export const TABLE_FIRST_ROW = 6;

/**
 * A table sheet: title and hint, three header rows (group headers over their columns, the
 * columns' own headers, the column numbers (1)…(n)), one row per item (STT, the item's
 * label — offered from the definition, the office's to edit —, the figures), and a total row
 * computed by SUM formulas.
 */
function layoutTableSheet(def: ReportDefinition, sheet: SheetDef, f: FieldDef): SheetLayout {
  const t = f.table!;
  const cols = t.columns;
  const firstNum = 3;
  const lastNum = firstNum + cols.length - 1;
  const status = lastNum + 1;
  const cells: LayoutCell[] = [];
  const merges: string[] = [];
  const at = (row: number, col: number) => cellAddress({ row, col });
  const put = (row: number, col: number, value: string | number | null, style: StyleName, formula?: string) =>
    cells.push({ address: at(row, col), value, style, ...(formula ? { formula } : {}) });
  put(1, 1, sheet.title, "title");
  merges.push(`${at(1, 1)}:${at(1, status)}`);
  put(2, 1, sheet.hint, "hint");
  merges.push(`${at(2, 1)}:${at(2, status)}`);
  // header rows 3 (groups), 4 (columns), 5 (numbers)
  put(3, 1, "STT", "columnHeader");
  put(4, 1, null, "columnHeader");
  merges.push(`${at(3, 1)}:${at(4, 1)}`);
  put(3, 2, t.rowHeader, "columnHeader");
  put(4, 2, null, "columnHeader");
  merges.push(`${at(3, 2)}:${at(4, 2)}`);
  let c = 0;
  while (c < cols.length) {
    const group = cols[c].group;
    let end = c;
    while (group && end + 1 < cols.length && cols[end + 1].group === group) end++;
    if (group) {
      put(3, firstNum + c, group, "columnHeader");
      for (let k = c + 1; k <= end; k++) put(3, firstNum + k, null, "columnHeader");
      if (end > c) merges.push(`${at(3, firstNum + c)}:${at(3, firstNum + end)}`);
      for (let k = c; k <= end; k++) put(4, firstNum + k, cols[k].label, "columnHeader");
    } else {
      put(3, firstNum + c, cols[c].label, "columnHeader");
      put(4, firstNum + c, null, "columnHeader");
      merges.push(`${at(3, firstNum + c)}:${at(4, firstNum + c)}`);
    }
    c = end + 1;
  }
  put(3, status, "Kiểm tra", "columnHeader");
  put(4, status, null, "columnHeader");
  put(5, status, null, "columnHeader");
  merges.push(`${at(3, status)}:${at(5, status)}`);
  for (let k = 1; k <= lastNum; k++) put(5, k, `(${k})`, "columnHeader");

  const first = TABLE_FIRST_ROW;
  const rows = Math.max(1, t.rows.length);
  const last = first + rows - 1;
  // a computed column holds, in every row, the sum of its parts' cells of that row
  const computed = computedColumns(t);
  const rowFormula = (r: number, parts: number[]) => `=${parts.map((p) => at(r, firstNum + p)).join("+")}`;
  for (let r = first; r <= last; r++) {
    put(r, 1, r - first + 1, "stt");
    const offered = t.rows[r - first];
    cells.push({ address: at(r, 2), value: null, style: "inputText", ...(offered ? { offered } : {}) });
    for (let k = firstNum; k <= lastNum; k++) {
      const parts = computed.get(k - firstNum);
      if (parts) put(r, k, null, "computed", rowFormula(r, parts));
      else put(r, k, null, "inputNumber");
    }
    put(r, status, null, "status");
  }
  const total = last + 1;
  put(total, 1, null, "heading");
  put(total, 2, t.totalLabel, "heading");
  for (let k = firstNum; k <= lastNum; k++) {
    const letter = columnLetter(k);
    put(total, k, null, "computed", `=SUM(${letter}${first}:${letter}${last})`);
  }
  put(total, status, null, "status");

  const ref = `${at(first, firstNum)}:${at(last, lastNum)}`;
  const labels = `${at(first, 2)}:${at(last, 2)}`;
  const v = validationFor(def, f)!;
  // Excel's validation on the input columns only, one range per run of input columns
  const validations: LayoutValidation[] = [];
  for (let k = 0; k < cols.length; k++) {
    if (computed.has(k)) continue;
    let end = k;
    while (end + 1 < cols.length && !computed.has(end + 1)) end++;
    validations.push({ ref: `${at(first, firstNum + k)}:${at(last, firstNum + end)}`, fieldId: f.id, ...v, prompt: f.hint ?? f.label });
    k = end;
  }
  return {
    id: sheet.id,
    name: sheet.name,
    arrangement: "table",
    columns: [
      { letter: "A", width: 6 },
      { letter: "B", width: 36 },
      ...cols.map((_, k) => ({ letter: columnLetter(firstNum + k), width: 11 })),
      { letter: columnLetter(status), width: 40 },
    ],
    cells,
    merges,
    inputs: [{ fieldId: f.id, kind: "table", ref, first: at(first, firstNum), rows, labels }],
    validations,
    statusColumn: columnLetter(status),
    frozenRows: 5,
    lastRow: total,
  };
}

export function layoutSheet(def: ReportDefinition, sheet: SheetDef): SheetLayout {
  if (sheet.arrangement === "table") {
    const item = sheet.items.find((i): i is { field: string } => "field" in i)!;
    return layoutTableSheet(
      def,
      sheet,
      def.fields.find((f) => f.id === item.field)!,
    );
  }
  const arr = ARRANGEMENTS[sheet.arrangement];
  const lastCol = arr.columns.length;
  const fields = new Map(def.fields.map((f) => [f.id, f] as const));
  const cells: LayoutCell[] = [];
  const merges: string[] = [];
  const inputs: LayoutInput[] = [];
  const validations: LayoutValidation[] = [];
  const at = (row: number, col: number) => cellAddress({ row, col });
  const put = (row: number, col: number, value: string | number | null, style: StyleName) => cells.push({ address: at(row, col), value, style });
  const span = (row: number, from: number, to: number) => {
    if (to > from) merges.push(`${at(row, from)}:${at(row, to)}`);
  };

  put(1, 1, sheet.title, "title");
  span(1, 1, lastCol);
  put(2, 1, sheet.hint, "hint");
  span(2, 1, lastCol);
  arr.columns.forEach((c, i) => put(3, i + 1, c.header, "columnHeader"));

  let row = FIRST_ITEM_ROW;
  let stt = 0;
  for (const item of sheet.items) {
    if ("heading" in item) {
      put(row, 1, item.heading, "heading");
      for (let c = 2; c < arr.status; c++) put(row, c, null, "heading");
      span(row, 1, arr.status - 1);
      put(row, arr.status, null, "status");
      row++;
      stt = 0;
      continue;
    }
    const f = fields.get(item.field)!;
    const rows = f.kind === "lines" ? (f.rows ?? 1) : 1;
    if (arr.label === null) {
      // paragraphs: the field's label is a heading row above its list
      put(row, 1, f.label, "heading");
      for (let c = 2; c < arr.status; c++) put(row, c, null, "heading");
      span(row, 1, arr.status - 1);
      put(row, arr.status, null, "status");
      row++;
    }
    const first = row;
    for (let r = first; r < first + rows; r++) {
      if (arr.stt !== null) put(r, arr.stt, f.kind === "lines" ? r - first + 1 : ++stt, "stt");
      if (arr.label !== null) put(r, arr.label, r === first ? f.label : null, "label");
      put(r, arr.input, null, isNumeric(f.kind) ? "inputNumber" : "inputText");
      if (arr.measure !== null) put(r, arr.measure, r === first && f.measure ? f.measure : null, "measure");
      if (arr.help !== null) put(r, arr.help, r === first && f.hint ? f.hint : null, "help");
      put(r, arr.status, null, "status");
    }
    if (f.kind === "lines" && arr.label !== null && rows > 1) {
      // a list in a form: the label spans the list's rows
      merges.push(`${at(first, arr.label)}:${at(first + rows - 1, arr.label)}`);
      if (arr.help !== null) merges.push(`${at(first, arr.help)}:${at(first + rows - 1, arr.help)}`);
    }
    const firstCell = at(first, arr.input);
    const ref = rows > 1 ? `${firstCell}:${at(first + rows - 1, arr.input)}` : firstCell;
    inputs.push({ fieldId: f.id, kind: f.kind, ref, first: firstCell, rows });
    const v = validationFor(def, f);
    if (v) validations.push({ ref, fieldId: f.id, ...v, prompt: f.hint ?? f.label });
    row = first + rows;
    if (arr.label === null) row++; // a blank row between lists
  }

  return {
    id: sheet.id,
    name: sheet.name,
    arrangement: sheet.arrangement,
    columns: arr.columns.map((c, i) => ({ letter: columnLetter(i + 1), width: c.width })),
    cells,
    merges,
    inputs,
    validations,
    statusColumn: columnLetter(arr.status),
    frozenRows: 3,
    lastRow: row - 1,
  };
}

/** The standard workbook's layout, derived from the definition. */
export function buildLayout(def: ReportDefinition): WorkbookLayout {
  // the standard sheets, then the hidden sheet that tells the workbook's kind
  const sheets = [
    ...def.sheets.map((s) => layoutSheet(def, s)),
    ...(def.units.expected ? [expectedListLayout(def.units.expected)] : []), // the units expected to send (empty list)
    kindSheetLayout(originOf(def), !isBuiltIn(def)),
  ];
  const names: LayoutName[] = [];
  for (const s of sheets) names.push(...namesOf(s));
  names.push({ name: kindNameOf(def.id), sheet: KIND_SHEET, ref: "$B$1" });
  return { sheets, names };
}

/** The workbook-level defined names of a sheet's inputs (a table also names its row labels). */
export function namesOf(sheet: SheetLayout): LayoutName[] {
  return sheet.inputs.flatMap((i) => [
    { name: i.fieldId, sheet: sheet.name, ref: absolute(i.ref) },
    ...(i.labels ? [{ name: tableRowsName(i.fieldId), sheet: sheet.name, ref: absolute(i.labels) }] : []),
  ]);
}

/** The layout's input for a field, with its sheet. */
export function inputOf(layout: WorkbookLayout, fieldId: string): { sheet: SheetLayout; input: LayoutInput } {
  for (const sheet of layout.sheets) {
    const input = sheet.inputs.find((i) => i.fieldId === fieldId);
    if (input) return { sheet, input };
  }
  throw new Error(`Field ${fieldId} has no input in the layout`);
}

/**
 * The values to put in the input cells for given report data (used for the sample
 * workbook). Lists longer than their rows are cut here; callers that must keep every
 * line (none today) should lay out more rows first.
 */
export function inputValues(def: ReportDefinition, layout: WorkbookLayout, data: ReportData): { sheet: string; address: string; value: string | number }[] {
  const out: { sheet: string; address: string; value: string | number }[] = [];
  for (const sheet of layout.sheets) {
    for (const input of sheet.inputs) {
      const f = def.fields.find((x) => x.id === input.fieldId)!;
      const addresses = cellsOfRange(input.ref);
      if (f.kind === "table") {
        const table = tableValue(data, f.id);
        const { start } = parseRange(input.ref);
        const labels = cellsOfRange(input.labels!);
        const computed = computedColumns(f.table!); // their cells keep their formulas
        if (table.rows.length > labels.length) throw new Error(`${f.id}: ${table.rows.length} rows do not fit in ${labels.length} rows`);
        table.rows.forEach((label, r) => {
          if (label.trim()) out.push({ sheet: sheet.name, address: labels[r], value: label });
          (table.cells[r] ?? []).forEach((v, c) => {
            if (v !== null && v !== undefined && !computed.has(c))
              out.push({ sheet: sheet.name, address: cellAddress({ row: start.row + r, col: start.col + c }), value: v });
          });
        });
      } else if (f.kind === "lines") {
        const lines = linesValue(data, f.id);
        if (lines.length > addresses.length) throw new Error(`${f.id}: ${lines.length} lines do not fit in ${addresses.length} rows`);
        lines.forEach((line, i) => out.push({ sheet: sheet.name, address: addresses[i], value: line }));
      } else if (f.kind === "text" || f.kind === "period" || (f.kind === "date" && typeof data.values[f.id] === "string")) {
        const t = textValue(data, f.id);
        if (t) out.push({ sheet: sheet.name, address: input.first, value: t });
      } else {
        const n = numberValue(data, f.id);
        if (n !== null) out.push({ sheet: sheet.name, address: input.first, value: n });
      }
    }
  }
  return out;
}
