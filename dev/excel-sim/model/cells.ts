/**
 * Writing cells: values, formulas and number formats through the API, merges.
 */
import { intersect, Rect, rectCellCount } from "../address";
import { simError, SimOfficeError } from "../errors";
import { CellValue, tokenize } from "../formula";
import { parseInput } from "../values";
import { applyFormat } from "./format";
import { assertWritable } from "./protection";
import type { SimSheet } from "./sheet";
import { MAX_CELL_OPERATION } from "./types";
import type { SimWorkbook } from "./workbook";

export function checkCellCount(r: Rect, location: string): void {
  if (rectCellCount(r) > MAX_CELL_OPERATION) {
    throw simError("NotImplemented", `excel-sim: ${location} on ${rectCellCount(r)} cells at once is not simulated; use a smaller range.`, location);
  }
}

/** Writes `values` or `formulas` (a 2-D array of the range's size, or one value for every cell). */
export function writeInputs(wb: SimWorkbook, s: SimSheet, r: Rect, input: unknown, location: string): void {
  assertWritable(s, "cells", location);
  const rows = r.r2 - r.r1 + 1;
  const cols = r.c2 - r.c1 + 1;
  const matrix = toMatrix(input, rows, cols, location);
  checkCellCount(r, location);
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
  wb.markDirty();
}

export function writeNumberFormat(wb: SimWorkbook, s: SimSheet, r: Rect, input: unknown, location: string): void {
  assertWritable(s, "formatCells", location);
  const rows = r.r2 - r.r1 + 1;
  const cols = r.c2 - r.c1 + 1;
  const matrix = toMatrix(input, rows, cols, location);
  if (!matrix) {
    if (typeof input !== "string") throw simError("InvalidArgument", undefined, location);
    applyFormat(wb, s, r, { numberFormat: input }, location);
    return;
  }
  checkCellCount(r, location);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = matrix[i][j];
      if (v === null || v === undefined) continue;
      if (typeof v !== "string") throw simError("InvalidArgument", undefined, location);
      s.ensureCell(r.r1 + i, r.c1 + j).numberFormat = v;
    }
  }
  wb.markDirty();
}

export function merge(wb: SimWorkbook, s: SimSheet, r: Rect, across: boolean, location: string): void {
  assertWritable(s, "formatCells", location);
  const targets: Rect[] = across ? Array.from({ length: r.r2 - r.r1 + 1 }, (_, i) => ({ r1: r.r1 + i, c1: r.c1, r2: r.r1 + i, c2: r.c2 })) : [r];
  for (const t of targets) {
    if (t.r1 === t.r2 && t.c1 === t.c2) continue;
    checkCellCount(t, location);
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
  wb.markDirty();
}

/** Puts a parsed value or formula into a cell (typed by a user or written through the API). */
export function storeInput(s: SimSheet, row: number, col: number, parsed: { kind: "value"; value: CellValue } | { kind: "formula"; formula: string }): void {
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
export function toMatrix(input: unknown, rows: number, cols: number, location: string): unknown[][] | null {
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
export function checkFormula(formula: string, location: string): void {
  if (formula.length > 8192) throw new SimOfficeError("FormulaLengthExceedsLimit", "The bytecode length of the formula exceeds the limit.", location);
  let depth = 0;
  for (const t of tokenize(formula)) {
    if (t.type === "paren") depth += t.text === "(" ? 1 : -1;
    if (depth < 0) break;
    if (t.type === "unknown" && (t.text.startsWith('"') || t.text.startsWith("'"))) depth = -1;
  }
  if (depth !== 0) throw simError("InvalidArgument", "There's a problem with this formula.", location);
}
