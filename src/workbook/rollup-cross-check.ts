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
 */
import { MSG_CROSS } from "../report/messages";
import { cellAddress, parseCell } from "../report/refs";
import { parseRollupFormula } from "../report/rollup";
import type { Problem, ReportDefinition } from "../report/types";
import { findLayoutShift, locateRow } from "./layout-shift";
import { isErrorValue, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { evaluateRollups, findUnitSheets, rollupFields, unitSheetLayout, unitSpec, type UnitSheet } from "./units";

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
  /** the unit cell the formula adds, e.g. "C5" */
  unitCell: string;
  /** the summary cell's value */
  value: number;
  /** the sum of the units' figures */
  expected: number;
  misplaced: MisplacedFigure[];
}

/** A cell's value as SUM adds it: numbers count, anything else (text, blank, true) adds 0. */
const added = (v: CellValue | undefined): number => (typeof v === "number" ? v : 0);

/** Where each unit's figures are: the layout's cells, moved with the sheet's rows when they moved. */
function figureReader(def: ReportDefinition, sheet: SheetSnapshot, unit: UnitSheet): (fieldId: string) => { value: number; cell: string } | null {
  const layout = unitSheetLayout(def, unit.sheet, unit.unitName);
  const tolerate = { tolerate: [unitSpec(def).nameCell] };
  const shifted = findLayoutShift(layout, sheet, tolerate) !== null;
  return (fieldId) => {
    const input = layout.inputs.find((i) => i.fieldId === fieldId);
    if (!input) return null;
    let cell = input.first;
    if (shifted) {
      const p = parseCell(input.first);
      const at = locateRow(layout, sheet, p.row, tolerate);
      if (!at) return null;
      cell = cellAddress({ row: p.row + at.dr, col: p.col + at.dc });
    }
    return { value: added(sheet.cells[cell]), cell };
  };
}

/**
 * Each summary cell holding a roll-up formula whose value differs from the sum of the
 * units' figures, or that adds a cell which is not a unit's figure. Cells whose value is
 * not a number (an error, nothing) are left to the other checks.
 */
export function rollupMismatches(def: ReportDefinition, snapshot: WorkbookSnapshot): RollupMismatch[] {
  const computed = evaluateRollups(snapshot);
  const units = new Map(findUnitSheets(snapshot, def).map((u) => [u.sheet.toLowerCase(), u] as const));
  const unitCells = new Map(unitSheetLayout(def, "x", "x").inputs.map((i) => [i.first, i.fieldId] as const));
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
      const fieldId = unitCells.get(span.cell);
      const i = index(span.from);
      const j = index(span.to);
      if (!fieldId || i < 0 || j < 0) continue;
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
        const figure = readerOf(s, u)(fieldId);
        expected += figure?.value ?? 0;
        if (!figure || figure.value !== added(v)) {
          misplaced.push({ sheet: s.name, unitName: u.unitName, added: added(v), figure: figure?.value ?? null, figureCell: figure?.cell ?? null });
        }
      }
      if (value !== expected || misplaced.length) out.push({ sheet: summary.name, cell, fieldId, unitCell: span.cell, value, expected, misplaced });
    }
  }
  return out;
}

/** The cross-check's problems: one error on each summary cell whose value is not the sum of the units' figures. */
export function crossCheckRollup(def: ReportDefinition, snapshot: WorkbookSnapshot): Problem[] {
  const labels = new Map(rollupFields(def).map((f) => [f.id, f.label] as const));
  return rollupMismatches(def, snapshot).map((m) => {
    const named = m.misplaced.slice(0, NAMED_MAX).map((x) =>
      x.unitName === undefined
        ? MSG_CROSS.notUnit(x.sheet, x.added)
        : x.figure === null
          ? MSG_CROSS.figureNotFound(x.unitName, x.added)
          : MSG_CROSS.figureElsewhere(x.unitName, x.added, x.figure, x.figureCell!),
    );
    const more = m.misplaced.length - named.length;
    const label = labels.get(m.fieldId) ?? m.fieldId;
    const message = m.misplaced.length
      ? MSG_CROSS.misplaced(label, m.value, m.expected, m.unitCell, named, more)
      : MSG_CROSS.notRecalculated(label, m.value, m.expected);
    return { sheet: m.sheet, cell: m.cell, severity: "error", code: CROSS_CHECK_CODE, fieldId: m.fieldId, message };
  });
}
