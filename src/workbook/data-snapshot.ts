/**
 * Report data → the snapshot of a standard workbook holding it (labels left out, the layout's
 * formulas in, without results). Lets
 * tests and tools go from data to the reader without a file or Excel.
 */
import type { ReportData, ReportDefinition } from "../report/types";
import { sheetRef } from "../report/refs";
import { inputValues, type WorkbookLayout } from "./layout";
import type { WorkbookSnapshot } from "./snapshot";

export function snapshotFromData(def: ReportDefinition, layout: WorkbookLayout, data: ReportData): WorkbookSnapshot {
  // the layout's formulas (a table's total row, a computed column) without a result, as in a file ExcelJS wrote
  const snapshot: WorkbookSnapshot = {
    sheets: layout.sheets.map((s) => {
      const formulas = Object.fromEntries(s.cells.filter((c) => c.formula).map((c) => [c.address, c.formula!]));
      return { name: s.name, cells: Object.fromEntries(Object.keys(formulas).map((a) => [a, null])), ...(Object.keys(formulas).length ? { formulas } : {}) };
    }),
    names: {},
  };
  for (const n of layout.names) snapshot.names[n.name] = sheetRef(n.sheet, n.ref);
  for (const v of inputValues(def, layout, data)) snapshot.sheets.find((s) => s.name === v.sheet)!.cells[v.address] = v.value;
  return snapshot;
}
