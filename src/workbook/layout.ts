/**
 * Report definition → workbook layout: which cells hold which labels, where each input
 * is, its style, number format, data validation and workbook-level defined name.
 *
 * The layout is plain data. The ExcelJS writer (CLI) and the office-js edge (add-in)
 * both apply it, so the two produce the same sheets.
 */
import { WHOLE_RANGES } from "../report/check";
import { linesValue, numberValue, textValue } from "../report/definition";
import { absolute, cellAddress, cellsOfRange, columnLetter } from "../report/refs";
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
  unit: { border: true, hAlign: "center", vAlign: "top" },
  help: { italic: true, size: 10, color: "#595959", wrap: true, vAlign: "top", border: true },
  inputText: { fill: INPUT_FILL, border: true, wrap: true, vAlign: "top", numFmt: "@" },
  inputNumber: { fill: INPUT_FILL, border: true, hAlign: "right", vAlign: "top", numFmt: "0" },
  status: { size: 10, wrap: true, vAlign: "top", border: true },
  /** a summary cell computed by the roll-up formula: not an input, so not yellow */
  computed: { fill: "#E2EFDA", border: true, hAlign: "right", vAlign: "top", numFmt: "0" },
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;

export interface LayoutCell {
  address: string;
  value: string | number | null;
  style: StyleName;
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
}

export interface LayoutValidation {
  /** relative ref */
  ref: string;
  fieldId: string;
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
  unit: number | null;
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
    unit: null,
  },
  indicators: {
    columns: [
      { width: 6, header: "STT" },
      { width: 64, header: "Chỉ tiêu" },
      { width: 12, header: "Số liệu" },
      { width: 10, header: "Đơn vị" },
      { width: 44, header: "Kiểm tra" },
    ],
    stt: 1,
    label: 2,
    input: 3,
    unit: 4,
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
    unit: null,
    help: null,
    status: 3,
  },
};

const FIRST_ITEM_ROW = 4;

const VALIDATION_ERROR: Partial<Record<FieldKind, string>> = {
  count: "Nhập số nguyên từ 0 trở lên (không có thì nhập 0).",
  day: "Nhập ngày là số nguyên từ 1 đến 31, hoặc để trống.",
  month: "Nhập tháng là số nguyên từ 1 đến 12.",
  year: "Nhập năm có bốn chữ số, ví dụ 2024.",
};

/** Excel's data validation for a numeric field: the same ranges as the checks. */
function validationFor(f: FieldDef): { min: number; max: number; error: string } | null {
  if (f.kind === "text" || f.kind === "lines") return null;
  return { ...WHOLE_RANGES[f.kind], error: VALIDATION_ERROR[f.kind]! };
}

function isNumeric(kind: FieldKind): boolean {
  return kind === "count" || kind === "day" || kind === "month" || kind === "year";
}

export function layoutSheet(def: ReportDefinition, sheet: SheetDef): SheetLayout {
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
    const rows = f.kind === "lines" ? f.rows ?? 1 : 1;
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
      if (arr.unit !== null) put(r, arr.unit, r === first && f.unit ? f.unit : null, "unit");
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
    const v = validationFor(f);
    if (v) validations.push({ ref, fieldId: f.id, min: v.min, max: v.max, error: v.error, prompt: f.hint ?? f.label });
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
  const sheets = def.sheets.map((s) => layoutSheet(def, s));
  const names: LayoutName[] = [];
  for (const s of sheets) for (const i of s.inputs) names.push({ name: i.fieldId, sheet: s.name, ref: absolute(i.ref) });
  return { sheets, names };
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
export function inputValues(
  def: ReportDefinition,
  layout: WorkbookLayout,
  data: ReportData,
): { sheet: string; address: string; value: string | number }[] {
  const out: { sheet: string; address: string; value: string | number }[] = [];
  for (const sheet of layout.sheets) {
    for (const input of sheet.inputs) {
      const f = def.fields.find((x) => x.id === input.fieldId)!;
      const addresses = cellsOfRange(input.ref);
      if (f.kind === "lines") {
        const lines = linesValue(data, f.id);
        if (lines.length > addresses.length) throw new Error(`${f.id}: ${lines.length} lines do not fit in ${addresses.length} rows`);
        lines.forEach((line, i) => out.push({ sheet: sheet.name, address: addresses[i], value: line }));
      } else if (f.kind === "text") {
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
