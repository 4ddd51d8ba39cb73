/**
 * A cross-check of the roll-up that the layout cannot fool, the pure part.
 *
 * The summary formula adds one cell over the unit sheets (`=SUM(DonViDau:DonViCuoi!C5)`);
 * if a unit sheet's rows moved, that cell no longer holds the unit's figure and the total
 * is wrong without any error. Here each summary cell's value (computed by Excel, or by
 * `evaluateRollups` for a file never opened in Excel) is compared with the sum of each
 * unit's figure read through the unit's own layout — on a sheet whose rows moved, in the
 * row where the figure's label now is. A difference is an error on the summary cell that
 * names the units (and any other sheet) whose figure is not where the formula looks.
 * A computed column's summary cell ("sumOf") has no roll-up formula — it keeps its row
 * formula, the sum of the summary's own parts — so it is not cross-checked: its parts are.
 */
import { columnTitle } from "../report/check";
import { MSG_CROSS } from "../report/messages";
import { cellAddress, parseCell, parseRange } from "../report/refs";
import { parseRollupFormula } from "../report/rollup";
import type { Problem, ReportDefinition } from "../report/types";
import { findLayoutShift, locateRow } from "./layout-shift";
import { isErrorValue, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { findRow } from "../report/row-labels";
import { withTableRows } from "./rollup-rows";
import { evaluateRollups, findUnitSheets, unitLayoutOf, unitSheetLayout, unitSpec, unitTablesOn, type UnitSheet } from "./units";

/** Problem code of a summary cell whose value is not the sum of the units' figures. */
export const CROSS_CHECK_CODE = "units.crossCheck";

/** How many sheets a message names before "and N more". */
const NAMED_MAX = 5;

/** A sheet of the span whose cell under the formula is not its figure. */
export interface MisplacedFigure {
  sheet: string;
  /** the unit's full name; undefined for a sheet that is not a unit sheet */
  unitName?: string;
  /** what the formula adds from this sheet */
  added: number;
  /** the unit's figure read through its layout (0 for a sheet that is not a unit); null when its row is not found */
  figure: number | null;
  /** where the figure is; null when not found */
  figureCell: string | null;
}

export interface RollupMismatch {
  sheet: string;
  cell: string;
  fieldId: string;
  /** a table's cell: its row and column in the body (0-based), and the row's label in the summary */
  row?: number;
  column?: number;
  rowLabel?: string;
  /** the unit cell the formula adds, e.g. "C5" */
  unitCell: string;
  /** the summary cell's value */
  value: number;
  /** the sum of the units' figures */
  expected: number;
  misplaced: MisplacedFigure[];
  /** a table cell where a unit's table (not moved) has other rows than the summary: aligning the rows fixes it */
  realign?: boolean;
}

/** A cell's value as SUM adds it: numbers count, anything else (text, blank, true) adds 0. */
const added = (v: CellValue | undefined): number => (typeof v === "number" ? v : 0);

/** What a unit cell holds: a count field's figure, or one cell of a table's body (0-based row and column). */
interface UnitCellRef {
  fieldId: string;
  row?: number;
  column?: number;
}

/**
 * Every cell of a unit sheet that holds a figure: count fields' cells and every cell of a
 * table's body, a table taken `rows` rows long (the longest table of the unit sheets).
 */
function unitCellRefs(def: ReportDefinition, rows: Record<string, number>): Map<string, UnitCellRef> {
  const out = new Map<string, UnitCellRef>();
  const longest = withTableRows(
    def,
    Object.fromEntries(
      Object.entries(rows).map(([id, n]) => [id, Array.from({ length: Math.max(n, def.fields.find((f) => f.id === id)?.table?.rows.length ?? 0) }, () => "")]),
    ),
  );
  for (const i of unitSheetLayout(longest, "x", "x").inputs) {
    if (i.kind !== "table") {
      out.set(i.first, { fieldId: i.fieldId });
      continue;
    }
    const { start, end } = parseRange(i.ref);
    for (let r = start.row; r <= end.row; r++) {
      for (let c = start.col; c <= end.col; c++) out.set(cellAddress({ row: r, col: c }), { fieldId: i.fieldId, row: r - start.row, column: c - start.col });
    }
  }
  return out;
}

/**
 * Where each unit's figures are. A table's row is the unit's row of the same lĩnh vực
 * (`rowLabel`, the summary's label of that row), wherever it is in the unit's table; without
 * a label, the row of the same number. On a sheet whose rows moved above the table, the
 * layout's cells moved with them, found by their texts.
 */
function figureReader(
  def: ReportDefinition,
  sheet: SheetSnapshot,
  unit: UnitSheet,
): (ref: UnitCellRef, rowLabel?: CellValue) => { value: number; cell: string } | null {
  const { layout, tables } = unitLayoutOf(def, sheet, unit.unitName);
  const tolerate = [unitSpec(def).nameCell];
  const shifted = findLayoutShift(layout, sheet, { tolerate }) !== null;
  const located = new Map<string, { dr: number; dc: number } | null>();
  return (ref, rowLabel) => {
    const input = layout.inputs.find((i) => i.fieldId === ref.fieldId);
    if (!input) return null;
    const table = tables?.[ref.fieldId];
    if (table && !shifted && ref.row !== undefined && ref.column !== undefined) {
      const label = typeof rowLabel === "string" ? rowLabel.trim() : "";
      const r = label ? findRow(table.rows, label) : ref.row < table.rows.length ? ref.row : -1;
      if (r < 0) return null;
      const cell = cellAddress({ row: table.first + r, col: table.firstCol + ref.column });
      return { value: added(sheet.cells[cell]), cell };
    }
    const first = parseCell(input.first);
    const p = { row: first.row + (ref.row ?? 0), col: first.col + (ref.column ?? 0) };
    if (!shifted) return { value: added(sheet.cells[cellAddress(p)]), cell: cellAddress(p) };
    const texts: Record<string, CellValue> = {};
    if (input.labels && ref.row !== undefined && rowLabel !== undefined && rowLabel !== null) {
      texts[cellAddress({ row: p.row, col: parseRange(input.labels).start.col })] = rowLabel;
    }
    const key = `${p.row}|${JSON.stringify(texts)}`;
    if (!located.has(key)) located.set(key, locateRow(layout, sheet, p.row, { tolerate, texts }));
    const at = located.get(key);
    if (!at) return null;
    const cell = cellAddress({ row: p.row + at.dr, col: p.col + at.dc });
    return { value: added(sheet.cells[cell]), cell };
  };
}

/**
 * Each summary cell holding a roll-up formula whose value differs from the sum of the
 * units' figures, or that adds a cell which is not a unit's figure. Cells whose value is
 * not a number (an error, nothing) are left to the other checks. Every cell of a table's
 * body is checked on its own.
 */
export function rollupMismatches(def: ReportDefinition, snapshot: WorkbookSnapshot): RollupMismatch[] {
  const computed = evaluateRollups(snapshot);
  const units = new Map(findUnitSheets(snapshot, def).map((u) => [u.sheet.toLowerCase(), u] as const));
  // the unit sheets' tables may be longer than the definition's (lĩnh vực added by the roll-up)
  const longest: Record<string, number> = {};
  const withTable = new Set<string>(); // unit sheets whose tables are found where they should be (rows inside them are fine)
  for (const s of snapshot.sheets) {
    if (!units.has(s.name.toLowerCase())) continue;
    const tables = unitTablesOn(def, s);
    if (tables) withTable.add(s.name.toLowerCase());
    for (const [id, t] of Object.entries(tables ?? {})) longest[id] = Math.max(longest[id] ?? 0, t.rows.length);
  }
  const unitCells = unitCellRefs(def, longest);
  const labelsOffset = (() => {
    const table = unitSheetLayout(def, "x", "x").inputs.find((i) => i.labels);
    return table ? parseRange(table.labels!).start.col - parseCell(table.first).col : 0;
  })();
  const readers = new Map<string, ReturnType<typeof figureReader>>();
  const readerOf = (s: SheetSnapshot, u: UnitSheet) => {
    let r = readers.get(s.name);
    if (!r) readers.set(s.name, (r = figureReader(def, s, u)));
    return r;
  };
  const index = (name: string) => computed.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());

  const out: RollupMismatch[] = [];
  for (const summary of computed.sheets) {
    for (const [cell, formula] of Object.entries(summary.formulas ?? {})) {
      const span = parseRollupFormula(formula);
      const value = summary.cells[cell];
      if (!span || typeof value !== "number") continue;
      const ref = unitCells.get(span.cell);
      const i = index(span.from);
      const j = index(span.to);
      if (!ref || i < 0 || j < 0) continue;
      // a table cell: the summary's label of its row, left of the table's first column
      let rowLabel: CellValue | undefined;
      if (ref.column !== undefined) {
        const at = parseCell(cell);
        const col = at.col - ref.column + labelsOffset;
        if (col >= 1) rowLabel = summary.cells[cellAddress({ row: at.row, col })];
      }
      let expected = 0;
      const misplaced: MisplacedFigure[] = [];
      for (const s of computed.sheets.slice(Math.min(i, j), Math.max(i, j) + 1)) {
        const v = s.cells[span.cell];
        if (v !== undefined && isErrorValue(v)) continue; // an error propagates; reported on its cell
        const u = units.get(s.name.toLowerCase());
        if (!u) {
          if (added(v)) misplaced.push({ sheet: s.name, added: added(v), figure: 0, figureCell: null });
          continue;
        }
        const figure = readerOf(s, u)(ref, rowLabel);
        expected += figure?.value ?? 0;
        if (!figure || figure.value !== added(v)) {
          misplaced.push({ sheet: s.name, unitName: u.unitName, added: added(v), figure: figure?.value ?? null, figureCell: figure?.cell ?? null });
        }
      }
      if (value !== expected || misplaced.length) {
        const where =
          ref.row !== undefined
            ? { row: ref.row, column: ref.column!, ...(typeof rowLabel === "string" && rowLabel.trim() ? { rowLabel: rowLabel.trim() } : {}) }
            : {};
        const realign = ref.row !== undefined && misplaced.some((x) => x.unitName !== undefined && withTable.has(x.sheet.toLowerCase()));
        out.push({
          sheet: summary.name,
          cell,
          fieldId: ref.fieldId,
          ...where,
          unitCell: span.cell,
          value,
          expected,
          misplaced,
          ...(realign ? { realign } : {}),
        });
      }
    }
  }
  return out;
}

/** How a mismatch names its cell: the field's label; for a table, with the row and the column. */
function cellLabel(def: ReportDefinition, m: RollupMismatch): string {
  const f = def.fields.find((x) => x.id === m.fieldId);
  const label = f?.label ?? m.fieldId;
  if (m.row === undefined || !f?.table) return label;
  return MSG_CROSS.tableCell(label, m.rowLabel ?? m.row + 1, columnTitle(f.table.columns, m.column!));
}

/** The cross-check's problems: one error on each summary cell whose value is not the sum of the units' figures. */
export function crossCheckRollup(def: ReportDefinition, snapshot: WorkbookSnapshot): Problem[] {
  return rollupMismatches(def, snapshot).map((m) => {
    const named = m.misplaced
      .slice(0, NAMED_MAX)
      .map((x) =>
        x.unitName === undefined
          ? MSG_CROSS.notUnit(x.sheet, x.added)
          : x.figure === null
            ? MSG_CROSS.figureNotFound(x.unitName, x.added)
            : MSG_CROSS.figureElsewhere(x.unitName, x.added, x.figure, x.figureCell!),
      );
    const more = m.misplaced.length - named.length;
    const label = cellLabel(def, m);
    const message = m.misplaced.length
      ? `${MSG_CROSS.misplaced(label, m.value, m.expected, m.unitCell, named, more)}${m.realign ? ` ${MSG_CROSS.realign}` : ""}`
      : MSG_CROSS.notRecalculated(label, m.value, m.expected);
    return { sheet: m.sheet, cell: m.cell, severity: "error", code: CROSS_CHECK_CODE, fieldId: m.fieldId, message };
  });
}
