/**
 * One worksheet: sparse cells keyed by position, sizes, row / column / sheet formats, merges,
 * validation entries, protection, frozen panes, selection.
 */
import { containsCell, MAX_COLUMNS, Rect, rectCellCount } from "../address";
import { applyPatch, cloneCell, defaultFormat, sameFormat } from "./format";
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  type FormatPatch,
  type SheetVisibility,
  type SimCell,
  type SimCellFormat,
  type SimValidation,
} from "./types";

const KEY_COLS = MAX_COLUMNS;
export const key = (row: number, col: number) => row * KEY_COLS + col;
export const rowOf = (k: number) => Math.floor(k / KEY_COLS);
export const colOf = (k: number) => k % KEY_COLS;

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
