/**
 * Has a sheet kept its layout? The pure part.
 *
 * A unit sheet is added into the summary cell by cell (`=SUM(DonViDau:DonViCuoi!C5)`), so
 * a row inserted or deleted on it makes every figure below be added into the wrong line
 * of the summary, silently. The texts the layout writes (column headers, headings, STT
 * numbers, labels, units of measure, the marker) tell where the rows went: this compares them with
 * what the sheet holds and finds by how many rows (and columns) they moved.
 *
 * What a user may change without the sheet counting as moved: values of input cells,
 * the status column, the title and the hint (free text, never needed to find a figure),
 * cells the caller names as tolerated (the unit's name), and a label retyped in place
 * (a row counts as in place when most of its texts, and at least one of its label-like
 * texts, are where the layout puts them). Rows whose texts are gone without being found
 * elsewhere are edits, not moves.
 */
import { MSG_LAYOUT } from "../report/messages";
import { cellAddress, columnLetter, parseCell } from "../report/refs";
import type { Problem } from "../report/types";
import type { SheetLayout, StyleName } from "./layout";
import { isErrorValue, type CellValue, type SheetSnapshot } from "./snapshot";

export interface LayoutShift {
  /** row of the layout whose texts are the first found elsewhere */
  firstMovedRow: number;
  /** rows they moved by: more than 0 when rows were inserted above them, less than 0 when rows were deleted */
  movedBy?: number;
  /** columns they moved by, when columns were inserted (more than 0) or deleted */
  movedColumnsBy?: number;
  /** the cell to point the user at: the first inserted row, or where the deleted rows were */
  cell: string;
  /** Vietnamese, names the sheet, the row and the fix */
  message: string;
}

/** Problem code of a unit sheet whose rows moved. */
export const SHIFTED_CODE = "units.shifted";

/** Styles of texts that are free to edit: they never help to find a figure. */
const FREE_STYLES = new Set<StyleName>(["title", "hint"]);
/** Styles of texts that are not distinctive alone (the same "1" or "TTHC" on many rows). */
const WEAK_STYLES = new Set<StyleName>(["stt", "measure"]);

/** Text as compared: Unicode NFC, spaces collapsed, any case; numbers as they print. */
export function normalText(v: CellValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (isErrorValue(v)) return v.error;
  return String(v).normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}

interface Anchor {
  row: number;
  col: number;
  text: string;
  weak: boolean;
}

/** Texts by which the add-in recognises a sheet ("BC-CCTTHC/DON-VI", any kind's): kept whatever their style. */
const isMarker = (v: unknown) => typeof v === "string" && /^[A-Z0-9-]+\/[A-Z0-9/_-]+$/.test(v);

/** The texts that tell where rows are, by row. */
function anchorsByRow(expected: SheetLayout, tolerate: Set<string>): Map<number, Anchor[]> {
  const rows = new Map<number, Anchor[]>();
  for (const c of expected.cells) {
    if (c.value === null || c.value === "" || tolerate.has(c.address.toUpperCase())) continue;
    if (FREE_STYLES.has(c.style) && !isMarker(c.value)) continue;
    const { row, col } = parseCell(c.address);
    const list = rows.get(row) ?? [];
    list.push({ row, col, text: normalText(c.value), weak: WEAK_STYLES.has(c.style) });
    rows.set(row, list);
  }
  return new Map([...rows.entries()].sort((a, b) => a[0] - b[0]));
}

/** Whether a row's texts are found dr rows below and dc columns right of their place. */
function rowMatches(anchors: Anchor[], actual: SheetSnapshot, dr: number, dc: number): boolean {
  let matched = 0;
  let strong = false;
  let hasStrong = false;
  for (const a of anchors) {
    if (!a.weak) hasStrong = true;
    const r = a.row + dr;
    const c = a.col + dc;
    if (r < 1 || c < 1) continue;
    if (normalText(actual.cells[cellAddress({ row: r, col: c })]) === a.text) {
      matched++;
      if (!a.weak) strong = true;
    }
  }
  return matched * 2 > anchors.length && (strong || !hasStrong);
}

/**
 * Offsets looked for: rows from the layout's height up to the sheet's last row below (a
 * pasted block moves rows far), 3 columns either way; nearest first, so that ties go to
 * the smallest move.
 */
function candidates(expected: SheetLayout, actual: SheetSnapshot): { dr: number; dc: number }[] {
  const lastRow = Math.max(expected.lastRow, ...Object.keys(actual.cells).map((a) => parseCell(a).row));
  const out: { dr: number; dc: number }[] = [];
  for (let dr = -expected.lastRow; dr <= lastRow; dr++) for (let dc = -3; dc <= 3; dc++) if (dr || dc) out.push({ dr, dc });
  return out.sort((a, b) => Math.abs(a.dr) + Math.abs(a.dc) - (Math.abs(b.dr) + Math.abs(b.dc)) || b.dr - a.dr || b.dc - a.dc);
}

/**
 * Where the layout's row `row` now is on the sheet: the offset at which its texts are
 * found (0, 0 when in place; the nearest offset otherwise), or null when they are not found.
 *
 * `texts`: more texts expected on that row, by address, that the layout leaves to the
 * user (a table's row label): they tell a table's rows apart where the layout only writes
 * their numbers.
 */
export function locateRow(
  expected: SheetLayout,
  actual: SheetSnapshot,
  row: number,
  options: { tolerate?: string[]; texts?: Record<string, CellValue> } = {},
): { dr: number; dc: number } | null {
  const extra = Object.entries(options.texts ?? {})
    .map(([address, v]) => ({ ...parseCell(address), text: normalText(v), weak: false }))
    .filter((a) => a.row === row && a.text !== "");
  const found = anchorsByRow(expected, new Set((options.tolerate ?? []).map((a) => a.toUpperCase()))).get(row);
  const anchors = found || extra.length ? [...(found ?? []), ...extra] : null;
  if (!anchors) return null;
  if (rowMatches(anchors, actual, 0, 0)) return { dr: 0, dc: 0 };
  return candidates(expected, actual).find(({ dr, dc }) => rowMatches(anchors, actual, dr, dc)) ?? null;
}

/**
 * Compares the texts a layout writes with what the sheet holds. Null when every text is
 * in place (or was edited in place); otherwise the first row found moved, by how much,
 * and a message naming the row and how to fix it.
 *
 * `tolerate`: addresses whose text may differ (e.g. the unit's name).
 */
export function findLayoutShift(expected: SheetLayout, actual: SheetSnapshot, options: { tolerate?: string[] } = {}): LayoutShift | null {
  const rows = anchorsByRow(expected, new Set((options.tolerate ?? []).map((a) => a.toUpperCase())));
  const off = [...rows.entries()].filter(([, anchors]) => !rowMatches(anchors, actual, 0, 0));
  if (!off.length) return null;

  let best: { dr: number; dc: number; score: number } | null = null;
  for (const { dr, dc } of candidates(expected, actual)) {
    const score = off.filter(([, anchors]) => rowMatches(anchors, actual, dr, dc)).length;
    if (score > (best?.score ?? 0)) best = { dr, dc, score };
  }
  if (!best) return null; // texts edited or cleared in place: the figures are still where the formulas look

  const { dr, dc } = best;
  const moved = off.filter(([, anchors]) => rowMatches(anchors, actual, dr, dc));
  const firstMovedRow = moved[0][0];
  // the first inserted row is where the first moved row was; deleted rows were just above where it is now
  const row = dr < 0 ? firstMovedRow + dr : firstMovedRow;
  // the first column moved: the left-most text found at the offset and not at its place
  const at = (a: Anchor, r: number, c: number) => normalText(actual.cells[cellAddress({ row: a.row + r, col: Math.max(1, a.col + c) })]) === a.text;
  const movedCols = [...rows.values()]
    .flat()
    .filter((a) => a.col + dc >= 1 && at(a, dr, dc) && !at(a, 0, 0))
    .map((a) => a.col);
  const firstCol = movedCols.length ? Math.min(...movedCols) : 1;
  const col = dc < 0 ? Math.max(1, firstCol + dc) : firstCol;
  const cell = cellAddress({ row: Math.max(1, row), col: dc ? col : 1 });
  const message =
    dc === 0
      ? MSG_LAYOUT.rowsMoved(actual.name, dr, Math.max(1, row))
      : dr === 0
        ? MSG_LAYOUT.columnsMoved(actual.name, dc, columnLetter(col))
        : MSG_LAYOUT.moved(actual.name, cell);
  return { firstMovedRow, ...(dr ? { movedBy: dr } : {}), ...(dc ? { movedColumnsBy: dc } : {}), cell, message };
}

/** The problem for a unit sheet whose rows moved (one, instead of a problem per figure). */
export function shiftProblem(sheet: string, shift: LayoutShift): Problem {
  return { sheet, cell: shift.cell, severity: "error", code: SHIFTED_CODE, message: shift.message };
}

/** Whether any unit sheet has moved rows: the roll-up adds wrong cells, so export is refused. */
export function hasShiftedUnits(problems: Problem[]): boolean {
  return problems.some((p) => p.code === SHIFTED_CODE);
}

/**
 * Where a marker is on a sheet: at its cell, or anywhere else when rows or columns were
 * inserted above or left of it (top-most, then left-most); null when the sheet has none.
 */
export function findMarker(sheet: SheetSnapshot, marker: string, at: string): string | null {
  if (typeof sheet.cells[at] === "string" && (sheet.cells[at] as string).trim() === marker) return at;
  let found: { row: number; col: number } | null = null;
  for (const [address, v] of Object.entries(sheet.cells)) {
    if (typeof v !== "string" || v.trim() !== marker) continue;
    const p = parseCell(address);
    if (!found || p.row < found.row || (p.row === found.row && p.col < found.col)) found = p;
  }
  return found ? cellAddress(found) : null;
}

/** `cell` moved as `from` moved to `to` (e.g. the unit's name, below its marker). */
export function movedCell(cell: string, from: string, to: string): string {
  const c = parseCell(cell);
  const f = parseCell(from);
  const t = parseCell(to);
  return cellAddress({ row: c.row + t.row - f.row, col: c.col + t.col - f.col });
}
