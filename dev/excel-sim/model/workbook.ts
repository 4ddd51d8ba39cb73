/**
 * The simulated workbook: its sheets, defined names and settings; lookups and the "direct"
 * helpers for tests and the sandbox (`setCellValue`, `cell`, `sheetNames`, `toJSON` …); change
 * events; formula calculation; adding, renaming, moving and deleting sheets. What a range
 * operation does to the model is in the modules named in the section titles below; the
 * methods there are the proxies' entry points.
 */
import { parseRect, Rect, sheetNameProblem } from "../address";
import { PROTECTED_SHEET_MESSAGE, simError } from "../errors";
import { CellValue, evaluateFormula, FormulaEnv, Reference } from "../formula";
import { parseInput } from "../values";
import { storeInput } from "./cells";
import { sheetFromJSON, sheetToJSON, type SimWorkbookJSON } from "./json";
import type { ProtectionNeed } from "./protection";
import { colOf, type ProtectionOptions, rowOf, SimSheet } from "./sheet";
import type { FormatPatch, SetCellResult, SimBorder, SimCell, SimChangeEvent, SimName, SimValidation } from "./types";
import * as borderOps from "./borders";
import * as cellOps from "./cells";
import * as formatOps from "./format";
import * as nameOps from "./names";
import * as protectionOps from "./protection";
import * as shiftOps from "./shift";
import * as validationOps from "./validation";

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
      const problem = validationOps.validationProblem(this, s, row, col, parsed.kind === "value" ? parsed.value : null);
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

  // ----- cells (./cells) ---------------------------------------------------------------

  writeInputs(s: SimSheet, r: Rect, input: unknown, location: string): void {
    cellOps.writeInputs(this, s, r, input, location);
  }

  writeNumberFormat(s: SimSheet, r: Rect, input: unknown, location: string): void {
    cellOps.writeNumberFormat(this, s, r, input, location);
  }

  merge(s: SimSheet, r: Rect, across: boolean, location: string): void {
    cellOps.merge(this, s, r, across, location);
  }

  // ----- formats and sizes (./format) --------------------------------------------------

  applyFormat(s: SimSheet, r: Rect, patch: FormatPatch, location: string): void {
    formatOps.applyFormat(this, s, r, patch, location);
  }

  setColumnWidth(s: SimSheet, r: Rect, width: unknown, location: string): void {
    formatOps.setColumnWidth(this, s, r, width, location);
  }

  setRowHeight(s: SimSheet, r: Rect, height: unknown, location: string): void {
    formatOps.setRowHeight(this, s, r, height, location);
  }

  // ----- borders (./borders) -----------------------------------------------------------

  setBorder(s: SimSheet, r: Rect, index: string, patch: Partial<SimBorder>, location: string): void {
    borderOps.setBorder(this, s, r, index, patch, location);
  }

  getBorder(s: SimSheet, r: Rect, index: string): SimBorder | null {
    return borderOps.getBorder(s, r, index);
  }

  // ----- inserting and deleting cells (./shift) ----------------------------------------

  insertCells(s: SimSheet, r: Rect, shift: string, location: string): Rect {
    return shiftOps.insertCells(this, s, r, shift, location);
  }

  deleteCells(s: SimSheet, r: Rect, shift: string, location: string): void {
    shiftOps.deleteCells(this, s, r, shift, location);
  }

  // ----- data validation (./validation) ------------------------------------------------

  validationsIn(s: SimSheet, r: Rect): SimValidation[] {
    return validationOps.validationsIn(s, r);
  }

  patchValidation(s: SimSheet, r: Rect, patch: Partial<Omit<SimValidation, "rect">>, location: string): void {
    validationOps.patchValidation(this, s, r, patch, location);
  }

  validationProblem(s: SimSheet, row: number, col: number, value: CellValue): string | null {
    return validationOps.validationProblem(this, s, row, col, value);
  }

  satisfies(s: SimSheet, v: SimValidation, value: CellValue): boolean {
    return validationOps.satisfies(this, s, v, value);
  }

  // ----- defined names (./names) -------------------------------------------------------

  addName(name: string, formula: string, comment: string, location: string): SimName {
    return nameOps.addName(this, name, formula, comment, location);
  }

  deleteName(n: SimName): void {
    nameOps.deleteName(this, n);
  }

  nameTarget(n: SimName): { sheet: SimSheet; rect: Rect } | null {
    return nameOps.nameTarget(this, n);
  }

  nameTypeAndValue(n: SimName): { type: string; value: string | number | boolean } {
    return nameOps.nameTypeAndValue(this, n);
  }

  // ----- protection (./protection) -----------------------------------------------------

  assertWritable(s: SimSheet, need: ProtectionNeed, location: string): void {
    protectionOps.assertWritable(s, need, location);
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
    shiftOps.rewriteAllFormulas(this, () => rename);
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
    shiftOps.rewriteAllFormulas(this, (owner) => (owner === s ? () => undefined : broken));
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
