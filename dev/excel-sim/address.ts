/**
 * A1 addresses, rectangles and Excel's naming rules (sheet names, defined names).
 * Rows and columns are 0-based here, as in office.js's rowIndex / columnIndex.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** The shape an address was written in. */
export type AreaKind = "cell" | "range" | "columns" | "rows";

/** A parsed A1 area, remembering which parts were absolute ($). */
export interface Area extends Rect {
  kind: AreaKind;
  absR1: boolean;
  absC1: boolean;
  absR2: boolean;
  absC2: boolean;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "XFD" → 16383; -1 when not a column within Excel's limits. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : -1;
}

const CELL_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COL_RE = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_RE = /^(\$?)(\d{1,7})$/;

interface Part {
  row?: number;
  col?: number;
  absRow: boolean;
  absCol: boolean;
}

function parsePart(text: string): Part | null {
  let m = CELL_RE.exec(text);
  if (m) {
    const col = columnIndex(m[2]);
    const row = Number(m[4]) - 1;
    if (col < 0 || row < 0 || row >= MAX_ROWS) return null;
    return { col, row, absCol: m[1] === "$", absRow: m[3] === "$" };
  }
  m = COL_RE.exec(text);
  if (m) {
    const col = columnIndex(m[2]);
    return col < 0 ? null : { col, absCol: m[1] === "$", absRow: false };
  }
  m = ROW_RE.exec(text);
  if (m) {
    const row = Number(m[2]) - 1;
    return row < 0 || row >= MAX_ROWS ? null : { row, absRow: m[1] === "$", absCol: false };
  }
  return null;
}

/** Parses "C5", "$C$5", "C5:D9", "C:C", "5:7" (no sheet prefix). Returns null when invalid. */
export function parseArea(text: string): Area | null {
  const pieces = text.trim().split(":");
  if (pieces.length === 1) {
    const p = parsePart(pieces[0]);
    if (!p || p.row === undefined || p.col === undefined) return null;
    return { kind: "cell", r1: p.row, c1: p.col, r2: p.row, c2: p.col, absR1: p.absRow, absC1: p.absCol, absR2: p.absRow, absC2: p.absCol };
  }
  if (pieces.length !== 2) return null;
  const a = parsePart(pieces[0]);
  const b = parsePart(pieces[1]);
  if (!a || !b) return null;
  const aCell = a.row !== undefined && a.col !== undefined;
  const bCell = b.row !== undefined && b.col !== undefined;
  let area: Area;
  if (aCell && bCell) {
    area = { kind: "range", r1: a.row!, c1: a.col!, r2: b.row!, c2: b.col!, absR1: a.absRow, absC1: a.absCol, absR2: b.absRow, absC2: b.absCol };
  } else if (a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined) {
    area = { kind: "columns", r1: 0, c1: a.col, r2: MAX_ROWS - 1, c2: b.col, absR1: false, absC1: a.absCol, absR2: false, absC2: b.absCol };
  } else if (a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined) {
    area = { kind: "rows", r1: a.row, c1: 0, r2: b.row, c2: MAX_COLUMNS - 1, absR1: a.absRow, absC1: false, absR2: b.absRow, absC2: false };
  } else {
    return null;
  }
  return normalizeArea(area);
}

/** Puts the corners in order (Excel accepts "D9:C5" and means C5:D9). */
function normalizeArea(a: Area): Area {
  const out = { ...a };
  if (out.r1 > out.r2) {
    [out.r1, out.r2] = [out.r2, out.r1];
    [out.absR1, out.absR2] = [out.absR2, out.absR1];
  }
  if (out.c1 > out.c2) {
    [out.c1, out.c2] = [out.c2, out.c1];
    [out.absC1, out.absC2] = [out.absC2, out.absC1];
  }
  return out;
}

/** Parses an address without a sheet prefix into a rectangle. */
export function parseRect(text: string): Rect | null {
  const a = parseArea(text);
  return a ? { r1: a.r1, c1: a.c1, r2: a.r2, c2: a.c2 } : null;
}

/** "C5" of a single cell (relative). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function isWholeColumns(r: Rect): boolean {
  return r.r1 === 0 && r.r2 === MAX_ROWS - 1;
}

export function isWholeRows(r: Rect): boolean {
  return r.c1 === 0 && r.c2 === MAX_COLUMNS - 1;
}

/** Formats a rectangle the way Excel's `Range.address` does (without sheet): "C5", "C5:D9", "C:C", "5:5". */
export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isWholeRows(r)) return `${d}${r.r1 + 1}:${d}${r.r2 + 1}`;
  if (isWholeColumns(r)) return `${d}${columnLetters(r.c1)}:${d}${columnLetters(r.c2)}`;
  const a = `${d}${columnLetters(r.c1)}${d}${r.r1 + 1}`;
  if (r.r1 === r.r2 && r.c1 === r.c2) return a;
  return `${a}:${d}${columnLetters(r.c2)}${d}${r.r2 + 1}`;
}

/** Formats a parsed area keeping its own $ flags and shape. */
export function formatArea(a: Area): string {
  const col = (c: number, abs: boolean) => `${abs ? "$" : ""}${columnLetters(c)}`;
  const row = (r: number, abs: boolean) => `${abs ? "$" : ""}${r + 1}`;
  switch (a.kind) {
    case "cell":
      return col(a.c1, a.absC1) + row(a.r1, a.absR1);
    case "range":
      return `${col(a.c1, a.absC1)}${row(a.r1, a.absR1)}:${col(a.c2, a.absC2)}${row(a.r2, a.absR2)}`;
    case "columns":
      return `${col(a.c1, a.absC1)}:${col(a.c2, a.absC2)}`;
    case "rows":
      return `${row(a.r1, a.absR1)}:${row(a.r2, a.absR2)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet names and references

const PLAIN_NAME_RE = /^[\p{L}_\\][\p{L}\p{M}\p{N}_.]*$/u;

function looksLikeCellReference(name: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (m && columnIndex(m[1]) >= 0 && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROWS) return true;
  // R1C1 shapes: R, C, RC, R1, C1, R1C1, R1C, RC1
  return /^R\d*(C\d*)?$/i.test(name) || /^C\d*$/i.test(name);
}

/**
 * Whether a reference to this sheet must quote the name (Excel's rule): a name that is not
 * made only of letters, digits, "_" and ".", that starts with a digit or ".", or that reads
 * like a cell reference ("Q1", "R1C1") is quoted.
 */
export function sheetNameNeedsQuotes(name: string): boolean {
  if (!PLAIN_NAME_RE.test(name)) return true;
  if (/^(true|false)$/i.test(name)) return true;
  return looksLikeCellReference(name);
}

/** Quotes a sheet name for a reference when needed, doubling apostrophes: Xã O'Brien → 'Xã O''Brien'. */
export function quoteSheetName(name: string): string {
  return sheetNameNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** The sheet part of a reference, with "!": "Sheet1!", "'I. Kết quả'!", "'Xã A:Xã C'!" (a 3-D span quotes once). */
export function sheetPrefix(first: string, last?: string): string {
  if (last === undefined || last === first) return `${quoteSheetName(first)}!`;
  if (sheetNameNeedsQuotes(first) || sheetNameNeedsQuotes(last)) {
    return `'${first.replace(/'/g, "''")}:${last.replace(/'/g, "''")}'!`;
  }
  return `${first}:${last}!`;
}

/** "'I. Kết quả'!C5:C9", like office.js's Range.address. */
export function qualifiedAddress(sheet: string, r: Rect, absolute = false): string {
  return sheetPrefix(sheet) + formatRect(r, absolute);
}

/** Excel's sheet-name rules. Returns a reason when the name is not allowed, otherwise null. */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.length === 0) return "a sheet name cannot be empty";
  if (name.length > 31) return "a sheet name has at most 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "a sheet name cannot contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot start or end with an apostrophe";
  if (name.toLowerCase() === "history") return '"History" is a reserved sheet name';
  return null;
}

/** Excel's defined-name rules. Returns a reason when the name is not allowed, otherwise null. */
export function definedNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.length === 0) return "a name cannot be empty";
  if (name.length > 255) return "a name has at most 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\?]*$/u.test(name)) {
    return "a name starts with a letter, _ or \\ and contains only letters, digits, _ and .";
  }
  if (looksLikeCellReference(name)) return "a name cannot look like a cell reference";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rectangle arithmetic

export function rectCellCount(r: Rect): number {
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r1 = Math.max(a.r1, b.r1);
  const c1 = Math.max(a.c1, b.c1);
  const r2 = Math.min(a.r2, b.r2);
  const c2 = Math.min(a.c2, b.c2);
  return r1 <= r2 && c1 <= c2 ? { r1, c1, r2, c2 } : null;
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
}

/** a minus b, as up to four rectangles. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.r1 < i.r1) out.push({ r1: a.r1, c1: a.c1, r2: i.r1 - 1, c2: a.c2 });
  if (i.r2 < a.r2) out.push({ r1: i.r2 + 1, c1: a.c1, r2: a.r2, c2: a.c2 });
  if (a.c1 < i.c1) out.push({ r1: i.r1, c1: a.c1, r2: i.r2, c2: i.c1 - 1 });
  if (i.c2 < a.c2) out.push({ r1: i.r1, c1: i.c2 + 1, r2: i.r2, c2: a.c2 });
  return out;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;
}
