/**
 * Kiểm tra's part of the expected list (src/workbook/expected-list.ts): every unit of the list
 * with no sheet or no figure, and every unit sheet not on the list, each on its cell. Pure.
 */
import { MSG_UNITS } from "../report/messages";
import type { Problem, ReportDefinition } from "../report/types";
import { compareExpected, readExpectedList, type PresentUnit } from "./expected-list";
import { findMarker, movedCell } from "./layout-shift";
import { parseRange, cellAddress } from "../report/refs";
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { findUnitSheets, unitLayoutOf, unitSpec } from "./units";

/** No figure typed on a unit sheet: every cell of its inputs is blank or a formula's (a computed column). */
export function isEmptyUnitSheet(def: ReportDefinition, sheet: SheetSnapshot, unitName: string): boolean {
  const { layout } = unitLayoutOf(def, sheet, unitName);
  for (const input of layout.inputs) {
    const { start, end } = parseRange(input.ref);
    for (let row = start.row; row <= end.row; row++)
      for (let col = start.col; col <= end.col; col++) {
        const address = cellAddress({ row, col });
        const v = sheet.cells[address];
        if (v !== undefined && v !== null && v !== "" && !sheet.formulas?.[address]) return false;
      }
  }
  return true;
}

/** The unit sheets of a snapshot, each with whether it is still empty. */
export function presentUnits(def: ReportDefinition, snapshot: WorkbookSnapshot): (PresentUnit & { nameCell: string })[] {
  const spec = unitSpec(def);
  return findUnitSheets(snapshot, def).map((u) => {
    const sheet = findSheet(snapshot, u.sheet)!;
    const marker = findMarker(sheet, spec.marker, spec.markerCell) ?? spec.markerCell;
    return {
      unitName: u.unitName,
      sheet: u.sheet,
      empty: isEmptyUnitSheet(def, sheet, u.unitName),
      nameCell: movedCell(spec.nameCell, spec.markerCell, marker),
    };
  });
}

export interface ExpectedUnitsCheck {
  problems: Problem[];
  /** the list's names and those that sent nothing; absent when the workbook has no list (or an empty one) */
  units?: { expected: string[]; missing: string[] };
}

/** The warnings of the expected list; nothing when the workbook has no list or its list is empty. */
export function checkExpectedUnits(def: ReportDefinition, snapshot: WorkbookSnapshot): ExpectedUnitsCheck {
  const list = readExpectedList(def, snapshot);
  if (!list || !list.units.length) return { problems: [] };
  const present = presentUnits(def, snapshot);
  const cmp = compareExpected(list.units, present);
  const warn = (sheet: string, cell: string, code: string, message: string): Problem => ({ sheet, cell, severity: "warning", code, message });
  const problems: Problem[] = [
    ...cmp.missing.map((m) => warn(list.sheet, m.cell, "units.expectedMissing", MSG_UNITS.expectedMissing(m.name, list.sheet))),
    ...cmp.empty.map((m) => warn(list.sheet, m.cell, "units.expectedEmpty", MSG_UNITS.expectedEmpty(m.name, m.sheet))),
    ...cmp.extra.map((u) =>
      warn(u.sheet, present.find((p) => p.sheet === u.sheet)!.nameCell, "units.notExpected", MSG_UNITS.notExpected(u.unitName, list.sheet)),
    ),
  ];
  return { problems, units: { expected: list.units.map((u) => u.name), missing: cmp.notSent } };
}
