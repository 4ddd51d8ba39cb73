/**
 * Formats: copying and patching a cell's format, and what Range.format writes (fills, fonts,
 * alignment, number formats of whole rows / columns / sheets, column widths, row heights).
 */
import { isWholeColumns, isWholeRows, Rect, rectCellCount } from "../address";
import { simError } from "../errors";
import { isCellError } from "../formula";
import { checkCellCount } from "./cells";
import { assertWritable } from "./protection";
import type { SimSheet } from "./sheet";
import { type BorderEdge, DEFAULT_FONT, type FormatPatch, MAX_CELL_OPERATION, type SimBorder, type SimCell, type SimCellFormat } from "./types";
import type { SimWorkbook } from "./workbook";

export function defaultFormat(): SimCellFormat {
  return { numberFormat: "General", fill: null, font: { ...DEFAULT_FONT }, wrap: false, hAlign: "General", vAlign: "Bottom" };
}

export function cloneFormat(f: SimCellFormat): SimCellFormat {
  const out: SimCellFormat = { numberFormat: f.numberFormat, fill: f.fill, font: { ...f.font }, wrap: f.wrap, hAlign: f.hAlign, vAlign: f.vAlign };
  if (f.borders) out.borders = cloneBorders(f.borders);
  return out;
}

export function cloneBorders(b: Partial<Record<BorderEdge, SimBorder>>): Partial<Record<BorderEdge, SimBorder>> {
  const out: Partial<Record<BorderEdge, SimBorder>> = {};
  for (const [k, v] of Object.entries(b)) if (v) out[k as BorderEdge] = { ...v };
  return out;
}

export function cloneCell(c: SimCell): SimCell {
  return { ...cloneFormat(c), value: isCellError(c.value) ? { ...c.value } : c.value, formula: c.formula };
}

export function applyPatch(f: SimCellFormat, p: FormatPatch): void {
  if (p.numberFormat !== undefined) f.numberFormat = p.numberFormat;
  if (p.fill !== undefined) f.fill = p.fill;
  if (p.font) Object.assign(f.font, p.font);
  if (p.wrap !== undefined) f.wrap = p.wrap;
  if (p.hAlign !== undefined) f.hAlign = p.hAlign;
  if (p.vAlign !== undefined) f.vAlign = p.vAlign;
}

export function mergePatch(a: FormatPatch | undefined, b: FormatPatch): FormatPatch {
  const out: FormatPatch = { ...(a ?? {}), ...b };
  if (a?.font || b.font) out.font = { ...(a?.font ?? {}), ...(b.font ?? {}) };
  return out;
}

export function sameFormat(a: SimCellFormat, b: SimCellFormat): boolean {
  return JSON.stringify(cloneFormat(a)) === JSON.stringify(cloneFormat(b));
}

/** Applies a format to every cell of a rectangle; whole rows / columns are stored as row / column formats. */
export function applyFormat(wb: SimWorkbook, s: SimSheet, r: Rect, patch: FormatPatch, location: string): void {
  assertWritable(s, "formatCells", location);
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
    checkCellCount(r, location);
    for (let row = r.r1; row <= r.r2; row++) {
      for (let col = r.c1; col <= r.c2; col++) applyPatch(s.ensureCell(row, col), patch);
    }
  }
  wb.markDirty();
}

export function setColumnWidth(wb: SimWorkbook, s: SimSheet, r: Rect, width: unknown, location: string): void {
  assertWritable(s, "formatColumns", location);
  if (typeof width !== "number" || !Number.isFinite(width) || width < 0 || width > 255 * 7.5) {
    throw simError("InvalidArgument", undefined, location);
  }
  for (let c = r.c1; c <= r.c2; c++) s.columnWidths.set(c, width);
  wb.markDirty();
}

export function setRowHeight(wb: SimWorkbook, s: SimSheet, r: Rect, height: unknown, location: string): void {
  assertWritable(s, "formatRows", location);
  if (typeof height !== "number" || !Number.isFinite(height) || height < 0 || height > 409) {
    throw simError("InvalidArgument", undefined, location);
  }
  if (rectCellCount({ r1: r.r1, c1: 0, r2: r.r2, c2: 0 }) > MAX_CELL_OPERATION) {
    throw simError("NotImplemented", "excel-sim: setting the height of every row is not simulated.", location);
  }
  for (let row = r.r1; row <= r.r2; row++) s.rowHeights.set(row, height);
  wb.markDirty();
}
