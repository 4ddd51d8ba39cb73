/**
 * Inserting and deleting cells, rows and columns (Range.insert / Range.delete): cells, merges,
 * validation, sizes and formats move, and every formula and defined name that refers to them
 * follows.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect } from "../address";
import { simError } from "../errors";
import { mapReferences, Reference } from "../formula";
import { cloneFormat } from "./format";
import { assertWritable } from "./protection";
import { colOf, key, rowOf, type SimSheet } from "./sheet";
import type { SimCell } from "./types";
import type { SimWorkbook } from "./workbook";

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

/**
 * Range.insert(shift) / Range.delete(shift): "Down"/"Up" move the cells of the range's
 * columns, "Right"/"Left" those of its rows.
 */
function moveCells(wb: SimWorkbook, s: SimSheet, r: Rect, shift: string, insert: boolean, location: string): void {
  const [alongRows, alongColumns] = insert ? ["Down", "Right"] : ["Up", "Left"];
  if (shift !== alongRows && shift !== alongColumns) throw simError("InvalidArgument", undefined, location);
  const op: ShiftOp =
    shift === alongRows
      ? { axis: "rows", at: r.r1, count: r.r2 - r.r1 + 1, insert, band: [r.c1, r.c2] }
      : { axis: "columns", at: r.c1, count: r.c2 - r.c1 + 1, insert, band: [r.r1, r.r2] };
  const action = `${insert ? "insert" : "delete"}${op.axis === "rows" ? "Rows" : "Columns"}` as const;
  assertWritable(s, action, location);
  shiftCells(wb, s, op, location);
}

/** Range.insert(shift): "Down" or "Right"; returns the range, as Excel does. */
export function insertCells(wb: SimWorkbook, s: SimSheet, r: Rect, shift: string, location: string): Rect {
  moveCells(wb, s, r, shift, true, location);
  return r;
}

/** Range.delete(shift): "Up" or "Left". */
export function deleteCells(wb: SimWorkbook, s: SimSheet, r: Rect, shift: string, location: string): void {
  moveCells(wb, s, r, shift, false, location);
}

export function shiftCells(wb: SimWorkbook, s: SimSheet, op: ShiftOp, location: string): void {
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
  rewriteAllFormulas(wb, (owner) => (ref) => {
    if (ref.sheet2 !== undefined || ref.sheetBroken) return undefined;
    const target = ref.sheet === null ? owner : wb.sheet(ref.sheet);
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
      ...s.cellsIn(rows ? { r1: op.at - 1, c1: op.band[0], r2: op.at - 1, c2: op.band[1] } : { r1: op.band[0], c1: op.at - 1, r2: op.band[1], c2: op.at - 1 }),
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

  wb.markDirty();
}

/** Rewrites the references of every formula (cells of every sheet, defined names). */
export function rewriteAllFormulas(wb: SimWorkbook, mapperFor: (owner: SimSheet | undefined) => (ref: Reference) => Reference | undefined): void {
  for (const sh of wb.sheets) {
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
  for (const n of wb.names) n.formula = mapReferences(n.formula, map);
}
