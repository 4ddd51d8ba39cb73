/**
 * The in-memory workbook behind the simulated office.js proxies: sheets, cells, formats,
 * merges, defined names, data validation, protection, frozen panes, selection.
 *
 * Mutating methods used by the proxies throw `SimOfficeError`s with Excel's codes; they are
 * called while a `context.sync()` replays its queue. The "direct" helpers (`setCellValue`,
 * `cell`, `sheetNames`, `toJSON` …) are for tests and the sandbox page.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  cellAddress,
  containsCell,
  containsRect,
  definedNameProblem,
  formatRect,
  intersect,
  isWholeColumns,
  isWholeRows,
  parseRect,
  rectCellCount,
  sheetNameProblem,
  sheetPrefix,
  subtractRect,
} from "./address";
import { PROTECTED_SHEET_MESSAGE, SimOfficeError, simError } from "./errors";
import { CellValue, FormulaEnv, Reference, evaluateFormula, isCellError, mapReferences, singleReference, tokenize } from "./formula";
import { apiValue, parseInput } from "./values";

// ---------------------------------------------------------------------------------------------
// Types

export interface SimFont {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  name: string;
  underline: string;
  strikethrough: boolean;
}

export type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "DiagonalDown" | "DiagonalUp";

export interface SimBorder {
  style: string;
  color: string;
  weight: string;
}

/** The format part of a cell. */
export interface SimCellFormat {
  numberFormat: string;
  /** "#RRGGBB", or null for no fill (office.js reads "#FFFFFF"). */
  fill: string | null;
  font: SimFont;
  wrap: boolean;
  /** Excel.HorizontalAlignment: "General", "Left", "Center", "Right", … */
  hAlign: string;
  /** Excel.VerticalAlignment: "Bottom", "Center", "Top", … */
  vAlign: string;
  /** Only the edges that have a line. */
  borders?: Partial<Record<BorderEdge, SimBorder>>;
}

export interface SimCell extends SimCellFormat {
  /** The literal value, or for a formula cell its last computed result. null = empty. */
  value: CellValue;
  /** "=SUM(C5:C9)", or null. */
  formula: string | null;
}

export interface FormatPatch {
  numberFormat?: string;
  fill?: string | null;
  font?: Partial<SimFont>;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
}

export interface SimValidationRule {
  wholeNumber?: { formula1: string; formula2?: string; operator: string };
  decimal?: { formula1: string; formula2?: string; operator: string };
  textLength?: { formula1: string; formula2?: string; operator: string };
  date?: { formula1: string; formula2?: string; operator: string };
  time?: { formula1: string; formula2?: string; operator: string };
  list?: { inCellDropDown: boolean; source: string };
  custom?: { formula: string };
}

export interface SimErrorAlert {
  message: string;
  showAlert: boolean;
  style: string;
  title: string;
}

export interface SimPrompt {
  message: string;
  showPrompt: boolean;
  title: string;
}

/** Data validation of one rectangle (a range with validation is a list of these). */
export interface SimValidation {
  rect: Rect;
  /** null: "any value" (only an error alert or prompt was set). */
  rule: SimValidationRule | null;
  errorAlert: SimErrorAlert;
  prompt: SimPrompt;
  ignoreBlanks: boolean;
}

export interface SimName {
  name: string;
  /** "='I. Kết quả'!$C$5" */
  formula: string;
  comment: string;
  visible: boolean;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SimChangeEvent {
  /** "sync": a context.sync() that changed something; "direct": a helper such as setCellValue or load. */
  source: "sync" | "direct";
}

export type SetCellResult = { accepted: true } | { accepted: false; reason: "protected" | "validation" | "invalid"; message: string };

// ---------------------------------------------------------------------------------------------
// Defaults

export const DEFAULT_FONT: SimFont = {
  bold: false,
  italic: false,
  color: "#000000",
  size: 11,
  name: "Calibri",
  underline: "None",
  strikethrough: false,
};

/** Points; Excel's default for Calibri 11 (8.43 characters, 64 px). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Points; Excel's default for Calibri 11 (20 px). */
export const DEFAULT_ROW_HEIGHT = 15;

export const DEFAULT_ERROR_ALERT: SimErrorAlert = { message: "", showAlert: true, style: "Stop", title: "" };
export const DEFAULT_PROMPT: SimPrompt = { message: "", showPrompt: false, title: "" };

/** Cell-by-cell operations on more cells than this are refused (whole rows/columns use row/column formats). */
export const MAX_CELL_OPERATION = 1_000_000;

export function defaultFormat(): SimCellFormat {
  return { numberFormat: "General", fill: null, font: { ...DEFAULT_FONT }, wrap: false, hAlign: "General", vAlign: "Bottom" };
}

function cloneFormat(f: SimCellFormat): SimCellFormat {
  const out: SimCellFormat = { numberFormat: f.numberFormat, fill: f.fill, font: { ...f.font }, wrap: f.wrap, hAlign: f.hAlign, vAlign: f.vAlign };
  if (f.borders) out.borders = cloneBorders(f.borders);
  return out;
}

function cloneBorders(b: Partial<Record<BorderEdge, SimBorder>>): Partial<Record<BorderEdge, SimBorder>> {
  const out: Partial<Record<BorderEdge, SimBorder>> = {};
  for (const [k, v] of Object.entries(b)) if (v) out[k as BorderEdge] = { ...v };
  return out;
}

function cloneCell(c: SimCell): SimCell {
  return { ...cloneFormat(c), value: isCellError(c.value) ? { ...c.value } : c.value, formula: c.formula };
}

function applyPatch(f: SimCellFormat, p: FormatPatch): void {
  if (p.numberFormat !== undefined) f.numberFormat = p.numberFormat;
  if (p.fill !== undefined) f.fill = p.fill;
  if (p.font) Object.assign(f.font, p.font);
  if (p.wrap !== undefined) f.wrap = p.wrap;
  if (p.hAlign !== undefined) f.hAlign = p.hAlign;
  if (p.vAlign !== undefined) f.vAlign = p.vAlign;
}

function mergePatch(a: FormatPatch | undefined, b: FormatPatch): FormatPatch {
  const out: FormatPatch = { ...(a ?? {}), ...b };
  if (a?.font || b.font) out.font = { ...(a?.font ?? {}), ...(b.font ?? {}) };
  return out;
}

function sameFormat(a: SimCellFormat, b: SimCellFormat): boolean {
  return JSON.stringify(cloneFormat(a)) === JSON.stringify(cloneFormat(b));
}

const KEY_COLS = MAX_COLUMNS;
const key = (row: number, col: number) => row * KEY_COLS + col;
const rowOf = (k: number) => Math.floor(k / KEY_COLS);
const colOf = (k: number) => k % KEY_COLS;

// ---------------------------------------------------------------------------------------------
// Shifting (insert / delete of rows or columns)

export interface ShiftOp {
  axis: "rows" | "columns";
  /** first row (or column) inserted / deleted */
  at: number;
  count: number;
  insert: boolean;
  /** the other axis' span affected (whole rows: every column) */
  band: [number, number];
}

/** New [a1, a2] of a span after the shift; null when it was deleted or pushed off the sheet. */
function shiftSpan(a1: number, a2: number, op: ShiftOp, max: number): [number, number] | null {
  const n = op.count;
  if (op.insert) {
    if (a1 >= op.at) return a2 + n < max ? [a1 + n, a2 + n] : null;
    if (a2 >= op.at) return [a1, Math.min(a2 + n, max - 1)];
    return [a1, a2];
  }
  const end = op.at + n - 1;
  if (a2 < op.at) return [a1, a2];
  if (a1 > end) return [a1 - n, a2 - n];
  if (a1 >= op.at && a2 <= end) return null;
  return [a1 < op.at ? a1 : op.at, a2 > end ? a2 - n : op.at - 1];
}

/** A rectangle after the shift: unchanged when outside the band, null when deleted. */
export function shiftRect(r: Rect, op: ShiftOp): Rect | null {
  if (op.axis === "rows") {
    if (r.c1 < op.band[0] || r.c2 > op.band[1]) return r;
    if (r.r1 === 0 && r.r2 === MAX_ROWS - 1) return r;
    const s = shiftSpan(r.r1, r.r2, op, MAX_ROWS);
    return s ? { r1: s[0], c1: r.c1, r2: s[1], c2: r.c2 } : null;
  }
  if (r.r1 < op.band[0] || r.r2 > op.band[1]) return r;
  if (r.c1 === 0 && r.c2 === MAX_COLUMNS - 1) return r;
  const s = shiftSpan(r.c1, r.c2, op, MAX_COLUMNS);
  return s ? { r1: r.r1, c1: s[0], r2: r.r2, c2: s[1] } : null;
}

function shiftReference(ref: Reference, op: ShiftOp): Reference | undefined {
  if (!ref.area || ref.sheetBroken) return undefined;
  const moved = shiftRect(ref.area, op);
  if (moved === ref.area) return undefined;
  if (!moved) return { ...ref, area: null };
  const a = ref.area;
  if (moved.r1 === a.r1 && moved.r2 === a.r2 && moved.c1 === a.c1 && moved.c2 === a.c2) return undefined;
  return { ...ref, area: { ...a, ...moved } };
}

// ---------------------------------------------------------------------------------------------
// Sheet

let sheetCounter = 0;

function newSheetId(): string {
  sheetCounter += 1;
  return `{00000000-0001-0000-${sheetCounter.toString(16).toUpperCase().padStart(4, "0")}-000000000000}`;
}

export type ProtectionOptions = Record<string, boolean | string>;

export class SimSheet {
  id: string;
  name: string;
  visibility: SheetVisibility = "Visible";
  /** "" when the tab has no colour (as office.js returns it). */
  tabColor = "";
  protected = false;
  protectionOptions: ProtectionOptions = {};
  protectionPassword: string | null = null;
  frozenRows = 0;
  frozenColumns = 0;
  showGridlines = true;
  selection: Rect = { r1: 0, c1: 0, r2: 0, c2: 0 };
  /** Sparse cells, keyed by row * 16384 + column. */
  readonly cells = new Map<number, SimCell>();
  /** Column widths in points (only the ones that differ from the default). */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points (only the ones set). */
  readonly rowHeights = new Map<number, number>();
  /** Formats given to whole columns / whole rows / the whole sheet (cells without their own format use them). */
  readonly columnFormats = new Map<number, FormatPatch>();
  readonly rowFormats = new Map<number, FormatPatch>();
  sheetFormat: FormatPatch = {};
  merges: Rect[] = [];
  validations: SimValidation[] = [];

  constructor(name: string, id?: string) {
    this.name = name;
    this.id = id ?? newSheetId();
  }

  /** The stored cell, if any (no defaults). */
  getStoredCell(row: number, col: number): SimCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The format a cell without its own format has at this position. */
  baseFormat(row: number, col: number): SimCellFormat {
    const f = defaultFormat();
    applyPatch(f, this.sheetFormat);
    const cf = this.columnFormats.get(col);
    if (cf) applyPatch(f, cf);
    const rf = this.rowFormats.get(row);
    if (rf) applyPatch(f, rf);
    return f;
  }

  /** The cell as Excel shows it (a copy, with defaults when nothing is stored). */
  cellAt(row: number, col: number): SimCell {
    const c = this.cells.get(key(row, col));
    if (c) return cloneCell(c);
    return { ...this.baseFormat(row, col), value: null, formula: null };
  }

  ensureCell(row: number, col: number): SimCell {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { ...this.baseFormat(row, col), value: null, formula: null };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Drops a stored cell that holds nothing and looks like its base format. */
  prune(row: number, col: number): void {
    const k = key(row, col);
    const c = this.cells.get(k);
    if (c && c.value === null && c.formula === null && sameFormat(c, this.baseFormat(row, col))) this.cells.delete(k);
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Stored cells inside a rectangle, as [row, col, cell]. */
  *cellsIn(r: Rect): Iterable<[number, number, SimCell]> {
    if (rectCellCount(r) <= this.cells.size) {
      for (let row = r.r1; row <= r.r2; row++) {
        for (let col = r.c1; col <= r.c2; col++) {
          const c = this.cells.get(key(row, col));
          if (c) yield [row, col, c];
        }
      }
      return;
    }
    for (const [k, c] of this.cells) {
      const row = rowOf(k);
      const col = colOf(k);
      if (containsCell(r, row, col)) yield [row, col, c];
    }
  }

  /** The used range: bounding box of cells with a value (valuesOnly) or with a value or a format. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    for (const [k, c] of this.cells) {
      if (valuesOnly && c.value === null && c.formula === null) continue;
      const row = rowOf(k);
      const col = colOf(k);
      if (row < r1) r1 = row;
      if (row > r2) r2 = row;
      if (col < c1) c1 = col;
      if (col > c2) c2 = col;
    }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => containsCell(m, row, col));
  }
}

// ---------------------------------------------------------------------------------------------
// JSON form

export interface SimSheetJSON {
  name: string;
  id: string;
  visibility: SheetVisibility;
  tabColor: string;
  protected: boolean;
  protectionOptions?: ProtectionOptions;
  protectionPassword?: string | null;
  frozenRows: number;
  frozenColumns: number;
  showGridlines: boolean;
  selection: string;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  columnFormats?: Record<string, FormatPatch>;
  rowFormats?: Record<string, FormatPatch>;
  sheetFormat?: FormatPatch;
  merges: string[];
  validations: Array<Omit<SimValidation, "rect"> & { range: string }>;
  /** "C5" → the cell; a formula cell keeps only its formula (the value is recomputed). */
  cells: Record<string, Partial<SimCell>>;
}

export interface SimWorkbookJSON {
  format: "excel-sim";
  version: 1;
  activeSheet: string;
  sheets: SimSheetJSON[];
  names: SimName[];
  /** Workbook settings (ExcelApi 1.4 `workbook.settings`): key → JSON-compatible value. */
  settings?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Workbook

export type ProtectionNeed = "cells" | "formatCells" | "formatColumns" | "formatRows" | "insertRows" | "insertColumns" | "deleteRows" | "deleteColumns";

const PROTECTION_OPTION: Record<ProtectionNeed, string | null> = {
  cells: null,
  formatCells: "allowFormatCells",
  formatColumns: "allowFormatColumns",
  formatRows: "allowFormatRows",
  insertRows: "allowInsertRows",
  insertColumns: "allowInsertColumns",
  deleteRows: "allowDeleteRows",
  deleteColumns: "allowDeleteColumns",
};

export class SimWorkbook implements FormulaEnv {
  sheets: SimSheet[] = [];
  names: SimName[] = [];
  /** Workbook settings (`workbook.settings`, saved with the workbook). */
  settings: Record<string, unknown> = {};
  activeSheetId = "";
  private listeners = new Set<(e: SimChangeEvent) => void>();
  private dirty = true;
  private computing = new Set<string>();

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.sheets.push(new SimSheet(n));
    if (this.sheets.length) this.activeSheetId = this.sheets[0].id;
  }

  // ----- lookups ------------------------------------------------------------------------------

  /** A sheet by name, ignoring case (the live object). */
  sheet(name: string): SimSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  activeSheet(): SimSheet {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  name(name: string): SimName | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** Defined names with their current value ("'I. Kết quả'!$C$5" for a range, or a computed value). */
  definedNames(): Array<SimName & { type: string; value: string | number | boolean }> {
    return this.names.map((n) => ({ ...n, ...this.nameTypeAndValue(n) }));
  }

  private requireSheet(name: string): SimSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`excel-sim: no sheet named "${name}"`);
    return s;
  }

  private requireCellAddress(address: string): { row: number; col: number } {
    const r = parseRect(address);
    if (!r || r.r1 !== r.r2 || r.c1 !== r.c2) throw new Error(`excel-sim: "${address}" is not one cell`);
    return { row: r.r1, col: r.c1 };
  }

  /** The cell at "C5" as Excel shows it: a copy with defaults, formula results up to date. */
  cell(sheet: string, address: string): SimCell {
    const s = this.requireSheet(sheet);
    const { row, col } = this.requireCellAddress(address);
    this.ensureCalculated();
    return s.cellAt(row, col);
  }

  /** The value of a cell ("" / "#REF!" forms are not used: null for empty, { error } for errors). */
  value(sheet: string, address: string): CellValue {
    return this.cell(sheet, address).value;
  }

  /**
   * Types into a cell as a user would: "=..." is a formula, "12" a number. A protected sheet or a
   * data-validation rule with a "Stop" alert rejects the input, unless `force` (a paste).
   */
  setCellValue(sheet: string, address: string, input: string | number | boolean | null, opts: { force?: boolean } = {}): SetCellResult {
    const s = this.requireSheet(sheet);
    const { row, col } = this.requireCellAddress(address);
    if (s.protected && !opts.force) return { accepted: false, reason: "protected", message: PROTECTED_SHEET_MESSAGE };
    const parsed = parseInput(input === null ? "" : input, s.cellAt(row, col).numberFormat);
    if (parsed.kind === "invalid" || parsed.kind === "unchanged") return { accepted: false, reason: "invalid", message: "invalid input" };
    if (!opts.force) {
      const problem = this.validationProblem(s, row, col, parsed.kind === "value" ? parsed.value : null);
      if (problem) return { accepted: false, reason: "validation", message: problem };
    }
    storeInput(s, row, col, parsed);
    this.dirty = true;
    this.emit({ source: "direct" });
    return { accepted: true };
  }

  /** Protects or unprotects a sheet directly (test hook). */
  setProtected(sheet: string, isProtected: boolean, options: ProtectionOptions = {}): void {
    const s = this.requireSheet(sheet);
    s.protected = isProtected;
    s.protectionOptions = isProtected ? { ...options } : {};
    if (!isProtected) s.protectionPassword = null;
    this.emit({ source: "direct" });
  }

  /** Adds a sheet directly (test hook); Excel's naming rules apply. */
  addSheet(name: string): SimSheet {
    const s = this.addWorksheet(name);
    this.emit({ source: "direct" });
    return s;
  }

  // ----- change events ---------------------------------------------------------------------------

  /** Calls `cb` after every sync that changed the workbook and after direct changes; returns an unsubscribe function. */
  onChange(cb: (e: SimChangeEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  emit(e: SimChangeEvent): void {
    for (const cb of [...this.listeners]) {
      try {
        cb(e);
      } catch (err) {
        // a listener's failure must not turn a successful sync into a failed one
        console.error("excel-sim: onChange listener failed", err);
      }
    }
  }

  // ----- calculation -----------------------------------------------------------------------------

  markDirty(): void {
    this.dirty = true;
  }

  /** Recomputes every formula cell if something changed since the last calculation. */
  ensureCalculated(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const done = new Set<SimCell>();
    this.calcDone = done;
    for (const s of this.sheets) {
      for (const [k, c] of s.cells) {
        if (c.formula !== null && !done.has(c)) this.computeCell(s, rowOf(k), colOf(k), c);
      }
    }
    this.calcDone = null;
  }

  private calcDone: Set<SimCell> | null = null;

  private computeCell(s: SimSheet, row: number, col: number, c: SimCell): CellValue {
    const id = `${s.id}:${row}:${col}`;
    // a circular reference shows 0, as in Excel without iterative calculation
    if (this.computing.has(id)) return 0;
    this.computing.add(id);
    try {
      c.value = evaluateFormula(c.formula!, s.name, this);
    } finally {
      this.computing.delete(id);
    }
    this.calcDone?.add(c);
    return c.value;
  }

  /** FormulaEnv: the value of one cell, computing it when needed. */
  cellValue(sheet: string, row: number, col: number): CellValue {
    const s = this.sheet(sheet);
    if (!s) return { error: "#REF!" };
    const c = s.getStoredCell(row, col);
    if (!c) return null;
    if (c.formula === null) return c.value;
    if (this.calcDone === null) {
      // outside a calculation pass: bring everything up to date, then read
      this.ensureCalculated();
      return c.value;
    }
    if (this.calcDone.has(c)) return c.value;
    return this.computeCell(s, row, col, c);
  }

  *cellValues(sheet: string, rect: Rect): Iterable<CellValue> {
    const s = this.sheet(sheet);
    if (!s) return;
    for (const [row, col] of [...s.cellsIn(rect)]) yield this.cellValue(s.name, row, col);
  }

  definedName(name: string): string | undefined {
    return this.name(name)?.formula;
  }

  // ----- protection ------------------------------------------------------------------------------

  assertWritable(s: SimSheet, need: ProtectionNeed, location: string): void {
    if (!s.protected) return;
    const option = PROTECTION_OPTION[need];
    if (option && s.protectionOptions[option] === true) return;
    throw new SimOfficeError("AccessDenied", PROTECTED_SHEET_MESSAGE, location);
  }

  // ----- worksheets ------------------------------------------------------------------------------

  private checkSheetName(name: string, except?: SimSheet): void {
    const problem = sheetNameProblem(name);
    if (problem) throw simError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${problem})`, "WorksheetCollection.add");
    const other = this.sheet(name);
    if (other && other !== except) throw simError("ItemAlreadyExists", undefined, "WorksheetCollection.add");
  }

  addWorksheet(name?: string): SimSheet {
    let n = name;
    if (n === undefined || n === null) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n);
    const s = new SimSheet(n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  renameWorksheet(s: SimSheet, newName: string): void {
    if (newName === s.name) return;
    this.checkSheetName(newName, s);
    const old = s.name;
    const lower = old.toLowerCase();
    const rename = (ref: Reference): Reference | undefined => {
      const a = ref.sheet !== null && ref.sheet.toLowerCase() === lower;
      const b = ref.sheet2 !== undefined && ref.sheet2.toLowerCase() === lower;
      if (!a && !b) return undefined;
      return { ...ref, sheet: a ? newName : ref.sheet, sheet2: b ? newName : ref.sheet2 };
    };
    this.rewriteAllFormulas(() => rename);
    s.name = newName;
    this.dirty = true;
  }

  deleteWorksheet(s: SimSheet): void {
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (visible.length === 1 && visible[0] === s) {
      throw simError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
    }
    const index = this.sheets.indexOf(s);
    const lower = s.name.toLowerCase();
    const order = this.sheets.map((x) => x.name.toLowerCase());
    const broken = (ref: Reference): Reference | undefined => {
      if (ref.sheet === null) return undefined;
      const a = ref.sheet.toLowerCase();
      if (ref.sheet2 === undefined) return a === lower ? { sheet: null, sheetBroken: true, area: ref.area } : undefined;
      const b = ref.sheet2.toLowerCase();
      if (a !== lower && b !== lower) return undefined;
      // an end of a 3-D span was deleted: the span shrinks to the next sheet inside it
      let ia = order.indexOf(a);
      let ib = order.indexOf(b);
      if (ia < 0 || ib < 0) return undefined;
      const step = ia <= ib ? 1 : -1;
      if (a === lower) ia += step;
      if (b === lower) ib -= step;
      if ((step === 1 && ia > ib) || (step === -1 && ia < ib)) return { sheet: null, sheetBroken: true, area: ref.area };
      const first = this.sheets[ia].name;
      const last = this.sheets[ib].name;
      return first === last ? { sheet: first, area: ref.area } : { sheet: first, sheet2: last, area: ref.area };
    };
    this.rewriteAllFormulas((owner) => (owner === s ? () => undefined : broken));
    this.sheets.splice(index, 1);
    if (this.activeSheetId === s.id) {
      const next =
        this.sheets.slice(index).find((x) => x.visibility === "Visible") ?? [...this.sheets.slice(0, index)].reverse().find((x) => x.visibility === "Visible");
      this.activeSheetId = next ? next.id : this.sheets[0].id;
    }
    this.dirty = true;
  }

  moveWorksheet(s: SimSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw simError("InvalidArgument", undefined, "Worksheet.position");
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(position, 0, s);
    this.dirty = true;
  }

  setVisibility(s: SimSheet, v: string): void {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw simError("InvalidArgument", undefined, "Worksheet.visibility");
    if (v !== "Visible" && s.visibility === "Visible") {
      const visible = this.sheets.filter((x) => x.visibility === "Visible");
      if (visible.length === 1) throw simError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.visibility");
    }
    s.visibility = v;
    if (v !== "Visible" && this.activeSheetId === s.id) {
      this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")!.id;
    }
  }

  activate(s: SimSheet): void {
    if (s.visibility !== "Visible") throw simError("InvalidOperation", "A hidden worksheet cannot be activated.", "Worksheet.activate");
    this.activeSheetId = s.id;
  }

  select(s: SimSheet, r: Rect): void {
    this.activate(s);
    s.selection = { ...r };
  }

  // ----- cells -----------------------------------------------------------------------------------

  private checkCellCount(r: Rect, location: string): void {
    if (rectCellCount(r) > MAX_CELL_OPERATION) {
      throw simError("NotImplemented", `excel-sim: ${location} on ${rectCellCount(r)} cells at once is not simulated; use a smaller range.`, location);
    }
  }

  /** Writes `values` or `formulas` (a 2-D array of the range's size, or one value for every cell). */
  writeInputs(s: SimSheet, r: Rect, input: unknown, location: string): void {
    this.assertWritable(s, "cells", location);
    const rows = r.r2 - r.r1 + 1;
    const cols = r.c2 - r.c1 + 1;
    const matrix = toMatrix(input, rows, cols, location);
    this.checkCellCount(r, location);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const row = r.r1 + i;
        const col = r.c1 + j;
        const raw = matrix ? matrix[i][j] : input;
        const parsed = parseInput(raw, s.cellAt(row, col).numberFormat);
        if (parsed.kind === "unchanged") continue;
        if (parsed.kind === "invalid") throw simError("InvalidArgument", undefined, location);
        if (parsed.kind === "formula") checkFormula(parsed.formula, location);
        storeInput(s, row, col, parsed);
      }
    }
    this.dirty = true;
  }

  writeNumberFormat(s: SimSheet, r: Rect, input: unknown, location: string): void {
    this.assertWritable(s, "formatCells", location);
    const rows = r.r2 - r.r1 + 1;
    const cols = r.c2 - r.c1 + 1;
    const matrix = toMatrix(input, rows, cols, location);
    if (!matrix) {
      if (typeof input !== "string") throw simError("InvalidArgument", undefined, location);
      this.applyFormat(s, r, { numberFormat: input }, location);
      return;
    }
    this.checkCellCount(r, location);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = matrix[i][j];
        if (v === null || v === undefined) continue;
        if (typeof v !== "string") throw simError("InvalidArgument", undefined, location);
        s.ensureCell(r.r1 + i, r.c1 + j).numberFormat = v;
      }
    }
    this.dirty = true;
  }

  /** Applies a format to every cell of a rectangle; whole rows / columns are stored as row / column formats. */
  applyFormat(s: SimSheet, r: Rect, patch: FormatPatch, location: string): void {
    this.assertWritable(s, "formatCells", location);
    const wholeRows = isWholeRows(r);
    const wholeCols = isWholeColumns(r);
    if (wholeRows && wholeCols) {
      s.sheetFormat = mergePatch(s.sheetFormat, patch);
      for (const [k, p] of s.columnFormats) s.columnFormats.set(k, mergePatch(p, patch));
      for (const [k, p] of s.rowFormats) s.rowFormats.set(k, mergePatch(p, patch));
      for (const c of s.cells.values()) applyPatch(c, patch);
    } else if (wholeCols) {
      // cells at formatted rows take the column's new format too
      for (const row of s.rowFormats.keys()) for (let col = r.c1; col <= r.c2; col++) s.ensureCell(row, col);
      for (let col = r.c1; col <= r.c2; col++) s.columnFormats.set(col, mergePatch(s.columnFormats.get(col), patch));
      for (const [, , c] of [...s.cellsIn(r)]) applyPatch(c, patch);
    } else if (wholeRows) {
      for (const col of s.columnFormats.keys()) for (let row = r.r1; row <= r.r2; row++) s.ensureCell(row, col);
      for (let row = r.r1; row <= r.r2; row++) s.rowFormats.set(row, mergePatch(s.rowFormats.get(row), patch));
      for (const [, , c] of [...s.cellsIn(r)]) applyPatch(c, patch);
    } else {
      this.checkCellCount(r, location);
      for (let row = r.r1; row <= r.r2; row++) {
        for (let col = r.c1; col <= r.c2; col++) applyPatch(s.ensureCell(row, col), patch);
      }
    }
    this.dirty = true;
  }

  /** Sets one border (Excel.BorderIndex) of a range: edges, inside lines or diagonals. */
  setBorder(s: SimSheet, r: Rect, index: string, patch: Partial<SimBorder>, location: string): void {
    this.assertWritable(s, "formatCells", location);
    this.checkCellCount(r, location);
    const set = (row: number, col: number, edge: BorderEdge) => {
      if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS) return;
      const c = s.ensureCell(row, col);
      const current: SimBorder = c.borders?.[edge] ?? { style: "None", color: "#000000", weight: "Thin" };
      const next = { ...current, ...patch };
      // setting a colour or weight on an edge without a line draws a continuous line, as in Excel
      if (patch.style === undefined && current.style === "None") next.style = "Continuous";
      if (next.style === "None") {
        if (c.borders) delete c.borders[edge];
        if (c.borders && Object.keys(c.borders).length === 0) delete c.borders;
      } else {
        c.borders = { ...(c.borders ?? {}), [edge]: next };
      }
      s.prune(row, col);
    };
    const horizontal = (row: number, upper: BorderEdge, lower: BorderEdge) => {
      for (let col = r.c1; col <= r.c2; col++) {
        set(row, col, upper);
        set(upper === "EdgeBottom" ? row + 1 : row - 1, col, lower);
      }
    };
    const vertical = (col: number, mine: BorderEdge, theirs: BorderEdge) => {
      for (let row = r.r1; row <= r.r2; row++) {
        set(row, col, mine);
        set(row, mine === "EdgeRight" ? col + 1 : col - 1, theirs);
      }
    };
    switch (index) {
      case "EdgeTop":
        horizontal(r.r1, "EdgeTop", "EdgeBottom");
        break;
      case "EdgeBottom":
        horizontal(r.r2, "EdgeBottom", "EdgeTop");
        break;
      case "EdgeLeft":
        vertical(r.c1, "EdgeLeft", "EdgeRight");
        break;
      case "EdgeRight":
        vertical(r.c2, "EdgeRight", "EdgeLeft");
        break;
      case "InsideHorizontal":
        for (let row = r.r1; row < r.r2; row++) horizontal(row, "EdgeBottom", "EdgeTop");
        break;
      case "InsideVertical":
        for (let col = r.c1; col < r.c2; col++) vertical(col, "EdgeRight", "EdgeLeft");
        break;
      case "DiagonalDown":
      case "DiagonalUp":
        for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) set(row, col, index);
        break;
      default:
        throw simError("InvalidArgument", undefined, location);
    }
    this.dirty = true;
  }

  /** Reads one border of a range: the common value of the cells on that edge, or null when they differ. */
  getBorder(s: SimSheet, r: Rect, index: string): SimBorder | null {
    const none: SimBorder = { style: "None", color: "#000000", weight: "Thin" };
    const edge = (row: number, col: number, e: BorderEdge) => s.cellAt(row, col).borders?.[e] ?? none;
    const found: SimBorder[] = [];
    const limit = 10_000;
    const push = (b: SimBorder) => {
      if (found.length < limit) found.push(b);
    };
    switch (index) {
      case "EdgeTop":
        for (let c = r.c1; c <= r.c2 && found.length < limit; c++) push(edge(r.r1, c, "EdgeTop"));
        break;
      case "EdgeBottom":
        for (let c = r.c1; c <= r.c2 && found.length < limit; c++) push(edge(r.r2, c, "EdgeBottom"));
        break;
      case "EdgeLeft":
        for (let row = r.r1; row <= r.r2 && found.length < limit; row++) push(edge(row, r.c1, "EdgeLeft"));
        break;
      case "EdgeRight":
        for (let row = r.r1; row <= r.r2 && found.length < limit; row++) push(edge(row, r.c2, "EdgeRight"));
        break;
      case "InsideHorizontal":
        for (let row = r.r1; row < r.r2 && found.length < limit; row++) for (let c = r.c1; c <= r.c2; c++) push(edge(row, c, "EdgeBottom"));
        break;
      case "InsideVertical":
        for (let row = r.r1; row <= r.r2 && found.length < limit; row++) for (let c = r.c1; c < r.c2; c++) push(edge(row, c, "EdgeRight"));
        break;
      case "DiagonalDown":
      case "DiagonalUp":
        for (let row = r.r1; row <= r.r2 && found.length < limit; row++) for (let c = r.c1; c <= r.c2; c++) push(edge(row, c, index));
        break;
      default:
        return null;
    }
    if (found.length === 0) return none;
    const first = JSON.stringify(found[0]);
    return found.every((b) => JSON.stringify(b) === first) ? { ...found[0] } : null;
  }

  setColumnWidth(s: SimSheet, r: Rect, width: unknown, location: string): void {
    this.assertWritable(s, "formatColumns", location);
    if (typeof width !== "number" || !Number.isFinite(width) || width < 0 || width > 255 * 7.5) {
      throw simError("InvalidArgument", undefined, location);
    }
    for (let c = r.c1; c <= r.c2; c++) s.columnWidths.set(c, width);
    this.dirty = true;
  }

  setRowHeight(s: SimSheet, r: Rect, height: unknown, location: string): void {
    this.assertWritable(s, "formatRows", location);
    if (typeof height !== "number" || !Number.isFinite(height) || height < 0 || height > 409) {
      throw simError("InvalidArgument", undefined, location);
    }
    if (rectCellCount({ r1: r.r1, c1: 0, r2: r.r2, c2: 0 }) > MAX_CELL_OPERATION) {
      throw simError("NotImplemented", "excel-sim: setting the height of every row is not simulated.", location);
    }
    for (let row = r.r1; row <= r.r2; row++) s.rowHeights.set(row, height);
    this.dirty = true;
  }

  /** Width that fits the longest text of each column (approximation of Calibri 11: 7 px a character). */
  autofitColumns(s: SimSheet, r: Rect, text: (row: number, col: number) => string, location: string): void {
    this.assertWritable(s, "formatColumns", location);
    const longest = new Map<number, number>();
    for (const [row, col] of [...s.cellsIn(r)]) {
      const len = text(row, col).length;
      if (len > (longest.get(col) ?? 0)) longest.set(col, len);
    }
    for (let c = r.c1; c <= r.c2; c++) {
      const len = longest.get(c);
      if (len === undefined) continue;
      s.columnWidths.set(c, Math.round((len * 7 + 5) * 0.75 * 100) / 100);
    }
    this.dirty = true;
  }

  autofitRows(s: SimSheet, r: Rect, location: string): void {
    this.assertWritable(s, "formatRows", location);
    if (isWholeColumns(r)) {
      s.rowHeights.clear();
    } else {
      for (let row = r.r1; row <= r.r2; row++) s.rowHeights.delete(row);
    }
    this.dirty = true;
  }

  /** Range.clear(applyTo): "All" (default), "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents". */
  clear(s: SimSheet, r: Rect, applyTo: string, location: string): void {
    const what = applyTo || "All";
    if (!["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(what)) {
      throw simError("InvalidArgument", undefined, location);
    }
    if (what === "Hyperlinks" || what === "RemoveHyperlinks") return;
    this.assertWritable(s, what === "Formats" ? "formatCells" : "cells", location);
    const contents = what !== "Formats";
    const formats = what === "All" || what === "Formats";
    if (formats) {
      this.dropOuterEdges(s, r);
      // row / column / sheet formats first, so that the cells below are pruned against the new base
      if (isWholeRows(r) && isWholeColumns(r)) {
        s.sheetFormat = {};
        s.columnFormats.clear();
        s.rowFormats.clear();
      } else if (isWholeColumns(r)) {
        for (let col = r.c1; col <= r.c2; col++) s.columnFormats.delete(col);
      } else if (isWholeRows(r)) {
        for (let row = r.r1; row <= r.r2; row++) s.rowFormats.delete(row);
      }
    }
    for (const [row, col, c] of [...s.cellsIn(r)]) {
      if (contents) {
        c.value = null;
        c.formula = null;
      }
      if (formats) {
        Object.assign(c, defaultFormat());
        delete c.borders;
      }
      s.prune(row, col);
    }
    if (formats) {
      // clearing formats unmerges, as in Excel
      s.merges = s.merges.filter((m) => !intersect(m, r));
    }
    this.dirty = true;
  }

  /** Removes the neighbours' halves of the edges around a rectangle (an edge is shared by two cells). */
  private dropOuterEdges(s: SimSheet, r: Rect): void {
    const strips: Array<[Rect | null, BorderEdge]> = [
      [r.r1 > 0 ? { r1: r.r1 - 1, c1: r.c1, r2: r.r1 - 1, c2: r.c2 } : null, "EdgeBottom"],
      [r.r2 < MAX_ROWS - 1 ? { r1: r.r2 + 1, c1: r.c1, r2: r.r2 + 1, c2: r.c2 } : null, "EdgeTop"],
      [r.c1 > 0 ? { r1: r.r1, c1: r.c1 - 1, r2: r.r2, c2: r.c1 - 1 } : null, "EdgeRight"],
      [r.c2 < MAX_COLUMNS - 1 ? { r1: r.r1, c1: r.c2 + 1, r2: r.r2, c2: r.c2 + 1 } : null, "EdgeLeft"],
    ];
    for (const [strip, edge] of strips) {
      if (!strip) continue;
      for (const [row, col, c] of [...s.cellsIn(strip)]) {
        if (!c.borders?.[edge]) continue;
        delete c.borders[edge];
        if (Object.keys(c.borders).length === 0) delete c.borders;
        s.prune(row, col);
      }
    }
  }

  merge(s: SimSheet, r: Rect, across: boolean, location: string): void {
    this.assertWritable(s, "formatCells", location);
    const targets: Rect[] = across ? Array.from({ length: r.r2 - r.r1 + 1 }, (_, i) => ({ r1: r.r1 + i, c1: r.c1, r2: r.r1 + i, c2: r.c2 })) : [r];
    for (const t of targets) {
      if (t.r1 === t.r2 && t.c1 === t.c2) continue;
      this.checkCellCount(t, location);
      s.merges = s.merges.filter((m) => !intersect(m, t));
      // only the top-left value is kept
      for (const [row, col, c] of [...s.cellsIn(t)]) {
        if (row === t.r1 && col === t.c1) continue;
        c.value = null;
        c.formula = null;
        s.prune(row, col);
      }
      s.merges.push({ ...t });
    }
    this.dirty = true;
  }

  unmerge(s: SimSheet, r: Rect, location: string): void {
    this.assertWritable(s, "formatCells", location);
    s.merges = s.merges.filter((m) => !intersect(m, r));
    this.dirty = true;
  }

  /** Range.insert(shift): "Down" moves cells of the range's columns down, "Right" moves cells of its rows right. */
  insertCells(s: SimSheet, r: Rect, shift: string, location: string): Rect {
    if (shift !== "Down" && shift !== "Right") throw simError("InvalidArgument", undefined, location);
    const op: ShiftOp =
      shift === "Down"
        ? { axis: "rows", at: r.r1, count: r.r2 - r.r1 + 1, insert: true, band: [r.c1, r.c2] }
        : { axis: "columns", at: r.c1, count: r.c2 - r.c1 + 1, insert: true, band: [r.r1, r.r2] };
    this.assertWritable(s, op.axis === "rows" ? "insertRows" : "insertColumns", location);
    this.shift(s, op, location);
    return r;
  }

  /** Range.delete(shift): "Up" or "Left". */
  deleteCells(s: SimSheet, r: Rect, shift: string, location: string): void {
    if (shift !== "Up" && shift !== "Left") throw simError("InvalidArgument", undefined, location);
    const op: ShiftOp =
      shift === "Up"
        ? { axis: "rows", at: r.r1, count: r.r2 - r.r1 + 1, insert: false, band: [r.c1, r.c2] }
        : { axis: "columns", at: r.c1, count: r.c2 - r.c1 + 1, insert: false, band: [r.r1, r.r2] };
    this.assertWritable(s, op.axis === "rows" ? "deleteRows" : "deleteColumns", location);
    this.shift(s, op, location);
  }

  private shift(s: SimSheet, op: ShiftOp, location: string): void {
    const rows = op.axis === "rows";
    const max = rows ? MAX_ROWS : MAX_COLUMNS;
    const pos = (row: number, col: number) => (rows ? row : col);
    const other = (row: number, col: number) => (rows ? col : row);
    const inBand = (row: number, col: number) => other(row, col) >= op.band[0] && other(row, col) <= op.band[1];
    const whole = op.band[0] === 0 && op.band[1] === (rows ? MAX_COLUMNS : MAX_ROWS) - 1;

    if (op.insert) {
      for (const [k, c] of s.cells) {
        const row = rowOf(k);
        const col = colOf(k);
        if (inBand(row, col) && pos(row, col) + op.count >= max && (c.value !== null || c.formula !== null)) {
          throw simError("InvalidOperation", "excel-sim: the insertion would push non-empty cells off the worksheet.", location);
        }
      }
    }

    // formulas and names everywhere follow the moved cells
    const lower = s.name.toLowerCase();
    this.rewriteAllFormulas((owner) => (ref) => {
      if (ref.sheet2 !== undefined || ref.sheetBroken) return undefined;
      const target = ref.sheet === null ? owner : this.sheet(ref.sheet);
      if (!target || target.name.toLowerCase() !== lower) return undefined;
      return shiftReference(ref, op);
    });

    // move the cells
    const moved: Array<[number, number, SimCell]> = [];
    for (const [k, c] of [...s.cells]) {
      const row = rowOf(k);
      const col = colOf(k);
      if (!inBand(row, col)) continue;
      const p = pos(row, col);
      if (p < op.at) continue;
      s.cells.delete(k);
      if (!op.insert && p < op.at + op.count) continue;
      const np = op.insert ? p + op.count : p - op.count;
      if (np >= max) continue;
      moved.push(rows ? [np, col, c] : [row, np, c]);
    }
    for (const [row, col, c] of moved) s.cells.set(key(row, col), c);

    // merges and data validation
    s.merges = s.merges.flatMap((m) => {
      const n = shiftRect(m, op);
      return n && !(n.r1 === n.r2 && n.c1 === n.c2) ? [n] : [];
    });
    s.validations = s.validations.flatMap((v) => {
      const n = shiftRect(v.rect, op);
      return n ? [{ ...v, rect: n }] : [];
    });

    // sizes and row / column formats of whole rows / columns
    if (whole) {
      const shiftMap = <T>(m: Map<number, T>) => {
        const entries = [...m];
        m.clear();
        for (const [i, v] of entries) {
          if (i < op.at) m.set(i, v);
          else if (op.insert) {
            if (i + op.count < max) m.set(i + op.count, v);
          } else if (i >= op.at + op.count) m.set(i - op.count, v);
        }
      };
      if (rows) {
        shiftMap(s.rowHeights);
        shiftMap(s.rowFormats);
        if (op.at < s.frozenRows) s.frozenRows = op.insert ? s.frozenRows + op.count : Math.max(op.at, s.frozenRows - op.count);
      } else {
        shiftMap(s.columnWidths);
        shiftMap(s.columnFormats);
        if (op.at < s.frozenColumns) s.frozenColumns = op.insert ? s.frozenColumns + op.count : Math.max(op.at, s.frozenColumns - op.count);
      }
    }
    // inserted cells take the format of the row above / the column to the left
    if (op.insert && op.at > 0) {
      if (whole) {
        const formats = rows ? s.rowFormats : s.columnFormats;
        const above = formats.get(op.at - 1);
        for (let i = 0; i < op.count; i++) {
          if (above) formats.set(op.at + i, { ...above, font: above.font ? { ...above.font } : undefined });
        }
      }
      for (const [row, col, c] of [
        ...s.cellsIn(
          rows ? { r1: op.at - 1, c1: op.band[0], r2: op.at - 1, c2: op.band[1] } : { r1: op.band[0], c1: op.at - 1, r2: op.band[1], c2: op.at - 1 },
        ),
      ]) {
        for (let i = 1; i <= op.count; i++) {
          const nr = rows ? row + i : row;
          const nc = rows ? col : col + i;
          const f = cloneFormat(c);
          const target = s.ensureCell(nr, nc);
          Object.assign(target, f);
          if (!f.borders) delete target.borders;
          s.prune(nr, nc);
        }
      }
    }

    this.dirty = true;
  }

  /** Rewrites the references of every formula (cells of every sheet, defined names). */
  private rewriteAllFormulas(mapperFor: (owner: SimSheet | undefined) => (ref: Reference) => Reference | undefined): void {
    for (const sh of this.sheets) {
      const map = mapperFor(sh);
      for (const c of sh.cells.values()) {
        if (c.formula !== null) c.formula = mapReferences(c.formula, map);
      }
      for (const v of sh.validations) {
        const rule = v.rule;
        if (!rule) continue;
        for (const kind of ["wholeNumber", "decimal", "textLength", "date", "time"] as const) {
          const b = rule[kind];
          if (!b) continue;
          b.formula1 = mapReferences(b.formula1, map);
          if (b.formula2 !== undefined) b.formula2 = mapReferences(b.formula2, map);
        }
        if (rule.list && rule.list.source.startsWith("=")) rule.list.source = mapReferences(rule.list.source, map);
        if (rule.custom) rule.custom.formula = mapReferences(rule.custom.formula, map);
      }
    }
    const map = mapperFor(undefined);
    for (const n of this.names) n.formula = mapReferences(n.formula, map);
  }

  // ----- data validation -------------------------------------------------------------------------

  /** Validation entries touching a rectangle. */
  validationsIn(s: SimSheet, r: Rect): SimValidation[] {
    return s.validations.filter((v) => intersect(v.rect, r));
  }

  /** Changes the validation of a rectangle (rule, alert, prompt, ignoreBlanks), splitting entries around it. */
  patchValidation(s: SimSheet, r: Rect, patch: Partial<Omit<SimValidation, "rect">>, location: string): void {
    this.assertWritable(s, "cells", location);
    const out: SimValidation[] = [];
    let uncovered: Rect[] = [r];
    for (const v of s.validations) {
      const i = intersect(v.rect, r);
      if (!i) {
        out.push(v);
        continue;
      }
      for (const piece of subtractRect(v.rect, r)) out.push({ ...v, rect: piece });
      out.push({ ...v, ...patch, rect: i });
      uncovered = uncovered.flatMap((u) => subtractRect(u, v.rect));
    }
    for (const u of uncovered) {
      out.push({ rule: null, errorAlert: { ...DEFAULT_ERROR_ALERT }, prompt: { ...DEFAULT_PROMPT }, ignoreBlanks: true, ...patch, rect: u });
    }
    s.validations = out;
    this.dirty = true;
  }

  clearValidation(s: SimSheet, r: Rect, location: string): void {
    this.assertWritable(s, "cells", location);
    s.validations = s.validations.flatMap((v) => (intersect(v.rect, r) ? subtractRect(v.rect, r).map((piece) => ({ ...v, rect: piece })) : [v]));
    this.dirty = true;
  }

  /** Why a value typed into a cell breaks its validation rule (Stop alerts only), or null. */
  validationProblem(s: SimSheet, row: number, col: number, value: CellValue): string | null {
    const v = s.validations.find((x) => containsCell(x.rect, row, col));
    if (!v || !v.rule || !v.errorAlert.showAlert || v.errorAlert.style !== "Stop") return null;
    if (!this.satisfies(s, v, value)) {
      return v.errorAlert.message || "This value doesn't match the data validation restrictions defined for this cell.";
    }
    return null;
  }

  /** Whether a value satisfies a rule (wholeNumber, decimal, textLength, list; other rules are not checked). */
  satisfies(s: SimSheet, v: SimValidation, value: CellValue): boolean {
    const rule = v.rule;
    if (!rule) return true;
    if ((value === null || value === "") && v.ignoreBlanks) return true;
    const bound = (f: string | undefined): number | null => {
      if (f === undefined) return null;
      const r = evaluateFormula(f, s.name, this);
      return typeof r === "number" ? r : null;
    };
    const compare = (x: number, b: { formula1: string; formula2?: string; operator: string }): boolean => {
      const a = bound(b.formula1);
      const c = bound(b.formula2);
      if (a === null) return true;
      switch (b.operator) {
        case "Between":
          return c !== null && x >= Math.min(a, c) && x <= Math.max(a, c);
        case "NotBetween":
          return c !== null && (x < Math.min(a, c) || x > Math.max(a, c));
        case "EqualTo":
          return x === a;
        case "NotEqualTo":
          return x !== a;
        case "GreaterThan":
          return x > a;
        case "LessThan":
          return x < a;
        case "GreaterThanOrEqualTo":
          return x >= a;
        case "LessThanOrEqualTo":
          return x <= a;
        default:
          return true;
      }
    };
    if (rule.wholeNumber) return typeof value === "number" && Number.isInteger(value) && compare(value, rule.wholeNumber);
    if (rule.decimal) return typeof value === "number" && compare(value, rule.decimal);
    if (rule.textLength) return compare(value === null ? 0 : String(apiValue(value)).length, rule.textLength);
    if (rule.list && !rule.list.source.startsWith("=")) {
      const items = rule.list.source.split(",").map((x) => x.trim().toLowerCase());
      return items.includes(String(apiValue(value)).toLowerCase());
    }
    return true;
  }

  // ----- defined names ---------------------------------------------------------------------------

  addName(name: string, formula: string, comment: string, location: string): SimName {
    const problem = definedNameProblem(name);
    if (problem) throw simError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${problem})`, location);
    if (this.name(name)) throw simError("ItemAlreadyExists", undefined, location);
    const f = formula.startsWith("=") ? formula : `=${formula}`;
    checkFormula(f, location);
    const n: SimName = { name, formula: f, comment: comment ?? "", visible: true };
    this.names.push(n);
    this.dirty = true;
    return n;
  }

  deleteName(n: SimName): void {
    this.names = this.names.filter((x) => x !== n);
    this.dirty = true;
  }

  /** The sheet and rectangle a name refers to, or null when it does not refer to one range. */
  nameTarget(n: SimName): { sheet: SimSheet; rect: Rect } | null {
    const ref = singleReference(n.formula);
    if (!ref || !ref.area || ref.sheetBroken || ref.sheet === null || ref.sheet2 !== undefined) return null;
    const sheet = this.sheet(ref.sheet);
    return sheet ? { sheet, rect: { r1: ref.area.r1, c1: ref.area.c1, r2: ref.area.r2, c2: ref.area.c2 } } : null;
  }

  /** Excel's NamedItem.type and NamedItem.value. */
  nameTypeAndValue(n: SimName): { type: string; value: string | number | boolean } {
    if (this.nameTarget(n)) return { type: "Range", value: n.formula.slice(1) };
    this.ensureCalculated();
    const ref = singleReference(n.formula);
    if (ref && ref.sheet2 !== undefined && !ref.sheetBroken && ref.area) return { type: "Range", value: n.formula.slice(1) };
    const v = evaluateFormula(n.formula, this.activeSheet().name, this);
    if (isCellError(v)) return { type: "Error", value: v.error };
    if (typeof v === "number") return { type: "Double", value: v };
    if (typeof v === "boolean") return { type: "Boolean", value: v };
    return { type: "String", value: v === null ? "" : v };
  }

  // ----- JSON ------------------------------------------------------------------------------------

  toJSON(): SimWorkbookJSON {
    return {
      format: "excel-sim",
      version: 1,
      activeSheet: this.activeSheet()?.name ?? "",
      sheets: this.sheets.map((s) => sheetToJSON(s)),
      names: this.names.map((n) => ({ ...n })),
      settings: JSON.parse(JSON.stringify(this.settings)) as Record<string, unknown>,
    };
  }

  static fromJSON(json: SimWorkbookJSON): SimWorkbook {
    if (!json || json.format !== "excel-sim" || json.version !== 1) throw new Error("excel-sim: not an excel-sim workbook snapshot (format/version)");
    const wb = new SimWorkbook([]);
    for (const sj of json.sheets) wb.sheets.push(sheetFromJSON(sj));
    wb.names = json.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment ?? "", visible: n.visible !== false }));
    wb.settings = JSON.parse(JSON.stringify(json.settings ?? {})) as Record<string, unknown>;
    wb.activeSheetId = (wb.sheet(json.activeSheet) ?? wb.sheets[0])?.id ?? "";
    wb.dirty = true;
    return wb;
  }

  /** Replaces the whole content with a snapshot (keeps listeners; fires onChange). */
  load(json: SimWorkbookJSON): void {
    const other = SimWorkbook.fromJSON(json);
    this.sheets = other.sheets;
    this.names = other.names;
    this.settings = other.settings;
    this.activeSheetId = other.activeSheetId;
    this.dirty = true;
    this.emit({ source: "direct" });
  }
}

/** Puts a parsed value or formula into a cell (typed by a user or written through the API). */
function storeInput(s: SimSheet, row: number, col: number, parsed: { kind: "value"; value: CellValue } | { kind: "formula"; formula: string }): void {
  const c = s.ensureCell(row, col);
  if (parsed.kind === "formula") {
    c.formula = parsed.formula;
    c.value = null;
  } else {
    c.formula = null;
    c.value = parsed.value;
    s.prune(row, col); // an emptied cell with default format leaves the map
  }
}

/** A 2-D input checked against the range's size; null when the input is one value for all cells. */
function toMatrix(input: unknown, rows: number, cols: number, location: string): unknown[][] | null {
  if (!Array.isArray(input)) return null;
  const ok = input.length === rows && input.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok) {
    throw new SimOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      location,
    );
  }
  return input as unknown[][];
}

/** Excel refuses a formula longer than 8,192 characters or with unbalanced parentheses / quotes. */
function checkFormula(formula: string, location: string): void {
  if (formula.length > 8192) throw new SimOfficeError("FormulaLengthExceedsLimit", "The bytecode length of the formula exceeds the limit.", location);
  let depth = 0;
  for (const t of tokenize(formula)) {
    if (t.type === "paren") depth += t.text === "(" ? 1 : -1;
    if (depth < 0) break;
    if (t.type === "unknown" && (t.text.startsWith('"') || t.text.startsWith("'"))) depth = -1;
  }
  if (depth !== 0) throw simError("InvalidArgument", "There's a problem with this formula.", location);
}

function sheetToJSON(s: SimSheet): SimSheetJSON {
  const cells: Record<string, Partial<SimCell>> = {};
  const sorted = [...s.cells].sort((a, b) => a[0] - b[0]);
  for (const [k, c] of sorted) {
    const base = s.baseFormat(rowOf(k), colOf(k));
    const out: Partial<SimCell> = {};
    if (c.formula !== null) out.formula = c.formula;
    else if (c.value !== null) out.value = c.value;
    if (c.numberFormat !== base.numberFormat) out.numberFormat = c.numberFormat;
    if (c.fill !== base.fill) out.fill = c.fill;
    const font: Partial<SimFont> = {};
    for (const f of Object.keys(c.font) as Array<keyof SimFont>) {
      if (c.font[f] !== base.font[f]) (font as Record<string, unknown>)[f] = c.font[f];
    }
    if (Object.keys(font).length) out.font = font as SimFont;
    if (c.wrap !== base.wrap) out.wrap = c.wrap;
    if (c.hAlign !== base.hAlign) out.hAlign = c.hAlign;
    if (c.vAlign !== base.vAlign) out.vAlign = c.vAlign;
    if (c.borders) out.borders = cloneBorders(c.borders);
    cells[cellAddress(rowOf(k), colOf(k))] = out;
  }
  const json: SimSheetJSON = {
    name: s.name,
    id: s.id,
    visibility: s.visibility,
    tabColor: s.tabColor,
    protected: s.protected,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    showGridlines: s.showGridlines,
    selection: formatRect(s.selection),
    columnWidths: Object.fromEntries(
      [...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [formatRect({ r1: 0, c1: c, r2: MAX_ROWS - 1, c2: c }).split(":")[0], w]),
    ),
    rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
    merges: s.merges.map((m) => formatRect(m)),
    validations: s.validations.map((v) => ({
      range: formatRect(v.rect),
      rule: v.rule ? JSON.parse(JSON.stringify(v.rule)) : null,
      errorAlert: { ...v.errorAlert },
      prompt: { ...v.prompt },
      ignoreBlanks: v.ignoreBlanks,
    })),
    cells,
  };
  if (s.protected) {
    json.protectionOptions = { ...s.protectionOptions };
    if (s.protectionPassword !== null) json.protectionPassword = s.protectionPassword;
  }
  if (s.columnFormats.size)
    json.columnFormats = Object.fromEntries([...s.columnFormats].map(([c, p]) => [formatRect({ r1: 0, c1: c, r2: MAX_ROWS - 1, c2: c }).split(":")[0], p]));
  if (s.rowFormats.size) json.rowFormats = Object.fromEntries([...s.rowFormats].map(([r, p]) => [String(r + 1), p]));
  if (Object.keys(s.sheetFormat).length) json.sheetFormat = s.sheetFormat;
  return json;
}

function colKey(letters: string): number {
  const r = parseRect(`${letters}:${letters}`);
  if (!r) throw new Error(`excel-sim: bad column "${letters}" in snapshot`);
  return r.c1;
}

function sheetFromJSON(j: SimSheetJSON): SimSheet {
  const s = new SimSheet(j.name, j.id);
  s.visibility = j.visibility ?? "Visible";
  s.tabColor = j.tabColor ?? "";
  s.protected = !!j.protected;
  s.protectionOptions = j.protectionOptions ?? {};
  s.protectionPassword = j.protectionPassword ?? null;
  s.frozenRows = j.frozenRows ?? 0;
  s.frozenColumns = j.frozenColumns ?? 0;
  s.showGridlines = j.showGridlines !== false;
  s.selection = parseRect(j.selection ?? "A1") ?? { r1: 0, c1: 0, r2: 0, c2: 0 };
  for (const [c, w] of Object.entries(j.columnWidths ?? {})) s.columnWidths.set(colKey(c), w);
  for (const [r, h] of Object.entries(j.rowHeights ?? {})) s.rowHeights.set(Number(r) - 1, h);
  for (const [c, p] of Object.entries(j.columnFormats ?? {})) s.columnFormats.set(colKey(c), p);
  for (const [r, p] of Object.entries(j.rowFormats ?? {})) s.rowFormats.set(Number(r) - 1, p);
  s.sheetFormat = j.sheetFormat ?? {};
  s.merges = (j.merges ?? []).map((m) => parseRect(m)).filter((m): m is Rect => m !== null);
  s.validations = (j.validations ?? []).flatMap((v) => {
    const rect = parseRect(v.range);
    return rect
      ? [
          {
            rect,
            rule: v.rule,
            errorAlert: { ...DEFAULT_ERROR_ALERT, ...v.errorAlert },
            prompt: { ...DEFAULT_PROMPT, ...v.prompt },
            ignoreBlanks: v.ignoreBlanks !== false,
          },
        ]
      : [];
  });
  for (const [addr, pc] of Object.entries(j.cells ?? {})) {
    const r = parseRect(addr);
    if (!r) throw new Error(`excel-sim: bad cell address "${addr}" in snapshot`);
    const c = s.ensureCell(r.r1, r.c1);
    if (pc.formula) {
      c.formula = pc.formula;
    } else if (pc.value !== undefined) {
      c.value = pc.value;
    }
    applyPatch(c, { numberFormat: pc.numberFormat, fill: pc.fill, font: pc.font, wrap: pc.wrap, hAlign: pc.hAlign, vAlign: pc.vAlign });
    if (pc.borders) c.borders = cloneBorders(pc.borders);
  }
  return s;
}

/** "'I. Kết quả'!$C$5:$C$9": the absolute reference of a rectangle, for defined names. */
export function absoluteReference(sheet: string, r: Rect): string {
  return sheetPrefix(sheet) + formatRect(r, true);
}

/** Whether a whole rectangle lies inside one of the sheet's merges. */
export function insideMerge(s: SimSheet, r: Rect): boolean {
  return s.merges.some((m) => containsRect(m, r));
}
