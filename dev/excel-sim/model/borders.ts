/**
 * Borders: Range.format.borders writes and reads the edges of cells; an edge is shared by two
 * neighbouring cells, so both halves are kept in step.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect } from "../address";
import { simError } from "../errors";
import { checkCellCount } from "./cells";
import { assertWritable } from "./protection";
import type { SimSheet } from "./sheet";
import type { BorderEdge, SimBorder } from "./types";
import type { SimWorkbook } from "./workbook";

/** Sets one border (Excel.BorderIndex) of a range: edges, inside lines or diagonals. */
export function setBorder(wb: SimWorkbook, s: SimSheet, r: Rect, index: string, patch: Partial<SimBorder>, location: string): void {
  assertWritable(s, "formatCells", location);
  checkCellCount(r, location);
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
  wb.markDirty();
}

/** Reads one border of a range: the common value of the cells on that edge, or null when they differ. */
export function getBorder(s: SimSheet, r: Rect, index: string): SimBorder | null {
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
