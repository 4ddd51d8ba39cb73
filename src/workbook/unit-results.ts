/**
 * The per-unit sheet of a summary workbook ("Kết quả đơn vị", the definition's `unitResults`):
 * one row per unit, in the order of the unit sheets — STT, the unit's name, then its totals
 * for every roll-up figure, each a formula pointing at the unit's own sheet (a count's cell,
 * a table column's cell in the unit's total row: "='Xã An Bình'!C16"), then the rates by
 * formula as the definition declares them ("=IF(G5=0,"",(H5+I5)/G5)") and the unit's rank by
 * one rate ("=IF(ISNUMBER(N5),RANK(N5,N$5:N$108),"")").
 *
 *   row 1 title, row 2 hint, rows 3–4 headers (groups over their columns), units from row 5
 *
 * Pure: `unitResultsLayout` gives the sheet as a `SheetLayout` the writers put in the workbook
 * (the CLI's roll-up, the pane's Tổng hợp); `readUnitResults` turns the sheet of a snapshot back
 * into each unit's figures for the report (src/report/unit-results.ts says the rest).
 */
import { rowLabelKey } from "../report/row-labels";
import { cellAddress, columnLetter, parseCell, parseRange, parseSheetRef, sheetRef } from "../report/refs";
import { MSG_UNIT_RESULTS } from "../report/messages";
import type { Problem, ReportDefinition, UnitResult, ValueRef } from "../report/types";
import { percentValue, unitResultColumns, type UnitColumn } from "../report/unit-results";
import type { LayoutCell, SheetLayout, StyleName, WorkbookLayout } from "./layout";
import { findMarker, movedCell } from "./layout-shift";
import { findSheet, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { findUnitSheets, unitSheetLayout, unitSpec } from "./units";

/** The first row of the units; rows 3 and 4 are the headers. */
export const UNIT_RESULTS_FIRST_ROW = 5;
/** Columns A (STT) and B (the unit's name) come before the figures. */
const FIRST_FIGURE_COL = 3;
/** How far below a unit table's first row its total row is looked for. */
const TOTAL_ROW_SEARCH = 1000;

/** A unit sheet of the summary and, by value reference, the cell of each roll-up figure on it. */
export interface UnitFigureCells {
  sheet: string;
  unitName: string;
  cells: Record<ValueRef, string>;
}

/**
 * Where each unit's figures are on its sheet: a count at its cell, a table column in the unit
 * table's total row (found by its label under the table: rows the office or Tổng hợp inserted
 * inside the table move it); cells moved as the unit's marker moved.
 */
export function unitFigureCells(def: ReportDefinition, snapshot: WorkbookSnapshot): UnitFigureCells[] {
  const spec = unitSpec(def);
  return findUnitSheets(snapshot, def).map((u) => {
    const sheet = findSheet(snapshot, u.sheet)!;
    const at = findMarker(sheet, spec.marker, spec.markerCell) ?? spec.markerCell;
    const move = (cell: string) => movedCell(cell, spec.markerCell, at);
    const layout = unitSheetLayout(def, u.sheet, u.unitName);
    const cells: Record<ValueRef, string> = {};
    for (const input of layout.inputs) {
      const field = def.fields.find((f) => f.id === input.fieldId)!;
      if (!field.rollup) continue;
      if (input.kind !== "table") {
        cells[field.id] = move(input.first);
        continue;
      }
      const { start, end } = parseRange(input.ref);
      const first = parseCell(move(cellAddress(start)));
      const labelCol = first.col - 1;
      const totalKey = rowLabelKey(field.table!.totalLabel);
      let totalRow = parseCell(move(cellAddress({ row: end.row + 1, col: start.col }))).row;
      for (let row = first.row; row < first.row + TOTAL_ROW_SEARCH; row++) {
        const label = sheet.cells[cellAddress({ row, col: labelCol })];
        if (typeof label === "string" && rowLabelKey(label) === totalKey) {
          totalRow = row;
          break;
        }
      }
      field.table!.columns.forEach((c, k) => {
        cells[`${field.id}.${c.id}`] = cellAddress({ row: totalRow, col: first.col + k });
      });
    }
    return { sheet: u.sheet, unitName: u.unitName, cells };
  });
}

/** The column letter of each column after the name, by kind and key ("figure:BIEU_06.TONG_NHAN"). */
function columnLetters(columns: UnitColumn[]): Map<string, string> {
  return new Map(columns.map((c, i) => [`${c.kind}:${c.key}`, columnLetter(FIRST_FIGURE_COL + i)]));
}

/** "(H5+I5)" or "H5": the sum of figures' cells of one row. */
function sumExpression(letters: Map<string, string>, refs: ValueRef[], row: number): string {
  const cells = refs.map((r) => `${letters.get(`figure:${r}`)}${row}`);
  return cells.length === 1 ? cells[0] : `(${cells.join("+")})`;
}

/**
 * The per-unit sheet of a summary workbook, or null when the definition declares none. With no
 * unit sheet it has its headers only.
 */
export function unitResultsLayout(def: ReportDefinition, snapshot: WorkbookSnapshot): SheetLayout | null {
  const u = def.unitResults;
  if (!u) return null;
  const columns = unitResultColumns(def);
  const letters = columnLetters(columns);
  const units = unitFigureCells(def, snapshot);
  const lastCol = FIRST_FIGURE_COL + columns.length - 1;
  const cells: LayoutCell[] = [];
  const merges: string[] = [];
  const at = (row: number, col: number) => cellAddress({ row, col });
  const put = (row: number, col: number, value: string | number | null, style: StyleName, formula?: string) =>
    cells.push({ address: at(row, col), value, style, ...(formula ? { formula } : {}) });
  put(1, 1, u.title, "title");
  merges.push(`${at(1, 1)}:${at(1, lastCol)}`);
  put(2, 1, u.hint, "hint");
  merges.push(`${at(2, 1)}:${at(2, lastCol)}`);
  // headers: STT and the name over two rows, a group over its columns, an ungrouped column over two rows
  const twoRows = (col: number, text: string) => {
    put(3, col, text, "columnHeader");
    put(4, col, null, "columnHeader");
    merges.push(`${at(3, col)}:${at(4, col)}`);
  };
  twoRows(1, "STT");
  twoRows(2, u.nameHeader);
  for (let i = 0; i < columns.length;) {
    const group = columns[i].group;
    let end = i;
    while (group && end + 1 < columns.length && columns[end + 1].group === group) end++;
    if (!group) twoRows(FIRST_FIGURE_COL + i, columns[i].label);
    else {
      put(3, FIRST_FIGURE_COL + i, group, "columnHeader");
      for (let k = i + 1; k <= end; k++) put(3, FIRST_FIGURE_COL + k, null, "columnHeader");
      if (end > i) merges.push(`${at(3, FIRST_FIGURE_COL + i)}:${at(3, FIRST_FIGURE_COL + end)}`);
      for (let k = i; k <= end; k++) put(4, FIRST_FIGURE_COL + k, columns[k].label, "columnHeader");
    }
    i = end + 1;
  }
  const first = UNIT_RESULTS_FIRST_ROW;
  const last = first + units.length - 1;
  units.forEach((unit, i) => {
    const row = first + i;
    put(row, 1, i + 1, "stt");
    put(row, 2, unit.unitName, "label");
    columns.forEach((c, k) => {
      const col = FIRST_FIGURE_COL + k;
      if (c.kind === "figure") put(row, col, null, "computed", `=${sheetRef(unit.sheet, unit.cells[c.key])}`);
      else if (c.kind === "rate") {
        const v = percentValue(def, c.key)!;
        const over = sumExpression(letters, v.over, row);
        put(row, col, null, "computedRate", `=IF(${over}=0,"",${sumExpression(letters, v.percent, row)}/${over})`);
      } else {
        const rate = `${letters.get(`rate:${c.key}`)}${row}`;
        const ratesRange = `${letters.get(`rate:${c.key}`)}$${first}:${letters.get(`rate:${c.key}`)}$${last}`;
        put(row, col, null, "computed", `=IF(ISNUMBER(${rate}),RANK(${rate},${ratesRange}),"")`);
      }
    });
  });
  return {
    id: "unitResults",
    name: u.sheet,
    arrangement: "indicators",
    columns: [
      { letter: "A", width: 6 },
      { letter: "B", width: 32 },
      ...columns.map((c, k) => ({ letter: columnLetter(FIRST_FIGURE_COL + k), width: c.kind === "figure" ? 11 : 10 })),
    ],
    cells,
    merges,
    inputs: [],
    validations: [],
    statusColumn: columnLetter(lastCol + 1),
    frozenRows: 4,
    lastRow: Math.max(4, last),
  };
}

/**
 * The per-unit sheet of a workbook still being planned (the roll-up's layout and the units'
 * values, before any file is written), or null when the definition declares none.
 */
export function plannedUnitResults(
  def: ReportDefinition,
  layout: WorkbookLayout,
  values: { sheet: string; address: string; value: CellValue }[],
): SheetLayout | null {
  const snapshot: WorkbookSnapshot = {
    sheets: layout.sheets.map((s) => ({ name: s.name, cells: Object.fromEntries(s.cells.filter((c) => c.value !== null).map((c) => [c.address, c.value])) })),
    names: {},
  };
  for (const v of values) findSheet(snapshot, v.sheet)!.cells[v.address] = v.value;
  return unitResultsLayout(def, snapshot);
}

/** A figure's cell as a number: its value, or — a formula written without its result — the cell it points at. */
function figureOf(snapshot: WorkbookSnapshot, sheet: SheetSnapshot, address: string): number | null {
  const v: CellValue | undefined = sheet.cells[address];
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const formula = sheet.formulas?.[address];
  const target = formula ? parseSheetRef(formula) : null;
  if ((v === undefined || v === null) && target && !target.ref.includes(":")) {
    const pointed = findSheet(snapshot, target.sheet)?.cells[target.ref];
    if (typeof pointed === "number" && Number.isFinite(pointed)) return pointed;
    if (pointed === undefined || pointed === null) return 0; // a blank cell, as Excel counts it
  }
  return null;
}

/**
 * Each unit's figures as the per-unit sheet holds them (rows from row 5 until a blank name),
 * or undefined when the workbook has no such sheet. A figure that is not a number is null (the
 * report then shows "…" where it is used); rates and rank are worked out from the figures
 * (src/report/unit-results.ts), the same formulas as the sheet's.
 */
export function readUnitResults(def: ReportDefinition, snapshot: WorkbookSnapshot): UnitResult[] | undefined {
  const u = def.unitResults;
  const sheet = u ? findSheet(snapshot, u.sheet) : undefined;
  if (!sheet) return undefined;
  const columns = unitResultColumns(def);
  const out: UnitResult[] = [];
  for (let row = UNIT_RESULTS_FIRST_ROW; ; row++) {
    const name = sheet.cells[`B${row}`];
    const text = typeof name === "string" ? name.trim() : typeof name === "number" ? String(name) : "";
    if (text === "") break;
    const figures: Record<ValueRef, number | null> = {};
    columns.forEach((c, k) => {
      if (c.kind === "figure") figures[c.key] = figureOf(snapshot, sheet, cellAddress({ row, col: FIRST_FIGURE_COL + k }));
    });
    out.push({ name: text, figures });
  }
  return out;
}

/**
 * A warning when the per-unit sheet no longer lists the unit sheets (a unit added, removed or
 * renamed since the roll-up wrote it): the report's unit sentences and appendix would be stale.
 */
export function unitResultsProblems(def: ReportDefinition, snapshot: WorkbookSnapshot, units = readUnitResults(def, snapshot)): Problem[] {
  if (!units || !def.unitResults) return [];
  const listed = new Set(units.map((u) => rowLabelKey(u.name)));
  const sheets = findUnitSheets(snapshot, def).map((u) => u.unitName);
  const present = new Set(sheets.map(rowLabelKey));
  const missing = sheets.filter((n) => !listed.has(rowLabelKey(n)));
  const extra = units.map((u) => u.name).filter((n) => !present.has(rowLabelKey(n)));
  if (!missing.length && !extra.length) return [];
  const sheet = findSheet(snapshot, def.unitResults.sheet)!.name;
  return [
    {
      sheet,
      cell: `B${UNIT_RESULTS_FIRST_ROW}`,
      severity: "warning",
      code: "unitResults.outOfStep",
      message: MSG_UNIT_RESULTS.outOfStep(sheet, missing, extra),
    },
  ];
}
