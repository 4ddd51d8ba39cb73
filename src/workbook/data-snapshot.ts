/**
 * Report data → the snapshot of a standard workbook holding it (labels left out). Lets
 * tests and tools go from data to the reader without a file or Excel.
 */
import type { ReportData, ReportDefinition } from "../report/types";
import { sheetRef } from "../report/refs";
import { inputValues, type WorkbookLayout } from "./layout";
import type { WorkbookSnapshot } from "./snapshot";

export function snapshotFromData(def: ReportDefinition, layout: WorkbookLayout, data: ReportData): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = { sheets: layout.sheets.map((s) => ({ name: s.name, cells: {} })), names: {} };
  for (const n of layout.names) snapshot.names[n.name] = sheetRef(n.sheet, n.ref);
  for (const v of inputValues(def, layout, data)) snapshot.sheets.find((s) => s.name === v.sheet)!.cells[v.address] = v.value;
  return snapshot;
}
