/**
 * Snapshots of roll-ups for the tests (helper, not a test): a unit sheet with figures typed in
 * its input cells, and the sample report with units between the bookends and its roll-up
 * formulas written without cached results, as a file no spreadsheet has opened holds them.
 */
import { BOOKEND_END, BOOKEND_START } from "../report/rollup";
import { sampleData } from "../report/sample";
import type { ReportDefinition } from "../report/types";
import { snapshotFromData } from "./data-snapshot";
import type { WorkbookLayout } from "./layout";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { summaryFormulas, unitSheetLayout, unitSpec } from "./units";

/** A unit sheet named `name` of unit `unitName`, with `figures` (by field id) in its input cells. */
export function unitSheetSnapshot(def: ReportDefinition, name: string, figures: Record<string, number | string>, unitName = name): SheetSnapshot {
  const l = unitSheetLayout(def, name, unitName);
  const spec = unitSpec(def);
  const cells: SheetSnapshot["cells"] = { [spec.markerCell]: def.units.marker, [spec.nameCell]: unitName };
  for (const i of l.inputs) if (i.fieldId in figures) cells[i.first] = figures[i.fieldId];
  return { name, cells };
}

/** The sample report of `def` with `units` between the bookends and roll-up formulas without cached results. */
export function rolledUpSnapshot(def: ReportDefinition, layout: WorkbookLayout, units: SheetSnapshot[]): WorkbookSnapshot {
  const s = snapshotFromData(def, layout, sampleData(def.id));
  for (const f of summaryFormulas(def, layout)) {
    const sheet = s.sheets.find((x) => x.name === f.sheet)!;
    sheet.formulas ??= {};
    delete sheet.cells[f.cell];
    sheet.formulas[f.cell] = f.formula;
  }
  s.sheets.push({ name: BOOKEND_START, cells: {} }, ...units, { name: BOOKEND_END, cells: {} });
  return s;
}
